"""Page 6: the business is registered: its number, the tracking code the
resident scans, where it stands, and what to print."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFormLayout, QHBoxLayout, QLabel, QPushButton

from counter_app.domain import phrases
from counter_app.domain.enums import RequestStatus
from ui.operations.requests import RequestView
from ui.print_dialogs import notice_job, slip_job
from ui.printing import PrintActions
from ui.wizard.base import WizardPage

DEADLINE_WHAT = {"plan_reply": QT_TRANSLATE_NOOP("DonePage", "答复供热方案"),
                 "heat_on": QT_TRANSLATE_NOOP("DonePage", "开栓供热"),
                 "reply": QT_TRANSLATE_NOOP("DonePage", "答复审批结果")}
SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard


class DonePage(WizardPage):
    def __init__(self, wizard) -> None:  # noqa: ANN001
        super().__init__(wizard)
        self.setTitle(self.tr("办理完成"))
        self.setSubTitle(self.tr("业务已登记。请把查询码告诉客户，并打印回执。"))
        self.view: RequestView | None = None
        facts = QFormLayout()
        self.number = self._value("number")
        self.tracking = self._value("tracking_code")
        font = QFont(self.tracking.font())
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        font.setFamily("monospace")
        self.tracking.setFont(font)
        self.status_value = self._value("request_status")
        self.deadline = self._value("deadline")
        for caption, widget in ((self.tr("业务编号："), self.number), (self.tr("查询码："), self.tracking),
                                (self.tr("当前状态："), self.status_value),
                                (self.tr("办理期限："), self.deadline)):
            facts.addRow(caption, widget)
        self.body.addLayout(facts)
        self.notice = self._value("notice")
        self.notice.setWordWrap(True)
        self.body.addWidget(self.notice)
        self.body.addSpacing(8)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("复制查询码(&C)"), self)
        self.copy_button.setObjectName("copy_tracking")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self._copy)
        row.addWidget(self.copy_button)
        self.print_buttons = []
        self.printing: dict[str, PrintActions] = {}
        for name, text, tip, job in (
                ("print_receipt", self.tr("打印受理回执(&P)"), self.tr("预览、打印或另存受理回执 (Alt+P)"),
                 slip_job),
                ("print_notice", self.tr("打印一次性告知单(&O)"),
                 self.tr("预览、打印或另存一次性告知单 (Alt+O)"), notice_job)):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setEnabled(False)
            button.setToolTip(tip)
            button.setAutoDefault(False)
            self.printing[name] = PrintActions(self, wizard.ops, lambda j=job: self._job(j))
            self.printing[name].attach(button)
            row.addWidget(button)
            self.print_buttons.append(button)
        self.print_receipt, self.print_notice = self.print_buttons
        row.addStretch(1)
        self.body.addLayout(row)
        self.farewell = QLabel(self.tr("送别用语：") + phrases.FAREWELL, self)
        self.farewell.setObjectName("farewell")
        self.farewell.setStyleSheet("background:#eef6ee; padding:6px; border-radius:4px;")
        self.body.addWidget(self.farewell)
        self.body.addStretch(1)

    def _value(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextInteractionFlags(SELECTABLE)
        return label

    def _job(self, make):  # noqa: ANN001, ANN202
        view = self.view
        return None if view is None else make(self.core, self.wiz.actor, view.id, view.number)

    def _copy(self) -> None:
        QApplication.clipboard().setText(self.tracking.text())

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.refresh()

    def refresh(self) -> None:
        w = self.wiz
        if w.request_view is not None:
            self.view = w.request_view
        view = self.view
        if view is not None:
            self.number.setText(view.number)
            self.tracking.setText(view.tracking_code)
            self.status_value.setText(view.status.label)
            what = DEADLINE_WHAT.get(view.deadline_kind or "")
            self.deadline.setText(self.tr("无") if not view.deadline else view.deadline.isoformat()
                                  + (self.tr("（{0}）").format(self.tr(what)) if what else ""))
        self.notice.setText(self.notice_text(view))
        self.copy_button.setEnabled(view is not None)
        for button in self.print_buttons:
            button.setEnabled(view is not None)

    def notice_text(self, view: RequestView | None) -> str:
        if view is None:
            return self.tr("业务已登记，但暂时无法读取详情，请按“重试”。")
        lines = []
        if view.status is RequestStatus.AWAITING_DOCUMENTS or view.missing:
            lines.append(self.tr("材料不全，请向客户出具一次性告知单，告知需补交：{0}。").format(
                "、".join(view.missing)))
        elif view.status is RequestStatus.ACCEPTED and self.kind.workflow == "settlement":
            lines.append(self.tr("已受理。请按 F7 收费：交清应缴后，本业务随收款办结。"))
        elif view.status is RequestStatus.COMPLETED:
            lines.append(self.tr("已办结。"))
        elif view.status is RequestStatus.ACCEPTED and self.wiz.accept_needs_approval():
            lines.append(self.tr("已受理，已送值班长审批；审批结果将告知客户。"))
        elif view.status is RequestStatus.ACCEPTED and view.deadline:
            lines.append(self.tr("已受理，将于 {0} 前答复客户。").format(view.deadline.isoformat()))
        elif view.status is RequestStatus.ACCEPTED:
            lines.append(self.tr("已受理，办结后告知客户。"))
        lines.append(self.tr("客户可扫描回执上的二维码或凭查询码查询办理进度。"))
        return "\n".join(lines)
