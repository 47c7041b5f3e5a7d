"""The one-time notice (一次性告知单), service standard article 9: on accepting
an application tell the customer at once every document still missing, the
procedure and every fee item with its standard.

Printed on A4 portrait: it carries a table of documents with their
requirements, the procedure, the fee table and two signature lines; the signed
copy is filed with the request's papers (A4 binders), and a long list of
missing documents still leaves room for the signatures on the first page.

``counter_app.services.documents.notice.notice_data`` reads it and decides
what each fee item's standard is; ``NoticeRenderer`` draws that plain data.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    TableStyle,
)

from counter_app.services.documents.notice import NoticeData
from printing import qr
from printing.base import Renderer
from printing.slip import (
    deadline_text,
    frame_width,
    grid,
    hall_lines,
    heading_block,
    requirement,
    table,
)
from printing.styles import Row, escape

# a cell's text keeps clear of its lines (2.5 pt above - the line's leading adds to it - and
# 3.5 pt below and at the sides): text touching the grid reads as cramped.  Headings sit a
# little closer than elsewhere, so that nine missing documents still leave room to sign.
CELL_PAD = 3.5


class NoticeRenderer(Renderer[NoticeData]):
    page_size = A4
    margins_mm = (18, 18, 10, 14)
    base_font_size = 10
    title = "一次性告知单"

    def document_title(self, data: NoticeData) -> str:
        return f"一次性告知单 {data.request.number}"

    def story(self, data: NoticeData) -> list[Flowable]:
        s, r = self.styles, data.request
        heading = s.heading.clone("notice_heading", spaceBefore=s.heading.fontSize * 0.45)
        width = frame_width(self)
        code = qr.tracking_qr(data.url, r.tracking_code, qr.MIN_A4_MM + 1, self.font.name)
        side = code.width + 4 * mm            # the QR beside the centred heading
        head = [*heading_block(s, self.company, self.title),
                Paragraph("扫码查询办理进度（右侧二维码）" if data.url else "凭右侧查询码到营业厅查询进度",
                          s.small.clone("small_center", alignment=1))]
        top = table([["", head, code]], widths=[side, width - 2 * side, side])
        top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        facts = [["业务编号", r.number, "业务", r.kind_name],
                 ["申请人", r.applicant_name, "户号", r.account_no or "新户，待编户号"],
                 ["用热地址", data.address, "", ""],
                 ["登记时间", data.received_at, "经办人", r.owner]]
        info = grid([[Paragraph(escape(v), s.cell) for v in row] for row in facts],
                    [18 * mm, width / 2 - 18 * mm, 16 * mm, width / 2 - 16 * mm], pad=CELL_PAD)
        info.setStyle(TableStyle([("SPAN", (1, 2), (3, 2)), ("BACKGROUND", (0, 0), (0, -1), "#f4f4f4"),
                                  ("BACKGROUND", (2, 0), (2, 1), "#f4f4f4"),
                                  ("BACKGROUND", (2, 3), (2, 3), "#f4f4f4")]))
        out: list[Flowable] = [top, Spacer(1, 2 * mm), info, Spacer(1, 2 * mm)]
        out += [Paragraph("您好！根据供热服务规范，"
                          "现将办理本业务尚需的材料、办理程序和收费标准一次性告知如下：", s.body)]
        out.append(Paragraph("一、尚需补交的材料", heading))
        if data.missing:
            rows: list[Row] = [[Paragraph(h, s.cell) for h in ("序号", "材料", "要求", "说明")]]
            for n, group in enumerate(data.missing, start=1):
                needs = {requirement(d) for d in group}
                need = (needs.pop() if len(needs) == 1
                        else "；".join(f"{d.name}：{requirement(d)}" for d in group))
                notes = "；".join(d.note for d in group if d.note)
                rows.append([Paragraph(str(n), s.cell_center),
                             Paragraph(escape(" 或 ".join(d.name for d in group)), s.cell),
                             Paragraph(escape(need), s.cell), Paragraph(escape(notes), s.cell)])
            out.append(grid(rows, [10 * mm, 56 * mm, 40 * mm, width - 106 * mm], header=True, pad=CELL_PAD))
        else:
            out.append(Paragraph("所需材料已齐全，无需补交。", s.body))
        out.append(Paragraph("二、办理程序", heading))
        out += [Paragraph(escape(f"{n}. {step}"), s.body) for n, step in enumerate(data.steps, start=1)]
        out.append(Paragraph("三、收费项目及收费标准", heading))
        if data.fees:
            rows = [[Paragraph(h, s.cell) for h in ("收费项目", "收费标准")]]
            rows += [[Paragraph(escape(label), s.cell), Paragraph(escape(text), s.cell)]
                     for label, text in data.fees]
            out += [grid(rows, [45 * mm, width - 45 * mm], header=True, pad=CELL_PAD),
                    Paragraph(escape(data.basis), s.small)]
        else:
            out.append(Paragraph("本业务不收取费用。", s.body))
        out.append(Paragraph("四、办理期限", heading))
        bring = "请备齐上述材料到营业厅补交，材料齐全即予受理。" if data.missing else ""
        out.append(Paragraph(escape(bring + deadline_text(data.deadline)), s.body))
        out.append(Spacer(1, 2 * mm))
        out.append(Paragraph(escape("　".join(hall_lines(self.company))), s.small))
        sign = table([[Paragraph("经办人（签字）：", s.body), "", Paragraph("客户签收：", s.body), ""],
                      [Paragraph("日期：", s.body), "", Paragraph("日期：", s.body), ""]],
                     widths=[34 * mm, width / 2 - 38 * mm, 24 * mm, width / 2 - 20 * mm],
                     heights=[8 * mm, 7 * mm])
        sign.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.6, "#333333"),
                                  ("LINEBELOW", (3, 0), (3, -1), 0.6, "#333333"),
                                  ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        out.append(KeepTogether([Spacer(1, 2 * mm), sign, Spacer(1, 2 * mm), Paragraph(escape(
            f"打印时间：{data.printed_at}　　本告知单一式两份，客户与营业厅各执一份。"), s.small)]))
        return out


def notice_pdf(data: NoticeData, font_path: str | None = None) -> bytes:
    """The 一次性告知单 as PDF bytes."""
    return NoticeRenderer(data.company, font_path).render(data)
