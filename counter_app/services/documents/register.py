"""The daily register (营业日报) of one day at the hall, read at once.

The register is the supervisor's: every request received or acted on that day,
by the clerk who acted; every ledger entry of the day, by the clerk whose
drawer it went into (as :func:`shifts.day_totals` counts it, so the detail adds
up to the totals); voids and refunds with their reasons and approvers; the
requests still open past their deadline; the ledger's chain head of the day.
A clerk prints their own shift's handover sheet instead.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, selectinload

from counter_app.core import Actor, Core
from counter_app.db.models import Account, Customer, RequestEvent, ServiceRequest, Staff
from counter_app.db.money import LedgerEntry, Shift
from counter_app.domain import workflow
from counter_app.domain.enums import Role
from counter_app.domain.permissions import Permission, allowed
from counter_app.errors import NotFound, PermissionDenied, ValidationError
from counter_app.ledger import EntryType, Method
from counter_app.services import requests, shifts
from counter_app.services.documents.common import Company, company_in
from counter_app.services.shifts import DayTotals, Totals

# what a request event did, for actions outside the status machines
_EXTRA_ACTIONS = {"receive": "登记", "handover": "移交", "waive_document": "批准免交材料",
                  "explain_delay": "说明超期原因", "redate_deadline": "重新核定期限"}


def action_label(action: str, workflow_name: str | None = None) -> str:
    """What ``action`` is called in the business's own procedure: 'complete' is
    结算办结 for a settlement and 关阀停热办结 for a stop, not the first
    procedure's word for it."""
    if action in _EXTRA_ACTIONS:
        return _EXTRA_ACTIONS[action]
    if workflow_name is not None and workflow_name in workflow.WORKFLOWS:
        step = workflow.find(workflow_name, action)
        if step is not None:
            return step.label
    for steps in workflow.WORKFLOWS.values():
        for step in steps:
            if step.action == action:
                return step.label
    return action


@dataclass(frozen=True)
class RequestRow:
    """One request as the day's register lists it under the clerk who acted."""

    number: str
    kind_name: str
    applicant: str
    account_no: str
    actions: str                 # what the clerk did that day: 登记、受理
    status: str                  # now
    owner: str                   # 首问负责人 now
    first_at: dt.datetime        # the clerk's first action of the day


@dataclass(frozen=True)
class EntryRow:
    """One ledger entry of the day: a payment, a void or a refund."""

    at: dt.datetime
    entry_type: EntryType
    receipt_no: str              # the payment's own number, or the original's for a correction
    account_no: str
    holder: str
    method: Method
    amount_fen: int              # signed
    operator: str                # who took it or did the correction
    approved_by: str
    reason: str


@dataclass(frozen=True)
class OverdueRow:
    number: str
    kind_name: str
    applicant: str
    owner: str
    status: str
    deadline: dt.date
    workdays_over: int


@dataclass(frozen=True)
class RegisterData:
    company: Company
    day: dt.date
    printed_at: dt.datetime
    printed_by: str
    requests_by_clerk: dict[str, list[RequestRow]]
    entries_by_clerk: dict[str, list[EntryRow]]      # by the owner of the drawer
    corrections: list[EntryRow]
    totals: DayTotals
    receipts_contiguous: bool
    overdue: list[OverdueRow]
    zone: dt.tzinfo = field(default=dt.UTC, repr=False)

    @property
    def request_count(self) -> int:
        return sum(len(rows) for rows in self.requests_by_clerk.values())

    @property
    def entry_count(self) -> int:
        return sum(len(rows) for rows in self.entries_by_clerk.values())


def require_supervisor(actor: Actor, what: str) -> None:
    if not allowed(actor.role, Permission.APPROVE_CORRECTION):
        holders = "或".join(r.label for r in Role if allowed(r, Permission.APPROVE_CORRECTION))
        raise PermissionDenied(f"{what}须由{holders}登录本人账号打印；营业员请打印本人班次的交接班记录")


def _contiguous(first: str | None, last: str | None, count: int) -> bool:
    """Receipt numbers are one gap-free sequence a year: the day's are a run."""
    if not first or not last:
        return True
    try:
        (y1, n1), (y2, n2) = (tuple(int(p) for p in r.split("-")) for r in (first, last))
    except ValueError:
        return False
    return y1 == y2 and n2 - n1 + 1 == count


