"""GUI start-up, memory and keystrokes at the counter, each against a baseline in the same run.

    python bench/gui_bench.py [--db PATH] [--runs 5]

1. Start-up, fresh processes: spawn -> login dialog painted (vs a bare PySide6 window of its
   size), and login -> main window painted (vs a bare QMainWindow + menu bar + table).  Goal <= 2x.
2. Peak RSS after login on a 500,000-account database with three searches done.  Goal <= 250 MB.
3. Keystrokes + clicks of scripted walk-throughs with the real widgets (bench/gui_walkthrough.py).

--db is a populated 500,000-account SQLite file (default /tmp/sb500k.db when it is at the head
revision, else /tmp/gui500k.db, built like bench/search_bench.py when missing).  An existing file is
only read: the bench works on a copy in a temp folder, where it also adds its login (argon2, as
the app) and keeps Qt's settings and the app's data folder, so the user's own are not touched.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
SCRATCH = Path(tempfile.mkdtemp(prefix="gui-bench-"))
os.environ.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(SCRATCH / "config"),
                  COUNTER_APP_DATA=str(SCRATCH / "data"), COUNTER_APP_LANG="zh_CN")
os.environ.pop("COUNTER_APP_DB", None)
USER, PASSWORD = "bench", "bench-pass"
GOAL_RATIO, GOAL_MB = 2.0, 250

# One fresh interpreter per measurement: argv = spawn time.time(), mode, db url, width, height.
CHILD = r"""
import sys, time
T0, MODE, DB, W, H = float(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
import json, resource
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QWidget

class FirstPaint(QObject):
    def __init__(self, target):
        super().__init__(target)
        self.target, self.at = target, None
        QApplication.instance().installEventFilter(self)
    def eventFilter(self, obj, event):
        if (self.at is None and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget)
                and obj.window() is self.target):
            self.at = time.time()
        return False

def show_painted(window):
    # show(); return (time of the first Paint event, time the pass that painted it ended)
    probe = FirstPaint(window)
    window.show()
    while probe.at is None:
        QApplication.processEvents()
    done = time.time()
    QApplication.instance().removeEventFilter(probe)
    return probe.at, done

def peak_mb():
    # VmHWM: this process image's peak RSS.  ru_maxrss (KB) is printed too, but on Linux it keeps
    # the spawning parent's peak across fork/exec, so it cannot be lower than the bench's own RSS.
    status = {ln.split(":")[0]: int(ln.split()[1]) / 1024
              for ln in open("/proc/self/status") if ln.startswith("Vm")}
    return [status["VmHWM"], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, status["VmRSS"]]

out = {}
if MODE in ("bare", "mem-bare"):
    app = QApplication(sys.argv[:1])
    first = QWidget()
    first.resize(W, H)
else:
    from ui.app import login_dialog, make_app
    stages = [("interpreter+imports", time.time())]
    app, _translators = make_app(sys.argv[:1])
    stages.append(("make_app", time.time()))
    first = login_dialog(DB)   # as the app starts: the database opens after the first paint
    stages.append(("LoginDialog", time.time()))
paint, done = show_painted(first)
if MODE != "bare" and MODE != "mem-bare":
    while first.core is None:       # the clerk types meanwhile; login needs the database
        QApplication.processEvents()
    core = first.core
    from counter_app.services import staff
out.update(start_paint=paint - T0, start_done=done - T0, size=[first.width(), first.height()])
if MODE == "app":
    stages.append(("show+paint", paint))
    out["start_stages"] = [[k, t - (stages[i - 1][1] if i else T0)] for i, (k, t) in enumerate(stages)]
out["mb_first_window"] = peak_mb()
t = time.time()
if MODE in ("bare", "mem-bare"):
    window = QMainWindow()
    window.menuBar().addMenu("File")
    window.setCentralWidget(QTableWidget(0, 6))
    window.resize(1180, 720)
else:
    first.username.setText(sys.argv[6]); first.password.setText(sys.argv[7])
    actor = staff.login(core, first.username.text(), first.password.text())
    first.accept()
    stages = [("staff.login", time.time())]
    from ui.main_window import MainWindow
    window = MainWindow(core, actor)
    stages.append(("MainWindow()", time.time()))
