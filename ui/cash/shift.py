"""开班/交班 (Ctrl+F7): open the clerk's drawer with a float, or close it with
the cash counted by denomination.  A difference from the expected cash needs a
reason and a supervisor, who logs in as themselves at the clerk's counter."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain.money import yuan
from ui.bridge import Operations
from ui.cash.common import (
    BANNER_STYLE,
    GREEN,
    RED,
    Pages,
    big_label,
    fit_rows,
    money,
    show_page,
    supervisor_login,
)
from ui.login import LoginDialog
from ui.operations import Changes, shifts as ops_shifts, subscribe
from ui.operations.shifts import DENOMINATIONS, ShiftReport, ShiftView, denomination_label
from ui.print_dialogs import handover_job
from ui.printing import PrintActions
from ui.widgets import FieldForm, fill_table, make_table
from ui.windows import Owned

ROWS_PER_COLUMN = 7


class _EnterMovesOn(QObject):
    """Enter in a count box goes to the next box (the last: to the reason)
    instead of closing the shift half-counted."""

    def __init__(self, chain: list[QWidget], parent: QObject) -> None:
        super().__init__(parent)
        self.chain = chain

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched in self.chain:
            following = self.chain[self.chain.index(watched) + 1:]
            if following:
                following[0].setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False


class ShiftDialog(QDialog):
    login_dialog: Owned[LoginDialog] = Owned()     # while it is open (ui.windows)

    def __init__(self, core: Core, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor = core, actor
        self.ops = Operations(self)
        self.shift: ShiftView | None = None
        self.report: ShiftReport | None = None
        self.closed: ShiftView | None = None
        self.login_dialog: LoginDialog | None = None
        self.setObjectName("shift_dialog")
        self.setMinimumWidth(620)
        outer = QVBoxLayout(self)
        self.stack = Pages(self)
        outer.addWidget(self.stack)
        self.open_page, self.close_page, self.done_page = QWidget(), QWidget(), QWidget()
        self._build_open(self.open_page)
        self._build_close(self.close_page)
        self._build_done(self.done_page)
        for page in (self.open_page, self.close_page, self.done_page):
            self.stack.addWidget(page)
        self.load()
        subscribe(self, self._changed)

    def _changed(self, changes: Changes) -> None:
        """Money taken or given back meanwhile moves the cash the drawer should hold."""
        if changes.payments and self.stack.currentWidget() is self.close_page:
            self.refresh_report()

    # -- layout ---------------------------------------------------------------------------
    def _buttons(self, page: QWidget, column: QVBoxLayout, *buttons: QPushButton) -> None:
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            button.setParent(page)
            row.addWidget(button)
        column.addLayout(row)

    def _build_open(self, page: QWidget) -> None:
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr("开班：清点放入钱箱的备用金（找零用现金），登记后即可收款。"), page)
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.open_form = FieldForm(page)
        self.float_amount = QLineEdit(page)
        self.open_form.add("float", self.tr("备用金(&F)："), self.float_amount,
                           self.tr("元，如 500；没有备用金填 0"))
        column.addWidget(self.open_form)
        column.addStretch(1)
        self.open_button = QPushButton(self.tr("开班(&O)"))
        self.open_button.setObjectName("open_shift")
        self.open_button.setToolTip(self.tr("登记备用金并开班 (回车)"))
        self.open_button.clicked.connect(self.open_shift)
        cancel = QPushButton(self.tr("取消"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self._buttons(page, column, self.open_button, cancel)

    def _build_close(self, page: QWidget) -> None:
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.shift_info = QLabel(page)
        self.shift_info.setObjectName("shift_info")
        self.shift_info.setWordWrap(True)
        column.addWidget(self.shift_info)
        self.stale = QLabel(page)
        self.stale.setObjectName("stale")
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet(BANNER_STYLE)
        self.stale.hide()
        column.addWidget(self.stale)
        self.totals = make_table(page, [self.tr("付款方式"), self.tr("收款笔数"), self.tr("收款"),
                                        self.tr("作废"), self.tr("退款"), self.tr("净额")])
        self.totals.setObjectName("method_totals")
        self.totals.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.totals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.totals)
        self.expected = big_label(page, "expected", grow=3)
        self.expected.setToolTip(self.tr("备用金加现金收款，减现金作废和现金退款；银行卡、微信、支付宝、转账不进钱箱"))
        column.addWidget(self.expected)

        box = QGroupBox(self.tr("按面额清点钱箱现金（张/枚）"), page)
        grid = QGridLayout(box)
        self.counts: dict[int, QSpinBox] = {}
        self.subtotals: dict[int, QLabel] = {}
        chain: list[QWidget] = []
        self._enter_filter = _EnterMovesOn(chain, self)
        for i, fen in enumerate(DENOMINATIONS):
            r, c = i % ROWS_PER_COLUMN, (i // ROWS_PER_COLUMN) * 4
            caption = QLabel(denomination_label(fen), box)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            spin = QSpinBox(box)
            spin.setObjectName(f"count_{fen}")
            spin.setRange(0, 99999)
            spin.setAccelerated(True)
            spin.setToolTip(self.tr("{0}的张数或枚数；回车到下一面额").format(denomination_label(fen)))
            spin.valueChanged.connect(self._recount)
            spin.installEventFilter(self._enter_filter)
            caption.setBuddy(spin)
            subtotal = QLabel(box)
            subtotal.setMinimumWidth(90)
            subtotal.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(caption, r, c)
            grid.addWidget(spin, r, c + 1)
            grid.addWidget(subtotal, r, c + 2)
            if c == 0:
                grid.setColumnMinimumWidth(3, 24)
            self.counts[fen], self.subtotals[fen] = spin, subtotal
            chain.append(spin)
        column.addWidget(box)
        sums = QFormLayout()
        self.counted = big_label(page, "counted", grow=3)
        self.difference = big_label(page, "difference", grow=3)
        sums.addRow(self.tr("清点合计："), self.counted)
        sums.addRow(self.tr("差额："), self.difference)
        column.addLayout(sums)
        self.close_form = FieldForm(page)
        self.reason = QLineEdit(page)
        self.reason.setMaxLength(500)
        chain.append(self.reason)
        self.close_form.add("reason", self.tr("差额原因(&R)："), self.reason,
                            self.tr("有差额时必填，并须值班长用本人账号登录确认"))
        column.addWidget(self.close_form)
        self.print_button = QPushButton(self.tr("打印交接班表"))
        self.print_button.setEnabled(False)
        self.print_button.setToolTip(self.tr("结班后即可打印交接班表"))
        self.print_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("结班(&C)"))
        self.close_button.setObjectName("close_shift")
        self.close_button.setToolTip(self.tr("按清点结果结班 (Alt+C)"))
        self.close_button.clicked.connect(self.close_shift)
        cancel = QPushButton(self.tr("取消"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self._buttons(page, column, self.print_button, self.close_button, cancel)
        spins = list(self.counts.values())
        for a, b in itertools.pairwise(spins):
            self.setTabOrder(a, b)
        self.setTabOrder(spins[-1], self.reason)
        self.setTabOrder(self.reason, self.close_button)

    def _build_done(self, page: QWidget) -> None:
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("已结班"), page)
        title.setStyleSheet(f"color:{GREEN}; font-weight:bold;")
        column.addWidget(title)
        self.summary = QLabel(page)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.summary)
        column.addStretch(1)
        self.done_print = QPushButton(self.tr("打印交接班表(&P)"))
        self.done_print.setObjectName("print_handover")
        self.done_print.setToolTip(self.tr("预览、打印或另存本班的交接班表 (Alt+P)"))
        self.done_print.setAutoDefault(False)
        self.printing = PrintActions(self, self.ops, lambda: handover_job(
            self.core, self.actor, self.closed.id, self.core.local(self.closed.opened_at).date())
            if self.closed else None)
        self.printing.attach(self.done_print)
        self.done_button = QPushButton(self.tr("关闭"))
        self.done_button.setObjectName("done")
        self.done_button.setToolTip(self.tr("关闭 (回车)"))
        self.done_button.clicked.connect(self.accept)
        self._buttons(page, column, self.done_print, self.done_button)

    # -- showing ----------------------------------------------------------------------------
    def load(self) -> None:
        ok, desk = ops_shifts.desk(self.ops, self.core, self.actor)
        self.shift = desk.shift if ok else None
        if self.shift is None:
            self.setWindowTitle(self.tr("开班 - {0}").format(self.actor.display_name))
            show_page(self.stack, self.open_page)
            self.open_button.setDefault(True)
            self.float_amount.setFocus()
            return
        self.setWindowTitle(self.tr("交班结账 - {0}").format(self.actor.display_name))
        show_page(self.stack, self.close_page)
        self.close_button.setDefault(True)
        opened = self.core.local(self.shift.opened_at)
        self.shift_info.setText(self.tr("班次开始：{0}　备用金：{1}").format(
            f"{opened:%Y-%m-%d %H:%M}", money(self.shift.float_fen)))
        self.stale.setText(
            self.tr("该班次是 {0} 开的，尚未结班：请清点现金结班，再开今天的班（当天事情当天办）。")
            .format(f"{opened:%Y-%m-%d}"))
        self.stale.setVisible(desk.stale)
        self.show_report(desk.report)
        self.counts[DENOMINATIONS[0]].setFocus()

    def refresh_report(self) -> None:
        """Read the open shift's figures again (the expected cash may have moved)."""
        if self.shift is None:
            return
        ok, desk = ops_shifts.desk(self.ops, self.core, self.actor)
        if ok and desk.shift is not None and desk.shift.id == self.shift.id:
            self.show_report(desk.report)

    def show_report(self, report: ShiftReport | None) -> None:
        if report is None:
            return
        self.report = report
        rows = [[method.label, t.payment_count, yuan(t.payments), yuan(t.voids), yuan(t.refunds), yuan(t.net)]
                for method, t in report.by_method.items()]
        fill_table(self.totals, rows or [[self.tr("本班尚无收款"), "", "", "", "", ""]])
        for r in range(self.totals.rowCount()):
            for c in range(1, self.totals.columnCount()):
                self.totals.item(r, c).setTextAlignment(
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        fit_rows(self.totals, least=1, most=5)
        self.expected.setText(self.tr("钱箱应有现金：{0}").format(money(report.expected_fen)))
        self._recount()

    def counted_fen(self) -> int:
        return sum(fen * spin.value() for fen, spin in self.counts.items())

    def counted_dict(self) -> dict[str, int]:
        return {str(fen): spin.value() for fen, spin in self.counts.items() if spin.value()}

    def difference_fen(self) -> int | None:
        return None if self.report is None else self.counted_fen() - self.report.expected_fen

    def _recount(self) -> None:
        for fen, spin in self.counts.items():
            self.subtotals[fen].setText(yuan(fen * spin.value()) if spin.value() else "")
        self.counted.setText(money(self.counted_fen()))
        diff = self.difference_fen()
        if diff is None:
            self.difference.setText("")
        elif diff == 0:
            self.difference.setText(self.tr("无差额"))
            self.difference.setStyleSheet(f"color:{GREEN};")
        else:
            word = self.tr("长款") if diff > 0 else self.tr("短款")
            self.difference.setText(self.tr("{0} {1}").format(word, money(abs(diff))))
            self.difference.setStyleSheet(f"color:{RED};")

    # -- acting --------------------------------------------------------------------------------
    def open_shift(self) -> None:
        self.open_form.clear_errors()
        ok, view = ops_shifts.open_shift(self.ops, self.core, self.actor, self.float_amount.text(),
                                         on_field_error=self.open_form.handle)
        if not ok:
            return
        self.tell(self.tr("已开班，备用金 {0}").format(money(view.float_fen)))
        self.accept()

    def close_shift(self) -> None:
        self.close_form.clear_errors()
        diff = self.difference_fen()
        if not diff:
            self._close(None)
            return
        if not self.reason.text().strip():
            word = self.tr("长款") if diff > 0 else self.tr("短款")
            self.close_form.show_error("reason", self.tr(
                "清点合计与应有现金不符（{0} {1}）：请重新清点，或填写差额原因并请值班长确认").format(
                word, money(abs(diff))))
            return
        self.login_dialog = supervisor_login(
            self.core, self.actor, self, self.tr("值班长确认现金差额"),
            self.tr("结班现金差额 {0}，原因：{1}。须由值班长确认：请值班长登录本人账号。").format(
                money(diff), self.reason.text().strip()),
            self.tr("现金差额"), self._close)

    def _close(self, supervisor: Actor | None) -> None:
        ok, view = ops_shifts.close_shift(self.ops, self.core, self.actor, self.counted_dict(),
                                          reason=self.reason.text(), supervisor=supervisor,
                                          on_field_error=self.close_form.handle)
        if not ok:
            self.refresh_report()          # the expected cash may have moved meanwhile
            return
        self.closed = view
        diff = view.difference_fen or 0
        if diff:
            word = self.tr("长款") if diff > 0 else self.tr("短款")
            text = self.tr("应有现金 {0}，清点 {1}，{2} {3}。").format(
                money(view.expected_fen or 0), money(view.counted_fen or 0), word, money(abs(diff)))
            text += self.tr("\n差额原因：{0}；确认人：{1}").format(
                view.difference_reason, supervisor.display_name if supervisor else "")
        else:
            text = self.tr("应有现金 {0}，清点 {1}，无差额。").format(
                money(view.expected_fen or 0), money(view.counted_fen or 0))
        self.summary.setText(text)
        self.setWindowTitle(self.tr("已结班 - {0}").format(self.actor.display_name))
        show_page(self.stack, self.done_page)
        self.close_button.setDefault(False)
        self.done_button.setDefault(True)
        self.done_button.setFocus()
        self.tell(self.tr("已结班：清点 {0}").format(money(view.counted_fen or 0)))

    def tell(self, message: str) -> None:
        parent = self.parentWidget()
        window = parent.window() if parent is not None else None
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 15000)
