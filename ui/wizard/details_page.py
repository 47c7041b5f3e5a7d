"""Page 3: the business details, one input per catalogue field (built at run
time, so a field added to forms/ appears without a code change)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QScrollArea, QWidget

from counter_app.catalogue import FieldSpec
from ui.widgets import FieldForm
from ui.wizard.base import Mnemonics, WizardPage

# what a field of each type asks for, when the catalogue gives no help text
TYPE_HINTS = {
    "area": QT_TRANSLATE_NOOP("DetailsPage", "平方米，如 85.5"),
    "phone": QT_TRANSLATE_NOOP("DetailsPage", "手机11位，或带区号的固定电话，如0371-12345678"),
    "resident_id": QT_TRANSLATE_NOOP("DetailsPage", "18位身份证号"),
    "uscc": QT_TRANSLATE_NOOP("DetailsPage", "18位统一社会信用代码"),
    "id_number": QT_TRANSLATE_NOOP("DetailsPage", "个人填18位身份证号，单位填统一社会信用代码"),
    "money": QT_TRANSLATE_NOOP("DetailsPage", "元，如 1234.56"),
    "season": QT_TRANSLATE_NOOP("DetailsPage", "如 2025-2026"),
    "integer": QT_TRANSLATE_NOOP("DetailsPage", "整数"),
}
DATE_EXAMPLE = "2026-11-27"
# detail field key -> what the customer page knows (see CustomerPage.known)
PREFILL = {"owner_name": "holder_name", "company_name": "holder_name", "owner_id_number": "person_id",
           "uscc": "org_id", "phone": "phone", "area": "area", "address": "address",
           "heating_method": "heating_form", "agent_name": "agent_name", "season": "season"}
YES, NO = "是", "否"


class DetailsPage(WizardPage):
    def __init__(self, wizard) -> None:  # noqa: ANN001
        super().__init__(wizard)
        self.setTitle(self.tr("第3步：业务信息"))
        self.setSubTitle(self.tr("带 * 的为必填项；填写有误时，提示显示在该项下方。"))
        self.form = FieldForm()
        self.prefilled: dict[str, str] = {}
        mnemonics = Mnemonics()
        for spec in self.kind.fields:
            caption = mnemonics.label(spec.label + (" *" if spec.required else ""))
            self.form.add(spec.key, caption, self._input(spec), spec.help)
            self._placeholder(spec)
        scroll = QScrollArea(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.body.addWidget(scroll, 1)

    def _input(self, spec: FieldSpec) -> QWidget:
        if spec.type == "choice":
            box = QComboBox()
            box.addItems(list(spec.choices))
            box.setPlaceholderText(self.tr("请选择"))
            box.setCurrentIndex(-1)
            return box
        if spec.type == "bool":
            return QCheckBox(self.tr("是"))
        edit = QLineEdit()
        if spec.type == "text" and spec.max_length:
            edit.setMaxLength(spec.max_length)
        return edit

    def _placeholder(self, spec: FieldSpec) -> None:
        widget = self.form.inputs[spec.key]
        if not isinstance(widget, QLineEdit):
            return
        if spec.type == "date":
            widget.setPlaceholderText(self.tr("如 {0}").format(DATE_EXAMPLE))
        elif not spec.help and spec.type in TYPE_HINTS:
            hint = self.tr(TYPE_HINTS[spec.type])
            if spec.type == "integer" and spec.min is not None and spec.max is not None:
                hint = self.tr("{0}到{1}之间的整数").format(spec.min, spec.max)
            widget.setPlaceholderText(hint)
        elif not spec.required and not spec.help:
            widget.setPlaceholderText(self.tr("选填"))

    # -- values --------------------------------------------------------------------------
    def raw(self, key: str) -> str:
        widget = self.form.inputs[key]
        if isinstance(widget, QComboBox):
            return widget.currentText() if widget.currentIndex() >= 0 else ""
        if isinstance(widget, QCheckBox):
            return YES if widget.isChecked() else NO
        return widget.text()

    def set_raw(self, key: str, value: str) -> None:
        widget = self.form.inputs.get(key)
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findText(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(value in (YES, "true", "True", "1"))
        elif isinstance(widget, QLineEdit):
            widget.setText(value)

    def raw_values(self) -> dict[str, str]:
        return {spec.key: self.raw(spec.key) for spec in self.kind.fields}

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        """Fill in what the customer page already knows, unless the clerk typed something else."""
        known = self.wiz.customer_page.known()
        if any(spec.key.startswith("new_holder") for spec in self.kind.fields):
            known.pop("phone", None)  # a new holder's phone is not the old holder's
        for key, source in PREFILL.items():
            widget = self.form.inputs.get(key)
            value = str(known.get(source) or "")
            if widget is None or not value:
                continue
            if isinstance(widget, QComboBox) and widget.findText(value) < 0:
                continue
            current = self.raw(key)
            if not current.strip() or current == self.prefilled.get(key):
                self.set_raw(key, value)
                self.prefilled[key] = value
        for spec in self.kind.fields:
            if not self.raw(spec.key).strip() or spec.key not in self.prefilled:
                self.first_focus = self.form.inputs[spec.key]
                self.first_focus.setFocus()
                break

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        self.form.clear_errors()
        self.set_status("")
        errors = self.kind.field_errors(self.raw_values())
        first = None
        for spec in self.kind.fields:
            if spec.key in errors:
                self.form.show_error(spec.key, errors[spec.key])
                first = first or spec.key
        if first is not None:
            self.form.inputs[first].setFocus()
            self.set_status(self.tr("有 {0} 项需要更正，请看各项下方的红字").format(len(errors)), error=True)
        return not errors

    def field_keys(self) -> set[str]:
        return set(self.form.inputs)

    def show_error(self, key: str, message: str) -> bool:
        return self.form.show_error(key, message)

    def values(self) -> dict[str, Any]:
        return {"fields": self.raw_values(), "prefilled": dict(self.prefilled)}

    def restore(self, data: dict[str, Any]) -> None:
        for key, value in (data.get("fields") or {}).items():
            if key in self.form.inputs and isinstance(value, str):
                self.set_raw(key, value)
        self.prefilled = {k: v for k, v in (data.get("prefilled") or {}).items() if isinstance(v, str)}

    def summary(self) -> list[tuple[str, str]]:
        values = self.raw_values()
        return [(spec.label, values[spec.key].strip()) for spec in self.kind.fields
                if spec.type == "bool" or values[spec.key].strip()]
