"""Printing speed: a receipt, a contract and a 2,000-row daily register, each
against a bare ReportLab document of the same size built in the same run.

    python bench/print_bench.py [--runs 9] [--rows 2000]

A fresh SQLite database (temporary) gets, through the services: an
administrator, a supervisor and a clerk with the hall's settings, a published
fee schedule, an account billed and paid at the counter (the receipt), a
residential heating application (the contract); then ``--rows`` ledger entries
of the day in bulk (the register: one INSERT, fake hashes, as the register only
reads them).

Each document is timed as the screen and the command line make it - its read
service and its renderer, the database included - and its renderer alone on data read
beforehand; the bare document is a plain ``SimpleDocTemplate`` of the same page
size and the same embedded font with the same content: the receipt's and the
contract's paragraphs and table rows (without QR code, marks, headers, footers
and page x of y), the register's detail table with the same cells and a
repeated header row.  Medians of ``--runs`` runs after one warm-up.

Goals (the visitor waits at the counter): receipt and contract <= 1.5x their bare document; the register
<= 2 s including its database query.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from sqlalchemy import insert

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from counter_app.core import Actor, Core
from counter_app.db.engine import make_engine, upgrade
from counter_app.db.money import LedgerEntry
from counter_app.domain.enums import HeatingForm, Role, UserClass
from counter_app.services import (
    accounts,
    billing,
    fees,
    payments,
    requests,
    settings,
    shifts,
    staff,
)
from counter_app.services.accounts import AccountInput
from counter_app.services.documents.contract import contract_data
from counter_app.services.documents.receipt import receipt_data
from counter_app.services.documents.register import register_data
from counter_app.services.requests import DocumentInput
from printing import fonts
from printing.contract import ContractRenderer, TrackingQr, contract_pdf
from printing.register import (
    ENTRY_WIDTHS,
    RegisterRenderer,
    money,
    register_pdf,
)
from printing.styles import Styles, escape

HALL_TIME = dt.datetime(2025, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
DAY = HALL_TIME.date()
SEEN = DocumentInput(received=True, original_seen=True, copies=1)


def medians(fns: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Median CPU seconds of each function, the runs interleaved (one of each in
    turn, after a warm-up of each), so that a busy machine weighs on all alike.
    CPU time of this process: the database (SQLite) runs in it too."""
    for fn in fns.values():
        fn()                                       # warm-up: font subsets, imports, caches
    samples: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            start = time.process_time()
            fn()
            samples[name].append(time.process_time() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


def wall_median(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def setup(core: Core, rows: int, receipts: int) -> tuple[Actor, Actor, list[str], int]:
    admin = staff.bootstrap_admin(core, "admin", "管理员", "admin-pass")
    sup = staff.add_staff(core, admin, "wang", "王值班长", Role.SUPERVISOR, "super-pass")
    clerk = staff.add_staff(core, admin, "li", "李营业员", Role.CLERK, "clerk-pass")
    settings.update(core, admin, {"company_name": "蓝煜热力有限公司", "hall_name": "城东客户服务中心",
                                  "hall_address": "城东区建设路88号", "hall_phone": "0351-1234567"})
    fees.create_schedule(core, admin, season="2025-2026", decree_no="晋价〔2025〕18号",
                         effective_date="2025-10-01", season_start="2025-11-15", season_end="2026-03-15",
                         due_date="2025-12-31", basic_fee_bp=3000, late_fee_ppm_per_day=3000,
                         prices={(c, f): 2250 for c in UserClass for f in HeatingForm})
    account = accounts.register_account(core, clerk, AccountInput(
        account_no="100100001", holder_name="张伟", community="幸福小区", building="3", unit="2",
        room="301", area="85.50", phone="13912345678"))
    billing.generate_bill(core, admin, account, "2025-2026")
    shift = shifts.open_shift(core, clerk, "500")
    numbers = [payments.take_payment(core, clerk, account, "10", "cash", tendered="20").receipt_no
               for _ in range(receipts)]
    request = requests.receive(
        core, clerk, "application_residential",
        documents={"owner_id_card": SEEN, "property_certificate": SEEN},
        new_account=AccountInput(account_no="100100002", holder_name="李娜", community="幸福小区",
                                 building="3", unit="2", room="302", area="92.30", phone="13912345679",
                                 id_number="110105198001011238", heating_state="not_connected"),
        fields={"owner_name": "李娜", "owner_id_number": "110105198001011238", "phone": "13912345679",
                "address": "幸福小区3号楼2单元302室", "area": "92.30", "heating_method": "散热器"})
    with core.unit_of_work() as session:
        session.execute(insert(LedgerEntry), [dict(
            position=1000 + i, entry_type="payment", receipt_no=f"2025-{i + 1 + receipts:06d}",
            account_id=account,
            method=("cash", "wechat", "card")[i % 3], amount_fen=100000 + i, prepayment=False,
            allocation={}, reason="", shift_id=shift.id, clerk_id=clerk.staff_id, created_at=core.now(),
            business_date=DAY, prev_hash="0" * 64, hash=f"{i:064x}") for i in range(rows - receipts)])
    return sup, clerk, numbers, request


def bare(page: tuple[float, float], story_of: Callable[[Styles], list]) -> Callable[[], bytes]:
    font = fonts.register()
    styles = Styles(font.name, 10)

    def build() -> bytes:
        buffer = BytesIO()
        SimpleDocTemplate(buffer, pagesize=page, leftMargin=15 * mm, rightMargin=15 * mm,
                          topMargin=15 * mm, bottomMargin=15 * mm).build(story_of(styles))
        return buffer.getvalue()
    return build


def plain_table(rows: list[list[str]], widths_mm: tuple[float, ...], font: str) -> Table:
    table = Table(rows, colWidths=[w * mm for w in widths_mm], repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 9), ("GRID", (0, 0), (-1, -1), 0.5, "grey")]))
    return table


