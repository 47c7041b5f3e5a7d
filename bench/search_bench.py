"""Account search at scale on SQLite: indexed paths against a plain LIKE scan.

    python bench/search_bench.py [--accounts 500000] [--db PATH] [--queries 200]

Builds (or reuses, when --db names a populated file) a database of realistic
accounts through the real migration, then times ``counter_app.search.find_accounts``
per kind of term (p50 / p95 / max over --queries queries each) and, in the same
run, a plain ``LIKE '%term%'`` scan shaped as find_accounts would be (join,
ORDER BY 户号, LIMIT 50).  Goals: p95 <= 10 ms for the indexed paths, <= 50 ms for
1-2 character terms.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session
from stdnum.cn import ric

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from counter_app.db.engine import open_database
from counter_app.search import DEFAULT_LIMIT, find_accounts, index_columns

# the hundred-odd commonest surnames, roughly by frequency, and a few rare ones
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
            "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
            "陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
RARE_SURNAMES = "瞿禤钮"
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉文斌辉鹏飞宇浩然子涵"
         "欣怡梓轩晨雨佳琪思博俊凯嘉鑫婷雪琳颖海峰亮春梅林燕云冬晓光荣德福庆永祥丹慧")
PLACE = ("幸福锦绣阳光金色翠苑东方名都世纪城市花园怡景新城银河滨江润泽御景龙湖盛世华府紫荆"
         "康乐和平丽水书香恒大万科碧桂园朝阳长安泰和嘉禾宏远天骄御龙香榭凤凰观澜")
SUFFIX = ("小区", "花园", "新城", "家园", "苑", "公寓", "雅居", "名苑", "嘉园", "里")
REGIONS = ("110101", "120103", "130102", "140105", "210102", "370102", "410105", "410302",
           "420106", "510104", "610113", "650102")
GIVEN_WEIGHTS = list(itertools.accumulate(1 / (i + 1) ** 0.6 for i in range(len(GIVEN))))
MATCHES_NOTHING = "龘靐齉爨"  # characters no name or address here contains
STAMP = "2025-11-20 02:00:00.000000"


def communities(rng: random.Random, n: int = 200) -> list[str]:
    names = {"幸福小区", "锦绣花园", "阳光新城"}
    while len(names) < n:
        head = rng.choice(range(0, len(PLACE) - 1, 2))
        names.add(PLACE[head:head + 2] + rng.choice(SUFFIX))
    return sorted(names)


def person_name(rng: random.Random) -> str:
    surname = rng.choice(RARE_SURNAMES) if rng.random() < 0.0002 else \
        SURNAMES[min(int(rng.expovariate(1 / 18)), len(SURNAMES) - 1)]
    k = 1 if rng.random() < 0.35 else 2
    return surname + "".join(rng.choices(GIVEN, cum_weights=GIVEN_WEIGHTS, k=k))


def resident_id(rng: random.Random) -> str:
    born = f"{rng.randint(1940, 2004)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body = f"{rng.choice(REGIONS)}{born}{rng.randint(0, 999):03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum ignores the last character


def build(path: Path, accounts: int, rng: random.Random) -> None:
    started = time.perf_counter()
    open_database(f"sqlite:///{path}").dispose()  # the real migration: tables, FTS, triggers
    places = communities(rng)
    phones: set[str] = set()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    chunk = 50_000
    with conn:
        for start in range(1, accounts + 1, chunk):
            customers, rows = [], []
            for i in range(start, min(start + chunk, accounts + 1)):
                while (phone := f"1{rng.choice('35789')}{rng.randint(0, 999_999_999):09d}") in phones:
                    pass
                phones.add(phone)
                name = person_name(rng)
                phone2 = (f"1{rng.choice('3578')}{rng.randint(0, 999_999_999):09d}" if rng.random() < 0.1
                          else None)
                customers.append((i, "person", name, resident_id(rng), phone, phone2, STAMP, STAMP))
                community = rng.choice(places)
                building, unit = str(rng.randint(1, 40)), str(rng.randint(1, 6))
                room = f"{rng.randint(1, 33)}{rng.randint(1, 4):02d}"
                address = f"{community}{building}号楼{unit}单元{room}室"
                search_text, grams = index_columns(name, address)
                rows.append((i, f"31{i:08d}", i, community, building, unit, room, "",
                             rng.randint(4000, 18000), "residential", "radiator", "heating",
                             STAMP, STAMP, search_text, grams))
            conn.executemany("INSERT INTO customer VALUES (?,?,?,?,?,?,?,?)", customers)
            conn.executemany(
                "INSERT INTO account (id, account_no, customer_id, community, building, unit, room,"
                " address_text, area_x100, user_class, heating_form, heating_state, created_at,"
                " updated_at, search_text, search_grams) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows)
            print(f"  {min(start + chunk - 1, accounts):>8} accounts", flush=True)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # as the running app's auto-checkpoint would
    conn.close()
    print(f"built {accounts} accounts in {time.perf_counter() - started:.1f} s")


def sample(conn: sqlite3.Connection, sql: str, n: int, rng: random.Random) -> list[str]:
    values = [r[0] for r in conn.execute(sql)]
    return [rng.choice(values) for _ in range(n)] if values else []


def terms(path: Path, n: int, rng: random.Random) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    total = conn.execute("SELECT max(id) FROM account").fetchone()[0]
    ids = ",".join(str(rng.randint(1, total)) for _ in range(n * 2))
    people = f"FROM customer WHERE id IN ({ids})"
    name3 = sample(conn, f"SELECT name {people} AND length(name) = 3", n, rng)
    name2 = sample(conn, f"SELECT name {people} AND length(name) = 2", n - n // 4, rng)
    name2 += ["张伟", "王芳", "李娜", "刘洋", "陈静"] * (n // 20)
    places = [r[0] for r in conn.execute("SELECT DISTINCT community FROM account LIMIT 500")]
    ids_upper = sample(conn, f"SELECT id_number {people}", n, rng)
    out = {
        "户号 (exact)": sample(conn, f"SELECT account_no FROM account WHERE id IN ({ids})", n, rng),
        "phone (exact)": sample(conn, f"SELECT phone {people}", n, rng),
        "phone last 4 digits": [p[-4:] for p in sample(conn, f"SELECT phone {people}", n, rng)],
        "ID number (exact)": [v.lower() if i % 2 else v for i, v in enumerate(ids_upper)],
        "address 3+ chars": [rng.choice(places) + (str(rng.randint(1, 40)) + "号楼" if i % 2 else "")
                             for i in range(n)],
        "name 3 chars": name3,
        "name 2 chars": name2,
        "1 char (rare/common)": [rng.choice(RARE_SURNAMES) if i % 2 else rng.choice(SURNAMES[:10])
                                 for i in range(n)],
        "2 chars, never adjacent": [rng.choice(("楼单", "号室", "元号", "室楼", "区号")) for _ in range(n)],
        "syntax characters": [rng.choice(('"', "*", "(", "%", "_", "'", "-", "OR", "张伟 OR 李", "幸福\"小区",
                                          "小区*", "NEAR(", "%小区", "阳光_城")) for _ in range(n)],
        "matches nothing": [("".join(rng.sample(MATCHES_NOTHING, rng.choice((1, 2, 3)))) if i % 3
                             else f"199{rng.randint(0, 99_999_999):08d}") for i in range(n)],
    }
    conn.close()
    return out


def timed(fn, items: list[str]) -> tuple[list[float], int]:  # noqa: ANN001
    times, found = [], 0
    for term in items:
        t0 = time.perf_counter()
        found += len(fn(term))
        times.append((time.perf_counter() - t0) * 1000)
    return times, found


def row(label: str, times: list[float], found: int, goal: float | None) -> str:
    q = statistics.quantiles(times, n=100, method="inclusive")
    p50, p95 = q[49], q[94]
    verdict = "" if goal is None else ("ok" if p95 <= goal else "MISSED")
    goal_text = f"<= {goal:>2.0f}" if goal else "  - "
    pad = 28 - sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in label)
    return (f"{label}{' ' * pad}{len(times):>5}{p50:>9.2f}{p95:>9.2f}{max(times):>9.2f}"
            f"{found / len(times):>8.1f}   {goal_text}  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=500_000)
    parser.add_argument("--db", type=Path, help="reuse (or build into) this SQLite file")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20251120)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    path = args.db or Path(tempfile.mkdtemp(prefix="search-bench-")) / "bench.db"
    populated = False
    if path.exists():
        with sqlite3.connect(path) as conn:
            has = conn.execute("SELECT 1 FROM sqlite_master WHERE name='account'").fetchone()
            populated = bool(has) and conn.execute("SELECT count(*) FROM account").fetchone()[0] > 0
    if populated:
        print(f"reusing {path}")
    else:
        print(f"building {path}")
        build(path, args.accounts, rng)
    engine = open_database(f"sqlite:///{path}")
    with engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM account")).scalar()
    workload = terms(path, args.queries, rng)
    like_sql = text(
        "SELECT account.*, customer.* FROM account JOIN customer ON account.customer_id = customer.id"
        " WHERE account.search_text LIKE :p ORDER BY account.account_no LIMIT :n")

    def like(session: Session):  # noqa: ANN202
        return lambda term: session.execute(like_sql, {"p": f"%{term}%", "n": DEFAULT_LIMIT}).all()

    # a phone's last four digits has no goal: no index serves an ending, so it reads both phone
    # indexes end to end; its figure is there to compare with the LIKE scans below
    goals = {"phone last 4 digits": None, "address 3+ chars": 10, "name 3 chars": 10, "name 2 chars": 50,
             "1 char (rare/common)": 50, "2 chars, never adjacent": 50,
             "syntax characters": 50, "matches nothing": 50}
    print(f"\n{count} accounts, SQLite {sqlite3.sqlite_version}, LIMIT {DEFAULT_LIMIT}; times in ms")
    print(f"{'query':<28}{'n':>5}{'p50':>9}{'p95':>9}{'max':>9}{'hits':>8}   goal p95")
    print("-" * 80)
    with Session(engine) as session:
        for items in workload.values():  # warm the page cache once, as a running counter would be
            timed(lambda t: find_accounts(session, t), items[:5])
        for label, items in workload.items():
            times, found = timed(lambda t: find_accounts(session, t), items)
            print(row(label, times, found, goals.get(label, 10)))
        print("-" * 80)
        for label in ("address 3+ chars", "name 2 chars"):
            times, found = timed(like(session), workload[label])
            print(row(f"LIKE scan: {label}", times, found, None))
    print("\ngoals: p95 <= 10 ms for 户号/phone/ID/3+ character terms; <= 50 ms for 1-2 characters"
          " (and for terms that match nothing, which may take either path); a phone's last four"
          " digits read both phone indexes end to end (no goal: compare with the LIKE scans)")
    engine.dispose()


if __name__ == "__main__":
    main()
