"""The visitor feedback book (意见簿): complaints, reports, suggestions, praise.

Received -> forwarded to a department -> replied (complaints within 5 working
days, reports within a configurable number) -> follow-up visit (回访) with the
customer's satisfaction.  Nothing is deleted: a correction is a new entry that
points at the one it corrects, which is marked superseded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app import audit, idempotency, validation
from counter_app.core import Actor, Core
from counter_app.db import sequences
from counter_app.db.models import Feedback
from counter_app.domain.enums import Channel, FeedbackKind, Satisfaction
from counter_app.domain.permissions import Permission
from counter_app.errors import Conflict, NotFound, ValidationError
from counter_app.services import settings
from counter_app.workdays import Deadline

COMPLAINT_REPLY_DAYS = 5


def reply_days(session: Session, kind: FeedbackKind) -> int | None:
    if kind is FeedbackKind.COMPLAINT:
        return COMPLAINT_REPLY_DAYS
    if kind is FeedbackKind.REPORT:
        return int(settings.read(session, "report_reply_days"))
    return None


def reply_deadline(session: Session, core: Core, kind: FeedbackKind, received: dt.datetime,
                   corrects: Feedback | None = None) -> Deadline | None:
    """The reply deadline of an entry of ``kind`` received at ``received``.

    A correction keeps the deadline of the entry it corrects while the kind stays
    the same: that date was told to the customer, and a later change of the
    report setting does not move a promise already made.  A correction that
    changes the kind counts the new kind's days from when the customer first
    spoke (``received`` is the original's).  The book, the correction form and
    the stored entry all take their date from here."""
    if corrects is not None and corrects.kind is kind and corrects.reply_deadline is not None:
        calendar = core.calendar(session)
        years = (calendar.fallback_years_between(core.local(received).date(), corrects.reply_deadline)
                 if corrects.deadline_fallback else ())
        return Deadline(corrects.reply_deadline, years)
    days = reply_days(session, kind)
    return core.calendar(session).add_workdays(core.local(received).date(), days) if days else None


def preview_deadline(core: Core, kind: FeedbackKind) -> Deadline | None:
    """The reply deadline an entry of ``kind`` logged now would get."""
    with core.reading() as session:
        return reply_deadline(session, core, kind, core.now())


def departments(core: Core) -> list[str]:
    """The departments feedback has been forwarded to, for choosing again."""
    with core.reading() as session:
        return sorted(d for d in session.scalars(select(Feedback.department).distinct()) if d)


@dataclass
class FeedbackInput:
    kind: FeedbackKind
    channel: Channel
    text: str
    customer_name: str = ""
    contact: str = ""
    account_id: int | None = None
    department: str = ""


def load(session: Session, feedback_id: int) -> Feedback:
    entry = session.get(Feedback, feedback_id)
    if entry is None:
        raise NotFound(f"没有编号为 {feedback_id} 的意见记录")
    return entry


def _new(session: Session, core: Core, actor: Actor, data: FeedbackInput,
         corrects: Feedback | None = None) -> Feedback:
    text = validation.check_text(data.text, 4000, True, field="text", label="意见内容")
    if data.contact.strip():
        validation.check_phone(data.contact, field="contact", label="联系电话")
    now = core.now()
    received = corrects.received_at if corrects else now
    deadline = reply_deadline(session, core, data.kind, received, corrects)
    entry = Feedback(
        number=f"YJ{now:%Y}{sequences.next_value(session, f'feedback-{now:%Y}'):05d}",
        kind=data.kind, channel=data.channel, account_id=data.account_id,
        customer_name=data.customer_name.strip(), contact=data.contact.strip(), text=text,
        department=data.department.strip(), received_at=received, received_by_id=actor.staff_id,
        reply_deadline=deadline.due if deadline else None,
        deadline_fallback=bool(deadline and deadline.fallback_years),
        corrects_id=corrects.id if corrects else None)
    if corrects is not None:  # what was already done for the customer stays done
        for key in ("reply_text", "replied_at", "replied_by_id", "late_reason", "followup_at",
                    "followup_by_id", "followup_result", "satisfaction"):
            setattr(entry, key, getattr(corrects, key))
    session.add(entry)
    session.flush()
    audit.record(session, staff_id=actor.staff_id, at=now, action="create", obj=entry)
    return entry


def log(core: Core, actor: Actor, data: FeedbackInput, *, client_token: str | None = None) -> int:
    """Record what a customer said; returns its id.  A repeat with the same
    ``client_token`` returns the first entry's id instead of a second entry."""
    actor.require(Permission.SERVE)
    token = idempotency.check(client_token)

    def record() -> int:
        with core.unit_of_work() as session:
            idempotency.guard(session, token, "feedback")
            entry = _new(session, core, actor, data)
            idempotency.remember(session, core, actor, token, "feedback", entry.id)
            return entry.id
    return idempotency.replaying(core, token, "feedback", record, lambda first: first)


def correct(core: Core, actor: Actor, feedback_id: int, data: FeedbackInput) -> int:
    """A corrected entry replaces the old one in lists; the old one stays on record."""
    actor.require(Permission.SERVE)
    with core.unit_of_work() as session:
        old = load(session, feedback_id)
        if old.superseded:
            raise Conflict(f"意见 {old.number} 已被更正过，请更正最新的一条")
        before = audit.snapshot(old)
        old.superseded = True
        audit.record(session, staff_id=actor.staff_id, at=core.now(), action="supersede",
                     obj=old, before=before)
        return _new(session, core, actor, data, corrects=old).id


def _update(core: Core, actor: Actor, feedback_id: int, action: str,
            change: Callable[[Feedback], None]) -> None:
    actor.require(Permission.SERVE)
    with core.unit_of_work() as session:
        entry = load(session, feedback_id)
        if entry.superseded:
            raise Conflict(f"意见 {entry.number} 已被更正，请在更正后的记录上办理")
        before = audit.snapshot(entry)
        change(entry)
        audit.record(session, staff_id=actor.staff_id, at=core.now(), action=action,
                     obj=entry, before=before)


def forward(core: Core, actor: Actor, feedback_id: int, department: str) -> None:
    if not department.strip():
        raise ValidationError("请选择或填写转交的部门", field="department")

    def change(entry: Feedback) -> None:
        entry.department = department.strip()
    _update(core, actor, feedback_id, "forward", change)


def reply(core: Core, actor: Actor, feedback_id: int, text: str, late_reason: str = "") -> None:
    if not text.strip():
        raise ValidationError("请填写答复内容", field="reply_text")

    def change(entry: Feedback) -> None:
        if entry.replied_at is not None:
            raise Conflict(f"意见 {entry.number} 已答复；如需更改请新建更正记录")
        if entry.reply_deadline and core.today() > entry.reply_deadline and not late_reason.strip():
            raise ValidationError(
                f"已超过答复期限（{entry.reply_deadline:%Y-%m-%d}），请填写超期原因",
                field="late_reason")
        entry.reply_text, entry.replied_at, entry.replied_by_id = text.strip(), core.now(), actor.staff_id
        entry.late_reason = late_reason.strip()
    _update(core, actor, feedback_id, "reply", change)


def follow_up(core: Core, actor: Actor, feedback_id: int, result: str,
              satisfaction: Satisfaction) -> None:
    if not result.strip():
        raise ValidationError("请填写回访情况", field="followup_result")

    def change(entry: Feedback) -> None:
        if entry.replied_at is None and entry.kind in (FeedbackKind.COMPLAINT, FeedbackKind.REPORT):
            raise Conflict("请先答复，再回访")
        if entry.followup_at is not None:
            raise Conflict(f"意见 {entry.number} 已回访；如需补充请新建更正记录")
        entry.followup_at, entry.followup_by_id = core.now(), actor.staff_id
        entry.followup_result, entry.satisfaction = result.strip(), satisfaction
    _update(core, actor, feedback_id, "follow_up", change)


@dataclass(frozen=True)
class FeedbackView:
    id: int
    number: str
    kind: FeedbackKind
    channel: Channel
    customer_name: str
    text: str
    department: str
    received_at: dt.datetime
    reply_deadline: dt.date | None
    deadline_fallback: bool
    reply_text: str
    replied_at: dt.datetime | None
    followup_result: str
    satisfaction: Satisfaction | None
    corrects_id: int | None
    overdue: bool
    contact: str = ""
    account_id: int | None = None
    late_reason: str = ""
    followup_at: dt.datetime | None = None


def view(core: Core, e: Feedback) -> FeedbackView:
    overdue = bool(e.reply_deadline and e.replied_at is None and core.today() > e.reply_deadline)
    return FeedbackView(e.id, e.number, e.kind, e.channel, e.customer_name, e.text, e.department,
                        e.received_at, e.reply_deadline, e.deadline_fallback, e.reply_text,
                        e.replied_at, e.followup_result, e.satisfaction, e.corrects_id, overdue,
                        e.contact, e.account_id, e.late_reason, e.followup_at)


def get(core: Core, feedback_id: int) -> FeedbackView:
    with core.reading() as session:
        return view(core, load(session, feedback_id))


def listing(core: Core, *, open_only: bool = False, overdue_only: bool = False,
            due_within_days: int | None = None, channel: Channel | None = None,
            department: str | None = None, limit: int = 500) -> list[FeedbackView]:
    with core.reading() as session:
        stmt = select(Feedback).where(Feedback.superseded.is_(False))
        if open_only or overdue_only or due_within_days is not None:
            stmt = stmt.where(Feedback.replied_at.is_(None))
        if overdue_only:
            stmt = stmt.where(Feedback.reply_deadline < core.today())
        if due_within_days is not None:
            stmt = stmt.where(Feedback.reply_deadline <= core.today() + dt.timedelta(days=due_within_days))
        if channel is not None:
            stmt = stmt.where(Feedback.channel == channel)
        if department:
            stmt = stmt.where(Feedback.department == department)
        stmt = stmt.order_by(Feedback.id.desc()).limit(limit)
        return [view(core, e) for e in session.scalars(stmt)]
