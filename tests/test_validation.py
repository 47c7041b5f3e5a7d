"""Tests for counter_app.validation: identity numbers, phones, areas, money, dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st
from stdnum.cn import ric, uscc

from counter_app.errors import ValidationError
from counter_app.validation import (
    check_account_no,
    check_choice,
    check_id_number,
    check_phone,
    check_resident_id,
    check_text,
    check_uscc,
    fen_to_capital,
    format_fen,
    parse_area,
    parse_date,
    parse_money_fen,
    parse_season,
)


def with_check_digit(first17: str) -> str:
    """A resident ID with a correct check character (computed, then verified by stdnum)."""
    number = first17 + ric.calc_check_digit(first17 + "0")
    assert ric.is_valid(number), number
    return number


def error_of(func, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        func(*args, **kwargs)
    return info.value


# ------------------------------------------------------------------ resident ID

KNOWN_VALID_ID = "11010519491231002X"   # the well-known sample (Beijing Chaoyang, 1949-12-31)


def test_known_sample_is_valid_and_stdnum_agrees() -> None:
    assert ric.is_valid(KNOWN_VALID_ID)
    assert check_resident_id(KNOWN_VALID_ID) == KNOWN_VALID_ID


@pytest.mark.parametrize("first17", ["11010519800101123", "44030619950615234", "31010119720229001",
                                     "37020219881111555", "65010220001231987"])
def test_computed_ids_are_accepted(first17: str) -> None:
    number = with_check_digit(first17)
    assert check_resident_id(number) == number


def test_county_code_newer_than_birth_year_is_accepted() -> None:
    # 510107 (Chengdu Wuhou) dates from 1990; someone born in 1972 who registered
    # there got this code.  stdnum's place check rejects it; the counter must not.
    body = "51010719720229001"
    number = body + ric.calc_check_digit(body + "0")
    assert not ric.is_valid(number)
    assert check_resident_id(number) == number


@pytest.mark.parametrize("raw", ["11010519491231002x", " 11010519491231002X ", "110105 19491231 002X",
                                 "１１０１０５１９４９１２３１００２Ｘ",
                                 "１１０１０５１９４９１２３１００２ｘ",
                                 "\u300011010519491231002X\u3000"])
def test_id_is_normalised(raw: str) -> None:
    assert check_resident_id(raw) == KNOWN_VALID_ID


def test_id_wrong_length_says_how_many() -> None:
    error = error_of(check_resident_id, "1101051949123100", field="owner_id_number")
    assert error.message == "身份证号应为18位，您输入了16位"
    assert error.field == "owner_id_number"


def test_id_too_long() -> None:
    assert "您输入了19位" in error_of(check_resident_id, KNOWN_VALID_ID + "1").message


def test_old_15_digit_id_asks_for_18_digits() -> None:
    message = error_of(check_resident_id, "110105491231002").message
    assert "15位" in message and "18位" in message


def test_id_bad_characters() -> None:
    message = error_of(check_resident_id, "11010519491231O02X").message
    assert "只能是数字" in message and "X" in message


def test_id_x_only_at_the_end() -> None:
    assert "只能是数字" in error_of(check_resident_id, "1101051949123100X2").message


def test_id_bad_birth_date() -> None:
    body = "11010519491331002"                       # month 13; check digit made correct
    number = body + ric.calc_check_digit(body + "0")
    message = error_of(check_resident_id, number).message
    assert "出生日期" in message and "19491331" in message


def test_id_birth_date_in_future() -> None:
    number = "110105" + "20991231" + "0021"
    assert "出生日期" in error_of(check_resident_id, number).message


def test_id_bad_check_digit() -> None:
    error = error_of(check_resident_id, "110105194912310021", field="x", label="产权人身份证号")
    assert error.message == "产权人身份证号校验位不对，请核对最后一位"
    assert error.field == "x"
    assert error_of(check_resident_id, "110105194912310021").message == "身份证号校验位不对，请核对最后一位"


def test_id_unknown_province() -> None:
    assert "地区码" in error_of(check_resident_id, "99010519491231002X").message


def test_id_empty() -> None:
    assert error_of(check_resident_id, "  ", label="身份证号").message == "请填写身份证号"
    assert error_of(check_resident_id, None).message == "请填写身份证号"


# ------------------------------------------------------------------ USCC

def test_uscc_valid_and_normalised() -> None:
    assert check_uscc("91110000600037341L") == "91110000600037341L"
    assert check_uscc("９１１１００００６０００３７３４１ｌ") == "91110000600037341L"
    assert check_uscc("9111 0000 6000 3734 1L") == "91110000600037341L"


def test_uscc_computed_check_digit() -> None:
    body = "91440300MA5G12345"
    number = body + uscc.calc_check_digit(body)
    assert uscc.is_valid(number)
    assert check_uscc(number) == number


def test_uscc_errors() -> None:
    assert error_of(check_uscc, "9111000060003734").message == "统一社会信用代码应为18位，您输入了16位"
    assert "不含I、O、S、V、Z" in error_of(check_uscc, "91110000600037I41L").message
    assert error_of(check_uscc, "91110000600037341M").message == "统一社会信用代码校验位不对，请核对最后一位"


def test_id_number_accepts_either() -> None:
    assert check_id_number(KNOWN_VALID_ID) == KNOWN_VALID_ID
    assert check_id_number("91110000600037341L") == "91110000600037341L"
    assert "校验位" in error_of(check_id_number, "110105194912310021").message
    assert "身份证号或统一社会信用代码" in error_of(check_id_number, "abc").message


# ------------------------------------------------------------------ phone

@pytest.mark.parametrize("raw, clean", [
    ("13800138000", "13800138000"),
    ("138 0013 8000", "13800138000"),
    ("138-0013-8000", "13800138000"),
    ("+86 13800138000", "13800138000"),
    ("１９９１２３４５６７８", "19912345678"),
    ("010-62345678", "010-62345678"),
    ("01062345678", "010-62345678"),
    ("(010)62345678", "010-62345678"),
    ("021 6234 5678", "021-62345678"),
    ("0371-6123456", "0371-6123456"),
    ("0371-61234567", "0371-61234567"),
    ("03516123456", "0351-6123456"),
    ("0371-61234567-801", "0371-61234567-801"),
    ("0371-61234567转801", "0371-61234567-801"),
])
def test_phone_valid(raw: str, clean: str) -> None:
    assert check_phone(raw) == clean


@pytest.mark.parametrize("raw, expected", [
    ("1380013800", "应为11位"),
    ("138001380001", "应为11位"),
    ("12800138000", "13-19"),
    ("62345678", "区号"),
    ("010-1234567", "区号"),
    ("电话", "格式不对"),
])
def test_phone_invalid(raw: str, expected: str) -> None:
    error = error_of(check_phone, raw, field="phone", label="联系电话")
    assert expected in error.message
    assert error.field == "phone"


# ------------------------------------------------------------------ area

@pytest.mark.parametrize("raw", ["85.5", "85.50", "８５．５", "85.5㎡", "85.5 ㎡", "85.5平方米", "85.5m²",
                                 " 85.5 ", "85.5平米"])
def test_area_valid(raw: str) -> None:
    assert parse_area(raw) == Decimal("85.5")
    assert isinstance(parse_area(raw), Decimal)


def test_area_limits() -> None:
    assert parse_area("100000") == Decimal("100000")
    assert parse_area("0.01") == Decimal("0.01")
    assert parse_area("1,200.5") == Decimal("1200.5")


@pytest.mark.parametrize("raw, expected", [
    ("0", "必须大于0"),
    ("0.00", "必须大于0"),
    ("-5", "不能为负数"),
    ("100000.01", "不能超过100000平方米，请核对"),
    ("999999", "不能超过100000平方米，请核对"),
    ("85.555", "最多两位小数"),
    ("85.5.5", "格式不对"),
    ("八十五", "格式不对"),
    ("", "请填写"),
])
def test_area_invalid(raw: str, expected: str) -> None:
    error = error_of(parse_area, raw, field="area", label="供热面积")
    assert expected in error.message
    assert error.message.startswith(("供热面积", "请填写供热面积"))
    assert error.field == "area"


# ------------------------------------------------------------------ money

@pytest.mark.parametrize("raw, fen", [
    ("0", 0), ("0.1", 10), ("0.2", 20), ("0.3", 30), ("12", 1200), ("12.3", 1230), ("12.30", 1230),
    ("1,234.56", 123456), ("¥1,234.56", 123456), ("￥1234.56", 123456), ("1234.56元", 123456),
    ("１，２３４．５６", 123456), ("人民币100元整", 10000), ("1,000,000.01", 100000001),
    ("0.07", 7), ("1.00", 100), ("2,230.50", 223050),
])
def test_money_valid(raw: str, fen: int) -> None:
    result = parse_money_fen(raw)
    assert result == fen and type(result) is int


def test_money_adds_up_exactly() -> None:
    # 0.1 + 0.2 != 0.3 in float; in fen it does.
    assert parse_money_fen("0.1") + parse_money_fen("0.2") == parse_money_fen("0.3")
    assert sum(parse_money_fen("0.10") for _ in range(10)) == parse_money_fen("1")
    assert parse_money_fen("19.99") * 3 == 5997
    assert parse_money_fen("1.15") == 115    # float(1.15)*100 == 114.99999999999999


@pytest.mark.parametrize("raw, expected", [
    ("12.345", "金额最多两位小数"),
    ("-1", "不能为负数"),
    ("-0.01", "不能为负数"),
    ("1,23", "格式不对"),
    ("12,34.5", "格式不对"),
    ("1e3", "格式不对"),
    ("abc", "格式不对"),
    ("", "请填写金额"),
])
def test_money_invalid(raw: str, expected: str) -> None:
    error = error_of(parse_money_fen, raw, field="amount")
    assert expected in error.message
    assert error.field == "amount"


def test_money_never_uses_float() -> None:
    import inspect

    import counter_app.validation as module
    assert "float" not in inspect.getsource(module).replace("no float", "")


@given(st.integers(min_value=0, max_value=10**10))
def test_money_round_trip(fen: int) -> None:
    assert parse_money_fen(format_fen(fen)) == fen


# ------------------------------------------------------------------ format and capitals

@pytest.mark.parametrize("fen, text", [
    (0, "0.00"), (5, "0.05"), (123456, "1,234.56"), (100, "1.00"), (100000000, "1,000,000.00"),
    (-123456, "-1,234.56"),
])
def test_format_fen(fen: int, text: str) -> None:
    assert format_fen(fen) == text


@pytest.mark.parametrize("fen, capital", [
    (123456, "壹仟贰佰叁拾肆元伍角陆分"),
    (10000, "壹佰元整"),
    (0, "零元整"),
    (100500, "壹仟零伍元整"),
    (10000010, "壹拾万元零壹角"),
    (100, "壹元整"),
    (1000, "壹拾元整"),
    (1010, "壹拾元零壹角"),
    (1105, "壹拾壹元零伍分"),
    (105, "壹元零伍分"),
    (5, "伍分"),
    (50, "伍角"),
    (56, "伍角陆分"),
    (168032, "壹仟陆佰捌拾元零叁角贰分"),
    (107000053, "壹佰零柒万元零伍角叁分"),
    (10700053, "壹拾万柒仟元零伍角叁分"),
    (2000100, "贰万零壹元整"),
    (20001000, "贰拾万零壹拾元整"),
    (101000000, "壹佰零壹万元整"),
    (10000000000, "壹亿元整"),
    (10001000000, "壹亿零壹万元整"),
    (10000100000, "壹亿零壹仟元整"),
    (12030400000, "壹亿贰仟零叁拾万肆仟元整"),
    (1000000, "壹万元整"),
    (1100000, "壹万壹仟元整"),
    (1001000, "壹万零壹拾元整"),
    (-100, "负壹元整"),
])
def test_capital(fen: int, capital: str) -> None:
    assert fen_to_capital(fen) == capital


@given(st.integers(min_value=0, max_value=10**12))
def test_capital_has_no_double_zero_and_proper_ending(fen: int) -> None:
    text = fen_to_capital(fen)
    assert "零零" not in text
    assert not text.startswith("零") or text == "零元整"
    assert text.endswith(("整", "角", "分"))
    assert ("整" in text) == (fen % 100 == 0)


# ------------------------------------------------------------------ dates and seasons

@pytest.mark.parametrize("raw", ["2026-11-27", "2026/11/27", "2026年11月27日", "20261127", "2026.11.27",
                                 "２０２６年１１月２７日", " 2026-11-27 ", "2026年11月27"])
def test_date_valid(raw: str) -> None:
    assert parse_date(raw) == date(2026, 11, 27)


def test_date_single_digits() -> None:
    assert parse_date("2026-3-5") == date(2026, 3, 5)
    assert parse_date("2026年3月5日") == date(2026, 3, 5)


@pytest.mark.parametrize("raw, expected", [
    ("2026-02-30", "不存在"), ("2026-13-01", "不存在"), ("27/11/2026", "格式不对"),
    ("明天", "格式不对"), ("1850-01-01", "年份"), ("", "请填写"),
])
def test_date_invalid(raw: str, expected: str) -> None:
    error = error_of(parse_date, raw, field="d", label="过户日期")
    assert expected in error.message and "过户日期" in error.message and error.field == "d"


@pytest.mark.parametrize("raw", ["2026-2027", "2026—2027", "2026/2027", "2026-27", "2026", "2026年-2027年",
                                 "２０２６－２０２７"])
def test_season_valid(raw: str) -> None:
    assert parse_season(raw) == "2026-2027"


def test_season_invalid() -> None:
    assert "相邻" in error_of(parse_season, "2026-2028").message
    assert "格式不对" in error_of(parse_season, "冬季").message


# ------------------------------------------------------------------ account number and text

def test_account_no() -> None:
    assert check_account_no("ab-1234") == "AB-1234"
    assert check_account_no("１２３４") == "1234"
    assert error_of(check_account_no, "123").message == "户号应为4-20位，您输入了3位"
    assert "21位" in error_of(check_account_no, "1" * 21).message
    assert "数字、字母和短横线" in error_of(check_account_no, "12#45").message
    assert "数字、字母和短横线" in error_of(check_account_no, "户号1234").message


def test_text() -> None:
    assert check_text("  张三  ", 30, True) == "张三"
    assert check_text("", 30, False) == ""
    assert check_text(None, 30, False) == ""
    assert check_text("小区，3号楼", 30, True) == "小区，3号楼"   # Chinese punctuation kept
    assert error_of(check_text, "", 30, True, label="产权人姓名").message == "请填写产权人姓名"
    error = error_of(check_text, "长" * 31, 30, True, field="name", label="姓名")
    assert "最多30个字" in error.message and "31" in error.message and error.field == "name"
    assert "控制字符" in error_of(check_text, "a\x00b", 30, True).message


def test_a_drop_down_asks_to_choose() -> None:
    reasons = ("房屋空置", "长期外出", "其他")
    assert check_choice(" 房屋空置 ", reasons) == "房屋空置"
    assert check_choice("其他", reasons, label="停热原因") == "其他"
    error = error_of(check_choice, "", reasons, field="reason", label="停热原因")
    assert (error.message, error.field) == ("请选择停热原因", "reason")
    assert error_of(check_choice, None, reasons, label="停热原因").message == "请选择停热原因"
    assert error_of(check_choice, "装修", reasons, label="停热原因").message == \
        "停热原因只能选择：房屋空置、长期外出、其他"
