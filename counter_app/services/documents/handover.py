"""The shift handover sheet (交接班记录) of one closed shift, read at once: the
shift's report (float, cash counted, expected, difference and its approver,
money by method, receipts), its voids and refunds, and the clerk's open
requests to hand over (首问负责).  The clerk's own shift, or any for a
supervisor; an open shift is closed first.

The requests are those the clerk held open at the moment the shift closed, each
with its status and deadline of that moment, read back from the audit trail of
the request rows (every change to a request is recorded there with the values
it set, in the change's own transaction).  So a sheet printed days later - or
printed again - hands over the same requests as on the day: none received after
the close, none closed or handed on since dropped, no status of today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, and_, cast, or_, select
from sqlalchemy.orm import Session, aliased

from counter_app.core import Actor, Core
from counter_app.db.models import Account, AuditRecord, Customer, RequestEvent, ServiceRequest, Staff
from counter_app.db.money import LedgerEntry
from counter_app.domain.enums import RequestStatus
from counter_app.errors import Conflict
from counter_app.ledger import EntryType, Method
from counter_app.services import shifts
from counter_app.services.documents.common import Company, company_in
from counter_app.services.documents.register import EntryRow
from counter_app.services.requests import RequestRow
from counter_app.services.shifts import DENOMINATIONS, ShiftReport, denomination_label


@dataclass(frozen=True)
class HandoverData:
    company: Company
    report: ShiftReport
    corrections: list[EntryRow]               # voids and refunds out of this drawer
    open_requests: list[RequestRow]           # the clerk's, to hand over (首问负责)
    printed_at: dt.datetime
    printed_by: str
    zone: dt.tzinfo = field(default=dt.UTC, repr=False)


def handover_data(core: Core, actor: Actor, shift_id: int) -> HandoverData:
    """The clerk's own closed shift, or any closed shift for a supervisor."""
    operator, approver, original = aliased(Staff), aliased(Staff), aliased(LedgerEntry)
    with core.reading() as session:
        report = shifts.shift_report_in(session, actor, shift_id)
        if report.shift.closed_at is None:
            raise Conflict(f"班次 {shift_id}（{report.clerk_name}）尚未结班：请先清点现金结班，"
                           "再打印交接班记录")
        rows = session.execute(
            select(LedgerEntry.created_at, LedgerEntry.entry_type, original.receipt_no,
                   Account.account_no, Customer.name, LedgerEntry.method, LedgerEntry.amount_fen,
                   operator.display_name, approver.display_name, LedgerEntry.reason)
            .join(operator, operator.id == LedgerEntry.clerk_id)
            .outerjoin(approver, approver.id == LedgerEntry.approved_by_id)
            .join(original, original.id == LedgerEntry.original_id)
            .join(Account, Account.id == LedgerEntry.account_id)
            .join(Customer, Customer.id == Account.customer_id)
            .where(LedgerEntry.shift_id == shift_id, LedgerEntry.entry_type != EntryType.PAYMENT.value)
            .order_by(LedgerEntry.position)).all()
        open_requests = _open_at(session, core, report.shift.clerk_id, report.clerk_name,
                                 report.shift.closed_at)
        company = company_in(session)
    corrections = [EntryRow(at, EntryType(kind), no or "", acc, holder, Method(method), fen, who,
                            ok or "", reason or "")
                   for at, kind, no, acc, holder, method, fen, who, ok, reason in rows]
    return HandoverData(company, report, corrections, open_requests, core.now(), actor.display_name,
                        core.zone)


# what a request's audit records say of it that the sheet shows as of the handover
_R = ServiceRequest
_AS_OF = ("status", "owner_id", "deadline", "deadline_kind", "deadline_fallback")


def _open_at(session: Session, core: Core, clerk_id: int, clerk_name: str,
             moment: dt.datetime) -> list[RequestRow]:
    """The requests ``clerk_id`` held open at ``moment``, as they stood then, the
    nearest deadline first.  One statement, whatever the number of requests: each
    candidate (received by then, not closed by then, the clerk's at some time)
    comes with its audit records up to the moment, replayed in order."""
    handed_to = select(RequestEvent.request_id).where(RequestEvent.handover_to_id == clerk_id)
    rows = session.execute(
        select(_R.id, _R.number, _R.kind, _R.account_id, Account.account_no, _R.applicant_name,
               _R.received_at, AuditRecord.after)
        .outerjoin(Account, Account.id == _R.account_id)
        .join(AuditRecord, and_(AuditRecord.entity == "service_request",
                                AuditRecord.entity_id == cast(_R.id, String),
                                AuditRecord.at <= moment))
        .where(_R.received_at <= moment, or_(_R.closed_at.is_(None), _R.closed_at > moment),
               or_(_R.owner_id == clerk_id, _R.created_by_id == clerk_id, _R.id.in_(handed_to)))
        .order_by(_R.id, AuditRecord.id)).all()
    then: dict[int, dict[str, Any]] = {}
    facts: dict[int, tuple[Any, ...]] = {}
    for *fixed, after in rows:
        facts[fixed[0]] = tuple(fixed)
        state = then.setdefault(fixed[0], {})
        state.update((k, v) for k, v in (after or {}).items() if k in _AS_OF)
    day = core.local(moment).date()
    out = []
    for request_id, state in then.items():
        if state.get("owner_id") != clerk_id or "status" not in state:
            continue
        status = RequestStatus(state["status"])
        if status.is_closed:
            continue
        _, number, kind, account_id, account_no, applicant, received_at = facts[request_id]
        due = dt.date.fromisoformat(state["deadline"]) if state.get("deadline") else None
        out.append(RequestRow(
            id=request_id, number=number, kind=kind, kind_name=core.catalogue.get(kind).name,
            status=status, account_id=account_id, account_no=account_no or "",
            applicant_name=applicant, owner=clerk_name, owner_id=clerk_id, received_at=received_at,
            deadline=due, deadline_kind=state.get("deadline_kind") if due else None,
            deadline_fallback=bool(state.get("deadline_fallback")) if due else False,
            overdue=due is not None and day > due))
    out.sort(key=lambda r: (r.deadline is None, r.deadline or day, r.id))
    return out


# with the data types, the denominations the sheet counts the cash in
__all__ = ["DENOMINATIONS", "HandoverData", "ShiftReport", "denomination_label", "handover_data"]
