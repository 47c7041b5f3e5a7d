"""The visitor feedback book: complaint through reply and follow-up."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.enums import Channel, FeedbackKind, Satisfaction
from counter_app.errors import Conflict, PermissionDenied, ValidationError
from counter_app.services import feedback, feedback_desk, settings
from counter_app.services.feedback import FeedbackInput


def complaint(**kw) -> FeedbackInput:
    values = dict(kind=FeedbackKind.COMPLAINT, channel=Channel.HOTLINE,
                  text="3号楼2单元室温只有14℃", customer_name="张先生", contact="13912345678")
    values.update(kw)
    return FeedbackInput(**values)


def test_complaint_reply_and_follow_up(core, people, clock):
    fid = feedback.log(core, people.clerk, complaint())
    entry = feedback.get(core, fid)
    # received Thursday 2025-11-20: 5 working days -> Thursday 2025-11-27
    assert entry.reply_deadline == dt.date(2025, 11, 27)
    assert entry.number.startswith("YJ2025")
    feedback.forward(core, people.clerk, fid, "运行部")
    with pytest.raises(Conflict, match="先答复"):
        feedback.follow_up(core, people.clerk, fid, "已回访", Satisfaction.SATISFIED)
    clock.set(2025, 11, 24, 15, 0)
    feedback.reply(core, people.clerk, fid, "已调整单元阀门，室温恢复到18℃")
    feedback.follow_up(core, people.clerk2, fid, "电话回访，室温正常", Satisfaction.SATISFIED)
    entry = feedback.get(core, fid)
    assert (entry.department, entry.satisfaction, entry.overdue) == ("运行部", Satisfaction.SATISFIED, False)
    with pytest.raises(Conflict, match="已答复"):
        feedback.reply(core, people.clerk, fid, "再答复一次")


def test_report_deadline_follows_the_setting(core, people):
    fid = feedback.log(core, people.clerk, complaint(kind=FeedbackKind.REPORT, text="有人私接暖气"))
    # default 10 working days from Thursday 2025-11-20 -> Thursday 2025-12-04
    assert feedback.get(core, fid).reply_deadline == dt.date(2025, 12, 4)
    with pytest.raises(PermissionDenied):
        settings.update(core, people.clerk, {"report_reply_days": 7})
    settings.update(core, people.admin, {"report_reply_days": 7})
    fid = feedback.log(core, people.clerk, complaint(kind=FeedbackKind.REPORT, text="有人私接暖气"))
    assert feedback.get(core, fid).reply_deadline == dt.date(2025, 12, 1)


def test_praise_and_suggestion_have_no_deadline(core, people):
    fid = feedback.log(core, people.clerk, complaint(kind=FeedbackKind.PRAISE, text="李师傅修得快",
                                                      channel=Channel.OPINION_BOX))
    assert feedback.get(core, fid).reply_deadline is None


def test_overdue_reply_needs_reason_and_lists_filter(core, people, clock):
    late = feedback.log(core, people.clerk, complaint())
    feedback.log(core, people.clerk, complaint(channel=Channel.COUNTER, department="客服部"))
    clock.set(2025, 11, 28, 9, 0)
    overdue = feedback.listing(core, overdue_only=True)
    assert {e.id for e in overdue} == {late, late + 1}
    assert [e.channel for e in feedback.listing(core, channel=Channel.COUNTER)] == [Channel.COUNTER]
    assert [e.department for e in feedback.listing(core, department="客服部")] == ["客服部"]
    with pytest.raises(ValidationError, match="超期原因"):
        feedback.reply(core, people.clerk, late, "已处理")
    feedback.reply(core, people.clerk, late, "已处理", late_reason="配件到货晚")
    assert {e.id for e in feedback.listing(core, open_only=True)} == {late + 1}


def test_correction_is_a_new_entry_and_the_old_one_stays(core, people):
    fid = feedback.log(core, people.clerk, complaint(text="室温低"))
    new = feedback.correct(core, people.clerk, fid, complaint(text="3号楼2单元301室室温低"))
    assert feedback.get(core, new).corrects_id == fid
    assert feedback.get(core, fid).text == "室温低"           # kept on record
    assert [e.id for e in feedback.listing(core)] == [new]   # lists show the correction
    with pytest.raises(Conflict):
        feedback.reply(core, people.clerk, fid, "答复旧记录")


def test_bad_input_is_refused(core, people):
    with pytest.raises(ValidationError, match="意见内容"):
        feedback.log(core, people.clerk, complaint(text="  "))
    with pytest.raises(ValidationError) as err:
        feedback.log(core, people.clerk, complaint(contact="12345"))
    assert err.value.field == "contact"
    assert feedback.listing(core) == []


def test_a_correction_keeps_the_original_clock_and_what_was_done(core, people, clock):
    fid = feedback.log(core, people.clerk, complaint(text="室温低"))
    feedback.reply(core, people.clerk, fid, "已调阀")
    clock.set(2025, 11, 28, 9, 0)
    new = feedback.correct(core, people.clerk, fid, complaint(text="3号楼室温低"))
    entry = feedback.get(core, new)
    assert entry.reply_deadline == dt.date(2025, 11, 27)   # from the first receipt, not today
    assert entry.reply_text == "已调阀" and entry.contact == "13912345678"


def test_one_follow_up_only_and_deadline_preview(core, people):
    assert feedback.preview_deadline(core, FeedbackKind.COMPLAINT).due == dt.date(2025, 11, 27)
    assert feedback.preview_deadline(core, FeedbackKind.PRAISE) is None
    fid = feedback.log(core, people.clerk, complaint(department="运行部"))
    feedback.reply(core, people.clerk, fid, "已处理")
    feedback.follow_up(core, people.clerk, fid, "满意", Satisfaction.SATISFIED)
    with pytest.raises(Conflict, match="已回访"):
        feedback.follow_up(core, people.clerk, fid, "再回访", Satisfaction.DISSATISFIED)
    assert feedback.departments(core) == ["运行部"]


# -- a correction's deadline: what the form shows is what is stored ----------------------------

def test_a_corrections_form_shows_the_deadline_saving_stores(core, people, clock):
    clock.set(2025, 12, 2, 10, 0)                              # Tuesday: due Tuesday 9 December
    fid = feedback.log(core, people.clerk, complaint(text="室温低"))
    assert feedback.get(core, fid).reply_deadline == dt.date(2025, 12, 9)
    clock.set(2025, 12, 11, 9, 0)                              # corrected after the deadline
    form = feedback_desk.entry_form(core, corrects=fid)
    assert form.deadlines[FeedbackKind.COMPLAINT].due == dt.date(2025, 12, 9)   # not 18 December
    assert form.deadlines[FeedbackKind.REPORT].due == dt.date(2025, 12, 16)     # 10 days from the 2nd
    assert form.deadlines[FeedbackKind.PRAISE] is None
    new = feedback.correct(core, people.clerk, fid, complaint(text="3号楼室温低"))
    assert feedback.get(core, new).reply_deadline == form.deadlines[FeedbackKind.COMPLAINT].due
    again = feedback.correct(core, people.clerk, new, complaint(kind=FeedbackKind.REPORT, text="私接"))
    assert feedback.get(core, again).reply_deadline == form.deadlines[FeedbackKind.REPORT].due


def test_a_correction_keeps_the_promised_date_when_the_setting_changed(core, people):
    fid = feedback.log(core, people.clerk, complaint(kind=FeedbackKind.REPORT, text="有人私接暖气"))
    assert feedback.get(core, fid).reply_deadline == dt.date(2025, 12, 4)      # 10 working days
    settings.update(core, people.admin, {"report_reply_days": 7})
    form = feedback_desk.entry_form(core, corrects=fid)
    assert form.deadlines[FeedbackKind.REPORT].due == dt.date(2025, 12, 4)
    new = feedback.correct(core, people.clerk, fid, complaint(kind=FeedbackKind.REPORT, text="3号楼私接"))
    assert feedback.get(core, new).reply_deadline == dt.date(2025, 12, 4)
    assert feedback_desk.entry_form(core).deadlines[FeedbackKind.REPORT].due == dt.date(2025, 12, 1)


def test_forwarding_without_a_department_asks_to_choose_one(core, people):
    fid = feedback.log(core, people.clerk, complaint())
    with pytest.raises(ValidationError) as err:
        feedback.forward(core, people.clerk, fid, "  ")
    assert (err.value.message, err.value.field) == ("请选择或填写转交的部门", "department")
