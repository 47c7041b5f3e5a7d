"""The supervisor's queue (F9) lists everything late: requests past their
deadline and complaints or reports not answered in time, in working days."""

from __future__ import annotations

import datetime as dt

from counter_app.domain.enums import Channel, FeedbackKind
from counter_app.services import feedback, supervision
from counter_app.services.feedback import FeedbackInput
from counter_app.services.supervision import FEEDBACK, REQUEST
from tests.helpers import application


def log(core, actor, kind=FeedbackKind.COMPLAINT, **kw) -> int:
    values = dict(kind=kind, channel=Channel.HOTLINE, text="3号楼2单元室温只有14℃", customer_name="张先生")
    values.update(kw)
    return feedback.log(core, actor, FeedbackInput(**values))


def test_late_complaints_are_in_the_queue_with_late_requests(core, people, clock):
    rid = application(core, people.clerk, 1)                   # plan reply due Tuesday 25 November
    complaint = log(core, people.clerk)                          # Thursday 20th: due Thursday 27th
    forwarded = log(core, people.clerk2, department="运行部")
    log(core, people.clerk, FeedbackKind.REPORT)                 # due 4 December: not late yet
    log(core, people.clerk, FeedbackKind.PRAISE)                 # no deadline
    answered = log(core, people.clerk)
    feedback.reply(core, people.clerk, answered, "已调阀")
    corrected = feedback.correct(core, people.clerk, log(core, people.clerk), FeedbackInput(
        kind=FeedbackKind.COMPLAINT, channel=Channel.COUNTER, text="5号楼室温低"))
    clock.set(2025, 12, 1, 9, 0)                                 # Monday

    late = supervision.supervisor_queue(core, people.supervisor).overdue
    assert [(o.what, o.id) for o in late] == [
        (REQUEST, rid), (FEEDBACK, complaint), (FEEDBACK, forwarded), (FEEDBACK, corrected)]
    by_id = {(o.what, o.id): o for o in late}
    assert by_id[REQUEST, rid].late_workdays == 4                # 26, 27, 28 November, 1 December
    entry = by_id[FEEDBACK, complaint]
    assert entry.deadline == dt.date(2025, 11, 27)
    assert entry.late_workdays == 2                              # Friday 28th and Monday 1st, not 4 days
    assert (entry.kind_name, entry.customer, entry.owner) == ("投诉", "张先生", "李营业员")
    assert entry.number == feedback.get(core, complaint).number and "尚未转交" in entry.status
    assert by_id[FEEDBACK, forwarded].owner == "赵营业员" and "运行部" in by_id[FEEDBACK, forwarded].status

    feedback.reply(core, people.clerk, complaint, "已处理", late_reason="配件到货晚")
    late = supervision.supervisor_queue(core, people.supervisor).overdue
    assert (FEEDBACK, complaint) not in {(o.what, o.id) for o in late}


def test_a_deadline_passed_over_a_weekend_only_is_late_by_less_than_a_day(core, people, clock):
    clock.set(2025, 11, 21, 10, 0)                               # Friday: due Friday 28th
    fid = log(core, people.clerk)
    clock.set(2025, 11, 29, 10, 0)                               # Saturday
    [entry] = supervision.supervisor_queue(core, people.supervisor).overdue
    assert (entry.id, entry.late_workdays) == (fid, 0)
