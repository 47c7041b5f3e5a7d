"""收费记录与更正: what the receipts window shows when it opens, read at once -
the account, its receipts with their voids, refunds and reprints, and which of
them may still be voided.

A void is for a payment of today that has no refund yet (a later correction is
a refund, and a refunded payment is corrected by refunding the rest); that
rule is decided here, and ``payments.void`` applies it again when it records."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.core import Core
from counter_app.services import accounts, payments
from counter_app.services.accounts import AccountView
from counter_app.services.payments import PaymentView


@dataclass(frozen=True)
class PaymentHistory:
    account: AccountView
    payments: tuple[PaymentView, ...]      # newest first
    voidable: frozenset[int]               # entry ids a void may be asked for today

    def may_void(self, payment: PaymentView) -> bool:
        return payment.entry_id in self.voidable


def payment_history(core: Core, account_id: int) -> PaymentHistory:
    with core.reading() as session:
        account = accounts.view(accounts.load(session, account_id))
    views = tuple(payments.account_payments(core, account_id))
    today = core.today()
    voidable = frozenset(v.entry_id for v in views
                         if not v.void and not v.refunds and v.business_date == today)
    return PaymentHistory(account, views, voidable)


__all__ = ["PaymentHistory", "payment_history"]
