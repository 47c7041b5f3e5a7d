"""The acceptance slip (受理回执), and the pieces every request paper shares.

The slip is printed on A5 portrait: it is the paper the hall already loads for
receipts (one tray, one size handed over the counter), and every business of
the catalogue fits on one page (at most nine documents).  It tells the customer
what was received, what was waived, what is still missing, by when the company
answers and how to follow the request from a phone (the QR code).  It is signed
for: the hall's seal (受理单位（盖章）), the clerk's and the applicant's (or the
agent's) signatures and the date, so the customer holds proof of what was handed
in.

``counter_app.services.documents.slip.slip_data`` reads the request, its
account and the settings in one go; ``slip_pdf`` turns that plain data into PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from counter_app.catalogue import DocumentSpec
from counter_app.domain.enums import DocumentState
from counter_app.services.documents.papers import Deadline
from counter_app.services.documents.slip import SlipData
from printing import fonts, qr
from printing.base import Company, Renderer
from printing.styles import LINE, Row, Styles, TableCommand, escape

# -- shared by the receipt, the slip and the notice ---------------------------------

def requirement(spec: DocumentSpec) -> str:
    """原件核验；复印件1份."""
    parts = ["须出示原件" if spec.original else "", f"复印件{spec.copies}份" if spec.copies else ""]
    return "；".join(p for p in parts if p) or "提供即可"


def deadline_text(d: Deadline) -> str:
    if d.due is None:
        return f"暂无办理期限：{d.rule}"
    note = "（该年节假日安排尚未公布，按常规工作日推算）" if d.estimated else ""
    return f"{d.due:%Y-%m-%d} 前{d.purpose}{note}"


def frame_width(renderer: Renderer[Any]) -> float:
    """The width flowables get: the page less the margins and the frame's 6 pt padding."""
    return renderer.page_size[0] - (renderer.margins_mm[0] + renderer.margins_mm[1]) * mm - 12


def heading_block(styles: Styles, company: Company, title: str) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(escape(company.company_name), styles.center)]
    if company.hall_name:
        out.append(Paragraph(escape(company.hall_name), styles.subtitle))
    out.append(Paragraph(escape(title), styles.title))
    return out


def hall_lines(company: Company) -> list[str]:
    pairs = (("营业厅地址", company.hall_address), ("服务电话", company.hall_phone),
             ("营业时间", company.opening_hours))
    return [f"{label}：{value}" for label, value in pairs if value.strip()]


def table(rows: Sequence[Row], widths: Sequence[float] | None = None, *,
          heights: Sequence[float] | None = None, repeat_rows: int = 0) -> Table:
    """A ReportLab Table whose plain-text cells use the embedded font, not Helvetica."""
    made = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=repeat_rows)
    made.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.register().name)]))
    return made


def grid(rows: Sequence[Row], widths: list[float], *, header: bool = False, pad: float = 3) -> Table:
    made = table(rows, widths, repeat_rows=1 if header else 0)
    commands: list[TableCommand] = [
                ("GRID", (0, 0), (-1, -1), 0.5, LINE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), pad - 1), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad)]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), "#eeeeee"))
    made.setStyle(TableStyle(commands))
    return made


def qr_beside(styles: Styles, drawing: Drawing, lines: list[str], width: float) -> Table:
    """The QR code on the left, a few lines of text beside it."""
    text = [Paragraph(escape(line), styles.body) for line in lines]
    made = table([[drawing, text]], [drawing.width + 4 * mm, width - drawing.width - 4 * mm])
    made.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return made


# -- the slip ------------------------------------------------------------------------

def _document_rows(styles: Styles, data: SlipData) -> list[Row]:
    """The documents received or waived (the missing ones are listed below the table)."""
    rows: list[Row] = [[Paragraph("材料", styles.cell), Paragraph("情况", styles.cell_center),
                         Paragraph("说明", styles.cell)]]
    for doc in data.request.documents:
        if doc.state is DocumentState.RECEIVED:
            seen = "原件已核验" if doc.original_seen else "未核验原件"
            note = f"{seen}；复印件{doc.copies}份" if doc.copies else seen
        elif doc.state is DocumentState.WAIVED:
            note = f"经批准免交：{doc.waive_reason}" if doc.waive_reason else "经批准免交"
        else:
            continue
        rows.append([Paragraph(escape(doc.name), styles.cell),
                     Paragraph(escape(doc.state.label), styles.cell_center),
                     Paragraph(escape(note), styles.cell)])
    return rows


