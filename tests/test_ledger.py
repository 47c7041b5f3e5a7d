"""The hash chain of payments, voids and refunds, and `verify` finding tampering."""

from __future__ import annotations

import datetime as dt
import hashlib
from contextlib import contextmanager

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import DBAPIError

from counter_app import ledger
from counter_app.db.money import LedgerEntry
from counter_app.errors import DatabaseUnavailable
from counter_app.ledger import GENESIS, HASH_FIELDS
from counter_app.services import payments
from tests.test_payments import desk, entries  # noqa: F401 - the fixture

SQLITE_GUARDS = [
    """CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
       BEGIN SELECT RAISE(ABORT, 'ledger_entry is append-only'); END""",
    """CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
       BEGIN SELECT RAISE(ABORT, 'ledger_entry is append-only'); END""",
]


@contextmanager
def behind_the_apps_back(engine):
    """A connection with the append-only triggers off, as an intruder would have."""
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER ledger_entry_no_update"))
            conn.execute(text("DROP TRIGGER ledger_entry_no_delete"))
        else:
            conn.execute(text("ALTER TABLE ledger_entry DISABLE TRIGGER ledger_entry_append_only"))
        yield conn
        if engine.dialect.name == "sqlite":
            for sql in SQLITE_GUARDS:
                conn.execute(text(sql))
        else:
            conn.execute(text("ALTER TABLE ledger_entry ENABLE TRIGGER ledger_entry_append_only"))


def five_entries(desk) -> None:  # noqa: F811
    core, p = desk.core, desk.people
    a = payments.take_payment(core, p.clerk, desk.acc, "100", "cash")
    payments.take_payment(core, p.clerk, desk.acc, "200", "card")
    payments.void(core, p.clerk, a.entry_id, "输错", p.supervisor)
    b = payments.take_payment(core, p.clerk, desk.acc2, "50", "wechat", prepayment=True)
    payments.refund(core, p.clerk, b.entry_id, "10", "多交", p.supervisor)


def test_entries_are_chained_in_order(desk):  # noqa: F811
    five_entries(desk)
    rows = entries(desk.core)
    assert [e.position for e in rows] == [1, 2, 3, 4, 5]
    assert [e.entry_type for e in rows] == ["payment", "payment", "void", "payment", "refund"]
    assert rows[0].prev_hash == GENESIS
    assert all(rows[i].prev_hash == rows[i - 1].hash for i in range(1, 5))
    assert all(ledger.entry_hash({k: getattr(e, k) for k in HASH_FIELDS}) == e.hash for e in rows)
    report = ledger.verify(desk.core)
    assert (report.ok, report.count, report.first_broken_position, report.last_hash) == (
        True, 5, None, rows[-1].hash)
    assert report.message == "账本校验通过：5 条记录"
    assert ledger.verify(desk.core.engine).ok          # an Engine will do too


def test_the_hash_is_sha256_of_key_sorted_compact_json():
    fields = {k: None for k in HASH_FIELDS}
    fields.update(position=7, entry_type="payment", receipt_no="2025-000007", account_id=3,
                  method="cash", amount_fen=12345, tendered_fen=20000, change_fen=7655,
                  prepayment=0, allocation={"bills": {"9": 12345}, "late_fee": 0, "discount": 0,
                                            "prepaid": 0},
                  reason="", shift_id=1, clerk_id=4,
                  created_at=dt.datetime(2025, 11, 20, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))),
                  business_date=dt.date(2025, 11, 20), prev_hash=GENESIS)
    expected = (
        '{"account_id":3,"allocation":{"bills":{"9":12345},"discount":0,"late_fee":0,"prepaid":0},'
        '"amount_fen":12345,"approved_by_id":null,"business_date":"2025-11-20","change_fen":7655,'
        '"clerk_id":4,"created_at":"2025-11-20T02:00:00.000000+00:00","entry_type":"payment",'
        '"method":"cash","original_id":null,"position":7,"prepayment":false,'
        f'"prev_hash":"{GENESIS}","reason":"","receipt_no":"2025-000007","request_id":null,'
        '"shift_id":1,"tendered_fen":20000}')
    assert ledger.canonical(fields) == expected.encode()
    assert ledger.entry_hash(fields) == hashlib.sha256(expected.encode()).hexdigest()