def receipt_story(core: Core, receipt_no: str) -> Callable[[Styles], list]:
    p = payments.receipt_by_number(core, receipt_no)
    lines = ["蓝煜热力有限公司 城东客户服务中心", "收款收据", f"收据号 {p.receipt_no}",
             f"户号 {p.account_no}", f"户名 {p.holder_name}", f"地址 {p.address}",
             f"付款方式 {p.method.label}",
             f"合计 {money(p.amount_fen)}", f"大写 {p.amount_capital}", f"收款人 {p.clerk}",
             "本收据为缴费凭证，不是发票。", "请妥善保管。"]
    items = [["收费项目", "金额"]] + [[label, money(fen)] for label, fen in p.items]
    return lambda s: [Paragraph(escape(x), s.body) for x in lines] + [plain_table(items, (80, 40), s.font)]


def contract_story(data) -> Callable[[Styles], list]:  # noqa: ANN001
    """The contract's paragraphs and table rows, plainly: no QR, no keep-together."""
    def story(s: Styles) -> list:
        heads = ("蓝煜热力有限公司", data.title, f"（{data.class_label}用户）",
                 f"合同编号：{data.contract_no}", f"业务编号：{data.request_no}（{data.kind_name}）",
                 f"签订日期：{data.sign_date}",
                 "扫描右侧二维码可随时查询办理进度。")
        out = [Paragraph(escape(x), s.body) for x in heads]
        blank = ("", "")
        parties = [[*a, *b] for a, b in zip(data.supplier + (blank,) * 3, data.customer + (blank,) * 3,
                                            strict=False)
                   if a != blank or b != blank]
        out.append(plain_table(parties, (28, 57, 30, 55), s.font))
        pairs = list(data.premises)
        premises = [["供热房屋", "", "", ""], *([*pairs[i], *pairs[i + 1]] for i in range(0, 6, 2))]
        out.append(plain_table(premises, (28, 57, 30, 55), s.font))
        for title, text in data.clauses:
            out += [Paragraph(escape(title), s.heading), Paragraph(escape(text), s.body)]
        out.append(plain_table([["甲方（盖章）", "蓝煜热力有限公司", "乙方（签字或盖章）",
                                 data.customer_name],
                                ["甲方代表（签字）", "", "乙方（签字）", ""],
                                ["日期", "年 月 日", "日期", "年 月 日"]],
                               (34, 51, 36, 49), s.font))
        return out
    return story


