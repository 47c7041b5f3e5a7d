"""The tracking page in a real browser at phone size: Debian's Chromium, headless,
driven by Selenium through Debian's chromedriver (never a downloaded browser).

Screenshots go to the test's folder, or to COUNTER_APP_SCREENSHOTS when set
(to look at them: COUNTER_APP_SCREENSHOTS=/tmp/shots ./scripts/test.sh -k browser)."""

from __future__ import annotations

import base64
import os
import shutil
import struct
import tempfile
from pathlib import Path

import pytest

from counter_app.services import payments, requests, settings
from tests.conftest import IN_CI
from tests.helpers import sample_fields
from tests.test_payments import desk  # noqa: F401 - fixture
from tests.test_requests import residential_application
from tests.web_fixtures import serving

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PHONE = {"width": 390, "height": 844, "pixelRatio": 2.0}


@pytest.fixture(scope="module")
def chromium():
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if missing:
        message = f"{' and '.join(missing)} not installed (apt-get install chromium chromium-driver)"
        if IN_CI:
            pytest.fail(f"CI=true but {message}")
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="tracking-chromium-")
    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--lang=zh-CN",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": PHONE,
        "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
                     "(KHTML, like Gecko) Chrome/150.0 Mobile Safari/537.36"})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def browser(chromium):
    """The module's browser, its console emptied of an earlier test's messages."""
    chromium.get("about:blank")
    chromium.get_log("browser")
    return chromium


def shoot(driver, name: str, folder: Path) -> Path:
    """The whole page as a PNG (beyond the phone's screen height)."""
    out = Path(os.environ.get("COUNTER_APP_SCREENSHOTS") or folder)
    out.mkdir(parents=True, exist_ok=True)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot",
                                  {"format": "png", "captureBeyondViewport": True})
    path = out / f"tracking-{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def looks_like_a_phone_page(driver, *, status: int = 200) -> None:
    """Fits the phone's width, our style sheet applied (the CSP lets it in), no CSP
    complaint, nothing failing to load (the page's own 404 aside)."""
    assert driver.execute_script("return window.innerWidth") == PHONE["width"]
    assert driver.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth")
    blue = driver.execute_script(
        "return getComputedStyle(document.querySelector('header.bar')).backgroundColor")
    assert blue == "rgb(28, 95, 184)"
    complaints = [e["message"] for e in driver.get_log("browser")
                  if "Content Security Policy" in e["message"] or e["level"] == "SEVERE"]
    if status == 404:
        complaints = [m for m in complaints if not m.startswith(driver.current_url + " ")]
    assert complaints == []


