"""收费 (F7): taking a payment at the counter.

Fast for the common case: the dialog opens with the amount due filled in and
selected, the method the clerk used last, and Enter shows the payment to be
confirmed (cash: the tendered sum defaults to the amount, no change): the
amount in figures and in capitals as the receipt prints it, the method, the
change, and what it settles.  Enter again takes the money; Esc goes back to
change it.  Money is taken deliberately, and still in two keys.  What is owed
and why is shown above the amount.  Without an open shift of today the dialog
says so at once and offers to open one.  After the payment: the receipt
number, the change to give, 关闭 (Enter).

A settlement (热费结算) the payment is for - named when the form opens - is
completed by a payment of everything due, with the payment."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain import phrases
from counter_app.domain.money import Statement, yuan
from counter_app.ledger import Method
from counter_app.validation import fen_to_capital
from ui.bridge import Operations
from ui.cash.common import (
    BANNER_FRAME,
    GREEN,
    METHODS,
    ORANGE,
    RED,
    Pages,
    big_label,
    fit_rows,
    last_method,
    money,
    parse_fen,
    remember_method,
    show_page,
)
from ui.operations import new_token, payments as ops_payments
from ui.operations.payments import Drawer, PaymentCheck, PaymentDesk, PaymentView
from ui.print_dialogs import OriginalReceipt
from ui.widgets import FieldForm, fill_table, make_table
from ui.windows import Owned

DIGIT_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3, Qt.Key.Key_5: 4}


class PaymentDialog(QDialog):
    """Emits ``paid`` with the PaymentView once the payment is recorded."""

    shift_dialog: Owned[QDialog] = Owned()     # while it is open (ui.windows)
    paid = Signal(object)

    def __init__(self, core: Core, actor: Actor, account_id: int, parent: QWidget | None = None,
                 request_id: int | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor, self.account_id, self.request_id = core, actor, account_id, request_id
        self.ops = Operations(self)
        self.token = new_token()     # this form's payment: a repeat never takes the money twice
        self.statement: Statement | None = None
        self.view: PaymentView | None = None
        self.check: PaymentCheck | None = None    # what the confirm step shows
        self.settles = False                      # the request is a settlement this can complete
        self.request_number = ""
        self.shift_ready = False
        self.shift_dialog: QDialog | None = None
        self.setObjectName("payment_dialog")
        self.setWindowTitle(self.tr("收费"))
        self.setMinimumWidth(560)
        outer = QVBoxLayout(self)
        self.stack = Pages(self)
        outer.addWidget(self.stack)
        self.entry_page = QWidget(self.stack)
        self.confirm_page = QWidget(self.stack)
        self.receipt_page = QWidget(self.stack)
        self._build_entry(self.entry_page)
        self._build_confirm(self.confirm_page)
        self._build_receipt(self.receipt_page)
        self.stack.addWidget(self.entry_page)
        self.stack.addWidget(self.confirm_page)
        self.stack.addWidget(self.receipt_page)
        show_page(self.stack, self.entry_page)
        self.load()

    # -- layout ---------------------------------------------------------------------------
    def _build_entry(self, page: QWidget) -> None:
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.head = QLabel(page)
        self.head.setObjectName("head")
        self.head.setStyleSheet("font-weight:bold;")
        self.head.setWordWrap(True)
        column.addWidget(self.head)
        self.banner = QFrame(page)
        self.banner.setObjectName("shift_banner")
        self.banner.setStyleSheet(BANNER_FRAME.format("shift_banner"))
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(6, 4, 6, 4)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setObjectName("shift_message")
        self.banner_text.setWordWrap(True)
        row.addWidget(self.banner_text, 1)
        self.shift_button = QPushButton(self.tr("开班(&O)…"), self.banner)
        self.shift_button.setObjectName("open_shift")
        self.shift_button.setToolTip(self.tr("登记备用金开班后即可收款 (Alt+O)"))
        self.shift_button.clicked.connect(self.open_shift_dialog)
        row.addWidget(self.shift_button)
        self.banner.hide()
        column.addWidget(self.banner)
        self.lines_caption = QLabel(self.tr("应缴明细："), page)
        column.addWidget(self.lines_caption)
        self.lines = make_table(page, [self.tr("项目"), self.tr("金额（元）")])
        self.lines.setObjectName("statement")
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.lines.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.lines)
        self.due = big_label(page, "due", grow=4)
        self.due.setAlignment(Qt.AlignmentFlag.AlignRight)
        column.addWidget(self.due)

        self.form = FieldForm(page)
        self.amount = QLineEdit(page)
        self.form.add("amount", self.tr("收款金额(&A)："), self.amount,
                      self.tr("元，最多两位小数；部分交费时改为实收金额"))
        self.amount.setPlaceholderText(self.tr("元，如 1234.56"))
        self.amount.textChanged.connect(self._update)
        self.capital = QLabel(page)
        self.capital.setObjectName("capital")
        self.capital.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.layout_.addRow(self.tr("大写："), self.capital)
        methods = QWidget(page)
        line = QHBoxLayout(methods)
        line.setContentsMargins(0, 0, 0, 0)
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[Method, QRadioButton] = {}
        for n, method in enumerate(METHODS, start=1):
            button = QRadioButton(f"{method.label}(&{n})", methods)
            button.setObjectName(f"method_{method.value}")
            button.setToolTip(self.tr("Alt+{0}；焦点在付款方式上时直接按 {0}").format(n))
            self.method_group.addButton(button, n - 1)
            self.method_buttons[method] = button
            line.addWidget(button)
        line.addStretch(1)
        self.method_group.idToggled.connect(lambda _id, on: on and self._update())
        self.form.add("method", self.tr("付款方式："), methods)
        self.tendered = QLineEdit(page)
        self.form.add("tendered", self.tr("实收现金(&T)："), self.tendered,
                      self.tr("找零时填写客户给的金额；不填即与收款金额相同"))
        self.tendered.textChanged.connect(self._update)
        self.change = QLabel(page)
        self.change.setObjectName("change")
        self.form.layout_.addRow(self.tr("找零："), self.change)
        self.prepay = QCheckBox(self.tr("超出应缴的部分作为预交下一采暖季热费(&Y)"), page)
        self.prepay.toggled.connect(self._update)
        self.form.add("prepayment", self.tr("预交："), self.prepay)
        self.excess = QLabel(page)
        self.excess.setObjectName("excess")
        self.excess.setWordWrap(True)
        self.form.layout_.addRow("", self.excess)
        column.addWidget(self.form)
        column.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.pay_button = QPushButton(self.tr("收款(&S)…"), page)
        self.pay_button.setObjectName("take_payment")
        self.pay_button.setToolTip(self.tr("与客户核对金额，确认后收款 (回车)"))
        self.pay_button.clicked.connect(self.review)
        self.cancel_button = QPushButton(self.tr("取消"), page)
        self.cancel_button.setToolTip(self.tr("不收款，关闭 (Esc)"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.pay_button)
        buttons.addWidget(self.cancel_button)
        column.addLayout(buttons)
        self.setTabOrder(self.amount, self.method_buttons[METHODS[0]])
        self.setTabOrder(self.method_buttons[METHODS[0]], self.tendered)
        self.setTabOrder(self.tendered, self.prepay)
        self.setTabOrder(self.prepay, self.pay_button)

    def _build_confirm(self, page: QWidget) -> None:
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        ask = big_label(page, "confirm_title", grow=4)
        ask.setText(self.tr("请与客户核对收款金额"))
        column.addWidget(ask)
        self.confirm_head = QLabel(page)
        self.confirm_head.setObjectName("confirm_head")
        self.confirm_head.setWordWrap(True)
        column.addWidget(self.confirm_head)
        facts = QFormLayout()
        self.confirm_amount = big_label(page, "confirm_amount", grow=12)
        self.confirm_capital = big_label(page, "confirm_capital", grow=6)
        self.confirm_capital.setWordWrap(True)
        self.confirm_method = QLabel(page)
        self.confirm_method.setObjectName("confirm_method")
        self.confirm_change_caption = QLabel(self.tr("找零："), page)
        self.confirm_change = big_label(page, "confirm_change", grow=4)
        facts.addRow(self.tr("收款金额："), self.confirm_amount)
        facts.addRow(self.tr("大写："), self.confirm_capital)
        facts.addRow(self.tr("付款方式："), self.confirm_method)
        facts.addRow(self.confirm_change_caption, self.confirm_change)
        column.addLayout(facts)
        self.confirm_note = QLabel(page)
        self.confirm_note.setObjectName("confirm_note")
        self.confirm_note.setWordWrap(True)
        column.addWidget(self.confirm_note)
        column.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.confirm_button = QPushButton(self.tr("确认收款(&S)"), page)
        self.confirm_button.setObjectName("confirm_payment")
        self.confirm_button.setToolTip(self.tr("金额无误，收款并生成收据号 (回车)"))
        self.confirm_button.clicked.connect(self.take)
        self.back_button = QPushButton(self.tr("返回修改(&B)"), page)
        self.back_button.setObjectName("back_to_entry")
        self.back_button.setToolTip(self.tr("不收款，回去修改金额或付款方式 (Esc)"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back_to_entry)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.back_button)
        column.addLayout(buttons)

    def _build_receipt(self, page: QWidget) -> None:
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        done = big_label(page, "done", grow=4)
        done.setText(self.tr("收款成功"))
        done.setStyleSheet(f"color:{GREEN};")
        column.addWidget(done)
        facts = QFormLayout()
        self.receipt_no = big_label(page, "receipt_no", grow=10, mono=True)
        self.paid_amount = QLabel(page)
        self.paid_amount.setObjectName("paid_amount")
        self.paid_amount.setWordWrap(True)
        self.paid_method = QLabel(page)
        self.paid_method.setObjectName("paid_method")
        self.change_due = big_label(page, "change_due", grow=6)
        self.change_caption = QLabel(self.tr("找零："), page)
        self.items = QLabel(page)
        self.items.setObjectName("items")
        self.items.setWordWrap(True)
        facts.addRow(self.tr("收据号："), self.receipt_no)
        facts.addRow(self.tr("金额："), self.paid_amount)
        facts.addRow(self.tr("付款方式："), self.paid_method)
        facts.addRow(self.change_caption, self.change_due)
        facts.addRow(self.tr("收费项目："), self.items)
        column.addLayout(facts)
        farewell = QLabel(self.tr("请将收据和找零交给客户。送别用语：") + phrases.FAREWELL, page)
        farewell.setObjectName("farewell")
        farewell.setWordWrap(True)
        farewell.setStyleSheet("background:#eef6ee; padding:6px; border-radius:4px;")
        column.addWidget(farewell)
        column.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = QPushButton(self.tr("打印收据(&P)"), page)
        self.print_button.setObjectName("print_receipt")
        self.print_button.setToolTip(self.tr("预览、打印或另存收据；原件只打一次 (Alt+P)"))
        self.print_button.setAutoDefault(False)
        self.printing = OriginalReceipt(self, self.ops, self.core, self.actor,
                                        lambda: self.view.receipt_no if self.view else None)
        self.printing.attach(self.print_button)
        self.printing.done.connect(self._receipt_out)
        self.close_button = QPushButton(self.tr("关闭"), page)
        self.close_button.setObjectName("close")
        self.close_button.setToolTip(self.tr("关闭 (回车)"))
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        column.addLayout(buttons)

    # -- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        ok, desk = ops_payments.open_desk(self.ops, self.core, self.actor, self.account_id, self.request_id)
        if not ok:
            self.due.setText(self.tr("应缴金额暂时无法读取"))
            return
        account = desk.account
        self.request_id, self.settles = desk.request_id, desk.settles
        self.request_number = desk.request_number
        self.head.setText(self.tr("户号 {0}　{1}　{2}").format(
            account.account_no, account.holder_name, account.address))
        if desk.request_number:
            self.head.setText(self.head.text() + self.tr("\n业务：{0}　{1}").format(
                desk.request_number, desk.request_kind))
        if desk.settles:
            self.head.setText(self.head.text() + self.tr("（交清应缴即办结）"))
        self.method_buttons[last_method(self.actor)].setChecked(True)
        self.show_statement(desk.statement)
        self.show_drawer(desk)

    def show_statement(self, statement: Statement) -> None:
        self.statement = statement
        fill_table(self.lines, ([x.label, yuan(x.amount_fen)] for x in statement.lines))
        for r in range(self.lines.rowCount()):
            self.lines.item(r, 1).setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        fit_rows(self.lines, least=1, most=8)
        self.lines.setVisible(bool(statement.lines))
        self.lines_caption.setVisible(bool(statement.lines))
        due = max(statement.due_fen, 0)
        if statement.lines:
            self.due.setText(self.tr("应缴合计：{0}").format(money(statement.due_fen)))
        else:
            self.due.setText(self.tr("本户没有未结清的费用"))
        self.amount.setText(f"{due // 100}.{due % 100:02d}" if due else "")
        if not due:
            self.amount.setPlaceholderText(self.tr("预交热费时填写金额并勾选“预交”"))
        self.amount.selectAll()
        self.amount.setFocus()
        self._update()

    def check_shift(self) -> None:
        """Read the drawer again (a shift opened or closed meanwhile)."""
        ok, desk = ops_payments.open_desk(self.ops, self.core, self.actor, self.account_id, self.request_id)
        if ok:
            self.show_drawer(desk)

    def show_drawer(self, desk: PaymentDesk) -> None:
        """Say at once when there is no shift of today to take money into."""
        self.shift_ready = desk.drawer is Drawer.READY
        if desk.drawer is Drawer.CLOSED:
            self.banner_text.setText(self.tr("您还没有开班：收款前请先开班（登记备用金）。"))
            self.shift_button.setText(self.tr("开班(&O)…"))
        elif desk.drawer is Drawer.STALE:
            self.banner_text.setText(
                self.tr("您的班次是 {0} 开的，尚未结班：请先清点现金结班，再开今天的班。")
                .format(f"{desk.shift_opened:%Y-%m-%d}"))
            self.shift_button.setText(self.tr("结班(&O)…"))
        self.banner.setVisible(not self.shift_ready)
        self.pay_button.setEnabled(self.shift_ready)
        self.shift_button.setDefault(not self.shift_ready)
        self.pay_button.setDefault(self.shift_ready)
        if self.shift_ready:
            self.amount.setFocus()
            self.amount.selectAll()
        else:
            self.shift_button.setFocus()

    def open_shift_dialog(self) -> None:
        from ui.cash.shift import ShiftDialog

        self.shift_dialog = ShiftDialog(self.core, self.actor, self)
        self.shift_dialog.finished.connect(lambda _r: self.check_shift())
        self.shift_dialog.open()

    # -- the form -----------------------------------------------------------------------------
    def method(self) -> Method:
        return METHODS[max(self.method_group.checkedId(), 0)]

    def set_method(self, method: Method) -> None:
        self.method_buttons[method].setChecked(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """1-5 pick the method when the focus is not in a text field (there they type);
        Esc on the confirm step goes back to the form instead of closing it."""
        if event.key() == Qt.Key.Key_Escape and self.stack.currentWidget() is self.confirm_page:
            self.back_to_entry()
            return
        if (event.key() in DIGIT_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and self.stack.currentWidget() is self.entry_page):
            self.set_method(METHODS[DIGIT_KEYS[event.key()]])
            self.method_buttons[self.method()].setFocus()
            return
        super().keyPressEvent(event)

    def _update(self) -> None:
        fen = parse_fen(self.amount.text())
        self.capital.setText(fen_to_capital(fen) if fen is not None else "")
        cash = self.method() is Method.CASH
        self.tendered.setEnabled(cash)
        self.change.setEnabled(cash)
        if not cash:
            self.change.setText(self.tr("（非现金收款无需找零）"))
            self.change.setStyleSheet("")
        else:
            given = parse_fen(self.tendered.text())
            if not self.tendered.text().strip() or fen is None:
                self.change.setText(money(0))
                self.change.setStyleSheet("")
            elif given is None:
                self.change.setText(self.tr("实收金额格式不对"))
                self.change.setStyleSheet(f"color:{RED};")
            elif given < fen:
                self.change.setText(self.tr("实收少于收款金额"))
                self.change.setStyleSheet(f"color:{RED};")
            else:
                self.change.setText(money(given - fen))
                self.change.setStyleSheet(f"font-weight:bold; color:{RED};" if given > fen else "")
        due = max(self.statement.due_fen, 0) if self.statement else None
        if fen is not None and due is not None and fen > due:
            over = fen - due
            if self.prepay.isChecked():
                self.excess.setText(self.tr("其中 {0} 作为预交下一采暖季热费").format(money(over)))
                self.excess.setStyleSheet("")
            else:
                self.excess.setText(self.tr("超出应缴 {0}：如为预交下一采暖季热费，请勾选“预交”").format(
                    money(over)))
                self.excess.setStyleSheet(f"color:{ORANGE};")
        elif fen is not None and due is not None and fen < due:
            self.excess.setText(self.tr("部分交费：交后尚欠 {0}").format(money(due - fen)))
            self.excess.setStyleSheet("")
        else:
            self.excess.setText("")

    # -- confirming and taking the payment -------------------------------------------------------
    def _tendered(self) -> str | None:
        return (self.tendered.text().strip() or None) if self.method() is Method.CASH else None

    def review(self) -> None:
        """收款 (Enter): the payment checked as the core will take it, shown to be
        confirmed; nothing is taken yet."""
        if not self.shift_ready:
            self.open_shift_dialog()
            return
        if self.statement is None:
            return                      # the form said the statement could not be read
        self.form.clear_errors()
        ok, check = ops_payments.check(self.ops, self.amount.text(), self.method(), tendered=self._tendered(),
                                       prepayment=self.prepay.isChecked(), due_fen=self.statement.due_fen,
                                       on_field_error=self.form.handle)
        if not ok:
            if self.ops.last_error is not None and self.ops.last_error.field == "amount":
                self.amount.selectAll()
            return
        self.show_confirm(check)

    def show_confirm(self, check: PaymentCheck) -> None:
        self.check = check
        self.confirm_head.setText(self.head.text())
        self.confirm_amount.setText(money(check.amount_fen))
        self.confirm_capital.setText(check.amount_capital)
        cash = check.change_fen is not None
        given = check.tendered_fen
        self.confirm_method.setText(check.method.label + (
            self.tr("　实收 {0}").format(money(given)) if given is not None else ""))
        self.confirm_change_caption.setVisible(cash)
        self.confirm_change.setVisible(cash)
        self.confirm_change.setText(money(check.change_fen or 0))
        self.confirm_change.setStyleSheet(f"color:{RED};" if check.change_fen else "")
        notes = []
        due = max(self.statement.due_fen, 0) if self.statement else 0
        if check.prepaid_fen:
            notes.append(self.tr("其中 {0} 作为预交下一采暖季热费").format(money(check.prepaid_fen)))
        elif not check.pays_in_full:
            notes.append(self.tr("部分交费：交后尚欠 {0}").format(money(due - check.amount_fen)))
        if self.settles and check.pays_in_full:
            notes.append(self.tr("交清应缴，业务 {0} 热费结算随收款办结").format(self.request_number))
        self.confirm_note.setText("\n".join(notes))
        self.confirm_note.setVisible(bool(notes))
        show_page(self.stack, self.confirm_page)
        self.pay_button.setDefault(False)
        self.confirm_button.setDefault(True)
        self.confirm_button.setFocus()

    def back_to_entry(self) -> None:
        """返回修改 (Esc): the form as it was typed, the amount selected."""
        show_page(self.stack, self.entry_page)
        self.confirm_button.setDefault(False)
        self.pay_button.setDefault(self.shift_ready)
        self.amount.setFocus()
        self.amount.selectAll()

    def take(self) -> None:
        """确认收款: take the money (the same token however often it is pressed)."""
        if not self.shift_ready:
            self.open_shift_dialog()
            return
        self.form.clear_errors()
        method = self.method()
        ok, view = ops_payments.take_payment(
            self.ops, self.core, self.actor, self.account_id, self.amount.text(), method,
            tendered=self._tendered(), prepayment=self.prepay.isChecked(), request_id=self.request_id,
            token=self.token, on_field_error=self.form.handle)
        if not ok:
            if self.stack.currentWidget() is self.confirm_page:
                self.back_to_entry()    # the form shows what went wrong, at its field
            if self.ops.last_error is not None and self.ops.last_error.field is None:
                self.check_shift()      # e.g. the shift was closed on another computer
            elif self.ops.last_error is not None and self.ops.last_error.field == "amount":
                self.amount.selectAll()
            return
        remember_method(self.actor, method)
        self.show_receipt(view)
        self.paid.emit(view)

    def _receipt_out(self, how: str) -> None:
        """The original went out (printed or saved): a further print is a copy."""
        self.print_button.setEnabled(False)
        self.print_button.setToolTip(
            self.tr("收据原件已打印；如需再打，请在“收费记录与更正”中补打副本") if how == "print"
            else self.tr("收据原件已另存为电子版；如需再打，请在“收费记录与更正”中补打副本"))
        self.close_button.setFocus()

    def show_receipt(self, view: PaymentView) -> None:
        self.view = view
        self.setWindowTitle(self.tr("收费 - 收据 {0}").format(view.receipt_no))
        self.receipt_no.setText(view.receipt_no)
        self.paid_amount.setText(self.tr("{0}（大写：{1}）").format(money(view.amount_fen),
                                                                 view.amount_capital))
        self.paid_method.setText(view.method.label + (
            self.tr("　实收 {0}").format(money(view.tendered_fen)) if view.tendered_fen is not None else ""))
        cash = view.change_fen is not None
        self.change_caption.setVisible(cash)
        self.change_due.setVisible(cash)
        if cash:
            self.change_due.setText(money(view.change_fen))
            self.change_due.setStyleSheet(f"color:{RED};" if view.change_fen else "")
        self.items.setText("\n".join(f"{label}　{money(fen)}" for label, fen in view.items))
        show_page(self.stack, self.receipt_page)
        self.pay_button.setDefault(False)
        self.confirm_button.setDefault(False)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

