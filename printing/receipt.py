"""The payment receipt (收款收据 - a receipt, not a tax invoice/发票) in three layouts,
and the calibration page of the pre-printed form.

    a5          A5 portrait, the whole receipt
    roll        80 mm thermal roll: 72 mm printed width, the page as long as its content
    preprinted  套打: only the variable fields, at fixed places on the company's
                pre-printed numbered form, shifted by ``offsets_mm`` (printer calibration)

The pre-printed form is the 241 x 93 mm continuous receipt form (9.5 inch wide,
a third of 11 inch: the usual 一式三联 收据 of needle printers).  Each field is
placed at (x, y) in mm from the form's top-left corner; y is the text's
baseline; "right" fields end at x.  ``offsets_mm = (dx, dy)`` moves everything
dx mm to the right and dy mm down (negative: left / up).

    field         x      y    width  align   on the form
    receipt_no    178    13    55    left    收据号 (the system's number)
    mark          178    20    55    left    作废 / 副本 N
    paid_at        34    21    60    left    日期
    account_no     34    29    50    left    户号
    holder        112    29    62    left    户名
    address        34    37   165    left    地址
    item_label     34    46   120    left    收费项目, 5 lines 5.5 mm apart
    item_amount   199    46    40    right   金额, same lines
    capital        46    75   110    left    合计大写
    total         199    75    40    right   合计小写
    method         34    82   120    left    付款方式 (cash: tendered, change)
    clerk         178    82    55    left    收款人
    note           34    88   165    left    预交 / 退款 / 作废原因
    qr            205    42    32    box     QR of the request (symbol >= 25 mm), top-left corner, side
"""

from __future__ import annotations

from io import BytesIO

from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer, TableStyle

from counter_app.services.documents.receipt import (
    LAYOUTS,
    PaymentView,
    ReceiptData,
    check_offsets,
)
from counter_app.validation import format_fen
from printing import fonts, qr
from printing.base import Company, Renderer
from printing.slip import frame_width, grid, qr_beside, table
from printing.styles import INK, MARK, Row, escape

__all__ = ["FIELDS", "LAYOUTS", "ReceiptA5", "ReceiptRoll", "calibration_pdf", "preprinted_pdf",
           "receipt_pdf"]

FORM_MM = (241.0, 93.0)
FIELDS: dict[str, tuple[float, float, float, str]] = {
    "receipt_no": (178, 13, 55, "left"), "mark": (178, 20, 55, "left"),
    "paid_at": (34, 21, 60, "left"), "account_no": (34, 29, 50, "left"),
    "holder": (112, 29, 62, "left"), "address": (34, 37, 165, "left"),
    "item_label": (34, 46, 120, "left"), "item_amount": (199, 46, 40, "right"),
    "capital": (46, 75, 110, "left"), "total": (199, 75, 40, "right"),
    "method": (34, 82, 120, "left"), "clerk": (178, 82, 55, "left"),
    "note": (34, 88, 165, "left"), "qr": (205, 42, 32, "box"),
}
FIELD_NAMES = {"receipt_no": "收据号", "mark": "作废/副本", "paid_at": "日期", "account_no": "户号",
               "holder": "户名", "address": "地址", "item_label": "收费项目", "item_amount": "金额",
               "capital": "合计大写", "total": "合计", "method": "付款方式", "clerk": "收款人",
               "note": "备注", "qr": "查询二维码"}
ITEM_ROWS, ITEM_PITCH = 5, 5.5
ROLL_WIDTH_MM = 80.0


def money(fen: int) -> str:
    return ("-" if fen < 0 else "") + "¥" + format_fen(abs(fen))


def mark_text(data: ReceiptData) -> str:
    parts = (["作废"] if data.payment.void else []) + ([f"副本 {data.copy_no}"] if data.copy_no else [])
    return " ".join(parts)


def method_text(p: PaymentView) -> str:
    text = p.method.label
    if p.tendered_fen is not None:
        text += f"　实收 {money(p.tendered_fen)}　找零 {money(p.change_fen or 0)}"
    return text


def notes(data: ReceiptData) -> list[str]:
    p, out = data.payment, []
    prepaid = p.allocation.get("prepaid", 0)
    if prepaid > 0:
        out.append(f"含预交下一采暖季热费 {money(prepaid)}，将自动抵扣下一采暖季热费")
    out += [f"{day} 已退款 {money(-fen)}（{method}）：{reason}" for day, method, fen, reason in data.refunds]
    if p.void:
        out.append(f"本收据已作废：{p.void_reason}" if p.void_reason else "本收据已作废")
    return out


