"""The tracking service's routes: the page, its JSON twin, and nothing that writes.

    GET  /                  a form to type the code printed under the QR
    GET  /t?code=...        -> 303 to /t/<code>
    GET  /t/<code>          the request's state, masked (HTML, Chinese, phone first); for a
                            receipt's own code, that the receipt is genuine and what became of it
    POST /t/<code>          the same with the resident's receipts, given the phone's last 4 digits
    GET  /api/t/<code>      the same as JSON (POST with {"last4": "1234"} for the receipts)
    GET  /static/track.css  the page's only style sheet (and /static/icon.svg, its icon)

Unknown, malformed and withdrawn codes all get the same 404.  Every request to
a lookup route is counted against its client's rate limit; confirmation
attempts are limited per client and per code as well, so four digits cannot be
guessed.  Nothing from the request is built into SQL (the core looks the code
up as a bound parameter after checking its shape)."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from importlib import resources
from typing import Any, TypedDict
from urllib.parse import parse_qs

from anyio import to_thread
from jinja2 import Environment, PackageLoader
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counter_app import tracking_codes
from counter_app.core import Core
from counter_app.domain.money import yuan
from counter_app.errors import DatabaseUnavailable
from counter_app.services import tracking
from counter_app.services.tracking import ReceiptCheck, TrackingView
from counter_app.web.cache import TtlCache
from counter_app.web.headers import SecurityHeaders
from counter_app.web.limits import Rate, RateLimiter

log = logging.getLogger("counter_app.web")
MAX_BODY = 1024
GONE = "未找到该查询码对应的业务"
TONES = {"awaiting_documents": "waiting", "heat_on": "done", "completed": "done",
         "rejected": "refused"}
DEADLINE_TEXT = {"on_time": "按期办理中，还剩 {days} 个工作日",
                 "last_day": "今天是办理期限的最后一天",
                 "overdue": "已超过承诺期限，对不起，我们正在加紧办理",
                 "met": "已在承诺期限内办结", "late": "已办结（超过了承诺期限，对不起）"}


@dataclass(frozen=True)
class Limits:
    """Per client: lookups; per client and per code: phone-digit attempts."""

    lookups: Rate = field(default_factory=lambda: Rate(120, 60))
    confirmations: Rate = field(default_factory=lambda: Rate(6 / 60, 5))   # 5 at once, then 6 an hour


@dataclass
class Seen:
    """A public view just read, with its page and JSON once rendered."""

    view: TrackingView | ReceiptCheck
    html: bytes | memoryview | None = None
    json: bytes | memoryview | None = None


class TrackingService:
    def __init__(self, core: Core, limits: Limits | None = None, *, cache_seconds: float = 5.0,
                 clock: Callable[[], float] | None = None) -> None:
        self.core = core
        self.limits = limits or Limits()
        tick = clock if clock is not None else time.monotonic
        self.lookups = RateLimiter(self.limits.lookups, clock=tick)
        self.by_client = RateLimiter(self.limits.confirmations, clock=tick)
        self.by_code = RateLimiter(self.limits.confirmations, clock=tick)
        self.seen: TtlCache[Seen] = TtlCache(cache_seconds, clock=tick)
        self.contacts: TtlCache[dict[str, str]] = TtlCache(60, clock=tick)
        self.templates = Environment(loader=PackageLoader("counter_app.web", "templates"),
                                     autoescape=True, trim_blocks=True, lstrip_blocks=True)
        self.templates.globals["yuan"] = yuan
        static = resources.files("counter_app.web").joinpath("static")
        self.css = static.joinpath("track.css").read_bytes()
        self.icon = static.joinpath("icon.svg").read_bytes()

    # -- responses ------------------------------------------------------------
    def html(self, template: str, status: int = 200, headers: dict[str, str] | None = None,
             **context: Any) -> HTMLResponse:
        body = self.templates.get_template(template).render(**context)
        return HTMLResponse(body, status_code=status, headers=headers)

    def page(self, view: TrackingView | ReceiptCheck, code: str, problem: str = "") -> HTMLResponse:
        if isinstance(view, ReceiptCheck):
            return self.html("receipt.html", r=view, company=view.company, hall=view.hall,
                             hall_address=view.hall_address, hall_phone=view.hall_phone,
                             opening_hours=view.opening_hours, as_of=view.as_of)
        state = DEADLINE_TEXT.get(view.deadline_state or "", "")
        return self.html("request.html", v=view, code=code, problem=problem,
                         company=view.company, hall=view.hall, hall_address=view.hall_address,
                         hall_phone=view.hall_phone, opening_hours=view.opening_hours,
                         as_of=view.as_of, tone=TONES.get(view.status_code, "open"),
                         deadline_text=state.format(days=view.days_left))

    def public_page(self, seen: Seen, code: str) -> Response:
        if seen.html is None:
            seen.html = self.page(seen.view, code).body
        return Response(seen.html, media_type="text/html; charset=utf-8")

    async def hall(self) -> dict[str, str]:
        """The company and the hall's contacts for pages without a request (a
        minute's memory; the defaults if the database cannot be read)."""
        if (found := self.contacts.get("hall")) is not None:
            return found
        try:
            found = await run_in_threadpool(tracking.hall_contacts, self.core)
        except Exception:  # a page that says "not found" must not fail
            log.warning("tracking: hall contacts unavailable", exc_info=True)
            return {}
        self.contacts.put("hall", found)
        return found

    async def not_found(self, request: Request, status: int = 404) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "not_found", "message": GONE}, status_code=status)
        return self.html("not_found.html", status=status, **contacts(await self.hall()))

    def message(self, request: Request, status: int, error: str, heading: str, text: str,
                headers: dict[str, str] | None = None) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": error, "message": text}, status_code=status,
                                headers=headers)
        return self.html("message.html", status=status, headers=headers, heading=heading, text=text)

    def too_many(self, request: Request, wait: float) -> Response:
        seconds = max(1, int(wait + 0.999))
        return self.message(request, 429, "too_many_requests", "查询过于频繁",
                            f"请 {seconds} 秒后再试。", headers={"Retry-After": str(seconds)})

    # -- helpers --------------------------------------------------------------
    @staticmethod
    def client(request: Request) -> str:
        return request.client.host if request.client else "-"

    @staticmethod
    def stored_code(request: Request) -> str:
        """The code of the path in its stored form (typed in lower case, with spaces
        or O for 0, it is the same code); a malformed one is the same 404 as an unknown."""
        code = tracking_codes.canonical(request.path_params["code"])
        if code is None:
            raise HTTPException(404)
        return code

    async def _seen(self, code: str) -> Seen:
        if (seen := self.seen.get(code)) is not None:
            return seen
        view = await run_in_threadpool(tracking.page_view, self.core, code)
        if view is None:
            raise HTTPException(404)
        seen = Seen(view)
        self.seen.put(code, seen)
        return seen

    async def _confirm(self, request: Request, code: str,
                       last4: object) -> tuple[TrackingView | ReceiptCheck, str]:
        """The confirmed view, or the public one with what went wrong.  A receipt's
        page is all there is to see: nothing to confirm."""
        view = (await self._seen(code)).view
        if isinstance(view, ReceiptCheck):
            return view, ""
        if not isinstance(last4, str) or not tracking.LAST4.fullmatch(last4.strip()):
            return view, "请输入预留手机号码的后四位数字"
        client_wait = self.by_client.allow(self.client(request))
        code_wait = self.by_code.allow(code)
        if client_wait or code_wait:
            return view, "尝试次数过多，请一小时后再试，或带身份证件到营业厅查询"
        confirmed = await run_in_threadpool(tracking.confirmed_view, self.core, code, last4.strip())
        if confirmed is None:
            return view, "手机号码后四位与预留号码不符，请核对后重试（多次输错将暂停查询）"
        return confirmed, ""

    @staticmethod
    async def _body(request: Request) -> bytes:
        declared = request.headers.get("content-length", "0")
        if not declared.isdigit() or int(declared) > MAX_BODY:
            raise HTTPException(400)
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY:
                raise HTTPException(400)
        return body

    # -- routes ---------------------------------------------------------------
    async def home(self, _request: Request) -> Response:
        return self.html("home.html", **contacts(await self.hall()))

    async def by_query(self, request: Request) -> Response:
        code = tracking_codes.canonical(request.query_params.get("code", ""))
        if code is None:
            raise HTTPException(404)
        return RedirectResponse(f"/t/{code}", status_code=303)

    async def show(self, request: Request) -> Response:
        code = self.stored_code(request)
        return self.public_page(await self._seen(code), code)

    async def show_confirmed(self, request: Request) -> Response:
        code = self.stored_code(request)
        try:
            form = parse_qs((await self._body(request)).decode("utf-8"), max_num_fields=4)
        except (UnicodeDecodeError, ValueError):
            raise HTTPException(400) from None
        view, problem = await self._confirm(request, code, (form.get("last4") or [""])[0])
        return self.page(view, code, problem)

    async def api(self, request: Request) -> Response:
        seen = await self._seen(self.stored_code(request))
        if seen.json is None:
            seen.json = JSONResponse(as_json(seen.view)).body
        return Response(seen.json, media_type="application/json")

    async def api_confirmed(self, request: Request) -> Response:
        code = self.stored_code(request)
        try:
            payload = json.loads(await self._body(request) or b"{}")
        except (UnicodeDecodeError, ValueError):
            raise HTTPException(400) from None
        last4 = payload.get("last4") if isinstance(payload, dict) else None
        view, problem = await self._confirm(request, code, last4)
        if problem:
            return JSONResponse({"error": "not_confirmed", "message": problem, **as_json(view)},
                                status_code=403)
        return JSONResponse(as_json(view))

    async def stylesheet(self, _request: Request) -> Response:
        return Response(self.css, media_type="text/css; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=3600"})

    async def favicon(self, _request: Request) -> Response:
        return Response(self.icon, media_type="image/svg+xml",
                        headers={"Cache-Control": "public, max-age=86400"})

    # -- errors ---------------------------------------------------------------
    async def http_error(self, request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            return await self.not_found(request)
        if exc.status_code == 405:
            return self.message(request, 405, "method_not_allowed", "不支持该操作",
                                "本页只供查询。", headers={"Allow": "GET, HEAD"})
        return self.message(request, 400, "bad_request", "请求有误",
                            "请扫描二维码或输入查询码后再试。")

    async def server_error(self, request: Request, exc: Exception) -> Response:
        if isinstance(exc, DatabaseUnavailable):
            log.warning("tracking: database unavailable: %s", exc)
            return self.message(request, 503, "unavailable", "暂时无法查询",
                                "系统正在维护，请稍后再试。", headers={"Retry-After": "60"})
        log.exception("tracking: unexpected error on %s", request.url.path)
        return self.message(request, 500, "internal_error", "暂时无法查询",
                            "系统出现问题，请稍后再试或致电营业厅。")


class RateLimited:
    """Counts every request to a lookup route against its client, before routing."""

    def __init__(self, app: ASGIApp, service: TrackingService) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path.startswith(("/t", "/api/")):
            client = scope.get("client")
            wait = self.service.lookups.allow(client[0] if client else "-")
            if wait:
                response = self.service.too_many(Request(scope, receive), wait)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class Contained:
    """Starlette answers an unexpected error with our 500 page, then raises it
    again for the server to log; the server would then drop the connection.
    It has been logged already: stop it here, so the phone's connection stays."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            if not started or scope["type"] != "http":
                raise


class Contacts(TypedDict):
    """The company and the hall as the page templates name them."""

    company: str
    hall: str
    hall_address: str
    hall_phone: str
    opening_hours: str


def contacts(hall: dict[str, str]) -> Contacts:
    """Template context from the settings' keys."""
    return {"company": hall.get("company_name", ""), "hall": hall.get("hall_name", ""),
            "hall_address": hall.get("hall_address", ""), "hall_phone": hall.get("hall_phone", ""),
            "opening_hours": hall.get("opening_hours", "")}


def as_json(view: TrackingView | ReceiptCheck) -> dict[str, Any]:
    data = asdict(view)
    if isinstance(view, ReceiptCheck):
        data["refunds"] = [{"date": day, "amount_fen": fen, "amount": yuan(fen)}
                           for day, fen in view.refunds]
        return {**data, "amount": yuan(view.amount_fen), "kept": yuan(view.kept_fen)}
    data["receipts"] = [{**line, "amount": yuan(line["amount_fen"])} for line in data["receipts"]]
    return data


def create_app(core: Core, limits: Limits | None = None, *, cache_seconds: float = 5.0,
               threads: int = 2,
               clock: Callable[[], float] | None = None) -> ASGIApp:
    """The ASGI app.  ``clock`` (monotonic seconds) drives the rate limits and
    the few seconds' cache, so tests move time instead of sleeping.  ``threads``
    read the database (measured: 2 beat 40 on SQLite and PostgreSQL alike, see
    bench/tracking_bench.py)."""
    service = TrackingService(core, limits, cache_seconds=cache_seconds, clock=clock)
    routes = [
        Route("/", service.home, methods=["GET"]),
        Route("/t", service.by_query, methods=["GET"]),
        Route("/t/{code}", service.show, methods=["GET"]),
        Route("/t/{code}", service.show_confirmed, methods=["POST"]),
        Route("/api/t/{code}", service.api, methods=["GET"]),
        Route("/api/t/{code}", service.api_confirmed, methods=["POST"]),
        Route("/static/track.css", service.stylesheet, methods=["GET"]),
        Route("/static/icon.svg", service.favicon, methods=["GET"]),
    ]
    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        # a few reading threads: more only fight over the interpreter lock
        to_thread.current_default_thread_limiter().total_tokens = threads
        yield

    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={
        # Starlette's mapping cannot tie a handler's exception type to its key
        HTTPException: service.http_error,  # type: ignore[dict-item]
        Exception: service.server_error})
    app.router.redirect_slashes = False    # one answer per path: no redirects to probe
    app.state.service = service
    return SecurityHeaders(RateLimited(Contained(app), service))
