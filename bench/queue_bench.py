"""SQL statements and time of the counter's list reads at 500 rows, against a
plain SELECT of the same rows in the same run.

    python bench/queue_bench.py [--requests 500] [--runs 7] [--pg URL | --no-pg]

For each database (SQLite in a temporary folder; PostgreSQL from ``--pg`` or
COUNTER_APP_TEST_PG, a throwaway database dropped afterwards) the bench fills a
fresh migrated database through the services, as the counter does:

- ``--requests`` open requests by three clerks: residential applications
  accepted six weeks ago (overdue, some with a late reason explained), stops
  waiting for the supervisor's approval (half of them overdue too), applications
  waiting for documents after a one-time notice, and new ones handed over to a
  colleague - each with its documents checklist and one to three events;
- a past-due season's bills for every account (the arrears list), pending
  reductions, one account with many payments (some voided or refunded) and
  feedback entries.

Then it reads, ``--runs`` times each, counting the statements sent to the
database (a ``before_cursor_execute`` listener) and taking the median time:

  requests.open_requests(overdue_only / approvals_only / account_id)
      baseline: one plain SELECT of the same service_request rows
  SupervisorQueue opened offscreen (both request lists and the reductions tab)
      baseline: the same plain SELECTs filled into a bare QTableWidget
  billing.arrears_list, billing.pending_reductions, payments.account_payments,
  feedback.listing
      baseline: one plain SELECT of the rows each list starts from

A list whose statements grow with its rows shows it as statements >> 1 at 500 rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher
from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from stdnum.cn import ric

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from counter_app.core import Actor, Core
from counter_app.db.engine import make_engine, upgrade
from counter_app.db.models import Account, Feedback, ServiceRequest
from counter_app.db.money import Bill, LedgerEntry, Reduction
from counter_app.domain.enums import Channel, FeedbackKind, HeatingForm, RequestStatus, Role, UserClass
from counter_app.services import accounts, billing, feedback, fees, payments, requests, shifts, staff
from counter_app.services.accounts import AccountInput
from counter_app.services.requests import DocumentInput

import throwaway_pg  # bench/, beside this script

HALL = ZoneInfo("Asia/Shanghai")
EARLY = dt.datetime(2025, 10, 9, 10, 0, tzinfo=HALL)    # after the National Day holiday
NOW = dt.datetime(2025, 11, 20, 10, 0, tzinfo=HALL)     # the day the lists are read
SEEN = DocumentInput(received=True, original_seen=True, copies=1)
CLOSED = [s for s in RequestStatus if s.is_closed]
NONE_BALLAST: list[None] = []


class Clock:
    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


class Statements:
    """Counts what the engine sends to the database while ``active``."""

    def __init__(self, engine: Engine) -> None:
        self.count, self.active = 0, False
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args: object) -> None:
        if self.active:
            self.count += 1

    @contextmanager
    def counting(self) -> Iterator[None]:
        self.count, self.active = 0, True
        try:
            yield
        finally:
            self.active = False


def account(i: int, **kw: str) -> AccountInput:
    body = f"110105{19600101 + i // 1000 * 10000 + i % 28:08d}{i % 1000:03d}"
    return AccountInput(account_no=f"3001{i:05d}", holder_name=f"张{i}", phone=f"1391234{i % 10000:04d}",
                        id_number=body + ric.calc_check_digit(body + "0"),
                        community=f"幸福{i % 4}小区", building=str(1 + i % 9), unit="2",
                        room=str(100 + i), area="88.50", **kw)


def fill(core: Core, clock: Clock, n: int) -> dict[str, object]:
    """The requests, bills, reductions, payments and feedback described above."""
    clock.moment = EARLY
    admin = staff.bootstrap_admin(core, "admin", "管理员", "admin-pass")
    boss = staff.add_staff(core, admin, "zhang", "张值班长", Role.SUPERVISOR, "super-pass")
    clerks = [staff.add_staff(core, admin, f"c{i}", f"营业员{i}", Role.CLERK, "clerk-pass") for i in range(3)]
    app_docs = {"owner_id_card": SEEN, "property_certificate": SEEN}
    stop_docs = {"owner_id_card": SEEN, "property_certificate": SEEN, "last_season_receipt": SEEN}
    stop_fields = {"reason": "房屋空置", "season": "2025-2026", "phone": "13912345678"}
    late_stops, later = [], []
    for i in range(n):
        clerk = clerks[i % 3]
        group = i % 10
        if group < 4:       # accepted six weeks ago: overdue
            rid = requests.receive(core, clerk, "application_residential", documents=app_docs,
                                   new_account=account(i, heating_state="not_connected"))
            requests.act(core, clerk, rid, "accept")
            if i % 3 == 0:
                later.append(("explain", rid, clerk))
        elif group < 7:     # stops: all received now, half accepted now (overdue later)
            acc = accounts.register_account(core, clerk, account(i))
            rid = requests.receive(core, clerk, "stop", account_id=acc, documents=stop_docs,
                                   fields=stop_fields)
            if group < 5 or i % 2:
                requests.act(core, clerk, rid, "accept")
            else:
                late_stops.append((rid, clerk))
        elif group < 9:     # a one-time notice: waiting for documents, no deadline
            rid = requests.receive(core, clerk, "application_residential",
                                   documents={"owner_id_card": SEEN},
                                   new_account=account(i, heating_state="not_connected"))
            requests.act(core, clerk, rid, "await_documents")
        else:               # registered later, handed over to a colleague
            later.append(("new", i, clerk))

    # a season billed with its due date past: every heated account owes
    fees.create_schedule(core, admin, season="2025-2026", decree_no="价格〔2025〕1号",
                         effective_date="2025-10-01", season_start="2025-10-15",
                         season_end="2026-03-15", due_date="2025-10-31", basic_fee_bp=3000,
                         late_fee_ppm_per_day=3000,
                         prices={(c, f): 2000 for c in UserClass for f in HeatingForm})
    billing.generate_season(core, admin, "2025-2026")

    clock.moment = NOW - dt.timedelta(days=2)
    for rid, clerk in late_stops:
        requests.act(core, clerk, rid, "accept")
    for what, ref, clerk in later:
        if what == "explain":
            requests.explain_delay(core, clerk, ref, "勘察人员外出抢修")
        else:
            rid = requests.receive(core, clerk, "application_residential", documents=app_docs,
                                   new_account=account(ref, heating_state="not_connected"))
            colleague = clerks[(clerks.index(clerk) + 1) % 3]
            requests.handover(core, clerk, rid, to_staff_id=colleague.staff_id, note="客户改约下午办理")

    with core.reading() as session:
        owing = list(session.scalars(select(Bill.account_id).order_by(Bill.id).limit(40)))
    for i, acc in enumerate(owing[:min(20, len(owing) // 2)]):
        billing.request_reduction(core, clerks[i % 3], acc, "2025-2026", "low_income",
                                  "低保户", f"低保证{i:04d}号", percent_bp=5000)

    clock.moment = NOW
    payer = owing[-1]
    shifts.open_shift(core, clerks[0], "500")
    shifts.open_shift(core, clerks[1], "500")
    taken = [payments.take_payment(core, clerks[0], payer, 1000 + i, "cash") for i in range(60)]
    for p in taken[:3]:
        payments.void(core, clerks[1], p.entry_id, "金额录错", boss)
    for p in taken[3:6]:
        payments.refund(core, clerks[1], p.entry_id, "5", "多收退回", boss)
    for i in range(n):
        kind = (FeedbackKind.COMPLAINT, FeedbackKind.REPORT, FeedbackKind.SUGGESTION)[i % 3]
        feedback.log(core, clerks[i % 3], feedback.FeedbackInput(
            kind, Channel.COUNTER, f"第{i}条意见：暖气不热", customer_name=f"李{i}",
            contact="13912345678", department="客服部"))
    with core.reading() as session:
        busiest = session.scalar(select(ServiceRequest.account_id).where(
            ServiceRequest.status.not_in(CLOSED), ServiceRequest.account_id.is_not(None))
            .order_by(ServiceRequest.id).limit(1))
    return {"boss": boss, "payer": payer, "account": busiest}


# -- the plain reads the lists are measured against ------------------------------------

def plain_requests(core: Core, **where: object) -> Callable[[], list]:
    table = ServiceRequest.__table__

    def read() -> list:
        stmt = select(table).where(table.c.status.not_in(CLOSED))
        if where.get("overdue_only"):
            stmt = stmt.where(table.c.deadline < core.today())
        if where.get("approvals_only"):
            stmt = stmt.where(table.c.pending_approval.is_(True))
        if where.get("account_id") is not None:
            stmt = stmt.where(table.c.account_id == where["account_id"])
        stmt = stmt.order_by(table.c.deadline.is_(None), table.c.deadline, table.c.id).limit(500)
        with core.reading() as session:
            return session.execute(stmt).all()
    return read


def plain(core: Core, stmt) -> Callable[[], list]:  # noqa: ANN001
    def read() -> list:
        with core.reading() as session:
            return session.execute(stmt).all()
    return read


def measure(statements: Statements, fn: Callable[[], object], runs: int) -> tuple[int, float, object]:
    """(statements of one call, median seconds, the last result); one warm-up call first."""
    fn()
    times, result = [], None
    for _ in range(runs):
        with statements.counting():
            start = time.perf_counter()
            result = fn()
            times.append(time.perf_counter() - start)
    return statements.count, statistics.median(times), result


def line(label: str, rows: int, measured: tuple[int, float, object], base: tuple[int, float, object]) -> None:
    n, seconds, _ = measured
    bn, bseconds, _ = base
    print(f"  {label:<44} rows {rows:4d}  statements {n:5d} (plain {bn})  "
          f"{seconds * 1000:8.1f} ms (plain {bseconds * 1000:6.2f} ms, {seconds / bseconds:6.1f}x)")


def queue_widget(core: Core, boss: Actor, statements: Statements, runs: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTableWidget

    from ui.requests.queue import SupervisorQueue
    from ui.widgets import fill_table

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # PySide6 6.12 on Python 3.11 (where None is an ordinary object) drops a reference
    # to None on every QTableWidget.setItem and QTableWidgetItem.setData; the ~40,000
    # None has are gone after a dozen openings of a 500-row queue, and the interpreter
    # aborts ("deallocating None").  A million references more carry the bench through.
    NONE_BALLAST.extend([None] * 1_000_000)

    def open_queue() -> int:
        window = SupervisorQueue(core, boss, lambda _request_id: None)
        window.show()
        app.processEvents()
        rows = sum(t.rowCount() for t in (window.approvals, window.overdue, window.reductions.table))
        window.close()
        window.deleteLater()
        app.processEvents()
        return rows

    reads = [plain_requests(core, approvals_only=True), plain_requests(core, overdue_only=True),
             plain(core, select(Reduction.__table__).where(Reduction.approved.is_(None)))]

    def bare_tables() -> int:
        rows = 0
        for read in reads:
            table = QTableWidget(0, 7)
            found = read()
            fill_table(table, (list(r)[:7] for r in found), (r.id for r in found))
            table.show()
            app.processEvents()
            rows += table.rowCount()
            table.deleteLater()
        app.processEvents()
        return rows

    base = measure(statements, bare_tables, runs)
    got = measure(statements, open_queue, runs)
    line("SupervisorQueue opened (3 tables)", int(got[2]), got, base)


def run(label: str, url: str, n: int, runs: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    clock = Clock(EARLY)
    core = Core(engine, clock=clock)
    core.password_hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    start = time.perf_counter()
    made = fill(core, clock, n)
    print(f"\n{label}: filled in {time.perf_counter() - start:.1f} s")
    statements = Statements(engine)
    boss, payer, acc = made["boss"], made["payer"], made["account"]

    for title, kwargs in (("open_requests(overdue_only=True)", {"overdue_only": True}),
                          ("open_requests(approvals_only=True)", {"approvals_only": True}),
                          ("open_requests(account_id=...)", {"account_id": acc})):
        base = measure(statements, plain_requests(core, **kwargs), runs)
        got = measure(statements, lambda kw=kwargs: requests.open_requests(core, **kw), runs)
        line(title, len(got[2]), got, base)
    queue_widget(core, boss, statements, runs)

    owing = select(Bill.__table__).where(Bill.superseded_by_id.is_(None))
    base = measure(statements, plain(core, owing), runs)
    got = measure(statements, lambda: billing.arrears_list(core), runs)
    line("billing.arrears_list()", len(got[2]), got, base)
    pending = select(Reduction.__table__).where(Reduction.approved.is_(None))
    base = measure(statements, plain(core, pending), runs)
    got = measure(statements, lambda: billing.pending_reductions(core), runs)
    line("billing.pending_reductions()", len(got[2]), got, base)
    base = measure(statements, plain(core, select(LedgerEntry.__table__).where(
        LedgerEntry.account_id == payer, LedgerEntry.entry_type == "payment")), runs)
    got = measure(statements, lambda: payments.account_payments(core, payer), runs)
    line("payments.account_payments(account)", len(got[2]), got, base)
    base = measure(statements, plain(core, select(Feedback.__table__).where(
        Feedback.superseded.is_(False)).order_by(Feedback.id.desc()).limit(500)), runs)
    got = measure(statements, lambda: feedback.listing(core), runs)
    line("feedback.listing()", len(got[2]), got, base)
    with core.reading() as session:
        print(f"  ({session.query(Account).count()} accounts)")
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    throwaway_pg.add_arguments(parser)
    args = parser.parse_args()
    print(f"list reads: {args.requests} open requests, median of {args.runs} runs, "
          "statements per call (a warm-up call first)")
    with tempfile.TemporaryDirectory(prefix="queue-bench-") as tmp:
        run("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}", args.requests, args.runs)
    if throwaway_pg.wanted(args):
        with throwaway_pg.database(args.pg, "queue_bench") as url:
            run("PostgreSQL", url, args.requests, args.runs)
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        # Qt torn down before the interpreter: left to the garbage collector at exit,
        # the deleted windows' wrappers sometimes crash it
        QApplication.instance().shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
