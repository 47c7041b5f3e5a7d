"""Throughput and p99 latency of the tracking page, against a static route of
the same server, in the same run.

    python bench/tracking_bench.py [--seconds 10] [--connections 8] [--accounts 300]
                                   [--pg URL | --no-pg]

Builds a demo database (SQLite in a temporary folder; and on PostgreSQL, from
``--pg`` or COUNTER_APP_TEST_PG, a throwaway database dropped afterwards), starts
``counter-app tracking serve`` on loopback twice - with its default few seconds'
cache, and with ``--cache-seconds 0`` (every request reads the database) - and
loads each for ``--seconds`` with wrk (Debian package ``wrk``) or, when wrk is
missing, a Python asyncio load generator (which is itself the bottleneck; the
script says which was used).  The rate limit is set so high that it never
refuses, but it still counts every request.

Routes measured:
  static      GET /static/track.css (the baseline: bytes from memory)
  one code    GET /t/<code>, one request's page over and over
  all codes   GET /t/<code>, cycling through every visible request of the demo
  api         GET /api/t/<code>, cycling likewise

Goal (every scanned code costs one page): /t/<code> >= 50% of the static route's requests per second,
and p99 <= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from counter_app import demo  # noqa: E402
from counter_app.db.models import ServiceRequest  # noqa: E402
from counter_app.domain.enums import RequestStatus  # noqa: E402
from counter_app.services.settings import open_core  # noqa: E402

import throwaway_pg  # noqa: E402 - bench/, beside this script


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict[str, str], cache_seconds: float, db: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "counter_app.cli", "--db", db, "tracking", "serve", "--port", str(port),
         "--rate", "100000000/100000000", "--cache-seconds", str(cache_seconds)],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, port
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"server failed: {proc.stderr.read().decode()}") from None
            time.sleep(0.05)
    raise SystemExit("server did not start")


# -- load generators --------------------------------------------------------------

WRK_SCRIPT = """
local paths = {%s}
local i = math.random(#paths)
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(port: int, paths: list[str], seconds: int, connections: int) -> tuple[float, float, int]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(WRK_SCRIPT % ", ".join(f'"{p}"' for p in paths))
        script = fh.name
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script,
                          f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=True).stdout
    os.unlink(script)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, _ms(*p99.groups()), int(bad.group(1)) if bad else 0


async def _client(port: int, paths: list[str], start: int, stop_at: float,
                  latencies: list[float], bad: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = start
    while time.perf_counter() < stop_at:
        path = paths[i % len(paths)]
        i += 1
        t = time.perf_counter()
        writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(re.search(rb"content-length: (\d+)", head, re.I).group(1))
        await reader.readexactly(length)
        latencies.append(time.perf_counter() - t)
        if not head.startswith(b"HTTP/1.1 2"):
            bad.append(1)
    writer.close()


def run_python(port: int, paths: list[str], seconds: int, connections: int) -> tuple[float, float, int]:
    latencies: list[float] = []
    bad: list[int] = []

    async def main() -> None:
        stop_at = time.perf_counter() + seconds
        await asyncio.gather(*(_client(port, paths, k * 7, stop_at, latencies, bad)
                               for k in range(connections)))

    t = time.perf_counter()
    asyncio.run(main())
    elapsed = time.perf_counter() - t
    ms = sorted(x * 1000 for x in latencies)
    return len(ms) / elapsed, ms[min(len(ms) - 1, int(0.99 * len(ms)))], len(bad)


# -- the run ----------------------------------------------------------------------

def demo_codes(url: str, accounts: int) -> list[str]:
    core = open_core(url)
    demo.populate(core, accounts=accounts)
    with core.reading() as session:
        codes = session.scalars(select(ServiceRequest.tracking_code)
                                .where(ServiceRequest.status != RequestStatus.WITHDRAWN)
                                .order_by(ServiceRequest.id)).all()
    core.engine.dispose()
    return list(codes)


def measure(label: str, url: str, codes: list[str], env: dict[str, str], args: argparse.Namespace,
            load, results: dict) -> None:  # noqa: ANN001
    for cache in (5.0, 0.0):
        proc, port = start_server(env, cache, url)
        try:
            server = f"{label}, cache {cache:g} s"
            scenarios = [("static", ["/static/track.css"]),
                         ("one code", [f"/t/{codes[0]}"]),
                         ("all codes", [f"/t/{c}" for c in codes]),
                         ("api, all codes", [f"/api/t/{c}" for c in codes])]
            for name, paths in scenarios:
                load(port, paths, 1, args.connections)        # warm up
                results[server, name] = load(port, paths, args.seconds, args.connections)
        finally:
            proc.terminate()
            proc.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--accounts", type=int, default=300)
    throwaway_pg.add_arguments(parser)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="tracking-bench-")
    env = {**os.environ, "COUNTER_APP_DATA": folder}
    env.pop("COUNTER_APP_DB", None)
    os.environ.update(env)
    load = run_wrk if shutil.which("wrk") else run_python
    results: dict = {}
    sqlite_url = f"sqlite:///{folder}/counter.db"
    codes = demo_codes(sqlite_url, args.accounts)
    print(f"tracking bench: {len(codes)} visible requests, load generator "
          f"{'wrk' if load is run_wrk else 'Python asyncio (wrk not installed: figures are client-bound)'}, "
          f"{args.connections} connections x {args.seconds} s per route, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs")
    measure("SQLite", sqlite_url, codes, env, args, load, results)
    if throwaway_pg.wanted(args):
        with throwaway_pg.database(args.pg, "tracking_bench") as url:
            measure("PostgreSQL", url, demo_codes(url, args.accounts), env, args, load, results)

    print(f"\n{'server':<26}{'route':<16}{'req/s':>8}{'p99 ms':>9}{'non-2xx':>9}{'vs static':>11}"
          f"  goal (>= 50%, p99 <= 50 ms)")
    for (server, name), (rps, p99, bad) in results.items():
        ratio = rps / results[server, "static"][0]
        verdict = "" if name == "static" else ("met" if ratio >= 0.5 and p99 <= 50 else "MISSED")
        print(f"{server:<26}{name:<16}{rps:>8.0f}{p99:>9.2f}{bad:>9}{ratio:>10.0%}  {verdict}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
