"""The supervisor's queue: what waits for a supervisor and what is late, of
every clerk (article 20: progress is tracked and supervised).

Late means a request past its deadline or a complaint or report not answered
by its reply deadline (article 18: complaints within 5 working days) - both in
one list, how late counted in working days over the same calendar, read in one
transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.core import Actor, Core
from counter_app.db.models import Feedback, Staff
from counter_app.domain import workflow
from counter_app.domain.permissions import Permission
from counter_app.services import requests
from counter_app.services.requests import RequestRow
from counter_app.workdays import WorkdayCalendar, warning_for_years

# who sees the queue: supervisors and administrators
PERMISSION = Permission.APPROVE_STOP

# what a late item is, as the change bus and the redating name them
REQUEST, FEEDBACK = "request", "feedback"


@dataclass(frozen=True)
class Waiting:
    row: RequestRow
    asked: str        # what it waits for, e.g. “批准停热”


@dataclass(frozen=True)
class Overdue:
    """One late item: a request or a feedback entry, as the queue lists it."""

    what: str                 # REQUEST or FEEDBACK
    id: int
    number: str
    kind_name: str            # the business (停热) or the feedback's kind (投诉)
    customer: str             # the applicant, or the customer who spoke ("" anonymous)
    owner: str                # the clerk holding the request, or who logged the entry
    deadline: dt.date
    late_workdays: int        # working days past the deadline; 0 when only a weekend or holiday passed
    status: str               # 已受理 / 待答复（已转交运行部）
    deadline_warning: str | None = None   # counted over a year whose holidays are not entered


@dataclass(frozen=True)
class SupervisorQueue:
    approvals: tuple[Waiting, ...]     # the oldest first
    overdue: tuple[Overdue, ...]       # the longest overdue first, requests and feedback together


def supervisor_queue(core: Core, actor: Actor) -> SupervisorQueue:
    actor.require(PERMISSION)
    with core.reading() as session:
        waiting = sorted(requests.open_requests_in(session, core, approvals_only=True),
                         key=lambda r: r.received_at)
        calendar = core.calendar(session)
        late = [_late_request(row) for row in requests.open_requests_in(session, core, overdue_only=True)]
        late += _late_feedback(session, core, calendar)
    late.sort(key=lambda item: (item.deadline, item.what != REQUEST, item.id))
    return SupervisorQueue(tuple(Waiting(r, asked(core, r)) for r in waiting), tuple(late))


def _late_request(row: RequestRow) -> Overdue:
    assert row.deadline is not None, "an overdue request has a deadline"
    return Overdue(REQUEST, row.id, row.number, row.kind_name, row.applicant_name, row.owner,
                   row.deadline, max(-(row.days_left or 0), 0), row.status.label, row.deadline_warning)


def _late_feedback(session: Session, core: Core, calendar: WorkdayCalendar) -> list[Overdue]:
    """Complaints and reports not answered by their reply deadline (the book's
    own rule of overdue: the day after the deadline, unanswered, not superseded)."""
    today = core.today()
    rows = session.execute(
        select(Feedback.id, Feedback.number, Feedback.kind, Feedback.customer_name, Staff.display_name,
               Feedback.reply_deadline, Feedback.department)
        .join(Staff, Staff.id == Feedback.received_by_id)
        .where(Feedback.superseded.is_(False), Feedback.replied_at.is_(None),
               Feedback.reply_deadline < today)
        .order_by(Feedback.reply_deadline, Feedback.id))
    out = []
    for fid, number, kind, customer, owner, deadline, department in rows:
        assert deadline is not None, "only an entry with a reply deadline can be late"
        status = f"待答复（已转交{department}）" if department else "待答复（尚未转交）"
        out.append(Overdue(FEEDBACK, fid, number, kind.label, customer, owner, deadline,
                           calendar.count_workdays(deadline, today), status,
                           warning_for_years(calendar.fallback_years_between(deadline, today))))
    return out


def asked(core: Core, row: RequestRow) -> str:
    """The labels of the steps open now that a clerk may not take; the status
    when there are none."""
    kind = core.catalogue.get(row.kind)
    labels = []
    for action, label in row.actions:
        step = workflow.find(kind.workflow, action)
        if step is not None and step.permission is not Permission.SERVE:
            labels.append(label)
    return "、".join(labels) or row.status.label


__all__ = ["FEEDBACK", "PERMISSION", "REQUEST", "Overdue", "SupervisorQueue", "Waiting", "supervisor_queue"]
