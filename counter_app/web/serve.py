"""``counter-app tracking serve``: run the tracking service on uvicorn."""

from __future__ import annotations

import argparse
import logging

from counter_app.errors import CounterError
from counter_app.web.limits import Rate

# where ``counter-app tracking serve`` listens unless told otherwise: the demo's
# tracking address points here, so its QR codes open on the demo machine
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
DEFAULT_ADDRESS = f"http://{DEFAULT_HOST}:{DEFAULT_PORT}/t/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help="监听地址（默认 127.0.0.1，由反向代理转发；0.0.0.0 为所有网卡）")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"端口（默认 {DEFAULT_PORT}）")
    parser.add_argument("--rate", default="120/60",
                        help="每个客户端的查询限流：每分钟次数/突发次数（默认 120/60；0 为不限）")
    parser.add_argument("--forwarded-allow-ips", default="127.0.0.1",
                        help="信任其 X-Forwarded-For 的反向代理地址，逗号分隔（默认 127.0.0.1）")
    parser.add_argument("--cache-seconds", type=float, default=5.0,
                        help="同一查询码的页面在内存中保留的秒数（默认 5；0 为每次都查数据库）")
    parser.add_argument("--threads", type=int, default=2,
                        help="读数据库的线程数（默认 2；实测多于此反而更慢）")
    parser.add_argument("--access-log", action="store_true",
                        help="记录访问日志（默认不记：链接中的查询码等同于凭证）")


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from counter_app.services.settings import open_core
    from counter_app.web.app import Limits, create_app

    if not 0 < args.port < 65536:
        raise CounterError(f"端口 {args.port} 无效，应为 1-65535")
    try:
        rate = Rate.parse(args.rate)
    except ValueError as exc:
        raise CounterError(str(exc)) from None
    core = open_core(args.db, read_only=True)
    if not 0 <= args.cache_seconds <= 300:
        raise CounterError("--cache-seconds 应在 0 到 300 之间")
    if not 1 <= args.threads <= 64:
        raise CounterError("--threads 应在 1 到 64 之间")
    app = create_app(core, Limits(lookups=rate), cache_seconds=args.cache_seconds,
                     threads=args.threads)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    print(f"业务进度查询服务（只读）：http://{args.host}:{args.port}/t/查询码 ，按 Ctrl+C 停止", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, proxy_headers=True,
                forwarded_allow_ips=args.forwarded_allow_ips, server_header=False,
                access_log=args.access_log, log_level="info")
    return 0
