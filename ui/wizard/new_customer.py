"""Registering a new customer in the application wizard: the fields of
``AccountInput``, each showing its own error."""

from __future__ import annotations

from dataclasses import asdict, fields as dc_fields
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from counter_app.domain.enums import HeatingForm, HeatingState, HolderKind
from ui.operations.accounts import AccountInput, validate_account
from ui.widgets import FieldForm

# key, caption, help (placeholder); holder_kind and heating_form are combo boxes
HOLDER = (
    ("account_no", QT_TRANSLATE_NOOP("NewCustomerForm", "户号(&H)"),
     QT_TRANSLATE_NOOP("NewCustomerForm", "公司分配的户号，4-20位数字或字母")),
    ("holder_kind", QT_TRANSLATE_NOOP("NewCustomerForm", "户主类型(&K)"), ""),
    ("holder_name", QT_TRANSLATE_NOOP("NewCustomerForm", "户主姓名/单位名称(&M)"), ""),
    ("id_number", QT_TRANSLATE_NOOP("NewCustomerForm", "证件号码(&I)"),
     QT_TRANSLATE_NOOP("NewCustomerForm", "个人填18位身份证号，单位填统一社会信用代码")),
    ("phone", QT_TRANSLATE_NOOP("NewCustomerForm", "联系电话(&P)"),
     QT_TRANSLATE_NOOP("NewCustomerForm", "手机11位，或带区号的固定电话，如0371-12345678")),
    ("phone2", QT_TRANSLATE_NOOP("NewCustomerForm", "备用电话(&O)"),
     QT_TRANSLATE_NOOP("NewCustomerForm", "选填")),
)
PREMISES = (
    ("community", QT_TRANSLATE_NOOP("NewCustomerForm", "小区(&C)"),
     QT_TRANSLATE_NOOP("NewCustomerForm", "如 幸福小区")),
    ("building", QT_TRANSLATE_NOOP("NewCustomerForm", "楼号(&D)"),
     QT_TRANSLATE_NOOP("NewCustomerForm", "如 3")),
    ("unit", QT_TRANSLATE_NOOP("NewCustomerForm", "单元(&U)"), QT_TRANSLATE_NOOP("NewCustomerForm", "如 2")),
    ("room", QT_TRANSLATE_NOOP("NewCustomerForm", "房号(&R)"),
     QT_TRANSLATE_NOOP("NewCustomerForm", "如 301")),
    ("address_text", QT_TRANSLATE_NOOP("NewCustomerForm", "其他地址(&A)"),
     QT_TRANSLATE_NOOP("NewCustomerForm", "没有小区楼号时填写完整地址，或补充说明")),
    ("area", QT_TRANSLATE_NOOP("NewCustomerForm", "供热面积㎡(&E)"),
     QT_TRANSLATE_NOOP("NewCustomerForm", "按不动产权证记载的建筑面积，如 85.5")),
    ("heating_form", QT_TRANSLATE_NOOP("NewCustomerForm", "采暖方式(&G)"), ""),
)
_TEXT_KEYS = tuple(key for key, _c, _h in HOLDER + PREMISES if key not in ("holder_kind", "heating_form"))


class NewCustomerForm(QWidget):
    """Two columns (holder, premises); ``account_input()`` gives the AccountInput."""

    def __init__(self, user_class: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user_class = user_class
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.forms: list[FieldForm] = []
        self.inputs: dict[str, QWidget] = {}
        for title, specs in ((self.tr("户主"), HOLDER), (self.tr("房屋"), PREMISES)):
            box = QGroupBox(title, self)
            inner = QVBoxLayout(box)
            form = FieldForm(box)
            inner.addWidget(form)
            inner.addStretch(1)
            for key, caption, help_text in specs:
                widget = self._widget(key)
                form.add(key, self.tr(caption), widget, self.tr(help_text) if help_text else "")
                self.inputs[key] = widget
            self.forms.append(form)
            row.addWidget(box, 1)
        self.holder_kind.currentIndexChanged.connect(self._kind_changed)
        # what the clerk types for every customer first; preset or optional fields last
        later = ("holder_kind", "phone2", "address_text", "heating_form")
        keys = [key for key, _c, _h in HOLDER + PREMISES]
        order = [self.inputs[key] for key in [k for k in keys if k not in later] + list(later)]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        if user_class == "non_residential":
            self.holder_kind.setCurrentIndex(self.holder_kind.findData(HolderKind.ORGANISATION.value))

    def _widget(self, key: str) -> QWidget:
        if key == "holder_kind":
            self.holder_kind = QComboBox(self)
            for member in HolderKind:
                self.holder_kind.addItem(member.label, member.value)
            return self.holder_kind
        if key == "heating_form":
            self.heating_form = QComboBox(self)
            for member in HeatingForm:
                self.heating_form.addItem(member.label, member.value)
            return self.heating_form
        return QLineEdit(self)

    def _kind_changed(self) -> None:
        person = self.holder_kind.currentData() == HolderKind.PERSON.value
        self.inputs["holder_name"].setToolTip(self.tr("户主姓名") if person else self.tr("单位全称"))

    # -- values ------------------------------------------------------------------------
    def text(self, key: str) -> str:
        widget = self.inputs[key]
        if isinstance(widget, QComboBox):
            return str(widget.currentData() or "")
        return widget.text()

    def set_text(self, key: str, value: str) -> None:
        widget = self.inputs[key]
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            if index >= 0:
                widget.setCurrentIndex(index)
        else:
            widget.setText(value)

    def values(self) -> dict[str, str]:
        return {key: self.text(key) for key in self.inputs}

    def restore(self, data: dict[str, Any]) -> None:
        for key, value in data.items():
            if key in self.inputs and isinstance(value, str):
                self.set_text(key, value)

    def is_blank(self) -> bool:
        return not any(self.text(key).strip() for key in _TEXT_KEYS)

    def account_input(self) -> AccountInput:
        known = {f.name for f in dc_fields(AccountInput)}
        data = {key: value.strip() for key, value in self.values().items() if key in known}
        return AccountInput(**data, user_class=self.user_class,
                                     heating_state=HeatingState.NOT_CONNECTED.value)

    # -- errors ------------------------------------------------------------------------
    def validate(self) -> dict[str, str]:
        """Show every problem at its field; return them all (empty when all is well)."""
        self.clear_errors()
        _clean, errors = validate_account(self.account_input())
        shown = [key for key, message in errors.items() if self.show_error(key, message)]
        if shown:
            self.inputs[shown[0]].setFocus()
        return errors

    def show_error(self, key: str, message: str) -> bool:
        return any(form.show_error(key, message) for form in self.forms if key in form.inputs)

    def clear_errors(self) -> None:
        for form in self.forms:
            form.clear_errors()

    def summary(self) -> dict[str, str]:
        """The typed values as the clerk reads them (labels, not codes)."""
        data = asdict(self.account_input())
        data["holder_kind"] = self.holder_kind.currentText()
        data["heating_form"] = self.heating_form.currentText()
        return data
