"""The printed receipt (A5, 80 mm roll, pre-printed form) and the form's calibration
page, rendered from payments taken through the services, on SQLite and PostgreSQL.

Checks read the PDF back: pypdf's text, pypdfium2's character boxes and a
rendered page whose QR code zxing-cpp decodes to the exact tracking URL."""

from __future__ import annotations

import io
import math
import re

import pypdf
import pypdfium2
import pytest
import zxingcpp
from sqlalchemy import func, select

from counter_app.db.money import ReceiptPrint
from counter_app.errors import Conflict, NotFound, ValidationError
from counter_app.services import accounts, billing, payments, requests, settings, shifts
from counter_app.services.documents.receipt import receipt_data
from printing import receipt as paper
from printing.qr import tracking_url
from printing.receipt import calibration_pdf
from tests.helpers import account_input, sample_fields
from tests.test_payments import publish

PT_PER_MM = 72 / 25.4
DPI = 150
HALL = {"company_name": "蓝煜热力有限公司", "hall_name": "城东客户服务中心",
        "hall_address": "太原市小店区学府街88号", "hall_phone": "0351-7654321",
        "opening_hours": "周一至周日 8:30-17:30", "tracking_base_url": "https://rexian.example.cn/q"}


def receipt_pdf(core, actor, receipt_no, **options):
    """The receipt as the screen and the command line make it: its read (which logs
    the print), then its paper."""
    return paper.receipt_pdf(receipt_data(core, actor, receipt_no, **options))


# -- reading a PDF back (also used by test_print_slip_notice) -------------------------

def pdf_text(pdf: bytes, page: int | None = None) -> str:
    """The text of one page or all pages, whitespace removed (lines wrap anywhere)."""
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    chosen = pages if page is None else [pages[page]]
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in chosen))


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def page_mm(pdf: bytes, page: int = 0) -> tuple[float, float]:
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[page].mediabox
    return float(box.width) / PT_PER_MM, float(box.height) / PT_PER_MM


def qr_codes(pdf: bytes, page: int = 0) -> list[tuple[str, float]]:
    """(decoded text, printed side in mm) of every QR code on the rendered page."""
    image = pypdfium2.PdfDocument(pdf)[page].render(scale=DPI / 72).to_pil()
    out = []
    for found in zxingcpp.read_barcodes(image):
        p = found.position
        side = min(math.dist((p.top_left.x, p.top_left.y), (p.top_right.x, p.top_right.y)),
                   math.dist((p.top_left.x, p.top_left.y), (p.bottom_left.x, p.bottom_left.y)))
        out.append((found.text, side / DPI * 25.4))
    return out


def assert_fonts_embedded(pdf: bytes) -> None:
    """Every font of every page is a TrueType program inside the file."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        assert fonts, "no font on the page"
        for name, ref in fonts.items():
            font = ref.get_object()
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), \
                f"{name} {font['/BaseFont']} not embedded"


def char_box(pdf: bytes, needle: str, page: int = 0) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) in pt of the first character of ``needle``."""
    text_page = pypdfium2.PdfDocument(pdf)[page].get_textpage()
    return text_page.get_charbox(text_page.get_text_range().index(needle))


def min_font_pt(pdf: bytes) -> float:
    sizes: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes.append(size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]))
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return min(sizes)


# -- the payments ----------------------------------------------------------------------

@pytest.fixture
def hall(core, people):
    """3,000.00 due on 张伟's account (two seasons), paid in cash with 3,100.00
    for his settlement request; 李营业员's shift is open.  Thursday 2025-11-20 10:00."""
    settings.update(core, people.admin, HALL)
    publish(core, people.admin, "2024-2025", 1000)
    publish(core, people.admin, "2025-2026", 2000)
    h = type("Hall", (), {})()
    h.core, h.people = core, people
    h.acc = accounts.register_account(core, people.clerk, account_input(1, area="100"))
    h.acc2 = accounts.register_account(core, people.clerk, account_input(2, area="100"))
    billing.generate_bill(core, people.admin, h.acc, "2024-2025")
    billing.generate_bill(core, people.admin, h.acc, "2025-2026")
    shifts.open_shift(core, people.clerk, "500")
    h.request = requests.receive(core, people.clerk, "settlement", account_id=h.acc,
                                 fields=sample_fields(core.catalogue.get("settlement")))
    h.paid = payments.take_payment(core, people.clerk, h.acc, "3000", "cash", tendered="3100",
                                   request_id=h.request)
    h.url = tracking_url(HALL["tracking_base_url"], h.paid.tracking_code)
    return h


