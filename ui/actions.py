"""One registry of the main window's actions: text, shortcut, menu, who may use it
and what it does.

Menus, the toolbar and the shortcut list are all built from it, so an action
has one name and one shortcut everywhere (the shortcut shows in the menu).  The
handler is the method itself (or a partial of it), not its name: renaming the
method breaks the window's construction, not a menu entry found later."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from counter_app.core import Actor
from counter_app.domain.permissions import Permission, allowed


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str          # Chinese source text (translated through Qt)
    shortcut: str      # QKeySequence portable text, "" for none
    menu: str          # key into MENUS
    handler: Callable[[], object]   # a bound method, or a partial with its argument (the business kind)
    permission: Permission | None = None
    toolbar: bool = False


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
            action = QAction(translate(spec.text), window)
            action.setObjectName(f"action_{spec.id}")
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
                native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                plain = re.sub(r"\(&\w\)", "", action.text()).replace("&", "")
                action.setToolTip(f"{plain} ({native})")
                action.setIconText(f"{plain} {native}")  # toolbar buttons show their key
            action.triggered.connect(lambda _checked=False, h=spec.handler: h())
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
