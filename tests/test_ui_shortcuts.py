"""One key means one thing in every window, and every mnemonic a label shows works.

Each window the counter opens (from each action of the main window, and the
dialogs those open) is walked: every QAction and QShortcut with a key must have
come from the registry of ui.actions (tagged with the meaning the registry gives
that key); within one window no two visible labels, buttons, tabs or menus take
the same Alt+letter, no label shows a letter that does nothing (a toolbar
button's "(N)", a caption without a buddy), and in a menu every entry has a
letter of its own.  Across windows a label has one letter: 打印一次性告知单 is Alt+O
wherever it is."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QToolButton,
    QWidget,
)

from counter_app.domain.enums import Channel, FeedbackKind
from counter_app.services import feedback
from counter_app.services.feedback import FeedbackInput
from tests.test_requests import residential_application
from ui.actions import MEANING, SHORTCUTS, keys

SQLITE = pytest.mark.parametrize("engine", ["sqlite"], indirect=True)   # windows, not the database

PORTABLE = QKeySequence.SequenceFormat.PortableText
MNEMONIC = re.compile(r"&([^&\s])")
DEAD = re.compile(r"\(([A-Z0-9])\)")        # a letter shown in brackets without its "&"


def portable(sequence: QKeySequence) -> str:
    return sequence.toString(PORTABLE)


def alt_letter(key: str) -> str | None:
    """The letter of an Alt+letter key (a mnemonic given as a key), else None."""
    match = re.fullmatch(r"Alt\+(\w)", key)
    return match.group(1).upper() if match else None


def letter(text: str) -> str | None:
    found = MNEMONIC.findall(text.replace("&&", ""))
    return found[0].upper() if found else None


def label_of(text: str) -> str:
    """A label as a clerk reads it, to compare across windows: no letter, no dots or arrows."""
    text = re.sub(r"\(&\w\)|&", "", text)
    return re.sub(r"[…<>.]|\s", "", text)


# -- the registry itself ----------------------------------------------------------------
def test_the_registry_gives_each_key_one_meaning():
    seen: dict[str, str] = {}
    for entry in SHORTCUTS:
        key = portable(QKeySequence(entry.key))
        assert key, entry                                  # a key Qt understands
        assert key not in seen, (key, seen.get(key), entry.meaning)
        seen[key] = entry.meaning
    assert not any(alt_letter(k) for k in seen)            # Alt+letter belongs to the labels


# -- walking the windows ------------------------------------------------------------------
def own(window: QWidget, kind: type) -> list:
    """The widgets of ``kind`` in ``window`` itself, not in a window it owns."""
    found = [window] if isinstance(window, kind) else []
    return found + [w for w in window.findChildren(kind) if w.window() is window]


def actions_of(window: QWidget) -> set[QAction]:
    widgets = own(window, QWidget)
    found = {a for a in window.findChildren(QAction)
             if not isinstance(a.parent(), QWidget) or a.parent().window() is window}
    return found | {a for w in widgets for a in w.actions()}


def shows(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


class Walk:
    """What the windows walked so far showed."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.letters: dict[str, set[str]] = defaultdict(set)   # a command's label -> its letters
        self.seen: list[str] = []

    def check(self, window: QWidget) -> None:
        name = f"{type(window).__name__} {window.windowTitle()}"
        self.seen.append(type(window).__name__)
        registry = {portable(QKeySequence(k.key)): k.meaning for k in SHORTCUTS}
        taken: dict[str, list[str]] = defaultdict(list)

        def key_of(item: QAction | QShortcut, sequences: Iterable[QKeySequence], what: str) -> None:
            for sequence in sequences:
                key = portable(sequence)
                if not key:
                    continue
                if alt_letter(key):
                    taken[alt_letter(key)].append(what)
                    continue
                meaning = item.property(MEANING)
                if not meaning or registry.get(key) != meaning:
                    self.problems.append(f"{name}: {what} has {key}, which means "
                                         f"{registry.get(key)!r}, but is {meaning!r}")

        for action in actions_of(window):
            key_of(action, action.shortcuts(), f"action {action.text()!r}")
        for item in window.findChildren(QShortcut):
            if item.parent().window() is window and item.isEnabled():
                key_of(item, [item.key()], f"shortcut {item.objectName() or item.key().toString()}")

        def text(widget: QWidget, shown: str, what: str) -> None:
            found = letter(shown)
            if found:
                taken[found].append(what)
            elif DEAD.search(shown):
                self.problems.append(f"{name}: {what} shows a letter but has no mnemonic: {shown!r}")

        for widget in own(window, QAbstractButton):   # hidden or not: a command has one letter
            if not isinstance(widget, QToolButton):
                self.note(widget.text())
        for widget in own(window, QWidget):
            if not shows(widget):
                continue
            if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
                if DEAD.search(widget.text()) or letter(widget.text()):
                    self.problems.append(f"{name}: toolbar button {widget.text()!r} shows a letter "
                                         "that Alt does not reach")
            elif isinstance(widget, QAbstractButton):
                text(widget, widget.text(), f"button {widget.text()!r}")
            elif isinstance(widget, QLabel) and letter(widget.text()):
                buddy = widget.buddy()
                if buddy is None or not buddy.isVisible():
                    self.problems.append(f"{name}: label {widget.text()!r} has a letter but no "
                                         "visible field to go to")
                else:
                    text(widget, widget.text(), f"label {widget.text()!r}")
            elif isinstance(widget, QGroupBox):
                text(widget, widget.title(), f"group {widget.title()!r}")
            elif isinstance(widget, QTabBar):
                for i in range(widget.count()):
                    if widget.isTabEnabled(i) and widget.isTabVisible(i):
                        text(widget, widget.tabText(i), f"tab {widget.tabText(i)!r}")
            elif isinstance(widget, QMenuBar):
                for action in widget.actions():
                    if action.isVisible():
                        text(widget, action.text(), f"menu {action.text()!r}")
        for found, users in taken.items():
            if len(users) > 1:
                self.problems.append(f"{name}: Alt+{found} is taken by {users}")
        for menu in window.findChildren(QMenu):
            entries = [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]
            used = [u for u in map(letter, entries) if u]
            if len(used) != len(entries):
                self.problems.append(f"{name}: menu {menu.title()!r} has entries without a letter: "
                                     f"{[t for t in entries if not letter(t)]}")
            if len(used) != len(set(used)):
                self.problems.append(f"{name}: menu {menu.title()!r} repeats a letter: {used}")
            for a in menu.actions():
                if a.menu() is None:          # a command, not a menu's title (收费(&C) holds 收费(&P))
                    self.note(a.text())

    def note(self, text: str) -> None:
        found = letter(text)
        if found:
            self.letters[label_of(text)].add(found)

    def check_open(self, skip: QWidget | None = None) -> None:
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and window is not skip and not isinstance(window, QMenu):
                self.check(window)

    def inconsistent(self) -> dict[str, set[str]]:
        return {label: found for label, found in self.letters.items() if len(found) > 1}


