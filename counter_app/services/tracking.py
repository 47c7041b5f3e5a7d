"""What a resident's phone sees behind the QR code: the request's state, masked.

Read-only.  An unknown, malformed or withdrawn code gives ``None`` - the same
answer whatever was wrong, so nobody learns which codes exist.  Personal data is
masked; the phone's last four digits unlock only what the resident's own
receipts show (receipt number, date, method and amount for this request).

One read session per look, a handful of indexed queries: this is the page
behind every scanned code, so it is kept lean (``bench/tracking_bench.py``)."""

from __future__ import annotations

import datetime as dt
import hmac
import re
from dataclasses import dataclass
from typing import Any, TypeAlias

from sqlalchemy import Row, bindparam, select
from sqlalchemy.orm import Session

from counter_app import tracking_codes
from counter_app.core import Core
from counter_app.db.models import Account, Customer, RequestDocument, RequestEvent, ServiceRequest
from counter_app.db.money import LedgerEntry
from counter_app.domain.enums import DocumentState, RequestStatus as S
from counter_app.domain.masking import mask_address, mask_name
from counter_app.domain.workflow import DEADLINE_PURPOSE
from counter_app.ledger import EntryType, Method
from counter_app.services import settings
from counter_app.services.requests import missing_among
from counter_app.workdays import warning_for_years

LAST4 = re.compile(r"\d{4}")
HALL_KEYS = ("company_name", "hall_name", "hall_address", "hall_phone", "opening_hours")

# the timeline a resident understands: which step reached which status
MILESTONES = (
    (S.RECEIVED, "已登记"),
    (S.AWAITING_DOCUMENTS, "待补材料"),
    ("documents", "材料齐全"),
    (S.ACCEPTED, "已受理"),
    (S.PLAN_REPLIED, "已答复供热方案"),
    (S.CONTRACT_SIGNED, "已签订供热合同"),
    (S.APPROVED, "已批准"),
    (S.HEAT_ON, "已开栓供热"),
    (S.COMPLETED, "已办结"),
    (S.REJECTED, "不予受理"),
)
# what the resident should know at each status, in a sentence
NEXT_STEP = {
    S.RECEIVED: "营业厅已登记您的申请，正在核对材料。",
    S.AWAITING_DOCUMENTS: "材料尚不齐全：请带齐下列材料到营业厅补交，补齐后即予受理。",
    S.ACCEPTED: "已受理，正在办理。",
    S.PLAN_REPLIED: "供热方案已答复，请到营业厅签订供热合同。",
    S.CONTRACT_SIGNED: "供热合同已签订，等待开栓供热。",
    S.APPROVED: "已批准，正在安排办理。",
    S.HEAT_ON: "已开栓供热，业务办结。",
    S.COMPLETED: "业务已办结。",
    S.REJECTED: "不予受理，原因请咨询营业厅。",
}


# what the deadline is for, in the resident's words (who approves is the hall's business)
PURPOSE = {**DEADLINE_PURPOSE, "reply": "答复审批结果"}


@dataclass(frozen=True)
class Milestone:
    what: str
    date: str            # YYYY-MM-DD, the hall's day


@dataclass(frozen=True)
class ReceiptLine:
    """One line of what the resident's own receipts show."""

    receipt_no: str
    date: str
    kind: str            # 收款 / 作废 / 退款
    method: str
    amount_fen: int
    void: bool = False   # a payment whose receipt was voided


@dataclass(frozen=True)
class TrackingView:
    number: str
    business: str
    status: str
    status_code: str
    next_step: str
    closed: bool
    holder: str                      # masked
    address: str                     # masked
    timeline: tuple[Milestone, ...]
    deadline: str | None
    deadline_purpose: str
    deadline_state: str | None       # on_time / last_day / overdue / met / late
    days_left: int | None            # working days, while open
    deadline_note: str               # the calendar's estimate warning, if any
    still_missing: tuple[str, ...]
    company: str
    hall: str
    hall_address: str
    hall_phone: str
    opening_hours: str
    as_of: str                       # when this was read, the hall's time
    confirmed: bool = False
    receipts: tuple[ReceiptLine, ...] = ()


def well_formed(code: object) -> bool:
    return tracking_codes.canonical(code) is not None


# a row of the columns a statement below names, read by their names
_Row: TypeAlias = Row[*tuple[Any, ...]]


@dataclass
class _Found:
    """What the page needs of one request, read as plain rows (no ORM objects:
    this runs for every scanned code)."""

    request: _Row
    documents: list[_Row]
    events: list[_Row]


_R, _A, _C = ServiceRequest, Account, Customer
_D, _E, _L = RequestDocument, RequestEvent, LedgerEntry
# built once: composing a statement costs more than running it on an indexed key
_REQUEST = (select(_R.id, _R.number, _R.kind, _R.status, _R.applicant_name, _R.deadline,
                   _R.deadline_kind, _R.received_at, _R.account_id, _A.community, _A.building,
                   _A.unit, _A.room, _A.address_text, _C.phone, _C.phone2)
            .outerjoin(_A, _A.id == _R.account_id).outerjoin(_C, _C.id == _A.customer_id)
            .where(_R.tracking_code == bindparam("code")))
_DOCUMENTS = (select(_D.name, _D.state, _D.required, _D.one_of, _D.original_required,
                     _D.copies_required, _D.updated_at)
              .where(_D.request_id == bindparam("rid")).order_by(_D.id))
