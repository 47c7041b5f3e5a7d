"""What a receipt says after the fact, and the pre-printed form, read back from the
PDF on SQLite and PostgreSQL: a void receipt names when it was voided and who
approved it, a refunded one what was kept, the total prints bold, the QR code and
its code stay inside the form's square, and the calibration page stays on the
paper and speaks Chinese."""

from __future__ import annotations

import ctypes

import pypdfium2
import pypdfium2.raw as pdfium
import pytest

from counter_app.services import payments
from printing.receipt import FIELDS, FORM_MM, QR_SYMBOL_MM, calibration_pdf
from tests.test_print_receipt import (
    PT_PER_MM,
    hall,  # noqa: F401 - the fixture
    page_count,
    pdf_text,
    qr_codes,
    receipt_pdf,
)


def text_objects(pdf: bytes, page: int = 0) -> list[tuple[str, int]]:
    """(text, PDF text render mode) of every text object of the page, in order."""
    the_page = pypdfium2.PdfDocument(pdf)[page]
    text_page = the_page.get_textpage()         # of the same page object as the text objects
    out = []
    for obj in the_page.get_objects(filter=[pdfium.FPDF_PAGEOBJ_TEXT]):
        size = pdfium.FPDFTextObj_GetText(obj.raw, text_page.raw, None, 0)
        buffer = (ctypes.c_ushort * (size // 2))()
        pdfium.FPDFTextObj_GetText(obj.raw, text_page.raw, buffer, size)
        out.append((bytes(buffer).decode("utf-16-le").rstrip("\x00").strip(),
                    pdfium.FPDFTextObj_GetTextRenderMode(obj.raw)))
    return out


def char_boxes(pdf: bytes, page: int = 0) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every printed character with its box (left, bottom, right, top) in pt."""
    text = pypdfium2.PdfDocument(pdf)[page].get_textpage()
    return [(text.get_text_range(i, 1), text.get_charbox(i)) for i in range(text.count_chars())
            if text.get_text_range(i, 1).strip()]


def ink(pdf: bytes, box: tuple[float, float, float, float], page: int = 0) -> int:
    """How many dark pixels a box holds on the page rendered at 300 dpi."""
    rendered = pypdfium2.PdfDocument(pdf)[page]
    scale, height = 300 / 72, rendered.get_height()
    image = rendered.render(scale=scale).to_pil().convert("L")
    left, bottom, right, top = box
    crop = image.crop((int(left * scale), int((height - top) * scale),
                       int(right * scale) + 1, int((height - bottom) * scale) + 1))
    return sum(crop.histogram()[:128])


# -- void and refunded receipts --------------------------------------------------------------

def test_a_void_receipt_says_when_it_was_voided_and_who_approved_it(hall, clock):  # noqa: F811
    core, p = hall.core, hall.people
    clock.set(2025, 11, 20, 11, 30)
    payments.void(core, p.clerk, hall.paid.entry_id, "金额录错", p.supervisor)
    said = "本收据已于2025-11-2011:30作废（批准：王值班长）：金额录错"
    assert said in pdf_text(receipt_pdf(core, p.clerk, hall.paid.receipt_no))
    for layout in ("roll", "preprinted"):
        assert said in pdf_text(receipt_pdf(core, p.clerk, hall.paid.receipt_no, layout=layout, reprint=True))


def test_a_refunded_receipt_shows_the_net_amount_kept(hall):  # noqa: F811
    core, p = hall.core, hall.people
    paid = payments.take_payment(core, p.clerk, hall.acc2, "800", "wechat", prepayment=True)
    payments.refund(core, p.clerk, paid.entry_id, "100", "客户多交", p.supervisor)
    payments.refund(core, p.clerk, paid.entry_id, "200", "再退一次", p.supervisor)
    a5 = receipt_pdf(core, p.clerk, paid.receipt_no)
    text = pdf_text(a5)
    assert "已退款-¥300.00" in text and "实收净额（大写：伍佰元整）¥500.00" in text
    assert page_count(a5) == 1
    roll = pdf_text(receipt_pdf(core, p.clerk, paid.receipt_no, layout="roll", reprint=True))
    assert "已退款-¥300.00" in roll and "实收净额¥500.00" in roll and "净额大写：伍佰元整" in roll
    form = pdf_text(receipt_pdf(core, p.clerk, paid.receipt_no, layout="preprinted", reprint=True))
    assert "扣除退款后实收净额¥500.00（伍佰元整）" in form
    plain = pdf_text(receipt_pdf(core, p.clerk, hall.paid.receipt_no))         # nothing refunded
    assert "实收净额" not in plain and "已退款" not in plain


def test_the_total_prints_bold(hall):  # noqa: F811
    core, p = hall.core, hall.people
    for layout in ("a5", "roll"):
        pdf = receipt_pdf(core, p.clerk, hall.paid.receipt_no, layout=layout, reprint=layout != "a5")
        modes = [mode for text, mode in text_objects(pdf) if text == "¥3,000.00"]
        assert modes == [2], (layout, modes)          # filled and stroked: heavier than its neighbours
        regular = [mode for text, mode in text_objects(pdf) if text == "¥2,000.00"]
        assert regular == [0], (layout, regular)
    pdf = receipt_pdf(core, p.clerk, hall.paid.receipt_no, reprint=True)
    text = pypdfium2.PdfDocument(pdf)[0].get_textpage()
    whole = text.get_text_range()

    def box(needle: str) -> tuple[float, float, float, float]:
        """Round ",000.00" of the amount: the same glyphs in both."""
        start = whole.index(needle) + 2
        boxes = [text.get_charbox(start + i) for i in range(len(needle) - 2)]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes))

    # the same digits, printed regular (the 2024-2025 line, 1,000.00) and bold (the total, 3,000.00)
    assert ink(pdf, box("¥3,000.00")) > 1.2 * ink(pdf, box("¥1,000.00"))


# -- the pre-printed form --------------------------------------------------------------------

def test_the_preprinted_qr_and_its_code_stay_inside_the_forms_square(hall):  # noqa: F811
    core, p = hall.core, hall.people
    for n, offsets in enumerate(((0, 0), (4, -3)), start=0):
        pdf = receipt_pdf(core, p.clerk, hall.paid.receipt_no, layout="preprinted", reprint=n > 0,
                          offsets_mm=offsets)
        x, y, side, _ = FIELDS["qr"]
        left, top = (x + offsets[0]) * PT_PER_MM, (FORM_MM[1] - y - offsets[1]) * PT_PER_MM
        square = (left, top - side * PT_PER_MM, left + side * PT_PER_MM, top)
        text = pypdfium2.PdfDocument(pdf)[0].get_textpage()
        start = text.get_text_range().index(hall.paid.tracking_code)   # the code is printed
        caption = [text.get_charbox(start + i) for i in range(len(hall.paid.tracking_code))]
        for b in caption:                                               # ... inside the square
            assert square[0] <= b[0] and b[2] <= square[2], (offsets, b, square)
            assert square[1] <= b[1] and b[3] <= square[3], (offsets, b, square)
        [(decoded, symbol)] = qr_codes(pdf)
        assert decoded == hall.url and symbol >= 25 and QR_SYMBOL_MM >= 25


# -- the calibration page --------------------------------------------------------------------

@pytest.mark.parametrize("offsets", [(0, 0), (30, 30), (-30, -30), (12.5, -7)])
def test_the_calibration_page_stays_on_the_paper_whatever_the_offsets(offsets):
    pdf = calibration_pdf(offsets)
    width, height = FORM_MM[0] * PT_PER_MM, FORM_MM[1] * PT_PER_MM
    boxes = char_boxes(pdf)
    for char, (left, bottom, right, top) in boxes:
        assert 0 <= left and right <= width and 0 <= bottom and top <= height, (offsets, char)
    text = pdf_text(pdf)
    for mark in [*range(10, 241, 10), *range(10, 91, 10)]:           # every ruler label, 240 included
        assert str(mark) in text, (offsets, mark)
    forty = pypdfium2.PdfDocument(pdf)[0].get_textpage()
    where = forty.get_text_range().index("240")
    assert forty.get_charbox(where + 2)[2] <= width                    # its 0 not cut at the edge


def test_the_calibration_page_names_the_fields_in_chinese_and_those_moved_off_the_paper():
    text = pdf_text(calibration_pdf((0, 0)))
    for name in ("收据号", "日期", "户号", "户名", "合计大写", "合计", "付款方式", "收款人", "备注",
                 "查询二维码"):
        assert name in text, name
    for code in FIELDS:                                                # no field code in English
        assert code not in text, code
    assert "印不出" not in text
    moved = pdf_text(calibration_pdf((-30, -30)))
    assert "按当前偏移超出纸边、印不出的栏目：收据号、作废/副本、日期、户号、户名" in moved