def footer_lines(data: ReceiptData) -> list[str]:
    out = ["本收据为缴费凭证，不作为税务发票使用。请妥善保管。"]
    if data.copy_no:
        out.append(f"副本 {data.copy_no}：{data.reprinted_at} 由 {data.reprinted_by} 补打")
    return out


# -- A5 -------------------------------------------------------------------------------

class ReceiptA5(Renderer[ReceiptData]):
    page_size = A5
    margins_mm = (14, 14, 12, 14)
    base_font_size = 10
    title = "收款收据"
    qr_mm = qr.MIN_A4_MM + 1

    def document_title(self, data: ReceiptData) -> str:
        return f"收款收据 {data.payment.receipt_no}"

    def mark(self, data: ReceiptData) -> str | None:
        return mark_text(data) or None

    def width(self) -> float:
        return frame_width(self)

    def head(self, data: ReceiptData) -> list[Flowable]:
        s, c = self.styles, self.company
        out: list[Flowable] = [Paragraph(escape(c.company_name), s.center)]
        if c.hall_name:
            out.append(Paragraph(escape(c.hall_name), s.subtitle))
        out.append(Paragraph(self.title, s.title))
        marked = mark_text(data)
        if marked:
            out.append(Paragraph(f'<font color="#{MARK.hexval()[2:]}">【{escape(marked)}】</font>', s.center))
        return out

    def story(self, data: ReceiptData) -> list[Flowable]:
        s, p, width = self.styles, data.payment, self.width()
        out = self.head(data)
        top = table([[Paragraph(f"收据号：{escape(p.receipt_no)}", s.body),
                      Paragraph(f"日期：{escape(data.paid_at)}", s.right)]], widths=[width / 2] * 2)
        top.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        out.append(top)
        info = grid([[Paragraph(v, s.cell)
                      for v in ("户号", escape(p.account_no), "户名", escape(p.holder_name))],
                     [Paragraph("地址", s.cell), Paragraph(escape(p.address), s.cell), "", ""]],
                    [14 * mm, 40 * mm, 14 * mm, width - 68 * mm])
        info.setStyle(TableStyle([("SPAN", (1, 1), (3, 1)), ("BACKGROUND", (0, 0), (0, -1), "#f4f4f4"),
                                  ("BACKGROUND", (2, 0), (2, 0), "#f4f4f4")]))
        rows: list[Row] = [[Paragraph("收费项目", s.cell), Paragraph("金额（元）", s.cell_right)]]
        rows += [[Paragraph(escape(label), s.cell), Paragraph(money(fen), s.cell_right)]
                 for label, fen in p.items]
        rows += [[Paragraph("合计", s.cell), Paragraph(f"<b>{money(p.amount_fen)}</b>", s.cell_right)],
                 [Paragraph(f"合计大写：{escape(p.amount_capital)}", s.cell), ""]]
        items = grid(rows, [width - 38 * mm, 38 * mm], header=True)
        items.setStyle(TableStyle([("SPAN", (0, -1), (1, -1))]))
        out += [Spacer(1, 2 * mm), info, Spacer(1, 3 * mm), items, Spacer(1, 3 * mm),
                Paragraph(escape(f"付款方式：{method_text(p)}"), s.body)]
        out += [Paragraph(escape(line), s.body) for line in notes(data)]
        if data.qr_code:
            code = qr.tracking_qr(data.url, data.qr_code, self.qr_mm, self.font.name)
            out += [Spacer(1, 3 * mm), qr_beside(s, code, list(data.qr_lines), width)]
        sign = table([[Paragraph(f"收款人：{escape(p.clerk)}", s.body),
                       Paragraph("收款单位（盖章）：", s.body)]],
                     widths=[width / 2] * 2, heights=[14 * mm])
        sign.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        out += [Spacer(1, 4 * mm), sign]
        out += [Paragraph(escape(line), s.small) for line in footer_lines(data)]
        return out


# -- 80 mm roll -----------------------------------------------------------------------

