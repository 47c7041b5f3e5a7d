"""Batch settlement (建立年度收费) of 100,000 accounts for one season, on SQLite.

    python bench/settlement_bench.py [--accounts 100000] [--chunk 1000] [--keep]

Builds a temporary database through the real migration, then bulk-inserts the
accounts (about 6 % stopped, 4 % not connected, 3 % stopped mid-season and 2 %
with a mid-season area change, each change with the audit record the business
would have written) and publishes one schedule through the fee service.

Measured in the same run:
- baseline: the pure settlement (``domain.settlement``) over the same inputs, no database;
- first run of ``billing.generate_season``: every bill created;
- a rerun with nothing new: every bill compared and kept;
- a rerun after a new schedule version: every bill regenerated (superseded).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from counter_app.core import Core
from counter_app.db.engine import open_database
from counter_app.domain import settlement as st
from counter_app.domain.enums import HeatingForm, HeatingState, UserClass
from counter_app.services import billing, fees, staff

SEASON = "2025-2026"
STAMP = "2025-10-01 02:00:00.000000"
NOW = dt.datetime(2025, 10, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
PRICES = {(UserClass.RESIDENTIAL, HeatingForm.RADIATOR): 2250,
          (UserClass.RESIDENTIAL, HeatingForm.FLOOR): 3000,
          (UserClass.NON_RESIDENTIAL, HeatingForm.RADIATOR): 3390,
          (UserClass.NON_RESIDENTIAL, HeatingForm.FLOOR): 3600}


def publish(core: Core, admin, price_step: int = 0) -> int:  # noqa: ANN001
    return fees.create_schedule(
        core, admin, season=SEASON, decree_no="价格〔2025〕12号", effective_date=dt.date(2025, 10, 1),
        season_start=dt.date(2025, 11, 15), season_end=dt.date(2026, 3, 15),
        due_date=dt.date(2025, 12, 31), basic_fee_bp=3000, late_fee_ppm_per_day=3000,
        prices={k: v + price_step for k, v in PRICES.items()}, early_discount_bp=500,
        early_discount_until=dt.date(2025, 11, 30))


def build(path: Path, n: int, rng: random.Random, admin_id: int) -> list[tuple]:
    """Bulk inserts; returns the plain inputs for the baseline."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    customers, accounts, changes, trail, inputs = [], [], [], [], []
    for i in range(1, n + 1):
        r = rng.random()
        state = "stopped" if r < 0.06 else "not_connected" if r < 0.10 else "heating"
        user_class = "non_residential" if rng.random() < 0.15 else "residential"
        form = "floor" if rng.random() < 0.2 else "radiator"
        area = rng.randint(4000, 18000) if user_class == "residential" else rng.randint(10000, 200000)
        customers.append((i, "person", f"户主{i}", None, f"139{i:08d}", None, STAMP, STAMP))
        accounts.append((i, f"31{i:08d}", i, f"小区{i % 200}", str(i % 40), "1", str(i % 3000),
                         "", area, user_class, form, state, STAMP, STAMP, "", ""))
        history, before = [], {}
        if state == "heating" and rng.random() < 0.03:      # stopped mid-season
            day = dt.date(2025, 11, 15) + dt.timedelta(rng.randint(10, 110))
            history.append(st.Change(day, HeatingState.STOPPED))
            before = {"heating_state": "heating"}
            changes.append((i, day.isoformat(), "stopped", None))
            state = "stopped"
        elif state == "heating" and rng.random() < 0.02:    # area corrected mid-season
            day = dt.date(2025, 11, 15) + dt.timedelta(rng.randint(10, 110))
            new_area = area + rng.randint(-500, 500)
            history.append(st.Change(day, area_x100=new_area))
            before = {"area_x100": area}
            changes.append((i, day.isoformat(), None, new_area))
            accounts[-1] = (*accounts[-1][:8], new_area, *accounts[-1][9:])
            area = new_area
        if before:
            trail.append((STAMP, admin_id, "effect:bench", "account", str(i), json.dumps(before),
                          json.dumps({k: "new" for k in before})))
        inputs.append((HeatingState(state), area, history, before,
                       PRICES[(UserClass(user_class), HeatingForm(form))]))
    with conn:
        conn.executemany("INSERT INTO customer VALUES (?,?,?,?,?,?,?,?)", customers)
        conn.executemany(
            "INSERT INTO account (id, account_no, customer_id, community, building, unit, room,"
            " address_text, area_x100, user_class, heating_form, heating_state, created_at,"
            " updated_at, search_text, search_grams) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", accounts)
        conn.executemany("INSERT INTO account_change (account_id, effective_date, heating_state,"
                         " area_x100, created_at) VALUES (?,?,?,?,'" + STAMP + "')", changes)
        conn.executemany("INSERT INTO audit_log (at, staff_id, action, entity, entity_id, before, after)"
                         " VALUES (?,?,?,?,?,?,?)", trail)
    conn.execute("ANALYZE")
    conn.close()
    return inputs


def baseline(inputs: list[tuple], terms: st.Terms) -> tuple[float, int]:
    started, total = time.perf_counter(), 0
    for state, area, history, prior, price in inputs:
        segs = st.history_segments(terms, state, area, history, prior)
        total += st.total(st.bill_lines(segs, price, terms, basis={"schedule_id": 1}))
    return time.perf_counter() - started, total


def timed_run(label: str, core: Core, admin, chunk: int, n: int, base: float) -> billing.SeasonRun:  # noqa: ANN001
    started = time.perf_counter()
    run = billing.generate_season(core, admin, SEASON, chunk=chunk)
    seconds = time.perf_counter() - started
    print(f"{label:<44}{seconds:>9.2f}{n / seconds:>12,.0f}{seconds / base:>10.1f}x   "
          f"created {run.created}, regenerated {run.regenerated}, unchanged {run.unchanged}, "
          f"no charge {run.no_charge}")
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=billing.CHUNK)
    parser.add_argument("--seed", type=int, default=20251120)
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="settlement-bench-"))
    path = folder / "bench.db"
    core = Core(open_database(f"sqlite:///{path}"), clock=lambda: NOW)
    core.password_hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    admin = staff.bootstrap_admin(core, "admin", "管理员", "bench-pass")
    publish(core, admin)
    started = time.perf_counter()
    inputs = build(path, args.accounts, random.Random(args.seed), admin.staff_id)
    print(f"built {args.accounts} accounts in {time.perf_counter() - started:.1f} s ({path})")
    terms = fees.terms(fees.get_schedule(core, SEASON))

    base, expected = baseline(inputs, terms)
    print(f"\n{args.accounts} accounts, SQLite {sqlite3.sqlite_version}, chunk {args.chunk}")
    print(f"{'run':<44}{'seconds':>9}{'accounts/s':>12}{'vs base':>11}")
    print("-" * 100)
    print(f"{'baseline: pure settlement, no database':<44}{base:>9.2f}{args.accounts / base:>12,.0f}"
          f"{1:>10.1f}x")
    first = timed_run("generate_season: first run (all created)", core, admin, args.chunk,
                      args.accounts, base)
    assert first.total_fen == expected, (first.total_fen, expected)   # same arithmetic, same fen
    timed_run("rerun, nothing new (all compared, kept)", core, admin, args.chunk, args.accounts, base)
    publish(core, admin, price_step=50)
    timed_run("rerun after a new version (all superseded)", core, admin, args.chunk,
              args.accounts, base)
    print(f"\nbilled {first.total_fen / 100:,.2f} 元 in the first run (equal to the baseline's total)")
    core.engine.dispose()
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
