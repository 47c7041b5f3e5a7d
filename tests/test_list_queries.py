"""The counter's lists read their rows in a fixed number of queries: 30 rows
cost what 3 rows cost, on SQLite and PostgreSQL, and each row is the same as
the single read of that item.  (The time they take is bench/queue_bench.py's
business.)"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import event

from counter_app.domain.enums import Channel, FeedbackKind, HeatingForm, RequestStatus, UserClass
from counter_app.services import accounts, billing, feedback, fees, payments, requests, shifts
from counter_app.services.requests import DocumentInput, RequestRow
from tests.helpers import account_input

SEEN = DocumentInput(received=True, original_seen=True, copies=1)
STOP_DOCS = {"owner_id_card": SEEN, "property_certificate": SEEN, "last_season_receipt": SEEN}
STOP_FIELDS = {"reason": "房屋空置", "season": "2025-2026", "phone": "13912345678"}
FULL_SEASON = 192375        # 85.50 m² at 22.50 元/m² (tests/test_billing.py)
LATE_FEE = 186989           # on it from 2025-01-01 to 2025-11-20 at 3 ‰ a day


def statements(core, read: Callable[[], object]) -> tuple[int, object]:
    """(statements sent to the database by ``read()``, its result).  A first call
    warms the core's working-day calendar, which it keeps for a few minutes."""
    read()
    sent = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        sent.append(statement)

    event.listen(core.engine, "before_cursor_execute", seen)
    try:
        result = read()
    finally:
        event.remove(core.engine, "before_cursor_execute", seen)
    return len(sent), result


def row_part(view: RequestRow) -> RequestRow:
    """What of a request's full view a list row shows."""
    return RequestRow(**{f.name: getattr(view, f.name) for f in dataclasses.fields(RequestRow)})


# -- requests ----------------------------------------------------------------------------

def _stops(core, people, clock, first: int, last: int) -> list[int]:
    """Stops accepted on Monday 2025-11-03 (a reply due in 5 working days, waiting for
    the supervisor), alternately by two clerks; read on Thursday 2025-11-20."""
    clock.set(2025, 11, 3, 10, 0)
    out = []
    for i in range(first, last):
        clerk = (people.clerk, people.clerk2)[i % 2]
        account_id = accounts.register_account(core, clerk, account_input(i))
        rid = requests.receive(core, clerk, "stop", account_id=account_id, documents=STOP_DOCS,
                               fields=STOP_FIELDS)
        requests.act(core, clerk, rid, "accept")
        out.append(rid)
    clock.set(2025, 11, 20, 10, 0)
    return out


def test_request_lists_cost_the_same_for_3_and_30_rows(core, people, clock):
    reads = {
        "overdue": lambda: requests.open_requests(core, overdue_only=True),
        "approvals": lambda: requests.open_requests(core, approvals_only=True),
        "mine": lambda: requests.open_requests(core, owner_id=people.clerk2.staff_id),
        "all": lambda: requests.open_requests(core),
    }
    made = _stops(core, people, clock, 1, 4)
    few = {name: statements(core, read) for name, read in reads.items()}
    made += _stops(core, people, clock, 4, 31)
    many = {name: statements(core, read) for name, read in reads.items()}

    assert [len(few[n][1]) for n in reads] == [3, 3, 2, 3]
    assert [len(many[n][1]) for n in reads] == [30, 30, 15, 30]
    assert {n: few[n][0] for n in reads} == {n: many[n][0] for n in reads}
    assert max(count for count, _ in many.values()) <= 2

    rows = many["overdue"][1]
    assert [r.id for r in rows] == made              # same deadline: in the order received
    for row in rows:
        assert row == row_part(requests.get_request(core, row.id))
    first = rows[0]
    assert (first.owner, first.kind_name, first.status, first.deadline) == (
        "赵营业员", "停热申请", RequestStatus.ACCEPTED, dt.date(2025, 11, 10))
    assert (first.days_left, first.overdue, first.deadline_warning) == (-8, True, None)
    assert first.account_no == account_input(1).account_no
    assert ("approve", "批准停热") in first.actions
    assert {r.owner for r in many["mine"][1]} == {"赵营业员"}


