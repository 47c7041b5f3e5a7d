"""Tests for counter_app.workdays - Chinese working days for counter deadlines.

The dates below are hand-checked against the State Council notices
(国务院办公厅关于2025年部分节假日安排的通知).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings, strategies as st

from counter_app.errors import CounterError
from counter_app.workdays import (
    DayInfo,
    Deadline,
    WorkdayCalendar,
    holiday_name_zh,
    is_official_year,
    warning_for_years,
)


def _first_uncovered_year() -> int:
    """First year after 2025 that the installed chinese-calendar does not know."""
    year = 2026
    while True:
        try:
            chinese_calendar.is_workday(date(year, 6, 1))
        except NotImplementedError:
            return year
        year += 1


UNCOVERED = _first_uncovered_year()  # 2027 with chinese-calendar 1.11.0


def _first_monday_of_march(year: int) -> date:
    d = date(year, 3, 1)
    return d + timedelta(days=(7 - d.weekday()) % 7)


# -- single days -------------------------------------------------------------

def test_national_day_2025_holiday_and_adjusted_working_weekends():
    cal = WorkdayCalendar()
    for day in range(1, 9):
        info = cal.day(date(2025, 10, day))
        assert info.is_workday is False
        assert info.source == "official"
    assert cal.day(date(2025, 10, 1)) == DayInfo(date(2025, 10, 1), False, "official", "国庆节")
    assert cal.day(date(2025, 10, 6)).note == "中秋节"
    # Sunday 2025-09-28 and Saturday 2025-10-11 are 调休 working days.
    assert date(2025, 9, 28).weekday() == 6 and date(2025, 10, 11).weekday() == 5
    assert cal.is_workday(date(2025, 9, 28))
    assert cal.is_workday(date(2025, 10, 11))
    assert cal.day(date(2025, 9, 28)) == DayInfo(date(2025, 9, 28), True, "official", "国庆节")
    assert cal.is_workday(date(2025, 10, 9))


def test_ordinary_days_have_empty_note():
    cal = WorkdayCalendar()
    assert cal.day(date(2025, 3, 12)) == DayInfo(date(2025, 3, 12), True, "official", "")
    assert cal.day(date(2025, 3, 15)) == DayInfo(date(2025, 3, 15), False, "official", "")


def test_holiday_names_in_chinese():
    cal = WorkdayCalendar()
    assert cal.day(date(2025, 1, 1)).note == "元旦"
    assert cal.day(date(2025, 1, 29)).note == "春节"
    assert cal.day(date(2025, 4, 4)).note == "清明节"
    assert cal.day(date(2025, 5, 1)).note == "劳动节"
    assert cal.day(date(2025, 6, 2)).note == "端午节"
    assert cal.day(date(2015, 9, 3)).note == "抗战胜利纪念日"
    assert holiday_name_zh(None) == ""
    assert holiday_name_zh("Mid-autumn Festival") == "中秋节"


def test_datetime_is_accepted_as_date():
    cal = WorkdayCalendar()
    assert cal.is_workday(datetime(2025, 10, 1, 9, 30)) is False
    assert cal.add_workdays(datetime(2025, 9, 30, 16, 0), 3).due == date(2025, 10, 11)


# -- deadlines ---------------------------------------------------------------

def test_add_workdays_across_national_day_2025():
    cal = WorkdayCalendar()
    # Start Tue 2025-09-30 (never counts); 10-01..10-08 are off;
    # Thu 10-09 = 1, Fri 10-10 = 2, Sat 10-11 (调休 working day) = 3.
    result = cal.add_workdays(date(2025, 9, 30), 3)
    assert result == Deadline(date(2025, 10, 11), ())
    assert result.warning is None


def test_plan_reply_three_working_days_after_friday_acceptance():
    cal = WorkdayCalendar()
    # Accepted Fri 2025-03-07: Mon 10 = 1, Tue 11 = 2, Wed 12 = 3.
    assert cal.add_workdays(date(2025, 3, 7), 3).due == date(2025, 3, 12)
    # Accepted Fri 2025-09-26: Sun 09-28 (调休) = 1, Mon 29 = 2, Tue 30 = 3.
    assert cal.add_workdays(date(2025, 9, 26), 3).due == date(2025, 9, 30)


def test_complaint_reply_five_working_days_over_spring_festival_2025():
    cal = WorkdayCalendar()
    # Complaint on Fri 2025-01-24: Sun 01-26 (调休) = 1, Mon 27 = 2; 01-28..02-04 off;
    # Wed 02-05 = 3, Thu 06 = 4, Fri 07 = 5.
    assert cal.add_workdays(date(2025, 1, 24), 5).due == date(2025, 2, 7)


def test_start_day_never_counts_and_zero_returns_start():
    cal = WorkdayCalendar()
    # Mon 2025-03-10 is a working day, yet 1 working day after it is Tue 03-11.
    assert cal.add_workdays(date(2025, 3, 10), 1).due == date(2025, 3, 11)
    # Starting on a holiday: 0 returns the start as is.
    assert cal.add_workdays(date(2025, 10, 1), 0) == Deadline(date(2025, 10, 1), ())


def test_negative_count_raises_value_error_with_chinese_message():
    cal = WorkdayCalendar()
    with pytest.raises(ValueError) as excinfo:
        cal.add_workdays(date(2025, 3, 7), -1)
    assert isinstance(excinfo.value, CounterError)
    assert "负数" in str(excinfo.value)


def test_override_turning_weekday_into_holiday_moves_deadline():
    base = WorkdayCalendar()
    cal = WorkdayCalendar(overrides={date(2025, 3, 11): (False, "停电停业")})
    assert base.add_workdays(date(2025, 3, 7), 3).due == date(2025, 3, 12)
    assert cal.add_workdays(date(2025, 3, 7), 3).due == date(2025, 3, 13)
    assert cal.day(date(2025, 3, 11)) == DayInfo(date(2025, 3, 11), False, "override", "停电停业")


def test_override_wins_over_official_holiday():
    cal = WorkdayCalendar(overrides={date(2025, 10, 8): (True, "值班")})
    assert cal.is_workday(date(2025, 10, 8))
    # 10-08 = 1, 10-09 = 2.
    assert cal.add_workdays(date(2025, 9, 30), 2).due == date(2025, 10, 9)


# -- years chinese-calendar does not know ------------------------------------

def test_uncovered_year_falls_back_to_monday_friday_with_warning():
    cal = WorkdayCalendar()
    assert not cal.is_known_year(UNCOVERED)
    assert not is_official_year(UNCOVERED)
    monday = _first_monday_of_march(UNCOVERED)
    result = cal.add_workdays(monday, 5)  # must not raise
    assert result.due == monday + timedelta(days=7)
    assert result.fallback_years == (UNCOVERED,)
    assert result.warning is not None
    assert f"{UNCOVERED}年" in result.warning
    assert "周一至周五" in result.warning
    info = cal.day(monday)
    assert info == DayInfo(monday, True, "fallback", "")
    assert cal.day(monday + timedelta(days=5)).is_workday is False  # Saturday


def test_years_before_coverage_fall_back_too():
    cal = WorkdayCalendar()
    assert not cal.is_known_year(2003)
    assert cal.day(date(2003, 10, 1)).source == "fallback"
    assert cal.add_workdays(date(2003, 9, 30), 1).fallback_years == (2003,)


def test_deadline_crossing_into_uncovered_year_warns():
    if UNCOVERED != 2027:
        pytest.skip("chinese-calendar now covers 2027")
    cal = WorkdayCalendar()
    # Wed 2026-12-30: Thu 12-31 = 1 (official), Fri 2027-01-01 = 2 (Mon-Fri guess,
    # although New Year's Day will surely be a holiday), Mon 2027-01-04 = 3.
    result = cal.add_workdays(date(2026, 12, 30), 3)
    assert result == Deadline(date(2027, 1, 4), (2027,))
    assert result.warning.startswith("2027年的节假日安排尚未录入")


def test_confirmed_year_removes_warning_and_uses_overrides():
    overrides = {date(UNCOVERED, 10, d): (False, "国庆节") for d in range(1, 8)}
    cal = WorkdayCalendar(overrides=overrides, confirmed_years=[UNCOVERED])
    assert cal.is_known_year(UNCOVERED)
    monday = _first_monday_of_march(UNCOVERED)
    result = cal.add_workdays(monday, 5)
    assert result == Deadline(monday + timedelta(days=7), ())
    assert result.warning is None
    assert cal.day(monday).source == "override"
    assert cal.day(date(UNCOVERED, 10, 1)) == DayInfo(date(UNCOVERED, 10, 1), False, "override", "国庆节")
    # All of 10-01..10-07 off: the first working day after 09-30 is after 10-07.
    due = cal.add_workdays(date(UNCOVERED, 9, 30), 1).due
    assert due > date(UNCOVERED, 10, 7) and due.weekday() < 5


def test_overrides_alone_do_not_make_a_year_known():
    cal = WorkdayCalendar(overrides={date(UNCOVERED, 1, 1): (False, "元旦")})
    assert not cal.is_known_year(UNCOVERED)
    assert cal.day(date(UNCOVERED, 1, 1)).source == "override"
    assert cal.add_workdays(date(UNCOVERED, 3, 1), 1).fallback_years == (UNCOVERED,)


def test_warning_lists_several_years():
    text = warning_for_years([2028, 2027, 2027])
    assert text.startswith("2027年、2028年的节假日安排尚未录入")
    assert "设置 - 工作日调整" in text
    assert warning_for_years([]) is None


# -- workdays_left ---------------------------------------------------------

def test_workdays_left_positive_zero_negative():
    cal = WorkdayCalendar()
    # (09-30, 10-11]: 10-09, 10-10, 10-11 -> 3.
    assert cal.workdays_left(date(2025, 9, 30), date(2025, 10, 11)) == 3
    assert cal.workdays_left(date(2025, 10, 11), date(2025, 10, 11)) == 0
    # Due 2025-03-12 (Wed), today Mon 03-17: (12, 17] = Thu 13, Fri 14, Mon 17 -> -3.
    assert cal.workdays_left(date(2025, 3, 17), date(2025, 3, 12)) == -3
    # Due on the eve of the holiday, today the last holiday day: nothing worked yet.
    assert cal.workdays_left(date(2025, 10, 8), date(2025, 9, 30)) == 0


# -- whole years -------------------------------------------------------------

def test_year_lists_every_day():
    cal = WorkdayCalendar()
    days = cal.year(2024)
    assert len(days) == 366
    assert days[0].day == date(2024, 1, 1) and days[-1].day == date(2024, 12, 31)
    assert len(cal.year(UNCOVERED)) in (365, 366)
    assert {d.source for d in cal.year(UNCOVERED)} == {"fallback"}


def test_year_summary_2025():
    cal = WorkdayCalendar(overrides={date(2025, 3, 11): (False, "停电停业")})
    text = cal.year_summary(2025)
    lines = text.splitlines()
    assert lines[0] == "2025年工作日安排"
    assert "来源：国务院通知数据" in text
    # 261 weekdays - 18 weekday holidays + 5 working weekends - 1 override = 247.
    assert "工作日：247 天" in text
    assert "  2025-10-01 周三 国庆节" in lines
    assert "  2025-10-06 周一 中秋节" in lines
    assert "  2025-09-28 周日 国庆节" in lines
    assert "  2025-10-11 周六 国庆节" in lines
    assert text.index("放假") < text.index("2025-10-01") < text.index("调休上班") < text.index("2025-09-28")
    assert "  2025-03-11 周二 休息 停电停业" in lines
    assert "尚未录入" not in text


def test_year_summary_plain_2025_counts_248_working_days():
    assert "工作日：248 天" in WorkdayCalendar().year_summary(2025)


def test_year_summary_uncovered_year_warns():
    text = WorkdayCalendar().year_summary(UNCOVERED)
    assert "来源：无数据，按周一至周五" in text
    assert f"{UNCOVERED}年的节假日安排尚未录入" in text
    confirmed = WorkdayCalendar(confirmed_years=[UNCOVERED]).year_summary(UNCOVERED)
    assert "来源：主管录入" in confirmed
    assert "尚未录入" not in confirmed


# -- properties and speed ----------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)),
    n=st.integers(min_value=1, max_value=30),
)
def test_add_workdays_property(start, n):
    cal = WorkdayCalendar()
    result = cal.add_workdays(start, n)
    assert result.due > start
    assert cal.is_workday(result.due)
    span = [start + timedelta(days=i) for i in range(1, (result.due - start).days + 1)]
    assert sum(cal.is_workday(d) for d in span) == n
    assert cal.workdays_left(start, result.due) == n
    assert cal.workdays_left(result.due, start) == -n
    expected_fallback = sorted({d.year for d in span if not cal.is_known_year(d.year)})
    assert list(result.fallback_years) == expected_fallback
    assert (result.warning is None) == (not expected_fallback)
