"""What every page of the business wizard shares: a body, a status line, and
values that can be saved as a draft and restored."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizardPage

from ui.widgets import ERROR_STYLE

if TYPE_CHECKING:  # pragma: no cover - typing only
    from ui.wizard.wizard import BusinessWizard

# Letters the wizard's own buttons use: 上一步(&B) 下一步(&N) 确认办理(&S) 完成(&F)
RESERVED_MNEMONICS = frozenset("BNSF")
_POOL = "ACDEGHIJKLMOPQRTUVWXYZ"


class Mnemonics:
    """Hands out Alt+letter mnemonics to labels that come from the catalogue."""

    def __init__(self, taken: str = "") -> None:
        self.used = set(RESERVED_MNEMONICS) | set(taken.upper())

    def label(self, text: str) -> str:
        """``text(&X)：`` with a free letter, or ``text：`` when all are used."""
        for letter in _POOL:
            if letter not in self.used:
                self.used.add(letter)
                return f"{text}(&{letter})："
        return f"{text}："


class WizardPage(QWizardPage):
    """A wizard page whose body goes in ``self.body``; a status line sits below it."""

    def __init__(self, wizard: BusinessWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.first_focus: QWidget | None = None   # set in initializePage; the wizard focuses it
        self.core = wizard.core
        self.kind = wizard.kind
        outer = QVBoxLayout(self)
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)
        self.status = QLabel(self)
        self.status.setObjectName("status_line")
        self.status.setWordWrap(True)
        self.status.hide()
        outer.addWidget(self.status)

    # -- draft state ---------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """What the clerk typed on this page, JSON-able."""
        return {}

    def restore(self, data: dict[str, Any]) -> None:
        """Put back what ``values`` returned."""

    def cleanupPage(self) -> None:  # noqa: N802 - Qt API
        """Going back keeps what was typed (Qt's default would reset the fields)."""

    def set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "color: #555;")
        self.status.setVisible(bool(text))

    def field_keys(self) -> set[str]:
        """Keys of the inputs that can show an error on this page."""
        return set()

    def show_error(self, key: str, message: str) -> bool:  # noqa: ARG002
        return False


def error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
