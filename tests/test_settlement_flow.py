"""Article 10 at the counter: a completed stop settles the fee by itself, and
arrears past due block a stop until they are paid."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from counter_app.db.money import Bill
from counter_app.domain.enums import RequestStatus
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


def _settlement(core, people, account_id):
    """A 热费结算 registered and accepted, as the wizard leaves it."""
    from counter_app.services import registration
    from counter_app.services.requests import Application

    view = registration.register(core, people.clerk, Application(
        "settlement", account_id=account_id, fields={"season": SEASON}))
    assert view.status is RequestStatus.ACCEPTED
    return view


def test_paying_what_a_settlement_asks_for_completes_it(core, people, clock):
    """The settlement asked for the statement; the payment that pays it in full
    completes it in the same unit of work, with its entry in the timeline, and
    the slip and the tracking page read it done."""
    from counter_app.services import cashdesk, tracking
    from counter_app.services.documents.slip import slip_data

    publish(core, people.admin)
    a = account(core, people.clerk)
    clock.set(2025, 11, 16, 9, 0)
    billing.generate_season(core, people.admin, SEASON)
    view = _settlement(core, people, a)
    shifts.open_shift(core, people.clerk, "0")
    # F7 without a request: the desk names the settlement the money is for
    desk = cashdesk.payment_desk(core, people.clerk, a)
    assert (desk.request_id, desk.request_number, desk.settles) == (view.id, view.number, True)
    due = desk.statement.due_fen
    part = payments.take_payment(core, people.clerk, a, due - 100, "wechat", request_id=view.id)
    assert requests.get_request(core, view.id).status is RequestStatus.ACCEPTED   # still owed 1.00
    assert part.request_id == view.id
    rest = billing.get_statement(core, a).due_fen
    receipt = payments.take_payment(core, people.clerk, a, rest, "cash", request_id=view.id)
    done = requests.get_request(core, view.id)
    assert done.status is RequestStatus.COMPLETED and done.deadline is None
    last = done.events[-1]
    assert (last.action, last.to_status) == ("complete", RequestStatus.COMPLETED)
    assert receipt.receipt_no in last.note and "结清" in last.note
    assert slip_data(core, people.clerk, view.id).request.status is RequestStatus.COMPLETED
    page = tracking.public_view(core, view.tracking_code)
    assert page.closed and page.status == RequestStatus.COMPLETED.label
    # done: the next F7 pays for no request
    assert cashdesk.payment_desk(core, people.clerk, a).request_id is None


def test_a_settlement_is_not_completed_by_money_for_something_else(core, people, clock):
    """Only a payment for the settlement completes it; a second open settlement
    makes the desk name none rather than guess."""
    from counter_app.services import cashdesk

    publish(core, people.admin)
    a = account(core, people.clerk)
    clock.set(2025, 11, 16, 9, 0)
    billing.generate_season(core, people.admin, SEASON)
    view = _settlement(core, people, a)
    shifts.open_shift(core, people.clerk, "0")
    payments.take_payment(core, people.clerk, a, billing.get_statement(core, a).due_fen, "cash")
    assert requests.get_request(core, view.id).status is RequestStatus.ACCEPTED
    _settlement(core, people, a)
    assert cashdesk.payment_desk(core, people.clerk, a).request_id is None
