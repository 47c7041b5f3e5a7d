"""The cash day: float, counted close, differences, handover sheet, daily totals."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from counter_app.domain.enums import RequestStatus
from counter_app.errors import (
    Conflict,
    PermissionDenied,
    ReasonRequired,
    ValidationError,
)
from counter_app.ledger import Method
from counter_app.services import payments, requests, shifts
from counter_app.services.documents.handover import handover_data
from tests.helpers import application, stop_request
from tests.test_payments import desk  # noqa: F401 - the fixture


def test_open_once_and_find_the_current_shift(desk):  # noqa: F811
    core, p = desk.core, desk.people
    current = shifts.current_shift(core, p.clerk)
    assert (current.id, current.float_fen, current.closed_at) == (desk.shift.id, 50000, None)
    with pytest.raises(Conflict, match="尚未结班"):
        shifts.open_shift(core, p.clerk, "100")
    assert shifts.current_shift(core, p.clerk2) is None
    with pytest.raises(ValidationError, match="不能为负数") as err:
        shifts.open_shift(core, p.clerk2, "-1")
    assert err.value.field == "float"
    with pytest.raises(ValidationError, match="最多两位小数"):
        shifts.open_shift(core, p.clerk2, "1.001")
    assert shifts.current_shift(core, p.clerk2) is None


def cash_day(desk) -> None:  # noqa: F811
    """李: cash 1,000 (tendered 1,200), card 500, cash 300 voided; 赵: WeChat 80."""
    core, p = desk.core, desk.people
    payments.take_payment(core, p.clerk, desk.acc, "1000", "cash", tendered="1200")
    payments.take_payment(core, p.clerk, desk.acc, "500", "card")
    wrong = payments.take_payment(core, p.clerk, desk.acc, "300", "cash")
    payments.void(core, p.clerk, wrong.entry_id, "收错户", p.supervisor)
    shifts.open_shift(core, p.clerk2, "200")
    payments.take_payment(core, p.clerk2, desk.acc2, "80", "wechat", prepayment=True)


def test_expected_cash_counts_only_cash_and_a_void_takes_it_back(desk):  # noqa: F811
    core, p = desk.core, desk.people
    cash_day(desk)
    report = shifts.shift_report(core, p.clerk, desk.shift.id)
    assert report.expected_fen == 50000 + 100000          # float + cash kept (300 voided)
    assert report.receipts == ["2025-000001", "2025-000002", "2025-000003"]
    assert report.void_receipts == ["2025-000003"]
    cash, card = report.by_method[Method.CASH], report.by_method[Method.CARD]
    assert (cash.payments, cash.payment_count, cash.voids, cash.net) == (130000, 2, -30000, 100000)
    assert (card.payments, card.net) == (50000, 50000)
    closed = shifts.close_shift(core, p.clerk, {"10000": 15})
    assert (closed.expected_fen, closed.counted_fen, closed.difference_fen) == (150000, 150000, 0)
    assert closed.closed_at is not None and closed.approved_by_id is None
    assert shifts.current_shift(core, p.clerk) is None
    with pytest.raises(Conflict, match="还没有开班"):
        payments.take_payment(core, p.clerk, desk.acc, "1", "card")
    with pytest.raises(Conflict, match="没有未结班"):
        shifts.close_shift(core, p.clerk, {"10000": 15})
    # a clerk reads their own handover sheet; someone else's needs a supervisor
    with pytest.raises(PermissionDenied):
        shifts.shift_report(core, p.clerk2, desk.shift.id)
    assert shifts.shift_report(core, p.supervisor, desk.shift.id).counted == {"10000": 15}


def test_a_difference_needs_a_reason_and_another_supervisor(desk):  # noqa: F811
    core, p = desk.core, desk.people
    payments.take_payment(core, p.clerk, desk.acc, "1000", "cash")
    short = {"10000": 14, "5000": 1, "1000": 4, "100": 9, "50": 1, "10": 4, "1": 6}  # 1,499.96
    with pytest.raises(ReasonRequired, match=r"短款 0\.04 元"):
        shifts.close_shift(core, p.clerk, short)
    with pytest.raises(PermissionDenied, match="值班长用本人账号登录"):
        shifts.close_shift(core, p.clerk, short, reason="找零有误")
    with pytest.raises(PermissionDenied, match="营业员无权"):
        shifts.close_shift(core, p.clerk, short, reason="找零有误", supervisor=p.clerk2)
    assert shifts.current_shift(core, p.clerk) is not None          # still open
    closed = shifts.close_shift(core, p.clerk, short, reason="找零有误", supervisor=p.supervisor)
    assert (closed.difference_fen, closed.difference_reason, closed.approved_by_id) == (
        -4, "找零有误", p.supervisor.staff_id)


def test_a_supervisor_cannot_approve_their_own_difference(desk):  # noqa: F811
    core, p = desk.core, desk.people
    shifts.open_shift(core, p.supervisor, "100")
    with pytest.raises(PermissionDenied, match="经办人本人"):
        shifts.close_shift(core, p.supervisor, {"5000": 1}, reason="少了", supervisor=p.supervisor)
    closed = shifts.close_shift(core, p.supervisor, {"5000": 3}, reason="多了", supervisor=p.admin)
    assert closed.difference_fen == 5000


@pytest.mark.parametrize("counted, match", [
    ({"300": 1}, "不是人民币面额"),
    ({"abc": 1}, "不是人民币面额"),
    ({"10000": -1}, "不小于0的整数"),
    ({"10000": 1.5}, "不小于0的整数"),
    ([10000], "按面额填写"),
])
def test_bad_counts_are_refused_and_the_shift_stays_open(desk, counted, match):  # noqa: F811
    with pytest.raises(ValidationError, match=match):
        shifts.close_shift(desk.core, desk.people.clerk, counted)
    assert shifts.current_shift(desk.core, desk.people.clerk) is not None


def test_day_totals_by_clerk_and_method_for_the_daily_register(desk, clock):  # noqa: F811
    core, p = desk.core, desk.people
    cash_day(desk)
    shifts.close_shift(core, p.clerk, {"10000": 14, "5000": 1}, reason="少收50元",
                       supervisor=p.supervisor)
    clock.set(2025, 11, 21, 9, 0)
    shifts.open_shift(core, p.clerk, "0")
    payments.take_payment(core, p.clerk, desk.acc, "7", "cash")      # another day
    totals = shifts.day_totals(core, p.supervisor, dt.date(2025, 11, 20))
    li, zhao = totals.by_clerk["李营业员"], totals.by_clerk["赵营业员"]
    assert (li[Method.CASH].net, li[Method.CARD].net, zhao[Method.WECHAT].net) == (100000, 50000, 8000)
    assert totals.by_method[Method.CASH].voids == -30000
    assert (totals.total.payments, totals.total.net, totals.total.payment_count) == (188000, 158000, 4)
    assert (totals.first_receipt, totals.last_receipt, totals.receipt_count) == (
        "2025-000001", "2025-000004", 4)
    assert totals.void_receipts == ["2025-000003"]
    assert totals.open_shifts == ["赵营业员"]
    assert totals.differences == [("李营业员", -5000, "少收50元")]
    assert len(totals.chain_head) == 64
    next_day = shifts.day_totals(core, p.clerk, dt.date(2025, 11, 21))
    assert (next_day.total.net, next_day.first_receipt) == (700, "2025-000005")


def test_the_handover_sheet_of_a_past_shift_hands_over_what_was_open_at_the_close(desk, clock):  # noqa: F811
    """首问负责: the sheet is the record of one handover.  Read days later, after the
    requests moved on, it still lists what the clerk held open when the shift
    closed, each with its status and deadline of that moment; a reprint is the
    same sheet (only the print stamp says when it was printed)."""
    core, p = desk.core, desk.people
    accepted = application(core, p.clerk, 3)                     # plan reply due Tue 25 Nov
    waiting = application(core, p.clerk, 4, accept=False)        # 已登记, no deadline yet
    withdrawn = application(core, p.clerk, 5, accept=False)
    requests.act(core, p.clerk, withdrawn, "withdraw")           # closed before the handover
    passed_on = stop_request(core, p.clerk, 6)
    requests.handover(core, p.clerk, passed_on, to_staff_id=p.clerk2.staff_id, note="赵跟进")
    taken_over = application(core, p.clerk2, 7)
    requests.handover(core, p.clerk2, taken_over, to_staff_id=p.clerk.staff_id, note="李跟进")
    clock.set(2025, 11, 20, 17, 30)
    shifts.close_shift(core, p.clerk, {"10000": 5})
    on_the_day = handover_data(core, p.clerk, desk.shift.id)

    def listed(data) -> list[tuple[int, RequestStatus, dt.date | None, bool]]:
        return [(r.id, r.status, r.deadline, r.overdue) for r in data.open_requests]

    handed = [(accepted, RequestStatus.ACCEPTED, dt.date(2025, 11, 25), False),
              (taken_over, RequestStatus.ACCEPTED, dt.date(2025, 11, 25), False),
              (waiting, RequestStatus.RECEIVED, None, False)]
    assert listed(on_the_day) == handed
    # the days after: the requests move on, new ones come in, the deadline passes
    clock.set(2025, 11, 24, 9, 0)
    requests.act(core, p.clerk, accepted, "reply_plan", note="管网已到楼")
    requests.act(core, p.clerk, accepted, "sign_contract")        # a new deadline: heat on
    requests.act(core, p.clerk, waiting, "accept")
    requests.handover(core, p.clerk, waiting, to_staff_id=p.clerk2.staff_id, note="赵跟进")
    requests.act(core, p.clerk2, taken_over, "withdraw")
    requests.handover(core, p.clerk2, passed_on, to_staff_id=p.clerk.staff_id, note="还给李")
    later = application(core, p.clerk, 8, accept=False)
    clock.set(2025, 12, 1, 9, 0)                                  # 25 Nov is long past
    assert {r.id for r in requests.open_requests(core, owner_id=p.clerk.staff_id)} == {
        accepted, passed_on, later}
    reprinted = handover_data(core, p.supervisor, desk.shift.id)
    assert listed(reprinted) == handed
    assert reprinted.printed_at > on_the_day.printed_at
    stamp = {"printed_at": on_the_day.printed_at, "printed_by": on_the_day.printed_by}
    assert dataclasses.replace(reprinted, **stamp) == on_the_day