paint, done = show_painted(window)
out.update(main_paint=paint - t, main_done=done - t, mb_main_window=peak_mb())
if MODE == "app":
    stages.append(("show+paint", paint))
    out["main_stages"] = [[k, s - (stages[i - 1][1] if i else t)] for i, (k, s) in enumerate(stages)]
if MODE == "mem-app":
    out["searches"] = []
    for term in json.loads(sys.argv[8]):
        s = time.perf_counter()
        window.lookup.setText(term)
        window.search()
        for _ in range(3):
            QApplication.processEvents()
        out["searches"].append([term, window.results.rowCount(), (time.perf_counter() - s) * 1000])
    out["mb_searched"] = peak_mb()
print(json.dumps(out))
"""


def child(mode: str, db: str, size: tuple[int, int] = (0, 0), *extra: str) -> dict:
    t0 = time.time()
    done = subprocess.run([sys.executable, "-c", CHILD, repr(t0), mode, db, *map(str, size), *extra],
                          check=False, cwd=ROOT, capture_output=True, text=True, env=os.environ)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode or not lines:
        sys.exit(f"child {mode} failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


# -- the 500,000-account database ---------------------------------------------------------------

def usable(path: Path) -> bool:
    from counter_app.db.engine import head_revision

    if not path.exists():
        return False
    with sqlite3.connect(f"file:{path}?immutable=1", uri=True) as conn:  # creates no -wal/-shm
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"account", "customer", "alembic_version"} <= tables:
            return False
        return (conn.execute("SELECT version_num FROM alembic_version").fetchone() or [""])[0] \
            == head_revision() and conn.execute("SELECT count(*) FROM account").fetchone()[0] > 0


def prepare_db(given: Path | None) -> tuple[Path, Path]:
    """Return (source, working copy with a clerk login); the source is only read."""
    source = given or next((p for p in (Path("/tmp/sb500k.db"), Path("/tmp/gui500k.db")) if usable(p)),
                           Path("/tmp/gui500k.db"))
    if not usable(source):
        if source.exists():
            sys.exit(f"{source} is not a populated database at the head revision; pass another --db")
        from search_bench import build

        print(f"building {source} (500,000 accounts) ...", flush=True)
        build(source, 500_000, random.Random(20251120))
    copy = SCRATCH / "gui500k.db"
    print(f"copying {source} ...", flush=True)
    if Path(f"{source}-wal").exists() and Path(f"{source}-wal").stat().st_size:
        sys.exit(f"{source} has a non-empty WAL (in use?); checkpoint it or pass another --db")
    shutil.copyfile(source, copy)  # the source is only read
    from counter_app.domain.enums import Role
    from counter_app.services import staff
    from counter_app.services.settings import open_core

    core = open_core(f"sqlite:///{copy}")
    if not staff.has_staff(core):
        admin = staff.bootstrap_admin(core, "bench-admin", "基准管理员", "bench-admin-pass")
        staff.add_staff(core, admin, USER, "基准营业员", Role.CLERK, PASSWORD)
    core.engine.dispose()
    return source, copy


def search_terms(copy: Path) -> list[str]:
    with sqlite3.connect(copy) as conn:
        number = conn.execute("SELECT account_no FROM account WHERE id = 123457").fetchone()[0]
        community = conn.execute("SELECT community FROM account WHERE id = 4242").fetchone()[0]
    return [number, "王芳", community]


# -- reports ---------------------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def start_up(db: str, runs: int) -> None:
    probe = child("app", db, (0, 0), USER, PASSWORD)  # warm-up of both kinds; gives the dialog size
    size = tuple(probe["size"])
    child("bare", db, size)
    rows: dict[str, list[dict]] = {"bare": [], "app": []}
    for _ in range(runs):
        for mode, results in rows.items():
            results.append(child(mode, db, size, USER, PASSWORD))

    def med(mode: str, key: str) -> float:
        return statistics.median(r[key] for r in rows[mode]) * 1000

    print(f"\n1. START-UP  (median of {runs} fresh processes each, ms; login dialog {size[0]}x{size[1]}; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs)")
    print(f"  {'':52}{'1st Paint':>10}{'pass done':>10}{'min':>7}{'max':>7}")
    for label, mode, key in (
            ("spawn -> bare QWidget painted", "bare", "start"),
            ("spawn -> LoginDialog painted (database opens after)", "app", "start"),
            ("bare QMainWindow + menu bar + table -> painted", "bare", "main"),
            ("staff.login + MainWindow() + show -> painted", "app", "main")):
        values = [r[f"{key}_paint"] * 1000 for r in rows[mode]]
        print(f"  {label:<52}{med(mode, key + '_paint'):>10.0f}{med(mode, key + '_done'):>10.0f}"
              f"{min(values):>7.0f}{max(values):>7.0f}")
        if mode == "app":
            stages = zip(*(r[f"{key}_stages"] for r in rows[mode]), strict=True)
            print("      where (median ms): " + ", ".join(
                f"{col[0][0]} {statistics.median(c[1] for c in col) * 1000:.0f}" for col in stages))
    for what, key in (("start-up to login screen", "start"), ("login to main window", "main")):
        ratio = med("app", key + "_paint") / med("bare", key + "_paint")
        print(f"  {what:<26} {ratio:5.2f}x the bare window   goal <= {GOAL_RATIO:.0f}x   "
              f"{verdict(ratio <= GOAL_RATIO)}")


def memory(db: str, copy: Path, runs: int) -> None:
    terms = search_terms(copy)
    n = max(1, min(runs, 3))
    apps = [child("mem-app", db, (0, 0), USER, PASSWORD, json.dumps(terms, ensure_ascii=False))
            for _ in range(n)]
    bare = [child("mem-bare", db, (400, 200)) for _ in range(n)]
    accounts = sqlite3.connect(copy).execute("SELECT count(*) FROM account").fetchone()[0]
    print(f"\n2. PEAK MEMORY  (MB, worst of {n} processes; {accounts:,} accounts, "
          f"{copy.stat().st_size / 2**20:.0f} MB database file)")
    print(f"  {'':52}{'VmHWM':>8}{'ru_maxrss':>11}{'RSS now':>9}")
    worst = max(apps, key=lambda r: r["mb_searched"][0])
    base = max(bare, key=lambda r: r["mb_main_window"][0])
    for label, run, key in (("bare PySide6: first window shown", base, "mb_first_window"),
                            ("bare PySide6: + QMainWindow/menu/table shown", base, "mb_main_window"),
                            ("application: login dialog shown", worst, "mb_first_window"),
                            ("application: + logged in, main window shown", worst, "mb_main_window"),
                            ("application: + 3 searches shown", worst, "mb_searched")):
        print(f"  {label:<52}{run[key][0]:>8.1f}{run[key][1]:>11.1f}{run[key][2]:>9.1f}")
    for term, hits, ms in worst["searches"]:
        print(f"      search {term!r}: {hits} rows shown in {ms:.0f} ms (window.search() + events)")
    peak = worst["mb_searched"][0]
    print(f"  peak after login and searches: {peak:.1f} MB = "
          f"{peak / base['mb_main_window'][0]:.2f}x the bare window process"
          f"   goal <= {GOAL_MB} MB   {verdict(peak <= GOAL_MB)}")
    print("  (VmHWM is the process's own peak RSS; ru_maxrss also carries the spawning bench's peak across"
          " fork/exec on Linux, so it is shown but not judged)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a populated 500,000-account SQLite file (read only)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import PySide6

    try:
        source, copy = prepare_db(args.db)
        db = f"sqlite:///{copy}"
        print(f"GUI bench: Python {sys.version.split()[0]}, PySide6 {PySide6.__version__}, "
              f"QT_QPA_PLATFORM=offscreen\n  database: copy of {source} in {SCRATCH}")
        start_up(db, args.runs)
        memory(db, copy, args.runs)
        from gui_walkthrough import report

        report(SCRATCH)
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)


if __name__ == "__main__":
    main()
