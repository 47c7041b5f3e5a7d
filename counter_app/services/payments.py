"""Taking payments at the counter, and correcting them: reprint, void, refund.

Each use case is one transaction that starts by reserving the next place in the
hash-chained ledger (``ledger.reserve``), which serialises every writer of the
ledger; then the clerk's open shift, the account's statement of the day
(``billing.statement``), the gap-free receipt number of the hall's year, the
entry and its audit record.  An error anywhere rolls all of it back, the
numbers included: no gap, no half record.

Allocation of a payment (``LedgerEntry.allocation``, the format agreed with
billing, which computes it: ``billing.allocate``)::

    {"bills": {"<bill_id>": fen, ...},   # credited to each bill, discount included
     "late_fee": fen,                    # late fee paid
     "discount": fen,                    # early-payment discount granted (not cash)
     "prepaid": fen}                     # change of the prepaid balance (< 0: used)

with ``amount == sum(bills) + late_fee + prepaid - discount``.  A payment that
settles the statement in full gets the discount; a partial one pays the late
fee first, then the bills oldest season first and gets no discount.  A void
carries its original's allocation negated; a refund the part it takes back,
negated (the prepayment first, then the bills newest season first, then the
late fee; a refund of all that is left also takes the discount back).  Summing
the allocations of ALL entries of an account gives what is paid.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from sqlalchemy import func, insert, literal, select
from sqlalchemy.orm import Session

from counter_app import audit, idempotency, ledger, validation
from counter_app.core import Actor, Core
from counter_app.db import sequences
from counter_app.db.models import Account, Customer, ServiceRequest, Staff
from counter_app.db.money import Bill, LedgerEntry, ReceiptPrint, Shift
from counter_app.db.types import UTCDateTime
from counter_app.domain import settlement as st
from counter_app.domain.money import yuan
from counter_app.domain.permissions import Permission
from counter_app.domain.premises import format_address
from counter_app.errors import Conflict, NotFound, ValidationError
from counter_app.ledger import EntryType, Method
from counter_app.services import billing, cashdesk, requests, shifts, tracking
from counter_app.services.shifts import check_approver, money_input


def parse_method(value: Method | str) -> Method:
    if isinstance(value, Method):
        return value
    try:
        return Method.parse(str(value))
    except ValueError:
        options = "、".join(m.label for m in Method)
        raise ValidationError(f"付款方式“{value}”无效，可选：{options}", field="method") from None


# -- allocation (the payment side; billing.allocate splits a payment) -----------

def _bill_order(session: Session, ids: set[int]) -> list[int]:
    """Bill ids oldest season first."""
    rows = session.execute(select(Bill.id, Bill.season).where(Bill.id.in_(ids))).all()
    known = {i: season for i, season in rows}
    return sorted(ids, key=lambda i: (known.get(i, ""), i))


def _negate(allocation: dict[str, Any]) -> dict[str, Any]:
    return {"bills": {k: -v for k, v in allocation.get("bills", {}).items()},
            "late_fee": -allocation.get("late_fee", 0), "discount": -allocation.get("discount", 0),
            "prepaid": -allocation.get("prepaid", 0)}


def _remaining(original: LedgerEntry, refunds: list[LedgerEntry]) -> dict[str, Any]:
    left = {"bills": dict(original.allocation.get("bills", {})),
            "late_fee": original.allocation.get("late_fee", 0),
            "discount": original.allocation.get("discount", 0),
            "prepaid": original.allocation.get("prepaid", 0)}
    for r in refunds:
        for key, fen in r.allocation.get("bills", {}).items():
            left["bills"][key] = left["bills"].get(key, 0) + fen
        for key in ("late_fee", "discount", "prepaid"):
            left[key] += r.allocation.get(key, 0)
    return left


def _refund_allocation(session: Session, left: dict[str, Any], fen: int, full: bool) -> dict[str, Any]:
    """Take ``fen`` back from what is ``left`` of a payment: all of it (the
    discount too) when ``full``; else the prepayment first, then the bills
    newest season first, then the late fee."""
    if full:
        return _negate(left)
    out: dict[str, Any] = {"bills": {}, "late_fee": 0, "discount": 0, "prepaid": 0}
    take = min(fen, max(left["prepaid"], 0))
    out["prepaid"], fen = -take, fen - take
    for bill in reversed(_bill_order(session, {int(k) for k in left["bills"]})):
        take = min(fen, max(left["bills"][str(bill)], 0))
        if take:
            out["bills"][str(bill)] = -take
        fen -= take
    out["late_fee"] = -min(fen, left["late_fee"])
    return out


# -- views --------------------------------------------------------------------

@dataclass(frozen=True)
class CorrectionView:
    """A void or a refund entry."""

    entry_id: int
    entry_type: EntryType
    original_id: int
    original_receipt_no: str
    amount_fen: int                  # negative
    method: Method
    reason: str
    clerk: str
    approved_by: str
    created_at: dt.datetime
    allocation: dict[str, Any]


@dataclass(frozen=True)
class PaymentView:
    """A payment as printed on its receipt (收据), now or later."""

    entry_id: int
    receipt_no: str
    account_id: int
    account_no: str
    holder_name: str
    address: str
    amount_fen: int
    amount_capital: str              # 大写金额
    method: Method
    tendered_fen: int | None
    change_fen: int | None
    prepayment: bool
    allocation: dict[str, Any]
    items: tuple[tuple[str, int], ...]   # printed lines: (label, fen)
    request_id: int | None
    tracking_code: str | None
    clerk: str
    created_at: dt.datetime
    business_date: dt.date
    void: bool
    void_reason: str
    copies: int                      # reprints so far (副本 1, 2 ...)
    refunds: tuple[CorrectionView, ...]
    refundable_fen: int


def _seasons(session: Session, allocations: Iterable[dict[str, Any]]) -> dict[int, str]:
    """Bill id -> season, for every bill the allocations credit (one query)."""
    ids = {int(k) for allocation in allocations for k in allocation.get("bills", {})}
    if not ids:
        return {}
    return {i: season for i, season in session.execute(select(Bill.id, Bill.season).where(Bill.id.in_(ids)))}


def _items(allocation: dict[str, Any], seasons: dict[int, str]) -> tuple[tuple[str, int], ...]:
    out = [(f"{seasons.get(int(k), '')}采暖季热费", fen) for k, fen in allocation.get("bills", {}).items()]
    if allocation.get("late_fee"):
        out.append(("滞纳金", allocation["late_fee"]))
    if allocation.get("prepaid", 0) > 0:
        out.append(("预交下一采暖季热费", allocation["prepaid"]))
    if allocation.get("prepaid", 0) < 0:
        out.append(("使用预交余额", allocation["prepaid"]))
    if allocation.get("discount"):
        out.append(("提前交费优惠", -allocation["discount"]))
    return tuple(out)


def _names(session: Session, staff_ids: Iterable[int | None]) -> dict[int, str]:
    """Staff id -> display name, for all of them at once."""
    ids = {i for i in staff_ids if i}
    if not ids:
        return {}
    return {i: name for i, name in session.execute(
        select(Staff.id, Staff.display_name).where(Staff.id.in_(ids)))}


def _correction(session: Session, e: LedgerEntry, original: LedgerEntry,
                names: dict[int, str] | None = None) -> CorrectionView:
    """``names``: the clerks' and approvers' names when the caller read them already."""
    if names is None:
        names = _names(session, (e.clerk_id, e.approved_by_id))
    return CorrectionView(e.id, EntryType(e.entry_type), original.id, original.receipt_no or "",
                          e.amount_fen, Method(e.method), e.reason, names.get(e.clerk_id, ""),
                          names.get(e.approved_by_id or 0, ""), e.created_at, e.allocation)


def _linked(session: Session, entry: LedgerEntry) -> tuple[LedgerEntry | None, list[LedgerEntry]]:
    return _split(session.scalars(select(LedgerEntry).where(LedgerEntry.original_id == entry.id)
                                  .order_by(LedgerEntry.position)))


def _split(linked: Iterable[LedgerEntry]) -> tuple[LedgerEntry | None, list[LedgerEntry]]:
    """A payment's void (if any) and refunds, from the entries pointing at it."""
    linked = list(linked)
    void = next((e for e in linked if e.entry_type == EntryType.VOID.value), None)
    return void, [e for e in linked if e.entry_type == EntryType.REFUND.value]


