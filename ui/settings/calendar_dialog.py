"""Working-day overrides: holidays and 调休 days entered from the State Council's
notice, with the year they cover, and the year marked complete when all is in.
Confirming a year counts again the open deadlines estimated Monday-Friday over
it; the dialog says which moved.  The year shown follows the change bus: a day
entered here or at another counter's window shows at once."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.core import Actor, Core
from ui.bridge import Operations
from ui.operations import Changes, settings as ops_settings, subscribe
from ui.widgets import fill_table, make_table


class CalendarDialog(QDialog):
    def __init__(self, core: Core, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core, self.actor = core, actor
        self.ops = Operations(self)
        self.setWindowTitle(self.tr("工作日调整（按国务院节假日通知录入）"))
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        year_label = QLabel(self.tr("年份(&Y)："), self)
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setMinimumWidth(90)
        self.year.setValue(core.today().year + (1 if core.today().month >= 11 else 0))
        year_label.setBuddy(self.year)
        self.status = QLabel(self)
        self.status.setObjectName("year_status")
        self.status.setWordWrap(True)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addWidget(self.status, 1)
        layout.addLayout(top)

        self.table = make_table(self, [self.tr("日期"), self.tr("安排"), self.tr("说明")])
        self.table.setObjectName("overrides")
        layout.addWidget(self.table, 1)

        entry = QHBoxLayout()
        self.day = QDateEdit(self)
        self.day.setObjectName("day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("放假"), False)
        self.kind.addItem(self.tr("调休上班"), True)
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("如：春节、国庆节调休"))
        add = QPushButton(self.tr("录入此日(&A)"), self)
        add.setObjectName("add_day")
        add.clicked.connect(self.add_day)
        for w in (QLabel(self.tr("日期(&D)："), self), self.day, self.kind, self.note, add):
            entry.addWidget(w)
        entry.itemAt(0).widget().setBuddy(self.day)
        layout.addLayout(entry)

        confirm = QHBoxLayout()
        self.source = QLineEdit(self)
        self.source.setObjectName("source")
        self.source.setPlaceholderText(self.tr("通知文号，如：国办发明电〔2026〕X号"))
        self.confirm_button = QPushButton(self.tr("确认该年已全部录入(&C)"), self)
        self.confirm_button.setObjectName("confirm_year")
        self.confirm_button.clicked.connect(self.confirm_year)
        confirm.addWidget(self.source, 1)
        confirm.addWidget(self.confirm_button)
        layout.addLayout(confirm)
        self.redated = QLabel(self)       # what the last confirmation re-dated
        self.redated.setObjectName("redated")
        self.redated.setWordWrap(True)
        self.redated.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.redated.hide()
        layout.addWidget(self.redated)

        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("summary")
        self.summary.setReadOnly(True)
        self.summary.setMaximumHeight(160)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.year.valueChanged.connect(self._year_changed)
        self.resize(720, 560)
        self._year_changed()
        subscribe(self, self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.settings:
            self.refresh()

    def _year_changed(self) -> None:
        self.day.setDate(QDate(self.year.value(), 1, 1))
        self.refresh()

    def refresh(self) -> None:
        """The year's overrides as stored (the day being entered stays as typed)."""
        year = self.year.value()
        ok, info = ops_settings.year(self.ops, self.core, year)
        if not ok:
            return
        if info.official:
            text = self.tr("{0}年：已有国务院通知数据，可在下方补录调整。").format(year)
        elif info.confirmed_source is not None:
            text = self.tr("{0}年：主管已录入全年安排（{1}）。").format(year, info.confirmed_source)
        else:
            text = self.tr("{0}年：尚无节假日数据，期限暂按周一至周五计算，请按通知逐日录入后确认。"
                           ).format(year)
        self.status.setText(text)
        self.status.setStyleSheet("" if info.known else "color: #b00020;")
        self.confirm_button.setEnabled(not info.known)
        fill_table(self.table, ((d.isoformat(), self.tr("调休上班") if work else self.tr("放假"), note)
                                for d, work, note in info.overrides))
        self.summary.setPlainText(info.summary)

    def add_day(self) -> None:
        q = self.day.date()
        day = dt.date(q.year(), q.month(), q.day())
        if ops_settings.set_day(self.ops, self.core, self.actor, day, bool(self.kind.currentData()),
                                self.note.text()):
            self.note.clear()       # the year was read again when the day was announced

    def confirm_year(self) -> None:
        year = self.year.value()
        ok, said = ops_settings.confirm_year(self.ops, self.core, self.actor, year, self.source.text())
        if ok:
            self.redated.setText(said)
            self.redated.show()
