"""The lock screen, and who works at the counter.

After a few minutes without keyboard or mouse (or on Ctrl+L) the counter locks:
every window of the application is hidden - request dialogs, the feedback
book, a print preview, not only the main window's centre - and a login asks
for a password.  Who may unlock is the core's rule (staff.unlock_refusal): the
same person; a supervisor taking over as themselves; someone who stepped aside
at this counter coming back to their work.  From then on everything is done
under the name of whoever logged in.

The windows hidden at a lock belong to the person who was at the counter: they
come back when that person does, and stay hidden - kept, not closed - while
someone else works, so nobody reads or acts in another's open work.
切换营业员 steps aside the same way at once; 注销 closes the person's windows
and leaves the counter to whoever logs in next.  A cash shift is not moved by
any of it: it stays with the clerk who opened it."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from counter_app.core import Actor, Core
from ui.login import LoginDialog
from ui.operations import staff as ops_staff

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel}


@dataclass(frozen=True)
class _Parked:
    window: weakref.ref[QWidget]
    minimized: bool
    active: bool


def _alive(ref: weakref.ref[QWidget]) -> QWidget | None:
    widget = ref()
    return widget if widget is not None and shiboken6.isValid(widget) else None


def _depth(widget: QWidget) -> int:
    """How many windows up to the top: a window is shown again before those it owns."""
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


class ScreenLock(QObject):
    unlocked = Signal(object)  # the Actor now at the counter (the same person or another)

    def __init__(self, core: Core, window: QMainWindow, minutes: int, actor: Actor,
                 leave_app: Callable[[], bool]) -> None:
        """``leave_app``: nobody is logged in and 退出程序 was chosen; True when
        the application is closing (it may ask first)."""
        super().__init__(window)
        self.core, self.window, self.leave_app = core, window, leave_app
        self.counter = ops_staff.Counter(actor)
        self.parked: dict[int, list[_Parked]] = {}     # staff id -> their hidden windows
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

    # -- the windows ----------------------------------------------------------------------
    def open_windows(self) -> list[QWidget]:
        """The windows on screen besides the main window (the person's open work)."""
        return [w for w in QApplication.topLevelWidgets()
                if w.isVisible() and w is not self.window and w is not self.dialog
                and w.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)]

    def kept_windows(self) -> list[QWidget]:
        """The windows kept hidden for people who stepped aside."""
        return [w for items in self.parked.values() for item in items
                if (w := _alive(item.window)) is not None]

    def _park(self) -> None:
        """Hide every window; those on screen are kept for the person at the counter."""
        for popup in QApplication.topLevelWidgets():      # an open menu, a tooltip
            if popup.isVisible() and popup.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                popup.hide()
        active = QApplication.activeWindow()
        shown = sorted(self.open_windows(), key=_depth)
        present = self.counter.present
        if present is not None:
            self.parked.setdefault(present.staff_id, []).extend(
                _Parked(weakref.ref(w), w.isMinimized(), w is active) for w in shown)
        for window in shown:
            window.hide()
        self.window.centralWidget().setVisible(False)

    def _restore(self, who: Actor) -> None:
        active = None
        for item in self.parked.pop(who.staff_id, []):
            window = _alive(item.window)
            if window is None:
                continue
            if item.minimized:
                window.showMinimized()
            else:
                window.show()
            if item.active:
                active = window
        if active is not None:
            active.raise_()
            active.activateWindow()

    def close_all(self) -> None:
        """Quitting: every window closes, those kept for others too."""
        for window in self.open_windows() + self.kept_windows():
            window.close()
        self.parked.clear()

    # -- locking and logging in -------------------------------------------------------------
    def lock(self) -> None:
        """Hide the work and ask for the password until someone who may gives it."""
        if self.dialog is not None:
            return
        self._park()
        self._ask()

    def switch(self) -> None:
        """切换营业员: this person's work is kept for them, the next one logs in."""
        if self.dialog is not None:
            return
        self._park()
        self.counter = self.counter.step_aside()
        self._ask()

    def log_out(self) -> bool:
        """注销: this person's windows close and the counter waits for the next
        login.  False (still logged in) when a window would not close."""
        if self.dialog is not None:
            return False
        for window in sorted(self.open_windows(), key=_depth, reverse=True):
            window.close()
        if self.open_windows():
            return False
        self.counter = self.counter.leave()
        self._park()
        self._ask()
        return True

    def _ask(self) -> None:
        present, away = self.counter.present, self.counter.away
        waiting = "、".join(a.display_name for a in away)
        if present is None:
            title, username, cancel = self.tr("请登录"), "", self.tr("退出程序")
            purpose = self.tr("请用本人账号登录。")
            if waiting:
                purpose += self.tr("{0} 未完成的工作已保留，本人登录后继续。").format(waiting)
        else:
            title, username, cancel = self.tr("屏幕已锁定"), present.username, ""
            purpose = self.tr("屏幕已锁定。请 {0} 输入本人密码解锁；值班长可用本人账号登录接管。").format(
                present.display_name)
            if waiting:
                purpose += self.tr("{0} 也可用本人账号登录，回到自己的工作。").format(waiting)
        self.dialog = LoginDialog(self.core, self.window, title=title, username=username, purpose=purpose,
                                  sign_in=partial(ops_staff.unlock, counter=self.counter),
                                  cancel_text=cancel)
        self.dialog.setObjectName("lock_dialog")
        self.dialog.cancel_button.setVisible(present is None)   # a locked screen is not cancelled
        self.dialog.finished.connect(self._finished)
        self.dialog.open()

    def _finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if not result or dialog is None or dialog.actor is None:
            if self.counter.present is None and self.leave_app():
                return
            QTimer.singleShot(0, self._ask)  # Esc does not unlock
            return
        who = dialog.actor
        self.counter = self.counter.arrive(who)
        self.window.centralWidget().setVisible(True)
        self.timer.start()
        self.unlocked.emit(who)
        self._restore(who)
