"""A payment's receipt (收款收据) as printed now, in the layout chosen, with its
print logged - all in one transaction.

Printing a receipt is itself recorded: the first print is the original (only
once: a second unmarked original is refused), every later one a copy marked
副本 N with who printed it and when.  So the read and the log go together in
one unit of work: the paper says exactly the copy number the ledger logged.

A voided receipt says when it was voided and which supervisor approved it; a
refunded one what the company kept after its refunds (the net amount)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app import tracking_codes
from counter_app.core import Actor, Core
from counter_app.db.models import Staff
from counter_app.db.money import LedgerEntry
from counter_app.domain.permissions import Permission
from counter_app.errors import ValidationError
from counter_app.ledger import EntryType
from counter_app.services import payments, tracking
from counter_app.services.documents.common import Company, company_in, stamp
from counter_app.services.payments import PaymentView

# a5: A5 portrait; roll: the 80 mm thermal roll; preprinted: the company's numbered form (套打)
LAYOUTS = ("a5", "roll", "preprinted")
MAX_OFFSET_MM = 30.0          # a pre-printed form is moved at most this far (printer calibration)


@dataclass(frozen=True)
class ReceiptData:
    company: Company
    layout: str
    offsets_mm: tuple[float, float]   # the pre-printed form's fields moved (dx right, dy down)
    payment: PaymentView
    paid_at: str                      # 2025-11-20 10:00 in the hall
    copy_no: int | None               # this print is 副本 N
    reprinted_at: str
    reprinted_by: str
    url: str | None                   # what its QR code opens; None: no QR (qr_missing says why)
    refunds: tuple[tuple[str, str, int, str], ...]   # (date, method, fen < 0, reason)
    qr_code: str = ""                 # the code under the QR: the request's, else the receipt's own
    qr_lines: tuple[str, ...] = ()    # what the paper says beside the QR code
    qr_missing: str = ""              # why it prints without a QR code, for the clerk
    void_at: str = ""                 # voided: when, in the hall
    void_approved_by: str = ""        # voided: the supervisor who approved it
    net_fen: int | None = None        # refunded: what was kept after the refunds; else None


def check_layout(layout: str) -> str:
    if layout not in LAYOUTS:
        raise ValidationError(f"收据版式“{layout}”无效，可选：a5（A5纸）、roll（80mm热敏纸）、"
                              "preprinted（套打）", field="layout")
    return layout


def check_offsets(offsets: tuple[float, float]) -> tuple[float, float]:
    try:
        dx, dy = (float(v) for v in offsets)
    except (TypeError, ValueError):
        raise ValidationError("套打偏移应为两个数字（毫米）：向右、向下", field="offsets") from None
    if abs(dx) > MAX_OFFSET_MM or abs(dy) > MAX_OFFSET_MM:
        raise ValidationError(f"套打偏移不能超过 ±{MAX_OFFSET_MM:.0f} mm，请核对", field="offsets")
    return dx, dy


def _qr_lines(code: str, *, for_request: bool, scannable: bool) -> tuple[str, ...]:
    """What the receipt says beside its QR code: which code it is and what it opens."""
    if not code:
        return ()
    if for_request:
        return f"业务查询码：{code}", "扫码查询办理进度" if scannable else "凭查询码到营业厅查询办理进度"
    return f"核验码：{code}", "扫码核验收据真伪及作废、退款情况" if scannable else "凭核验码到营业厅核验"


def _void_of(session: Session, entry_id: int) -> tuple[dt.datetime, str] | None:
    """When the payment was voided and who approved it (one query), or None."""
    found = session.execute(
        select(LedgerEntry.created_at, Staff.display_name)
        .outerjoin(Staff, Staff.id == LedgerEntry.approved_by_id)
        .where(LedgerEntry.original_id == entry_id, LedgerEntry.entry_type == EntryType.VOID.value)).first()
    return (found[0], found[1] or "") if found else None


def receipt_data(core: Core, actor: Actor, receipt_no: str, *, layout: str = "a5", reprint: bool = False,
                 offsets_mm: tuple[float, float] = (0.0, 0.0)) -> ReceiptData:
    """A receipt by its number, its print logged: the original (once), or with
    ``reprint`` a copy, marked 副本 N.  The layout and the offsets are checked
    first: a paper that cannot be made is never logged."""
    actor.require(Permission.SERVE)
    check_layout(layout)
    offsets = check_offsets(offsets_mm)
    with core.unit_of_work() as session:
        entry = payments.payment_by_number(session, receipt_no)       # NotFound: a clear message
        if reprint:
            copy_no: int | None = payments.log_copy(session, core, actor, entry)
        else:
            payments.log_original(session, core, actor, entry)       # only once: then 副本 N
            copy_no = None
        payment = payments.view_in(session, entry)
        company = company_in(session)
        voided = _void_of(session, entry.id) if payment.void else None
        # tied to a request: its progress page; else the receipt's own page (genuine? voided?)
        code = payment.tracking_code or tracking.receipt_code_in(session, entry.id) or ""
    link = tracking_codes.link(company.tracking_base_url, code) if code else None
    url = link.url if link else None
    qr_lines = _qr_lines(code, for_request=bool(payment.tracking_code), scannable=url is not None)
    refunds = tuple((f"{core.local(r.created_at):%Y-%m-%d}", r.method.label, r.amount_fen, r.reason)
                    for r in payment.refunds)
    net = payment.amount_fen + sum(r.amount_fen for r in payment.refunds) if payment.refunds else None
    return ReceiptData(company, layout, offsets, payment, stamp(payment.created_at, core.zone), copy_no,
                       stamp(core.now(), core.zone), actor.display_name, url, refunds, code, qr_lines,
                       link.printed_note if link else "", stamp(voided[0], core.zone) if voided else "",
                       voided[1] if voided else "", net)


__all__ = ["LAYOUTS", "MAX_OFFSET_MM", "PaymentView", "ReceiptData", "check_layout", "check_offsets",
           "receipt_data"]
