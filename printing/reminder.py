"""Arrears reminder notices (催缴通知单): one A5 page per account in arrears.

A5 portrait, one account a sheet, so a batch for a building prints as a stack
to hand out or post (two to an A4 sheet with the printer's 2-up setting).  Each
notice lists the seasons owed with their principal and the late fee to the day
of printing, the total in figures and capitals (大写), the due-date rule and
late-fee rate of each season's fee schedule, and how and where to pay.  The
amounts come from ``billing.arrears_list`` (what is past due) and the account's
statement (the split by season).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from counter_app.core import Actor, Core
from counter_app.domain.permissions import Permission
from counter_app.domain.settlement import permille
from counter_app.errors import NotFound
from counter_app.ledger import Method
from counter_app.services import billing, fees
from counter_app.validation import fen_to_capital
from printing.base import Renderer
from printing.register import company_of, grid, money
from printing.styles import GREY, INK, escape

SKIP = ("late_fee", "discount", "prepaid", "credit")


@dataclass(frozen=True)
class SeasonOwed:
    season: str
    due_date: dt.date | None
    rate_ppm: int | None
    decree_no: str
    principal_fen: int
    late_fee_fen: int


@dataclass(frozen=True)
class Notice:
    number: str
    account_no: str
    holder: str
    address: str
    seasons: tuple[SeasonOwed, ...]
    principal_fen: int
    late_fee_fen: int

    @property
    def total_fen(self) -> int:
        return self.principal_fen + self.late_fee_fen


@dataclass(frozen=True)
class ReminderBatch:
    on: dt.date
    notices: tuple[Notice, ...]


def _natural(text: str) -> list[int | str]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def _seasons(core: Core, row: billing.ArrearsRow, on: dt.date) -> tuple[SeasonOwed, ...]:
    lines = billing.get_statement(core, row.account_id, on).lines
    out = []
    for season in row.seasons:
        mine = [x for x in lines if (x.basis or {}).get("season") == season]
        late = [x for x in mine if x.kind == "late_fee"]
        try:
            schedule = fees.get_schedule(core, season, on)
        except NotFound:
            schedule = None
        due = late[0].basis.get("due_date") if late and late[0].basis.get("due_date") else None
        decree = next((x.basis["decree_no"] for x in mine if x.basis.get("decree_no")), "")
        out.append(SeasonOwed(
            season, dt.date.fromisoformat(due) if due else (schedule.due_date if schedule else None),
            late[0].basis.get("rate_ppm_per_day") if late else (
                schedule.late_fee_ppm_per_day if schedule else None),
            decree or (schedule.decree_no if schedule else ""),
            sum(x.amount_fen for x in mine if x.kind not in SKIP), sum(x.amount_fen for x in late)))
    if sum(s.principal_fen for s in out) != row.principal_fen or \
            sum(s.late_fee_fen for s in out) != row.late_fee_fen:
        # the statement cannot be split by season exactly: print the totals as one line
        first = out[0] if out else SeasonOwed("", None, None, "", 0, 0)
        out = [SeasonOwed("、".join(row.seasons), first.due_date, first.rate_ppm, first.decree_no,
                          row.principal_fen, row.late_fee_fen)]
    return tuple(out)


def reminder_batch(core: Core, actor: Actor, *, community: str | None = None,
                   building: str | None = None, account_ids: list[int] | None = None) -> ReminderBatch:
    actor.require(Permission.SERVE)
    on = core.today()
    rows = billing.arrears_list(core, community or None, building or None, on)
    if account_ids is not None:
        wanted = set(account_ids)
        rows = [r for r in rows if r.account_id in wanted]
    if not rows:
        where = "、".join(x for x in (community and f"小区“{community}”", building and f"{building}号楼",
                                      account_ids is not None and f"所选的 {len(account_ids)} 户") if x)
        raise NotFound(f"{where or '全部账户'}截至 {on:%Y-%m-%d} 没有逾期欠费的账户，无需打印催缴通知单")
    rows.sort(key=lambda r: (_natural(r.address), r.account_no))
    notices = tuple(Notice(f"CJ{on:%Y%m%d}-{r.account_no}", r.account_no, r.holder_name, r.address,
                           _seasons(core, r, on), r.principal_fen, r.late_fee_fen) for r in rows)
    return ReminderBatch(on, notices)


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
            rate = (f"逾期自次日起每日按欠费金额的{permille(x.rate_ppm)}‰加收滞纳金" if x.rate_ppm
                    else "逾期按规定加收滞纳金")
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


def reminders_pdf(core: Core, actor: Actor, *, community: str | None = None, building: str | None = None,
                  account_ids: list[int] | None = None) -> bytes:
    """催缴通知单 for every account in arrears (of a community / building / list), one A5 page each."""
    batch = reminder_batch(core, actor, community=community, building=building, account_ids=account_ids)
    return ReminderRenderer(company_of(core)).render(batch)
