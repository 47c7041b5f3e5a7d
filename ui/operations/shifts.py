"""开班/交班: the clerk's drawer - opening it with a float, and closing it with
the cash counted by denomination (a difference approved by a supervisor)."""

from __future__ import annotations

from counter_app.core import Actor, Core
from counter_app.services import shift_desk, shifts
from counter_app.services.shift_desk import ShiftDesk
from counter_app.services.shifts import DENOMINATIONS, ShiftReport, ShiftView, denomination_label
from ui.bridge import FieldHandler, Operations
from ui.operations import Changes, announce

__all__ = ["DENOMINATIONS", "ShiftDesk", "ShiftReport", "ShiftView", "close_shift", "denomination_label",
           "desk", "open_shift"]


def desk(ops: Operations, core: Core, actor: Actor) -> tuple[bool, ShiftDesk]:
    """The clerk's open shift with its figures so far, or none to open."""
    return ops.call(shift_desk.shift_desk, core, actor)


def open_shift(ops: Operations, core: Core, actor: Actor, float_amount: str, *,
               on_field_error: FieldHandler | None = None) -> tuple[bool, ShiftView]:
    ok, view = ops.call(shifts.open_shift, core, actor, float_amount, on_field_error=on_field_error)
    if ok:
        announce(Changes.of(shifts=True))
    return ok, view


def close_shift(ops: Operations, core: Core, actor: Actor, counted: dict[str, int], *, reason: str,
                supervisor: Actor | None,
                on_field_error: FieldHandler | None = None) -> tuple[bool, ShiftView]:
    ok, view = ops.call(shifts.close_shift, core, actor, counted, reason=reason, supervisor=supervisor,
                        on_field_error=on_field_error)
    if ok:
        announce(Changes.of(shifts=True))
    return ok, view
