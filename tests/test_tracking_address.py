"""The address the printed QR codes open: the demo uses the tracking service it can
start; while the address is unset or a placeholder, papers print without a QR code,
the clerk is told why and a supervisor is warned at login."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from counter_app import demo, tracking_codes as tc
from counter_app.errors import ValidationError
from counter_app.services import payments, requests, settings, shifts, startup
from counter_app.services.documents.contract import contract_data
from counter_app.services.documents.notice import notice_data
from counter_app.services.documents.receipt import receipt_data
from counter_app.services.documents.slip import slip_data
from counter_app.web import serve
from printing import (
    contract as contract_paper,
    notice as notice_paper,
    receipt as receipt_paper,
    slip as slip_paper,
)
from tests.test_payments import publish
from tests.test_print_contract import residential
from tests.test_print_receipt import pdf_text, qr_codes

ROOT = Path(__file__).resolve().parent.parent
REAL = "https://track.lantian-heat.cn/t/"


@pytest.mark.parametrize(("address", "problem"), [
    ("", "尚未设置"), ("   ", "尚未设置"),
    ("https://heat.example.com/t/", "仍是示例地址（heat.example.com）"),
    ("https://example.org/t/", "仍是示例地址"), ("http://track.example/t/", "仍是示例地址"),
    ("heat.lantian.cn/t/", "不是 http:// 或 https:// 开头"), ("ftp://lantian.cn/t/", "不是 http://"),
    ("http://[::1/t/", "不是 http://"),
])
def test_an_unset_placeholder_or_malformed_address_is_a_problem(address, problem):
    assert problem in tc.address_problem(address)
    link = tc.link(address, "7KQ3-M0XV-2RTC-9HB4-EPZW-N5GA")
    assert link.url is None and problem in link.printed_note and "本单未印二维码" in link.printed_note


@pytest.mark.parametrize("address", [REAL, "https://track.lantian-heat.cn/t", "http://127.0.0.1:8080/t/",
                                     "https://heat.example.cn/t"])
def test_a_real_address_goes_on_paper(address):
    assert tc.address_problem(address) == ""
    assert tc.link(address, "CODE").url == address.rstrip("/") + "/CODE"


def test_the_demo_points_at_the_tracking_service_its_script_starts():
    address = demo.SETTINGS["tracking_base_url"]
    assert address == serve.DEFAULT_ADDRESS == f"http://{serve.DEFAULT_HOST}:{serve.DEFAULT_PORT}/t/"
    assert tc.address_problem(address) == ""
    script = (ROOT / "scripts" / "demo.sh").read_text(encoding="utf-8")
    started = re.search(r"counter-app tracking serve --host (\S+) --port (\d+)", script)
    assert started and (started[1], int(started[2])) == (serve.DEFAULT_HOST, serve.DEFAULT_PORT)


def test_the_setting_starts_unset_and_takes_only_a_web_address(core, people):
    assert settings.get_all(core)["tracking_base_url"] == ""
    with pytest.raises(ValidationError, match="http://"):
        settings.update(core, people.admin, {"tracking_base_url": "track.lantian-heat.cn/t/"})
    settings.update(core, people.admin, {"tracking_base_url": REAL})
    assert settings.get_all(core)["tracking_base_url"] == REAL
    settings.update(core, people.admin, {"tracking_base_url": ""})      # unset again: allowed


def _papers(core, people):
    """Every paper with a QR code, read and rendered: (name, data, pdf)."""
    publish(core, people.admin, "2025-2026", 2250)
    rid = residential(core, people.clerk)
    requests.act(core, people.clerk, rid, "accept")
    shifts.open_shift(core, people.clerk, "500")
    account = requests.get_request(core, rid).account_id
    paid = payments.take_payment(core, people.clerk, account, "100", "card", prepayment=True)
    slip, notice = slip_data(core, people.clerk, rid), notice_data(core, people.clerk, rid)
    contract = contract_data(core, people.clerk, rid)
    receipt = receipt_data(core, people.clerk, paid.receipt_no)
    return [("slip", slip, slip_paper.slip_pdf(slip)), ("notice", notice, notice_paper.notice_pdf(notice)),
            ("contract", contract, contract_paper.contract_pdf(contract)),
            ("receipt", receipt, receipt_paper.receipt_pdf(receipt))]


@pytest.mark.parametrize("address", ["", "https://heat.example.com/t/"])
def test_without_an_address_every_paper_prints_without_a_qr_and_says_why(core, people, address):
    settings.update(core, people.admin, {"tracking_base_url": address})
    for name, data, pdf in _papers(core, people):
        assert qr_codes(pdf) == [], name
        assert data.qr_missing.startswith("本单未印二维码"), name
        assert "系统设置" in data.qr_missing
        text = pdf_text(pdf)
        assert "营业厅" in text and "扫码查询" not in text and "扫描右侧二维码" not in text, name


def test_with_the_address_every_paper_carries_its_qr(core, people):
    settings.update(core, people.admin, {"tracking_base_url": REAL})
    for name, data, pdf in _papers(core, people):
        [(url, _side)] = qr_codes(pdf)
        assert url.startswith(REAL) and data.qr_missing == "", name


def test_a_supervisor_is_warned_at_login_and_a_clerk_is_not(core, people):
    assert startup.login_warnings(core, people.clerk) == ()
    [warning] = startup.login_warnings(core, people.supervisor)
    assert "尚未设置居民查询网址" in warning and "请通知管理员" in warning and "不印二维码" in warning
    [warning] = startup.login_warnings(core, people.admin)
    assert "请在“系统设置 → 查询网址”" in warning
    settings.update(core, people.admin, {"tracking_base_url": "https://heat.example.com/t/"})
    [warning] = startup.login_warnings(core, people.supervisor)
    assert "heat.example.com" in warning
    settings.update(core, people.admin, {"tracking_base_url": REAL})
    assert startup.login_warnings(core, people.supervisor) == ()