class ReceiptRoll(ReceiptA5):
    margins_mm = (4, 4, 4, 6)
    base_font_size = 9
    page_numbers = False
    qr_mm = qr.MIN_ROLL_MM + 1

    def __init__(self, company: Company, font_path: str | None = None) -> None:
        super().__init__(company, font_path)
        self.page_size = (ROLL_WIDTH_MM * mm, 200 * mm)
        for style in (self.styles.subtitle, self.styles.small):
            style.textColor = INK                 # a thermal head prints grey as faint dots

    def render(self, data: ReceiptData) -> bytes:
        """The page is exactly as long as the content: measure first, then build."""
        width, total = self.width(), 0.0
        for n, flowable in enumerate(self.story(data)):
            total += flowable.wrap(width, 10_000 * mm)[1] + flowable.getSpaceAfter()
            total += flowable.getSpaceBefore() if n else 0
        self.page_size = (ROLL_WIDTH_MM * mm, total + 12 + (self.margins_mm[2] + self.margins_mm[3] + 3) * mm)
        return super().render(data)

    def story(self, data: ReceiptData) -> list[Flowable]:
        s, p, width = self.styles, data.payment, self.width()

        def pair(left: str, right: str) -> Flowable:
            t = table([[Paragraph(escape(left), s.cell), Paragraph(right, s.cell_right)]],
                      widths=[width - 26 * mm, 26 * mm])
            t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            return t

        def rule() -> HRFlowable:
            return HRFlowable(width="100%", thickness=0.6, dash=(2, 2), spaceBefore=2, spaceAfter=2)

        out = self.head(data)
        out += [Paragraph(escape(f"收据号：{p.receipt_no}"), s.body),
                Paragraph(escape(f"日期：{data.paid_at}"), s.body),
                Paragraph(escape(f"户号：{p.account_no}"), s.body),
                Paragraph(escape(f"户名：{p.holder_name}"), s.body),
                Paragraph(escape(f"地址：{p.address}"), s.body), rule()]
        out += [pair(label, money(fen)) for label, fen in p.items]
        out += [rule(), pair("合计", f"<b>{money(p.amount_fen)}</b>"),
                Paragraph(escape(f"大写：{p.amount_capital}"), s.body),
                Paragraph(escape(f"付款方式：{p.method.label}"), s.body)]
        if p.tendered_fen is not None:
            out += [pair("实收现金", money(p.tendered_fen)), pair("找零", money(p.change_fen or 0))]
        out += [Paragraph(escape(line), s.body) for line in notes(data)]
        out += [Paragraph(escape(f"收款人：{p.clerk}"), s.body), rule()]
        if data.qr_code:
            code = qr.tracking_qr(data.url, data.qr_code, self.qr_mm, self.font.name, caption_pt=7)
            holder = table([[code]], widths=[width])
            holder.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
            out += [holder, Paragraph(escape(data.qr_lines[-1]), s.center), rule()]
        out += [Paragraph(escape(line), s.small) for line in footer_lines(data)]
        return out


# -- pre-printed form (套打) and its calibration page -----------------------------------

def _form_canvas(buffer: BytesIO, title: str) -> tuple[pdfcanvas.Canvas, str]:
    font = fonts.register().name
    c = pdfcanvas.Canvas(buffer, pagesize=(FORM_MM[0] * mm, FORM_MM[1] * mm),
                         initialFontName=font)  # type: ignore[arg-type]  # a font name: the stubs say a size
    c.setTitle(title)
    c.setCreator("供热营业厅柜台系统")
    return c, font


def _put(c: pdfcanvas.Canvas, font: str, text: str, x: float, y: float, width: float, align: str,
         offsets: tuple[float, float], size: float = 10) -> None:
    """Text at a form position (mm), shrunk to fit its field's width."""
    while size > 6 and stringWidth(text, font, size) > width * mm:
        size -= 0.5
    c.setFont(font, size)
    px, py = (x + offsets[0]) * mm, (FORM_MM[1] - y - offsets[1]) * mm
    (c.drawRightString if align == "right" else c.drawString)(px, py, text)


def _item_rows(items: tuple[tuple[str, int], ...]) -> list[tuple[str, int]]:
    rows = list(items)
    if len(rows) > ITEM_ROWS:   # never drop money: the rest add up on the last line
        rest = rows[ITEM_ROWS - 1:]
        rows = [*rows[:ITEM_ROWS - 1], ("、".join(label for label, _ in rest), sum(f for _, f in rest))]
    return rows