def test_an_accounts_open_requests_and_one_request_in_full_cost_a_few_queries(core, people, clock):
    [quiet] = _stops(core, people, clock, 1, 2)
    [busy] = _stops(core, people, clock, 2, 3)
    for n in range(4):   # a longer timeline: four more events, by both clerks
        giver, taker = (people.clerk, people.clerk2) if n % 2 == 0 else (people.clerk2, people.clerk)
        requests.handover(core, giver, busy, to_staff_id=taker.staff_id, note=f"交接第{n + 1}次")

    one, quiet_view = statements(core, lambda: requests.get_request(core, quiet))
    other, busy_view = statements(core, lambda: requests.get_request(core, busy))
    assert one == other <= 3
    assert len(quiet_view.events) == 2                     # received, accepted
    assert [e.staff for e in busy_view.events] == ["李营业员"] * 3 + ["赵营业员", "李营业员", "赵营业员"]
    assert [e.action for e in busy_view.events] == ["receive", "accept"] + ["handover"] * 4
    assert busy_view.owner == "李营业员" and len(busy_view.documents) == 3 and busy_view.missing == ()

    count, rows = statements(core, lambda: requests.open_requests(core, account_id=busy_view.account_id))
    assert count <= 2
    assert rows == [row_part(busy_view)]


# -- arrears and reductions ----------------------------------------------------------------

@pytest.fixture
def owing(core, people, clock):
    """Thirty accounts billed for 2024-2025 and never paid (due 2024-12-31): three
    in 甲小区 building 1, the rest in 乙小区 buildings 2 to 4; a thirty-first in
    甲小区 has paid in full, and the second account has paid 10.00."""
    clock.set(2024, 10, 10, 10, 0)
    fees.create_schedule(core, people.admin, season="2024-2025", decree_no="价格〔2024〕12号",
                         effective_date="2024-10-01", season_start="2024-11-15",
                         season_end="2025-03-15", due_date="2024-12-31", basic_fee_bp=3000,
                         late_fee_ppm_per_day=3000,
                         prices={(c, f): 2250 for c in UserClass for f in HeatingForm})
    ids = [accounts.register_account(core, people.clerk, account_input(
        i, community="甲小区" if i <= 3 else "乙小区", building=str(1 if i <= 3 else 2 + i % 3),
        holder_name=f"张{i}")) for i in range(1, 32)]
    billing.generate_season(core, people.admin, "2024-2025")
    clock.set(2025, 11, 20, 10, 0)
    shifts.open_shift(core, people.clerk, "500")
    paid_off = ids.pop()
    payments.take_payment(core, people.clerk, paid_off, billing.get_statement(core, paid_off).due_fen,
                          "wechat")
    payments.take_payment(core, people.clerk, ids[1], "10", "cash")
    return ids


def test_the_arrears_list_costs_the_same_for_3_and_30_accounts(core, owing):
    few, rows3 = statements(core, lambda: billing.arrears_list(core, community="甲小区"))
    many, rows30 = statements(core, lambda: billing.arrears_list(core))
    assert (len(rows3), len(rows30)) == (3, 30)
    assert few == many <= 7

    assert [r.account_id for r in rows30] == owing                  # the paid-off one is not there
    with core.reading() as session:
        for row in rows30:
            holder = accounts.get_account(core, row.account_id)
            assert (row.account_no, row.holder_name, row.address, row.phone, row.community,
                    row.building) == (holder.account_no, holder.holder_name, holder.address,
                                      holder.phone, holder.community, holder.building)
            assert row.seasons == ("2024-2025",)
            account = session.get(billing.Account, row.account_id)
            assert row.principal_fen + row.late_fee_fen == billing.arrears_fen(session, account, core.today())
    assert {(r.principal_fen, r.late_fee_fen) for r in rows30 if r.account_id != owing[1]} == {
        (FULL_SEASON, LATE_FEE)}
    assert rows30[1].principal_fen + rows30[1].late_fee_fen == FULL_SEASON + LATE_FEE - 1000
    assert rows3 == rows30[:3]


