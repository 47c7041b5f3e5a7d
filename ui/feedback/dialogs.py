"""The steps after logging: forward (转交), reply (答复), follow-up visit (回访),
and the read-only details of an entry."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain import phrases
from counter_app.domain.enums import Satisfaction
from ui.actions import shortcut
from ui.bridge import Operations
from ui.feedback.common import (
    department_combo,
    department_names,
    local_time,
    phrase_panel,
    status_text,
    summary,
    tr,
)
from ui.operations import feedback as ops_feedback
from ui.operations.feedback import Details, FeedbackView
from ui.widgets import ERROR_STYLE, FieldForm


def _text_box(parent: QWidget, placeholder: str, height: int = 90) -> QTextEdit:
    box = QTextEdit(parent)
    box.setAcceptRichText(False)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(height)
    return box


class _StepDialog(QDialog):
    """A small dialog about one entry: a heading, a form, OK and Cancel."""

    completed = Signal(int)  # the entry's id, after the step was recorded (and announced)

    def __init__(self, core: Core, actor: Actor, view: FeedbackView, title: str,
                 ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.core, self.actor, self.view = core, actor, view
        self.ops = Operations(self)
        self.setWindowTitle(title)
        self.outer = QVBoxLayout(self)
        heading = QLabel(self.tr("{0}　{1}　{2}　{3}").format(
            view.number, view.kind.label, view.channel.label, view.customer_name or self.tr("（未留姓名）")),
            self)
        heading.setObjectName("heading")
        heading.setStyleSheet("font-weight:bold;")
        self.outer.addWidget(heading)
        about = QLabel(summary(view.text, 120), self)
        about.setWordWrap(True)
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outer.addWidget(about)
        self.body = QHBoxLayout()
        self.outer.addLayout(self.body, 1)
        self.form = FieldForm(self)
        self.form.setMinimumWidth(380)
        self.body.addWidget(self.form, 3)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setToolTip(self.tr("保存 (Ctrl+Enter)"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.outer.addWidget(self.buttons)
        shortcut(self, "submit", self.save)

    def run(self) -> bool:  # pragma: no cover - overridden
        raise NotImplementedError

    def save(self) -> None:
        self.form.clear_errors()
        if self.run():
            self.completed.emit(self.view.id)
            self.accept()


class ForwardDialog(_StepDialog):
    """转交: hand the entry to the responsible department (article 18)."""

    def __init__(self, core: Core, actor: Actor, view: FeedbackView, departments: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(core, actor, view, tr("转交 {0}").format(view.number), tr("转交(&T)"), parent)
        if view.department:
            self.form.layout_.addRow(self.tr("当前部门："), QLabel(view.department, self.form))
        self.department = self.form.add("department", self.tr("转交给(&D)："),
                                        department_combo(self.form, department_names(departments)),
                                        self.tr("选择或输入责任部门"))
        self.department.setCurrentText("")
        self.department.setFocus()
        self.resize(480, 240)

    def run(self) -> bool:
        return ops_feedback.forward(self.ops, self.core, self.actor, self.view,
                                    self.department.currentText(), on_field_error=self.form.handle)


class ReplyDialog(_StepDialog):
    """答复: the reply to the customer; past the deadline, the reason it is late."""

    def __init__(self, core: Core, actor: Actor, view: FeedbackView,
                 parent: QWidget | None = None) -> None:
        super().__init__(core, actor, view, tr("答复 {0}").format(view.number), tr("保存答复(&S)"), parent)
        if view.reply_deadline:
            deadline = QLabel(f"{view.reply_deadline:%Y-%m-%d}", self.form)
            deadline.setObjectName("deadline")
            if view.overdue:
                deadline.setText(self.tr("{0}（已超期）").format(deadline.text()))
                deadline.setStyleSheet(ERROR_STYLE)
            self.form.layout_.addRow(self.tr("答复期限："), deadline)
        self.reply_text = _text_box(self.form, self.tr("处理结果和答复客户的内容"))
        self.form.add("reply_text", self.tr("答复内容(&R)："), self.reply_text)
        self.late_reason = _text_box(self.form, self.tr("为什么没有在期限内答复"), 60)
        self.form.add("late_reason", self.tr("超期原因(&L)："), self.late_reason)
        self.late_reason.textChanged.connect(self._late_phrase)
        self.apology = phrase_panel(self, self.tr("致歉用语（请对客户说）"), phrases.APOLOGY,
                                    "apology_phrases")
        self.late_line = QLabel(self.apology)
        self.late_line.setObjectName("late_apology")
        self.late_line.setWordWrap(True)
        self.apology.layout().insertWidget(0, self.late_line)
        self.apology.setMinimumWidth(250)
        self.body.addWidget(self.apology, 2)
        self.setTabOrder(self.reply_text, self.late_reason)
        self.setTabOrder(self.late_reason, self.ok_button)
        self.show_late(view.overdue)
        self.reply_text.setFocus()
        self.resize(760, 380)

    def show_late(self, late: bool) -> None:
        self.form.layout_.setRowVisible(self.late_reason.parentWidget(), late)
        self.late_line.setVisible(late)
        self._late_phrase()

    def _late_phrase(self) -> None:
        self.late_line.setText("• " + phrases.late_apology(self.late_reason.toPlainText().strip()))

    def _field_error(self, exc) -> bool:  # noqa: ANN001
        if exc.field == "late_reason":
            self.show_late(True)
        return self.form.handle(exc)

    def run(self) -> bool:
        return ops_feedback.reply(self.ops, self.core, self.actor, self.view,
                                  self.reply_text.toPlainText(),
                                  late_reason=self.late_reason.toPlainText(),
                                  on_field_error=self._field_error)


class FollowUpDialog(_StepDialog):
    """回访: the follow-up visit's result and the customer's satisfaction (article 20)."""

    def __init__(self, core: Core, actor: Actor, view: FeedbackView,
                 parent: QWidget | None = None) -> None:
        super().__init__(core, actor, view, tr("回访 {0}").format(view.number), tr("保存回访(&S)"), parent)
        if view.reply_text:
            answered = QLabel(summary(view.reply_text, 80), self.form)
            answered.setWordWrap(True)
            self.form.layout_.addRow(self.tr("答复内容："), answered)
        self.result = _text_box(self.form, self.tr("回访方式、客户反映的情况"))
        self.form.add("followup_result", self.tr("回访情况(&R)："), self.result)
        box = QWidget(self.form)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.satisfaction = QButtonGroup(self)
        self.choices: dict[Satisfaction, QRadioButton] = {}
        keys = {Satisfaction.SATISFIED: "1", Satisfaction.BASICALLY: "2", Satisfaction.DISSATISFIED: "3"}
        for member in Satisfaction:
            button = QRadioButton(f"{member.label}(&{keys[member]})", box)
            button.setObjectName(f"satisfaction_{member.value}")
            self.satisfaction.addButton(button)
            self.choices[member] = button
            row.addWidget(button)
        row.addStretch(1)
        self.form.add("satisfaction", self.tr("客户满意度："), box)
        self.setTabOrder(self.result, self.choices[Satisfaction.SATISFIED])
        self.result.setFocus()
        self.resize(520, 300)

    def chosen(self) -> Satisfaction | None:
        for member, button in self.choices.items():
            if button.isChecked():
                return member
        return None

    def choose(self, satisfaction: Satisfaction) -> None:
        self.choices[satisfaction].setChecked(True)

    def run(self) -> bool:
        satisfaction = self.chosen()
        if satisfaction is None:
            if not self.result.toPlainText().strip():
                self.form.show_error("followup_result", self.tr("请填写回访情况"))
            self.form.show_error("satisfaction", self.tr("请选择客户满意度"))
            self.choices[Satisfaction.SATISFIED].setFocus()
            return False
        return ops_feedback.follow_up(self.ops, self.core, self.actor, self.view,
                                      self.result.toPlainText(), satisfaction,
                                      on_field_error=self.form.handle)


class DetailsDialog(QDialog):
    """Everything recorded on one entry, read-only, with the entry it corrects."""

    def __init__(self, core: Core, details: Details, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        view = details.entry
        self.core, self.view = core, view
        self.setWindowTitle(self.tr("意见 {0}").format(view.number))
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.values: dict[str, QLabel] = {}

        def add(key: str, caption: str, value: str) -> None:
            if not value:
                return
            label = QLabel(value, self)
            label.setObjectName(f"detail_{key}")
            label.setWordWrap(True)
            label.setMinimumWidth(420)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            form.addRow(caption, label)
            self.values[key] = label

        deadline = f"{view.reply_deadline:%Y-%m-%d}" if view.reply_deadline else self.tr("不设期限")
        if view.overdue:
            deadline += self.tr("（已超期）")
        add("number", self.tr("编号："), view.number)
        add("kind", self.tr("类别："), view.kind.label)
        add("channel", self.tr("渠道："), view.channel.label)
        add("customer", self.tr("客户："), view.customer_name)
        add("contact", self.tr("联系电话："), view.contact)
        add("received", self.tr("受理时间："), local_time(core, view.received_at))
        add("text", self.tr("意见内容："), view.text)
        add("department", self.tr("转交部门："), view.department or self.tr("尚未转交"))
        add("deadline", self.tr("答复期限："), deadline)
        add("status", self.tr("状态："), status_text(view))
        add("replied", self.tr("答复时间："), local_time(core, view.replied_at))
        add("reply", self.tr("答复内容："), view.reply_text)
        add("late_reason", self.tr("超期原因："), view.late_reason)
        add("followup", self.tr("回访情况："), view.followup_result)
        add("satisfaction", self.tr("满意度："), view.satisfaction.label if view.satisfaction else "")
        old = details.corrects
        if old is not None:
            add("corrects", self.tr("更正自："), self.tr("{0}（原内容：{1}）").format(
                old.number, summary(old.text, 60)))
        outer.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.setMinimumWidth(520)
