"""系统设置 and 工作日调整: the settings every counter shares, the working-day
overrides, and opening the database at start-up."""

from __future__ import annotations

import datetime as dt
from typing import Any

from counter_app.core import Actor, Core
from counter_app.services import settings, startup
from counter_app.services.settings import DEFAULTS, YearInfo
from counter_app.services.startup import Hall
from ui.bridge import FieldHandler, Operations
from ui.operations import Changes, announce

__all__ = ["DEFAULTS", "Hall", "YearInfo", "confirm_year", "login_warnings", "open_hall", "save", "set_day",
           "values", "year"]


def open_hall(db_url: str | None) -> tuple[Core, Hall]:
    """The database and the hall's names, for the login dialog.  No presenter:
    there is no window behind the login yet, so the dialog says a failure
    itself (it catches the CounterError) and 登录 tries again."""
    return startup.open_hall(db_url)


def login_warnings(ops: Operations, core: Core, actor: Actor) -> tuple[str, ...]:
    """What a supervisor is told once logged in (the tracking address unset ...)."""
    ok, warnings = ops.call(startup.login_warnings, core, actor)
    return tuple(warnings) if ok else ()


def values(ops: Operations, core: Core) -> tuple[bool, dict[str, Any]]:
    return ops.call(settings.get_all, core)


def save(ops: Operations, core: Core, actor: Actor, changed: dict[str, Any], *,
         on_field_error: FieldHandler | None = None) -> bool:
    ok, _none = ops.call(settings.update, core, actor, changed, on_field_error=on_field_error)
    if ok:
        announce(Changes.of(settings=True))
    return ok


def year(ops: Operations, core: Core, number: int) -> tuple[bool, YearInfo]:
    """The year's holidays and 调休 days, and whether the whole year is known."""
    return ops.call(settings.year_info, core, number)


def set_day(ops: Operations, core: Core, actor: Actor, day: dt.date, is_workday: bool, note: str) -> bool:
    ok, _none = ops.call(settings.set_day, core, actor, day, is_workday, note)
    if ok:
        announce(Changes.of(settings=True))
    return ok


def confirm_year(ops: Operations, core: Core, actor: Actor, number: int, source: str
                 ) -> tuple[bool, str]:
    """The year confirmed, and what it says of the open deadlines counted again with
    it (their windows refresh)."""
    ok, redated = ops.call(settings.confirm_year, core, actor, number, source)
    if not ok:
        return False, ""
    announce(Changes.of(settings=True, requests=redated.ids("request"), feedback=redated.ids("feedback")))
    return True, redated.summary