def register_story(data) -> Callable[[Styles], list]:  # noqa: ANN001
    rows = [["序号", "时间", "收据号", "类型", "户号", "户名", "付款方式", "金额", "经办/批准", "备注"]]
    for clerk_rows in data.entries_by_clerk.values():
        rows += [[str(i), "10:00", r.receipt_no, r.entry_type.label, r.account_no, r.holder, r.method.label,
                  money(r.amount_fen), r.operator, ""] for i, r in enumerate(clerk_rows, 1)]
    return lambda s: [Paragraph("营业日报", s.title), plain_table(rows, ENTRY_WIDTHS, s.font)]


def qr_alone(data) -> bytes:  # noqa: ANN001
    """The contract's QR flowable drawn on a page of its own."""
    buffer = BytesIO()
    canvas = Canvas(buffer)
    TrackingQr(data.tracking_url, 26, data.tracking_code, fonts.register().name).drawOn(canvas, 100, 100)
    canvas.save()
    return buffer.getvalue()


def accelerated() -> str:
    try:
        import _rl_accel  # noqa: F401
    except ImportError:
        return "not installed (pip install rl_accel: every document renders faster)"
    return "installed"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--rows", type=int, default=2000)
    args = parser.parse_args()
    try:
        from printing.receipt import receipt_pdf
    except ImportError as exc:
        receipt_pdf, missing = None, exc
    with tempfile.TemporaryDirectory(prefix="print-bench-") as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        upgrade(engine)
        core = Core(engine, clock=lambda: HALL_TIME)
        core.password_hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        sup, clerk, numbers, request = setup(core, args.rows, args.runs + 1)
        contract = contract_data(core, clerk, request)
        company = contract.company
        register = register_data(core, sup, DAY)
        assert register.entry_count == args.rows, register.entry_count
        results = []      # (document, job s, renderer-only s, bare s, goal text, ok)
        if receipt_pdf is not None:
            unprinted = iter(numbers)        # each receipt's original prints once (then 副本 N)
            m = medians({"job": lambda: receipt_pdf(receipt_data(core, clerk, next(unprinted))),
                         "bare": bare(A5, receipt_story(core, numbers[0]))}, args.runs)
            results.append(("receipt (A5)", m["job"], None, m["bare"], "<= 1.5x bare",
                            m["job"] <= 1.5 * m["bare"]))
        m = medians({"job": lambda: contract_pdf(contract_data(core, clerk, request)),
                     "alone": lambda: ContractRenderer(company).render(contract),
                     "bare": bare(A4, contract_story(contract)), "qr": lambda: qr_alone(contract)}, args.runs)
        qr_cost = m["qr"]
        results.append(("contract (A4)", m["job"], m["alone"], m["bare"], "<= 1.5x bare",
                        m["job"] <= 1.5 * m["bare"]))
        runs = max(3, args.runs // 2)
        m = medians({"job": lambda: register_pdf(register_data(core, sup, DAY)),
                     "alone": lambda: RegisterRenderer(company).render(register),
                     "bare": bare(landscape(A4), register_story(register))}, runs)
        wall = wall_median(lambda: register_pdf(register_data(core, sup, DAY)), runs)
        results.append((f"register {args.rows} rows", m["job"], m["alone"], m["bare"], "<= 2 s incl. query",
                        max(m["job"], wall) <= 2.0))
        engine.dispose()
    print(f"printing speed, SQLite, CPU-time medians of {args.runs} interleaved runs "
          f"({runs} for the register), font {fonts.register().path}, "
          f"ReportLab C accelerator (rl_accel): {accelerated()}")
    print(f"{'document':<22}{'job (with query)':>18}{'renderer only':>15}{'bare doc':>11}"
          f"{'job/bare':>10}  {'goal':<20}result")
    for name, job, alone, plain, goal, ok in results:
        only = f"{alone * 1000:11.1f} ms" if alone is not None else f"{'-':>14}"
        print(f"{name:<22}{job * 1000:15.1f} ms{only}{plain * 1000:8.1f} ms{job / plain:9.2f}x  "
              f"{goal:<20}{'met' if ok else 'MISSED'}")
    print(f"of the contract: its tracking QR code alone (encode + draw) {qr_cost * 1000:.1f} ms")
    print(f"register {args.rows} rows, wall clock (median of {runs}): {wall * 1000:.1f} ms")
    if receipt_pdf is None:
        print(f"{'receipt (A5)':<22}{'pending':>18}  printing/receipt.py receipt_pdf is not there yet "
              f"({missing})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
