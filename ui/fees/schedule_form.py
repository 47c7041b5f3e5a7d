"""The form of a new fee-schedule version: the season's dates, the price grid
(元/㎡ by user class and heating form), the basic fee, the late fee, the early
discount and the business items.  Every error is shown at its own field."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app import validation
from counter_app.domain.enums import HeatingForm, UserClass
from counter_app.domain.seasons import season_of
from counter_app.errors import ValidationError
from ui.fees.common import (
    PRACTICE_BASIC_FEE,
    PRACTICE_LATE_FEE,
    PRACTICE_PRICES,
    date_text,
    parse_scaled,
    price_key,
    scaled_text,
    shift_years,
    yuan_plain,
)
from ui.operations.fees import MAX_EARLY_DISCOUNT_BP, MAX_LATE_FEE_PPM, ItemInput, ScheduleView
from ui.widgets import ERROR_STYLE, FieldForm

DATE_KEYS = ("effective_date", "season_start", "season_end", "due_date", "early_discount_until")


class ScheduleForm(QWidget):
    """``values()`` gives the fields of a new version, as ``ui.operations.fees.publish`` takes them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.form = FieldForm(self)
        self.form.setMinimumWidth(400)
        date_help = self.tr("如 2025-11-15")
        self.season = self._line("season", self.tr("采暖季(&S)："), self.tr("如 2025-2026"))
        self.season.editingFinished.connect(self._season_edited)
        self.decree_no = self._line("decree_no", self.tr("价格文件号(&W)："),
                                    self.tr("物价部门的定价文件，如 价格〔2025〕12号"))
        self.effective_date = self._line("effective_date", self.tr("生效日期(&E)："),
                                         self.tr("自该日起新开的账单按本版计算"))
        self.season_start = self._line("season_start", self.tr("采暖开始(&K)："), date_help)
        self.season_end = self._line("season_end", self.tr("采暖结束(&J)："), date_help)
        self.due_date = self._line("due_date", self.tr("缴费截止(&U)："),
                                   self.tr("次日起加收滞纳金"))
        self.basic_fee = self._line("basic_fee_bp", self.tr("停热基本热费（%）(&B)："),
                                    self.tr("停热户按热费的百分之几收取，常见 30"))
        self.late_fee = self._line("late_fee_ppm_per_day", self.tr("滞纳金（‰/日）(&L)："),
                                   self.tr("每日按欠费的千分之几，常见 3"))
        self.discount = self._line("early_discount_bp", self.tr("提前交费优惠（%）(&Y)："),
                                   self.tr("不设优惠填 0"))
        self.discount_until = self._line("early_discount_until", self.tr("优惠截止(&I)："),
                                         self.tr("不设优惠留空"))
        self.note = self._line("note", self.tr("备注(&N)："), self.tr("选填"))
        row.addWidget(self.form, 3)

        right = QVBoxLayout()
        right.addWidget(self._price_grid())
        right.addWidget(self._items_box())
        right.addStretch(1)
        row.addLayout(right, 4)
        self._form_year: int | None = None
        self._chain()

    # -- building ----------------------------------------------------------------------
    def _line(self, key: str, label: str, help_text: str) -> QLineEdit:
        widget = QLineEdit(self.form)
        return self.form.add(key, label, widget, help_text)

    def _register(self, key: str, widget: QWidget, error: QLabel) -> None:
        """An input laid out outside the FieldForm whose errors it still shows."""
        widget.setObjectName(key)
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.form.inputs[key] = widget
        self.form.errors[key] = error

    def _price_grid(self) -> QGroupBox:
        box = QGroupBox(self.tr("单价（元/平方米·采暖期）"), self)
        grid = QGridLayout(box)
        self.prices: dict[tuple[UserClass, HeatingForm], QLineEdit] = {}
        for c, form in enumerate(HeatingForm, start=1):
            grid.addWidget(QLabel(form.label, box), 0, c, Qt.AlignmentFlag.AlignCenter)
        row = 1
        for user_class in UserClass:
            caption = QLabel(user_class.label, box)
            grid.addWidget(caption, row, 0)
            for c, form in enumerate(HeatingForm, start=1):
                edit = QLineEdit(box)
                edit.setToolTip(self.tr("{0}{1}，元/平方米，最多两位小数").format(user_class.label,
                                                                                  form.label))
                edit.setAlignment(Qt.AlignmentFlag.AlignRight)
                error = QLabel(box)
                self._register(price_key(user_class, form), edit, error)
                grid.addWidget(edit, row, c)
                grid.addWidget(error, row + 1, c)
                self.prices[(user_class, form)] = edit
            row += 2
        first = self.prices[(UserClass.RESIDENTIAL, HeatingForm.RADIATOR)]
        mnemonic = QLabel(self.tr("单价(&R)："), box)
        mnemonic.setBuddy(first)
        grid.addWidget(mnemonic, 0, 0)
        return box

    def _items_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("业务收费项目"), self)
        column = QVBoxLayout(box)
        caption = QLabel(self.tr("收费项目(&M)：只有列在这里的项目才能收取（如关阀施封费）"), box)
        caption.setWordWrap(True)
        column.addWidget(caption)
        self.items = QTableWidget(0, 3, box)
        self.items.setHorizontalHeaderLabels([self.tr("代码"), self.tr("名称"), self.tr("金额（元）")])
        self.items.verticalHeader().setVisible(False)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.items.setToolTip(self.tr("代码为小写英文，如 valve_seal；F2 或双击修改单元格"))
        self.items.setTabKeyNavigation(False)
        self.items.setMinimumHeight(110)
        self.items.setMaximumHeight(180)
        caption.setBuddy(self.items)
        column.addWidget(self.items, 1)
        error = QLabel(box)
        self._register("items", self.items, error)
        column.addWidget(error)
        buttons = QHBoxLayout()
        self.add_item = QPushButton(self.tr("添加项目(&A)"), box)
        self.add_item.setAutoDefault(False)
        self.add_item.clicked.connect(lambda: self.add_item_row())
        self.remove_item = QPushButton(self.tr("删除项目(&X)"), box)
        self.remove_item.setAutoDefault(False)
        self.remove_item.clicked.connect(self.remove_item_row)
        buttons.addWidget(self.add_item)
        buttons.addWidget(self.remove_item)
        buttons.addStretch(1)
        column.addLayout(buttons)
        return box

    def _chain(self) -> None:
        order = [self.form.inputs[k] for k in (
            "season", "decree_no", "effective_date", "season_start", "season_end", "due_date",
            "basic_fee_bp", "late_fee_ppm_per_day", "early_discount_bp", "early_discount_until", "note")]
        order += [self.prices[(c, f)] for c in UserClass for f in HeatingForm]
        order += [self.items, self.add_item, self.remove_item]
        for a, b in pairwise(order):
            QWidget.setTabOrder(a, b)

    @property
    def last_widget(self) -> QWidget:
        return self.remove_item

    # -- items ---------------------------------------------------------------------------
    def add_item_row(self, code: str = "", label: str = "", amount: str = "") -> None:
        r = self.items.rowCount()
        self.items.insertRow(r)
        for c, text in enumerate((code, label, amount)):
            item = QTableWidgetItem(text)
            if c == 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.items.setItem(r, c, item)
        if not code:
            self.items.setFocus()
            self.items.setCurrentCell(r, 0)
            self.items.editItem(self.items.item(r, 0))

    def remove_item_row(self) -> None:
        r = self.items.currentRow()
        if r >= 0:
            self.items.removeRow(r)

    def item_inputs(self) -> list[ItemInput]:
        out = []
        for r in range(self.items.rowCount()):
            cells = [(self.items.item(r, c).text() if self.items.item(r, c) else "").strip()
                     for c in range(3)]
            if any(cells):
                out.append(ItemInput(cells[0], cells[1], cells[2]))
        return out

    # -- filling -------------------------------------------------------------------------
    def fill(self, view: ScheduleView | None, today: dt.date) -> None:
        """Prefill from a published version, or from the practice defaults."""
        self.form.clear_errors()
        if view is None:
            season = season_of(today)
            y = int(season[:4])
            self.season.setText(season)
            self.decree_no.clear()
            self.effective_date.setText(today.isoformat())
            self.season_start.setText(dt.date(y, 11, 15).isoformat())
            self.season_end.setText(dt.date(y + 1, 3, 15).isoformat())
            self.due_date.setText(dt.date(y, 12, 31).isoformat())
            self.basic_fee.setText(PRACTICE_BASIC_FEE)
            self.late_fee.setText(PRACTICE_LATE_FEE)
            self.discount.setText("0")
            self.discount_until.clear()
            for key, edit in self.prices.items():
                edit.setText(PRACTICE_PRICES[key])
            self.items.setRowCount(0)
            self._form_year = y
        else:
            self.season.setText(view.season)
            self.decree_no.setText(view.decree_no)
            self.effective_date.setText(max(view.effective_date, today).isoformat()
                                        if view.season_end >= today else view.effective_date.isoformat())
            self.season_start.setText(date_text(view.season_start))
            self.season_end.setText(date_text(view.season_end))
            self.due_date.setText(date_text(view.due_date))
            self.basic_fee.setText(scaled_text(view.basic_fee_bp, 2))
            self.late_fee.setText(scaled_text(view.late_fee_ppm_per_day, 3))
            self.discount.setText(scaled_text(view.early_discount_bp, 2))
            self.discount_until.setText(date_text(view.early_discount_until))
            for key, edit in self.prices.items():
                edit.setText(yuan_plain(view.prices[key]) if key in view.prices else "")
            self.items.setRowCount(0)
            for item in view.items:
                self.add_item_row(item.code, item.label, yuan_plain(item.amount_fen))
            self._form_year = int(view.season[:4])
        self.note.clear()

    def _season_edited(self) -> None:
        """Another season typed: its dates move by as many years (11-15 stays 11-15)."""
        try:
            season = validation.parse_season(self.season.text())
        except ValidationError:
            return
        year = int(season[:4])
        if self._form_year is None or year == self._form_year:
            return
        delta, self._form_year = year - self._form_year, year
        self.season.setText(season)
        try:
            if validation.parse_date(self.season_start.text()).year == year:
                return          # the dates were already typed for this season
        except ValidationError:
            pass
        for key in DATE_KEYS:
            edit = self.form.inputs[key]
            try:
                day = validation.parse_date(edit.text())
            except ValidationError:
                continue
            edit.setText(shift_years(day, delta).isoformat())

    # -- reading -------------------------------------------------------------------------
    def values(self) -> dict:
        """The service's keyword arguments; a rate typed wrongly raises at its field."""
        self._season_edited()
        return {
            "season": self.season.text(), "decree_no": self.decree_no.text(),
            "effective_date": self.effective_date.text(), "season_start": self.season_start.text(),
            "season_end": self.season_end.text(), "due_date": self.due_date.text(),
            "basic_fee_bp": parse_scaled(self.basic_fee.text(), digits=2, low=0, high=10_000,
                                         field="basic_fee_bp", label=self.tr("停热基本热费比例"), unit="%"),
            "late_fee_ppm_per_day": parse_scaled(
                self.late_fee.text(), digits=3, low=0, high=MAX_LATE_FEE_PPM,
                field="late_fee_ppm_per_day", label=self.tr("滞纳金日费率"), unit="‰"),
            "early_discount_bp": parse_scaled(
                self.discount.text() or "0", digits=2, low=0, high=MAX_EARLY_DISCOUNT_BP,
                field="early_discount_bp", label=self.tr("提前交费优惠比例"), unit="%"),
            "early_discount_until": self.discount_until.text().strip() or None,
            "prices": {key: edit.text().strip() for key, edit in self.prices.items() if edit.text().strip()},
            "items": self.item_inputs(), "note": self.note.text()}

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.form.inputs.values():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(read_only)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                   else QAbstractItemView.EditTrigger.AllEditTriggers)
        self.add_item.setEnabled(not read_only)
        self.remove_item.setEnabled(not read_only)