def receipt_facts(h) -> list[str]:
    return [HALL["company_name"], HALL["hall_name"], "收款收据", "2025-000001", "2025-11-2010:00",
            "100100001", "张伟", "幸福小区3号楼2单元301室", "2024-2025采暖季热费¥1,000.00",
            "2025-2026采暖季热费¥2,000.00", "¥3,000.00", "叁仟元整", "现金", "¥3,100.00", "找零¥100.00",
            "李营业员", h.paid.tracking_code, "扫码查询办理进度", "不作为税务发票"]


def test_the_a5_receipt_shows_the_payment_and_the_request_qr(hall):
    pdf = receipt_pdf(hall.core, hall.people.clerk, hall.paid.receipt_no)
    text = pdf_text(pdf)
    for fact in receipt_facts(hall):
        assert fact in text, fact
    assert "副本" not in text and "作废" not in text
    assert page_count(pdf) == 1
    assert page_mm(pdf) == pytest.approx((148, 210), abs=0.5)
    [(decoded, side)] = qr_codes(pdf)
    assert decoded == hall.url == "https://rexian.example.cn/q/" + hall.paid.tracking_code
    assert side >= 25
    assert_fonts_embedded(pdf)


def test_the_roll_receipt_is_80_mm_wide_and_as_long_as_its_content(hall):
    pdf = receipt_pdf(hall.core, hall.people.clerk, hall.paid.receipt_no, layout="roll")
    text = pdf_text(pdf)
    for fact in receipt_facts(hall):
        assert fact in text, fact
    width, height = page_mm(pdf)
    assert width == pytest.approx(80, abs=0.1)
    assert 100 < height < 250 and page_count(pdf) == 1
    assert text.endswith("请妥善保管。")              # nothing cut off at the end of the roll
    assert min_font_pt(pdf) >= 7
    [(decoded, side)] = qr_codes(pdf)
    assert decoded == hall.url and side >= 30
    assert_fonts_embedded(pdf)
    payment = payments.take_payment(hall.core, hall.people.clerk, hall.acc2, "10", "card",
                                    prepayment=True)
    own = receipt_pdf(hall.core, hall.people.clerk, payment.receipt_no, layout="roll")
    [(decoded, side)] = qr_codes(own)               # no request: the receipt's own page
    assert decoded.startswith("https://rexian.example.cn/q/") and decoded != hall.url and side >= 30


def test_a_reprint_is_logged_and_marked_as_a_numbered_copy(hall):
    core, clerk, number = hall.core, hall.people.clerk, hall.paid.receipt_no
    original = receipt_pdf(core, clerk, number)         # the one unmarked original
    assert "副本" not in pdf_text(original)
    first = receipt_pdf(core, clerk, number, reprint=True)
    assert "副本1" in pdf_text(first) and "副本2" not in pdf_text(first)
    second = receipt_pdf(core, hall.people.clerk2, number, reprint=True, layout="roll")
    assert "副本2" in pdf_text(second) and "赵营业员补打" in pdf_text(second)
    with pytest.raises(Conflict, match="已打印过原件"):  # never a second unmarked one
        receipt_pdf(core, clerk, number, layout="roll")
    assert payments.receipt(core, hall.paid.entry_id).copies == 2
    for copy in (first, second):                        # the copy keeps its QR, readable under the mark
        [(decoded, _side)] = qr_codes(copy)
        assert decoded == hall.url


def test_a_void_receipt_is_marked_and_its_reprint_carries_both_marks(hall):
    core, p = hall.core, hall.people
    payments.void(core, p.clerk, hall.paid.entry_id, "金额录错", p.supervisor)
    text = pdf_text(receipt_pdf(core, p.clerk, hall.paid.receipt_no))
    assert "作废" in text and "金额录错" in text and "副本" not in text
    for n, layout in enumerate(("a5", "roll", "preprinted"), start=1):
        both = pdf_text(receipt_pdf(core, p.clerk, hall.paid.receipt_no, layout=layout, reprint=True))
        assert "作废" in both and f"副本{n}" in both, layout


