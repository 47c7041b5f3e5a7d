"""The shift handover sheet (交接班记录): one clerk's closed shift on A4.

What the outgoing clerk hands over and both sign for (article 7: 交接班准时;
article 6(6): open requests are handed over with the responsibility named): the
float, the cash counted by denomination, expected against counted with the
difference, its reason and the approving supervisor, the money by payment
method, the receipt numbers, the voids and refunds, and the clerk's open
requests.  The signatures close the sheet: they go to the next page only with
the last open request (or the last section) above them, never alone.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from counter_app.services.documents.handover import (
    DENOMINATIONS,
    HandoverData,
    ShiftReport,
    denomination_label,
)
from printing.base import Renderer, stamp
from printing.register import (
    LONG_ROWS,
    EndsWith,
    correction_rows,
    grid,
    money,
    receipt_range,
    section,
    signature_line,
    totals_rows,
)
from printing.styles import GREY, escape


class HandoverRenderer(Renderer[HandoverData]):
    margins_mm = (18, 18, 18, 18)
    base_font_size = 10
    title = "交接班记录"
    width_mm = 174

    def document_title(self, data: HandoverData) -> str:
        return f"交接班记录 {data.report.clerk_name} 班次{data.report.shift.id}"

    def story(self, data: HandoverData) -> list[Flowable]:
        s, r = self.styles, data.report
        shift = r.shift
        def local(moment: Any) -> str:
            return stamp(moment, data.zone)

        info = [["营业员", r.clerk_name, "班次编号", str(shift.id)],
                ["开班时间", local(shift.opened_at), "结班时间", local(shift.closed_at)],
                ["备用金", money(shift.float_fen), "打印", f"{local(data.printed_at)} {data.printed_by}"]]
        out: list[Flowable] = [
            Paragraph(escape(f"{self.company.company_name} {self.company.hall_name}"), s.subtitle),
            Paragraph("交接班记录", s.title),
            grid(info, (28, 59, 28, 59), s, header=False)]
        out += section("一、现金清点", self.cash(r), s)
        paid: Flowable = grid(totals_rows(r.by_method), (26, 18, 24, 18, 22, 18, 22, 26), s,
                              right=range(1, 8), total_row=True, size=s.cell.fontSize * 0.95) \
            if r.by_method else Paragraph("本班次无收付款。", s.body)
        out += section("二、收付款汇总（按付款方式）", [paid], s)
        first, last = (r.receipts[0], r.receipts[-1]) if r.receipts else (None, None)
        issued = receipt_range(first, last, len(r.receipts), r.void_receipts)
        out += section("三、收据", [Paragraph(escape(issued + "。"), s.body)], s)
        corrections: Flowable = grid(correction_rows(data.corrections, data.zone),
                                     (11, 10, 23, 21, 16, 14, 20, 23, 18, 18), s, right=(6,),
                                     size=s.cell.fontSize * 0.9) if data.corrections \
            else Paragraph("本班次无作废、退款。", s.body)
        out += section("四、作废与退款", [corrections], s, long=len(data.corrections) > LONG_ROWS)
        return out + self.open_requests(data)

    def open_requests(self, data: HandoverData) -> list[Flowable]:
        """The requests handed over, and the signatures under them: a page break puts
        at least the last request on the signatures' page, never them alone."""
        s, title = self.styles, "五、移交的未办结业务（首问负责，交接清楚、明确责任）"
        signatures = [
            Spacer(0, 6 * mm),
            Paragraph("以上现金、票据和业务已当面点交清楚（服务规范第7条：交接班准时）。", s.body),
            signature_line(("交班人", "接班人"), s, self.width_mm),
            signature_line(("交接时间", "值班长"), s, self.width_mm)]
        if not data.open_requests:
            return [KeepTogether([Paragraph(title, s.heading),
                                  Paragraph(escape(f"{data.report.clerk_name}名下无未办结业务。"), s.body),
                                  *signatures])]
        rows = [["业务编号", "业务类型", "申请人", "状态", "办理期限", "交接说明"]]
        rows += [[q.number, q.kind_name, q.applicant_name, q.status.label,
                  f"{q.deadline:%Y-%m-%d}" + ("（已超期）" if q.overdue else "") if q.deadline else "", ""]
                 for q in data.open_requests]
        return section(title, [EndsWith(grid(rows, (28, 28, 30, 20, 30, 38), s), signatures)], s,
                       long=len(rows) > LONG_ROWS)

    def cash(self, r: ShiftReport) -> list[Flowable]:
        s, shift = self.styles, r.shift
        counted = {int(k): n for k, n in r.counted.items()}
        half = [["面额", "张/枚数", "金额"]]
        rows = [[denomination_label(d), str(counted.get(d, 0)) if counted.get(d) else "—",
                 money(d * counted[d]) if counted.get(d) else ""] for d in DENOMINATIONS]
        split = (len(rows) + 1) // 2
        left, right = half + rows[:split], half + rows[split:] + [["", "", ""]] * (2 * split - len(rows))
        table = grid([a + b for a, b in zip(left, right, strict=True)], (22, 20, 45, 22, 20, 45), s,
                     right=(1, 2, 4, 5), size=s.cell.fontSize * 0.95)
        diff = shift.difference_fen or 0
        word = "无差额" if not diff else ("长款" if diff > 0 else "短款")
        summary = [["应有现金（备用金＋现金收付）", money(r.expected_fen)],
                   ["实点现金", money(shift.counted_fen)],
                   ["差额", f"{word} {money(abs(diff))}" if diff else "无差额"]]
        if diff:
            summary += [["差额原因", shift.difference_reason], ["批准值班长", r.approved_by]]
        elif r.approved_by:
            summary.append(["监交值班长", r.approved_by])
        return [table, Spacer(0, 2 * mm), grid(summary, (60, 114), s, header=False, right=())]

    def footer(self, canvas: Any, doc: Any, data: HandoverData) -> None:
        canvas.setFont(self.font.name, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(doc.leftMargin, self.margins_mm[3] * mm / 2,
                          f"交接班记录 · {data.report.clerk_name} · 班次 {data.report.shift.id}")


def handover_pdf(data: HandoverData, font_path: str | None = None) -> bytes:
    """The handover sheet of a closed shift as PDF bytes."""
    return HandoverRenderer(data.company, font_path).render(data)
