"""The request view and the supervisor's queue (issue 3)."""

from ui.requests.dialog import RequestDialog
from ui.requests.queue import SupervisorQueue

__all__ = ["RequestDialog", "SupervisorQueue"]
