"""Windows and dialogs live while they are open.

A dialog left hidden under the main window kept its widgets, its reads and its
subscriptions to the change bus; every opening added another.  Closing now
frees it: ``Owned`` is the attribute through which a window keeps the dialog
it opened (``self.request_dialog = RequestDialog(...)``).  Assigning marks the
dialog delete-on-close, and once Qt has destroyed it the attribute reads None
again, so no attribute names a deleted dialog and ``if self.x is not None``
means "open".  ``bring_back`` shows a window that exists once per main window
(the feedback book, the supervisor's queue, the arrears list) instead of a
second copy.

``WindowPlacement`` is the one place where every window's size and position
on screen are decided and remembered: a window only says, with ``resize``, the
size it would like."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import partial
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QEvent, QMargins, QObject, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

W = TypeVar("W", bound=QWidget)


def delete_on_close(widget: W) -> W:
    """``widget``, freed by Qt once it is closed (accepted, rejected, Esc, ✕)."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return widget


def _forget(owner: weakref.ref[Any], name: str, key: int, *_destroyed: object) -> None:
    """Qt is destroying the dialog: the owner's attribute stops naming it, unless
    it names a newer dialog by now.  Only Python state is touched: the owner may
    itself be in its destructor (a dialog goes with the window it belongs to)."""
    target = owner()
    if target is not None and id(target.__dict__.get(name)) == key:
        target.__dict__[name] = None


class Owned(Generic[W]):
    """A class attribute: ``request_dialog = Owned[RequestDialog]()``."""

    name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> Owned[W]: ...
    @overload
    def __get__(self, obj: object, objtype: type | None = None) -> W | None: ...
    def __get__(self, obj: object | None, objtype: type | None = None) -> Owned[W] | W | None:
        if obj is None:
            return self
        return obj.__dict__.get(self.name)

    def __set__(self, obj: object, widget: W | None) -> None:
        obj.__dict__[self.name] = widget
        if widget is not None:
            delete_on_close(widget)
            widget.destroyed.connect(partial(_forget, weakref.ref(obj), self.name, id(widget)))


def bring_back(window: QWidget) -> None:
    """Show ``window`` in front of the others, restored if it was minimised."""
    if window.isMinimized():
        window.showNormal()
    else:
        window.show()
    window.raise_()
    window.activateWindow()


# -- where windows open, and at what size ----------------------------------------------------
# A title bar and thin borders: what a window's frame adds before the window system
# has said (a window not shown yet has no frame to measure).
DEFAULT_FRAME = QMargins(4, 30, 4, 4)
# Sized and centred by Qt from their contents each time they show (a message, a
# progress bar): left to Qt, which sizes them only as they show.
_SIZED_BY_CONTENT = (QMessageBox, QProgressDialog)


def fit_rect(rect: QRect, available: QRect, frame: QMargins = DEFAULT_FRAME) -> QRect:
    """``rect``, a window's inner geometry, shrunk and moved as little as needed
    for it and its ``frame`` to lie inside ``available`` (a screen's area less
    its task bars)."""
    room = available.marginsRemoved(frame)
    width, height = min(rect.width(), room.width()), min(rect.height(), room.height())
    x = min(max(rect.x(), room.left()), room.left() + room.width() - width)
    y = min(max(rect.y(), room.top()), room.top() + room.height() - height)
    return QRect(x, y, width, height)


def centred(size: QSize, over: QRect) -> QRect:
    rect = QRect(QPoint(0, 0), size)
    rect.moveCenter(over.center())
    return rect


def _frame_of(window: QWidget) -> QMargins:
    """The frame the window system draws around ``window``: measured on a window
    that has been shown (this one, or another on screen), else DEFAULT_FRAME."""
    for candidate in (window, QApplication.activeWindow(), *QApplication.topLevelWidgets()):
        if candidate is None or not candidate.isVisible() or candidate.windowHandle() is None:
            continue
        margins = candidate.windowHandle().frameMargins()
        if not margins.isNull():
            return margins
    return DEFAULT_FRAME


def _screen_of(window: QWidget, rect: QRect) -> QScreen:
    """The screen the window opens on: its parent's, else the one a remembered
    place lies on (a screen unplugged since: the primary one)."""
    parent = window.parentWidget()
    if parent is not None:
        return parent.window().screen()
    return QGuiApplication.screenAt(rect.center()) or QGuiApplication.primaryScreen()


class WindowPlacement(QObject):
    """Every window of the application opens on screen and as it was left.

    Installed once on the application (by the main window), it sees each
    top-level window's first showing: the window gets the size (and, for a
    window that is not a dialog, the place) it had when it was last closed,
    else the size it asked for with ``resize``, and is then shrunk and moved to
    lie wholly on the available screen area - on a 1024x768 counter screen a
    window that asked for 1180 px opens 1024 px wide with its close button on
    screen.  Hiding a window (closing it, the lock) remembers its geometry in
    QSettings under ``windows/<class name>/``; a main window's toolbars too."""

    def __init__(self, parent: QObject, settings: Callable[[], QSettings] = QSettings) -> None:
        super().__init__(parent)
        self.settings = settings
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind not in (QEvent.Type.Show, QEvent.Type.Hide) or event.spontaneous() \
                or not isinstance(watched, QWidget) or not _managed(watched):
            return False
        if kind == QEvent.Type.Show and not watched.property(_PLACED):
            watched.setProperty(_PLACED, True)
            self.place(watched)
        elif kind == QEvent.Type.Hide and watched.property(_PLACED):
            self.remember(watched)
        return False

    def place(self, window: QWidget) -> None:
        """Size and place ``window`` as it is about to show for the first time."""
        prefs = self.settings()
        key = _key(window)
        saved = prefs.value(f"{key}/rect")
        remembered = isinstance(saved, QRect) and saved.isValid()
        size = saved.size() if remembered else window.size()
        parent = window.parentWidget()
        if isinstance(window, QDialog) or not remembered:
            over = parent.window().frameGeometry() if parent is not None and parent.isVisible() \
                else _screen_of(window, QRect()).availableGeometry()
            rect = centred(size, over)        # a dialog opens over its window, as Qt does
        else:
            rect = QRect(saved)
        available = _screen_of(window, rect).availableGeometry()
        window.setGeometry(fit_rect(rect, available, _frame_of(window)))
        if isinstance(window, QMainWindow):
            state = prefs.value(f"{key}/state")
            if isinstance(state, QByteArray):
                window.restoreState(state)
        if remembered and prefs.value(f"{key}/maximized", False, type=bool):
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)

    def remember(self, window: QWidget) -> None:
        prefs = self.settings()
        key = _key(window)
        maximized = window.isMaximized()
        rect = window.normalGeometry() if maximized or window.isMinimized() else window.geometry()
        if rect.isValid():
            prefs.setValue(f"{key}/rect", rect)
        prefs.setValue(f"{key}/maximized", maximized)
        if isinstance(window, QMainWindow):
            prefs.setValue(f"{key}/state", window.saveState())


_PLACED = "counter_app_placed"


def _key(window: QWidget) -> str:
    return f"windows/{type(window).__name__}"


def _managed(widget: QWidget) -> bool:
    """A window of its own (a main window, a dialog), not a menu, tooltip or popup,
    nor a window Qt sizes from its contents."""
    return widget.isWindow() and widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog) \
        and not isinstance(widget, _SIZED_BY_CONTENT)