def preprinted_pdf(data: ReceiptData, offsets: tuple[float, float]) -> bytes:
    buffer, p = BytesIO(), data.payment
    c, font = _form_canvas(buffer, f"收款收据 {p.receipt_no}（套打）")

    def put(name: str, text: str, dy: float = 0) -> None:
        x, y, width, align = FIELDS[name]
        _put(c, font, text, x, y + dy, width, align, offsets)

    values = {"receipt_no": p.receipt_no, "mark": mark_text(data), "paid_at": data.paid_at,
              "account_no": p.account_no, "holder": p.holder_name, "address": p.address,
              "capital": p.amount_capital, "total": money(p.amount_fen), "method": method_text(p),
              "clerk": p.clerk, "note": "；".join(notes(data))}
    for name, text in values.items():
        if text:
            put(name, text)
    for n, (label, fen) in enumerate(_item_rows(p.items)):
        put("item_label", label, n * ITEM_PITCH)
        put("item_amount", money(fen), n * ITEM_PITCH)
    if data.qr_code:
        x, y, _side, _ = FIELDS["qr"]
        drawing = qr.tracking_qr(data.url, data.qr_code, qr.MIN_A4_MM + 0.5, font, caption_pt=6)
        renderPDF.draw(drawing, c, (x + offsets[0]) * mm, (FORM_MM[1] - y - offsets[1]) * mm - drawing.height)
    c.showPage()
    c.save()
    return buffer.getvalue()


def calibration_pdf(offsets_mm: tuple[float, float] = (0, 0)) -> bytes:
    """A test page for the pre-printed form: its outline, mm rulers along the top
    and left edges, a cross at each field with its name, and the offsets."""
    dx, dy = check_offsets(offsets_mm)
    buffer = BytesIO()
    c, font = _form_canvas(buffer, "收款收据套打校准页")
    w, h = FORM_MM

    def at(x: float, y: float) -> tuple[float, float]:
        return (x + dx) * mm, (h - y - dy) * mm

    c.setLineWidth(0.5)
    c.rect(*at(0, h), w * mm, h * mm)
    c.setFont(font, 5)
    for n in range(int(w) + 1):                      # top ruler
        length = 4 if n % 10 == 0 else 2.5 if n % 5 == 0 else 1.5
        c.line(*at(n, 0), *at(n, length))
        if n % 10 == 0 and 0 < n < w:
            c.drawCentredString(at(n, 0)[0], at(n, 6.2)[1], str(n))
    for n in range(int(h) + 1):                      # left ruler
        length = 4 if n % 10 == 0 else 2.5 if n % 5 == 0 else 1.5
        c.line(*at(0, n), *at(length, n))
        if n % 10 == 0 and 0 < n < h:
            c.drawString(at(4.8, 0)[0], at(0, n + 0.8)[1], str(n))
    c.setFont(font, 6)
    for name, (x, y, width, align) in FIELDS.items():
        if align == "box":
            c.setDash(2, 2)
            c.rect(*at(x, y + width), width * mm, width * mm)
            c.setDash()
        px, py = at(x, y)
        c.line(px - 2.5 * mm, py, px + 2.5 * mm, py)
        c.line(px, py - 2.5 * mm, px, py + 2.5 * mm)
        label = f"{FIELD_NAMES[name]} {name}"
        if align == "right":
            c.drawRightString(px - 1 * mm, py + 0.8 * mm, label)
        else:
            c.drawString(px + 1 * mm, py + 0.8 * mm, label)
    for n in range(1, ITEM_ROWS):                    # the further item lines
        for name in ("item_label", "item_amount"):
            x, y = FIELDS[name][:2]
            c.line(*at(x - 1.5, y + n * ITEM_PITCH), *at(x + 1.5, y + n * ITEM_PITCH))
    c.setFont(font, 8)
    c.drawString(*at(60, 10), "收款收据套打校准页（241×93 mm）")
    c.drawString(*at(60, 14.5), f"当前偏移：向右 {dx:.1f} mm，向下 {dy:.1f} mm（负数为向左、向上）")
    c.setFont(font, 6.5)
    c.drawString(*at(60, 18.5), "十字应落在预印表格各栏的填写处；整体偏了多少，就把偏移量加上多少后重打本页")
    c.showPage()
    c.save()
    return buffer.getvalue()


# -- the paper ------------------------------------------------------------------------

def receipt_pdf(data: ReceiptData, font_path: str | None = None) -> bytes:
    """The receipt in the layout it was read for (a pre-printed form's fields moved by
    the offsets read with it; the screen moves the whole page by the printer's
    calibration instead)."""
    if data.layout == "preprinted":
        return preprinted_pdf(data, data.offsets_mm)
    renderer = ReceiptRoll(data.company, font_path) if data.layout == "roll" else \
        ReceiptA5(data.company, font_path)
    return renderer.render(data)
