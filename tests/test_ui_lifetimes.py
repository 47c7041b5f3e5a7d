"""Every window the main window opens is freed when it closes.

A dialog that stayed hidden under the main window kept its widgets, its reads
and its subscriptions to the change bus, and each opening added another: here
each window reachable from the main window's actions (and the dialogs opened
from some of those) is opened and closed CYCLES times, and the count of live
widgets must come back to where one opening left it.  The attribute through
which the main window reaches a window names it while it is open and reads
None once it is gone.  Lifetimes do not depend on the database: SQLite only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget

from counter_app.domain.enums import Channel, FeedbackKind
from counter_app.services import feedback
from counter_app.services.feedback import FeedbackInput
from tests.test_requests import residential_application

pytestmark = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)

CYCLES = 20
# Qt may keep a widget or two it made on the first use of something (a tooltip,
# a completer's popup); a window kept alive would add dozens each time
SLACK = 3

Reach = Callable[[], QWidget | None]

# action -> the main window's attribute while the window it opens is open
WINDOWS: dict[str, Callable[[QWidget], QWidget | None]] = {
    "drafts": lambda w: w.drafts_dialog,
    "open_request": lambda w: w.request_dialog,
    "pay": lambda w: w.payment_dialog,
    "payments": lambda w: w.history_dialog,
    "shift": lambda w: w.shift_dialog,
    "reduction": lambda w: w.reduction_dialog,
    "arrears": lambda w: w.arrears_window,
    "schedule": lambda w: w.schedule_dialog,
    "season_bills": lambda w: w.season_dialog,
    "feedback_log": lambda w: w.feedback_window,
    "feedback_new": lambda w: w.feedback_dialog,
    "queue": lambda w: w.queue_window,
    "register": lambda w: w.register_dialog,
    "calibration": lambda w: w.calibration_dialog,
    "settings": lambda w: w.settings_dialog,
    "calendar": lambda w: w.calendar_dialog,
}
# the lock, switching and logging out have tests of their own
OPEN_NOTHING = {"find", "next_visitor", "lock", "switch_clerk", "log_out", "quit"}


def flush() -> None:
    """What a closed window asked to be deleted is deleted now, as the event loop would."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def live() -> int:
    flush()
    return len(QApplication.allWidgets())


def cycle(name: str, open_: Callable[[], object], reach: Reach, qtbot,
          ready: Callable[[QWidget], bool] | None = None) -> None:
    """Open and close CYCLES times; the first opening may leave what Qt keeps for good."""
    def once() -> None:
        open_()
        widget = reach()
        assert widget is not None and widget.isVisible(), name
        if ready is not None:
            qtbot.waitUntil(lambda: ready(widget))
        widget.close()
        flush()
        assert reach() is None, name

    once()
    before = live()
    for _ in range(CYCLES - 1):
        once()
    assert live() - before <= SLACK, name


@pytest.fixture
def counter(main_window, core, people):
    """The main window as the administrator (every action shown), an account selected
    that has a request open, and one entry in the feedback book."""
    rid = residential_application(core, people.clerk)
    feedback.log(core, people.clerk, FeedbackInput(kind=FeedbackKind.SUGGESTION, channel=Channel.COUNTER,
                                                   text="大厅里多放几把椅子"))
    main_window.set_actor(people.admin)
    main_window.lookup.setText("100100001")
    main_window.search()
    assert main_window.account_id is not None and main_window.open_list.count() == 1
    assert main_window.open_list.item(0).data(Qt.ItemDataRole.UserRole) == rid
    return main_window


def test_every_window_of_the_main_windows_actions_is_freed_when_it_closes(counter, qtbot, messages):
    window = counter
    start = live()
    covered = set()
    for spec in window.registry.specs:
        if spec.id in OPEN_NOTHING:
            continue
        action = window.registry[spec.id]
        if spec.id.startswith("business_"):
            reach: Reach = lambda: window.wizard  # noqa: E731
        else:
            reach = lambda get=WINDOWS[spec.id]: get(window)  # noqa: E731
        ready = (lambda w: w.loaded) if spec.id == "arrears" else None
        cycle(spec.id, action.trigger, reach, qtbot, ready)
        covered.add(spec.id)
    assert messages.texts == []
    assert set(WINDOWS) <= covered
    assert live() - start <= SLACK * len(covered)


def test_the_dialogs_opened_from_those_windows_are_freed_too(counter, qtbot, messages):
    window = counter
    start = live()

    window.take_payment()
    payment = window.payment_dialog
    cycle("payment: shift", payment.open_shift_dialog, lambda: payment.shift_dialog, qtbot)
    payment.close()

    window.open_selected_request()
    request = window.request_dialog
    cycle("request: hand over", request.handover, lambda: request.handover_dialog, qtbot)
    cycle("request: delay", request.explain_delay, lambda: request.delay_dialog, qtbot)
    request.close()

    window.show_feedback()
    book = window.feedback_window
    cycle("feedback: new entry", book.new_entry, lambda: book.dialog, qtbot)
    book.table.selectRow(0)
    cycle("feedback: forward", book.forward, lambda: book.dialog, qtbot)
    book.close()

    window.start_business("application_residential")
    documents = window.wizard.documents_page
    cycle("wizard: waiver", documents.open_waiver, lambda: documents.waiver_dialog, qtbot)
    window.wizard.close()

    window.show_calibration()
    calibration = window.calibration_dialog
    cycle("calibration: preview", calibration.printing.preview, lambda: calibration.printing.dialog, qtbot)
    calibration.close()

    assert messages.texts == []
    assert live() - start <= 6 * SLACK


def test_the_book_the_queue_and_the_arrears_open_once_and_come_to_the_front(counter, qtbot):
    window = counter
    for action, reach in (("feedback_log", lambda: window.feedback_window),
                          ("queue", lambda: window.queue_window),
                          ("arrears", lambda: window.arrears_window)):
        window.registry[action].trigger()
        first = reach()
        first.showMinimized()
        window.registry[action].trigger()
        assert reach() is first and first.isVisible() and not first.isMinimized(), action
        assert [w for w in window.findChildren(type(first)) if w.isVisible()] == [first], action
        if action == "arrears":
            qtbot.waitUntil(lambda w=first: w.loaded)
        first.close()
        flush()
        assert reach() is None, action


def test_a_window_opened_for_someone_else_is_not_shown_to_the_next(counter, people):
    window = counter
    window.show_feedback()
    theirs = window.feedback_window
    window.set_actor(people.clerk)        # the lock changed hands
    window.show_feedback()
    assert window.feedback_window is not theirs
    assert window.feedback_window.actor.staff_id == people.clerk.staff_id
    flush()
    assert [w.actor.staff_id for w in window.findChildren(type(theirs))] == [people.clerk.staff_id]


def test_closing_the_main_window_frees_what_it_had_open(qt_app, core, people, messages,
                                                        tmp_path, monkeypatch):
    """Windows still open when the main window goes are freed with it, and their
    attributes let go while the main window itself is being destroyed."""
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow

    monkeypatch.setenv("COUNTER_APP_DATA", str(tmp_path / "data"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "prefs"))
    start = live()
    window = MainWindow(core, people.admin)
    window.show()
    window.show_feedback()
    window.show_queue()
    window.show_calibration()
    window.start_business("application_residential")
    assert live() > start
    window.close()
    window.deleteLater()
    assert live() == start
