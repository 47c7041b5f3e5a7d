"""The heating contract (供热合同): the company's standard contract (article 5(2)),
filled in from an application request, for residential or non-residential use.

``counter_app.services.documents.contract.contract_data`` fills every
placeholder of the catalogue's template (the parties, the price and the season
terms of the fee schedule that applies); this module lays the filled-in
clauses out on A4 with the parties, the premises (with the yearly heating fee
in figures and capitals), the tracking QR code and the signature block.

The address, the price and the yearly fee each take a whole row of the premises
table; the price and the fee are laid out from the pieces the read gives, so a
line breaks between them and the price document's number (〔2025〕34号) never splits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
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
from counter_app.services.documents.contract import FEE_LABEL, PRICE_LABEL, ContractData
from printing.base import Renderer
from printing.qr import MIN_A4_MM, TrackingQr
from printing.register import fit
from printing.styles import GREY, INK, LINE, Row, escape

QR_MM = 26.0                  # the printed symbol, quiet zone not counted
COLUMNS_MM = (28, 57, 32, 53)  # label, value, label, value: 统一社会信用代码 on one line
WIDE = ("用热地址", PRICE_LABEL, FEE_LABEL)   # premises facts that take a whole row
CELL_PADDING = 12             # a table cell's left and right padding together (ReportLab's default)


def unbroken(parts: Sequence[str], width: float, style: ParagraphStyle) -> Paragraph:
    """The parts on as few lines as fit ``width``, a line breaking only between two
    parts; only a part wider than a whole line breaks inside, where it must."""
    def fits(text: str) -> bool:
        return stringWidth(text, style.fontName, style.fontSize) <= width

    lines = [""]
    for part in parts:
        if fits(lines[-1] + part):
            lines[-1] += part
            continue
        if lines[-1]:
            lines.append("")
        for char in part:                     # alone on its line and still too wide
            if lines[-1] and not fits(lines[-1] + char):
                lines.append("")
            lines[-1] += char
    return Paragraph("<br/>".join(escape(line) for line in lines), style)


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
                   Paragraph("扫描右侧二维码可随时查询办理进度。" if data.tracking_url else
                             "凭右侧查询码可到营业厅查询办理进度。", s.small)]
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
            rows.append([Paragraph(escape(x), s.cell) for x in (*left, *right)])
        table = Table(rows, colWidths=[w * mm for w in COLUMNS_MM])
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font.name, s.cell.fontSize),
            ("GRID", (0, 0), (-1, -1), 0.5, LINE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (0, -1), (0.95, 0.95, 0.95)),
            ("BACKGROUND", (2, 0), (2, -1), (0.95, 0.95, 0.95))]))
        return table

    def premises(self, data: ContractData) -> Table:
        """Two facts a row, the wide ones (address, price, yearly fee) a row each."""
        s = self.styles
        widths = [w * mm for w in COLUMNS_MM]
        wide = sum(widths[1:]) - CELL_PADDING
        rows: list[Row] = [[Paragraph("供热房屋", s.cell_center)] + [""] * 3]
        commands: list[Any] = [("SPAN", (0, 0), (-1, 0))]
        pending: list[tuple[str, str]] = []

        def flush() -> None:
            if pending:
                (a, b), (c, d) = pending[0], pending[1] if len(pending) > 1 else ("", "")
                rows.append([Paragraph(escape(x), s.cell) for x in (a, b, c, d)])
                commands.append(("BACKGROUND", (2, len(rows) - 1), (2, len(rows) - 1), (0.95, 0.95, 0.95)))
                pending.clear()

        for label, value in data.premises:
            if label not in WIDE:
                pending.append((label, value))
                if len(pending) == 2:
                    flush()
                continue
            flush()
            parts = {PRICE_LABEL: data.price_parts, FEE_LABEL: data.fee_parts}.get(label) or (value,)
            rows.append([Paragraph(escape(label), s.cell), unbroken(parts, wide, s.cell), "", ""])
            commands.append(("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)))
        flush()
        table = Table(rows, colWidths=widths)
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font.name, s.cell.fontSize),
            ("BACKGROUND", (0, 0), (-1, 0), (0.93, 0.93, 0.93)),
            ("GRID", (0, 0), (-1, -1), 0.5, LINE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 1), (0, -1), (0.95, 0.95, 0.95)), *commands]))
        return table

    def signatures(self, data: ContractData) -> Flowable:
        """Both parties side by side: who they are (room for the seal), one line for
        each to sign on - for an applicant who came through an agent, the agent's
        line under it - and a date line."""
        s = self.styles
        organisation = data.class_label == UserClass.NON_RESIDENTIAL.label
        date = "　　　　年　　月　　日"
        rows: list[Row] = [["甲方（盖章）", fit(self.company.company_name, 51 * mm, s.body),
                            "乙方（盖章）" if organisation else "乙方",
                            fit(data.customer_name, 49 * mm, s.body)],
                           ["甲方代表（签字）", "", "乙方代表（签字）" if organisation else "乙方（签字）",
                            ""]]
        heights = [16 * mm, 14 * mm]
        if data.agent_name:
            rows.append(["", "", "委托代理人（签字）", ""])
            heights.append(14 * mm)
        rows.append(["日期", date, "日期", date])
        heights.append(12 * mm)
        table = Table(rows, colWidths=[x * mm for x in (34, 51, 36, 49)], rowHeights=heights)
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), self.font.name, s.body.fontSize),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("LINEBELOW", (1, 1), (1, 1), 0.6, INK), ("LINEBELOW", (1, -1), (1, -1), 0.6, INK),
            ("LINEBELOW", (3, 1), (3, -1), 0.6, INK)]))
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
