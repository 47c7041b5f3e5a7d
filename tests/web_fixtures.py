"""A real tracking server on 127.0.0.1, inside the test process.

The listening socket is bound before the server thread starts, so the first
request simply waits in the backlog: no polling, no sleeping."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
import pytest
import uvicorn

from counter_app.core import Core
from counter_app.web.app import Limits, create_app
from counter_app.web.limits import Rate


class Tick:
    """A monotonic clock for the rate limits and the cache, moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Site:
    url: str
    http: httpx.Client
    tick: Tick

    def get(self, path: str, **kw) -> httpx.Response:
        return self.http.get(path, **kw)

    def post(self, path: str, **kw) -> httpx.Response:
        return self.http.post(path, **kw)


@contextmanager
def serving(core: Core, limits: Limits | None = None, cache_seconds: float = 0.0) -> Iterator[Site]:
    tick = Tick()
    app = create_app(core, limits or Limits(lookups=Rate(0, 1)), cache_seconds=cache_seconds,
                     clock=tick)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, lifespan="on", log_level="warning", access_log=False,
                            proxy_headers=True, forwarded_allow_ips="127.0.0.1",
                            server_header=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=url, follow_redirects=False, timeout=20) as http:
            yield Site(url, http, tick)
    finally:
        server.should_exit = True
        thread.join(20)
        sock.close()


@pytest.fixture
def site(core: Core) -> Iterator[Site]:
    """The tracking service on the test's database: no rate limit, no cache."""
    with serving(core) as s:
        yield s
