"""Every receipt carries a QR code: a receipt without a request opens its own page on
the tracking service, which shows it is genuine and whether it was voided or refunded."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from alembic import command
from sqlalchemy import func, select

from counter_app.db.engine import alembic_config, upgrade
from counter_app.db.money import LedgerEntry, ReceiptCode
from counter_app.services import payments, requests, settings, tracking
from counter_app.services.documents.receipt import receipt_data
from printing import receipt as paper
from tests.helpers import sample_fields
from tests.test_payments import desk  # noqa: F401 - fixture
from tests.test_print_receipt import qr_codes
from tests.web_fixtures import serving

BASE = "https://track.lantian-heat.cn/t/"
NEW = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}")
PRIVATE = ("100100002", "13912340002", "302室", "2单元", "张伟")


def printed_url(core, clerk, receipt_no: str, layout: str, *, reprint: bool = False) -> str:
    """The URL the receipt's QR code carries, decoded off the rendered page."""
    pdf = paper.receipt_pdf(receipt_data(core, clerk, receipt_no, layout=layout, reprint=reprint))
    [(decoded, side)] = qr_codes(pdf)
    assert side >= 25
    return decoded


def test_a_receipt_without_a_request_carries_the_qr_of_its_own_page(desk):  # noqa: F811
    core, p = desk.core, desk.people
    settings.update(core, p.admin, {"tracking_base_url": BASE})
    paid = payments.take_payment(core, p.clerk, desk.acc2, "800", "wechat", prepayment=True)
    urls = {printed_url(core, p.clerk, paid.receipt_no, "a5")}
    urls |= {printed_url(core, p.clerk, paid.receipt_no, layout, reprint=True)
             for layout in ("roll", "preprinted")}
    [url] = urls                                        # the same on every layout and copy
    assert url.startswith(BASE) and NEW.fullmatch(url.removeprefix(BASE))
    data = receipt_data(core, p.clerk, paid.receipt_no, reprint=True)
    assert data.url == url and data.qr_missing == ""
    assert data.qr_lines[0] == f"核验码：{url.removeprefix(BASE)}"

    # a receipt for a request keeps the request's progress page
    rid = requests.receive(core, p.clerk, "settlement", account_id=desk.acc,
                           fields=sample_fields(core.catalogue.get("settlement")))
    linked = payments.take_payment(core, p.clerk, desk.acc, "100", "cash", request_id=rid)
    assert printed_url(core, p.clerk, linked.receipt_no, "a5") == \
        BASE + requests.get_request(core, rid).tracking_code


def test_the_receipts_page_shows_it_is_genuine_and_what_became_of_it(desk):  # noqa: F811
    core, p = desk.core, desk.people
    settings.update(core, p.admin, {"tracking_base_url": BASE, "hall_phone": "0311-86612345"})
    paid = payments.take_payment(core, p.clerk, desk.acc2, "800", "wechat", prepayment=True)
    wrong = payments.take_payment(core, p.clerk, desk.acc2, "20", "cash", prepayment=True)
    path = urlsplit(printed_url(core, p.clerk, paid.receipt_no, "a5")).path
    wrong_path = urlsplit(printed_url(core, p.clerk, wrong.receipt_no, "a5")).path
    assert path != wrong_path

    with serving(core) as site:
        page = site.get(path)
        assert page.status_code == 200
        text = page.text
        assert '<h1 id="status">真实有效</h1>' in text
        for fact in (paid.receipt_no, "2025-11-20 10:00", "¥800.00", "捌佰元整", "微信支付",
                     "100****02", "张*", "幸福小区3号楼*单元***室", "tel:0311-86612345"):
            assert fact in text, fact
        for secret in PRIVATE:
            assert secret not in text, secret
        assert site.get(path.lower()).text == text          # typed in lower case: the same page

        payments.refund(core, p.clerk, paid.entry_id, "300", "客户多交", p.supervisor)
        text = site.get(path).text
        assert '<h1 id="status">已部分退款</h1>' in text
        assert "已退款 300.00 元" in text and "实收 500.00 元" in text and "¥500.00" in text
        payments.refund(core, p.clerk, paid.entry_id, "500", "不再预交", p.supervisor)
        assert '<h1 id="status">已全额退款</h1>' in site.get(path).text

        payments.void(core, p.clerk, wrong.entry_id, "金额录错", p.supervisor)
        text = site.get(wrong_path).text
        assert '<h1 id="status">已作废</h1>' in text and "2025-11-20 作废" in text.replace("</td><td>", " ")
        assert "不能作为缴费凭证" in text

        data = site.get("/api" + wrong_path).json()
        assert (data["kind"], data["state"], data["receipt_no"], data["amount"], data["voided_on"]) == (
            "receipt", "void", wrong.receipt_no, "20.00", "2025-11-20")
        # nothing to confirm on a receipt's page: the form post shows the same page
        assert site.post(wrong_path, data={"last4": "0002"}).text == text
        # a code one character off is the same 404 as any unknown code
        code = wrong_path.removeprefix("/t/")
        other = code[:-2] + ("A" if code[-2] != "A" else "B") + code[-1]
        assert site.get(f"/t/{other}").status_code == 404


def test_the_receipt_view_reads_only_through_its_code(desk):  # noqa: F811
    core, p = desk.core, desk.people
    paid = payments.take_payment(core, p.clerk, desk.acc2, "50", "card", prepayment=True)
    with core.reading() as session:
        code = tracking.receipt_code_in(session, paid.entry_id)
    assert code and NEW.fullmatch(code)
    view = tracking.receipt_view(core, code.replace("-", " ").lower())
    assert view is not None and view.receipt_no == paid.receipt_no and view.state == "valid"
    assert tracking.receipt_view(core, paid.receipt_no) is None
    assert tracking.public_view(core, code) is None       # a receipt's code is no request's


def test_payments_taken_before_get_their_receipt_codes_with_the_migration(desk, engine):  # noqa: F811
    core, p = desk.core, desk.people
    for amount in ("10", "20", "30"):
        payments.take_payment(core, p.clerk, desk.acc2, amount, "card", prepayment=True)
    command.downgrade(alembic_config(engine), "0004")      # as a database of the version before
    upgrade(engine)
    with core.reading() as session:
        paid = session.scalar(select(func.count(LedgerEntry.id))
                              .where(LedgerEntry.entry_type == "payment"))
        codes = list(session.scalars(select(ReceiptCode.code)))
    assert paid == 3 and len(set(codes)) == 3 and all(NEW.fullmatch(c) for c in codes)


@pytest.mark.parametrize("number", ["100100002", "1001", "12"])
def test_masked_account_numbers(number):
    masked = tracking.mask_account_no(number)
    assert len(masked) == len(number) and masked != number and "*" in masked


def test_a_receipts_qr_scanned_at_the_counter_finds_its_account(desk):  # noqa: F811
    from counter_app.services import lookup

    core, p = desk.core, desk.people
    paid = payments.take_payment(core, p.clerk, desk.acc2, "50", "card", prepayment=True)
    with core.reading() as session:
        code = tracking.receipt_code_in(session, paid.entry_id)
    found = lookup.lookup(core, f"{BASE}{code}")
    assert found.request_id is None and [h.account_id for h in found.hits] == [desk.acc2]
