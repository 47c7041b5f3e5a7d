"""What a resident's phone sees behind the QR code: the request's state, masked;
or, behind a receipt's own code, that the receipt is genuine.

Read-only.  An unknown, malformed or withdrawn code gives ``None`` - the same
answer whatever was wrong, so nobody learns which codes exist.  Personal data is
masked; the phone's last four digits unlock only what the resident's own
receipts show (receipt number, date, method and amount for this request).

A receipt not tied to a request carries a code of its own (minted with the
payment): its page shows the receipt's number, date and amount, the account
masked, and whether it was voided or refunded - enough to tell a genuine paper
from a forged or cancelled one, nothing more.

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
from counter_app.db.money import LedgerEntry, ReceiptCode
from counter_app.domain.enums import DocumentState, RequestStatus as S
from counter_app.domain.masking import mask_address, mask_name
from counter_app.domain.money import yuan
from counter_app.domain.workflow import DEADLINE_PURPOSE
from counter_app.ledger import EntryType, Method
from counter_app.services import settings
from counter_app.services.requests import missing_among
from counter_app.validation import fen_to_capital
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


def page_view(core: Core, code: str) -> TrackingView | ReceiptCheck | None:
    """What a scanned code shows: its request's state, else its receipt's check
    (both kinds of code come from the same generator and never collide)."""
    stored = tracking_codes.canonical(code)
    if stored is None:
        return None
    with core.reading() as session:
        found = _find(session, stored)
        if found is not None:
            return _build(core, session, found)
        return _receipt_check(core, session, stored)


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


# -- a receipt's own page ------------------------------------------------------------

@dataclass(frozen=True)
class ReceiptCheck:
    """What anyone holding a receipt sees behind its QR code: that the hall issued
    it, and what became of it.  The account is masked like a request's holder."""

    receipt_no: str
    date: str                        # the hall's business day
    paid_at: str                     # YYYY-MM-DD HH:MM, the hall's time
    amount_fen: int
    amount_capital: str
    method: str
    account_no: str                  # masked
    holder: str                      # masked
    address: str                     # masked
    state: str                       # valid / void / refunded / part_refunded
    state_text: str
    voided_on: str | None
    refunds: tuple[tuple[str, int], ...]   # (date, fen taken back, > 0)
    kept_fen: int                    # what the payment still counts for
    company: str
    hall: str
    hall_address: str
    hall_phone: str
    opening_hours: str
    as_of: str
    kind: str = "receipt"


_RC = ReceiptCode
_RECEIPT = (select(_L.id, _L.receipt_no, _L.business_date, _L.created_at, _L.method,
                   _L.amount_fen, _A.account_no, _A.community, _A.building, _A.unit, _A.room,
                   _A.address_text, _C.name)
            .join(_RC, _RC.entry_id == _L.id).join(_A, _A.id == _L.account_id)
            .join(_C, _C.id == _A.customer_id)
            .where(_RC.code == bindparam("code"), _L.entry_type == EntryType.PAYMENT.value))
_CORRECTIONS = (select(_L.entry_type, _L.amount_fen, _L.business_date)
                .where(_L.original_id == bindparam("eid")).order_by(_L.position))


def mint_receipt_code(session: Session, entry_id: int, at: dt.datetime) -> str:
    """Give a payment its receipt's own code, in the payment's transaction."""
    code = tracking_codes.new_code()
    session.add(ReceiptCode(entry_id=entry_id, code=code, created_at=at))
    return code


def receipt_code_in(session: Session, entry_id: int) -> str | None:
    """The receipt's own code (None for a payment taken before receipts had one
    and not migrated, which cannot happen after migration 0005)."""
    return session.scalar(select(_RC.code).where(_RC.entry_id == entry_id))


def receipt_account_no(core: Core, text: str) -> str | None:
    """The account number of the receipt whose QR code a scanner read at the counter
    (the clerk's own screen: unmasked), or None."""
    stored = tracking_codes.from_scan(text)
    if stored is None:
        return None
    with core.reading() as session:
        return session.scalar(select(_A.account_no).join(_L, _L.account_id == _A.id)
                              .join(_RC, _RC.entry_id == _L.id).where(_RC.code == stored))


def mask_account_no(number: str) -> str:
    """100100001 -> 100****01: the resident recognises it, a stranger learns little."""
    number = number.strip()
    if len(number) < 6:
        return number[:1] + "*" * max(1, len(number) - 1)
    return number[:3] + "*" * (len(number) - 5) + number[-2:]


def receipt_view(core: Core, code: object) -> ReceiptCheck | None:
    """The receipt behind its own code, or None (an unknown code, like any other)."""
    stored = tracking_codes.canonical(code)
    if stored is None:
        return None
    with core.reading() as session:
        return _receipt_check(core, session, stored)


def _receipt_check(core: Core, session: Session, code: str) -> ReceiptCheck | None:
    r = session.execute(_RECEIPT, {"code": code}).first()
    if r is None:
        return None
    corrections = session.execute(_CORRECTIONS, {"eid": r.id}).all()
    void = next((c for c in corrections if c.entry_type == EntryType.VOID.value), None)
    refunds = tuple((c.business_date.isoformat(), -c.amount_fen) for c in corrections
                    if c.entry_type == EntryType.REFUND.value)
    kept = 0 if void else r.amount_fen - sum(fen for _, fen in refunds)
    if void is not None:
        state = "void"
        text = f"本收据已于 {void.business_date:%Y-%m-%d} 作废，不能作为缴费凭证。"
    elif refunds and kept <= 0:
        state, text = "refunded", f"本收据的款项已于 {refunds[-1][0]} 全部退还。"
    elif refunds:
        state = "part_refunded"
        text = (f"本收据已退款 {yuan(r.amount_fen - kept)} 元，"
                f"实收 {yuan(kept)} 元仍为有效缴费。")
    else:
        state, text = "valid", "本收据由本公司开具，真实有效。"
    hall = settings.read_many(session, HALL_KEYS)
    return ReceiptCheck(
        receipt_no=r.receipt_no or "", date=r.business_date.isoformat(),
        paid_at=f"{core.local(r.created_at):%Y-%m-%d %H:%M}", amount_fen=r.amount_fen,
        amount_capital=fen_to_capital(r.amount_fen), method=Method(r.method).label,
        account_no=mask_account_no(r.account_no), holder=mask_name(r.name),
        address=mask_address(r.community, r.building, r.unit, r.room, r.address_text),
        state=state, state_text=text,
        voided_on=void.business_date.isoformat() if void is not None else None,
        refunds=refunds, kept_fen=kept,
        company=hall["company_name"], hall=hall["hall_name"], hall_address=hall["hall_address"],
        hall_phone=hall["hall_phone"], opening_hours=hall["opening_hours"],
        as_of=f"{core.local(core.now()):%Y-%m-%d %H:%M}")
