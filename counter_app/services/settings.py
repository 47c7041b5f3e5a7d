"""Settings shared by every counter, and the working-day overrides."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from counter_app import audit, tracking_codes
from counter_app.core import Actor, Core
from counter_app.db.engine import open_database, open_read_only
from counter_app.db.models import CalendarOverride, CalendarYear, Setting
from counter_app.domain.permissions import Permission
from counter_app.errors import ValidationError
from counter_app.services.redating import Recounted, redate_estimates
from counter_app.workdays import is_official_year

DEFAULTS: dict[str, Any] = {
    "company_name": "供热公司",
    "hall_name": "客户服务中心",
    "hall_address": "",
    "hall_phone": "",
    "opening_hours": "周一至周日 8:30-17:30（采暖期）",
    "tracking_base_url": "",         # unset: papers print without a QR code, a supervisor is warned
    "idle_lock_minutes": 5,
    "report_reply_days": 10,
    "timezone": "Asia/Shanghai",
}


def open_core(url: str | None = None, *, read_only: bool = False) -> Core:
    """Connect (creating and migrating on first start) and set the hall's zone.
    ``read_only``: connect without migrating, and never write (tracking service)."""
    core = Core(open_read_only(url) if read_only else open_database(url))
    with core.reading() as session:
        zone = read(session, "timezone")
    if zone != DEFAULTS["timezone"]:
        core.zone = ZoneInfo(zone)
    return core


def read(session: Session, key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = session.get(Setting, key)
    return row.value["v"] if row is not None else DEFAULTS[key]


_MANY = select(Setting.key, Setting.value).where(Setting.key.in_(bindparam("keys", expanding=True)))


def read_many(session: Session, keys: tuple[str, ...]) -> dict[str, Any]:
    """Several settings in one query (the tracking page reads the hall's contacts)."""
    if unknown := set(keys) - DEFAULTS.keys():
        raise KeyError(sorted(unknown))
    stored = {key: value["v"] for key, value in session.execute(_MANY, {"keys": list(keys)})}
    return {key: stored.get(key, DEFAULTS[key]) for key in keys}


def get_all(core: Core) -> dict[str, Any]:
    with core.reading() as session:
        return read_many(session, tuple(DEFAULTS))


def _validate(key: str, value: Any) -> Any:
    if key not in DEFAULTS:
        raise ValidationError(f"没有名为“{key}”的设置项", field=key)
    if isinstance(DEFAULTS[key], int):
        try:
            value = int(value)
        except (TypeError, ValueError):
            raise ValidationError("请填写整数", field=key) from None
        if not 1 <= value <= 365:
            raise ValidationError("请填写1-365之间的整数", field=key)
    else:
        value = str(value).strip()
    if key == "tracking_base_url" and value and not tracking_codes.is_web_address(value):
        raise ValidationError("查询网址应以 http:// 或 https:// 开头，如 https://查询服务的地址/t/",
                              field=key)
    if key == "timezone":
        try:
            ZoneInfo(value)
        except (ValueError, LookupError):
            raise ValidationError(f"时区“{value}”无效，请填写如 Asia/Shanghai 的时区名",
                                  field=key) from None
    return value


def update(core: Core, actor: Actor, values: dict[str, Any]) -> None:
    actor.require(Permission.EDIT_SETTINGS)
    checked = {key: _validate(key, value) for key, value in values.items()}
    with core.unit_of_work() as session:
        for key, value in checked.items():
            row = session.get(Setting, key)
            before = {"value": read(session, key)}
            if row is None:
                row = Setting(key=key, value={"v": value}, updated_at=core.now(),
                              updated_by_id=actor.staff_id)
                session.add(row)
            else:
                row.value = {"v": value}
                row.updated_at, row.updated_by_id = core.now(), actor.staff_id
            audit.record(session, staff_id=actor.staff_id, at=core.now(), action="update",
                         entity="setting", entity_id=key, before=before, after={"value": value})


def set_day(core: Core, actor: Actor, day: dt.date, is_workday: bool, note: str = "") -> None:
    """Enter one day of the State Council's notice (a holiday or a 调休 working day)."""
    actor.require(Permission.EDIT_CALENDAR)
    with core.unit_of_work() as session:
        row = session.get(CalendarOverride, day)
        before = audit.snapshot(row) if row else None
        if row is None:
            row = CalendarOverride(day=day, is_workday=is_workday, note=note.strip(),
                                   entered_by_id=actor.staff_id, entered_at=core.now())
            session.add(row)
        else:
            row.is_workday, row.note = is_workday, note.strip()
            row.entered_by_id, row.entered_at = actor.staff_id, core.now()
        audit.record(session, staff_id=actor.staff_id, at=core.now(), action="calendar_day",
                     obj=row, before=before)
    core.calendar_changed()


def confirm_year(core: Core, actor: Actor, year: int, source: str) -> Recounted:
    """Mark a year's notice as fully entered: its deadlines stop warning, and the
    open deadlines counted Monday-Friday over it are counted again, in the same
    transaction (returned, for the supervisor to see)."""
    actor.require(Permission.EDIT_CALENDAR)
    if not 2000 <= year <= 2100:
        raise ValidationError("年份应在2000-2100之间", field="year")
    redated = Recounted(year)
    with core.unit_of_work() as session:
        if session.get(CalendarYear, year) is None:
            row = CalendarYear(year=year, source=source.strip(), entered_by_id=actor.staff_id,
                               entered_at=core.now())
            session.add(row)
            audit.record(session, staff_id=actor.staff_id, at=core.now(), action="calendar_year",
                         obj=row)
            redated = redate_estimates(session, core, actor, year, source)
    core.calendar_changed()
    return redated


@dataclass(frozen=True)
class YearInfo:
    year: int
    official: bool                 # chinese-calendar has the year's notice
    confirmed_source: str | None   # a supervisor entered the whole notice (its reference)
    overrides: tuple[tuple[dt.date, bool, str], ...]
    summary: str                   # the text of `counter-app calendar show YEAR`

    @property
    def known(self) -> bool:
        return self.official or self.confirmed_source is not None


def year_info(core: Core, year: int) -> YearInfo:
    """What the counter knows of a year's working days, for the settings screen."""
    with core.reading() as session:
        calendar = core.calendar(session)
        rows = session.scalars(select(CalendarOverride).where(
            CalendarOverride.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
            .order_by(CalendarOverride.day))
        confirmed = session.get(CalendarYear, year)
        return YearInfo(year, is_official_year(year), confirmed.source if confirmed else None,
                        tuple((o.day, o.is_workday, o.note) for o in rows),
                        calendar.year_summary(year))
