"""Deadlines counted while a year's holidays were unknown, counted again when a
supervisor confirms that year's notice.

A deadline whose working days ran into a year the calendar did not know was
counted Monday-Friday there: an estimate (``deadline_fallback``), and the counter
warns about it.  Confirming the year (``settings.confirm_year``) counts every open
estimate again from its own start over the calendar as it now stands, in the
confirmation's transaction: a request gets a timeline entry saying what its
deadline became (article 7: the record of what the customer was told), a
feedback entry an audit record (the book keeps no timeline).

How many working days a deadline gives is read back from the estimate itself: the
days between its start and the stamped date, counted over the calendar as it stood
when it was stamped (the days and years supervisors had entered by then).  A
setting or the catalogue changed since does not change a promise already made -
only which days it falls on.  The start is the local day of the step that started
the deadline (its timeline entry), or the day a feedback entry was received.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app import audit
from counter_app.core import Actor, Core
from counter_app.db.models import (
    AuditRecord,
    CalendarOverride,
    CalendarYear,
    Feedback,
    RequestEvent,
    ServiceRequest,
)
from counter_app.domain import workflow
from counter_app.domain.enums import EventType, RequestStatus
from counter_app.workdays import WorkdayCalendar

# the timeline's and the audit trail's name for it
REDATE = "redate_deadline"


@dataclass(frozen=True)
class Redated:
    """One deadline counted again."""

    what: str                  # "request" or "feedback"
    id: int
    number: str
    before: dt.date
    after: dt.date
    still_estimate: bool       # it also runs into another year not yet entered

    @property
    def moved(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class Recounted:
    """What confirming ``year`` did to the open deadlines."""

    year: int
    items: tuple[Redated, ...] = ()

    def ids(self, what: str) -> tuple[int, ...]:
        return tuple(r.id for r in self.items if r.what == what)

    @property
    def summary(self) -> str:
        """What the supervisor is told after confirming the year."""
        if not self.items:
            return f"{self.year}年安排已确认；没有按估算（周一至周五）计算的未办结期限需要调整。"
        requests, feedback = self.ids("request"), self.ids("feedback")
        counted = "、".join(part for part in (
            f"{len(requests)} 件业务的办理期限" if requests else "",
            f"{len(feedback)} 条意见的答复期限" if feedback else "") if part)
        moved = [r for r in self.items if r.moved]
        lines = [f"{self.year}年安排已确认；已按新安排重新核定 {counted}，其中 {len(moved)} 个期限有变动"
                 + ("：" if moved else "。")]
        lines += [f"{r.number}：{r.before:%Y-%m-%d} → {r.after:%Y-%m-%d}" for r in moved]
        return "\n".join(lines)


class _History:
    """The working-day calendar as it stood at any moment: the overrides and the
    confirmed years entered by then (one read of each table)."""

    def __init__(self, session: Session, confirming: int) -> None:
        self.days = [(o.day, o.is_workday, o.note, o.entered_at)
                     for o in session.scalars(select(CalendarOverride))]
        # the year being confirmed was, by definition, not confirmed before
        self.years = [(y.year, y.entered_at) for y in session.scalars(select(CalendarYear))
                      if y.year != confirming]
        self.now = WorkdayCalendar({d: (w, n) for d, w, n, _ in self.days},
                                   confirmed_years=[y for y, _ in self.years] + [confirming])
        self._seen: dict[dt.datetime, WorkdayCalendar] = {}

    def at(self, moment: dt.datetime) -> WorkdayCalendar:
        if moment not in self._seen:
            self._seen[moment] = WorkdayCalendar(
                {d: (w, n) for d, w, n, at in self.days if at <= moment},
                confirmed_years=[y for y, at in self.years if at <= moment])
        return self._seen[moment]

    def recount(self, start: dt.date, due: dt.date, stamped: dt.datetime) -> tuple[dt.date, bool]:
        """The deadline counted from ``start`` again: the same number of working
        days as ``due`` gave when it was stamped, over today's calendar."""
        days = self.at(stamped).count_workdays(start, due)
        again = self.now.add_workdays(start, days)
        return again.due, bool(again.fallback_years)


def redate_estimates(session: Session, core: Core, actor: Actor, year: int,
                     source: str) -> Recounted:
    """Count every open estimated deadline again, ``year`` now confirmed; inside
    the confirmation's unit of work."""
    history = _History(session, year)
    now = core.now()
    done = [*_requests(session, core, actor, history, year, source, now),
            *_feedback(session, core, actor, history, now)]
    return Recounted(year, tuple(done))