def _request_rows(session: Session, core: Core, start: dt.datetime, end: dt.datetime
                  ) -> dict[str, list[RequestRow]]:
    events = session.execute(
        select(RequestEvent.request_id, RequestEvent.staff_id, RequestEvent.action, RequestEvent.at)
        .where(RequestEvent.at >= start, RequestEvent.at < end)
        .order_by(RequestEvent.at, RequestEvent.id)).all()
    if not events:
        return {}
    ids = {e.request_id for e in events}
    loaded = {r.id: r for r in session.scalars(
        select(ServiceRequest).where(ServiceRequest.id.in_(ids))
        .options(selectinload(ServiceRequest.account), selectinload(ServiceRequest.owner)))}
    names = dict(session.execute(select(Staff.id, Staff.display_name)
                                 .where(Staff.id.in_({e.staff_id for e in events}))).all())
    done: dict[tuple[int, int], tuple[list[str], dt.datetime]] = {}
    for e in events:
        actions, _ = done.setdefault((e.staff_id, e.request_id), ([], e.at))
        kind = core.catalogue.kinds.get(loaded[e.request_id].kind)
        label = action_label(e.action, kind.workflow if kind else None)
        if label not in actions:
            actions.append(label)
    out: dict[str, list[RequestRow]] = defaultdict(list)
    for (staff_id, request_id), (actions, first_at) in done.items():
        r = loaded[request_id]
        kind = core.catalogue.kinds.get(r.kind)
        out[names.get(staff_id, "")].append(RequestRow(
            r.number, kind.name if kind else r.kind, r.applicant_name,
            r.account.account_no if r.account else "", "、".join(actions), r.status.label,
            r.owner.display_name, first_at))
    return {clerk: sorted(rows, key=lambda x: (x.first_at, x.number)) for clerk, rows in sorted(out.items())}


def _entry_rows(session: Session, day: dt.date) -> tuple[dict[str, list[EntryRow]], list[EntryRow]]:
    drawer, operator, approver = aliased(Staff), aliased(Staff), aliased(Staff)
    original = aliased(LedgerEntry)
    rows = session.execute(
        select(LedgerEntry.created_at, LedgerEntry.entry_type, LedgerEntry.receipt_no,
               original.receipt_no, Account.account_no, Customer.name, LedgerEntry.method,
               LedgerEntry.amount_fen, operator.display_name, approver.display_name,
               LedgerEntry.reason, drawer.display_name)
        .join(Shift, Shift.id == LedgerEntry.shift_id)
        .join(drawer, drawer.id == Shift.clerk_id)
        .join(operator, operator.id == LedgerEntry.clerk_id)
        .outerjoin(approver, approver.id == LedgerEntry.approved_by_id)
        .outerjoin(original, original.id == LedgerEntry.original_id)
        .join(Account, Account.id == LedgerEntry.account_id)
        .join(Customer, Customer.id == Account.customer_id)
        .where(LedgerEntry.business_date == day)
        .order_by(LedgerEntry.position)).all()
    by_clerk: dict[str, list[EntryRow]] = defaultdict(list)
    corrections = []
    for at, kind, own_no, original_no, account_no, holder, method, fen, who, ok_by, reason, owner in rows:
        row = EntryRow(at, EntryType(kind), own_no or original_no or "", account_no, holder,
                       Method(method), fen, who, ok_by or "", reason or "")
        by_clerk[owner].append(row)
        if row.entry_type is not EntryType.PAYMENT:
            corrections.append(row)
    return dict(sorted(by_clerk.items())), corrections


def register_data(core: Core, actor: Actor, day: dt.date) -> RegisterData:
    """Everything the daily register prints for ``day`` (the hall's calendar day).
    Supervisors and administrators only; a day without business is an error."""
    require_supervisor(actor, "营业日报")
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise ValidationError("请给出营业日报的日期，如 2025-11-20", field="day")
    start = dt.datetime.combine(day, dt.time(), tzinfo=core.zone)
    end = start + dt.timedelta(days=1)
    with core.reading() as session:
        request_rows = _request_rows(session, core, start, end)
        entries, corrections = _entry_rows(session, day)
        opened = session.scalar(select(Shift.id).where(Shift.opened_at >= start,
                                                       Shift.opened_at < end).limit(1))
        if not request_rows and not entries and opened is None:
            raise NotFound(f"{day:%Y-%m-%d} 没有营业记录（没有受理业务、收款或开班），请核对日期")
        totals = shifts.day_totals_in(session, core, day)
        overdue = requests.open_requests_in(session, core, overdue_only=True)
        company = company_in(session)
    return RegisterData(
        company, day, core.now(), actor.display_name, request_rows, entries, corrections, totals,
        _contiguous(totals.first_receipt, totals.last_receipt, totals.receipt_count),
        [OverdueRow(r.number, r.kind_name, r.applicant_name, r.owner, r.status.label, r.deadline,
                    -(r.days_left or 0)) for r in overdue if r.deadline],
        core.zone)


__all__ = ["DayTotals", "EntryRow", "OverdueRow", "RegisterData", "RequestRow", "Totals", "action_label",
           "register_data", "require_supervisor"]