def test_pending_reductions_cost_the_same_for_3_and_30(core, people, owing):
    def ask(ids: list[int]) -> None:
        for account_id in ids:
            billing.request_reduction(core, people.clerk, account_id, "2024-2025", "low_income",
                                      "低保户", f"低保证{account_id}号", percent_bp=5000)

    ask(owing[:3])
    few, rows3 = statements(core, lambda: billing.pending_reductions(core))
    ask(owing[3:])
    many, rows30 = statements(core, lambda: billing.pending_reductions(core))
    assert (len(rows3), len(rows30)) == (3, 30)
    assert few == many == 1
    for row in rows30:
        holder = accounts.get_account(core, row.account_id)
        assert (row.account_no, row.holder_name, row.kind_label, row.document) == (
            holder.account_no, holder.holder_name, "低保户减免", f"低保证{row.account_id}号")


# -- payments and feedback -----------------------------------------------------------------

def test_an_accounts_payments_cost_the_same_for_3_and_30(core, people, owing):
    payer = owing[5]
    # the late fee is paid first: the third payment clears it and pays part of the bill
    taken = [payments.take_payment(core, people.clerk, payer, fen, "cash")
             for fen in (100, 101, LATE_FEE + 102)]
    payments.void(core, people.clerk, taken[0].entry_id, "金额录错", people.supervisor)
    payments.refund(core, people.clerk, taken[1].entry_id, "0.50", "多收退回", people.supervisor)
    few, rows3 = statements(core, lambda: payments.account_payments(core, payer))
    shifts.open_shift(core, people.clerk2, "500")
    taken += [payments.take_payment(core, (people.clerk, people.clerk2)[i % 2], payer, 200 + i, "card")
              for i in range(27)]
    many, rows30 = statements(core, lambda: payments.account_payments(core, payer))
    assert (len(rows3), len(rows30)) == (3, 30)
    assert few == many <= 7

    assert [r.entry_id for r in rows30] == [p.entry_id for p in reversed(taken)]
    for row in rows30:
        assert row == payments.receipt(core, row.entry_id)
    voided, refunded = rows30[-1], rows30[-2]
    assert (voided.void, voided.void_reason, voided.refundable_fen) == (True, "金额录错", 0)
    assert [(r.amount_fen, r.clerk, r.approved_by) for r in refunded.refunds] == [
        (-50, "李营业员", "王值班长")]
    assert refunded.refundable_fen == 101 - 50
    assert {r.clerk for r in rows30} == {"李营业员", "赵营业员"}
    assert rows30[0].holder_name == "张6"
    assert [label for label, _ in rows30[-3].items] == ["2024-2025采暖季热费", "滞纳金"]
    assert rows30[0].items == (("2024-2025采暖季热费", 226),)


def test_the_feedback_book_costs_the_same_for_3_and_30(core, people):
    def log(first: int, last: int) -> None:
        for i in range(first, last):
            kind = (FeedbackKind.COMPLAINT, FeedbackKind.SUGGESTION)[i % 2]
            feedback.log(core, people.clerk, feedback.FeedbackInput(
                kind, Channel.COUNTER, f"第{i}条：暖气不热", customer_name=f"李{i}"))

    log(0, 3)
    few, rows3 = statements(core, lambda: feedback.listing(core))
    log(3, 30)
    many, rows30 = statements(core, lambda: feedback.listing(core))
    assert (len(rows3), len(rows30)) == (3, 30)
    assert few == many == 1
    assert [r.text for r in rows30] == [f"第{i}条：暖气不热" for i in reversed(range(30))]
    assert all(r == feedback.get(core, r.id) for r in rows30)
