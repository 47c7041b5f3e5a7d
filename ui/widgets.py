"""Small widgets shared by the windows: a form whose fields show their own
errors in Chinese, and helpers for tables and labels."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.errors import CounterError

ERROR_STYLE = "color: #b00020;"


class FieldForm(QWidget):
    """A form layout of labelled inputs, each with an error line under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

    def add(self, key: str, label: str, widget: QWidget, help_text: str = "") -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel(box)
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        if help_text:
            widget.setToolTip(help_text)
            if isinstance(widget, QLineEdit):
                widget.setPlaceholderText(help_text)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.layout_.addRow(caption, box)
        widget.setObjectName(key)
        self.inputs[key] = widget
        self.errors[key] = error
        return widget

    def show_error(self, key: str, message: str) -> bool:
        label = self.errors.get(key)
        if label is None:
            return False
        label.setText(message)
        label.show()
        self.inputs[key].setFocus()
        return True

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def handle(self, exc: CounterError) -> bool:
        """For Operations.call(on_field_error=...): put the message at the field."""
        return bool(exc.field) and self.show_error(exc.field, exc.message)

    def has_errors(self) -> bool:
        return any(label.isVisible() or label.text() for label in self.errors.values())


# the narrowest a column of a list gets: a date with some air either side.  Sized
# to its contents, an empty list's columns would shrink to their captions
# ("户号" two characters wide) and the last column take all the rest.
MIN_COLUMN_SAMPLE, COLUMN_PADDING = "0000-00-00", 12


def min_column_width(widget: QWidget) -> int:
    return widget.fontMetrics().horizontalAdvance(MIN_COLUMN_SAMPLE) + 2 * COLUMN_PADDING


def make_table(parent: QWidget, headers: Iterable[str]) -> QTableWidget:
    headers = list(headers)
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setMinimumSectionSize(max(header.minimumSectionSize(), min_column_width(header)))
    header.setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def fill_table(table: QTableWidget, rows: Iterable[Iterable[object]], data: Iterable[object] = ()) -> None:
    """Replace the rows; ``data`` (one per row) is kept on column 0 as UserRole."""
    rows = [list(r) for r in rows]
    keys = list(data)
    table.setRowCount(0)  # refilling row by row costs ~200 ms for 50 rows; from empty, ~5 ms
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if c == 0 and r < len(keys):
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            table.setItem(r, c, item)


def row_data(table: QTableWidget) -> object | None:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return item.data(Qt.ItemDataRole.UserRole) if item else None


# the facts of an account, as the main window and the wizard show them
ACCOUNT_FACTS = (
    ("account_no", QT_TRANSLATE_NOOP("AccountFacts", "户号：")),
    ("holder", QT_TRANSLATE_NOOP("AccountFacts", "户主：")),
    ("id_number", QT_TRANSLATE_NOOP("AccountFacts", "证件号码：")),
    ("phone", QT_TRANSLATE_NOOP("AccountFacts", "电话：")),
    ("address", QT_TRANSLATE_NOOP("AccountFacts", "地址：")),
    ("area", QT_TRANSLATE_NOOP("AccountFacts", "供热面积：")),
    ("class", QT_TRANSLATE_NOOP("AccountFacts", "用户类别：")),
    ("state", QT_TRANSLATE_NOOP("AccountFacts", "供热状态：")),
)


def fact_caption(text: str) -> str:
    return QCoreApplication.translate("AccountFacts", text)


def account_facts(view) -> dict[str, str]:  # noqa: ANN001 - accounts.AccountView
    """The values for ACCOUNT_FACTS from an account view."""
    return {"account_no": view.account_no, "holder": view.holder_name,
            "id_number": view.id_number,
            "phone": " ".join(filter(None, (view.phone, view.phone2))),
            "address": view.address, "area": f"{view.area} ㎡",
            "class": f"{view.user_class.label}　{view.heating_form.label}",
            "state": view.heating_state.label}
