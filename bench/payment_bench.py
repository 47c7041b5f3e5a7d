"""Payment commit latency on SQLite and PostgreSQL, against a bare insert+commit.

    python bench/payment_bench.py [--payments 500] [--accounts 200] [--pg URL | --no-pg]

For each database: a fresh migrated database with a published fee schedule,
``--accounts`` accounts billed by billing (2,000.00 each) and a clerk's open
shift; then, in the same run and on the same engine:

- baseline: ``INSERT`` of one row into a one-column table and ``COMMIT``;
- ``payments.take_payment`` end to end (validation, ledger lock, shift, account
  lock, billing statement and allocation, receipt number, hash-chained entry,
  audit record, the receipt view, commit): partial cash payments cycling over
  the accounts, so each account accumulates payments as in a season;
- ``ledger.verify`` over all the entries written.

PostgreSQL comes from ``--pg`` or COUNTER_APP_TEST_PG (a throwaway database is
created on that server and dropped afterwards).  The server's fsync and
synchronous_commit settings are printed: scripts/pg-throwaway.sh runs with
fsync=off, which makes every commit cheaper than on a production server.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher
from sqlalchemy import Column, Integer, MetaData, Table, insert, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from counter_app import ledger
from counter_app.core import Actor, Core
from counter_app.db.engine import make_engine, upgrade
from counter_app.domain.enums import HeatingForm, Role, UserClass
from counter_app.services import accounts, billing, fees, payments, shifts, staff
from counter_app.services.accounts import AccountInput

import throwaway_pg  # bench/, beside this script

HALL_TIME = dt.datetime(2025, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
BASELINE = Table("bench_baseline", MetaData(), Column("id", Integer, primary_key=True),
                 Column("v", Integer))


def percentiles(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"p50 {statistics.median(ms):7.2f} ms   p95 {p95:7.2f} ms   max {ms[-1]:7.2f} ms"


def setup(core: Core, n_accounts: int) -> tuple[Actor, list[int]]:
    admin = staff.bootstrap_admin(core, "admin", "管理员", "admin-pass")
    clerk = staff.add_staff(core, admin, "li", "李营业员", Role.CLERK, "clerk-pass")
    fees.create_schedule(core, admin, season="2025-2026", decree_no="价格〔2025〕1号",
                         effective_date="2025-10-01", season_start="2025-11-15",
                         season_end="2026-03-15", due_date="2025-12-31", basic_fee_bp=3000,
                         late_fee_ppm_per_day=3000,
                         prices={(c, f): 2000 for c in UserClass for f in HeatingForm})
    ids = []
    for i in range(n_accounts):
        ids.append(accounts.register_account(core, clerk, AccountInput(
            account_no=f"2001{i:05d}", holder_name="张伟", community="幸福小区", building="3",
            unit="2", room=str(100 + i), area="100")))
    billing.generate_season(core, admin, "2025-2026")
    shifts.open_shift(core, clerk, "500")
    return clerk, ids


def run(label: str, url: str, n_payments: int, n_accounts: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    core = Core(engine, clock=lambda: HALL_TIME)
    core.password_hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    clerk, ids = setup(core, n_accounts)
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            settings = {k: conn.execute(text(f"SHOW {k}")).scalar()
                        for k in ("fsync", "synchronous_commit")}
        else:
            settings = {"journal_mode": conn.exec_driver_sql("PRAGMA journal_mode").scalar(),
                        "synchronous": conn.exec_driver_sql("PRAGMA synchronous").scalar()}
    BASELINE.create(engine)

    baseline = []
    for i in range(n_payments):
        start = time.perf_counter()
        with engine.begin() as conn:
            conn.execute(insert(BASELINE).values(v=i))
        baseline.append(time.perf_counter() - start)

    taken = []
    for i in range(n_payments):
        start = time.perf_counter()
        payments.take_payment(core, clerk, ids[i % len(ids)], 1000 + i % 100, "cash",
                              tendered="100")
        taken.append(time.perf_counter() - start)

    start = time.perf_counter()
    report = ledger.verify(core)
    verify_s = time.perf_counter() - start
    assert report.ok and report.count == n_payments, report.message

    print(f"\n{label}  ({', '.join(f'{k}={v}' for k, v in settings.items())})")
    print(f"  baseline insert+commit   n={n_payments:5d}  {percentiles(baseline)}")
    print(f"  take_payment             n={n_payments:5d}  {percentiles(taken)}")
    print(f"  ratio p50 payment/baseline: {statistics.median(taken) / statistics.median(baseline):.1f}x")
    print(f"  ledger.verify of {report.count} entries: {verify_s * 1000:.1f} ms")
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--payments", type=int, default=500)
    parser.add_argument("--accounts", type=int, default=200)
    throwaway_pg.add_arguments(parser)
    args = parser.parse_args()
    print(f"payment commit latency: {args.payments} payments over {args.accounts} accounts")
    with tempfile.TemporaryDirectory(prefix="payment-bench-") as tmp:
        run("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}", args.payments, args.accounts)
    if throwaway_pg.wanted(args):
        with throwaway_pg.database(args.pg, "payment_bench") as url:
            run("PostgreSQL", url, args.payments, args.accounts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
