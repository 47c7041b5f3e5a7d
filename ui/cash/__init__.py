"""The counter's money windows: taking a payment (收费), the account's receipts
with reprint, void and refund (收费记录与更正), and the cash shift (开班/交班)."""

from ui.cash.history import PaymentHistoryDialog
from ui.cash.payment import PaymentDialog
from ui.cash.shift import ShiftDialog

__all__ = ["PaymentDialog", "PaymentHistoryDialog", "ShiftDialog"]