def _view(session: Session, e: LedgerEntry, *, fresh: bool = False) -> PaymentView:
    """``fresh``: the payment was just taken (no void, refund or reprint yet)."""
    return _views(session, [e], fresh=fresh)[0]


def _views(session: Session, entries: Sequence[LedgerEntry], *, fresh: bool = False) -> list[PaymentView]:
    """Payments as their receipts show them, in at most six queries however many
    there are (accounts, requests, voids and refunds, reprints, seasons, names)."""
    if not entries:
        return []
    ids = [e.id for e in entries]
    accounts = {r.id: r for r in session.execute(
        select(Account.id, Account.account_no, Account.community, Account.building, Account.unit,
               Account.room, Account.address_text, Customer.name)
        .join(Customer, Customer.id == Account.customer_id)
        .where(Account.id.in_({e.account_id for e in entries})))}
    request_ids = {e.request_id for e in entries if e.request_id}
    tracking = {i: code for i, code in session.execute(
        select(ServiceRequest.id, ServiceRequest.tracking_code)
        .where(ServiceRequest.id.in_(request_ids)))} if request_ids else {}
    linked: dict[int, list[LedgerEntry]] = defaultdict(list)
    copies: dict[int, int] = {}
    if not fresh:
        for x in session.scalars(select(LedgerEntry).where(LedgerEntry.original_id.in_(ids))
                                 .order_by(LedgerEntry.position)):
            linked[x.original_id or 0].append(x)
        copies = {i: n for i, n in session.execute(
            select(ReceiptPrint.entry_id, func.count(ReceiptPrint.id))
            .where(ReceiptPrint.entry_id.in_(ids), ReceiptPrint.copy_no > 0)
            .group_by(ReceiptPrint.entry_id))}
    seasons = _seasons(session, (e.allocation for e in entries))
    others = [x for xs in linked.values() for x in xs]
    names = _names(session, [e.clerk_id for e in entries] + [x.clerk_id for x in others]
                   + [x.approved_by_id for x in others])
    out = []
    for e in entries:
        a = accounts[e.account_id]
        void, refunds = _split(linked[e.id])
        out.append(PaymentView(
            e.id, e.receipt_no or "", e.account_id, a.account_no, a.name,
            format_address(a.community, a.building, a.unit, a.room, a.address_text), e.amount_fen,
            validation.fen_to_capital(e.amount_fen), Method(e.method), e.tendered_fen, e.change_fen,
            e.prepayment, e.allocation, _items(e.allocation, seasons), e.request_id,
            tracking.get(e.request_id) if e.request_id else None, names.get(e.clerk_id, ""),
            e.created_at, e.business_date, void is not None, void.reason if void else "",
            copies.get(e.id, 0), tuple(_correction(session, r, e, names) for r in refunds),
            0 if void else e.amount_fen + sum(r.amount_fen for r in refunds)))
    return out


