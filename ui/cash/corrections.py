"""Correcting a payment: void (作废, the same day) and refund (退款), each with
a reason and a supervisor's approval given by logging in as themselves at the
clerk's counter.  The service checks it all again and records nothing
half-way.  The dialog's client token, made when it opens, goes with every try:
a repeat after an uncertain commit (核对) records the correction once."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app import validation
from counter_app.core import Actor, Core
from counter_app.ledger import Method
from ui.bridge import Operations
from ui.cash.common import BANNER_STYLE, METHODS, money, supervisor_login
from ui.login import LoginDialog
from ui.operations import new_token, payments as ops_payments
from ui.operations.payments import CorrectionView, PaymentView
from ui.widgets import FieldForm
from ui.windows import Owned

VOID, REFUND = "void", "refund"


class CorrectionDialog(QDialog):
    """Void or refund one payment; emits ``done`` with the CorrectionView."""

    login_dialog: Owned[LoginDialog] = Owned()     # while it is open (ui.windows)
    done = Signal(object)

    def __init__(self, core: Core, actor: Actor, view: PaymentView, kind: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor, self.view, self.kind = core, actor, view, kind
        self.ops = Operations(self)
        self.token = new_token()     # this correction: a repeat never voids or refunds twice
        self.login_dialog: LoginDialog | None = None
        self.result_view: CorrectionView | None = None
        self.what = self.tr("作废收款") if kind == VOID else self.tr("退款")
        self.setObjectName(f"{kind}_dialog")
        title = self.tr("作废收款 - 收据 {0}") if kind == VOID else self.tr("退款 - 收据 {0}")
        self.setWindowTitle(title.format(view.receipt_no))
        self.setMinimumWidth(480)
        column = QVBoxLayout(self)
        head = QLabel(self.tr("收据 {0}　{1}　{2}　{3} 收　{4}").format(
            view.receipt_no, money(view.amount_fen), view.method.label, view.clerk,
            f"{core.local(view.created_at):%Y-%m-%d %H:%M}"), self)
        head.setObjectName("head")
        head.setStyleSheet("font-weight:bold;")
        head.setWordWrap(True)
        column.addWidget(head)
        intro = QLabel(self._intro(), self)
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        intro.setStyleSheet(BANNER_STYLE)
        column.addWidget(intro)
        self.form = FieldForm(self)
        self.amount: QLineEdit | None = None
        self.method: QComboBox | None = None
        if kind == REFUND:
            self.amount = QLineEdit(f"{view.refundable_fen // 100}.{view.refundable_fen % 100:02d}", self)
            self.form.add("amount", self.tr("退款金额(&A)："), self.amount,
                          self.tr("元；最多可退 {0}").format(money(view.refundable_fen)))
            self.method = QComboBox(self)
            for m in METHODS:
                self.method.addItem(m.label, m.value)
            self.method.setCurrentIndex(METHODS.index(view.method))
            self.form.add("method", self.tr("退款方式(&M)："), self.method)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(500)
        self.form.add("reason", self.tr("原因(&R)："), self.reason,
                      self.tr("必填：如 收错户、金额输错、客户退费"))
        column.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("请值班长批准(&S)…"))
        self.ok_button.setToolTip(self.tr("值班长用本人账号登录后即{0} (回车)").format(self.what))
        self.ok_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        (self.amount or self.reason).setFocus()
        if self.amount is not None:
            self.amount.selectAll()

    def _intro(self) -> str:
        if self.kind == VOID:
            return self.tr("作废只限当天、尚未结班的收款：收据号保留并标记“作废”，款项从原班次中退出。"
                           "须由值班长用本人账号登录批准（不能是收款人或经办人本人）。")
        return self.tr("退款记入您当前的班次，原收据保留。须由值班长用本人账号登录批准（不能是经办人本人）。")

    def chosen_method(self) -> Method | None:
        return Method(self.method.currentData()) if self.method is not None else None

    def submit(self) -> None:
        """Check what was typed first, so the supervisor is not called for a typo."""
        self.form.clear_errors()
        checks = [(validation.check_text, self.reason.text(), 500, True,
                   {"field": "reason", "label": self.tr("{0}原因").format(self.what)})]
        if self.amount is not None:
            checks.insert(0, (validation.parse_money_fen, self.amount.text(),
                              {"field": "amount", "label": self.tr("退款金额")}))
        for fn, *args, kwargs in checks:
            ok, _ = self.ops.call(fn, *args, on_field_error=self.form.handle, **kwargs)
            if not ok:
                return
        self.login_dialog = supervisor_login(
            self.core, self.actor, self, self.tr("值班长批准{0}").format(self.what),
            self.tr("{0}：收据 {1}，{2}。须由值班长批准：请值班长登录本人账号。").format(
                self.what, self.view.receipt_no, self._what_amount()),
            self.what, self.approved)

    def _what_amount(self) -> str:
        if self.amount is not None:
            return self.tr("退 {0} 元").format(self.amount.text().strip())
        return money(self.view.amount_fen)

    def approved(self, supervisor: Actor) -> None:
        if self.kind == VOID:
            ok, result = ops_payments.void(self.ops, self.core, self.actor, self.view, self.reason.text(),
                                           supervisor, token=self.token, on_field_error=self.form.handle)
        else:
            ok, result = ops_payments.refund(self.ops, self.core, self.actor, self.view, self.amount.text(),
                                             self.reason.text(), supervisor, self.chosen_method(),
                                             token=self.token, on_field_error=self.form.handle)
        if not ok:
            return
        self.result_view = result
        self.done.emit(result)
        self.accept()

