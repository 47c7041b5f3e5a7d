"""Logging in: each clerk as themselves (article 7: no one stands in for another's shift)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.errors import AuthenticationFailed, CounterError
from counter_app.services import staff
from ui.widgets import ERROR_STYLE


class LoginDialog(QDialog):
    """Asks for a login name and password and checks them with the core.

    Used at start-up, to unlock an idle-locked screen (``locked_for``: only that
    person, or a supervisor taking over as themselves) and for a supervisor's
    approval at the counter (``purpose``)."""

    def __init__(self, core: Core, parent: QWidget | None = None, *, title: str = "",
                 purpose: str = "", username: str = "",
                 check: Callable[[Actor], str | None] | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.check = check
        self.actor: Actor | None = None
        self.setWindowTitle(title or self.tr("登录 - 供热营业厅柜台系统"))
        layout = QVBoxLayout(self)
        if purpose:
            intro = QLabel(purpose, self)
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(username, self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        user_label = QLabel(self.tr("登录名(&U)："), self)
        user_label.setBuddy(self.username)
        pass_label = QLabel(self.tr("密码(&P)："), self)
        pass_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(pass_label, self.password)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()
        self.setMinimumWidth(360)

    def try_login(self) -> None:
        name, password = self.username.text().strip(), self.password.text()
        if not name:
            self.message.setText(self.tr("请输入登录名"))
            self.username.setFocus()
            return
        try:
            actor = staff.login(self.core, name, password)
        except AuthenticationFailed as exc:
            self.message.setText(exc.message)
            self.password.selectAll()
            self.password.setFocus()
            return
        except CounterError as exc:
            self.message.setText(exc.message)
            return
        refusal = self.check(actor) if self.check else None
        if refusal:
            self.actor = None
            self.message.setText(refusal)
            self.password.clear()
            return
        self.actor = actor
        self.accept()