def receipt(core: Core, entry_id: int) -> PaymentView:
    with core.reading() as session:
        return _view(session, _payment(session, entry_id))


def receipt_by_number(core: Core, receipt_no: str) -> PaymentView:
    with core.reading() as session:
        return _view(session, payment_by_number(session, receipt_no))


def payment_by_number(session: Session, receipt_no: str) -> LedgerEntry:
    """The payment a receipt number names, inside the caller's transaction."""
    number = unicodedata.normalize("NFKC", str(receipt_no)).strip()
    entry = session.scalar(select(LedgerEntry).where(LedgerEntry.receipt_no == number))
    if entry is None:
        raise NotFound(f"没有收据号为 {number} 的收款，请核对（格式如 2026-000123）")
    return entry


def view_in(session: Session, entry: LedgerEntry) -> PaymentView:
    """A payment as its receipt prints it, inside the caller's transaction."""
    return _view(session, entry)


def account_payments(core: Core, account_id: int, limit: int = 100) -> list[PaymentView]:
    """The account's payments, newest first (voided ones included, marked), in a
    fixed number of queries however many there are."""
    with core.reading() as session:
        return _views(session, list(session.scalars(
            select(LedgerEntry).where(LedgerEntry.account_id == account_id,
                                      LedgerEntry.entry_type == EntryType.PAYMENT.value)
            .order_by(LedgerEntry.position.desc()).limit(limit))))


# -- taking a payment ---------------------------------------------------------

def take_payment(core: Core, actor: Actor, account_id: int, amount: str | int,
                 method: Method | str, *, tendered: str | int | None = None,
                 prepayment: bool = False, request_id: int | None = None,
                 client_token: str | None = None) -> PaymentView:
    """Take a payment on an account; returns what the receipt prints.

    ``client_token`` (made when the payment form opened) makes a repeat of the
    same payment - a double Enter, a retry after an uncertain commit - return
    the first receipt instead of taking the money twice."""
    actor.require(Permission.SERVE)
    token = idempotency.check(client_token)
    return idempotency.replaying(
        core, token, "payment",
        lambda: _take_payment(core, actor, account_id, amount, method, tendered, prepayment,
                              request_id, token),
        lambda entry_id: receipt(core, entry_id))