def arrived(driver, selector: str):
    """The element on the page a form submission leads to, once the browser is there
    (the browser's own wait for the navigation, not a sleep)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, 20).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, selector)))


@pytest.fixture
def hall(core, people):
    settings.update(core, people.admin, {
        "company_name": "蓝天热力有限公司", "hall_name": "人民路营业厅", "hall_address": "人民路88号",
        "hall_phone": "0311-86612345", "opening_hours": "采暖期周一至周日 8:30-17:30"})


def test_a_phone_shows_the_request_as_it_stands(core, people, hall, browser, tmp_path):
    from selenium.webdriver.common.by import By

    rid = residential_application(core, people.clerk, documents={})
    requests.act(core, people.clerk, rid, "await_documents")
    code = requests.get_request(core, rid).tracking_code
    with serving(core) as site:
        browser.get(f"{site.url}/t/{code}")
        assert browser.find_element(By.ID, "status").text == "待补材料"
        assert "材料尚不齐全" in browser.find_element(By.CSS_SELECTOR, ".status .next").text
        bring = [li.text for li in browser.find_elements(By.CSS_SELECTOR, ".missing li")]
        assert bring and all(item for item in bring)
        assert "0311-86612345" in browser.find_element(By.CSS_SELECTOR, "footer").text
        looks_like_a_phone_page(browser)
        width, _ = png_size(shoot(browser, "awaiting-documents", tmp_path))
        assert width == PHONE["width"] * PHONE["pixelRatio"]

        for doc in ("owner_id_card", "property_certificate"):
            requests.record_document(core, people.clerk, rid, doc, requests.DocumentInput(
                received=True, original_seen=True, copies=1))
        requests.act(core, people.clerk, rid, "accept")
        browser.refresh()
        assert browser.find_element(By.ID, "status").text == "已受理"
        deadline = browser.find_element(By.CSS_SELECTOR, ".deadline").text
        assert "2025-11-25" in deadline and "按期办理中" in deadline
        steps = [li.text for li in browser.find_elements(By.CSS_SELECTOR, ".timeline li")]
        assert [s.split()[-1] for s in steps] == ["已登记", "待补材料", "材料齐全", "已受理"]
        assert browser.find_elements(By.CSS_SELECTOR, ".missing") == []
        looks_like_a_phone_page(browser)
        shoot(browser, "accepted", tmp_path)


def test_the_resident_confirms_the_phone_and_sees_the_receipts(desk, browser, tmp_path):  # noqa: F811
    from selenium.webdriver.common.by import By

    core, clerk = desk.core, desk.people.clerk
    settings.update(core, desk.people.admin, {"hall_phone": "0311-86612345"})
    rid = requests.receive(core, clerk, "settlement", account_id=desk.acc,
                           fields=sample_fields(core.catalogue.get("settlement")))
    paid = payments.take_payment(core, clerk, desk.acc, "1000", "wechat", request_id=rid)
    requests.act(core, clerk, rid, "accept")
    requests.act(core, clerk, rid, "complete")
    code = requests.get_request(core, rid).tracking_code
    with serving(core) as site:
        browser.get(f"{site.url}/t/{code}")
        assert browser.find_element(By.ID, "status").text == "已办结"
        assert paid.receipt_no not in browser.page_source

        field = browser.find_element(By.ID, "last4")
        field.send_keys("9999")
        field.submit()
        assert "不符" in arrived(browser, ".problem").text
        browser.find_element(By.ID, "last4").send_keys("0001")
        browser.find_element(By.CSS_SELECTOR, "form.confirm button").click()
        row = arrived(browser, ".receipts tbody tr").text
        assert paid.receipt_no in row and "1,000.00" in row and "微信支付" in row
        looks_like_a_phone_page(browser)
        shoot(browser, "completed-with-receipts", tmp_path)


def test_a_wrong_code_gets_the_not_found_page(core, people, browser, tmp_path):
    from selenium.webdriver.common.by import By

    with serving(core) as site:
        browser.get(f"{site.url}/t/{'x' * 22}")
        assert browser.find_element(By.TAG_NAME, "h1").text == "未找到该业务"
        looks_like_a_phone_page(browser, status=404)
        shoot(browser, "not-found", tmp_path)
        browser.get(f"{site.url}/")
        browser.find_element(By.ID, "code").send_keys("not-a-code")
        browser.find_element(By.CSS_SELECTOR, "form.lookup button").click()
        assert arrived(browser, "section.status-none h1").text == "未找到该业务"


def test_a_phone_shows_a_receipts_own_page(desk, browser, tmp_path):  # noqa: F811
    """The QR code of a receipt without a request, decoded off the printed paper,
    opens the receipt's page: genuine, then refunded in part."""
    from urllib.parse import urlsplit

    from selenium.webdriver.common.by import By

    from counter_app.services.documents.receipt import receipt_data
    from printing import receipt as paper
    from tests.test_print_receipt import qr_codes

    core, p = desk.core, desk.people
    settings.update(core, p.admin, {"tracking_base_url": "https://track.lantian-heat.cn/t/",
                                    "company_name": "蓝天热力有限公司", "hall_name": "人民路营业厅",
                                    "hall_phone": "0311-86612345"})
    paid = payments.take_payment(core, p.clerk, desk.acc2, "800", "wechat", prepayment=True)
    [(url, _side)] = qr_codes(paper.receipt_pdf(receipt_data(core, p.clerk, paid.receipt_no)))
    with serving(core) as site:
        browser.get(site.url + urlsplit(url).path)
        assert browser.find_element(By.ID, "status").text == "真实有效"
        facts = browser.find_element(By.CSS_SELECTOR, ".paper").text
        assert paid.receipt_no in facts and "¥800.00" in facts and "100****02" in facts
        looks_like_a_phone_page(browser)
        shoot(browser, "receipt-valid", tmp_path)

        payments.refund(core, p.clerk, paid.entry_id, "300", "客户多交", p.supervisor)
        browser.refresh()
        assert browser.find_element(By.ID, "status").text == "已部分退款"
        kept = browser.find_element(By.CSS_SELECTOR, ".corrections tr.kept").text
        assert "¥500.00" in kept
        looks_like_a_phone_page(browser)
        shoot(browser, "receipt-part-refunded", tmp_path)
