"""Tests for counter_app.search - finding an account at the counter (SQLite and PostgreSQL).

Exact by 户号, phone, phone2 and ID number; substring by holder name and
address for terms of one character and up, through the database's own indexes
(SQLite FTS5 trigram + character index, PostgreSQL pg_trgm), kept in step
when ``search_text`` changes.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select
from stdnum.cn import ric

from counter_app import search
from counter_app.db.models import Account
from counter_app.services import accounts
from counter_app.services.accounts import AccountInput


def resident_id(body17: str) -> str:
    """A valid 18-character resident ID (GB 11643 check digit) from its first 17 digits."""
    return body17 + ric.calc_check_digit(body17 + "0")  # ignores the last character


def id_with_x() -> str:
    """A valid resident ID whose check digit is X."""
    for seq in range(1000):
        body = f"41010519800101{seq:03d}"
        if ric.calc_check_digit(body + "0") == "X":
            return body + "X"
    raise AssertionError("no X check digit in range")


ID_ZHANGWEI = id_with_x()
ID_ZHANGWEIMING = resident_id("11010119750315123")
ID_OUYANG = resident_id("37010219900720222")


def _register(core, people, **fields) -> int:
    data = AccountInput(area="85.5", **fields)
    return accounts.register_account(core, people.clerk, data)


@pytest.fixture
def hall(core, people):
    """Six accounts whose names and addresses overlap the way real ones do."""
    ids = {
        "zhangwei": _register(core, people, account_no="hr20240001", holder_name="张伟",
                              id_number=ID_ZHANGWEI, phone="13800138000", community="幸福小区",
                              building="3", unit="2", room="301"),
        "zhangweiming": _register(core, people, account_no="HR20240002", holder_name="张伟明",
                                  id_number=ID_ZHANGWEIMING, phone="13900139000",
                                  phone2="0371-62345678", community="锦绣花园", building="12",
                                  unit="1", room="1201"),
        "zhangxiaowei": _register(core, people, account_no="HR20240003", holder_name="张小伟",
                                  phone="15000150000", community="阳光新城", building="3",
                                  unit="1", room="101"),
        "ouyang": _register(core, people, account_no="HR20240004", holder_name="欧阳娜娜",
                            id_number=ID_OUYANG, phone="18600186000", community="幸福小区",
                            building="5", unit="1", room="502"),
        "lisi": _register(core, people, account_no="HR20240005", holder_name="李四",
                          phone="13700137000", address_text="郑州市金水区纬五路12号院"),
        # a second premises of 欧阳娜娜: same ID number, so the same customer
        "ouyang2": _register(core, people, account_no="HR20240006", holder_name="欧阳娜娜",
                             id_number=ID_OUYANG, phone="18600186000", community="锦绣花园",
                             building="7", unit="3", room="702"),
    }
    return ids


def found(core, term: str, limit: int = search.DEFAULT_LIMIT) -> set[int]:
    return {hit.account_id for hit in accounts.find(core, term, limit)}


def names(core, term: str) -> set[str]:
    return {hit.holder_name for hit in accounts.find(core, term)}


# -- pure helpers ---------------------------------------------------------

def test_index_columns_and_normalise() -> None:
    assert search.normalise("  ３号楼　") == "3号楼"
    text, grams = search.index_columns("张伟", "幸福小区3号楼2单元301室")
    assert text == "张伟 幸福小区3号楼2单元301室"
    assert grams == "张 伟 幸 福 小 区 3 号 楼 2 单 元 3 0 1 室"


# -- exact paths ----------------------------------------------------------

def test_exact_by_account_no_any_case_and_full_width(core, hall) -> None:
    for term in ("HR20240001", "hr20240001", " HR20240001 ", "ＨＲ２０２４０００１"):
        hits = accounts.find(core, term)
        assert [h.account_id for h in hits] == [hall["zhangwei"]], term
        assert hits[0].matched_by == "exact"
        assert hits[0].account_no == "HR20240001"
        assert hits[0].holder_name == "张伟"
        assert hits[0].address == "幸福小区3号楼2单元301室"
        assert hits[0].phone == "13800138000"


def test_exact_by_phone_however_typed(core, hall) -> None:
    for term in ("13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000",
                 "１３８００１３８０００"):
        hits = accounts.find(core, term)
        assert [h.account_id for h in hits] == [hall["zhangwei"]], term
        assert hits[0].matched_by == "exact"


def test_exact_by_phone2_landline(core, hall) -> None:
    for term in ("0371-62345678", "037162345678", "0371 6234 5678"):
        assert found(core, term) == {hall["zhangweiming"]}, term


def test_exact_by_id_number_with_lower_case_x(core, hall) -> None:
    assert ID_ZHANGWEI.endswith("X")
    for term in (ID_ZHANGWEI, ID_ZHANGWEI.lower(), f" {ID_ZHANGWEI.lower()} "):
        hits = accounts.find(core, term)
        assert [h.account_id for h in hits] == [hall["zhangwei"]], term
        assert hits[0].matched_by == "exact"
    assert found(core, ID_ZHANGWEIMING) == {hall["zhangweiming"]}


def test_exact_by_id_number_finds_every_account_of_the_holder(core, hall) -> None:
    hits = accounts.find(core, ID_OUYANG)
    assert [h.account_id for h in hits] == [hall["ouyang"], hall["ouyang2"]]  # by 户号
    assert len(accounts.find(core, ID_OUYANG, limit=1)) == 1


def test_unknown_number_finds_nothing(core, hall) -> None:
    assert accounts.find(core, "19912345678") == []
    assert accounts.find(core, "HR99999999") == []
    assert accounts.find(core, resident_id("11010119750315999")) == []


# -- substring paths ------------------------------------------------------

def test_one_character(core, hall) -> None:
    assert found(core, "伟") == {hall["zhangwei"], hall["zhangweiming"], hall["zhangxiaowei"]}
    assert found(core, "娜") == {hall["ouyang"], hall["ouyang2"]}
    assert found(core, "李") == {hall["lisi"]}
    assert found(core, "纬") == {hall["lisi"]}  # address only
    assert {h.matched_by for h in accounts.find(core, "伟")} == {"text"}


def test_two_characters_is_a_substring_not_a_bag_of_characters(core, hall) -> None:
    assert names(core, "张伟") == {"张伟", "张伟明"}
    assert "张小伟" not in names(core, "张伟")
    assert found(core, "欧阳") == {hall["ouyang"], hall["ouyang2"]}
    assert found(core, "金水") == {hall["lisi"]}
    assert found(core, "伟张") == set()
    # name and address are separate: "伟" ends the name, "幸" starts the address
    assert found(core, "伟幸") == set()


def test_three_or_more_characters(core, hall) -> None:
    assert found(core, "张伟明") == {hall["zhangweiming"]}
    assert found(core, "欧阳娜娜") == {hall["ouyang"], hall["ouyang2"]}
    assert found(core, "幸福小区") == {hall["zhangwei"], hall["ouyang"]}
    assert found(core, "锦绣花园") == {hall["zhangweiming"], hall["ouyang2"]}
    assert found(core, "3号楼") == {hall["zhangwei"], hall["zhangxiaowei"]}
    assert found(core, "幸福小区3号楼") == {hall["zhangwei"]}
    assert found(core, "纬五路") == {hall["lisi"]}
    assert found(core, "张伟 幸福") == {hall["zhangwei"]}  # across name and address, as typed
    assert found(core, "幸福花园") == set()


def test_full_width_input_is_normalised(core, hall) -> None:
    assert found(core, "３号楼") == found(core, "3号楼") == {hall["zhangwei"], hall["zhangxiaowei"]}
    assert found(core, "　张伟　") == {hall["zhangwei"], hall["zhangweiming"]}
    assert found(core, "１２０１") == {hall["zhangweiming"]}  # a room number, not an exact key


def test_hits_are_sorted_by_account_no(core, hall) -> None:
    numbers = [h.account_no for h in accounts.find(core, "伟")]
    assert numbers == sorted(numbers) == ["HR20240001", "HR20240002", "HR20240003"]


@pytest.mark.parametrize("term", [
    '"', '""', '张伟"', '"张伟', "*", "张*", "张伟*", "OR", "张伟 OR 李四", "AND", "NOT 张",
    "-", "-张伟", "(", "(张伟)", "NEAR(张 伟)", "^张", "张:伟", "search_text:张伟", "{", "+",
    "%", "%%", "张%", "%伟", "_", "__", "张_", "张_伟", "阳光_城", "幸福%小区", "'", "张'伟",
    "' OR '1'='1", "'; DROP TABLE account; --", "\\", "张\\伟", "\\%",
])
def test_syntax_and_wildcard_characters_find_nothing_wrong(core, hall, term: str) -> None:
    hits = accounts.find(core, term)  # raises nothing
    wanted = search.normalise(term).lower()
    for hit in hits:
        assert wanted in f"{hit.holder_name} {hit.address}".lower(), (term, hit)
    assert len(accounts.find(core, "张伟")) == 2  # and the table is still there


def test_empty_and_blank_terms(core, hall) -> None:
    assert accounts.find(core, "") == []
    assert accounts.find(core, "   ") == []
    assert accounts.find(core, "　") == []
    assert accounts.find(core, "伟", limit=0) == []


# -- the index follows changes -------------------------------------------

def test_index_follows_a_rename(core, hall) -> None:
    with core.unit_of_work() as session:
        account = session.scalar(select(Account).where(Account.id == hall["zhangwei"]))
        account.customer.name = "王伟"
        accounts.refresh_search(account, "王伟")
    assert found(core, "张伟") == {hall["zhangweiming"]}  # 1-2 character index
    assert found(core, "王伟") == {hall["zhangwei"]}
    assert found(core, "王") == {hall["zhangwei"]}
    assert found(core, "王伟 幸福小区") == {hall["zhangwei"]}  # trigram index
    assert found(core, "张伟 幸福") == set()
    assert names(core, "幸福小区3号楼") == {"王伟"}
    assert found(core, "13800138000") == {hall["zhangwei"]}


def test_index_follows_an_address_change(core, hall) -> None:
    with core.unit_of_work() as session:
        account = session.get(Account, hall["lisi"])
        account.address_text = "郑州市二七区大学路8号"
        accounts.refresh_search(account, account.customer.name)
    assert found(core, "纬五路") == set()
    assert found(core, "纬") == set()
    assert found(core, "大学路") == {hall["lisi"]}
    assert found(core, "二七") == {hall["lisi"]}


# -- limit ----------------------------------------------------------------

def test_limit_is_respected_on_every_path(core, people, hall) -> None:
    for n in range(1, 9):
        _register(core, people, account_no=f"HP{n:06d}",
                  holder_name="张伟明" if n <= 3 else f"赵{'一二三四五六七八'[n - 1]}",
                  id_number=ID_ZHANGWEIMING if n <= 3 else "", phone=f"1360000000{n}",
                  community="和平家园", building=str(n), unit="1", room="101")
    assert len(found(core, "和平家园")) == 8
    for term in ("赵", "和平", "和平家园", "1单元101室", ID_ZHANGWEIMING):
        assert len(accounts.find(core, term, limit=3)) == 3, term
    with core.reading() as session:
        for term in ("赵", "和平", "和平家园"):
            assert len(search.substring_ids(session, term, 3)) == 3, term
        assert len(search.substring_ids(session, "和平家园", 50)) == 8
    assert len(accounts.find(core, ID_ZHANGWEIMING)) == 4  # 张伟明's first account + three
    assert search.DEFAULT_LIMIT == 50


# -- the last four digits of a phone ------------------------------------------------------

def test_the_last_four_digits_of_a_phone_find_the_holder(core, hall) -> None:
    hits = accounts.find(core, "8000")                          # 13800138000, 欧阳's 18600186000 ...
    assert {h.account_id for h in hits} == {hall["zhangwei"]}
    assert hits[0].matched_by == "phone_tail"
    assert found(core, "6000") == {hall["ouyang"], hall["ouyang2"]}
    assert found(core, "5678") == {hall["zhangweiming"]}        # phone2 0371-62345678
    assert found(core, " 9000 ") == {hall["zhangweiming"]}
    assert accounts.find(core, "4321") == []


def test_phone_endings_come_after_exact_matches_and_before_the_text(core, people, hall) -> None:
    exact = _register(core, people, account_no="9000", holder_name="王五", phone="13600136001",
                      community="和平里", building="1", unit="1", room="101")
    room = _register(core, people, account_no="HR20240009", holder_name="赵六", phone="13600136002",
                     community="和平里", building="9000", unit="1", room="101")
    hits = accounts.find(core, "9000")
    assert [(h.account_id, h.matched_by) for h in hits] == [
        (exact, "exact"), (hall["zhangweiming"], "phone_tail")]   # an exact match: no text search
    hits = accounts.find(core, "1201")                           # no phone ends in 1201: the room
    assert [(h.account_id, h.matched_by) for h in hits] == [(hall["zhangweiming"], "text")]
    tail = _register(core, people, account_no="HR20240010", holder_name="钱七", phone="13600131201",
                     address_text="郑州市金水区经三路5号")
    hits = accounts.find(core, "1201")                           # the phone first, then the room
    assert [(h.account_id, h.matched_by) for h in hits] == [
        (tail, "phone_tail"), (hall["zhangweiming"], "text")]
    hits = accounts.find(core, "6002")
    assert [(h.account_id, h.matched_by) for h in hits] == [(room, "phone_tail")]
    assert len(accounts.find(core, "9000", limit=1)) == 1
