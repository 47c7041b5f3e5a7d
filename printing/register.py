"""The daily register (营业日报): a supervisor's record of one day at the hall.

Landscape A4: the detail tables have up to ten columns.  Long tables run over as
many pages as they need with their header row repeated (``repeatRows=1``);
cells are plain strings (one line each, fast for thousands of rows) unless the
text is too wide for its column, which then wraps.  Also home of the table
helpers the other reports of this package share (handover, reminders, contract).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
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

from counter_app.ledger import EntryType, Method
from counter_app.services.documents.register import DayTotals, EntryRow, RegisterData, Totals
from counter_app.validation import format_fen
from printing.base import Renderer
from printing.styles import GREY, INK, LINE, Styles, TableCommand, escape

WEEKDAYS = "一二三四五六日"
SHADE = (0.93, 0.93, 0.93)


# -- helpers shared by the reports of this package -------------------------------------

def money(fen: int | None) -> str:
    """¥1,234.56 (sign in front: -¥300.00); empty for None."""
    if fen is None:
        return ""
    return ("-" if fen < 0 else "") + "¥" + format_fen(abs(fen))


def day_text(day: dt.date) -> str:
    return f"{day:%Y-%m-%d}（星期{WEEKDAYS[day.weekday()]}）"


def fit(text: object, width: float, style: Any) -> object:
    """A plain string when it fits its column on one line, else a wrapping Paragraph."""
    value = "" if text is None else str(text)
    if stringWidth(value, style.fontName, style.fontSize) <= width - 6 and "\n" not in value:
        return value
    return Paragraph(escape(value), style)


def grid(rows: Sequence[Sequence[object]], widths_mm: Sequence[float], styles: Styles, *,
         right: Sequence[int] = (), center: Sequence[int] = (), header: bool = True,
         total_row: bool = False, size: float | None = None, lines: bool = True) -> Table:
    """A lined table: grey header row (repeated on every page), ``right`` columns
    right-aligned (amounts), an optional shaded total row at the bottom."""
    widths = [w * mm for w in widths_mm]
    font_size = size or styles.cell.fontSize
    cell = styles.cell if size is None else ParagraphStyle(
        f"cell{size}", parent=styles.cell, fontSize=size, leading=size * 1.35)
    body = [[fit(v, w, cell) if isinstance(v, str) else v for v, w in zip(row, widths, strict=True)]
            for row in rows]
    table = Table(body, colWidths=widths, repeatRows=1 if header else 0)
    commands: list[TableCommand] = [
        ("FONT", (0, 0), (-1, -1), styles.font, font_size, font_size * 1.35),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if lines:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, LINE))
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), SHADE), ("ALIGN", (0, 0), (-1, 0), "CENTER")]
    first = 1 if header else 0
    commands += [("ALIGN", (c, first), (c, -1), "RIGHT") for c in right]
    commands += [("ALIGN", (c, first), (c, -1), "CENTER") for c in center]
    if total_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), SHADE))
    table.setStyle(TableStyle(commands))
    return table


KEEP = 30 * mm      # a heading starts a new page unless this much of its section fits under it
LONG_ROWS = 40      # a table this long is taller than KEEP: no need to measure it first


def heading(text: str, styles: Styles) -> list[Flowable]:
    """A section heading that never sits alone at the foot of a page: for a long
    section, which then runs over as many pages as it needs."""
    return [CondPageBreak(KEEP), Paragraph(escape(text), styles.heading)]


class KeepStart(KeepTogether):
    """Flowables that start on this page only when all of them, or ``keep`` of
    them, fit: a short section stays whole (here, not pushed on because it is
    shorter than ``keep``), a longer one starts here with ``keep`` of it."""

    def __init__(self, flowables: Sequence[Flowable], keep: float) -> None:
        super().__init__(list(flowables))
        self.flowables, self.keep = list(flowables), keep

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        height = sum(f.wrap(available_width, available_height)[1] + f.getSpaceAfter()
                     + (f.getSpaceBefore() if n else 0) for n, f in enumerate(self.flowables))
        if height <= available_height or available_height >= self.keep:
            return list(self.flowables)
        return []                     # not here: the next page (at its top all of it or ``keep`` fits)


def section(text: str, content: Sequence[Flowable], styles: Styles, *, long: bool = False) -> list[Flowable]:
    """A heading and its section, never the heading alone at the foot of a page:
    see ``KeepStart``.  ``long``: the caller knows the section is longer than
    ``KEEP`` (a table of more than ``LONG_ROWS`` rows), so it is not measured first."""
    if long:
        return [*heading(text, styles), *content]
    return [KeepStart([Paragraph(escape(text), styles.heading), *content], KEEP)]


class EndsWith(Flowable):
    """A table and what closes it (a signature block): the closing never starts a
    page alone.  Where it does not fit under the table, the table's last row goes
    over with it (under the table's repeated header row)."""

    def __init__(self, table: Flowable, closing: Sequence[Flowable]) -> None:   # a Table or its split part
        super().__init__()
        self.table, self.closing = table, list(closing)
        self.parts: list[tuple[Flowable, float, float]] = []    # each part, its height, space before

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.parts = []
        for n, part in enumerate([self.table, *self.closing]):
            space = part.getSpaceBefore() if n else 0
            self.parts.append((part, part.wrap(available_width, available_height)[1], space))
        self.width = available_width
        self.height = sum(h + space for _part, h, space in self.parts)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        table_height = self.parts[0][1]
        # at least the last row leaves the table's first part, to go with the closing
        parts = self.table.split(available_width, min(available_height, table_height - 1))
        if len(parts) == 2:
            return [parts[0], EndsWith(parts[1], self.closing)]
        return []            # a single row: all of it goes to the next page

    def draw(self) -> None:
        y = self.height
        for part, height, space in self.parts:
            y -= space + height
            part.drawOn(self.canv, 0, y)


def totals_rows(by_method: dict[Method, Totals], total: Totals | None = None) -> list[list[str]]:
    """The by-method table: counts and amounts of payments, voids, refunds; net."""
    rows = [["付款方式", "收款笔数", "收款金额", "作废笔数", "作废金额", "退款笔数", "退款金额", "净额"]]
    for method in (m for m in Method if m in by_method):
        t = by_method[method]
        rows.append([method.label, str(t.payment_count), money(t.payments), str(t.void_count),
                     money(t.voids), str(t.refund_count), money(t.refunds), money(t.net)])
    if total is None:
        total = Totals()
        for t in by_method.values():
            for name in ("payments", "payment_count", "voids", "void_count", "refunds", "refund_count"):
                setattr(total, name, getattr(total, name) + getattr(t, name))
    rows.append(["合计", str(total.payment_count), money(total.payments), str(total.void_count),
                 money(total.voids), str(total.refund_count), money(total.refunds), money(total.net)])
    return rows


def receipt_range(first: str | None, last: str | None, count: int, voids: Sequence[str]) -> str:
    if not count:
        return "当日未开具收据"
    text = f"收据号 {first} 至 {last}，共 {count} 张"
    if voids:
        text += f"，其中作废 {len(voids)} 张：{'、'.join(voids)}"
    return text


def correction_rows(rows: Sequence[EntryRow], zone: dt.tzinfo) -> list[list[str]]:
    out = [["时间", "类型", "原收据号", "户号", "户名", "方式", "金额", "原因", "经办", "批准"]]
    out += [[f"{r.at.astimezone(zone):%H:%M}", r.entry_type.label, r.receipt_no, r.account_no,
             r.holder, r.method.label, money(r.amount_fen), r.reason, r.operator, r.approved_by]
            for r in rows]
    return out


def signature_line(labels: Sequence[str], styles: Styles, width_mm: float) -> Table:
    """Signature fields side by side: label, then a line to sign on."""
    cells = []
    for label in labels:
        cells += [label, ""]
    each = width_mm / len(labels)
    widths = []
    for _ in labels:
        widths += [each * 0.42, each * 0.58]
    table = Table([cells], colWidths=[w * mm for w in widths], rowHeights=[12 * mm])
    commands: list[TableCommand] = [("FONT", (0, 0), (-1, -1), styles.font, styles.body.fontSize),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("ALIGN", (0, 0), (-1, -1), "RIGHT")]
    commands += [("LINEBELOW", (i, 0), (i, 0), 0.6, INK) for i in range(1, len(cells), 2)]
    table.setStyle(TableStyle(commands))
    return table


# -- the register ----------------------------------------------------------------------

ENTRY_WIDTHS = (12, 14, 29, 13, 26, 40, 20, 30, 36, 47)   # 267 mm: landscape A4 less 2 x 15
REQUEST_WIDTHS = (12, 30, 34, 46, 26, 50, 24, 45)


class RegisterRenderer(Renderer[RegisterData]):
    page_size = landscape(A4)
    margins_mm = (15, 15, 16, 16)
    base_font_size = 9.5
    title = "营业日报"
    width_mm = 267

    def document_title(self, data: RegisterData) -> str:
        return f"营业日报 {data.day:%Y-%m-%d}"

    def story(self, data: RegisterData) -> list[Flowable]:
        s, t = self.styles, data.totals
        printed = f"{data.printed_at.astimezone(data.zone):%Y-%m-%d %H:%M} {data.printed_by}"
        out: list[Flowable] = [
            Paragraph(escape(f"{self.company.company_name} {self.company.hall_name}"), s.subtitle),
            Paragraph("营业日报", s.title),
            Paragraph(escape(f"营业日期：{day_text(data.day)}　　打印：{printed}"), s.subtitle),
            Paragraph(escape(f"当日受理或办理业务 {data.request_count} 件次，"
                             f"收付款记录 {data.entry_count} 笔，净收款 {money(t.total.net)}。"), s.body)]
        out += section("一、收款汇总（按付款方式）", [
            grid(totals_rows(t.by_method, t.total), (40, 26, 36, 26, 34, 26, 34, 45), s,
                 right=range(1, 8), total_row=True)], s)
        out += section("二、收款汇总（按营业员）", [self.by_clerk_table(t)], s)
        out += self.receipts(data) + self.cash_close(t) + self.entries(data) + self.requests(data)
        out += self.overdue(data) + self.anchor(t)
        return out

    def receipts(self, data: RegisterData) -> list[Flowable]:
        s, t = self.styles, data.totals
        check = (("，号码连续无缺号" if data.receipts_contiguous else "，号码不连续，请核查")
                 if t.receipt_count else "")
        text = receipt_range(t.first_receipt, t.last_receipt, t.receipt_count, t.void_receipts)
        out: list[Flowable] = [Paragraph(escape(text + check + "。"), s.body)]
        if not data.corrections:
            out.append(Paragraph("当日无作废、退款。", s.body))
        else:
            widths = (14, 13, 29, 26, 40, 20, 30, 45, 25, 25)
            out += [Spacer(0, 2 * mm),
                    grid(correction_rows(data.corrections, data.zone), widths, s, right=(6,))]
        return section("三、收据号与作废、退款", out, s, long=len(data.corrections) > LONG_ROWS)

    def entries(self, data: RegisterData) -> list[Flowable]:
        s, voided = self.styles, set(data.totals.void_receipts)
        out: list[Flowable] = []
        for clerk, rows in data.entries_by_clerk.items():
            net = money(sum(r.amount_fen for r in rows))
            out += [Paragraph(escape(f"{clerk}：{len(rows)} 笔，净额 {net}"), s.body),
                    self.entries_table(rows, data.zone, voided), Spacer(0, 3 * mm)]
        if not data.entries_by_clerk:
            out.append(Paragraph("当日无收付款。", s.body))
        return section("五、收付款明细（按营业员钱箱）", out, s, long=data.entry_count > LONG_ROWS)

    def requests(self, data: RegisterData) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = []
        for clerk, requests in data.requests_by_clerk.items():
            rows = [["序号", "业务编号", "业务类型", "申请人", "户号", "当日办理", "当前状态", "首问负责人"]]
            rows += [[str(i), r.number, r.kind_name, r.applicant, r.account_no, r.actions, r.status, r.owner]
                     for i, r in enumerate(requests, 1)]
            out += [Paragraph(escape(f"{clerk}：{len(requests)} 件"), s.body),
                    grid(rows, REQUEST_WIDTHS, s, center=(0,)), Spacer(0, 3 * mm)]
        if not data.requests_by_clerk:
            out.append(Paragraph("当日无业务受理或办理。", s.body))
        return section("六、业务受理与办理（按经办营业员）", out, s, long=data.request_count > LONG_ROWS)

    def overdue(self, data: RegisterData) -> list[Flowable]:
        s, title = self.styles, "七、超期未办结业务（全部营业员，截至打印时）"
        if not data.overdue:
            return section(title, [Paragraph("无超期未办结业务。", s.body)], s)
        rows = [["序号", "业务编号", "业务类型", "申请人", "首问负责人", "当前状态", "办理期限",
                 "超期工作日"]]
        rows += [[str(i), r.number, r.kind_name, r.applicant, r.owner, r.status, f"{r.deadline:%Y-%m-%d}",
                  str(r.workdays_over)] for i, r in enumerate(data.overdue, 1)]
        return section(title, [grid(rows, (12, 30, 34, 56, 30, 30, 30, 45), s, center=(0,), right=(7,))], s,
                       long=len(data.overdue) > LONG_ROWS)

    def anchor(self, t: DayTotals) -> list[Flowable]:
        """The ledger's chain head of the day, to keep outside the system, and the signatures."""
        s = self.styles
        head = " ".join(t.chain_head[i:i + 8] for i in range(0, len(t.chain_head), 8)) \
            if t.chain_head else "（当日无收付款记录）"
        return [KeepTogether([
            Paragraph("八、账本校验值", s.heading),
            Paragraph(escape(f"当日最后一笔收付款记录的账本链哈希：{head}"), s.body),
            Paragraph("此值随每笔记录串联计算，任何事后改动都会使其不符。请将本页留存或抄送财务，"
                      "日后可与系统账本核对。", s.small),
            Spacer(0, 8 * mm),
            signature_line(("制表人", "值班长审核", "财务复核"), s, self.width_mm)])]

    def by_clerk_table(self, t: DayTotals) -> Table:
        methods = [m for m in Method if m in t.by_method] or [Method.CASH]
        rows = [["营业员", *(m.label for m in methods), "笔数", "净额合计"]]
        for clerk, by_method in t.by_clerk.items():
            count = sum(x.payment_count + x.void_count + x.refund_count for x in by_method.values())
            nets = (money(by_method[m].net if m in by_method else 0) for m in methods)
            rows.append([clerk, *nets, str(count), money(sum(x.net for x in by_method.values()))])
        total_count = t.total.payment_count + t.total.void_count + t.total.refund_count
        nets = (money(t.by_method[m].net if m in t.by_method else 0) for m in methods)
        rows.append(["合计", *nets, str(total_count), money(t.total.net)])
        other = self.width_mm - 40 - 20 - 40
        return grid(rows, (40, *([other / len(methods)] * len(methods)), 20, 40), self.styles,
                    right=range(1, len(methods) + 3), total_row=True)

    def cash_close(self, t: DayTotals) -> list[Flowable]:
        s = self.styles
        lines = []
        if t.differences:
            for clerk, fen, reason in t.differences:
                word = "长款" if fen > 0 else "短款"
                lines.append(f"{clerk}：{word} {money(abs(fen))}，原因：{reason}")
        else:
            lines.append("已结班次均无现金差额。")
        if t.open_shifts:
            lines.append(f"打印时尚未结班：{'、'.join(t.open_shifts)}（须当日结班，交接班准时）。")
        return section("四、结班与现金差额", [Paragraph(escape(x), s.body) for x in lines], s)

    def entries_table(self, rows: list[EntryRow], zone: dt.tzinfo, voided: set[str]) -> Table:
        """The detail of one drawer: plain one-line cells, so thousands of rows stay fast."""
        body = [["序号", "时间", "收据号", "类型", "户号", "户名", "付款方式", "金额", "经办/批准", "备注"]]
        for i, r in enumerate(rows, 1):
            who = r.operator + (f"/{r.approved_by}" if r.approved_by else "")
            note = r.reason if r.entry_type is not EntryType.PAYMENT else (
                "已作废" if r.receipt_no in voided else "")
            body.append([str(i), f"{r.at.astimezone(zone):%H:%M}", r.receipt_no, r.entry_type.label,
                         r.account_no, r.holder, r.method.label, money(r.amount_fen), who, note])
        return grid(body, ENTRY_WIDTHS, self.styles, right=(7,), center=(0, 1, 3))

    def footer(self, canvas: Any, doc: Any, data: RegisterData) -> None:
        canvas.setFont(self.font.name, 7.5)
        canvas.setFillColor(GREY)
        width, _ = self.page_size
        canvas.drawString(doc.leftMargin, self.margins_mm[3] * mm / 2,
                          f"营业日报 {data.day:%Y-%m-%d} · {self.company.company_name}")
        canvas.drawRightString(width - doc.rightMargin, self.margins_mm[3] * mm / 2,
                               f"打印 {data.printed_at.astimezone(data.zone):%Y-%m-%d %H:%M}")


def register_pdf(data: RegisterData, font_path: str | None = None) -> bytes:
    """The daily register as PDF bytes."""
    return RegisterRenderer(data.company, font_path).render(data)