def test_prepayment_and_refunds_are_printed_and_a_payment_without_request_has_its_own_qr(hall):
    core, p = hall.core, hall.people
    paid = payments.take_payment(core, p.clerk, hall.acc2, "800", "wechat", prepayment=True)
    payments.refund(core, p.clerk, paid.entry_id, "100", "客户多交", p.supervisor)
    pdf = receipt_pdf(core, p.clerk, paid.receipt_no)
    text = pdf_text(pdf)
    for fact in ("2025-000002", "预交下一采暖季热费¥800.00", "捌佰元整", "微信支付",
                 "将自动抵扣下一采暖季热费", "2025-11-20已退款¥100.00（微信支付）：客户多交"):
        assert fact in text, fact
    assert "找零" not in text and "扫码查询办理进度" not in text and "扫码核验收据真伪" in text
    [(decoded, _side)] = qr_codes(pdf)
    assert decoded.startswith("https://rexian.example.cn/q/") and decoded != hall.url
    assert_fonts_embedded(pdf)


def test_the_preprinted_layout_prints_only_the_fields_and_moves_by_the_offsets(hall):
    core, clerk, number = hall.core, hall.people.clerk, hall.paid.receipt_no
    plain = receipt_pdf(core, clerk, number, layout="preprinted")
    moved = receipt_pdf(core, clerk, number, layout="preprinted", offsets_mm=(5, 3), reprint=True)
    text = pdf_text(plain)
    for fact in ("2025-000001", "2025-11-2010:00", "100100001", "张伟", "¥3,000.00", "叁仟元整",
                 "¥3,100.00", "李营业员"):
        assert fact in text, fact
    for printed_on_the_form in (HALL["company_name"], HALL["hall_name"], "收款收据", "户号", "合计",
                                "收款人", "收据号"):
        assert printed_on_the_form not in text
    assert page_mm(plain) == pytest.approx((241, 93), abs=0.1)
    for needle in ("2025-000001", "张伟", "叁仟元整"):
        before, after = char_box(plain, needle), char_box(moved, needle)
        assert after[0] - before[0] == pytest.approx(5 * PT_PER_MM, abs=0.05)     # 5 mm right
        assert after[1] - before[1] == pytest.approx(-3 * PT_PER_MM, abs=0.05)    # 3 mm down
    [(decoded, side)] = qr_codes(plain)
    assert decoded == hall.url and side >= 25
    assert_fonts_embedded(plain)


def test_the_calibration_page_shows_the_form_fields_and_the_offsets():
    pdf = calibration_pdf((5, 3))
    text = pdf_text(pdf)
    for fact in ("校准页", "241×93mm", "向右5.0mm", "向下3.0mm", "收据号", "合计", "收款人", "查询二维码"):
        assert fact in text, fact
    assert page_mm(pdf) == pytest.approx((241, 93), abs=0.1)
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=DPI / 72).to_pil().convert("L")
    assert image.getextrema()[0] < 100                  # it draws something
    plain = calibration_pdf()
    shift = char_box(pdf, "收据号")[0] - char_box(plain, "收据号")[0]
    assert shift == pytest.approx(5 * PT_PER_MM, abs=0.05)
    assert_fonts_embedded(pdf)
    for bad in ((40, 0), ("右", 0)):
        with pytest.raises(ValidationError, match="偏移"):
            calibration_pdf(bad)


def test_an_unknown_receipt_or_a_bad_layout_prints_nothing_and_logs_nothing(hall):
    core, clerk = hall.core, hall.people.clerk
    with pytest.raises(NotFound, match="2025-000099"):
        receipt_pdf(core, clerk, "2025-000099", reprint=True)
    with pytest.raises(ValidationError, match="版式") as err:
        receipt_pdf(core, clerk, hall.paid.receipt_no, layout="a4", reprint=True)
    assert err.value.field == "layout"
    with pytest.raises(ValidationError, match="偏移"):
        receipt_pdf(core, clerk, hall.paid.receipt_no, layout="preprinted", reprint=True,
                    offsets_mm=(0, 99))
    with core.reading() as session:
        assert session.scalar(select(func.count(ReceiptPrint.id))) == 0
