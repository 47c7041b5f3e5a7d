"""Logging in: each clerk as themselves (article 7: no one stands in for another's shift)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.errors import CounterError
from ui.widgets import ERROR_STYLE

if TYPE_CHECKING:  # the data layer loads after the dialog is painted (start-up time)
    from counter_app.core import Actor, Core
    from ui.bridge import Operations

# how the typed name and password become an Actor: (ops, core, name, password,
# on_field_error=...) -> (ok, actor), an operation of ui.operations.staff
SignIn = Callable[..., tuple[bool, Any]]


class LoginDialog(QDialog):
    """Asks for a login name and password and checks them with the core.

    Used at start-up, to unlock a locked counter (``sign_in``: the unlock
    operation, whose service decides who may) and for a supervisor's
    approval at the counter (``purpose``; ``sign_in``: the approval operation,
    which refuses someone who may not approve).  At start-up ``core`` is None and
    ``connect`` opens the database once the dialog is on screen, so the clerk
    sees the login at once and types while the data layer loads.  A wrong
    password or a refusal is said in the dialog, not in a message box."""

    def __init__(self, core: Core | None, parent: QWidget | None = None, *, title: str = "",
                 purpose: str = "", username: str = "",
                 check: Callable[[Actor], str | None] | None = None,
                 connect: Callable[[], Core] | None = None,
                 sign_in: SignIn | None = None, cancel_text: str = "") -> None:
        super().__init__(parent)
        self.core = core
        self.connect_core = connect
        self._connect_queued = False
        self.check = check
        self.sign_in = sign_in
        self.ops: Operations | None = None      # made at the first try: it loads the data layer
        self.actor: Actor | None = None
        self.setWindowTitle(title or self.tr("登录 - 供热营业厅柜台系统"))
        layout = QVBoxLayout(self)
        self.intro = QLabel(purpose, self)
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(purpose))
        layout.addWidget(self.intro)
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
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel_text:
            self.cancel_button.setText(cancel_text)
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()
        self.setMinimumWidth(360)

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().paintEvent(event)
        if self.core is None and self.connect_core is not None and not self._connect_queued:
            self._connect_queued = True  # once painted, open the database
            QTimer.singleShot(0, self.connect)

    def connect(self) -> bool:
        """Open the database (start-up); a failure is said in the dialog, and
        pressing 登录 tries again."""
        if self.core is not None:
            return True
        try:
            self.core = self.connect_core()
        except CounterError as exc:
            self.message.setText(exc.message)
            return False
        return True

    def try_login(self) -> None:
        if self.core is None and not self.connect():
            return
        from ui.bridge import Operations
        from ui.operations import staff as ops_staff

        name, password = self.username.text().strip(), self.password.text()
        if not name:
            self.message.setText(self.tr("请输入登录名"))
            self.username.setFocus()
            return
        if self.ops is None:
            self.ops = Operations(self)
        self.message.clear()
        sign_in = self.sign_in or ops_staff.login
        ok, actor = sign_in(self.ops, self.core, name, password, on_field_error=self._refused)
        if not ok:
            return
        refusal = self.check(actor) if self.check else None
        if refusal:
            self.actor = None
            self.message.setText(refusal)
            self.password.clear()
            return
        self.actor = actor
        self.accept()

    def _refused(self, exc: CounterError) -> bool:
        """A wrong password: select it to type again; a refused person: clear it
        for the next one."""
        self.message.setText(exc.message)
        if exc.field == "password":
            self.password.selectAll()
            self.password.setFocus()
        else:
            self.password.clear()
        return True
