"""The residents' tracking service over real HTTP on 127.0.0.1, as a phone reaches it."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from counter_app.cli import main as cli_main
from counter_app.db.models import AuditRecord, ServiceRequest
from counter_app.errors import DatabaseUnavailable
from counter_app.services import payments, requests, settings as settings_service, shifts, tracking
from counter_app.services.settings import open_core
from counter_app.web.app import Limits
from counter_app.web.limits import Rate, RateLimiter
from tests.helpers import account_input, resident_id, sample_fields
from tests.test_payments import desk  # noqa: F401 - fixture
from tests.test_requests import residential_application
from tests.web_fixtures import Tick, serving, site  # noqa: F401 - fixture

PRIVATE = ("张伟", "13912340001", resident_id(seq="001"), "301室", "2单元")


def code_of(core, rid: int) -> str:
    return requests.get_request(core, rid).tracking_code


def raw_get(url: str, path: str) -> tuple[int, bytes]:
    """Exactly these bytes on the request line, as a scanner or an attacker sends them."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
    conn.putrequest("GET", path, skip_accept_encoding=True)
    conn.endheaders()
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


# -- the page ------------------------------------------------------------------------

def test_the_page_shows_the_true_state_masked(core, people, site):  # noqa: F811
    settings_service.update(core, people.admin, {
        "hall_address": "人民路88号", "hall_phone": "0311-86612345",
        "opening_hours": "周一至周日 8:30-17:30"})
    rid = residential_application(core, people.clerk)
    code = code_of(core, rid)

    page = site.get(f"/t/{code}")
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    text = page.text
    assert '<h1 id="status">已登记</h1>' in text and "居民用热申请" in text
    assert "张*" in text and "幸福小区3号楼*单元***室" in text
    assert "人民路88号" in text and "tel:0311-86612345" in text and "周一至周日 8:30-17:30" in text
    for secret in PRIVATE:
        assert secret not in text

    requests.act(core, people.clerk, rid, "accept")
    text = site.get(f"/t/{code}").text
    assert '<h1 id="status">已受理</h1>' in text
    assert "<strong>2025-11-25</strong> 前答复供热方案" in text
    assert "按期办理中，还剩 3 个工作日" in text
    assert text.index("已登记") < text.index("材料齐全") < text.index("已受理</span>")

    requests.act(core, people.clerk, rid, "reply_plan", note="管网已到楼")
    requests.act(core, people.clerk, rid, "sign_contract")
    requests.act(core, people.clerk, rid, "heat_on")
    text = site.get(f"/t/{code}").text
    assert '<h1 id="status">已供热</h1>' in text
    for step in ("已答复供热方案", "已签订供热合同", "已开栓供热"):
        assert f"<span>{step}</span>" in text
    assert "已在承诺期限内办结" in text


def test_missing_documents_are_listed_with_what_to_bring(core, people, site):  # noqa: F811
    rid = residential_application(core, people.clerk, documents={})
    requests.act(core, people.clerk, rid, "await_documents")
    data = site.get(f"/api/t/{code_of(core, rid)}").json()
    assert data["status"] == "待补材料" and data["status_code"] == "awaiting_documents"
    assert any(item.startswith("居民身份证") or "身份证" in item for item in data["still_missing"])
    assert all("（" in item for item in data["still_missing"] if "身份证" in item)
    page = site.get(f"/t/{code_of(core, rid)}").text
    assert "还需带来的材料" in page and "材料尚不齐全" in page


