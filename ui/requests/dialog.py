"""One request at the counter: who owns it, its deadline, the timeline of
record, instruction, response and result, its documents, and the next steps
the logged-in role may take (article 7: 有记录、有指令、有回音、有结果)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain import phrases
from counter_app.workdays import warning_for_years
from ui.actions import key_text, shortcut
from ui.bridge import Operations
from ui.login import LoginDialog
from ui.operations import follow, requests as ops_requests
from ui.operations.requests import RequestDesk, RequestView, Step
from ui.print_dialogs import contract_job, notice_job, slip_job
from ui.printing import PrintActions
from ui.requests.common import (
    EVENT_COLOURS,
    PHRASE_STYLE,
    RED,
    WARNING_STYLE,
    action_label,
    deadline_text,
    label_style,
    local_text,
)
from ui.requests.documents import DocumentsPanel, missing_text
from ui.requests.steps import DelayDialog, HandoverDialog, StepDialog, supervisor_check
from ui.widgets import fill_table, make_table
from ui.windows import Owned

BUTTONS_PER_ROW = 4


class RequestDialog(QDialog):
    """Refreshes when a change to its request is announced - made here, in
    another window or by a supervisor at this counter - and on Ctrl+F5."""

    step_dialog: Owned[StepDialog] = Owned()       # while they are open (ui.windows)
    login_dialog: Owned[LoginDialog] = Owned()
    delay_dialog: Owned[DelayDialog] = Owned()
    handover_dialog: Owned[HandoverDialog] = Owned()

    def __init__(self, core: Core, actor: Actor, request_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor, self.request_id = core, actor, request_id
        self.ops = Operations(self)
        self.desk: RequestDesk | None = None
        self.view: RequestView | None = None
        self.action_buttons: dict[str, QPushButton] = {}
        self.supervisor_buttons: dict[str, QPushButton] = {}
        self.apology = ""          # what to say after a step taken late
        self.step_dialog: QDialog | None = None
        self.delay_dialog: DelayDialog | None = None
        self.handover_dialog: HandoverDialog | None = None
        self.login_dialog: LoginDialog | None = None
        self.setWindowTitle(self.tr("业务详情"))
        self.resize(900, 660)
        self._build()
        shortcut(self, "refresh", self.refresh)
        follow(self, lambda changes: self.request_id in changes.requests, self.refresh)
        self.refresh()

    # -- layout -------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("title")
        self.title.setStyleSheet("font-size:16px; font-weight:bold;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setStyleSheet("background:#e8eef8; padding:3px 10px; border-radius:3px;"
                                  " font-weight:bold;")
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.status)
        outer.addLayout(top)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.facts: dict[str, QLabel] = {}
        places = (("applicant", self.tr("申请人："), 0, 0), ("account_no", self.tr("户号："), 0, 2),
                  ("owner", self.tr("承办人："), 1, 0), ("received_at", self.tr("登记时间："), 1, 2),
                  ("deadline", self.tr("办理期限："), 2, 0),
                  ("tracking_code", self.tr("查询码："), 2, 2))
        for key, caption, r, c in places:
            label = QLabel(self)
            label.setObjectName(key)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(caption, self), r, c)
            grid.addWidget(label, r, c + 1)
            self.facts[key] = label
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        outer.addLayout(grid)
        self.deadline = self.facts["deadline"]
        self.calendar_warning = QLabel(self)
        self.calendar_warning.setObjectName("calendar_warning")
        self.calendar_warning.setWordWrap(True)
        self.calendar_warning.setStyleSheet(WARNING_STYLE)
        outer.addWidget(self.calendar_warning)
        self.phrase = QLabel(self)
        self.phrase.setObjectName("phrase")
        self.phrase.setWordWrap(True)
        self.phrase.setStyleSheet(PHRASE_STYLE)
        outer.addWidget(self.phrase)

        self.tabs = QTabWidget(self)
        self.timeline = make_table(self.tabs, [self.tr("时间"), self.tr("环节"), self.tr("事项"),
                                               self.tr("办理人"), self.tr("状态"), self.tr("说明"),
                                               self.tr("超期原因")])
        self.timeline.setObjectName("timeline")
        self.timeline.setWordWrap(True)
        self.timeline.horizontalHeader().setStretchLastSection(False)
        self.timeline.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.timeline.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.documents = DocumentsPanel(self.core, self.actor, self.ops, self.tabs)
        self.fields_page = QWidget(self.tabs)
        self.fields_form = QFormLayout(self.fields_page)
        self.tabs.addTab(self.timeline, self.tr("办理经过(&T)"))
        self.tabs.addTab(self.documents, self.tr("材料(&M)"))
        self.tabs.addTab(self.fields_page, self.tr("申请内容(&I)"))
        outer.addWidget(self.tabs, 1)

        self.steps_box = QGroupBox(self.tr("办理"), self)
        self.steps_grid = QGridLayout(self.steps_box)
        self.steps_hint = QLabel(self.steps_box)
        self.steps_hint.setObjectName("steps_hint")
        self.steps_hint.setWordWrap(True)
        outer.addWidget(self.steps_box)

        bottom = QHBoxLayout()
        self.print_slip = QPushButton(self.tr("打印受理单(&P)"), self)
        self.print_notice = QPushButton(self.tr("打印一次性告知单(&O)"), self)
        self.print_contract = QPushButton(self.tr("打印合同(&C)"), self)
        self.printing: dict[str, PrintActions] = {}
        for button, name, job, tip in (
                (self.print_slip, "print_slip", slip_job, self.tr("预览、打印或另存受理回执 (Alt+P)")),
                (self.print_notice, "print_notice", notice_job,
                 self.tr("预览、打印或另存一次性告知单 (Alt+O)")),
                (self.print_contract, "print_contract", contract_job,
                 self.tr("预览、打印或另存供热合同 (Alt+C)"))):
            button.setObjectName(name)
            button.setEnabled(False)
            button.setToolTip(tip)
            button.setAutoDefault(False)
            self.printing[name] = PrintActions(self, self.ops, lambda j=job: self._print_job(j))
            self.printing[name].attach(button)
            bottom.addWidget(button)
        bottom.addStretch(1)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.setToolTip(self.tr("刷新 ({0})").format(key_text("refresh")))
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.setToolTip(self.tr("关闭 (Esc)"))
        self.close_button.clicked.connect(self.accept)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.close_button)
        outer.addLayout(bottom)

    # -- showing ------------------------------------------------------------------
    def refresh(self) -> None:
        ok, desk = ops_requests.desk(self.ops, self.core, self.actor, self.request_id)
        if not ok:
            if self.view is None:
                self.title.setText(self.tr("无法打开该业务"))
                self.steps_box.setEnabled(False)
            return
        first = self.view is None
        self.desk, self.view = desk, desk.view
        view = desk.view
        self.setWindowTitle(self.tr("业务详情 - {0} {1}").format(view.number, view.kind_name))
        self.title.setText(f"{view.number}　{view.kind_name}")
        self.status.setText(view.status.label)
        values = {"applicant": view.applicant_name, "account_no": view.account_no or self.tr("（新户）"),
                  "owner": view.owner, "received_at": local_text(self.core, view.received_at),
                  "tracking_code": view.tracking_code}
        for key, value in values.items():
            self.facts[key].setText(value)
        due = deadline_text(view)
        self.deadline.setText(due.text)
        self.deadline.setStyleSheet(label_style(due.colour))
        warning = view.deadline_warning or (
            warning_for_years([view.deadline.year]) if view.deadline and view.deadline_fallback else None)
        self.calendar_warning.setText(warning or "")
        self.calendar_warning.setVisible(bool(warning))
        self._show_phrase(view)
        self._enable_printing(desk)
        self._fill_timeline(view)
        self.documents.set_view(view, can_waive=desk.can_waive)
        if first:
            self._fill_fields(view)
        self._build_steps(desk)

    def _enable_printing(self, desk: RequestDesk) -> None:
        self.print_slip.setEnabled(True)
        self.print_notice.setEnabled(True)
        self.print_contract.setVisible(desk.has_contract)
        signed = desk.contract_ready
        self.print_contract.setEnabled(signed)
        self.print_contract.setToolTip(self.tr("预览、打印或另存供热合同 (Alt+C)") if signed
                                       else self.tr("签订供热合同后可打印合同"))

    def _print_job(self, make):  # noqa: ANN001, ANN202
        view = self.view
        return None if view is None else make(self.core, self.actor, view.id, view.number)

    def _show_phrase(self, view: RequestView) -> None:
        text = ""
        if view.overdue:
            reasons = [e.late_reason for e in view.events if e.late_reason]
            if reasons:
                text = self.tr("已超期，请向客户致歉：") + phrases.late_apology(reasons[-1])
            else:
                text = self.tr("已超期，请点“说明超期原因”记录原因，并向客户致歉：") + \
                    phrases.late_apology("")
        elif self.apology:
            text = self.tr("请向客户致歉：") + self.apology
        self.phrase.setText(text)
        self.phrase.setVisible(bool(text))

    def _fill_timeline(self, view: RequestView) -> None:
        kind = self.core.catalogue.get(view.kind)
        rows = [[local_text(self.core, e.at), e.event_type.label, action_label(kind.workflow, e.action),
                 e.staff, e.to_status.label if e.to_status else "", e.note, e.late_reason]
                for e in view.events]
        fill_table(self.timeline, rows, [e.event_type.value for e in view.events])
        for r, event in enumerate(view.events):
            self.timeline.item(r, 1).setBackground(QBrush(QColor(EVENT_COLOURS[event.event_type])))
        if rows:
            self.timeline.scrollToBottom()

    def _fill_fields(self, view: RequestView) -> None:
        kind = self.core.catalogue.get(view.kind)
        for spec in kind.fields:
            value = view.fields.get(spec.key)
            if isinstance(value, bool):
                text = self.tr("是") if value else self.tr("否")
            else:
                text = "—" if value in (None, "") else str(value)
            label = QLabel(text, self.fields_page)
            label.setObjectName(f"field_{spec.key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields_form.addRow(spec.label + "：", label)

    # -- the steps ------------------------------------------------------------------
    def _build_steps(self, desk: RequestDesk) -> None:
        view = desk.view
        while self.steps_grid.count():
            item = self.steps_grid.takeAt(0)
            if item.widget() and item.widget() is not self.steps_hint:
                item.widget().deleteLater()
        self.action_buttons, self.supervisor_buttons = {}, {}
        self.delay_button = self.handover_button = None
        buttons: list[QPushButton] = []
        if view.status.is_closed:
            self.steps_hint.setText(self.tr("本业务状态为“{0}”，已关闭，不能再办理。").format(view.status.label))
            self.steps_grid.addWidget(self.steps_hint, 0, 0, 1, BUTTONS_PER_ROW)
            self.steps_hint.show()
            return
        number = 0
        for step in desk.steps:
            action, label = step.action, step.label
            if step.mine:
                number += 1
                button = self._button(f"&{number} {label}" if number < 10 else label,
                                      f"step_{action}", f"Alt+{number}" if number < 10 else "")
                button.clicked.connect(lambda _c=False, a=action: self.take_step(a))
                if step.blocked:
                    button.setEnabled(False)
                    button.setToolTip(self.tr("材料不全，不能{0}：缺少{1}。请在“材料”页登记补交，"
                                              "或请值班长批准免交").format(label, missing_text(view)))
                self.action_buttons[action] = button
            else:
                button = self._button(self.tr("请值班长审批：{0}(&V)…").format(label),
                                      f"supervisor_{action}", "Alt+V")
                button.setToolTip(self.tr("“{0}”须由值班长登录本人账号办理 (Alt+V)").format(label))
                button.clicked.connect(lambda _c=False, a=action: self.ask_supervisor(a))
                self.supervisor_buttons[action] = button
            buttons.append(button)
        if desk.can_explain_delay:
            self.delay_button = self._button(self.tr("说明超期原因(&E)…"), "explain_delay", "Alt+E")
            self.delay_button.setStyleSheet(label_style(RED))
            self.delay_button.clicked.connect(self.explain_delay)
            buttons.append(self.delay_button)
        if desk.can_handover:
            self.handover_button = self._button(self.tr("移交(&H)…"), "handover", "Alt+H")
            self.handover_button.clicked.connect(self.handover)
            buttons.append(self.handover_button)
        for i, button in enumerate(buttons):
            self.steps_grid.addWidget(button, i // BUTTONS_PER_ROW, i % BUTTONS_PER_ROW)
        hint = "" if self.action_buttons else self.tr("当前状态下您没有可办理的步骤。")
        self.steps_hint.setText(hint)
        self.steps_hint.setVisible(bool(hint))
        if hint:
            self.steps_grid.addWidget(self.steps_hint, len(buttons) // BUTTONS_PER_ROW + 1, 0,
                                      1, BUTTONS_PER_ROW)
        previous = self.tabs
        for button in buttons:
            self.setTabOrder(previous, button)
            previous = button

    def _button(self, text: str, name: str, shortcut: str) -> QPushButton:
        button = QPushButton(text, self.steps_box)
        button.setObjectName(name)
        if shortcut:
            button.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shortcut})")
        return button

    def _step(self, action: str) -> Step | None:
        return next((s for s in self.desk.steps if s.action == action), None) if self.desk else None

    def take_step(self, action: str, actor: Actor | None = None) -> None:
        """Take a step as the logged-in user (or as a supervisor who just logged in).
        What it changes is announced; this window refreshes from there."""
        view, step = self.view, self._step(action)
        if view is None or step is None:
            return
        acting = actor or self.actor
        # a decision is asked once: here, or by the supervisor's login made for this very step
        confirm = step.closes or (step.decides and actor is None)
        if step.asks_note or step.asks_late_reason or confirm:
            dialog = StepDialog(self.core, acting, view, step, late=step.asks_late_reason, parent=self)
            dialog.accepted.connect(lambda: self._stepped(dialog))
            self.step_dialog = dialog
            dialog.open()
            return
        ops_requests.act(self.ops, self.core, acting, view, step)

    def _stepped(self, dialog: StepDialog) -> None:
        """The step is taken and shown; a late one leaves its apology on screen to be said."""
        if dialog.late_reason is not None and self.view is not None:
            self.apology = phrases.late_apology(dialog.late_reason.text().strip())
            self._show_phrase(self.view)

    def ask_supervisor(self, action: str) -> None:
        """A step the clerk may not take: the supervisor logs in as themselves here."""
        step = self._step(action)
        if step is None:
            return
        self.login_dialog = LoginDialog(
            self.core, self, title=self.tr("值班长审批"),
            purpose=self.tr("“{0}”须由值班长批准：请值班长登录本人账号，本次操作记在值班长名下。")
            .format(step.label),
            check=supervisor_check(step.permission, step.label))
        self.login_dialog.accepted.connect(lambda: self.take_step(action, self.login_dialog.actor))
        self.login_dialog.open()

    def explain_delay(self) -> None:
        self.delay_dialog = DelayDialog(self.core, self.actor, self.view, self)
        self.delay_dialog.open()

    def handover(self) -> None:
        self.handover_dialog = HandoverDialog(self.core, self.actor, self.view, self)
        self.handover_dialog.open()
