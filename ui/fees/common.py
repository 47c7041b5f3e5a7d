"""Small pure helpers of the fee windows: rates typed as % or ‰, amounts in
yuan, the practice defaults of a new schedule."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableWidget, QWidget

from counter_app.domain.enums import HeatingForm, UserClass
from counter_app.domain.money import yuan
from counter_app.errors import CounterError, ValidationError
from ui.widgets import FieldForm

# what heating counters commonly charge (docs/domain.md), prefilled in a first schedule
PRACTICE_PRICES = {
    (UserClass.RESIDENTIAL, HeatingForm.RADIATOR): "22.50",
    (UserClass.RESIDENTIAL, HeatingForm.FLOOR): "30.00",
    (UserClass.NON_RESIDENTIAL, HeatingForm.RADIATOR): "33.90",
    (UserClass.NON_RESIDENTIAL, HeatingForm.FLOOR): "33.90",
}
PRACTICE_BASIC_FEE = "30"      # % of the heating charge owed by a stopped account
PRACTICE_LATE_FEE = "3"        # ‰ a day
_NUMBER = re.compile(r"(\d+)(?:\.(\d+))?")


def price_key(user_class: UserClass, form: HeatingForm) -> str:
    """The field name the fee service gives a price's errors."""
    return f"price_{user_class.value}_{form.value}"


def parse_scaled(text: str, *, digits: int, low: int, high: int, field: str, label: str,
                 unit: str) -> int:
    """A rate typed in % (digits=2: basis points) or ‰ (digits=3: ppm) -> an integer;
    an error names the field and the unit the user typed in."""
    value = unicodedata.normalize("NFKC", text or "").strip().rstrip("%‰").strip()
    translate = QCoreApplication.translate
    if not value:
        raise ValidationError(translate("Fees", "请填写{0}").format(label), field=field)
    match = _NUMBER.fullmatch(value)
    if not match:
        message = translate("Fees", "{0}请只填写数字，如 {1}")
        raise ValidationError(message.format(label, "30" if digits == 2 else "3"), field=field)
    whole, frac = match.group(1), match.group(2) or ""
    if len(frac) > digits:
        message = translate("Fees", "{0}最多{1}位小数，请核对")
        raise ValidationError(message.format(label, digits), field=field)
    scaled = int(whole) * 10 ** digits + int(frac.ljust(digits, "0") or 0)
    if not low <= scaled <= high:
        message = translate("Fees", "{0}应在{1}至{2}{3}之间，请核对")
        raise ValidationError(message.format(label, scaled_text(low, digits), scaled_text(high, digits),
                                             unit), field=field)
    return scaled


def scaled_text(value: int, digits: int) -> str:
    """3000 bp -> "30" (digits=2), 500 ppm -> "0.5" (digits=3)."""
    whole, part = divmod(value, 10 ** digits)
    return f"{whole}" if not part else f"{whole}.{part:0{digits}d}".rstrip("0")


def yuan_plain(fen: int) -> str:
    """Yuan without thousands separators, for an input or a CSV cell: 192375 -> '1923.75'."""
    return yuan(fen).replace(",", "")


def date_text(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def shift_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:          # 29 February
        return day.replace(year=day.year + years, day=28)


def natural_key(text: str) -> list:
    """'3' before '12', for building numbers."""
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def right_align(table: QTableWidget, columns: tuple[int, ...]) -> None:
    for r in range(table.rowCount()):
        for c in columns:
            item = table.item(r, c)
            if item is not None:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def field_errors(window: QWidget, form: FieldForm) -> Callable[[CounterError], bool]:
    """``form.handle`` for Operations.call(on_field_error=...), and the window grows
    when the error line needs room (a wrapped line is not in the layout's minimum)."""
    def handle(exc: CounterError) -> bool:
        shown = form.handle(exc)
        if shown:
            grow_to_hint(window)
        return shown
    return handle


def grow_to_hint(window: QWidget) -> None:
    layout = window.layout()
    if layout is not None:
        layout.activate()
    hint = window.sizeHint()
    if hint.height() > window.height():
        window.resize(window.width(), hint.height())
