"""Arrears reminder notices (催缴通知单): one A5 page per account in arrears.

A5 portrait, one account a sheet, so a batch for a building prints as a stack
to hand out or post (two to an A4 sheet with the printer's 2-up setting).  Each
notice lists the seasons owed with their principal and the late fee to the day
of printing, the total in figures and capitals (大写), the due-date rule and
late-fee rate of each season's fee schedule, and how and where to pay.  The
batch is read at once by ``counter_app.services.documents.reminder``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from counter_app.domain.settlement import permille
from counter_app.ledger import Method
from counter_app.services.documents.reminder import Notice, ReminderBatch
from counter_app.validation import fen_to_capital
from printing.base import Renderer
from printing.register import grid, money
from printing.styles import GREY, INK, escape


class ReminderRenderer(Renderer[ReminderBatch]):
    page_size = A5
    margins_mm = (14, 14, 14, 14)
    base_font_size = 9.5
    title = "催缴通知单"
    page_numbers = False      # each sheet goes to its own customer
    width_mm = 120

    def document_title(self, data: ReminderBatch) -> str:
        return f"催缴通知单 {data.on:%Y-%m-%d}（{len(data.notices)} 户）"

    def header(self, canvas: Any, doc: Any, data: ReminderBatch) -> None:
        """Every notice carries its own heading."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indent = ParagraphStyle("indent", parent=self.styles.body,
                                     firstLineIndent=2 * self.styles.body.fontSize)

    def footer(self, canvas: Any, doc: Any, data: ReminderBatch) -> None:  # noqa: ARG002 - the renderers' hook
        canvas.setFont(self.font.name, 7)
        canvas.setFillColor(GREY)
        canvas.drawCentredString(self.page_size[0] / 2, self.margins_mm[3] * mm / 2,
                                 f"金额计至 {data.on:%Y-%m-%d}，缴费时以柜台当日结算为准")

    def story(self, data: ReminderBatch) -> list[Flowable]:
        out: list[Flowable] = []
        for i, notice in enumerate(data.notices):
            if i:
                out.append(PageBreak())
            out += self.notice(notice, data.on)
        return out

    def notice(self, n: Notice, on: dt.date) -> list[Flowable]:
        s, c = self.styles, self.company
        rows = [["采暖季", "缴费截止日", "欠费本金", "滞纳金", "小计"]]
        rows += [[x.season, f"{x.due_date:%Y-%m-%d}" if x.due_date else "", money(x.principal_fen),
                  money(x.late_fee_fen), money(x.principal_fen + x.late_fee_fen)] for x in n.seasons]
        rows.append(["合计", "", money(n.principal_fen), money(n.late_fee_fen), money(n.total_fen)])
        total = Table([["合计应缴", money(n.total_fen)], ["大写金额", fen_to_capital(n.total_fen)]],
                      colWidths=[24 * mm, 96 * mm])
        total.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), self.font.name, s.body.fontSize * 1.1),
                                   ("BOX", (0, 0), (-1, -1), 0.8, INK),
                                   ("INNERGRID", (0, 0), (-1, -1), 0.4, INK),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        rules = []
        for x in n.seasons:
            if x.due_date is None:
                continue
            basis = f"依据{x.decree_no}，" if x.decree_no else ""
            daily = f"每日按欠费金额的{permille(x.rate_ppm)}‰" if x.rate_ppm else "按规定"
            rate = f"逾期自次日起{daily}加收滞纳金" if x.late_from is None else \
                f"本户该季账单于{x.late_from:%Y-%m-%d}开具，滞纳金自其次日起{daily}加收"
            rules.append(f"{basis}{x.season}采暖季热费应于{x.due_date:%Y-%m-%d}前缴清，{rate}。")
        where = [f"缴费地点：{c.company_name}{c.hall_name}"
                 + (f"（{c.hall_address}）" if c.hall_address else "")]
        if c.opening_hours:
            where.append(f"营业时间：{c.opening_hours}")
        if c.hall_phone:
            where.append(f"咨询电话：{c.hall_phone}")
        where.append("缴费方式：" + "、".join(m.label for m in Method) + "。请携带本通知或告知户号。")
        body = [
            Paragraph(escape(f"{c.company_name} {c.hall_name}"), s.subtitle),
            Paragraph("催缴通知单", s.title),
            grid([[f"通知编号：{n.number}", f"日期：{on:%Y-%m-%d}"]], (80, 40), s, header=False,
                 right=(1,), lines=False),
            Spacer(0, 2 * mm),
            Paragraph(escape(f"尊敬的 {n.holder} 用户（户号 {n.account_no}）："), s.body),
            Paragraph(escape(f"您位于{n.address}的供热房屋，截至{on:%Y-%m-%d}尚有以下采暖季热费逾期未缴清，"
                             "请您尽快缴纳："), self.indent),
            Spacer(0, 2 * mm),
            grid(rows, (24, 22, 25, 26, 23), s, right=(2, 3, 4), total_row=True),
            Spacer(0, 2 * mm), total, Spacer(0, 2 * mm)]
        body += [Paragraph(escape(r), self.indent) for r in rules]
        body.append(Paragraph("滞纳金计至本通知日期，此后每日增加，请尽早缴纳。如您已缴清，请忽略本通知。",
                              self.indent))
        body.append(Spacer(0, 2 * mm))
        body += [Paragraph(escape(w), s.body) for w in where]
        body += [Spacer(0, 6 * mm), Paragraph(escape(f"{c.company_name}（盖章）"), s.right),
                 Paragraph(escape(f"{on.year}年{on.month}月{on.day}日"), s.right)]
        return body


def reminders_pdf(batch: ReminderBatch, font_path: str | None = None) -> bytes:
    """催缴通知单 as PDF bytes: one A5 page for each account of the batch."""
    return ReminderRenderer(batch.company, font_path).render(batch)
