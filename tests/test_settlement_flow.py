"""Article 10 at the counter: a completed stop settles the fee by itself, and
arrears past due block a stop until they are paid."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from counter_app.db.money import Bill
from counter_app.errors import Conflict
from counter_app.services import billing, payments, requests, shifts
from tests.test_billing import SEASON, account, bill_of, complete, publish


def test_a_completed_stop_resettles_a_billed_season(core, people, clock):
    publish(core, people.admin, early_discount_bp=0, early_discount_until=None)
    a = account(core, people.clerk)
    clock.set(2025, 11, 16, 9, 0)
    billing.generate_season(core, people.admin, SEASON)
    assert [k for k, _ in bill_of(core, a)[1]] == ["heating"]
    shifts.open_shift(core, people.clerk, "0")
    payments.take_payment(core, people.clerk, a, billing.get_statement(core, a).due_fen, "cash",
                          tendered="2000")
    clock.set(2026, 1, 10, 9, 30)
    complete(core, people, "stop", a, {"reason": "房屋空置", "season": SEASON, "phone": "13912345678"},
             approve=True)
    # no one pressed 结算: the bill was redone with the stop from 01-10, and the
    # season's payment now exceeds it - the statement shows the credit to refund
    bill, lines = bill_of(core, a)
    assert lines == [("heating", 89033), ("basic_fee", 31003)] and bill.total_fen == 120036
    assert billing.get_statement(core, a).due_fen == 120036 - 192375   # 85.50㎡ × 22.50元
    with core.reading() as session:
        bills = session.scalars(select(Bill).where(Bill.account_id == a).order_by(Bill.id)).all()
        assert len(bills) == 2 and bills[0].superseded_by_id == bills[1].id   # nothing deleted


def test_arrears_past_due_block_a_stop_until_paid(core, people, clock):
    publish(core, people.admin)
    a = account(core, people.clerk)
    clock.set(2025, 11, 16, 9, 0)
    billing.generate_season(core, people.admin, SEASON)
    clock.set(2026, 1, 5, 9, 0)                      # past the due date 2025-12-31
    fields = {"reason": "房屋空置", "season": SEASON, "phone": "13912345678"}
    with pytest.raises(Conflict, match="尚欠热费"):
        requests.receive(core, people.clerk, "stop", account_id=a, fields=fields)
    shifts.open_shift(core, people.clerk, "0")
    due = billing.get_statement(core, a).due_fen
    payments.take_payment(core, people.clerk, a, due, "wechat")
    assert requests.receive(core, people.clerk, "stop", account_id=a, fields=fields)
    assert billing.get_statement(core, a, on=dt.date(2026, 1, 5)).due_fen == 0