@dataclass(frozen=True)
class PaymentCheck:
    """A payment as the confirm step states it before the money is taken."""

    amount_fen: int
    amount_capital: str              # 大写金额, as the receipt prints it
    method: Method
    tendered_fen: int | None         # cash only
    change_fen: int | None
    prepaid_fen: int                 # the part above what is due, kept as a prepayment
    pays_in_full: bool               # settles the statement: a settlement it is for is done


def _money_in(amount: str | int, method: Method | str,
              tendered: str | int | None) -> tuple[int, Method, int]:
    """The amount, the method and the cash handed over, checked as typed."""
    fen = money_input(amount, "收款金额", "amount", positive=True)
    method = parse_method(method)
    given = tendered if tendered not in (None, "") else None
    if given is not None and method is not Method.CASH:
        raise ValidationError(f"{method.label}收款无需填写实收现金", field="tendered")
    cash_in = money_input(given, "实收现金", "tendered") if given is not None else fen
    if method is Method.CASH and cash_in < fen:
        raise ValidationError(f"实收现金 {yuan(cash_in)} 元少于收款金额 {yuan(fen)} 元，请核对",
                              field="tendered")
    return fen, method, cash_in


def _check_excess(fen: int, due_fen: int, prepayment: bool) -> None:
    if fen > due_fen and not prepayment:
        due = max(due_fen, 0)
        raise ValidationError(
            f"收款金额 {yuan(fen)} 元超过应缴 {yuan(due)} 元：多出的部分如为预交下一采暖季"
            "热费，请勾选“预交”；否则请按应缴金额收款", field="amount")


def check_payment(amount: str | int, method: Method | str, *, tendered: str | int | None,
                  prepayment: bool, due_fen: int) -> PaymentCheck:
    """What ``take_payment`` would take against a statement due ``due_fen``, with
    the same errors, and nothing stored: the payment form's confirm step shows
    it, and taking the payment checks it again against the statement of the
    moment."""
    fen, method, cash_in = _money_in(amount, method, tendered)
    _check_excess(fen, due_fen, prepayment)
    cash = method is Method.CASH
    return PaymentCheck(fen, validation.fen_to_capital(fen), method, cash_in if cash else None,
                        cash_in - fen if cash else None, max(0, fen - max(due_fen, 0)),
                        st.pays_in_full(due_fen, fen))


def _take_payment(core: Core, actor: Actor, account_id: int, amount: str | int,
                  method: Method | str, tendered: str | int | None, prepayment: bool,
                  request_id: int | None, token: str | None) -> PaymentView:
    fen, method, cash_in = _money_in(amount, method, tendered)
    with core.unit_of_work() as session:
        position = ledger.reserve(session)            # first: serialises ledger writers
        idempotency.guard(session, token, "payment")
        shift = shifts.shift_for_money(session, core, actor)
        account = billing.lock_account(session, account_id)   # no rebilling under us
        request = None
        if request_id is not None:
            request = session.get(ServiceRequest, request_id)
            if request is None:
                raise NotFound(f"没有编号为 {request_id} 的业务")
            if request.account_id not in (None, account_id):
                raise ValidationError(f"业务 {request.number} 不属于户号 {account.account_no}，请核对",
                                      field="request_id")
        today = core.today()
        statement = billing.statement(session, core, account_id, today)
        _check_excess(fen, statement.due_fen, prepayment)
        allocation = billing.allocate(statement, fen)
        receipt_no = f"{today.year}-{sequences.next_value(session, f'receipt-{today.year}'):06d}"
        now = core.now()
        entry = LedgerEntry(
            entry_type=EntryType.PAYMENT.value, receipt_no=receipt_no, account_id=account_id,
            request_id=request_id, original_id=None, method=method.value, amount_fen=fen,
            tendered_fen=cash_in if method is Method.CASH else None,
            change_fen=cash_in - fen if method is Method.CASH else None,
            prepayment=allocation["prepaid"] > 0, allocation=allocation, reason="",
            shift_id=shift.id, clerk_id=actor.staff_id, approved_by_id=None, created_at=now,
            business_date=today)
        ledger.seal(session, entry, position)
        tracking.mint_receipt_code(session, entry.id, now)     # the receipt's QR code opens its page
        audit.record(session, staff_id=actor.staff_id, at=now, action="payment", obj=entry)
        if (request is not None and cashdesk.completes_on_payment(core, request)
                and st.pays_in_full(statement.due_fen, fen)):
            # the settlement asked for this statement: paid, it is done with the payment or not at all
            requests.act_in(session, core, actor, request, "complete",
                            note=f"收款 {yuan(fen)} 元（收据 {receipt_no}），应缴热费已结清")
        idempotency.remember(session, core, actor, token, "payment", entry.id)
        return _view(session, entry, fresh=True)


