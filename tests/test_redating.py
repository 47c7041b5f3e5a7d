"""Deadlines stamped while next year's holidays were unknown are counted again when a
supervisor confirms that year (counter_app.services.redating, settings.confirm_year).

2027 is a year the installed chinese-calendar does not know (tests/test_workdays.py
finds it).  The notice typed in below is the supervisor's: 元旦 Friday 1 January and
Monday 4 January off, Saturday 9 January worked."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from counter_app.db.models import AuditRecord, CalendarYear, RequestEvent
from counter_app.domain.enums import Channel, EventType, FeedbackKind
from counter_app.services import feedback, requests, settings
from counter_app.services.feedback import FeedbackInput
from counter_app.services.redating import REDATE
from counter_app.workdays import is_official_year
from tests.helpers import application

SOURCE = "国办发明电〔2026〕7号"
NOTICE = ((dt.date(2027, 1, 1), False, "元旦"), (dt.date(2027, 1, 4), False, "元旦"),
          (dt.date(2027, 1, 9), True, "元旦调休"))


@pytest.fixture(autouse=True)
def _2027_unknown():
    if is_official_year(2027):  # pragma: no cover - a newer chinese-calendar
        pytest.skip("the installed chinese-calendar already knows 2027")


def enter_notice(core, supervisor) -> None:
    for day, work, note in NOTICE:
        settings.set_day(core, supervisor, day, work, note)


def redate_events(core, request_id) -> list[RequestEvent]:
    with core.reading() as s:
        return list(s.scalars(select(RequestEvent).where(
            RequestEvent.request_id == request_id, RequestEvent.action == REDATE)))


def test_confirming_a_year_redates_the_open_estimates_with_a_timeline_entry(core, people, clock):
    p = people
    clock.set(2026, 12, 1, 10, 0)
    early = application(core, p.clerk, 1)                    # due in 2026: nothing to do with 2027
    clock.set(2026, 12, 31, 10, 0)                           # Thursday: plan reply in 3 working days
    estimated = application(core, p.clerk, 2)
    gone = application(core, p.clerk, 3)
    complaint = feedback.log(core, p.clerk, FeedbackInput(
        kind=FeedbackKind.COMPLAINT, channel=Channel.COUNTER, text="暖气不热"))   # 5 working days
    before = requests.get_request(core, estimated)
    assert (before.deadline, before.deadline_fallback) == (dt.date(2027, 1, 5), True)
    assert "2027年的节假日安排尚未录入" in before.deadline_warning
    assert feedback.get(core, complaint).reply_deadline == dt.date(2027, 1, 7)

    clock.set(2026, 12, 31, 14, 0)
    enter_notice(core, p.supervisor)
    clock.set(2026, 12, 31, 15, 0)           # stamped with the days entered so far: 2027 still unconfirmed
    partly = application(core, p.clerk, 4)
    stamped = requests.get_request(core, partly)
    assert (stamped.deadline, stamped.deadline_fallback) == (dt.date(2027, 1, 7), True)
    requests.act(core, p.clerk, gone, "withdraw")            # closed: its deadline went with it

    clock.set(2026, 12, 31, 16, 0)
    redated = settings.confirm_year(core, p.supervisor, 2027, SOURCE)
    assert redated.year == 2027

    assert {(r.what, r.number, r.before, r.after, r.still_estimate) for r in redated.items} == {
        ("request", before.number, dt.date(2027, 1, 5), dt.date(2027, 1, 7), False),
        ("request", requests.get_request(core, partly).number, dt.date(2027, 1, 7), dt.date(2027, 1, 7),
         False),
        ("feedback", feedback.get(core, complaint).number, dt.date(2027, 1, 7), dt.date(2027, 1, 9),
         False)}
    after = requests.get_request(core, estimated)
    assert (after.deadline, after.deadline_fallback, after.deadline_warning) == (
        dt.date(2027, 1, 7), False, None)
    entry = after.events[-1]
    assert (entry.action, entry.event_type, entry.staff, entry.to_status) == (
        REDATE, EventType.RECORD, "王值班长", None)
    assert entry.note == (f"2027年节假日安排已录入（{SOURCE}），"
                          "办理期限按新安排重新计算：由 2027-01-05 改为 2027-01-07")
    assert entry.at == clock()
    kept = requests.get_request(core, partly)
    assert (kept.deadline, kept.deadline_fallback, kept.deadline_warning) == (
        dt.date(2027, 1, 7), False, None)
    assert kept.events[-1].note.endswith("仍为 2027-01-07")
    assert redate_events(core, early) == [] and redate_events(core, gone) == []
    reply = feedback.get(core, complaint)
    assert (reply.reply_deadline, reply.deadline_fallback) == (dt.date(2027, 1, 9), False)
    with core.reading() as s:
        trail = {(a.entity, a.after.get("deadline") or a.after.get("reply_deadline"))
                 for a in s.scalars(select(AuditRecord).where(AuditRecord.action == REDATE))}
    assert trail == {("service_request", "2027-01-07"), ("feedback", "2027-01-09"),
                     ("service_request", None)}        # the one kept its date: only the estimate mark changed
    assert "其中 2 个期限有变动" in redated.summary
    assert f"{before.number}：2027-01-05 → 2027-01-07" in redated.summary
    # confirming again changes nothing
    assert settings.confirm_year(core, p.supervisor, 2027, SOURCE).items == ()
    assert len(redate_events(core, estimated)) == 1


def test_a_deadline_counted_again_before_is_counted_from_its_own_start(core, people, clock):
    """A plan reply accepted on Thursday 30 December 2027 runs into 2027 and 2028, both
    unknown.  Confirming 2027 counts it again but it stays an estimate over 2028;
    confirming 2028 later counts the same three working days from the 30th, over
    the calendar as it stood when it was last counted."""
    p = people
    settings.set_day(core, p.supervisor, dt.date(2028, 1, 4), False, "元旦")     # entered long before
    clock.set(2027, 12, 30, 10, 0)
    rid = application(core, p.clerk, 1)              # 31 Dec, 3 Jan, (4 Jan off) 5 Jan
    first = requests.get_request(core, rid)
    assert (first.deadline, first.deadline_fallback) == (dt.date(2028, 1, 5), True)
    clock.set(2027, 12, 30, 11, 0)
    settings.set_day(core, p.supervisor, dt.date(2027, 12, 31), False, "元旦")
    clock.set(2027, 12, 30, 12, 0)
    [one] = settings.confirm_year(core, p.supervisor, 2027, SOURCE).items
    assert (one.before, one.after, one.still_estimate) == (dt.date(2028, 1, 5), dt.date(2028, 1, 6), True)
    between = requests.get_request(core, rid)
    assert "2028年的节假日安排尚未录入" in between.deadline_warning
    assert between.events[-1].note.endswith("改为 2028-01-06；另有年份的安排尚未录入，仍为估算")
    clock.set(2027, 12, 30, 13, 0)
    [two] = settings.confirm_year(core, p.supervisor, 2028, "国办发明电〔2027〕5号").items
    assert (two.before, two.after, two.still_estimate) == (dt.date(2028, 1, 6), dt.date(2028, 1, 6), False)
    last = requests.get_request(core, rid)
    assert (last.deadline, last.deadline_fallback, last.deadline_warning) == (
        dt.date(2028, 1, 6), False, None)
    assert len(redate_events(core, rid)) == 2


def test_the_redating_is_part_of_the_confirmation(core, people, clock, monkeypatch):
    """Both are stored, or neither: a failure while re-dating leaves the year
    unconfirmed and every deadline as it was."""
    clock.set(2026, 12, 31, 10, 0)
    rid = application(core, people.clerk, 1)
    clock.set(2026, 12, 31, 14, 0)
    enter_notice(core, people.supervisor)
    real = settings.redate_estimates

    def fails_after(*args, **kwargs):
        real(*args, **kwargs)
        raise RuntimeError("the connection broke")

    monkeypatch.setattr(settings, "redate_estimates", fails_after)
    with pytest.raises(RuntimeError):
        settings.confirm_year(core, people.supervisor, 2027, SOURCE)
    with core.reading() as s:
        assert s.get(CalendarYear, 2027) is None
        assert s.scalar(select(func.count(AuditRecord.id)).where(AuditRecord.action == REDATE)) == 0
    view = requests.get_request(core, rid)
    assert (view.deadline, view.deadline_fallback) == (dt.date(2027, 1, 5), True)
    assert redate_events(core, rid) == []
    monkeypatch.undo()
    assert [r.after for r in settings.confirm_year(core, people.supervisor, 2027, SOURCE).items] == [
        dt.date(2027, 1, 7)]


def test_the_calendar_dialog_says_what_moved_and_an_open_request_stops_warning(
        qtbot, qt_app, messages, core, people, clock):
    from ui.requests import RequestDialog
    from ui.settings import CalendarDialog

    clock.set(2026, 12, 31, 10, 0)
    rid = application(core, people.clerk, 1)
    request = RequestDialog(core, people.clerk, rid)
    qtbot.addWidget(request)
    request.open()
    assert request.calendar_warning.isVisibleTo(request)
    assert request.deadline.text().startswith("2027-01-05")
    clock.set(2026, 12, 31, 14, 0)
    dialog = CalendarDialog(core, people.supervisor)
    qtbot.addWidget(dialog)
    dialog.year.setValue(2027)
    for day, work, note in NOTICE:
        dialog.day.setDate(day)
        dialog.kind.setCurrentIndex(1 if work else 0)
        dialog.note.setText(note)
        dialog.add_day()
    assert not dialog.redated.isVisibleTo(dialog)
    dialog.source.setText(SOURCE)
    dialog.confirm_button.click()
    assert dialog.redated.isVisibleTo(dialog)
    number = requests.get_request(core, rid).number
    assert dialog.redated.text() == (
        "2027年安排已确认；已按新安排重新核定 1 件业务的办理期限，其中 1 个期限有变动：\n"
        f"{number}：2027-01-05 → 2027-01-07")
    # the request's window, open at another desk of the same counter, follows at once
    assert not request.calendar_warning.isVisibleTo(request)
    assert request.deadline.text().startswith("2027-01-07")
    last = request.timeline.rowCount() - 1
    assert [request.timeline.item(last, c).text() for c in (1, 2, 3)] == ["记录", "重新核定期限", "王值班长"]
