"""Each printed document is read by ONE service of counter_app.services.documents, in
one transaction and a bounded number of SQL statements, on SQLite and PostgreSQL:
a paper with more documents, events, entries or accounts costs no more statements
(counted with SQLAlchemy's before_cursor_execute; transactions with its begin event)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from counter_app.services import accounts, billing, payments, requests, settings, shifts
from counter_app.services.documents.contract import contract_data
from counter_app.services.documents.handover import handover_data
from counter_app.services.documents.notice import notice_data
from counter_app.services.documents.receipt import receipt_data
from counter_app.services.documents.register import register_data
from counter_app.services.documents.reminder import reminder_data
from counter_app.services.documents.slip import slip_data
from tests.helpers import account_input, sample_fields
from tests.test_payments import desk, publish  # noqa: F401 - the fixture
from tests.test_print_contract import HALL, residential
from tests.test_print_reports import DAY, a_day_at_the_hall

# the most statements each read may issue; what it reads is fixed, not per row
# (a receipt without a request reads its own tracking code: one more)
MOST = {"slip": 5, "notice": 10, "contract": 9, "receipt": 12, "register": 13, "handover": 7,
        "reminder": 12}


@contextmanager
def counting(core) -> Iterator[dict[str, int]]:
    seen = {"statements": 0, "transactions": 0}

    def statement(*_args) -> None:
        seen["statements"] += 1

    def begin(_connection) -> None:
        seen["transactions"] += 1

    event.listen(core.engine, "before_cursor_execute", statement)
    event.listen(core.engine, "begin", begin)
    try:
        yield seen
    finally:
        event.remove(core.engine, "before_cursor_execute", statement)
        event.remove(core.engine, "begin", begin)


def cost(core, read: Callable[[], object]) -> int:
    """The statements one read issues, checked to run in one transaction."""
    with counting(core) as seen:
        read()
    assert seen["transactions"] == 1, seen
    return seen["statements"]


def test_the_papers_of_a_request_are_read_at_once_however_long_its_history(core, people):
    settings.update(core, people.admin, HALL)
    publish(core, people.admin, "2025-2026", 2250)
    rid = residential(core, people.clerk)
    clerk = people.clerk
    reads = {"slip": lambda: slip_data(core, clerk, rid), "notice": lambda: notice_data(core, clerk, rid),
             "contract": lambda: contract_data(core, clerk, rid)}
    for read in reads.values():
        read()                               # the working-day calendar is loaded once and kept
    before = {name: cost(core, read) for name, read in reads.items()}
    for action in ("accept", "reply_plan", "sign_contract"):
        requests.act(core, clerk, rid, action, note="管网已到楼")
    requests.handover(core, clerk, rid, to_staff_id=people.clerk2.staff_id, note="交接")
    after = {name: cost(core, read) for name, read in reads.items()}
    assert after == before, (before, after)
    assert all(before[name] <= MOST[name] for name in reads), before
    number = requests.get_request(core, rid).number
    assert cost(core, lambda: slip_data(core, clerk, number)) == before["slip"]    # by number alike
    assert contract_data(core, clerk, number).request_no == number


def test_a_receipt_and_its_print_log_are_one_transaction(desk):  # noqa: F811
    core, p = desk.core, desk.people
    paid = payments.take_payment(core, p.clerk, desk.acc, "1000", "cash", tendered="1200")
    original = cost(core, lambda: receipt_data(core, p.clerk, paid.receipt_no, layout="roll"))
    payments.refund(core, p.clerk, paid.entry_id, "100", "客户多交", p.supervisor)
    payments.refund(core, p.clerk, paid.entry_id, "200", "再退一次", p.supervisor)
    copy = cost(core, lambda: receipt_data(core, p.clerk, paid.receipt_no, reprint=True))
    assert original <= MOST["receipt"] and copy <= MOST["receipt"], (original, copy)
    data = receipt_data(core, p.supervisor, paid.receipt_no, layout="preprinted", reprint=True)
    assert data.copy_no == 2 and len(data.refunds) == 2 and data.layout == "preprinted"


def test_the_register_and_the_handover_sheet_cost_the_same_on_a_busier_day(desk):  # noqa: F811
    core, p = desk.core, desk.people
    a_day_at_the_hall(desk)
    register = cost(core, lambda: register_data(core, p.supervisor, DAY))
    handover = cost(core, lambda: handover_data(core, p.clerk, desk.shift.id))      # 3 entries, a void
    for n in range(12):
        paid = payments.take_payment(core, p.clerk2, desk.acc2, str(10 + n), "wechat", prepayment=True)
        if n % 4 == 0:
            payments.refund(core, p.clerk2, paid.entry_id, "5", "多收", p.supervisor)
        elif n == 11:
            payments.void(core, p.clerk2, paid.entry_id, "收错户", p.supervisor)
    kind = core.catalogue.get("change_area")
    for _ in range(3):
        requests.receive(core, p.clerk2, "change_area", account_id=desk.acc2, fields=sample_fields(kind))
    busier = register_data(core, p.supervisor, DAY)
    assert busier.entry_count == 6 + 12 + 3 + 1 and busier.request_count == 2 + 3
    again = cost(core, lambda: register_data(core, p.supervisor, DAY))
    assert again == register <= MOST["register"], (register, again)
    busy = shifts.current_shift(core, p.clerk2)
    shifts.close_shift(core, p.clerk2, {"10000": 2})                       # the 200.00 float
    assert len(handover_data(core, p.clerk2, busy.id).corrections) == 1 + 3 + 1  # the morning's refund too
    again = cost(core, lambda: handover_data(core, p.clerk2, busy.id))
    assert again == handover <= MOST["handover"], (handover, again)


@pytest.fixture
def arrears(core, people, clock):
    """Building 1: 3 accounts, building 2: 30, each owing the 2024-2025 season
    (due 2024-12-31); today is 2025-11-20."""
    settings.update(core, people.admin, HALL)
    clock.set(2024, 10, 8, 9, 0)
    publish(core, people.admin, "2024-2025", 1000)
    for n in range(33):
        accounts.register_account(core, people.clerk, account_input(
            n + 1, building="1" if n < 3 else "2", room=str(101 + n), area="80"))
    clock.set(2024, 11, 1, 9, 0)
    billing.generate_season(core, people.admin, "2024-2025")
    clock.set(2025, 11, 20, 10, 0)
    return people


def test_reminders_for_3_and_for_30_accounts_cost_the_same(core, arrears):
    clerk = arrears.clerk
    three = cost(core, lambda: reminder_data(core, clerk, building="1"))
    thirty = cost(core, lambda: reminder_data(core, clerk, building="2"))
    assert three == thirty <= MOST["reminder"], (three, thirty)
    batch = reminder_data(core, clerk, building="2")
    assert len(batch.notices) == 30
    assert all(n.seasons[0].season == "2024-2025" and n.seasons[0].due_date == dt.date(2024, 12, 31)
               for n in batch.notices)
    assert cost(core, lambda: reminder_data(core, clerk)) == thirty       # all 33 at once alike