# -- corrections --------------------------------------------------------------

def _payment(session: Session, entry_id: int) -> LedgerEntry:
    entry = session.get(LedgerEntry, entry_id)
    if entry is None or entry.entry_type != EntryType.PAYMENT.value:
        raise NotFound(f"没有编号为 {entry_id} 的收款记录")
    return entry


def print_original(core: Core, actor: Actor, entry_id: int) -> None:
    """Log the one unmarked print of a receipt (copy 0).  Every later print is a
    copy: a second original is refused, so no receipt exists twice unmarked."""
    actor.require(Permission.SERVE)
    with core.unit_of_work() as session:
        log_original(session, core, actor, _payment(session, entry_id))


def log_original(session: Session, core: Core, actor: Actor, entry: LedgerEntry) -> None:
    """``print_original`` inside the caller's unit of work (the printed receipt's)."""
    session.execute(select(LedgerEntry.id).where(LedgerEntry.id == entry.id).with_for_update())
    if session.scalar(select(ReceiptPrint.id).where(ReceiptPrint.entry_id == entry.id)):
        raise Conflict(f"收据 {entry.receipt_no} 已打印过原件，再次打印请用“补打(副本)”")
    row = ReceiptPrint(entry_id=entry.id, copy_no=0, printed_at=core.now(),
                       printed_by_id=actor.staff_id)
    session.add(row)
    audit.record(session, staff_id=actor.staff_id, at=core.now(), action="print", obj=row)


def reprint(core: Core, actor: Actor, entry_id: int) -> int:
    """Log a reprint of a receipt; returns its copy number (副本 1, 2 ...)."""
    actor.require(Permission.SERVE)
    with core.unit_of_work() as session:
        return log_copy(session, core, actor, _payment(session, entry_id))


def log_copy(session: Session, core: Core, actor: Actor, entry: LedgerEntry) -> int:
    """``reprint`` inside the caller's unit of work; returns the copy number."""
    session.execute(select(LedgerEntry.id).where(LedgerEntry.id == entry.id)
                    .with_for_update())          # PostgreSQL: one reprint of it at a time
    now = core.now()
    next_copy = select(literal(entry.id), func.coalesce(func.max(ReceiptPrint.copy_no), 0) + 1,
                       literal(now, UTCDateTime()), literal(actor.staff_id)) \
        .where(ReceiptPrint.entry_id == entry.id)
    session.execute(insert(ReceiptPrint).from_select(
        ["entry_id", "copy_no", "printed_at", "printed_by_id"], next_copy))
    row = session.scalars(select(ReceiptPrint).where(ReceiptPrint.entry_id == entry.id)
                          .order_by(ReceiptPrint.copy_no.desc()).limit(1)).one()
    audit.record(session, staff_id=actor.staff_id, at=now, action="reprint", obj=row)
    return row.copy_no


def correction(core: Core, entry_id: int) -> CorrectionView:
    """A void or refund entry, as its own view."""
    with core.reading() as session:
        entry = session.get(LedgerEntry, entry_id)
        if entry is None or entry.original_id is None:
            raise NotFound(f"没有编号为 {entry_id} 的作废或退款记录")
        return _correction(session, entry, _payment(session, entry.original_id))


# the columns particular to a void or a refund, from the original and its earlier refunds
_Build: TypeAlias = Callable[[Session, LedgerEntry, list[LedgerEntry]], dict[str, Any]]


