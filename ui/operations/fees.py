"""The fee windows: the schedule's versions and a new one, the season's bills,
reductions and their approval, and the arrears list.  The season's batch and
the arrears list can take minutes: they run on a worker thread (``background``)
with a progress label, and ``done`` gets the result in the window's thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from counter_app.core import Actor, Core
from counter_app.services import accounts, billing, fee_desk, fees
from counter_app.services.accounts import AccountView
from counter_app.services.billing import ArrearsRow, ReductionView, SeasonRun
from counter_app.services.fee_desk import ReductionQueue, ScheduleBoard, SeasonChoices, SeasonTerms
from counter_app.services.fees import MAX_EARLY_DISCOUNT_BP, MAX_LATE_FEE_PPM, ItemInput, ScheduleView
from ui.bridge import FieldHandler, Operations
from ui.operations import Changes, announce

__all__ = ["MAX_EARLY_DISCOUNT_BP", "MAX_LATE_FEE_PPM", "AccountView", "ArrearsRow", "ItemInput",
           "ReductionQueue", "ReductionView", "ScheduleBoard", "ScheduleView", "SeasonChoices",
           "SeasonRun", "SeasonTerms", "arrears", "bill_season", "board", "decide_reduction",
           "publish", "reduction_form", "reduction_queue", "request_reduction", "season_choices",
           "season_terms"]


# -- the schedule ---------------------------------------------------------------------

def board(ops: Operations, core: Core) -> tuple[bool, ScheduleBoard]:
    """Every published version, which is in force, and each as published lines."""
    return ops.call(fee_desk.schedule_board, core)


def publish(ops: Operations, core: Core, actor: Actor, values: dict[str, Any], *,
            on_field_error: FieldHandler | None = None) -> tuple[bool, int]:
    """A new version of a season's schedule (``values``: the form's fields)."""
    ok, schedule_id = ops.call(fees.create_schedule, core, actor, **values, on_field_error=on_field_error)
    if ok:
        announce(Changes.of(fees=True))
    return ok, schedule_id


# -- the season's bills ---------------------------------------------------------------

def season_choices(ops: Operations, core: Core) -> tuple[bool, SeasonChoices]:
    return ops.call(fee_desk.season_choices, core)


def season_terms(ops: Operations, core: Core, season: str, *,
                 on_field_error: FieldHandler | None = None) -> tuple[bool, SeasonTerms]:
    """The version the season would be billed with today."""
    return ops.call(fee_desk.season_terms, core, season, on_field_error=on_field_error)


def bill_season(ops: Operations, core: Core, actor: Actor, season: str,
                done: Callable[[SeasonRun], None]) -> None:
    """建立年度收费 on a worker thread; a failure is reported and ``ops.failed`` emitted."""
    def finished(run: SeasonRun) -> None:
        announce(Changes.of(fees=True))
        done(run)
    ops.background(lambda: billing.generate_season(core, actor, season), finished,
                   label=QCoreApplication.translate("Fees", "正在建立{0}采暖季账单，请稍候……").format(season))


# -- arrears --------------------------------------------------------------------------

def arrears(ops: Operations, core: Core, done: Callable[[list[ArrearsRow]], None]) -> None:
    """Every account owing past a due date, with the late fee to today, on a
    worker thread."""
    ops.background(lambda: billing.arrears_list(core), done,
                   label=QCoreApplication.translate("Fees", "正在计算欠费，请稍候……"))


# -- reductions -----------------------------------------------------------------------

def reduction_form(ops: Operations, core: Core, account_id: int) -> tuple[bool, AccountView]:
    """The account the reduction is asked for, named at the top of the form."""
    return ops.call(accounts.get_account, core, account_id)


def request_reduction(ops: Operations, core: Core, actor: Actor, account_id: int, season: str, kind: str,
                      reason: str, document: str, *, percent_bp: int | None, amount_fen: int | None,
                      on_field_error: FieldHandler | None = None) -> tuple[bool, int]:
    ok, reduction_id = ops.call(billing.request_reduction, core, actor, account_id, season, kind, reason,
                                document, percent_bp=percent_bp, amount_fen=amount_fen,
                                on_field_error=on_field_error)
    if ok:
        announce(Changes.of(accounts=[account_id], fees=True))
    return ok, reduction_id


def reduction_queue(ops: Operations, core: Core) -> tuple[bool, ReductionQueue]:
    """The reductions waiting for a supervisor, oldest first."""
    return ops.call(fee_desk.reduction_queue, core)


def decide_reduction(ops: Operations, core: Core, actor: Actor, reduction: ReductionView, approve: bool,
                     note: str, *, on_field_error: FieldHandler | None = None) -> bool:
    ok, _none = ops.call(billing.decide_reduction, core, actor, reduction.id, approve, note,
                         on_field_error=on_field_error)
    if ok:
        announce(Changes.of(accounts=[reduction.account_id], fees=True))
    return ok
