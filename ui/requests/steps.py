"""The small dialogs of a request: taking a step (with its note and, when the
deadline is missed, the late reason and the apology to say), explaining a
delay, handing the request over, and waiving a document."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain import phrases
from counter_app.domain.enums import Role
from counter_app.domain.permissions import Permission, allowed
from ui.bridge import Operations
from ui.operations import requests as ops_requests
from ui.operations.requests import DocumentView, RequestView, Step
from ui.requests.common import PHRASE_STYLE, RED, label_style
from ui.widgets import FieldForm

NOTE_MAX = 500


class _FormDialog(QDialog):
    """Intro text, a FieldForm, an optional phrase to say, OK/Cancel."""

    def __init__(self, core: Core, actor: Actor, view: RequestView, title: str, ok_text: str,
                 parent: QWidget | None) -> None:
        super().__init__(parent)
        self.core, self.actor, self.view = core, actor, view
        self.ops = Operations(self)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.column = QVBoxLayout(self)
        head = QLabel(f"{view.number}　{view.kind_name}　{view.applicant_name}", self)
        head.setObjectName("head")
        head.setStyleSheet("font-weight:bold;")
        self.column.addWidget(head)
        self.form = FieldForm(self)
        self.column.addWidget(self.form)
        self.phrase = QLabel(self)
        self.phrase.setObjectName("phrase")
        self.phrase.setWordWrap(True)
        self.phrase.setStyleSheet(PHRASE_STYLE)
        self.phrase.hide()
        self.column.addWidget(self.phrase)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.column.addWidget(self.buttons)

    def line(self, key: str, label: str, help_text: str = "", max_length: int = NOTE_MAX) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(max_length)
        self.form.add(key, label, edit, help_text)
        return edit

    def warn(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setStyleSheet(label_style(RED))
        self.column.insertWidget(self.column.indexOf(self.form), label)
        return label

    def require(self, checks: list[tuple[str, QLineEdit, str]]) -> bool:
        """Show every empty required field at once; True when all are filled."""
        self.form.clear_errors()
        empty = [(key, msg) for key, edit, msg in checks if not edit.text().strip()]
        for key, msg in reversed(empty):   # focus ends on the first
            self.form.show_error(key, msg)
        return not empty

    def show_apology(self, reason: str) -> None:
        self.phrase.setText(self.tr("请向客户致歉：") + phrases.late_apology(reason.strip()))
        self.phrase.show()

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class StepDialog(_FormDialog):
    """One step of the status machine that needs words: a note, a late reason,
    or a confirmation because it closes the request or is an approver's
    decision (OK is the default button: Enter confirms, Esc does not)."""

    def __init__(self, core: Core, actor: Actor, view: RequestView, step: Step, *,
                 late: bool, parent: QWidget | None = None) -> None:
        super().__init__(core, actor, view, step.label, step.label, parent)
        self.step = step
        self.late = late
        self.note = self.line("note", self.tr("说明(&N)："),
                              self.tr("必填：写明办理情况") if step.asks_note
                              else self.tr("可不填，默认记为“{0}”").format(step.label))
        self.late_reason: QLineEdit | None = None
        if late:
            self.warn(self.tr("已超过办理期限（{0}），请填写超期原因，并向客户说明原因、致歉。")
                      .format(view.deadline))
            self.late_reason = self.line("late_reason", self.tr("超期原因(&R)："),
                                         self.tr("必填：将记入办理经过"))
            self.late_reason.textChanged.connect(self.show_apology)
            self.show_apology("")
        if step.decides:
            self.warn(self.tr("请确认：{0}。审批决定记入办理经过并告知客户，确认后不能撤回或改为其他决定。")
                      .format(step.label))
        if step.closes:
            self.warn(self.tr("此步骤完成后本业务即告“{0}”，不能再修改。").format(step.target.label))
        self.finish_layout()
        self.note.setFocus()

    def submit(self) -> None:
        checks = []
        if self.step.asks_note:
            checks.append(("note", self.note, self.tr("{0}须填写说明").format(self.step.label)))
        if self.late_reason is not None:
            checks.append(("late_reason", self.late_reason, self.tr("请填写超期原因")))
        if not self.require(checks):
            return
        ok = ops_requests.act(
            self.ops, self.core, self.actor, self.view, self.step, note=self.note.text().strip(),
            late_reason=self.late_reason.text().strip() if self.late_reason else "",
            on_field_error=self.form.handle)
        if ok:
            self.accept()


class DelayDialog(_FormDialog):
    """说明超期原因: record why the deadline is missed and say the apology."""

    def __init__(self, core: Core, actor: Actor, view: RequestView,
                 parent: QWidget | None = None) -> None:
        super().__init__(core, actor, view, self.tr("说明超期原因"), self.tr("记录并说明"), parent)
        self.warn(self.tr("已超过办理期限（{0}）。请记录原因，并向客户说明、致歉。").format(view.deadline))
        self.reason = self.line("late_reason", self.tr("超期原因(&R)："), self.tr("必填：将记入办理经过"))
        self.reason.textChanged.connect(self.show_apology)
        self.show_apology("")
        self.finish_layout()
        self.reason.setFocus()

    def submit(self) -> None:
        if not self.require([("late_reason", self.reason, self.tr("请填写超期原因"))]):
            return
        ok = ops_requests.explain_delay(self.ops, self.core, self.actor, self.view,
                                        self.reason.text().strip(), on_field_error=self.form.handle)
        if ok:
            self.accept()


class HandoverDialog(_FormDialog):
    """首问负责: hand the request to a colleague or a department, with a note."""

    def __init__(self, core: Core, actor: Actor, view: RequestView,
                 parent: QWidget | None = None) -> None:
        super().__init__(core, actor, view, self.tr("移交业务"), self.tr("移交"), parent)
        intro = QLabel(self.tr("当前承办人：{0}。移交须写明交接事项和责任（首问负责制）。")
                       .format(view.owner), self)
        intro.setWordWrap(True)
        self.column.insertWidget(self.column.indexOf(self.form), intro)
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.to_person = QRadioButton(self.tr("同事(&S)"), box)
        self.to_person.setObjectName("to_person")
        self.to_department = QRadioButton(self.tr("其他部门(&D)"), box)
        self.to_department.setObjectName("to_department")
        group = QButtonGroup(box)
        group.addButton(self.to_person)
        group.addButton(self.to_department)
        self.person = QComboBox(box)
        self.person.setObjectName("person")
        self.department = QLineEdit(box)
        self.department.setObjectName("department")
        self.department.setMaxLength(40)
        self.department.setPlaceholderText(self.tr("如：工程部、稽查科"))
        grid.addWidget(self.to_person, 0, 0)
        grid.addWidget(self.person, 0, 1)
        grid.addWidget(self.to_department, 1, 0)
        grid.addWidget(self.department, 1, 1)
        grid.setColumnStretch(1, 1)
        self.form.add("to", self.tr("交给："), box)
        self.note = self.line("note", self.tr("交接事项(&N)："), self.tr("必填：交接什么、由谁负责什么"))
        self.to_person.toggled.connect(self._mode)
        self.person.activated.connect(lambda _i: self.to_person.setChecked(True))
        self.department.textEdited.connect(lambda _t: self.to_department.setChecked(True))
        _ok, people = ops_requests.colleagues(self.ops, core)
        order = list(Role)
        for person in sorted(people or [], key=lambda a: (order.index(a.role), a.username)):
            if person.staff_id != view.owner_id:
                self.person.addItem(f"{person.display_name}（{person.role.label}）", person.staff_id)
        self.to_person.setChecked(self.person.count() > 0)
        self.to_department.setChecked(self.person.count() == 0)
        self._mode()
        self.finish_layout()
        self.setTabOrder(self.to_person, self.person)
        self.setTabOrder(self.person, self.to_department)
        self.setTabOrder(self.to_department, self.department)
        self.setTabOrder(self.department, self.note)
        (self.person if self.person.count() else self.department).setFocus()

    def _mode(self) -> None:
        self.person.setEnabled(self.to_person.isChecked())
        self.department.setEnabled(self.to_department.isChecked())

    def choose_person(self, display_name: str) -> bool:
        """Select a colleague by name (for the keyboard-less and the tests)."""
        for i in range(self.person.count()):
            if self.person.itemText(i).startswith(display_name):
                self.to_person.setChecked(True)
                self.person.setCurrentIndex(i)
                return True
        return False

    def submit(self) -> None:
        checks = [("note", self.note, self.tr("移交须写明交接事项和责任"))]
        if self.to_department.isChecked():
            checks.insert(0, ("to", self.department, self.tr("请填写接手的部门")))
        if not self.require(checks):
            return
        if self.to_person.isChecked():
            to_staff_id, department = self.person.currentData(), ""
        else:
            to_staff_id, department = None, self.department.text().strip()
        ok = ops_requests.handover(self.ops, self.core, self.actor, self.view,
                                   note=self.note.text().strip(), to_staff_id=to_staff_id,
                                   department=department, on_field_error=self.form.handle)
        if ok:
            self.accept()


class WaiveDialog(_FormDialog):
    """A supervisor lets a required document go, with a reason."""

    def __init__(self, core: Core, actor: Actor, view: RequestView, document: DocumentView,
                 parent: QWidget | None = None) -> None:
        super().__init__(core, actor, view, self.tr("批准免交材料"), self.tr("批准免交"), parent)
        self.document = document
        intro = QLabel(self.tr("免交“{0}”，由{1}{2}批准，原因记入办理经过。").format(
            document.name, actor.role.label, actor.display_name), self)
        intro.setWordWrap(True)
        self.column.insertWidget(self.column.indexOf(self.form), intro)
        self.reason = self.line("reason", self.tr("免交原因(&R)："), self.tr("必填"))
        self.finish_layout()
        self.reason.setFocus()

    def submit(self) -> None:
        if not self.require([("reason", self.reason, self.tr("请填写免交原因"))]):
            return
        ok = ops_requests.waive_document(self.ops, self.core, self.actor, self.view,
                                         self.document.code, self.reason.text().strip(),
                                         on_field_error=self.form.handle)
        if ok:
            self.accept()


def supervisor_check(permission: Permission, what: str) -> Callable[[Actor], str | None]:
    """For LoginDialog(check=...): only someone allowed to do ``what`` may log in."""
    def check(actor: Actor) -> str | None:
        if allowed(actor.role, permission):
            return None
        return QCoreApplication.translate("RequestView", "{0}{1}无权{2}，请值班长登录本人账号").format(
            actor.role.label, actor.display_name, what)
    return check
