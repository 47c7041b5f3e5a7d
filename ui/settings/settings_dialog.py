"""The administrator's settings: stored in the database, so every counter shares them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from counter_app.core import Actor, Core
from ui.bridge import Operations
from ui.operations import settings as ops_settings
from ui.operations.settings import DEFAULTS
from ui.widgets import FieldForm

# key -> (label, help); integers get a spin box
FIELDS = {
    "company_name": (QT_TRANSLATE_NOOP("SettingsDialog", "公司名称(&C)"),
                   QT_TRANSLATE_NOOP("SettingsDialog", "印在合同、票据上，并用于接待用语")),
    "hall_name": (QT_TRANSLATE_NOOP("SettingsDialog", "营业厅名称(&H)"),
                   QT_TRANSLATE_NOOP("SettingsDialog", "如：客户服务中心、城东营业厅")),
    "hall_address": (QT_TRANSLATE_NOOP("SettingsDialog", "营业厅地址(&A)"),
                   QT_TRANSLATE_NOOP("SettingsDialog", "居民查询页面上显示")),
    "hall_phone": (QT_TRANSLATE_NOOP("SettingsDialog", "服务电话(&P)"),
                   QT_TRANSLATE_NOOP("SettingsDialog", "居民查询页面上显示")),
    "opening_hours": (QT_TRANSLATE_NOOP("SettingsDialog", "营业时间(&O)"),
                   QT_TRANSLATE_NOOP("SettingsDialog", "如：周一至周日 8:30-17:30（采暖期）")),
    "tracking_base_url": (QT_TRANSLATE_NOOP("SettingsDialog", "查询网址(&U)"),
                   QT_TRANSLATE_NOOP("SettingsDialog", "二维码中的网址前缀，如 https://heat.example.com/t/")),
    "idle_lock_minutes": (QT_TRANSLATE_NOOP("SettingsDialog", "无操作锁屏（分钟）(&L)"),
                   QT_TRANSLATE_NOOP("SettingsDialog", "柜台无人操作多少分钟后锁定屏幕")),
    "report_reply_days": (QT_TRANSLATE_NOOP("SettingsDialog", "举报答复期限（工作日）(&R)"),
                   QT_TRANSLATE_NOOP("SettingsDialog", "投诉固定为5个工作日")),
    "timezone": (QT_TRANSLATE_NOOP("SettingsDialog", "时区(&Z)"),
                   QT_TRANSLATE_NOOP("SettingsDialog", "默认 Asia/Shanghai")),
}


class SettingsDialog(QDialog):
    def __init__(self, core: Core, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor = core, actor
        self.ops = Operations(self)
        self.setWindowTitle(self.tr("系统设置"))
        layout = QVBoxLayout(self)
        self.form = FieldForm(self)
        ok, values = ops_settings.values(self.ops, core)
        values = values if ok else dict(DEFAULTS)
        for key, (label, help_text) in FIELDS.items():
            if isinstance(DEFAULTS[key], int):
                widget = QSpinBox(self)
                widget.setRange(1, 365)
                widget.setValue(int(values[key]))
            else:
                widget = QLineEdit(str(values[key]), self)
            self.form.add(key, self.tr(label), widget, self.tr(help_text))
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, widget in self.form.inputs.items():
            out[key] = widget.value() if isinstance(widget, QSpinBox) else widget.text()
        return out

    def save(self) -> None:
        self.form.clear_errors()
        if ops_settings.save(self.ops, self.core, self.actor, self.values(), on_field_error=self.form.handle):
            self.accept()
