"""The heating contract (供热合同): the company's standard contract (article 5(2)),
filled in from an application request, for residential or non-residential use.

``counter_app.services.documents.contract.contract_data`` fills every
placeholder of the catalogue's template (the parties, the price and the season
terms of the fee schedule that applies); this module lays the filled-in
clauses out on A4 with the parties, the premises, the tracking QR code and the
signature block.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from counter_app.domain.enums import UserClass
from counter_app.services.documents.contract import ContractData
from printing.base import Renderer
from printing.qr import MIN_A4_MM, TrackingQr
from printing.register import fit
from printing.styles import GREY, INK, LINE, Row, escape

QR_MM = 26.0                  # the printed symbol, quiet zone not counted


class ContractRenderer(Renderer[ContractData]):
    margins_mm = (20, 20, 18, 18)
    base_font_size = 10.5
    title = "供热合同"
    width_mm = 170

    def document_title(self, data: ContractData) -> str:
        return f"{data.title} {data.contract_no}"

    def story(self, data: ContractData) -> list[Flowable]:
        s = self.styles
        clause_style = ParagraphStyle("clause", parent=s.body, firstLineIndent=2 * s.body.fontSize,
                                      leading=s.body.fontSize * 1.6, alignment=4)
        numbers = [Paragraph(escape(f"合同编号：{data.contract_no}"), s.body),
                   Paragraph(escape(f"业务编号：{data.request_no}（{data.kind_name}）"), s.body),
                   Paragraph(escape(f"签订日期：{data.sign_date}"), s.body),
                   Paragraph("扫描右侧二维码可随时查询办理进度。", s.small)]
        qr = TrackingQr(data.tracking_url, max(QR_MM, MIN_A4_MM), data.tracking_code, self.font.name)
        top = Table([[numbers, qr]], colWidths=[(self.width_mm - 38) * mm, 38 * mm])
        top.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), self.font.name, s.body.fontSize),
                                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "CENTER"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        out: list[Flowable] = [
            Paragraph(escape(self.company.company_name), s.subtitle),
            Paragraph(escape(data.title), s.title),
            Paragraph(escape(f"（{data.class_label}用户）"), s.subtitle),
            top, Spacer(0, 3 * mm),
            self.parties(data), Spacer(0, 3 * mm),
            self.premises(data), Spacer(0, 2 * mm)]
        for title, text in data.clauses:
            # a clause title never ends a page (cheaper than keeping the whole clause together)
            out += [CondPageBreak(20 * mm), Paragraph(escape(title), s.heading),
                    Paragraph(escape(text), clause_style)]
        out += [Spacer(0, 8 * mm), self.signatures(data)]
        return out

    def parties(self, data: ContractData) -> Table:
        s = self.styles
        rows = []
        for i in range(max(len(data.supplier), len(data.customer))):
            left = data.supplier[i] if i < len(data.supplier) else ("", "")
            right = data.customer[i] if i < len(data.customer) else ("", "")
            rows.append([left[0], Paragraph(escape(left[1]), s.cell),
                         right[0], Paragraph(escape(right[1]), s.cell)])
        table = Table(rows, colWidths=[28 * mm, 57 * mm, 30 * mm, 55 * mm])
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font.name, s.cell.fontSize),
            ("GRID", (0, 0), (-1, -1), 0.5, LINE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (0, -1), (0.95, 0.95, 0.95)),
            ("BACKGROUND", (2, 0), (2, -1), (0.95, 0.95, 0.95))]))
        return table

    def premises(self, data: ContractData) -> Table:
        s = self.styles
        rows = [[Paragraph("供热房屋", s.cell_center)] + [""] * 3]
        pairs = list(data.premises)
        for i in range(0, len(pairs), 2):
            (a, b), (c, d) = pairs[i], pairs[i + 1] if i + 1 < len(pairs) else ("", "")
            rows.append([a, Paragraph(escape(b), s.cell), c, Paragraph(escape(d), s.cell)])
        table = Table(rows, colWidths=[28 * mm, 57 * mm, 30 * mm, 55 * mm])
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font.name, s.cell.fontSize),
            ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), (0.93, 0.93, 0.93)),
            ("GRID", (0, 0), (-1, -1), 0.5, LINE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 1), (0, -1), (0.95, 0.95, 0.95)),
            ("BACKGROUND", (2, 1), (2, -1), (0.95, 0.95, 0.95))]))
        return table

    def signatures(self, data: ContractData) -> Flowable:
        """Both parties side by side: name, a line to sign on, a date line; room for the seal."""
        s = self.styles
        ours = "甲方代表（签字）"
        theirs = "乙方代表（签字）" if data.class_label == UserClass.NON_RESIDENTIAL.label else "乙方（签字）"
        date = "　　　　年　　月　　日"
        rows: list[Row] = [["甲方（盖章）", fit(self.company.company_name, 51 * mm, s.body),
                 "乙方（签字或盖章）", fit(data.customer_name, 51 * mm, s.body)],
                [ours, "", theirs, ""],
                ["日期", date, "日期", date]]
        table = Table(rows, colWidths=[x * mm for x in (34, 51, 36, 49)],
                      rowHeights=[16 * mm, 14 * mm, 12 * mm])
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font.name, s.body.fontSize),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("LINEBELOW", (1, 1), (1, 2), 0.6, INK), ("LINEBELOW", (3, 1), (3, 2), 0.6, INK)]))
        return KeepTogether([Spacer(0, 4 * mm), table])

    def footer(self, canvas: Any, doc: Any, data: ContractData) -> None:
        canvas.setFont(self.font.name, 7.5)
        canvas.setFillColor(GREY)
        width, _ = self.page_size
        y = self.margins_mm[3] * mm / 2
        kind = "非居民" if data.template == "non_residential" else "居民"
        canvas.drawString(doc.leftMargin, y, f"{kind}供热合同文本 第 {data.version} 版")
        canvas.drawRightString(width - doc.rightMargin, y, f"合同编号 {data.contract_no}")


def contract_pdf(data: ContractData, font_path: str | None = None) -> bytes:
    """The filled-in heating contract as PDF bytes."""
    return ContractRenderer(data.company, font_path).render(data)