def close_others(main_window) -> None:
    for window in QApplication.topLevelWidgets():
        if window.isVisible() and window is not main_window:
            window.close()


@pytest.fixture
def counter(main_window, core, people):
    """As the administrator (every action shown), an account with an open request
    selected, one entry in the feedback book."""
    residential_application(core, people.clerk)
    feedback.log(core, people.clerk, FeedbackInput(kind=FeedbackKind.COMPLAINT, channel=Channel.COUNTER,
                                                   text="暖气不热", customer_name="张伟",
                                                   contact="13800000000"))
    main_window.set_actor(people.admin)
    main_window.lookup.setText("100100001")
    main_window.search()
    assert main_window.open_list.count() == 1
    return main_window


@SQLITE
def test_every_window_keeps_to_the_registry_and_its_letters_work(counter, qtbot, messages):
    window = counter
    walk = Walk()
    walk.check(window)
    for spec in window.registry.specs:
        if spec.id in ("find", "next_visitor", "lock", "switch_clerk", "log_out", "quit"):
            continue
        window.lookup.setText("100100001")
        window.search()
        window.registry[spec.id].trigger()
        if spec.id == "arrears":
            qtbot.waitUntil(lambda: window.arrears_window.loaded)
        walk.check_open(skip=window)
        close_others(window)

    # the dialogs opened from those windows
    window.show_feedback()
    book = window.feedback_window
    book.table.selectRow(0)
    for step in (book.new_entry, book.forward, book.reply, book.correct, book.show_details):
        step()
        walk.check_open(skip=window)
        book.dialog.close()
    book.close()
    window.open_selected_request()
    request = window.request_dialog
    for i in range(request.tabs.count()):
        request.tabs.setCurrentIndex(i)
        walk.check(request)
    request.handover()
    walk.check(request.handover_dialog)
    close_others(window)
    window.show_calibration()
    window.calibration_dialog.printing.preview()
    walk.check_open(skip=window)
    close_others(window)

    assert {"MainWindow", "FeedbackWindow", "RequestDialog", "BusinessWizard", "PaymentDialog",
            "QPrintPreviewDialog"} <= set(walk.seen)
    assert walk.problems == []
    assert walk.inconsistent() == {}
    assert messages.texts == []


@SQLITE
def test_the_feedback_book_logs_with_the_main_windows_key(counter):
    """Ctrl+E logs feedback in both; in the book it used to correct the selected entry."""
    window = counter
    assert window.registry["feedback_new"].shortcuts() == keys("feedback_new")
    window.show_feedback()
    book = window.feedback_window
    assert book.actions_["new"].shortcuts() == keys("feedback_new")
    assert book.actions_["correct"].shortcuts() != keys("feedback_new")
    assert book.actions_["new"].shortcuts() != window.registry["next_visitor"].shortcuts()
