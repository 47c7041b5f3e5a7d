"""A supervisor's approval to go without a required document: the supervisor
chooses the documents, writes the reason and logs in as themselves."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.catalogue import DocumentSpec
from counter_app.core import Actor, Core
from counter_app.domain.permissions import Permission, allowed
from ui.login import LoginDialog
from ui.wizard.base import error_label, show_message


@dataclass(frozen=True)
class Waiver:
    """Kept in the wizard and applied once the request exists."""

    code: str
    name: str
    supervisor: Actor
    reason: str


def group_name(group: tuple[DocumentSpec, ...]) -> str:
    return "或".join(doc.name for doc in group)


class WaiverDialog(LoginDialog):
    def __init__(self, core: Core, missing: tuple[tuple[DocumentSpec, ...], ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(core, parent, title=self.tr("值班长批准免交材料"),
                         purpose=self.tr("客户暂不能提供下列必交材料。请值班长核实后写明免交原因，"
                                         "并用本人账号登录批准（记入业务记录）。"),
                         check=self._supervisor_only)
        self.missing = missing
        layout: QVBoxLayout = self.layout()
        box = QGroupBox(self.tr("免交的材料"), self)
        column = QVBoxLayout(box)
        self.choices: list[tuple[QCheckBox, tuple[DocumentSpec, ...]]] = []
        for group in missing:
            check = QCheckBox(group_name(group), box)
            check.setChecked(True)
            column.addWidget(check)
            self.choices.append((check, group))
        layout.insertWidget(1, box)
        form = QFormLayout()
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("如：不动产权证正在办理，客户承诺取得后补交"))
        caption = QLabel(self.tr("免交原因(&R)："), self)
        caption.setBuddy(self.reason)
        form.addRow(caption, self.reason)
        layout.insertLayout(2, form)
        self.reason_error = error_label(self, "error_reason")
        layout.insertWidget(3, self.reason_error)
        chain = [c for c, _g in self.choices] + [self.reason, self.username, self.password,
                                                 self.findChild(QDialogButtonBox)]
        for first, second in pairwise(chain):
            self.setTabOrder(first, second)
        self.reason.setFocus()
        self.setMinimumWidth(460)

    def _supervisor_only(self, actor: Actor) -> str | None:
        if allowed(actor.role, Permission.WAIVE_DOCUMENT):
            return None
        return self.tr("{0}（{1}）无权批准免交材料，请值班长本人登录").format(
            actor.display_name, actor.role.label)

    def try_login(self) -> None:
        show_message(self.reason_error, "")
        self.message.clear()
        if not self.chosen():
            self.message.setText(self.tr("请至少勾选一项免交的材料"))
            return
        if not self.reason.text().strip():
            show_message(self.reason_error, self.tr("请填写免交原因，将记入业务记录"))
            self.reason.setFocus()
            return
        super().try_login()

    def chosen(self) -> list[tuple[DocumentSpec, ...]]:
        return [group for check, group in self.choices if check.isChecked()]

    def waivers(self) -> list[Waiver]:
        """After a successful login: one waiver per chosen document (a group by its first)."""
        if self.actor is None:
            return []
        reason = self.reason.text().strip()
        return [Waiver(group[0].code, group_name(group), self.actor, reason) for group in self.chosen()]
