"""The UI is complete in Chinese: no English visible when the locale is zh_CN,
Qt's own buttons included; and the English translation loads."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from counter_app.services import accounts, requests
from tests.helpers import account_input
from tests.test_requests import residential_application

# Latin words allowed on screen: key names in shortcuts, units, the URL and zone settings
ALLOWED = {"ctrl", "shift", "alt", "esc", "enter", "tab", "del", "http", "https", "heat", "example",
           "com", "asia", "shanghai", "pgup", "pgdown", "home", "end", "ins", "space", "backspace",
           "return", "yyyy", "mm", "dd"}
WORD = re.compile(r"[A-Za-z]{2,}")


def visible_texts(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle()]
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts += [w.text(), w.toolTip()]
        elif isinstance(w, (QLineEdit,)):
            texts.append(w.placeholderText())
        elif isinstance(w, QPlainTextEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTableWidget):
            texts += [w.horizontalHeaderItem(i).text() for i in range(w.columnCount())
                      if w.horizontalHeaderItem(i)]
        for action in w.actions():
            texts += [action.text(), action.toolTip()]
    return [t for t in texts if t]


def english_words(widget: QWidget) -> set[str]:
    words = set()
    for text in visible_texts(widget):
        text = re.sub(r"<[^>]+>", " ", text)                 # rich-text tags
        text = re.sub(r"\b[A-Z]{2}\d+\b|\bF\d+\b", " ", text)   # SQ2025000001, F5
        text = re.sub(r"[A-Za-z0-9_-]{22}", " ", text)          # tracking codes
        words |= {w for w in WORD.findall(text) if w.lower() not in ALLOWED}
    return words


def test_main_window_and_its_windows_show_no_english(main_window, core, people, qtbot):
    account_id = accounts.register_account(core, people.clerk, account_input(2))
    rid = residential_application(core, people.clerk)
    requests.act(core, people.clerk, rid, "accept")
    main_window.lookup.setText("100100002")
    main_window.search()
    assert english_words(main_window) == set()
    main_window.open_request(rid)
    assert english_words(main_window.request_dialog) == set()
    main_window.show_feedback()
    assert english_words(main_window.feedback_window) == set()
    main_window.set_actor(people.supervisor)
    main_window.show_queue()
    assert english_words(main_window.queue_window) == set()
    assert account_id


def test_qt_own_buttons_are_chinese(qtbot, qt_app):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert {"确定", "取消"} <= {re.sub(r"\(.*\)", "", t) for t in texts}
    assert english_words(box) == set()
