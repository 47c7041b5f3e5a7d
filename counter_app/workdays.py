"""Chinese working days for counter deadlines (pure: no database, no Qt).

A day's status is decided, first match wins, by:

1. a supervisor's override (date -> (is_workday, note)) typed in from the State
   Council's yearly notice - source ``"override"``;
2. the ``chinese-calendar`` package for the years it covers (holidays and 调休
   working weekends) - source ``"official"``;
3. a year a supervisor has *confirmed* (entered the whole notice for): any day
   not overridden is an ordinary day, Monday-Friday - source ``"override"``
   (the supervisor's entry is the authority for that year);
4. otherwise Monday-Friday, source ``"fallback"``.  Nothing raises: a deadline
   counted over such a year carries a Chinese warning the UI must show.

``chinese-calendar`` data is read once per year and cached for the process.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar as _cc

from counter_app.errors import ValidationError

__all__ = [
    "DayInfo",
    "Deadline",
    "InvalidWorkdayCount",
    "WorkdayCalendar",
    "holiday_name_zh",
    "is_official_year",
    "official_years",
    "warning_for_years",
]

_ONE_DAY = timedelta(days=1)
WEEKDAY_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

# chinese_calendar.get_holiday_detail names (lower-cased) -> the usual Chinese name.
_HOLIDAY_ZH = {
    "new year's day": "元旦",
    "spring festival": "春节",
    "tomb-sweeping day": "清明节",
    "labour day": "劳动节",
    "labor day": "劳动节",
    "dragon boat festival": "端午节",
    "mid-autumn festival": "中秋节",
    "national day": "国庆节",
    "anti-fascist 70th day": "抗战胜利纪念日",
}


# the years a calendar can be asked for: the holiday data starts in 2004, and a
# request or a season is never dated a century away
FIRST_YEAR, LAST_YEAR = 2000, 2099


class InvalidWorkdayCount(ValidationError, ValueError):
    """A negative number of working days was asked for."""


def holiday_name_zh(name: str | None) -> str:
    """The Chinese name of a chinese-calendar holiday name ("" for None)."""
    if not name:
        return ""
    zh = _HOLIDAY_ZH.get(str(name).strip().lower())
    if zh:
        return zh
    for member in getattr(getattr(_cc, "Holiday", None), "__members__", {}).values():
        if member.value == name and getattr(member, "chinese", None):
            return str(member.chinese)
    return str(name)


# year -> {date: (is_workday, chinese name)} for the year's non-ordinary days,
# or None when chinese-calendar has no data for the year.
_OFFICIAL: dict[int, dict[date, tuple[bool, str]] | None] = {}


def _official(year: int) -> dict[date, tuple[bool, str]] | None:
    try:
        return _OFFICIAL[year]
    except KeyError:
        pass
    table: dict[date, tuple[bool, str]] = {}
    try:
        d = date(year, 1, 1)
        while d.year == year:
            is_holiday, name = _cc.get_holiday_detail(d)
            if is_holiday != (d.weekday() >= 5) or name:
                table[d] = (not is_holiday, holiday_name_zh(name))
            d += _ONE_DAY
    except (NotImplementedError, ValueError, OverflowError):
        _OFFICIAL[year] = None
        return None
    _OFFICIAL[year] = table
    return table


def is_official_year(year: int) -> bool:
    """True when the installed chinese-calendar has data for ``year``."""
    return _official(year) is not None


def official_years() -> tuple[int, int] | None:
    """(first, last) year covered by the installed chinese-calendar, if any."""
    data = getattr(getattr(_cc, "constants", None), "holidays", None)
    if data:
        return min(data).year, max(data).year
    covered = [y for y in range(date.today().year - 30, date.today().year + 5) if is_official_year(y)]
    return (covered[0], covered[-1]) if covered else None


def warning_for_years(years: Iterable[int]) -> str | None:
    """The warning shown when days of ``years`` were counted Monday-Friday only."""
    ys = sorted(set(years))
    if not ys:
        return None
    names = "、".join(f"{y}年" for y in ys)
    return (
        f"{names}的节假日安排尚未录入，期限按周一至周五计算，可能不准；"
        "请主管在“设置 - 工作日调整”中按国务院通知录入。"
    )


def _as_date(d: date) -> date:
    if isinstance(d, _dt.datetime):
        return d.date()
    if not isinstance(d, date):
        raise TypeError(f"expected datetime.date, got {type(d).__name__}")
    return d


@dataclass(frozen=True)
class DayInfo:
    day: date
    is_workday: bool
    source: str  # "official" | "override" | "fallback"
    note: str = ""


@dataclass(frozen=True)
class Deadline:
    due: date
    fallback_years: tuple[int, ...] = ()  # years whose days were counted Mon-Fri only

    @property
    def warning(self) -> str | None:
        return warning_for_years(self.fallback_years)


class WorkdayCalendar:
    """Working days = chinese-calendar + supervisor overrides, Mon-Fri fallback."""

    def __init__(
        self,
        overrides: Mapping[date, tuple[bool, str]] | None = None,
        confirmed_years: Iterable[int] = (),
    ) -> None:
        self._overrides: dict[date, tuple[bool, str]] = {}
        for d, value in (overrides or {}).items():
            if isinstance(value, tuple):
                is_work, note = (*value, "")[:2]
            else:  # a bare bool is accepted too
                is_work, note = value, ""
            self._overrides[_as_date(d)] = (bool(is_work), str(note or ""))
        self._confirmed = frozenset(int(y) for y in confirmed_years)

    # -- single days -------------------------------------------------------
    def is_known_year(self, year: int) -> bool:
        return year in self._confirmed or _official(year) is not None

    def is_workday(self, d: date) -> bool:
        d = _as_date(d)
        ov = self._overrides.get(d)
        if ov is not None:
            return ov[0]
        table = _official(d.year)
        if table is not None:
            entry = table.get(d)
            if entry is not None:
                return entry[0]
        return d.weekday() < 5

    def day(self, d: date) -> DayInfo:
        d = _as_date(d)
        ov = self._overrides.get(d)
        if ov is not None:
            return DayInfo(d, ov[0], "override", ov[1])
        table = _official(d.year)
        if table is not None:
            entry = table.get(d)
            if entry is not None:
                return DayInfo(d, entry[0], "official", entry[1])
            return DayInfo(d, d.weekday() < 5, "official", "")
        source = "override" if d.year in self._confirmed else "fallback"
        return DayInfo(d, d.weekday() < 5, source, "")

    def _is_fallback(self, d: date) -> bool:
        return d not in self._overrides and not self.is_known_year(d.year)

    # -- counting ------------------------------------------------------------
    def add_workdays(self, start: date, n: int) -> Deadline:
        """The n-th working day strictly after ``start`` (start never counts)."""
        start = _as_date(start)
        if n < 0:
            raise InvalidWorkdayCount(f"工作日天数不能为负数（收到 {n}）。", field="workdays")
        d, count, fallback = start, 0, set()
        cur_year, cur_known = None, True
        while count < n:
            d += _ONE_DAY
            if d.year != cur_year:
                cur_year, cur_known = d.year, self.is_known_year(d.year)
            if not cur_known and d not in self._overrides:
                fallback.add(d.year)
            if self.is_workday(d):
                count += 1
        return Deadline(d, tuple(sorted(fallback)))

    def count_workdays(self, after: date, through: date) -> int:
        """Working days in (after, through]; 0 when through <= after."""
        after, through = _as_date(after), _as_date(through)
        count, d = 0, after
        while d < through:
            d += _ONE_DAY
            if self.is_workday(d):
                count += 1
        return count

    def workdays_left(self, today: date, due: date) -> int:
        """Working days in (today, due]; 0 on the day; minus those in (due, today] when late.

        Note: overdue by weekend/holiday days only still gives 0 - compare the
        dates themselves to decide "overdue".
        """
        today, due = _as_date(today), _as_date(due)
        if due >= today:
            return self.count_workdays(today, due)
        return -self.count_workdays(due, today)

    def fallback_years_between(self, a: date, b: date) -> tuple[int, ...]:
        """Years in the span [min(a,b), max(a,b)] counted Mon-Fri only (for warnings)."""
        lo, hi = sorted((_as_date(a), _as_date(b)))
        return tuple(y for y in range(lo.year, hi.year + 1) if not self.is_known_year(y))

    # -- whole years -------------------------------------------------------
    def year(self, year: int) -> list[DayInfo]:
        days, d = [], date(year, 1, 1)
        while d.year == year:
            days.append(self.day(d))
            if d == date.max:
                break
            d += _ONE_DAY
        return days

    def year_summary(self, year: int) -> str:
        """Text for ``counter-app calendar show YEAR``."""
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValidationError(f"年份 {year} 不在可查询的范围内，"
                                  f"请输入 {FIRST_YEAR}-{LAST_YEAR} 之间的四位年份，如 2027", field="year")
        days = self.year(year)
        overrides = sorted((d, v) for d, v in self._overrides.items() if d.year == year)
        official = is_official_year(year)
        if official:
            source = "国务院通知数据（chinese-calendar）"
            if overrides:
                source += f"，另有主管录入调整 {len(overrides)} 条"
        elif year in self._confirmed:
            source = "主管录入（已按国务院通知确认全年安排）"
        else:
            source = "无数据，按周一至周五计算"
            if overrides:
                source += f"（另有主管录入调整 {len(overrides)} 条）"

        def line(info: DayInfo) -> str:
            text = f"  {info.day.isoformat()} {WEEKDAY_ZH[info.day.weekday()]}"
            if info.note:
                text += f" {info.note}"
            if info.source == "override" and info.day in self._overrides:
                text += "（主管录入）"
            return text

        off = [i for i in days if not i.is_workday and i.day.weekday() < 5]
        on = [i for i in days if i.is_workday and i.day.weekday() >= 5]
        workdays = sum(1 for i in days if i.is_workday)
        lines = [
            f"{year}年工作日安排",
            f"来源：{source}",
            f"工作日：{workdays} 天（休息日 {len(days) - workdays} 天）",
            f"放假（周一至周五休息）：{len(off)} 天",
        ]
        lines += [line(i) for i in off] or ["  无"]
        lines.append(f"调休上班（周末上班）：{len(on)} 天")
        lines += [line(i) for i in on] or ["  无"]
        lines.append(f"主管录入的调整：{len(overrides)} 条")
        for d, (is_work, note) in overrides:
            text = f"  {d.isoformat()} {WEEKDAY_ZH[d.weekday()]} {'上班' if is_work else '休息'}"
            lines.append(text + (f" {note}" if note else ""))
        if not overrides:
            lines.append("  无")
        if not self.is_known_year(year):
            lines.append(f"注意：{warning_for_years([year])}")
        return "\n".join(lines)
