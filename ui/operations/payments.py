"""收费: opening the payment form, taking a payment, correcting one."""

from __future__ import annotations

from counter_app.core import Actor, Core
from counter_app.ledger import Method
from counter_app.services import cashdesk, payments, receipt_book
from counter_app.services.cashdesk import Drawer, PaymentDesk, Standing
from counter_app.services.payments import CorrectionView, PaymentCheck, PaymentView
from counter_app.services.receipt_book import PaymentHistory
from ui.bridge import FieldHandler, Operations
from ui.operations import Changes, announce

__all__ = ["CorrectionView", "Drawer", "PaymentCheck", "PaymentDesk", "PaymentHistory", "PaymentView",
           "Standing", "check", "history", "open_desk", "receipts", "refund", "take_payment", "void"]


def open_desk(ops: Operations, core: Core, actor: Actor, account_id: int,
              request_id: int | None = None) -> tuple[bool, PaymentDesk]:
    """Everything the payment form shows when it opens (F7)."""
    return ops.call(cashdesk.payment_desk, core, actor, account_id, request_id)


def check(ops: Operations, amount: str, method: Method, *, tendered: str | None, prepayment: bool,
          due_fen: int, on_field_error: FieldHandler | None = None) -> tuple[bool, PaymentCheck]:
    """The confirm step: the payment as taking it would take it against the form's
    statement, with the same errors; nothing is read or stored."""
    return ops.call(payments.check_payment, amount, method, tendered=tendered, prepayment=prepayment,
                    due_fen=due_fen, on_field_error=on_field_error)


def take_payment(ops: Operations, core: Core, actor: Actor, account_id: int, amount: str,
                 method: Method, *, tendered: str | None, prepayment: bool, request_id: int | None,
                 token: str, on_field_error: FieldHandler | None = None) -> tuple[bool, PaymentView]:
    ok, view = ops.call(payments.take_payment, core, actor, account_id, amount, method,
                        tendered=tendered, prepayment=prepayment, request_id=request_id,
                        client_token=token, on_field_error=on_field_error, resolvable=True)
    if ok:
        announce(Changes.of(accounts=[account_id], payments=[view.entry_id], requests=[request_id]))
    return ok, view


def history(ops: Operations, core: Core, account_id: int) -> tuple[bool, list[PaymentView]]:
    """The account's receipts, newest first, with their voids and refunds."""
    return ops.call(payments.account_payments, core, account_id)


def receipts(ops: Operations, core: Core, account_id: int) -> tuple[bool, PaymentHistory]:
    """收费记录与更正 (Shift+F7): the account with its receipts and which may be voided."""
    return ops.call(receipt_book.payment_history, core, account_id)


def void(ops: Operations, core: Core, actor: Actor, payment: PaymentView, reason: str,
         supervisor: Actor, *, token: str,
         on_field_error: FieldHandler | None = None) -> tuple[bool, CorrectionView]:
    ok, result = ops.call(payments.void, core, actor, payment.entry_id, reason, supervisor,
                          client_token=token, on_field_error=on_field_error, resolvable=True)
    if ok:
        announce(Changes.of(accounts=[payment.account_id], payments=[payment.entry_id]))
    return ok, result


def refund(ops: Operations, core: Core, actor: Actor, payment: PaymentView, amount: str, reason: str,
           supervisor: Actor, method: Method | None, *, token: str,
           on_field_error: FieldHandler | None = None) -> tuple[bool, CorrectionView]:
    ok, result = ops.call(payments.refund, core, actor, payment.entry_id, amount, reason, supervisor,
                          method=method, client_token=token, on_field_error=on_field_error,
                          resolvable=True)
    if ok:
        announce(Changes.of(accounts=[payment.account_id], payments=[payment.entry_id]))
    return ok, result