class SlipRenderer(Renderer[SlipData]):
    page_size = A5
    margins_mm = (12, 12, 12, 14)
    base_font_size = 9.5
    title = "受理回执"

    def document_title(self, data: SlipData) -> str:
        return f"受理回执 {data.request.number}"

    def story(self, data: SlipData) -> list[Flowable]:
        s, r = self.styles, data.request
        width = frame_width(self)
        out = heading_block(s, self.company, self.title)
        agent = r.agent_name or str(r.fields.get("agent_name") or "")
        applicant = r.applicant_name + (f"（代理人：{agent}）" if agent else "")
        facts = [["业务编号", r.number, "业务", r.kind_name],
                 ["申请人", applicant, "户号", r.account_no or "（新户，待编户号）"],
                 ["用热地址", data.address, "", ""],
                 ["登记时间", data.received_at, "经办人", r.owner]]
        cells = [[Paragraph(escape(v), s.cell) for v in row] for row in facts]
        info = grid(cells, [16 * mm, 56 * mm, 14 * mm, width - 86 * mm], pad=2)
        info.setStyle(TableStyle([("SPAN", (1, 2), (3, 2)), ("BACKGROUND", (0, 0), (0, -1), "#f4f4f4"),
                                  ("BACKGROUND", (2, 0), (2, 1), "#f4f4f4"),
                                  ("BACKGROUND", (2, 3), (2, 3), "#f4f4f4")]))
        out += [info, Paragraph("已收材料", s.heading)]
        rows = _document_rows(s, data)
        if len(rows) > 1:   # names on one line, rows close: nine documents still leave room to sign
            out.append(grid(rows, [60 * mm, 12 * mm, width - 72 * mm], header=True, pad=1.6))
        else:
            out.append(Paragraph("尚未收到材料。" if r.documents else "本业务无须提交材料。", s.body))
        missing: list[Flowable] = [Paragraph("材料已齐全。", s.body)]
        if data.missing:
            missing = [Paragraph(escape(f"{n}. " + " 或 ".join(d.name for d in group)), s.body)
                       for n, group in enumerate(data.missing, start=1)]
            missing.append(Paragraph("材料补齐后即予受理；所缺材料及要求详见一次性告知单。", s.small))
        # two short answers side by side with their labels: the room goes to the signatures
        deadline = Paragraph(escape(deadline_text(data.deadline)), s.body)
        answers = grid([[Paragraph("尚缺材料", s.cell), missing], [Paragraph("办理期限", s.cell), deadline]],
                       [16 * mm, width - 16 * mm], pad=2)
        answers.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), "#f4f4f4")]))
        out += [Spacer(1, 2 * mm), answers, Spacer(1, 2 * mm)]
        code = qr.tracking_qr(data.url, r.tracking_code, qr.MIN_A4_MM + 1, self.font.name)
        side = code.width + 4 * mm
        scan = Paragraph("扫码查询办理进度" if data.url else "凭查询码到营业厅查询办理进度", s.body)
        beside = [Paragraph(escape(f"查询码：{r.tracking_code}"), s.body), scan, Spacer(1, 1 * mm),
                  self.signatures(data, width - side)]
        bottom = table([[code, beside]], [side, width - side])
        bottom.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        out += [KeepTogether([bottom, Spacer(1, 1 * mm),
                              Paragraph(escape("　".join(hall_lines(self.company))), s.small),
                              Paragraph(escape(f"打印时间：{data.printed_at}　　本回执请妥善保管，"
                                               "查询、补交材料时请出示。"), s.small)])]
        return out

    def signatures(self, data: SlipData, width: float) -> Table:
        """Who received it (the hall's seal, the clerk) and who handed it in (the
        applicant, or the agent who came for them), each with a line to sign on."""
        s, r = self.styles, data.request
        by_agent = bool(r.by_agent or r.agent_name or r.fields.get("agent_name"))
        rows = [[Paragraph(label, s.body), value] for label, value in (
            ("受理单位（盖章）：", Paragraph(escape(self.company.company_name), s.body)),
            ("经办人（签字）：", ""), ("代理人（签字）：" if by_agent else "申请人（签字）：", ""),
            ("日期：", ""))]
        made = table(rows, [31 * mm, width - 31 * mm], heights=[7.5 * mm, 6.5 * mm, 6.5 * mm, 6.5 * mm])
        made.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("ALIGN", (0, 0), (0, -1), "RIGHT"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                                  ("LINEBELOW", (1, 1), (1, -1), 0.6, "#333333")]))
        return made


def slip_pdf(data: SlipData, font_path: str | None = None) -> bytes:
    """The 受理回执 as PDF bytes."""
    return SlipRenderer(data.company, font_path).render(data)
