"""Benchmark: import of a large old-system CSV, and first start on an empty folder.

    python bench/import_bench.py [--rows 100000] [--keep]

Every measured run is a separate Python process started by this small parent
(which imports nothing of the application, so a child's peak RSS does not
inherit the parent's); the peak comes from os.wait4, i.e. the figure that
resource.getrusage(RUSAGE_CHILDREN).ru_maxrss gives for that one child.
Goals (issue "Measure"): 100,000 rows <= 30 s, peak memory <= 300 MB and not
growing with the file, first start (create and migrate) <= 2 s.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
HEADER = ["户号", "户主", "身份证号", "联系电话", "小区", "楼号", "单元", "房号", "供热面积",
          "用户类别", "采暖方式", "供热状态", "备注"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉兰志强红梅春燕"
COMMUNITIES = ["幸福家园", "阳光花园", "锦绣华庭", "金水湾", "建业新城", "绿城百合",
               "碧桂园", "正商城", "鑫苑名家", "康桥华城", "郑东花园", "永威翰林"]
PASSWORD = "bench-pass-1"


def resident_id(rng: random.Random) -> str:
    born = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(60 * 365))
    body = f"4101{rng.randrange(1, 30):02d}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True)) % 11]


def make_csv(path: Path, rows: int, seed: int = 2026) -> int:
    """A realistic export: Chinese names and communities, some holders with two
    accounts, and one bad row in every 10,000 (4 kinds).  Returns the bad count."""
    rng, bad, last_id = random.Random(seed), 0, ""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        for n in range(1, rows + 1):
            id_number = last_id if n % 40 == 0 else resident_id(rng)
            last_id = id_number
            name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
            row = [f"41{n:08d}", name, id_number, f"13{rng.randrange(10**9):09d}",
                   rng.choice(COMMUNITIES), str(rng.randrange(1, 30)), str(rng.randrange(1, 6)),
                   f"{rng.randrange(1, 33)}0{rng.randrange(1, 5)}",
                   f"{rng.randrange(45, 180)}.{rng.randrange(100):02d}",
                   rng.choice(("居民",) * 19 + ("非居民",)), rng.choice(("散热器", "散热器", "地暖")),
                   rng.choice(("供热",) * 9 + ("停热",)), ""]
            if n % 10_000 == 5_000:
                kind, bad = (n // 10_000) % 4, bad + 1
                if kind == 0:
                    row[2] = row[2][:17] + ("0" if row[2][17] != "0" else "1")
                elif kind == 1:
                    row[8] = "0"
                elif kind == 2:
                    row[0] = f"41{n - 1:08d}"
                else:
                    row[1] = ""
            out.writerow(row)
    return bad


# -- child processes ----------------------------------------------------------------

def child(mode: str, arg: str, db: str) -> None:
    started = time.perf_counter()
    result: dict = {}
    if mode == "csv":  # plain csv.reader pass
        with open(arg, encoding="utf-8-sig", newline="") as fh:
            result["rows"] = sum(1 for _ in csv.reader(fh)) - 1
    elif mode == "validate":  # the importer's reading and validating, no database
        from counter_app import importer
        from counter_app.services.accounts import AccountInput, validate_account

        with importer._open_rows(Path(arg), None) as (header, rows):
            columns, _ = importer.resolve_columns(header)
            bad = total = 0
            for _, values in rows:
                raw = {k: values[i] for k, i in columns.items() if values[i] or k not in importer.ENUM_FIELDS}
                total += 1
                bad += bool(validate_account(AccountInput(**raw))[1])
        result.update(rows=total, rejected=bad)
    elif mode == "setup":  # a fresh database with its administrator
        from argon2 import PasswordHasher

        from counter_app.core import Core
        from counter_app.db.engine import open_database
        from counter_app.services import staff

        core = Core(open_database(db))
        core.password_hasher = PasswordHasher(memory_cost=1024)  # keep argon2's 64 MB out
        staff.bootstrap_admin(core, "admin", "管理员", PASSWORD)
    elif mode == "import":
        from counter_app.core import Core
        from counter_app.db.engine import make_engine
        from counter_app.importer import import_accounts
        from counter_app.services import staff

        core = Core(make_engine(db))
        actor = staff.login(core, "admin", PASSWORD)
        started = time.perf_counter()
        report = import_accounts(core, actor, Path(arg))
        result.update(rows=report.total, imported=report.imported, rejected=report.rejected,
                      summary=report.summary())
    elif mode == "open":  # first start: create and migrate
        t0 = time.perf_counter()
        from counter_app.db.engine import open_database

        t1 = time.perf_counter()
        open_database(db)
        result.update(import_s=t1 - t0, open_s=time.perf_counter() - t1)
    result["seconds"] = time.perf_counter() - started
    print(json.dumps(result, ensure_ascii=False))


def measure(*argv: str) -> dict:
    """Run a child process; its wall time, peak RSS (MB) and printed result."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode:
        sys.exit(f"child {argv[2:]} failed ({proc.returncode}):\n{err.decode()}")
    lines = out.decode().strip().splitlines()
    result = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            **result}


