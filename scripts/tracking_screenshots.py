"""Phone-size screenshots of the tracking page, one per request state, to look at.

    python scripts/tracking_screenshots.py OUT_FOLDER [--db URL]

Without --db a demo database is made in a temporary folder.  Needs Debian's
chromium and chromium-driver.  Writes OUT_FOLDER/<status>[-<deadline state>].png
for one request of each status (overdue and on-time separately), plus the
not-found page and a confirmed page with receipts when one exists."""

from __future__ import annotations

import argparse
import base64
import os
import socket
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import uvicorn
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from sqlalchemy import select

from counter_app import demo
from counter_app.db.models import ServiceRequest
from counter_app.db.money import LedgerEntry
from counter_app.services import tracking
from counter_app.services.settings import open_core
from counter_app.web.app import Limits, create_app
from counter_app.web.limits import Rate


def phone() -> webdriver.Chrome:
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run",
                 f"--user-data-dir={tempfile.mkdtemp(prefix='shots-')}"):
        options.add_argument(flag)
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2.0}})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--db")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.db:
        core = open_core(args.db, read_only=True)
    else:
        os.environ["COUNTER_APP_DATA"] = tempfile.mkdtemp(prefix="shots-data-")
        core = open_core()
        demo.populate(core, accounts=300)

    picks: dict[str, str] = {}
    with core.reading() as session:
        codes = session.scalars(select(ServiceRequest.tracking_code).order_by(ServiceRequest.id)).all()
        paid = set(session.scalars(select(ServiceRequest.tracking_code).join(
            LedgerEntry, LedgerEntry.request_id == ServiceRequest.id)).all())
    for code in codes:
        view = tracking.public_view(core, code)
        if view is None:
            continue
        name = view.status_code + (f"-{view.deadline_state}" if view.deadline_state else "")
        picks.setdefault(name, code)

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    server = uvicorn.Server(uvicorn.Config(create_app(core, Limits(lookups=Rate(0, 1))),
                                           lifespan="off", log_level="warning"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    driver = phone()

    def shoot(name: str) -> None:
        data = driver.execute_cdp_cmd("Page.captureScreenshot",
                                      {"format": "png", "captureBeyondViewport": True})["data"]
        (out / f"{name}.png").write_bytes(base64.b64decode(data))
        print(out / f"{name}.png")

    try:
        for name, code in sorted(picks.items()):
            driver.get(f"{base}/t/{code}")
            shoot(name)
        driver.get(f"{base}/t/{'x' * 22}")
        shoot("not-found")
        for code in codes:
            if code in paid and tracking.public_view(core, code) is not None:
                with core.reading() as session:
                    request = session.scalar(select(ServiceRequest).where(
                        ServiceRequest.tracking_code == code))
                    phone_no = request.account.customer.phone if request.account else ""
                driver.get(f"{base}/t/{code}")
                driver.find_element("id", "last4").send_keys(phone_no[-4:])
                driver.find_element("css selector", "form.confirm button").click()
                driver.find_element("css selector", ".receipts")
                shoot("confirmed-receipts")
                break
    finally:
        driver.quit()
        server.should_exit = True


if __name__ == "__main__":
    main()
