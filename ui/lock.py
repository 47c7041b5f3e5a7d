"""The idle lock: after a few minutes without keyboard or mouse the screen locks,
and only the same clerk's password unlocks it.  A supervisor may take over by
logging in as themselves; from then on everything is done under their name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from counter_app.core import Actor, Core
from counter_app.domain.enums import Role
from ui.login import LoginDialog

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel}


class IdleLock(QObject):
    unlocked = Signal(object)  # the Actor now at the counter

    def __init__(self, core: Core, window: QMainWindow, minutes: int,
                 current: Callable[[], Actor]) -> None:
        super().__init__(window)
        self.core, self.window, self.current = core, window, current
        self.dialog: LoginDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(max(1, int(minutes)) * 60_000)
        self.timer.start()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if self.dialog is None and event.type() in _ACTIVITY:
            self.timer.start()
        return False

    def _check(self, who: Actor) -> str | None:
        actor = self.current()
        if who.staff_id == actor.staff_id or who.role in (Role.SUPERVISOR, Role.ADMIN):
            return None
        return self.tr("只有 {0} 本人或值班长可以解锁").format(actor.display_name)

    def lock(self) -> None:
        """Hide the work and ask for the password until the right person gives it."""
        if self.dialog is not None:
            return
        actor = self.current()
        self.window.centralWidget().setVisible(False)
        self.dialog = LoginDialog(
            self.core, self.window, title=self.tr("屏幕已锁定"), username=actor.username,
            purpose=self.tr("屏幕已锁定。请 {0} 输入本人密码解锁；值班长可用本人账号登录接管。")
            .format(actor.display_name), check=self._check)
        self.dialog.setObjectName("lock_dialog")
        self.dialog.finished.connect(self._finished)
        self.dialog.open()

    def _finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if not result or dialog is None or dialog.actor is None:
            QTimer.singleShot(0, self.lock)  # Esc does not unlock
            return
        self.window.centralWidget().setVisible(True)
        self.timer.start()
        self.unlocked.emit(dialog.actor)
