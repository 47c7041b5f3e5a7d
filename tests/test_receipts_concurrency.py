"""Receipt numbers under real concurrency and crashes: separate processes on the
same database (PostgreSQL: 2 x 1,000 payments; SQLite: a smaller run of the same).

- two processes issue receipts at the same time: no duplicate, no gap, the
  chain verifies;
- a process killed (SIGKILL) inside a payment's transaction, after its receipt
  number and ledger entry were written but before the commit, while another
  process waits for the ledger lock: no half record, no gap, the other process
  carries on, and after a restart the next number follows on;
- a process killed at an arbitrary moment in a loop of payments: the same.

The worker is ``python -c "...main(argv)"`` on this module.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parent.parent
HALL_TIME = dt.datetime(2025, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))  # the clock fixture's
PER_PROCESS = {"postgresql": 1000, "sqlite": 200}
CRASH_AT = 30


# -- the worker process ----------------------------------------------------------

def main(argv: list[str]) -> int:
    """argv: url clerk_id account_ids(comma-separated) count [kill_at]; prints
    'ready', waits for a line on stdin, then pays on the accounts in turn and
    prints 'committed N' after each commit."""
    from counter_app import ledger
    from counter_app.catalogue import load_catalogue
    from counter_app.core import Core
    from counter_app.db.engine import make_engine
    from counter_app.services import payments, staff

    url, clerk_id, count = argv[0], int(argv[1]), int(argv[3])
    account_ids = [int(a) for a in argv[2].split(",")]
    kill_at = int(argv[4]) if len(argv) > 4 else 0
    core = Core(make_engine(url), catalogue=load_catalogue(), clock=lambda: HALL_TIME)
    clerk = staff.get_staff(core, clerk_id)
    if kill_at:
        seal, calls = ledger.seal, [0]

        def dying_seal(session, entry, position):
            sealed = seal(session, entry, position)
            calls[0] += 1
            if calls[0] == kill_at:  # number and entry written, not committed: die now
                os.kill(os.getpid(), signal.SIGKILL)
            return sealed
        ledger.seal = dying_seal
    print("ready", flush=True)
    sys.stdin.readline()
    methods = ("cash", "card", "wechat", "alipay", "transfer")
    for i in range(count):
        payments.take_payment(core, clerk, account_ids[i % len(account_ids)], 100 + i % 50,
                              methods[i % 5], prepayment=True)
        print(f"committed {i + 1}", flush=True)
    return 0


def start(url: str, clerk_id: int, account_ids: list[int], count: int,
          kill_at: int = 0) -> subprocess.Popen:
    code = "import sys; from tests.test_receipts_concurrency import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, url, str(clerk_id), ",".join(map(str, account_ids)), str(count),
         str(kill_at)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    line = proc.stdout.readline()
    assert line.strip() == "ready", proc.stderr.read()
    return proc


def go(*procs: subprocess.Popen) -> None:
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()


def finish(proc: subprocess.Popen, timeout: float = 600) -> tuple[int, str]:
    _, err = proc.communicate(timeout=timeout)
    return proc.returncode, err


# -- the checks ------------------------------------------------------------------

def assert_whole(core, expected: int) -> None:
    """Exactly ``expected`` payments: receipts and positions 1..expected, every
    entry with its audit record, counters at ``expected``, the chain intact."""
    from counter_app import ledger
    from counter_app.db.models import AuditRecord, Counter
    from counter_app.db.money import LedgerEntry

    with core.reading() as session:
        numbers = list(session.scalars(select(LedgerEntry.receipt_no).order_by(LedgerEntry.receipt_no)))
        positions = list(session.scalars(select(LedgerEntry.position).order_by(LedgerEntry.position)))
        audited = session.scalar(select(func.count()).where(AuditRecord.action == "payment"))
        count = dict(session.execute(select(Counter.name, Counter.value)).all())
    assert numbers == [f"2025-{i:06d}" for i in range(1, expected + 1)]
    assert positions == list(range(1, expected + 1))
    assert audited == expected
    assert (count.get("ledger", 0), count.get("receipt-2025", 0)) == (expected, expected)
    report = ledger.verify(core)
    assert (report.ok, report.count) == (True, expected), report.message


@pytest.fixture
def two_desks(core, people, engine):
    from counter_app.services import accounts, shifts
    from tests.helpers import account_input

    d = type("TwoDesks", (), {})()
    d.url = engine.url.render_as_string(hide_password=False)
    d.n = PER_PROCESS[engine.dialect.name]
    ids = [accounts.register_account(core, people.clerk, account_input(i)) for i in range(1, 21)]
    d.accounts = [ids[:10], ids[10:]]          # each counter serves its own queue of accounts
    d.clerks = [people.clerk, people.clerk2]
    for clerk in d.clerks:
        shifts.open_shift(core, clerk, "0")
    return d


def test_two_processes_issue_receipts_without_duplicate_or_gap(core, two_desks):
    d = two_desks
    procs = [start(d.url, clerk.staff_id, acc, d.n) for clerk, acc in zip(d.clerks, d.accounts, strict=True)]
    go(*procs)
    results = [finish(p) for p in procs]
    assert [rc for rc, _ in results] == [0, 0], [err[-2000:] for _, err in results]
    assert_whole(core, 2 * d.n)


def test_a_process_killed_inside_a_payment_leaves_no_half_record_and_no_gap(core, people, two_desks):
    from counter_app.services import payments

    d = two_desks
    dying = start(d.url, d.clerks[0].staff_id, d.accounts[0], CRASH_AT + 10, kill_at=CRASH_AT)
    other = start(d.url, d.clerks[1].staff_id, d.accounts[1], 50)
    go(dying, other)
    dead, err = finish(dying)
    assert dead == -signal.SIGKILL, err[-2000:]
    rc, err = finish(other)
    assert rc == 0, err[-2000:]              # the lock the dead process held was released
    assert_whole(core, CRASH_AT - 1 + 50)
    # restart: the next payment takes the next number
    view = payments.take_payment(core, people.clerk, d.accounts[0][0], "1", "cash", prepayment=True)
    assert view.receipt_no == f"2025-{CRASH_AT + 50:06d}"
    assert_whole(core, CRASH_AT + 50)


def test_a_process_killed_at_any_moment_leaves_no_half_record_and_no_gap(core, people, two_desks):
    from counter_app.services import payments

    d = two_desks
    proc = start(d.url, d.clerks[0].staff_id, d.accounts[0], 100_000)
    go(proc)
    for line in proc.stdout:                  # let it commit 50, then pull the plug
        if line.strip() == "committed 50":
            break
    proc.send_signal(signal.SIGKILL)
    rc, _ = finish(proc)
    assert rc == -signal.SIGKILL
    from counter_app.db.money import LedgerEntry

    with core.reading() as session:
        done = session.scalar(select(func.count(LedgerEntry.id)))
    assert done >= 50
    assert_whole(core, done)
    view = payments.take_payment(core, people.clerk, d.accounts[0][0], "1", "cash", prepayment=True)
    assert view.receipt_no == f"2025-{done + 1:06d}"
    assert_whole(core, done + 1)
