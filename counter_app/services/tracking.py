"""What a resident's phone sees behind the QR code: the request's state, masked.

Read-only.  An unknown, malformed or withdrawn code gives ``None`` - the same
answer whatever was wrong, so nobody learns which codes exist.  Personal data is
masked; the phone's last four digits unlock only what the resident's own
receipts show (the amounts paid for this request)."""

from __future__ import annotations

import datetime as dt
import hmac
import re
from dataclasses import dataclass

from sqlalchemy import select

from counter_app.core import Core
from counter_app.db.models import ServiceRequest
from counter_app.db.money import LedgerEntry
from counter_app.domain.enums import RequestStatus
from counter_app.domain.masking import mask_address, mask_name
from counter_app.services import requests, settings

CODE = re.compile(r"^[A-Za-z0-9_-]{22}$")
# the timeline a resident understands: which step reached which status
MILESTONES = (
    (RequestStatus.RECEIVED, "已登记"),
    (RequestStatus.AWAITING_DOCUMENTS, "待补材料"),
    (RequestStatus.ACCEPTED, "已受理"),
    (RequestStatus.PLAN_REPLIED, "已答复方案"),
    (RequestStatus.CONTRACT_SIGNED, "已签合同"),
    (RequestStatus.APPROVED, "已批准"),
    (RequestStatus.HEAT_ON, "已供热"),
    (RequestStatus.COMPLETED, "已办结"),
    (RequestStatus.REJECTED, "不予受理"),
)


@dataclass(frozen=True)
class TrackingView:
    number: str
    business: str
    status: str
    closed: bool
    holder: str                      # masked
    address: str                     # masked
    timeline: tuple[tuple[str, str], ...]   # (what, YYYY-MM-DD)
    deadline: str | None
    deadline_state: str | None       # "on_time" / "overdue" / None
    still_missing: tuple[str, ...]
    company: str
    hall: str
    hall_address: str
    hall_phone: str
    opening_hours: str
    paid: tuple[tuple[str, str, int], ...] = ()   # (receipt no., date, fen) once the phone is confirmed


def _find(session, code: object) -> ServiceRequest | None:  # noqa: ANN001
    if not isinstance(code, str) or not CODE.match(code):
        return None
    request = session.scalar(select(ServiceRequest).where(ServiceRequest.tracking_code == code))
    if request is None or request.status is RequestStatus.WITHDRAWN:
        return None
    return request


def public_view(core: Core, code: str) -> TrackingView | None:
    with core.reading() as session:
        request = _find(session, code)
        return None if request is None else _build(core, request, paid=())


def _build(core: Core, request: ServiceRequest, paid: tuple[tuple[str, str, int], ...]) -> TrackingView:
    """Inside the caller's read session (the request's account is read too)."""
    view = requests.view(core, request)
    firsts: dict[RequestStatus, dt.date] = {}
    for event in view.events:
        if event.to_status is not None and event.to_status not in firsts:
            firsts[event.to_status] = core.local(event.at).date()
    timeline = tuple((label, firsts[status].isoformat()) for status, label in MILESTONES
                     if status in firsts)
    account = request.account
    address = (mask_address(account.community, account.building, account.unit, account.room,
                            account.address_text) if account else mask_address("", "", "", "", ""))
    state = None
    if view.deadline is not None:
        state = "overdue" if view.overdue else "on_time"
    values = settings.get_all(core)
    return TrackingView(
        view.number, view.kind_name, view.status.label, view.status.is_closed,
        mask_name(view.applicant_name), address, timeline,
        view.deadline.isoformat() if view.deadline else None, state, view.missing,
        values["company_name"], values["hall_name"], values["hall_address"], values["hall_phone"],
        values["opening_hours"], paid)


def confirmed_view(core: Core, code: str, last4: str) -> TrackingView | None:
    """The view with the resident's own payments for this request, when the last
    four digits of the phone on file match; otherwise ``None`` like an unknown code."""
    if not re.fullmatch(r"\d{4}", last4 or ""):
        return None
    with core.reading() as session:
        request = _find(session, code)
        if request is None or request.account is None:
            return None
        customer = request.account.customer
        phones = [p for p in (customer.phone, customer.phone2) if p]
        if not any(hmac.compare_digest(p[-4:], last4) for p in phones):
            return None
        rows = session.execute(select(LedgerEntry.receipt_no, LedgerEntry.business_date,
                                      LedgerEntry.amount_fen)
                               .where(LedgerEntry.request_id == request.id,
                                      LedgerEntry.entry_type == "payment")
                               .order_by(LedgerEntry.position)).all()
        return _build(core, request, tuple((r[0], r[1].isoformat(), r[2]) for r in rows))