def test_the_json_twin_says_the_same(core, people, site):  # noqa: F811
    rid = residential_application(core, people.clerk)
    requests.act(core, people.clerk, rid, "accept")
    code = code_of(core, rid)
    response = site.get(f"/api/t/{code}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    data = response.json()
    assert data["business"] == "居民用热申请" and data["status"] == "已受理"
    assert (data["holder"], data["address"]) == ("张*", "幸福小区3号楼*单元***室")
    assert [m["what"] for m in data["timeline"]] == ["已登记", "材料齐全", "已受理"]
    assert (data["deadline"], data["deadline_state"], data["days_left"]) == ("2025-11-25", "on_time", 3)
    assert data["confirmed"] is False and data["receipts"] == []
    for secret in PRIVATE:
        assert secret not in response.text
    assert json.loads(response.text) == data


def test_an_overdue_request_says_so(core, people, clock, site):  # noqa: F811
    rid = residential_application(core, people.clerk)
    requests.act(core, people.clerk, rid, "accept")
    clock.set(2025, 11, 25, 9, 0)
    assert "今天是办理期限的最后一天" in site.get(f"/t/{code_of(core, rid)}").text
    clock.set(2025, 11, 26, 9, 0)
    data = site.get(f"/api/t/{code_of(core, rid)}").json()
    assert data["deadline_state"] == "overdue"
    assert "已超过承诺期限" in site.get(f"/t/{code_of(core, rid)}").text


# -- nothing leaks to someone guessing -------------------------------------------------

BAD_CODES = ["A" * 22, "short", "A" * 23, "A" * 5000, "%27%3B%20DROP%20TABLE%20account%3B--",
             "1%27%20OR%20%271%27%3D%271", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%00", "%ff%fe",
             "..%2F..%2Fetc%2Fpasswd", "%E5%BC%A0%E4%BC%9F"]


def test_unknown_malformed_and_withdrawn_codes_get_the_same_404(core, people, site):  # noqa: F811
    settings_service.update(core, people.admin, {"hall_phone": "0311-86612345"})
    withdrawn = residential_application(core, people.clerk)
    requests.act(core, people.clerk, withdrawn, "withdraw")
    codes = [*BAD_CODES, code_of(core, withdrawn)]
    pages = {raw_get(site.url, f"/t/{c}") for c in codes}
    apis = {raw_get(site.url, f"/api/t/{c}") for c in codes}
    assert len(pages) == 1 and len(apis) == 1        # not a byte differs
    (status, body), = pages
    assert status == 404 and "未找到该业务".encode() in body
    assert b"tel:0311-86612345" in body            # somewhere to call instead
    (status, body), = apis
    assert status == 404 and json.loads(body)["error"] == "not_found"
    # unknown paths look the same as unknown codes
    for path in ("/admin", "/t/", "/t/a/b", "/api/t/", "/docs", "/openapi.json", "/static/../counter.db"):
        status, body = raw_get(site.url, path)
        assert status == 404, path
        assert b"Traceback" not in body


@pytest.mark.parametrize("path", [
    "/t/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/t?code=%3Cscript%3Ealert(1)%3C/script%3E",
    "/t?code=" + "A" * 10000, "/t?code=%27%20OR%201%3D1--", "/t?code=%ff",
    "/api/t/" + "%00" * 100, "/t/" + "%E5%BC%A0" * 2000,
])
def test_bad_input_is_never_a_500_nor_reflected(site, path):  # noqa: F811
    status, body = raw_get(site.url, path)
    assert status in (400, 404)
    assert b"<script>" not in body and b"Traceback" not in body and b"DROP" not in body


def test_bad_bodies_are_400_or_403_never_500(core, people, site):  # noqa: F811
    code = code_of(core, residential_application(core, people.clerk))
    assert site.post(f"/t/{code}", content=b"last4=" + b"1" * 5000,
                     headers={"content-type": "application/x-www-form-urlencoded"}).status_code == 400
    assert site.post(f"/t/{code}", content=b"\xff\xfe=1").status_code == 400
    assert site.post(f"/api/t/{code}", content=b"{not json").status_code == 400
    assert site.post(f"/api/t/{code}", json=["0001"]).status_code == 403
    assert site.post(f"/api/t/{code}", json={"last4": 1}).status_code == 403
    assert site.post(f"/t/{'B' * 22}", data={"last4": "0001"}).status_code == 404


def test_no_write_route_and_nothing_written(core, people, site, engine):  # noqa: F811
    code = code_of(core, residential_application(core, people.clerk))

    def counts() -> tuple[int, int]:
        with core.reading() as s:
            return (s.scalar(select(func.count(AuditRecord.id))),
                    s.scalar(select(func.count(ServiceRequest.id))))

    before = counts()
    for method in ("PUT", "DELETE", "PATCH"):
        for path in (f"/t/{code}", f"/api/t/{code}", "/"):
            response = site.http.request(method, path)
            assert response.status_code == 405, (method, path)
    site.post(f"/t/{code}", data={"last4": "0001"})
    site.get(f"/t/{code}")
    assert counts() == before


def test_security_headers_on_every_response(core, people, site):  # noqa: F811
    code = code_of(core, residential_application(core, people.clerk))
    for response in (site.get(f"/t/{code}"), site.get(f"/api/t/{code}"), site.get("/t/nothing"),
                     site.get("/"), site.get("/static/track.css"), site.http.delete(f"/t/{code}")):
        h = response.headers
        assert h["content-security-policy"].startswith("default-src 'none'")
        assert "script-src" not in h["content-security-policy"]
        assert h["referrer-policy"] == "no-referrer"
        assert h["x-content-type-options"] == "nosniff"
        assert h["x-frame-options"] == "DENY"
        assert "server" not in h
    assert site.get(f"/t/{code}").headers["cache-control"] == "no-store"
    assert site.get("/static/track.css").headers["cache-control"].startswith("public")


def test_typing_the_printed_code_leads_to_the_page(core, people, site):  # noqa: F811
    code = code_of(core, residential_application(core, people.clerk))
    assert "查询码" in site.get("/").text
    response = site.get("/t", params={"code": f"  {code} "})
    assert response.status_code == 303 and response.headers["location"] == f"/t/{code}"
    assert site.get("/t", params={"code": "nonsense"}).status_code == 404


# -- the phone's last four digits ------------------------------------------------------

def test_the_last_four_digits_show_only_the_residents_own_receipts(desk, site):  # noqa: F811
    core, clerk = desk.core, desk.people.clerk
    kind = core.catalogue.get("settlement")
    rid = requests.receive(core, clerk, "settlement", account_id=desk.acc, fields=sample_fields(kind))
    paid = payments.take_payment(core, clerk, desk.acc, "1000", "cash", request_id=rid)
    other = payments.take_payment(core, clerk, desk.acc, "250", "wechat")   # not for this request
    wrong = payments.take_payment(core, clerk, desk.acc, "20", "card", request_id=rid)
    payments.void(core, clerk, wrong.entry_id, "金额输错", desk.people.supervisor)
    code = code_of(core, rid)

    public = site.get(f"/t/{code}").text
    assert "1,000.00" not in public and paid.receipt_no not in public
    assert 'name="last4"' in public

    refused = site.post(f"/t/{code}", data={"last4": "9999"}).text
    assert "与预留号码不符" in refused and paid.receipt_no not in refused

    page = site.post(f"/t/{code}", data={"last4": "0001"}).text      # phone 13912340001
    assert paid.receipt_no in page and "1,000.00" in page and "现金" in page
    assert wrong.receipt_no in page and "已作废" in page
    assert other.receipt_no not in page and "250.00" not in page
    for secret in PRIVATE:
        assert secret not in page

    data = site.post(f"/api/t/{code}", json={"last4": "0001"}).json()
    assert data["confirmed"] is True
    assert [(r["receipt_no"], r["amount_fen"], r["void"]) for r in data["receipts"]] == [
        (paid.receipt_no, 100000, False), (wrong.receipt_no, 2000, True)]
    assert data["receipts"][0]["amount"] == "1,000.00"
    denied = site.post(f"/api/t/{code}", json={"last4": "1234"})
    assert denied.status_code == 403 and denied.json()["receipts"] == []


def test_guessing_the_digits_is_stopped_per_code(core, people):
    code = code_of(core, residential_application(core, people.clerk))
    with serving(core) as site:  # noqa: F811
        for guess in ("1111", "2222", "3333", "4444", "5555"):
            assert "与预留号码不符" in site.post(f"/t/{code}", data={"last4": guess}).text
        # the right digits, from another client behind the proxy: still locked for this code
        locked = site.post(f"/t/{code}", data={"last4": "0001"},
                           headers={"x-forwarded-for": "203.0.113.9"}).text
        assert "尝试次数过多" in locked and "缴费记录" in locked and "<table>" not in locked
        site.tick.advance(3600)
        assert "本业务暂无缴费记录" in site.post(f"/t/{code}", data={"last4": "0001"}).text


# -- limits and the cache -----------------------------------------------------------------

def test_the_rate_limit_is_per_client(core, people):
    code = code_of(core, residential_application(core, people.clerk))
    with serving(core, Limits(lookups=Rate(60, 3))) as site:  # noqa: F811
        assert [site.get(f"/t/{code}").status_code for _ in range(3)] == [200, 200, 200]
        refused = site.get(f"/t/{code}")
        assert refused.status_code == 429 and refused.headers["retry-after"] == "1"
        assert "查询过于频繁" in refused.text
        assert site.get(f"/api/t/{code}").json()["error"] == "too_many_requests"
        assert site.get("/static/track.css").status_code == 200          # not a lookup
        # another phone behind the reverse proxy has its own allowance
        assert site.get(f"/t/{code}", headers={"x-forwarded-for": "198.51.100.7"}).status_code == 200
        site.tick.advance(1)
        assert site.get(f"/t/{code}").status_code == 200


def test_rate_limiter_arithmetic():
    tick = Tick()
    limiter = RateLimiter(Rate(6, 2), clock=tick, max_keys=2)
    assert (limiter.allow("a"), limiter.allow("a")) == (0, 0)
    assert limiter.allow("a") == pytest.approx(10)           # 6 a minute: one every 10 s
    tick.advance(10)
    assert limiter.allow("a") == 0
    limiter.allow("b")
    limiter.allow("c")
    assert len(limiter) == 2                                  # bounded: the oldest key went
    assert Rate.parse("120/60") == Rate(120, 60) and Rate.parse("0").unlimited
    with pytest.raises(ValueError, match="限流"):
        Rate.parse("many")


def test_the_cache_keeps_a_page_a_few_seconds_at_most(core, people):
    rid = residential_application(core, people.clerk)
    code = code_of(core, rid)
    with serving(core, cache_seconds=5) as site:  # noqa: F811
        assert '<h1 id="status">已登记</h1>' in site.get(f"/t/{code}").text
        requests.act(core, people.clerk, rid, "accept")
        assert '<h1 id="status">已登记</h1>' in site.get(f"/t/{code}").text
        site.tick.advance(5)
        assert '<h1 id="status">已受理</h1>' in site.get(f"/t/{code}").text
        fresh = code_of(core, requests.receive(            # a brand-new request
            core, people.clerk2, "application_residential",
            new_account=account_input(2, heating_state="not_connected")))
        assert site.get(f"/t/{fresh}").status_code == 200       # never a cached 404


# -- failures ---------------------------------------------------------------------------

def test_a_failure_is_a_plain_chinese_page(core, people, site, monkeypatch):  # noqa: F811
    code = code_of(core, residential_application(core, people.clerk))

    def broken(*_):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(tracking, "page_view", broken)
    response = site.get(f"/t/{code}")
    assert response.status_code == 500 and "暂时无法查询" in response.text
    assert "secret" not in response.text and "Traceback" not in response.text

    def down(*_):
        raise DatabaseUnavailable("数据库 x 暂时无法访问")

    monkeypatch.setattr(tracking, "page_view", down)
    response = site.get(f"/api/t/{code}")
    assert response.status_code == 503 and response.json()["error"] == "unavailable"


# -- read-only by construction ----------------------------------------------------------------

def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_the_service_opens_the_database_read_only(core, people, engine):
    rid = residential_application(core, people.clerk)
    reader = open_core(_url(engine), read_only=True)
    try:
        assert tracking.public_view(reader, code_of(core, rid)) is not None
        with pytest.raises(Exception):  # noqa: B017 - SQLite and PostgreSQL word it differently
            requests.act(reader, people.clerk, rid, "accept")
        assert requests.get_request(core, rid).status.value == "received"
    finally:
        reader.engine.dispose()


def test_the_service_refuses_a_database_it_does_not_know(tmp_path, capsys):
    assert cli_main(["--db", f"sqlite:///{tmp_path / 'none.db'}", "tracking", "serve"]) == 2
    assert "不存在" in capsys.readouterr().err
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert cli_main(["--db", f"sqlite:///{empty}", "tracking", "serve"]) == 2
    assert "counter-app db upgrade" in capsys.readouterr().err
    assert cli_main(["tracking", "serve", "--port", "70000"]) == 2
    assert "端口" in capsys.readouterr().err
    assert cli_main(["tracking", "serve", "--rate", "lots"]) == 2
    assert "限流" in capsys.readouterr().err


@pytest.mark.postgres
@pytest.mark.parametrize("engine", ["postgres"], indirect=True)
def test_the_readme_read_only_role_is_enough_for_the_service(core, people, engine):
    """On PostgreSQL: the role the README tells an administrator to create can serve
    the page (receipts included) and can write nothing."""
    import os
    import re
    from pathlib import Path

    from sqlalchemy import text

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(r"(CREATE ROLE tracking.*?ledger_entry.*?TO tracking;)", readme, re.S).group(1)
    role = f"tracking_{os.getpid()}"
    database = engine.url.database
    sql = (block.replace("'…'", "'tracking-pass'").replace("DATABASE heating", f'DATABASE "{database}"')
           .replace("tracking", role).replace(f"{role}_", "tracking_"))
    rid = residential_application(core, people.clerk)
    code = code_of(core, rid)
    shifts.open_shift(core, people.clerk, "500")
    paid = payments.take_payment(core, people.clerk, requests.get_request(core, rid).account_id, "100",
                                 "card", prepayment=True)
    with core.reading() as session:
        receipt_code = tracking.receipt_code_in(session, paid.entry_id)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
        for statement in filter(None, (s.strip() for s in sql.split(";"))):
            conn.execute(text(statement))
    url = engine.url.set(username=role, password="tracking-pass").render_as_string(hide_password=False)
    try:
        reader = open_core(url, read_only=True)
        assert tracking.public_view(reader, code).status == "已登记"
        assert tracking.confirmed_view(reader, code, "0001").confirmed
        assert tracking.page_view(reader, receipt_code).receipt_no == paid.receipt_no
        with pytest.raises(Exception):  # noqa: B017
            requests.act(reader, people.clerk, rid, "accept")
        reader.engine.dispose()
    finally:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
