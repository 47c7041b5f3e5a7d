"""The application's keys, and the main window's actions built from them.

``SHORTCUTS`` is the one list of keyboard shortcuts: each key has one meaning in
every window (Ctrl+E logs feedback in the main window and in the feedback book
alike; refreshing a list is Ctrl+F5 everywhere because F5 is 复热).  A window
never writes a key itself: it asks for the keys of a meaning (``set_keys``,
``shortcut``, ``command``), which also tags the action or shortcut with that
meaning so a test can walk every window and check that each key found there is
the registry's.  Alt+letter mnemonics are not listed here: they belong to the
labels of one window, and a label has the same letter wherever it appears.

``ActionRegistry`` builds the main window's menus and toolbar from
``ActionSpec`` entries: an action has one name and one key everywhere (the key
shows in the menu and on the toolbar button).  The handler is the method itself
(or a partial of it), not its name: renaming the method breaks the window's
construction, not a menu entry found later."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from counter_app.core import Actor
from counter_app.domain.permissions import Permission, allowed


@dataclass(frozen=True)
class Key:
    key: str          # QKeySequence portable text
    meaning: str      # what it does, the same in every window


SHORTCUTS: tuple[Key, ...] = (
    # the businesses (ids business_<catalogue kind>)
    Key("F2", "business_application_residential"),
    Key("Shift+F2", "business_application_nonresidential"),
    Key("F3", "business_change_transfer"),
    Key("Shift+F3", "business_change_name"),
    Key("Ctrl+F3", "business_change_area"),
    Key("F4", "business_stop"),
    Key("F5", "business_resume"),
    Key("F6", "business_settlement"),
    # the visitor at the counter
    Key("Ctrl+F", "find"),
    Key("Ctrl+N", "next_visitor"),
    Key("Ctrl+O", "open_request"),
    Key("Ctrl+D", "drafts"),
    # money
    Key("F7", "pay"),
    Key("Shift+F7", "payments"),
    Key("Ctrl+F7", "shift"),
    # the feedback book and its steps
    Key("F8", "feedback_log"),
    Key("Ctrl+E", "feedback_new"),
    Key("Ctrl+T", "feedback_forward"),
    Key("Ctrl+R", "feedback_reply"),
    Key("Ctrl+H", "feedback_follow_up"),
    Key("Ctrl+M", "feedback_correct"),
    # the supervisor, the system
    Key("F9", "queue"),
    Key("Ctrl+,", "settings"),
    Key("Ctrl+L", "lock"),
    Key("Ctrl+Q", "quit"),
    # in any window
    Key("Ctrl+F5", "refresh"),           # read a list or a request again
    Key("Escape", "cancel"),             # close the window; in the lookup field: the next visitor
    Key("Ctrl+Return", "submit"),        # save the form being filled
    Key("Ctrl+Enter", "submit"),         # (the keypad's Enter)
    Key("Ctrl+S", "save_pdf"),           # a document as a PDF file
)

# the dynamic property that names the meaning of a tagged QAction or QShortcut
MEANING = "shortcut_meaning"


def keys(meaning: str) -> list[QKeySequence]:
    """The keys of ``meaning`` (none: it has no shortcut)."""
    return [QKeySequence(k.key) for k in SHORTCUTS if k.meaning == meaning]


def key_text(meaning: str) -> str:
    """How the first key of ``meaning`` is written on screen, "" for none."""
    found = keys(meaning)
    return found[0].toString(QKeySequence.SequenceFormat.NativeText) if found else ""


def set_keys(action: QAction, meaning: str) -> None:
    action.setShortcuts(keys(meaning))
    action.setProperty(MEANING, meaning)


def shortcut(parent: QWidget, meaning: str, slot: Callable[[], object],
             context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> list[QShortcut]:
    """A shortcut on ``parent`` for each key of ``meaning``, calling ``slot``."""
    made = []
    for sequence in keys(meaning):
        item = QShortcut(sequence, parent, context=context)
        item.activated.connect(slot)
        item.setProperty(MEANING, meaning)
        made.append(item)
    return made


def plain(text: str) -> str:
    """A label without its mnemonic: 登记(&N) -> 登记."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def command(parent: QObject, text: str, meaning: str, handler: Callable[[], object]) -> QAction:
    """An action for a toolbar (or a menu) with the keys of ``meaning``.  A toolbar
    button shows no mnemonic (Alt+letter does nothing there), so it shows its
    key instead: 意见簿 F8; the tooltip says it too."""
    action = QAction(text, parent)
    set_keys(action, meaning)
    native = key_text(meaning)
    if native:
        action.setToolTip(f"{plain(text)} ({native})")
        action.setIconText(f"{plain(text)} {native}")
    else:
        action.setIconText(plain(text))
    action.triggered.connect(lambda _checked=False, h=handler: h())
    return action


@dataclass(frozen=True)
class ActionSpec:
    id: str            # also its meaning in SHORTCUTS, which gives its key
    text: str          # Chinese source text (translated through Qt)
    menu: str          # key into MENUS
    handler: Callable[[], object]   # a bound method, or a partial with its argument (the business kind)
    permission: Permission | None = None
    toolbar: bool = False
    mnemonic: str = ""   # for a text that is data (a business kind's name): the letter added to it


MENUS = {
    "business": QT_TRANSLATE_NOOP("MainWindow", "业务(&B)"),
    "view": QT_TRANSLATE_NOOP("MainWindow", "查看(&V)"),
    "cash": QT_TRANSLATE_NOOP("MainWindow", "收费(&C)"),
    "feedback": QT_TRANSLATE_NOOP("MainWindow", "意见簿(&J)"),
    "supervisor": QT_TRANSLATE_NOOP("MainWindow", "值班长(&S)"),
    "system": QT_TRANSLATE_NOOP("MainWindow", "系统(&Y)"),
}


class ActionRegistry:
    def __init__(self, window: QMainWindow, specs: list[ActionSpec],
                 translate: Callable[[str], str]) -> None:
        self.window = window
        self.specs = specs
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        bar = window.menuBar()
        for key, title in MENUS.items():
            self.menus[key] = bar.addMenu(translate(title))
        for spec in specs:
            text = translate(spec.text) + (f"(&{spec.mnemonic})" if spec.mnemonic else "")
            action = command(window, text, spec.id, spec.handler)
            action.setObjectName(f"action_{spec.id}")
            self.menus[spec.menu].addAction(action)
            self.actions[spec.id] = action

    def apply_role(self, actor: Actor) -> None:
        """Hide what the logged-in role may not do (the services refuse it anyway)."""
        for spec in self.specs:
            visible = spec.permission is None or allowed(actor.role, spec.permission)
            self.actions[spec.id].setVisible(visible)
            self.actions[spec.id].setEnabled(visible)
        for menu in self.menus.values():
            menu.menuAction().setVisible(any(a.isVisible() for a in menu.actions()))

    def __getitem__(self, key: str) -> QAction:
        return self.actions[key]
