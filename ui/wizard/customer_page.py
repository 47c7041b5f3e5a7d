"""Page 1: who the business is for.  An existing account (changed with the
lookup field), or, for an application, a new customer registered here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.enums import HeatingState, HolderKind
from counter_app.domain.premises import format_address
from counter_app.domain.seasons import season_of
from ui.operations import accounts as ops_accounts
from ui.operations.accounts import AccountInput, AccountView
from ui.wizard.account_picker import AccountPicker
from ui.wizard.base import WizardPage, error_label, show_message
from ui.wizard.new_customer import NewCustomerForm

NEW, EXISTING, ACCOUNT = "new", "existing", "account"


class CustomerPage(WizardPage):
    def __init__(self, wizard, account_id: int | None) -> None:  # noqa: ANN001
        super().__init__(wizard)
        self.setTitle(self.tr("第1步：客户"))
        self.application = not self.kind.needs_account
        self.form: NewCustomerForm | None = None
        if self.application:
            self.setSubTitle(self.tr("登记新客户，或选择一户尚未接网的已有账户。"))
            self._build_application()
        else:
            self.setSubTitle(self.tr("核对客户信息；如需更换，请在查找框中输入户号、姓名或电话后回车。"))
            self.picker = AccountPicker(self.core, wizard.ops, self.kind.kind, self.tr("更换客户(&L)："),
                                        self)
            self.body.addWidget(self.picker)
        self._build_agent()
        if not self.application:
            self.body.addStretch(1)
        if account_id is not None and not self.application:
            self.picker.set_account(account_id)

    # -- layout --------------------------------------------------------------------------
    def _build_application(self) -> None:
        row = QHBoxLayout()
        self.new_radio = QRadioButton(self.tr("登记新客户(&J)"), self)
        self.new_radio.setObjectName("mode_new")
        self.existing_radio = QRadioButton(self.tr("选择已有账户（未接网）(&Y)"), self)
        self.existing_radio.setObjectName("mode_existing")
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.new_radio)
        self.modes.addButton(self.existing_radio)
        row.addWidget(self.new_radio)
        row.addWidget(self.existing_radio)
        row.addStretch(1)
        self.body.addLayout(row)
        self.stack = QStackedWidget(self)
        self.form = NewCustomerForm(self.kind.user_class, self)
        scroll = QScrollArea(self.stack)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.stack.addWidget(scroll)
        self.picker = AccountPicker(self.core, self.wiz.ops, self.kind.kind, self.tr("查找账户(&L)："),
                                    self.stack)
        self.stack.addWidget(self.picker)
        self.body.addWidget(self.stack, 1)
        self.new_radio.toggled.connect(self._mode_changed)
        self.new_radio.setChecked(True)

    def _build_agent(self) -> None:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.by_agent = QCheckBox(self.tr("由代理人办理(&T)"), box)
        self.by_agent.setObjectName("by_agent")
        caption = QLabel(self.tr("代理人姓名(&V)："), box)
        self.agent_name = QLineEdit(box)
        self.agent_name.setObjectName("agent_name")
        self.agent_name.setEnabled(False)
        self.agent_name.setPlaceholderText(self.tr("代理人办理时必填"))
        caption.setBuddy(self.agent_name)
        self.by_agent.toggled.connect(self._agent_toggled)
        row.addWidget(self.by_agent)
        row.addSpacing(16)
        row.addWidget(caption)
        row.addWidget(self.agent_name, 1)
        column = QVBoxLayout()
        column.addWidget(box)
        self.agent_error = error_label(self, "error_agent_name")
        column.addWidget(self.agent_error)
        self.body.addLayout(column)

    def _mode_changed(self) -> None:
        self.stack.setCurrentIndex(0 if self.new_radio.isChecked() else 1)

    def _agent_toggled(self, on: bool) -> None:
        self.agent_name.setEnabled(on)
        if on:
            self.agent_name.setFocus()
        else:
            show_message(self.agent_error, "")

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.first_focus = (self.form.inputs["account_no"] if self.mode() == NEW
                            else self.picker.lookup)
        self.first_focus.setFocus()

    # -- what the other pages need -------------------------------------------------------
    def mode(self) -> str:
        if not self.application:
            return ACCOUNT
        return NEW if self.new_radio.isChecked() else EXISTING

    def account(self) -> AccountView | None:
        return None if self.mode() == NEW else self.picker.account

    def new_account(self) -> AccountInput | None:
        return self.form.account_input() if self.mode() == NEW else None

    def is_by_agent(self) -> bool:
        return self.by_agent.isChecked()

    def agent(self) -> str:
        return self.agent_name.text().strip() if self.is_by_agent() else ""

    def non_residential(self) -> bool:
        account = self.account()
        return self.kind.non_residential(account.user_class if account else None)

    def applicant_name(self) -> str:
        account = self.account()
        if account is not None:
            return account.holder_name
        return self.form.text("holder_name").strip()

    def known(self) -> dict[str, str]:
        """What the customer page knows that the details page may prefill."""
        account, data = self.account(), self.new_account()
        out = {"agent_name": self.agent(), "season": season_of(self.core.today())}
        if account is not None:
            person = account.holder_kind is HolderKind.PERSON
            out.update(holder_name=account.holder_name, phone=account.phone, area=str(account.area),
                       address=account.address, heating_form=account.heating_form.label,
                       person_id=account.id_number if person else "",
                       org_id="" if person else account.id_number)
        elif data is not None:
            person = data.holder_kind == HolderKind.PERSON.value
            out.update(holder_name=data.holder_name, phone=data.phone, area=data.area,
                       address=format_address(data.community, data.building, data.unit, data.room,
                                              data.address_text),
                       heating_form=self.form.heating_form.currentText(),
                       person_id=data.id_number if person else "",
                       org_id="" if person else data.id_number)
        return out

    def title_text(self) -> str:
        account = self.account()
        if account is not None:
            return f"{account.account_no} {account.holder_name}"
        return self.form.text("holder_name").strip() if self.form else ""

    # -- checking ------------------------------------------------------------------------
    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        self.set_status("")
        show_message(self.agent_error, "")
        ok = self._check_new() if self.mode() == NEW else self._check_account()
        if self.is_by_agent() and not self.agent_name.text().strip():
            show_message(self.agent_error, self.tr("由代理人办理时请填写代理人姓名"))
            if ok:
                self.agent_name.setFocus()
            ok = False
        return ok

    def _check_account(self) -> bool:
        account = self.picker.account
        if account is None:
            self.picker.show_error(self.tr("请先查找并选定客户（输入户号、姓名或电话后回车）"))
            return False
        reason = self.picker.blocker_text()
        if reason:           # it could not finish: stop here, not at the last page
            self.picker.show_error(self.tr("{0}。请先收费 (F7)。").format(reason))
            return False
        if self.kind.user_class not in ("any", account.user_class.value):
            self.picker.show_error(self.tr("该户为{0}用户，不能办理“{1}”，请选择对应的业务").format(
                account.user_class.label, self.kind.name))
            return False
        if self.application and account.heating_state is not HeatingState.NOT_CONNECTED:
            self.picker.show_error(self.tr("该户已接网（供热状态：{0}），不能再申请用热；"
                                           "停热后恢复请办理复热申请").format(account.heating_state.label))
            return False
        return True

    def _check_new(self) -> bool:
        errors = self.form.validate()
        hidden = [message for key, message in errors.items() if key not in self.form.inputs]
        if hidden:
            self.set_status("；".join(hidden), error=True)
        if errors:
            return False
        ok, taken = ops_accounts.number_taken(self.wiz.ops, self.core, self.form.account_input())
        if not ok:
            return False
        if taken:
            self.form.show_error("account_no", self.tr("户号 {0} 已存在，请核对公司分配的户号；"
                                                       "若是该户，请选择“已有账户”").format(taken))
            return False
        return True

    def field_keys(self) -> set[str]:
        keys = {"agent_name", "account", "applicant_name"}
        return keys | (set(self.form.inputs) if self.form else set())

    def show_error(self, key: str, message: str) -> bool:
        if key == "agent_name":
            show_message(self.agent_error, message)
            self.agent_name.setFocus()
            return True
        if self.mode() == NEW and key == "applicant_name":
            key = "holder_name"
        if self.mode() == NEW and self.form.show_error(key, message):
            return True
        self.picker.show_error(message)
        return True

    # -- drafts --------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        account = self.picker.account
        return {"mode": self.mode(), "account_id": account.id if account else None,
                "lookup": self.picker.lookup.text(),
                "new": self.form.values() if self.form else {},
                "by_agent": self.is_by_agent(), "agent_name": self.agent_name.text()}

    def restore(self, data: dict[str, Any]) -> None:
        if self.form is not None:
            self.form.restore(data.get("new") or {})
            (self.existing_radio if data.get("mode") == EXISTING else self.new_radio).setChecked(True)
        self.picker.lookup.setText(str(data.get("lookup") or ""))
        if data.get("account_id") is not None:
            self.picker.set_account(int(data["account_id"]))
        self.by_agent.setChecked(bool(data.get("by_agent")))
        self.agent_name.setText(str(data.get("agent_name") or ""))

    def is_blank(self) -> bool:
        """Nothing typed yet (a wizard closed at once leaves no draft)."""
        typed = (self.form is not None and not self.form.is_blank()) or self.agent_name.text().strip() \
            or self.picker.lookup.text().strip()
        return not typed

    def summary(self) -> list[tuple[str, str]]:
        rows: list[tuple[str, str]] = []
        account = self.account()
        if account is not None:
            rows += [(self.tr("户号"), account.account_no), (self.tr("户主"), account.holder_name),
                     (self.tr("地址"), account.address), (self.tr("供热面积"), f"{account.area} ㎡"),
                     (self.tr("供热状态"), account.heating_state.label)]
        elif self.form is not None:
            data = self.form.summary()
            address = format_address(data["community"], data["building"], data["unit"], data["room"],
                                     data["address_text"])
            rows += [(self.tr("新客户"), f"{data['holder_name']}（{data['holder_kind']}）"),
                     (self.tr("户号"), data["account_no"]), (self.tr("证件号码"), data["id_number"]),
                     (self.tr("联系电话"), " ".join(filter(None, (data["phone"], data["phone2"])))),
                     (self.tr("地址"), address), (self.tr("供热面积"), f"{data['area']} ㎡"),
                     (self.tr("采暖方式"), data["heating_form"])]
        rows.append((self.tr("办理人"), self.tr("代理人 {0}").format(self.agent()) if self.is_by_agent()
                     else self.tr("本人")))
        return rows
