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
    qr            205    42    32    box     QR code and its code, all inside: top-left corner, side
"""

from __future__ import annotations

from io import BytesIO

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
from counter_app.validation import fen_to_capital, format_fen
from printing import fonts, qr
from printing.base import Company, Renderer
from printing.slip import frame_width, grid, qr_beside, table
from printing.styles import INK, MARK, Bold, Row, escape

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
QR_SYMBOL_MM = qr.MIN_A4_MM + 0.5   # the pre-printed square's symbol; with its code it fills the square
QR_CAPTION_PT = 5.5
QR_FOOT_MM = 1.2                    # the code's baseline above the square's foot
EDGE_MM = 0.8                       # the calibration page's text keeps this far inside the paper
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
        when = f"于 {data.void_at} " if data.void_at else ""
        approved = f"（批准：{data.void_approved_by}）" if data.void_approved_by else ""
        out.append(f"本收据已{when}作废{approved}" + (f"：{p.void_reason}" if p.void_reason else ""))
    return out


def net_text(data: ReceiptData) -> str:
    """What was kept after the refunds, in figures and capitals; empty without a refund."""
    if data.net_fen is None:
        return ""
    return f"扣除退款后实收净额 {money(data.net_fen)}（{fen_to_capital(data.net_fen)}）"


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
        rows += [[Paragraph("合计", s.cell), Bold(money(p.amount_fen), s.cell_right)],
                 [Paragraph(f"合计大写：{escape(p.amount_capital)}", s.cell), ""]]
        if data.net_fen is not None:         # refunded: what the company kept, under what was paid
            refunded = data.net_fen - p.amount_fen
            rows += [[Paragraph("已退款", s.cell), Paragraph(money(refunded), s.cell_right)],
                     [Paragraph(f"实收净额（大写：{escape(fen_to_capital(data.net_fen))}）", s.cell),
                      Bold(money(data.net_fen), s.cell_right)]]
        items = grid(rows, [width - 38 * mm, 38 * mm], header=True)
        items.setStyle(TableStyle([("SPAN", (0, n), (1, n)) for n, row in enumerate(rows) if row[1] == ""]))
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

        def pair(left: str, right: str, *, bold: bool = False) -> Flowable:
            t = table([[Paragraph(escape(left), s.cell), (Bold if bold else Paragraph)(right, s.cell_right)]],
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
        out += [rule(), pair("合计", money(p.amount_fen), bold=True),
                Paragraph(escape(f"大写：{p.amount_capital}"), s.body)]
        if data.net_fen is not None:
            out += [pair("已退款", money(data.net_fen - p.amount_fen)),
                    pair("实收净额", money(data.net_fen), bold=True),
                    Paragraph(escape(f"净额大写：{fen_to_capital(data.net_fen)}"), s.body)]
        out += [
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


def qr_in_box(c: pdfcanvas.Canvas, font: str, url: str | None, code: str,
              offsets: tuple[float, float]) -> None:
    """The QR code and its code inside the form's square, nothing outside it: the
    symbol (``QR_SYMBOL_MM``) centred across, the code on one line at the foot of
    the square, the space left split above and below the symbol - about three
    modules of quiet zone there, four at the sides, which readers take."""
    x, y, side, _ = FIELDS["qr"]
    left, top = (x + offsets[0]) * mm, (FORM_MM[1] - y - offsets[1]) * mm
    size = QR_CAPTION_PT
    while size > 4 and stringWidth(code, font, size) > (side - 1) * mm:
        size -= 0.25                         # the code on one line within the square
    foot = top - side * mm + QR_FOOT_MM * mm  # the code's baseline
    spare = (side - QR_SYMBOL_MM - QR_FOOT_MM) * mm - size
    symbol_top = top - spare / 2
    flowable = qr.TrackingQr(url, QR_SYMBOL_MM, "", font)
    quiet = (flowable.side - QR_SYMBOL_MM * mm) / 2   # the flowable's own margin round the symbol
    flowable.drawOn(c, left + (side * mm - flowable.side) / 2,
                    symbol_top + quiet - flowable.side - flowable.gap)
    c.setFillColor(INK)
    c.setFont(font, size)
    c.drawCentredString(left + side * mm / 2, foot, code)


def preprinted_pdf(data: ReceiptData, offsets: tuple[float, float]) -> bytes:
    buffer, p = BytesIO(), data.payment
    c, font = _form_canvas(buffer, f"收款收据 {p.receipt_no}（套打）")

    def put(name: str, text: str, dy: float = 0) -> None:
        x, y, width, align = FIELDS[name]
        _put(c, font, text, x, y + dy, width, align, offsets)

    values = {"receipt_no": p.receipt_no, "mark": mark_text(data), "paid_at": data.paid_at,
              "account_no": p.account_no, "holder": p.holder_name, "address": p.address,
              "capital": p.amount_capital, "total": money(p.amount_fen), "method": method_text(p),
              "clerk": p.clerk, "note": "；".join(x for x in (*notes(data), net_text(data)) if x)}
    for name, text in values.items():
        if text:
            put(name, text)
    for n, (label, fen) in enumerate(_item_rows(p.items)):
        put("item_label", label, n * ITEM_PITCH)
        put("item_amount", money(fen), n * ITEM_PITCH)
    if data.qr_code:
        qr_in_box(c, font, data.url, data.qr_code, offsets)
    c.showPage()
    c.save()
    return buffer.getvalue()


def calibration_pdf(offsets_mm: tuple[float, float] = (0, 0)) -> bytes:
    """A test page for the pre-printed form: its outline and mm rulers along the
    top and left edges where the paper is (they measure where the printer puts
    things), a cross at each field moved by the offsets (where the receipt's
    fields will print) with its name, and the offsets.  Nothing runs off the
    paper: a label keeps to the page, and the fields the offsets move off it are
    named in a line of their own (they would not print)."""
    dx, dy = check_offsets(offsets_mm)
    buffer = BytesIO()
    c, font = _form_canvas(buffer, "收款收据套打校准页")
    w, h = FORM_MM

    def paper(x: float, y: float) -> tuple[float, float]:
        return x * mm, (h - y) * mm

    def field(x: float, y: float) -> tuple[float, float]:
        return paper(x + dx, y + dy)

    c.setLineWidth(0.5)
    c.rect(0, 0, w * mm, h * mm)
    c.setFont(font, 5)
    for n in range(int(w) + 1):                      # top ruler
        length = 4 if n % 10 == 0 else 2.5 if n % 5 == 0 else 1.5
        c.line(*paper(n, 0), *paper(n, length))
        if n % 10 == 0 and 0 < n < w:                # centred on its mark, kept on the paper
            label, cx = str(n), paper(n, 0)[0]
            half = stringWidth(label, font, 5) / 2
            c.drawCentredString(min(cx, w * mm - EDGE_MM * mm - half), paper(0, 6.2)[1], label)
    for n in range(int(h) + 1):                      # left ruler
        length = 4 if n % 10 == 0 else 2.5 if n % 5 == 0 else 1.5
        c.line(*paper(0, n), *paper(length, n))
        if n % 10 == 0 and 0 < n < h:
            c.drawString(paper(4.8, 0)[0], paper(0, n + 0.8)[1], str(n))
    c.setFont(font, 6)
    off: list[str] = []
    for name, (x, y, width, align) in FIELDS.items():
        if align == "box":
            c.setDash(2, 2)
            c.rect(*field(x, y + width), width * mm, width * mm)
            c.setDash()
        px, py = field(x, y)
        c.line(px - 2.5 * mm, py, px + 2.5 * mm, py)
        c.line(px, py - 2.5 * mm, px, py + 2.5 * mm)
        if 0 <= px <= w * mm and 0 <= py <= h * mm:
            _field_label(c, font, FIELD_NAMES[name], px, py, align == "right")
        else:
            off.append(FIELD_NAMES[name])
    for n in range(1, ITEM_ROWS):                    # the further item lines
        for name in ("item_label", "item_amount"):
            x, y = FIELDS[name][:2]
            c.line(*field(x - 1.5, y + n * ITEM_PITCH), *field(x + 1.5, y + n * ITEM_PITCH))
    c.setFont(font, 8)
    c.drawString(*paper(60, 10), "收款收据套打校准页（241×93 mm）")
    c.drawString(*paper(60, 14.5), f"当前偏移：向右 {dx:.1f} mm，向下 {dy:.1f} mm（负数为向左、向上）")
    c.setFont(font, 6.5)
    c.drawString(*paper(60, 18.5), "十字应落在预印表格各栏的填写处；"
                                   "整体偏了多少，就把偏移量加上多少后重打本页")
    if off:
        c.setFillColor(MARK)
        c.drawString(*paper(60, 22.5), f"按当前偏移超出纸边、印不出的栏目：{'、'.join(off)}（请核对偏移）")
    c.showPage()
    c.save()
    return buffer.getvalue()


def _field_label(c: pdfcanvas.Canvas, font: str, text: str, px: float, py: float, left_of: bool) -> None:
    """A field's name beside its cross (left of it for a right-aligned field), kept
    on the paper."""
    w, h = FORM_MM[0] * mm, FORM_MM[1] * mm
    edge = EDGE_MM * mm
    size = stringWidth(text, font, 6)
    x = px - 1 * mm - size if left_of else px + 1 * mm
    if x + size > w - edge:                      # would run off the right: left of the cross
        x = px - 1 * mm - size
    x = min(max(x, edge), w - edge - size)
    y = min(max(py + 0.8 * mm, edge), h - edge - 6)
    c.drawString(x, y, text)


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