_EVENTS = (select(_E.at, _E.to_status, _E.late_reason)
           .where(_E.request_id == bindparam("rid")).order_by(_E.at, _E.id))


def _find(session: Session, code: object) -> _Found | None:
    stored = tracking_codes.canonical(code)      # as typed: case, spaces, O for 0 forgiven
    if stored is None:
        return None
    request = session.execute(_REQUEST, {"code": stored}).first()
    if request is None or request.status is S.WITHDRAWN:
        return None
    documents = session.execute(_DOCUMENTS, {"rid": request.id}).all()
    events = session.execute(_EVENTS, {"rid": request.id}).all()
    return _Found(request, list(documents), list(events))


def hall_contacts(core: Core) -> dict[str, str]:
    """The company's name and the hall's contacts (for pages without a request)."""
    with core.reading() as session:
        return settings.read_many(session, HALL_KEYS)


def public_view(core: Core, code: str) -> TrackingView | None:
    with core.reading() as session:
        found = _find(session, code)
        return None if found is None else _build(core, session, found)


def confirmed_view(core: Core, code: str, last4: str) -> TrackingView | None:
    """The view with the resident's own receipts for this request, when the last
    four digits of the phone on file match; otherwise ``None`` like an unknown code."""
    if not isinstance(last4, str) or not LAST4.fullmatch(last4):
        return None
    with core.reading() as session:
        found = _find(session, code)
        if found is None or found.request.account_id is None:
            return None
        phones = [p.strip() for p in (found.request.phone, found.request.phone2)
                  if p and len(p.strip()) >= 4]
        # compare against every number on file, always, so timing says nothing
        matches = [hmac.compare_digest(p[-4:].encode(), last4.encode()) for p in phones]
        if not any(matches):
            return None
        return _build(core, session, found, receipts=_receipts(session, found.request.id))


def _receipts(session: Session, request_id: int) -> tuple[ReceiptLine, ...]:
    entries = session.execute(select(_L.id, _L.entry_type, _L.original_id, _L.receipt_no,
                                     _L.business_date, _L.method, _L.amount_fen)
                              .where(_L.request_id == request_id).order_by(_L.position)).all()
    voided = {e.original_id for e in entries if e.entry_type == EntryType.VOID.value}
    return tuple(
        ReceiptLine(e.receipt_no or "", e.business_date.isoformat(),
                    EntryType(e.entry_type).label, Method(e.method).label, e.amount_fen,
                    void=e.id in voided)
        for e in entries if e.entry_type != EntryType.VOID.value)


def _milestones(core: Core, found: _Found) -> tuple[Milestone, ...]:
    firsts: dict[object, dt.datetime] = {}
    for event in found.events:                       # in time order
        if event.to_status is not None and event.to_status not in firsts:
            firsts[event.to_status] = event.at
    if not missing_among(found.documents):
        done = [d.updated_at for d in found.documents if d.state is not DocumentState.MISSING]
        firsts["documents"] = max(done, default=found.request.received_at)
    return tuple(Milestone(label, core.local(firsts[key]).date().isoformat())
                 for key, label in MILESTONES if key in firsts)


def _missing_text(documents: list[_Row]) -> tuple[str, ...]:
    out = []
    for doc in missing_among(documents):
        need = []
        if doc.original_required:
            need.append("原件")
        if doc.copies_required:
            need.append(f"复印件{doc.copies_required}份")
        out.append(doc.name + (f"（{'、'.join(need)}）" if need else ""))
    return tuple(out)


def _build(core: Core, session: Session, found: _Found,
           receipts: tuple[ReceiptLine, ...] | None = None) -> TrackingView:
    request = found.request
    kind = core.catalogue.get(request.kind)
    today = core.today()
    state, days_left, note = None, None, ""
    if request.status.is_closed:
        # a closed request keeps no deadline; a step taken late carries its reason
        if request.status is not S.REJECTED and kind.deadlines:
            state = "late" if any(e.late_reason for e in found.events) else "met"
    elif request.deadline is not None:
        calendar = core.calendar(session)
        days_left = calendar.workdays_left(today, request.deadline)
        state = ("overdue" if today > request.deadline
                 else "last_day" if today == request.deadline else "on_time")
        note = warning_for_years(calendar.fallback_years_between(today, request.deadline)) or ""
    address = (mask_address(request.community, request.building, request.unit, request.room,
                            request.address_text) if request.account_id is not None else "")
    hall = settings.read_many(session, HALL_KEYS)
    return TrackingView(
        number=request.number, business=kind.name, status=request.status.label,
        status_code=request.status.value, next_step=NEXT_STEP.get(request.status, ""),
        closed=request.status.is_closed, holder=mask_name(request.applicant_name),
        address=address, timeline=_milestones(core, found),
        deadline=request.deadline.isoformat() if request.deadline else None,
        deadline_purpose=PURPOSE.get(request.deadline_kind or "", "答复办理结果")
        if request.deadline else "",
        deadline_state=state, days_left=days_left, deadline_note=note,
        still_missing=() if request.status.is_closed else _missing_text(found.documents),
        company=hall["company_name"], hall=hall["hall_name"], hall_address=hall["hall_address"],
        hall_phone=hall["hall_phone"], opening_hours=hall["opening_hours"],
        as_of=f"{core.local(core.now()):%Y-%m-%d %H:%M}",
        confirmed=receipts is not None, receipts=receipts or ())
