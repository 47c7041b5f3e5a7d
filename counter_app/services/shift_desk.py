"""开班/交班: what the shift window shows when it opens, read at once - the
clerk's open shift (if any), its handover figures so far, and whether it was
left open on an earlier day, which must be closed before today's opens
(article 6(5): 当天事情当天办)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter_app.core import Actor, Core
from counter_app.services import shifts
from counter_app.services.shifts import ShiftReport, ShiftView


@dataclass(frozen=True)
class ShiftDesk:
    shift: ShiftView | None          # None: no open shift, the window opens one
    report: ShiftReport | None       # the open shift's figures and expected cash
    opened_on: dt.date | None
    stale: bool                      # opened on an earlier day and never closed


def shift_desk(core: Core, actor: Actor) -> ShiftDesk:
    shift = shifts.current_shift(core, actor)
    if shift is None:
        return ShiftDesk(None, None, None, False)
    report = shifts.shift_report(core, actor, shift.id)
    opened = core.local(shift.opened_at).date()
    return ShiftDesk(shift, report, opened, opened != core.today())


__all__ = ["ShiftDesk", "shift_desk"]
