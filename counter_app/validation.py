"""Checks and parsers for what a clerk types in (pure functions, no Qt).

Every ``parse_*``/``check_*`` takes the raw text, strips it, NFKC-normalises it
(so full-width digits, letters and spaces are accepted), and returns the clean
value or raises :class:`ValidationError` whose Chinese message names the field
(``label``) and says how to fix it; ``field`` is passed through to the error.
Money is handled as integer fen (分) only; no float is ever involved.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal

from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidComponent

from counter_app.errors import ValidationError

MAX_AREA = Decimal("100000")
# GB/T 2260 province-level codes: the first two digits of a resident ID.
_PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82".split())
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_AMOUNT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")


def _fail(message: str, field: str | None) -> ValidationError:
    return ValidationError(message, field=field)


def _required(text: object, label: str, field: str | None) -> str:
    """NFKC-normalised, all digits ASCII, all whitespace removed; empty -> '请填写…'."""
    value = unicodedata.normalize("NFKC", "" if text is None else str(text))
    value = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in value)
    value = re.sub(r"\s", "", value)
    if not value:
        raise _fail(f"请填写{label}", field)
    return value


def check_resident_id(text: object, *, field: str | None = None, label: str = "身份证号") -> str:
    """18-character resident ID (GB 11643); returns it with an upper-case X."""
    value = _required(text, label, field).replace("-", "").upper()
    if re.fullmatch(r"[0-9]{15}", value):
        raise _fail(f"{label}是15位的旧号码，请改为输入18位身份证号（见第二代身份证）", field)
    if len(value) != 18:
        raise _fail(f"{label}应为18位，您输入了{len(value)}位", field)
    if not re.fullmatch(r"[0-9]{17}[0-9X]", value):
        raise _fail(f"{label}只能是数字，最后一位可以是X，请检查是否误输了字母或符号", field)
    if value[:2] not in _PROVINCES:
        raise _fail(f"{label}前两位地区码“{value[:2]}”不存在，请核对", field)
    try:
        born = ric.get_birth_date(value)
    except InvalidComponent:  # no such day: reported below like a future one
        born = date.max
    if not date(1900, 1, 1) <= born <= date.today():
        raise _fail(f"{label}中的出生日期（第7-14位）“{value[6:14]}”不是有效日期，请核对", field)
    if ric.calc_check_digit(value) != value[17]:
        raise _fail(f"{label}校验位不对，请核对最后一位", field)
    return value


def check_uscc(text: object, *, field: str | None = None, label: str = "统一社会信用代码") -> str:
    """18-character unified social credit code (GB 32100), mod-31 check."""
    value = _required(text, label, field).replace("-", "").upper()
    if len(value) != 18:
        raise _fail(f"{label}应为18位，您输入了{len(value)}位", field)
    if not re.fullmatch(r"[0-9]{6}", value[2:8]) or any(c not in _USCC_CHARS for c in value):
        raise _fail(f"{label}只能包含数字和大写字母（不含I、O、S、V、Z），第3-8位须为数字，请核对", field)
    if uscc.calc_check_digit(value) != value[17]:
        raise _fail(f"{label}校验位不对，请核对最后一位", field)
    return value


def check_id_number(text: object, *, field: str | None = None, label: str = "证件号码") -> str:
    """A resident ID or, failing that, a unified social credit code."""
    value = _required(text, label, field).replace("-", "").upper()
    looks_personal = re.fullmatch(r"[0-9]{15}|[0-9]{17}[0-9X]", value)
    try:
        return check_resident_id(value, field=field, label=label)
    except ValidationError as personal:
        try:
            return check_uscc(value, field=field, label=label)
        except ValidationError as company:
            if looks_personal:
                raise personal from None
            if len(value) != 18:
                raise _fail(f"{label}应为18位（身份证号或统一社会信用代码），您输入了{len(value)}位",
                            field) from None
            raise company from None


def check_phone(text: object, *, field: str | None = None, label: str = "联系电话") -> str:
    """Mainland mobile -> '13800138000'; landline -> '010-12345678[-123]'."""
    value = re.sub(r"[()]", "", _required(text, label, field))
    mobile = re.fullmatch(r"(?:\+?86)?-?(1[0-9]{2})-?([0-9]{4})-?([0-9]{4})", value)
    if mobile:
        number = "".join(mobile.groups())
        if number[1] in "012":
            raise _fail(f"{label}不是有效的手机号（应以13-19开头），请核对", field)
        return number
    if re.fullmatch(r"1[0-9-]*", value):
        raise _fail(f"{label}：手机号应为11位，您输入了{len(value.replace('-', ''))}位", field)
    land = re.fullmatch(r"(0[0-9]{2,3})-?([0-9]{7,8})(?:(?:-|转|#|ext\.?|x)([0-9]{1,6}))?", value, re.I)
    if land:
        digits, ext = land[1] + land[2], land[3]
        cut = 3 if digits[1] in "12" else 4  # 010/02x are 3 digits, all others 4
        if 7 <= len(digits) - cut <= 8 and digits[cut] not in "01":
            return f"{digits[:cut]}-{digits[cut:]}" + (f"-{ext}" if ext else "")
    raise _fail(f"{label}格式不对：手机号为11位（如13800138000），"
                "固定电话须带区号（如0371-12345678，分机可写在后面）", field)


def _decimal(value: str, label: str, field: str | None, unit: str) -> tuple[str, str]:
    if value[:1] in ("-", "−"):
        raise _fail(f"{label}不能为负数，请核对", field)
    match = _AMOUNT.fullmatch(value)
    if not match:
        raise _fail(f"{label}格式不对，请只填写数字，如 {unit}", field)
    whole, frac = match.group(1).replace(",", ""), match.group(2) or ""
    if len(frac) > 2:
        raise _fail(f"{label}最多两位小数，请核对", field)
    return whole, frac.ljust(2, "0")


def parse_area(text: object, *, field: str | None = None, label: str = "面积") -> Decimal:
    """Heating area in m²: > 0, at most 2 decimals, at most 100000; e.g. '85.5㎡'."""
    value = re.sub(r"(平方米|平米|平|m2|M2)$", "", _required(text, label, field))
    whole, frac = _decimal(value, label, field, "85.5")
    area = Decimal(f"{int(whole)}.{frac}")
    if area <= 0:
        raise _fail(f"{label}必须大于0，请核对", field)
    if area > MAX_AREA:
        raise _fail(f"{label}不能超过100000平方米，请核对", field)
    return area


def parse_money_fen(text: object, *, field: str | None = None, label: str = "金额") -> int:
    """Yuan amount ('¥1,234.56', '12元') -> integer fen; not negative, at most 2 decimals."""
    value = re.sub(r"^(人民币|RMB|rmb)?¥?|元整?$", "", _required(text, label, field))
    whole, frac = _decimal(value, label, field, "1234.56")
    if len(whole.lstrip("0")) > 13:
        raise _fail(f"{label}过大，请核对", field)
    return int(whole) * 100 + int(frac)


def parse_date(text: object, *, field: str | None = None, label: str = "日期") -> date:
    """'2026-11-27', '2026/11/27', '2026.11.27', '2026年11月27日', '20261127'."""
    value = _required(text, label, field)
    match = (re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", value)
             or re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日?", value)
             or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value))
    if not match:
        raise _fail(f"{label}格式不对，请按 2026-11-27 的格式填写", field)
    year, month, day = (int(part) for part in match.groups())
    if not 1900 <= year <= 2100:
        raise _fail(f"{label}的年份{year}不合理，请核对", field)
    try:
        return date(year, month, day)
    except ValueError:
        raise _fail(f"{label} {year}年{month}月{day}日不存在，请核对月份和日期", field) from None


def parse_season(text: object, *, field: str | None = None, label: str = "采暖季") -> str:
    """Heating season '2026-2027' (also '2026—2027', '2026/2027', '2026-27', '2026')."""
    value = re.sub(r"年|采暖季|供暖季", "", _required(text, label, field))
    match = re.fullmatch(r"(\d{4})(?:[-/—–~至](\d{4}|\d{2}))?", value)
    if not match:
        raise _fail(f"{label}格式不对，请按 2026-2027 的格式填写", field)
    start, end = int(match[1]), match[2] or str(int(match[1]) + 1)
    if int(end) != (start + 1 if len(end) == 4 else (start + 1) % 100):
        raise _fail(f"{label}的两个年份应相邻，如 {start}-{start + 1}，请核对", field)
    if not 1900 <= start <= 2100:
        raise _fail(f"{label}的年份{start}不合理，请核对", field)
    return f"{start}-{start + 1}"


def check_account_no(text: object, *, field: str | None = None, label: str = "户号") -> str:
    """户号: 4-20 characters from digits, letters and '-'; letters upper-cased."""
    value = _required(text, label, field).upper()
    if not re.fullmatch(r"[0-9A-Z-]*", value):
        raise _fail(f"{label}只能包含数字、字母和短横线（-），请核对", field)
    if not 4 <= len(value) <= 20:
        raise _fail(f"{label}应为4-20位，您输入了{len(value)}位", field)
    return value


def check_choice(text: object, choices: tuple[str, ...], *, field: str | None = None,
                 label: str = "选项") -> str:
    """One of ``choices`` (a drop-down's value), compared NFKC-normalised; the
    choice is returned as the catalogue spells it.  Nothing chosen asks to
    choose (请选择), not to type (请填写): the clerk picks from a list."""
    value = unicodedata.normalize("NFKC", "" if text is None else str(text)).strip()
    if not value:
        raise _fail(f"请选择{label}", field)
    for choice in choices:
        if unicodedata.normalize("NFKC", choice) == value:
            return choice
    raise _fail(f"{label}只能选择：{'、'.join(choices)}", field)


def check_text(text: object, max_length: int = 200, required: bool = True, *,
               field: str | None = None, label: str = "内容") -> str:
    """Free text, stripped (not NFKC-normalised, to keep Chinese punctuation)."""
    value = ("" if text is None else str(text)).strip()
    if not value and not required:
        return ""
    if not value:
        raise _fail(f"请填写{label}", field)
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in value):
        raise _fail(f"{label}含有不可见的控制字符，请重新输入", field)
    if len(value) > max_length:
        raise _fail(f"{label}最多{max_length}个字，您输入了{len(value)}个字，请精简", field)
    return value


def format_fen(fen: int) -> str:
    """12345678 -> '123,456.78'."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(int(fen)), 100)
    return f"{sign}{yuan:,}.{cents:02d}"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SECTIONS = ("", "万", "亿", "万亿")


def _group_capital(group: int) -> str:
    """0 < group < 10000, written with 仟佰拾 and inner zeros as a single 零."""
    out, zero = "", False
    for digit, unit in zip(f"{group:04d}", ("仟", "佰", "拾", ""), strict=True):
        if digit == "0":
            zero = bool(out)
            continue
        out += ("零" if zero else "") + _DIGITS[int(digit)] + unit
        zero = False
    return out


def fen_to_capital(fen: int) -> str:
    """Chinese financial capitals: 123456 -> 壹仟贰佰叁拾肆元伍角陆分, 0 -> 零元整."""
    fen = int(fen)
    if fen < 0:
        return "负" + fen_to_capital(-fen)
    yuan, jiao, cent = fen // 100, fen // 10 % 10, fen % 10
    groups = [yuan // 10000 ** i % 10000 for i in range((len(str(yuan)) + 3) // 4)]
    if len(groups) > len(_SECTIONS):
        raise ValueError("amount too large for 大写金额")
    out, zero = "", False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group:
            out += ("零" if out and (zero or group < 1000) else "") + _group_capital(group) + _SECTIONS[index]
        zero = not group and (zero or bool(out))
    small = (_DIGITS[jiao] + "角" if jiao else "") + (_DIGITS[cent] + "分" if cent else "")
    if not out:
        return small or "零元整"
    if not small:
        return out + "元整"
    return out + "元" + ("零" if yuan % 10 == 0 or not jiao else "") + small
