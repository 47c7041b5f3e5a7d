"""The only way widgets reach the core: one function per user action.

Each module here (``payments``, ``requests``, ``feedback`` ...) has one
function per thing a clerk or supervisor does.  A function calls ONE service
of ``counter_app.services`` - the service does the whole action in one unit of
work - through the window's ``Operations`` presenter (``ui.bridge``), which
shows progress and Chinese errors; then it announces what changed on the
application's change bus.  Windows subscribe to the bus (``subscribe``) and
refresh what they show when it concerns them, instead of refreshing on every
activation.

Functions return ``(ok, result)``: ``ok`` is False when the user has already
been told why it did not happen.  Writes a clerk can repeat take the client
token their form made when it opened (``new_token``), so a double Enter or a
retry after an uncertain commit never records twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from counter_app.idempotency import new_token
from ui.bridge import Operations

__all__ = ["ChangeBus", "Changes", "Operations", "announce", "bus", "new_token", "subscribe"]


@dataclass(frozen=True)
class Changes:
    """What one action changed, for windows to decide whether to refresh."""

    accounts: frozenset[int] = field(default_factory=frozenset)
    requests: frozenset[int] = field(default_factory=frozenset)
    payments: frozenset[int] = field(default_factory=frozenset)
    feedback: frozenset[int] = field(default_factory=frozenset)
    drafts: bool = False
    shifts: bool = False
    fees: bool = False            # schedules, bills, reductions
    settings: bool = False        # settings, working days, staff

    @classmethod
    def of(cls, *, accounts: Iterable[int | None] = (), requests: Iterable[int | None] = (),
           payments: Iterable[int | None] = (), feedback: Iterable[int | None] = (),
           **flags: bool) -> Changes:
        def ids(values: Iterable[int | None]) -> frozenset[int]:
            return frozenset(v for v in values if v is not None)
        return cls(ids(accounts), ids(requests), ids(payments), ids(feedback), **flags)

    def touches_account(self, account_id: int | None) -> bool:
        return account_id is not None and account_id in self.accounts


class ChangeBus(QObject):
    """The application's one change signal; a child of the QApplication, so it
    lives exactly as long as the application and every test's app has its own."""

    changed = Signal(object)


def bus() -> ChangeBus:
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("the change bus needs a running QApplication")
    found = app.findChild(ChangeBus, "change_bus")
    if found is None:
        found = ChangeBus(app)
        found.setObjectName("change_bus")
    return found


def announce(changes: Changes) -> None:
    bus().changed.emit(changes)


def subscribe(window: QWidget, handler: Callable[[Changes], None]) -> None:
    """Call ``handler`` on every change while ``window`` lives (the connection
    goes with the window: Qt drops it when the receiver is destroyed)."""
    receiver = _Receiver(window, handler)
    bus().changed.connect(receiver.deliver)


class _Receiver(QObject):
    def __init__(self, window: QWidget, handler: Callable[[Changes], None]) -> None:
        super().__init__(window)
        self._handler = handler

    def deliver(self, changes: object) -> None:
        if isinstance(changes, Changes):
            self._handler(changes)


def follow(window: QWidget, concerns: Callable[[Changes], bool], refresh: Callable[[], None]) -> None:
    """Refresh ``window`` when a change ``concerns`` it: at once while it is
    visible, else when it is next shown (a hidden window reads nothing)."""
    _Follower(window, concerns, refresh)


class _Follower(QObject):
    def __init__(self, window: QWidget, concerns: Callable[[Changes], bool],
                 refresh: Callable[[], None]) -> None:
        super().__init__(window)
        self._window, self._concerns, self._refresh = window, concerns, refresh
        self._stale = False
        window.installEventFilter(self)
        bus().changed.connect(self._deliver)

    def _deliver(self, changes: object) -> None:
        if not isinstance(changes, Changes) or not self._concerns(changes):
            return
        if self._window.isVisible():
            self._stale = False
            self._refresh()
        else:
            self._stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._window and event.type() == QEvent.Type.Show and self._stale:
            self._stale = False
            self._refresh()
        return False