def _correct(core: Core, actor: Actor, entry_id: int, kind: EntryType, reason: str,
             supervisor: Actor | None, build: _Build, token: str | None) -> CorrectionView:
    actor.require(Permission.SERVE)
    what = "作废收款" if kind is EntryType.VOID else "退款"
    reason = validation.check_text(reason, 500, True, field="reason", label=f"{what}原因")
    token = idempotency.check(token)
    return idempotency.replaying(
        core, token, kind.value,
        lambda: _record_correction(core, actor, entry_id, kind, reason, supervisor, build, token),
        lambda first: correction(core, first))


def _record_correction(core: Core, actor: Actor, entry_id: int, kind: EntryType, reason: str,
                       supervisor: Actor | None, build: _Build, token: str | None) -> CorrectionView:
    what = "作废收款" if kind is EntryType.VOID else "退款"
    with core.unit_of_work() as session:
        position = ledger.reserve(session)
        idempotency.guard(session, token, kind.value)
        original = _payment(session, entry_id)
        billing.lock_account(session, original.account_id)
        approver = check_approver(session, actor, supervisor, what, not_ids=(original.clerk_id,))
        void, refunds = _linked(session, original)
        if void is not None:
            raise Conflict(f"收据 {original.receipt_no} 已于 {core.local(void.created_at):%Y-%m-%d %H:%M} "
                           "作废，不能再作废或退款")
        now = core.now()
        entry = LedgerEntry(
            entry_type=kind.value, receipt_no=None, account_id=original.account_id,
            request_id=original.request_id, original_id=original.id, tendered_fen=None,
            change_fen=None, prepayment=original.prepayment, reason=reason,
            clerk_id=actor.staff_id, approved_by_id=approver.staff_id, created_at=now,
            business_date=core.today(), **build(session, original, refunds))
        ledger.seal(session, entry, position)
        audit.record(session, staff_id=actor.staff_id, at=now, action=kind.value, obj=entry)
        idempotency.remember(session, core, actor, token, kind.value, entry.id)
        return _correction(session, entry, original)


def void(core: Core, actor: Actor, entry_id: int, reason: str, supervisor: Actor | None, *,
         client_token: str | None = None) -> CorrectionView:
    """Void a payment of today (its receipt number stays, marked 作废).  Approved
    by a supervisor logged in as themselves, who is neither the clerk doing it
    nor the clerk who took the payment.  The cash leaves the payment's drawer."""
    def build(session: Session, original: LedgerEntry, refunds: list[LedgerEntry]) -> dict[str, Any]:
        if original.business_date != core.today():
            raise Conflict(f"只能作废当天的收款；收据 {original.receipt_no} 是 "
                           f"{original.business_date:%Y-%m-%d} 收的，请办理退款")
        if refunds:
            raise Conflict(f"收据 {original.receipt_no} 已有退款，不能作废；请对余额办理退款")
        shift = session.scalar(select(Shift).where(Shift.id == original.shift_id).with_for_update())
        if shift is not None and shift.closed_at is not None:
            raise Conflict(f"收据 {original.receipt_no} 所在班次已结班，不能作废，请办理退款")
        return {"method": original.method, "amount_fen": -original.amount_fen,
                "allocation": _negate(original.allocation), "shift_id": original.shift_id}
    return _correct(core, actor, entry_id, EntryType.VOID, reason, supervisor, build, client_token)


def refund(core: Core, actor: Actor, entry_id: int, amount: str | int, reason: str,
           supervisor: Actor | None, method: Method | str | None = None, *,
           client_token: str | None = None) -> CorrectionView:
    """Refund all or part of a payment (any later day): a new entry linked to it,
    never more than is left of it after earlier refunds.  Approved as a void.
    Paid out of the refunding clerk's open shift (``method`` defaults to the
    payment's)."""
    fen = money_input(amount, "退款金额", "amount", positive=True)
    chosen = parse_method(method) if method not in (None, "") else None

    def build(session: Session, original: LedgerEntry, refunds: list[LedgerEntry]) -> dict[str, Any]:
        shift = shifts.shift_for_money(session, core, actor)
        left = original.amount_fen + sum(r.amount_fen for r in refunds)
        if fen > left:
            raise ValidationError(f"退款金额 {yuan(fen)} 元超过收据 {original.receipt_no} "
                                  f"可退余额 {yuan(left)} 元，请核对", field="amount")
        allocation = _refund_allocation(session, _remaining(original, refunds), fen, fen == left)
        return {"method": (chosen or Method(original.method)).value, "amount_fen": -fen,
                "allocation": allocation, "shift_id": shift.id}
    return _correct(core, actor, entry_id, EntryType.REFUND, reason, supervisor, build, client_token)
