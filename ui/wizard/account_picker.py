"""Finding and choosing the customer's account inside the wizard: a lookup
field, the hits, and the chosen account's facts with its standing (what it
owes, what is past due) and - when this business cannot be done for it now,
e.g. a stop with arrears - why, with 收费 (F7) offered right there."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Core
from ui.bridge import Operations
from ui.cash.standing import OVERDUE_STYLE, StandingLabel
from ui.operations import accounts as ops_accounts, requests as ops_requests
from ui.operations.accounts import AccountView
from ui.operations.requests import CustomerCheck
from ui.widgets import ACCOUNT_FACTS, account_facts, fact_caption, fill_table, make_table, row_data
from ui.wizard.base import error_label, show_message


class SearchField(QLineEdit):
    """A line edit whose Enter searches instead of pressing the wizard's Next."""

    search = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.search.emit()
            event.accept()
            return
        super().keyPressEvent(event)




class AccountPicker(QWidget):
    """Shows the chosen account, read with what the business ``kind`` needs to
    know of it; the lookup field changes it.  ``pay`` asks for 收费 (F7)."""

    changed = Signal()
    pay = Signal()

    def __init__(self, core: Core, ops: Operations, kind: str, caption: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.ops, self.kind = core, ops, kind
        self.account: AccountView | None = None
        self.check: CustomerCheck | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        label = QLabel(caption, self)
        self.lookup = SearchField(self)
        self.lookup.setObjectName("account_lookup")
        self.lookup.setPlaceholderText(self.tr("户号、姓名、电话、身份证号或地址，回车查找"))
        self.lookup.setClearButtonEnabled(True)
        self.lookup.search.connect(self.search)
        label.setBuddy(self.lookup)
        row.addWidget(label)
        row.addWidget(self.lookup, 1)
        column.addLayout(row)
        self.hint = QLabel(self)
        self.hint.setObjectName("lookup_hint")
        self.hint.hide()
        column.addWidget(self.hint)
        self.results = make_table(self, [self.tr("户号"), self.tr("户主"), self.tr("地址"),
                                         self.tr("面积(㎡)"), self.tr("状态")])
        self.results.setObjectName("account_results")
        self.results.setMaximumHeight(150)
        self.results.hide()
        self.results.itemSelectionChanged.connect(self._picked)
        column.addWidget(self.results)
        self.error = error_label(self, "error_account")
        column.addWidget(self.error)
        box = QGroupBox(self.tr("所选客户"), self)
        facts = QFormLayout(box)
        self.facts: dict[str, QLabel] = {}
        for key, text in ACCOUNT_FACTS:
            value = QLabel(box)
            value.setObjectName(f"fact_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            facts.addRow(fact_caption(text), value)
            self.facts[key] = value
        self.none_label = QLabel(self.tr("尚未选定客户：请在上面查找"), box)
        self.none_label.setObjectName("no_account")
        facts.addRow(self.none_label)
        self.standing = StandingLabel(box)
        facts.addRow(self.standing)
        column.addWidget(box)
        self.blocked = QFrame(self)
        self.blocked.setObjectName("blocked")
        self.blocked.setStyleSheet(f"QFrame#blocked {{ {OVERDUE_STYLE} }}")
        line = QHBoxLayout(self.blocked)
        line.setContentsMargins(6, 4, 6, 4)
        self.blocker = QLabel(self.blocked)
        self.blocker.setObjectName("blocker")
        self.blocker.setWordWrap(True)
        self.blocker.setStyleSheet("font-weight:bold;")
        line.addWidget(self.blocker, 1)
        self.pay_button = QPushButton(self.tr("收费 F7…"), self.blocked)
        self.pay_button.setObjectName("pay_arrears")
        self.pay_button.setToolTip(self.tr("先收清欠费，再继续办理本业务 (F7)"))
        self.pay_button.setAutoDefault(False)
        self.pay_button.clicked.connect(self.pay)
        line.addWidget(self.pay_button)
        self.blocked.hide()
        column.addWidget(self.blocked)
        self.setTabOrder(self.lookup, self.results)
        self._show(None)

    # -- choosing ----------------------------------------------------------------------
    def search(self) -> None:
        text = self.lookup.text().strip()
        if not text:
            return
        ok, hits = ops_accounts.find(self.ops, self.core, text)
        if not ok:
            return
        fill_table(self.results, ([h.account_no, h.holder_name, h.address, h.area,
                                   h.heating_state.label] for h in hits), (h.account_id for h in hits))
        self.results.setVisible(bool(hits))
        self.hint.setText(self.tr("找到 {0} 户，用上下键选择").format(len(hits)) if hits else
                          self.tr("没有找到“{0}”，请换个关键词").format(text))
        self.hint.show()
        if hits:
            self.results.selectRow(0)
            self.results.setFocus()

    def _picked(self) -> None:
        account_id = row_data(self.results)
        if account_id is not None:
            self.set_account(account_id)

    def set_account(self, account_id: int | None) -> bool:
        """Choose the account (None: none), read at once with its standing and
        whether this business can be done for it."""
        if account_id is None:
            self._show(None)
            return True
        ok, check = ops_requests.customer_check(self.ops, self.core, self.kind, account_id)
        if ok:
            self._show(check)
        return ok

    def recheck(self) -> None:
        """Read the chosen account again (e.g. after 收费)."""
        if self.account is not None:
            self.set_account(self.account.id)

    def blocker_text(self) -> str | None:
        return self.check.blocker if self.check is not None else None

    def _show(self, check: CustomerCheck | None) -> None:
        self.check = check
        view = self.account = check.account if check is not None else None
        show_message(self.error, "")
        self.standing.show_standing(check.standing if check is not None else None)
        reason = self.blocker_text()
        self.blocker.setText(self.tr("{0}。本业务暂不能办理：请先收费，交清后再继续。").format(reason)
                             if reason else "")
        self.blocked.setVisible(bool(reason))
        self.none_label.setVisible(view is None)
        values = dict.fromkeys(self.facts, "")
        if view is not None:
            values = account_facts(view)
        for key, value in values.items():
            self.facts[key].setText(value)
        self.changed.emit()

    def show_error(self, message: str) -> None:
        show_message(self.error, message)
        self.lookup.setFocus()