def _requests(session: Session, core: Core, actor: Actor, history: _History, year: int,
              source: str, now: dt.datetime) -> list[Redated]:
    closed = [s for s in RequestStatus if s.is_closed]
    found = list(session.scalars(
        select(ServiceRequest).where(ServiceRequest.deadline_fallback.is_(True),
                                     ServiceRequest.deadline.is_not(None),
                                     ServiceRequest.status.not_in(closed))
        .order_by(ServiceRequest.id).with_for_update()))
    if not found:
        return []
    # when each deadline was started and last counted, from the timelines
    started: dict[int, tuple[dt.datetime, dt.datetime]] = {}
    by_id = {r.id: r for r in found}
    for request_id, action, at in session.execute(
            select(RequestEvent.request_id, RequestEvent.action, RequestEvent.at)
            .where(RequestEvent.request_id.in_(by_id)).order_by(RequestEvent.id)):
        request = by_id[request_id]
        step = workflow.find(core.catalogue.get(request.kind).workflow, action)
        if step is not None and step.starts_deadline == request.deadline_kind:
            started[request_id] = (at, at)
        elif action == REDATE and request_id in started:
            started[request_id] = (started[request_id][0], at)
    out = []
    for request in found:
        if request.id not in started or request.deadline is None:
            continue            # no step started it: nothing to count from
        start_at, stamped = started[request.id]
        before_due = request.deadline
        due, estimate = history.recount(core.local(start_at).date(), before_due, stamped)
        if (due, estimate) == (before_due, request.deadline_fallback):
            continue            # the year confirmed is not one it ran into
        before = audit.snapshot(request)
        request.deadline, request.deadline_fallback, request.updated_at = due, estimate, now
        told = (f"由 {before_due:%Y-%m-%d} 改为 {due:%Y-%m-%d}" if due != before_due
                else f"仍为 {due:%Y-%m-%d}")
        note = f"{year}年节假日安排已录入" + (f"（{source.strip()}）" if source.strip() else "") + \
            f"，办理期限按新安排重新计算：{told}" + ("；另有年份的安排尚未录入，仍为估算" if estimate else "")
        session.add(RequestEvent(
            request_id=request.id, at=now, staff_id=actor.staff_id, event_type=EventType.RECORD,
            action=REDATE, from_status=request.status, to_status=None, note=note, late_reason="",
            handover_to_id=None, handover_department=""))
        audit.record(session, staff_id=actor.staff_id, at=now, action=REDATE, obj=request,
                     before=before)
        out.append(Redated("request", request.id, request.number, before_due, due, estimate))
    return out


def _feedback(session: Session, core: Core, actor: Actor, history: _History,
              now: dt.datetime) -> list[Redated]:
    found = list(session.scalars(
        select(Feedback).where(Feedback.deadline_fallback.is_(True), Feedback.reply_deadline.is_not(None),
                               Feedback.replied_at.is_(None), Feedback.superseded.is_(False))
        .order_by(Feedback.id).with_for_update()))
    if not found:
        return []
    # an entry's deadline was counted when it was written (a correction later than
    # the day it was received) or last re-dated: its audit trail says when
    stamped: dict[str, dt.datetime] = {}
    for entity_id, at in session.execute(
            select(AuditRecord.entity_id, AuditRecord.at)
            .where(AuditRecord.entity == "feedback",
                   AuditRecord.entity_id.in_([str(e.id) for e in found]),
                   AuditRecord.action.in_(("create", REDATE))).order_by(AuditRecord.id)):
        stamped[entity_id] = at
    out = []
    for entry in found:
        before_due = entry.reply_deadline
        if before_due is None:
            continue
        due, estimate = history.recount(core.local(entry.received_at).date(), before_due,
                                        stamped.get(str(entry.id), entry.received_at))
        if (due, estimate) == (before_due, entry.deadline_fallback):
            continue
        before = audit.snapshot(entry)
        entry.reply_deadline, entry.deadline_fallback = due, estimate
        audit.record(session, staff_id=actor.staff_id, at=now, action=REDATE, obj=entry, before=before)
        out.append(Redated("feedback", entry.id, entry.number, before_due, due, estimate))
    return out