def test_the_database_refuses_to_edit_or_delete_an_entry(desk):  # noqa: F811
    payments.take_payment(desk.core, desk.people.clerk, desk.acc, "100", "cash")
    for sql in ("UPDATE ledger_entry SET amount_fen = 1", "DELETE FROM ledger_entry"):
        with pytest.raises((DBAPIError, DatabaseUnavailable), match="append-only"):
            with desk.core.unit_of_work() as session:
                session.execute(text(sql))
    assert ledger.verify(desk.core).ok


def test_a_changed_amount_is_named_by_its_position(desk):  # noqa: F811
    five_entries(desk)
    with behind_the_apps_back(desk.core.engine) as conn:
        conn.execute(text("UPDATE ledger_entry SET amount_fen = 1000 WHERE position = 2"))
    report = ledger.verify(desk.core)
    assert (report.ok, report.first_broken_position, report.count) == (False, 2, 1)
    assert "内容与其哈希不符" in report.problem
    assert report.message.startswith("账本校验未通过：第 2 条记录")


def test_a_row_rewritten_with_a_fresh_hash_breaks_the_next_link(desk):  # noqa: F811
    five_entries(desk)
    second = entries(desk.core)[1]
    forged = {k: getattr(second, k) for k in HASH_FIELDS}
    forged["amount_fen"] = 20
    with behind_the_apps_back(desk.core.engine) as conn:
        conn.execute(text("UPDATE ledger_entry SET amount_fen = 20, hash = :h WHERE position = 2"),
                     {"h": ledger.entry_hash(forged)})
    report = ledger.verify(desk.core)
    assert (report.ok, report.first_broken_position) == (False, 3)
    assert "链接断开" in report.problem


def test_a_deleted_row_is_named(desk):  # noqa: F811
    five_entries(desk)
    with behind_the_apps_back(desk.core.engine) as conn:
        conn.execute(text("DELETE FROM ledger_entry WHERE position = 3"))
    report = ledger.verify(desk.core)
    assert (report.ok, report.first_broken_position) == (False, 3)
    assert "缺失" in report.problem


def test_a_deleted_tail_is_found_by_the_counter(desk):  # noqa: F811
    five_entries(desk)
    with behind_the_apps_back(desk.core.engine) as conn:
        # whoever removes receipts behind the app's back removes their tracking codes with them:
        # the codes refer to the entries, so the database refuses the entries alone
        conn.execute(text("DELETE FROM receipt_code WHERE entry_id IN "
                          "(SELECT id FROM ledger_entry WHERE position >= 4)"))
        conn.execute(text("DELETE FROM ledger_entry WHERE position >= 4"))
    report = ledger.verify(desk.core)
    assert (report.ok, report.first_broken_position, report.count) == (False, 4, 3)
    assert "末尾记录被删除" in report.problem


def test_a_forged_row_appended_without_the_app_is_found(desk):  # noqa: F811
    five_entries(desk)
    last = entries(desk.core)[-1]
    forged = {k: getattr(last, k) for k in HASH_FIELDS}
    forged.update(position=6, prev_hash=last.hash, amount_fen=-99900, reason="伪造退款",
                  allocation={"bills": {}, "late_fee": 0, "discount": 0, "prepaid": -99900})
    with desk.core.engine.begin() as conn:                 # inserting is not refused
        conn.execute(insert(LedgerEntry.__table__).values(**forged, hash=ledger.entry_hash(forged)))
    report = ledger.verify(desk.core)
    assert (report.ok, report.first_broken_position) == (False, 6)
    assert "伪造" in report.problem


def test_an_empty_ledger_verifies(core):
    report = ledger.verify(core)
    assert (report.ok, report.count, report.last_hash) == (True, 0, GENESIS)
