"""The shift handover sheet (交接班记录) of one closed shift, read at once: the
shift's report (float, cash counted, expected, difference and its approver,
money by method, receipts), its voids and refunds, and the clerk's open
requests to hand over (首问负责).  The clerk's own shift, or any for a
supervisor; an open shift is closed first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import aliased

from counter_app.core import Actor, Core
from counter_app.db.models import Account, Customer, Staff
from counter_app.db.money import LedgerEntry
from counter_app.errors import Conflict
from counter_app.ledger import EntryType, Method
from counter_app.services import requests, shifts
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
        open_requests = requests.open_requests_in(session, core, owner_id=report.shift.clerk_id)
        company = company_in(session)
    corrections = [EntryRow(at, EntryType(kind), no or "", acc, holder, Method(method), fen, who,
                            ok or "", reason or "")
                   for at, kind, no, acc, holder, method, fen, who, ok, reason in rows]
    return HandoverData(company, report, corrections, open_requests, core.now(), actor.display_name,
                        core.zone)


# with the data types, the denominations the sheet counts the cash in
__all__ = ["DENOMINATIONS", "HandoverData", "ShiftReport", "denomination_label", "handover_data"]