def me(mode: str, arg: str = "", db: str = "") -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--arg", arg, "--db", db]


def fresh_db(folder: Path) -> str:
    url = f"sqlite:///{folder / 'counter.db'}"
    measure(*me("setup", "", url))
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--arg", default="", help=argparse.SUPPRESS)
    parser.add_argument("--db", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.arg, args.db)

    work = Path(tempfile.mkdtemp(prefix="import-bench-"))
    full, half = work / "full.csv", work / "half.csv"
    bad = make_csv(full, args.rows)
    make_csv(half, args.rows // 2)
    print(f"{args.rows:,} rows ({bad} bad), {full.stat().st_size / 2**20:.1f} MB; "
          f"{args.rows // 2:,} rows; in {work}")

    table = []
    r = measure(*me("csv", str(full)))
    table.append(("baseline: csv.reader pass", r))
    r = measure(*me("validate", str(full)))
    table.append(("baseline: read + validate, no DB", r))
    for label, src, name in (("import (SQLite)", full, "a"), ("import, half the rows", half, "b")):
        (work / name).mkdir()
        r = measure(*me("import", str(src), fresh_db(work / name)))
        table.append((label, r))
    print()
    print(f"{'run':34} {'rows':>8} {'seconds':>8} {'rows/s':>8} {'wall s':>7} {'cpu s':>6} {'peak MB':>8}")
    for label, r in table:
        rate = r["rows"] / r["seconds"] if r.get("seconds") else 0
        print(f"{label:34} {r['rows']:>8,} {r['seconds']:>8.2f} {rate:>8,.0f} {r['wall']:>7.2f} "
              f"{r['cpu']:>6.2f} {r['rss_mb']:>8.1f}")
    print("  (seconds: the import call itself; wall: the whole process; cpu: user+sys of the process)")
    for label, r in table[2:]:
        print(f"  {label}: {r['summary']}")

    print()
    starts = [measure(sys.executable, "-c", "import sqlalchemy") for _ in range(3)]
    opens = []
    for i in range(3):
        folder = work / f"empty{i}"  # a folder that does not exist yet
        opens.append(measure(*me("open", "", f"sqlite:///{folder / 'counter.db'}")))
    base = min(s["wall"] for s in starts)
    best = min(opens, key=lambda o: o["wall"])
    print(f"{'first start on an empty folder':36} {'wall s':>7} {'peak MB':>8}")
    bare = 'python -c "import sqlalchemy"'
    print(f"{bare:36} {base:>7.2f} {starts[0]['rss_mb']:>8.1f}")
    print(f"{'open_database (process, best of 3)':36} {best['wall']:>7.2f} {best['rss_mb']:>8.1f}")
    print(f"  in process: imports {best['import_s']:.2f} s, open_database() {best['open_s']:.2f} s")

    big, small = table[2][1], table[3][1]
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print()
    print("goals:")
    print(f"  {args.rows:,} rows <= 30 s         {big['seconds']:6.2f} s   "
          f"{'OK' if big['seconds'] <= 30 else 'MISSED'}")
    print(f"  peak memory <= 300 MB         {big['rss_mb']:6.1f} MB  "
          f"{'OK' if big['rss_mb'] <= 300 else 'MISSED'} (half the rows: {small['rss_mb']:.1f} MB; "
          f"max over all children {peak:.1f} MB)")
    print(f"  first start <= 2 s            {best['wall']:6.2f} s   "
          f"{'OK' if best['wall'] <= 2 else 'MISSED'}")
    if not args.keep:
        import shutil

        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
