"""The money screens of supervisors and administrators: the fee
schedule, the season's batch of bills, reductions and the arrears list."""

from ui.fees.arrears import ArrearsWindow
from ui.fees.reduction import ReductionDialog
from ui.fees.schedule import ScheduleDialog
from ui.fees.season import SeasonBillingDialog

__all__ = ["ArrearsWindow", "ReductionDialog", "ScheduleDialog", "SeasonBillingDialog"]
