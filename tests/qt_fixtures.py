"""Fixtures for the Qt tests: the real widgets on a fresh database, offscreen.

Message boxes are recorded instead of shown (a modal box would wait for a click
that never comes): ``messages.texts`` lists what the clerk would have read, and
``messages.answer`` is what the clerk clicks (default: the box's default)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


class MessageRecorder:
    def __init__(self) -> None:
        self.texts: list[str] = []
        self.titles: list[str] = []
        self.answer: QMessageBox.StandardButton | None = None

    def __call__(self, kind: str):
        def box(parent, title, text, buttons=QMessageBox.StandardButton.Ok,
                default=QMessageBox.StandardButton.NoButton):
            self.titles.append(title)
            self.texts.append(text)
            if self.answer is not None:
                return self.answer
            if default != QMessageBox.StandardButton.NoButton:
                return default
            if kind == "question":
                return QMessageBox.StandardButton.Yes
            return QMessageBox.StandardButton.Ok
        return box

    @property
    def last(self) -> str:
        return self.texts[-1] if self.texts else ""


@pytest.fixture
def messages(monkeypatch) -> MessageRecorder:
    recorder = MessageRecorder()
    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    return recorder


QT_FIXTURES = {"qtbot", "qapp", "qt_app"}


@pytest.fixture(autouse=True)
def free_windows(request: pytest.FixtureRequest):
    """After a Qt test, what it left open is closed and freed now, not at some
    later test's event loop: a window left alive keeps its widgets and its
    subscriptions to the change bus, and every later test paid for it.
    pytest-qt has closed the widgets the test registered by now; the windows
    those owned go with them."""
    yield
    if not QT_FIXTURES & set(request.fixturenames):
        return
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if widget.parentWidget() is None:      # a child window goes with its parent
            widget.close()
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def qt_app(qapp):
    """The QApplication with the Chinese translators installed, as the app does."""
    from ui import i18n

    translators = i18n.install(qapp, "zh_CN")
    yield qapp
    for t in translators:
        qapp.removeTranslator(t)


def open_main_window(qtbot, core, actor, tmp_path, monkeypatch):
    """A MainWindow with its data folder and window preferences in tmp_path."""
    from PySide6.QtCore import QSettings

    monkeypatch.setenv("COUNTER_APP_DATA", str(tmp_path / "data"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "prefs"))
    from ui.main_window import MainWindow

    window = MainWindow(core, actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def main_window(qtbot, qt_app, core, people, messages, tmp_path, monkeypatch):
    """The counter's main window, logged in as the clerk 李营业员."""
    return open_main_window(qtbot, core, people.clerk, tmp_path, monkeypatch)
