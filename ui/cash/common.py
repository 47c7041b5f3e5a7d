"""What the money windows share: amounts as the clerk reads them, the method
the clerk used last, and the supervisor's approval at the counter (the
supervisor logs in as themselves; no one approves their own correction - the
approval operation refuses them at the login, with the services' words)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from counter_app.domain.money import yuan
from counter_app.errors import ValidationError
from counter_app.ledger import Method
from counter_app.validation import parse_money_fen
from ui.bridge import FieldHandler, Operations
from ui.login import LoginDialog
from ui.operations import staff as ops_staff

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
RED = "#b00020"
GREEN = "#1b6e20"
ORANGE = "#c45a00"
BANNER_STYLE = "background:#fff4e0; color:#7a4b00; padding:6px; border-radius:4px;"
BANNER_FRAME = ("QFrame#{0} {{ background:#fff4e0; border-radius:4px; }} "
                "QFrame#{0} QLabel {{ color:#7a4b00; }}")
METHODS: tuple[Method, ...] = tuple(Method)     # keys 1-5 in this order


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files plain tr("...") calls here



def money(fen: int) -> str:
    """'3,000.00 元'."""
    return tr("{0} 元").format(yuan(fen))


def parse_fen(text: str) -> int | None:
    """The amount typed so far, or None while it is not a valid amount (for live
    display only; the services check what is submitted)."""
    if not text.strip():
        return None
    try:
        return parse_money_fen(text)
    except ValidationError:
        return None


def big_label(parent: QWidget, name: str, grow: int = 8, mono: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextInteractionFlags(SELECTABLE)
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + grow)
    font.setBold(True)
    if mono:
        font.setFamily("monospace")
    label.setFont(font)
    return label


class Pages(QWidget):
    """Pages of a dialog, one shown at a time.  Unlike QStackedWidget, the
    hidden pages take no room, so the dialog takes the size of the page shown
    (QStackedLayout's height-for-width counts every page, wrapped labels included)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> None:  # noqa: N802 - QStackedWidget's API
        page.setParent(self)
        self._column.addWidget(page)
        self._pages.append(page)
        page.setVisible(self._current is None)
        if self._current is None:
            self._current = page

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - QStackedWidget's API
        return self._current

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - QStackedWidget's API
        for other in self._pages:
            other.setVisible(other is page)
        self._current = page


def show_page(stack: Pages, page: QWidget) -> None:
    """Show ``page`` and fit the window to it."""
    stack.setCurrentWidget(page)
    window = stack.window()
    if window.layout() is not None:
        window.layout().activate()
    window.adjustSize()


def fit_rows(table: QTableWidget, least: int = 1, most: int = 8) -> None:
    """A small table as high as its rows (between ``least`` and ``most``), no scroll bar."""
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    rows = min(max(table.rowCount(), least), most)
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(min(rows, table.rowCount())))
    height += table.verticalHeader().defaultSectionSize() * max(0, rows - table.rowCount())
    table.setFixedHeight(height)


# -- the method a clerk used last (per clerk, on this computer) ----------------------

def _method_key(actor: Actor) -> str:
    return f"cash/last_method/{actor.username}"


def last_method(actor: Actor) -> Method:
    value = QSettings().value(_method_key(actor), Method.CASH.value)
    try:
        return Method(str(value))
    except ValueError:
        return Method.CASH


def remember_method(actor: Actor, method: Method) -> None:
    QSettings().setValue(_method_key(actor), method.value)


# -- a supervisor's approval ------------------------------------------------------------

def supervisor_login(core: Core, actor: Actor, parent: QWidget, title: str, purpose: str,
                     what: str, approved: Callable[[Actor], None]) -> LoginDialog:
    """Open (non-blocking) the login for the supervisor's approval of ``what``;
    ``approved`` gets the supervisor's Actor once they logged in and may approve
    it (the service checks again when it records)."""
    def sign_in(ops: Operations, at: Core, username: str, password: str, *,
                on_field_error: FieldHandler) -> tuple[bool, Actor]:
        return ops_staff.approver(ops, at, actor, username, password, what, on_field_error=on_field_error)

    dialog = LoginDialog(core, parent, title=title, purpose=purpose, sign_in=sign_in)
    dialog.accepted.connect(lambda: approved(dialog.actor))
    dialog.open()
    return dialog
