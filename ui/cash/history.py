"""收费记录与更正 (Shift+F7): an account's receipts with reprint (副本),
void (作废, same day) and refund (退款).  Nothing is edited or deleted: a void
or refund is a new ledger entry, approved by a supervisor.  The window follows
the change bus: a payment, void or refund of the account, here or at another
window, shows at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain.money import yuan
from ui.bridge import Operations
from ui.cash.common import GREEN, RED, money
from ui.cash.corrections import REFUND, VOID, CorrectionDialog
from ui.operations import Changes, payments as ops_payments, subscribe
from ui.operations.payments import CorrectionView, PaymentHistory, PaymentView
from ui.print_dialogs import reprint
from ui.widgets import fill_table, make_table, row_data
from ui.windows import Owned


class PaymentHistoryDialog(QDialog):
    correction_dialog: Owned[CorrectionDialog] = Owned()   # while they are open (ui.windows)
    preview_dialog: Owned[QDialog] = Owned()

    def __init__(self, core: Core, actor: Actor, account_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor, self.account_id = core, actor, account_id
        self.ops = Operations(self)
        self.views: list[PaymentView] = []
        self.book: PaymentHistory | None = None
        self.correction_dialog: CorrectionDialog | None = None
        self.preview_dialog: QDialog | None = None
        self.setObjectName("payment_history")
        self.setWindowTitle(self.tr("收费记录与更正"))
        self.resize(880, 520)
        column = QVBoxLayout(self)
        self.head = QLabel(self)
        self.head.setObjectName("head")
        self.head.setStyleSheet("font-weight:bold;")
        column.addWidget(self.head)
        self.table = make_table(self, [self.tr("收据号"), self.tr("收款时间"), self.tr("付款方式"),
                                       self.tr("金额（元）"), self.tr("收款人"), self.tr("状态"),
                                       self.tr("补打次数")])
        self.table.setObjectName("receipts")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        column.addWidget(self.table, 1)
        self.detail = QLabel(self)
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.detail)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        column.addWidget(self.message)
        row = QHBoxLayout()
        self.reprint_button = QPushButton(self.tr("补打(副本)(&P)"), self)
        self.reprint_button.setObjectName("reprint")
        self.reprint_button.setToolTip(
            self.tr("补打一份副本（副本编号依次为 1、2……），在预览中打印或另存 (Alt+P)"))
        self.reprint_button.clicked.connect(self.reprint)
        self.void_button = QPushButton(self.tr("作废(&V)…"), self)
        self.void_button.setObjectName("void")
        self.void_button.setToolTip(self.tr("只限当天、尚未结班的收款；须值班长批准 (Alt+V)"))
        self.void_button.clicked.connect(lambda: self.correct(VOID))
        self.refund_button = QPushButton(self.tr("退款(&R)…"), self)
        self.refund_button.setObjectName("refund")
        self.refund_button.setToolTip(self.tr("退回全部或部分金额；须值班长批准 (Alt+R)"))
        self.refund_button.clicked.connect(lambda: self.correct(REFUND))
        close = QPushButton(self.tr("关闭"), self)
        close.setToolTip(self.tr("关闭 (Esc)"))
        close.clicked.connect(self.accept)
        for button in (self.reprint_button, self.void_button, self.refund_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        column.addLayout(row)
        self.setTabOrder(self.table, self.reprint_button)
        self.setTabOrder(self.reprint_button, self.void_button)
        self.setTabOrder(self.void_button, self.refund_button)
        self.setTabOrder(self.refund_button, close)
        self.refresh()
        subscribe(self, self._changed)
        self.table.setFocus()

    def _changed(self, changes: Changes) -> None:
        if changes.touches_account(self.account_id):
            self.refresh()

    # -- showing ----------------------------------------------------------------------------
    def status_text(self, v: PaymentView) -> str:
        if v.void:
            return self.tr("作废")
        refunded = -sum(r.amount_fen for r in v.refunds)
        if refunded and not v.refundable_fen:
            return self.tr("已全额退款")
        if refunded:
            return self.tr("已退 {0}").format(money(refunded))
        return self.tr("有效")

    def refresh(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else row_data(self.table)
        ok, book = ops_payments.receipts(self.ops, self.core, self.account_id)
        if not ok:
            return
        self.book, self.views = book, list(book.payments)
        account = book.account
        self.head.setText(self.tr("户号 {0}　{1}　{2}").format(
            account.account_no, account.holder_name, account.address))
        views = self.views
        fill_table(self.table, ([v.receipt_no, f"{self.core.local(v.created_at):%Y-%m-%d %H:%M}",
                                 v.method.label, yuan(v.amount_fen), v.clerk, self.status_text(v),
                                 v.copies or ""] for v in views), (v.entry_id for v in views))
        for r, v in enumerate(views):
            for c in (3, 6):
                self.table.item(r, c).setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if v.void:
                for c in range(self.table.columnCount()):
                    self.table.item(r, c).setForeground(QBrush(QColor(RED)))
        ids = [v.entry_id for v in views]
        if ids:
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
        else:
            self.detail.setText(self.tr("该户还没有收款记录"))
        self._selected()

    def current(self) -> PaymentView | None:
        entry_id = row_data(self.table)
        return next((v for v in self.views if v.entry_id == entry_id), None)

    def select(self, receipt_no: str) -> bool:
        for r, v in enumerate(self.views):
            if v.receipt_no == receipt_no:
                self.table.selectRow(r)
                return True
        return False

    def _selected(self) -> None:
        v = self.current()
        self.reprint_button.setEnabled(v is not None)
        self.void_button.setEnabled(v is not None and self.book is not None and self.book.may_void(v))
        self.refund_button.setEnabled(v is not None and v.refundable_fen > 0)
        if v is None:
            return
        parts = [self.tr("收据 {0}：{1}（大写：{2}）").format(v.receipt_no, money(v.amount_fen),
                                                          v.amount_capital)]
        parts += [f"　{label}　{money(fen)}" for label, fen in v.items]
        if v.void:
            parts.append(self.tr("已作废，原因：{0}").format(v.void_reason))
        for r in v.refunds:
            parts.append(self.tr("{0} 退款 {1}（{2}），原因：{3}；经办 {4}，批准 {5}").format(
                f"{self.core.local(r.created_at):%Y-%m-%d %H:%M}", money(-r.amount_fen), r.method.label,
                r.reason, r.clerk, r.approved_by))
        if v.copies:
            parts.append(self.tr("已补打 {0} 份副本").format(v.copies))
        self.detail.setText("\n".join(parts))

    def say(self, text: str, colour: str = "") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color:{colour};" if colour else "")

    # -- acting --------------------------------------------------------------------------------
    def reprint(self) -> None:
        v = self.current()
        if v is None:
            return
        self.preview_dialog = reprint(self, self.ops, self.core, self.actor, v.receipt_no)
        if self.preview_dialog is None:
            return
        self.refresh(v.entry_id)
        copies = self.current().copies if self.current() else ""
        self.say(self.tr("收据 {0} 已登记补打：副本 {1}。请在预览中打印或另存。").format(
            v.receipt_no, copies), GREEN)

    def correct(self, kind: str) -> None:
        v = self.current()
        if v is None:
            return
        self.correction_dialog = CorrectionDialog(self.core, self.actor, v, kind, self)
        self.correction_dialog.done.connect(lambda result: self._corrected(v, kind, result))
        self.correction_dialog.open()

    def _corrected(self, v: PaymentView, kind: str, result: CorrectionView) -> None:
        if kind == VOID:
            self.say(self.tr("收据 {0} 已作废（批准人：{1}）").format(v.receipt_no, result.approved_by),
                     GREEN)
        else:
            self.say(self.tr("收据 {0} 已退款 {1}（{2}，批准人：{3}），请将退款交给客户").format(
                v.receipt_no, money(-result.amount_fen), result.method.label, result.approved_by), GREEN)
        self.select(v.receipt_no)      # the list was read again when the correction was announced
