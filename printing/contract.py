"""The heating contract (供热合同): the company's standard contract (article 5(2)),
filled in from an application request, for residential or non-residential use.

The clause texts come from the catalogue (``forms/contracts/<template>.toml``,
``core.catalogue.contract_for(kind)``); this module supplies every placeholder
(``counter_app.catalogue.PLACEHOLDERS``): the parties from the request and its
account, the price, season and rates from the fee schedule of the current
season.  Without a published schedule the price reads 按现行收费标准 and the
season terms come from the latest schedule published, or are left as blanks to
fill in by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
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

from counter_app.core import Actor, Core
from counter_app.domain.enums import HeatingForm, RequestStatus, UserClass
from counter_app.domain.money import yuan
from counter_app.domain.permissions import Permission
from counter_app.domain.seasons import season_of
from counter_app.domain.settlement import percent, permille
from counter_app.errors import Conflict, NotFound, ValidationError
from counter_app.services import accounts, fees, requests
from counter_app.services.fees import ScheduleView
from printing.base import Company, Renderer
from printing.qr import MIN_A4_MM, TrackingQr, tracking_url
from printing.register import company_of, fit
from printing.styles import GREY, INK, LINE, Row, escape

PRICE_PENDING = "按现行收费标准"
BLANK = "＿＿＿＿"
MIN_TEMPERATURE = 16          # ℃ all day in the season: the service standard, article 11
QR_MM = 26.0                  # the printed symbol, quiet zone not counted


@dataclass(frozen=True)
class ContractData:
    title: str
    class_label: str                  # 居民 / 非居民
    contract_no: str
    request_no: str
    kind_name: str
    tracking_code: str
    tracking_url: str
    supplier: tuple[tuple[str, str], ...]   # 供热方 block: (label, value)
    customer: tuple[tuple[str, str], ...]   # 用热方 block
    premises: tuple[tuple[str, str], ...]   # 供热房屋: (label, value)
    clauses: tuple[tuple[str, str], ...]
    version: str
    template: str
    customer_name: str
    sign_date: str


def _find(core: Core, request: str | int) -> requests.RequestView:
    if isinstance(request, int) or (isinstance(request, str) and request.strip().isdigit()):
        return requests.get_request(core, int(request))
    return requests.get_by_number(core, str(request))


def _month_day(day: dt.date) -> str:
    return f"{day.month}月{day.day}日"


def _schedule(core: Core) -> tuple[ScheduleView | None, ScheduleView | None]:
    """(the current season's schedule or None, the schedule to take the terms from)."""
    try:
        current = fees.get_schedule(core, season_of(core.today()))
    except NotFound:
        current = None
    if current is not None:
        return current, current
    published = [s for s in fees.list_schedules(core) if s.effective_date <= core.today()]
    return None, (published[0] if published else None)


def _form(account: accounts.AccountView | None, fields: Mapping[str, object]) -> HeatingForm | None:
    if account is not None:
        return account.heating_form
    try:
        return HeatingForm.parse(str(fields.get("heating_method") or ""))
    except ValueError:
        return None


def _sign_date(view: requests.RequestView, core: Core) -> dt.date:
    signed = [e.at for e in view.events if e.action == "sign_contract"]
    return core.local(signed[-1]).date() if signed else core.today()


def contract_data(core: Core, actor: Actor, request: str | int,
                  company: Company | None = None) -> ContractData:
    actor.require(Permission.SERVE)
    view = _find(core, request)
    template = core.catalogue.contract_for(view.kind)
    if template is None:
        raise ValidationError(f"“{view.kind_name}”不签订供热合同；供热合同只用于用热申请业务")
    if view.status in (RequestStatus.REJECTED, RequestStatus.WITHDRAWN):
        raise Conflict(f"业务 {view.number} {view.status.label}，不能打印供热合同")
    kind = core.catalogue.get(view.kind)
    account = accounts.get_account(core, view.account_id) if view.account_id else None
    company = company or company_of(core)
    f = view.fields
    non_res = kind.non_residential(account.user_class if account else None)
    user_class = UserClass.NON_RESIDENTIAL if non_res else UserClass.RESIDENTIAL
    holder = account.holder_name if account else ""
    if non_res:
        name = str(f.get("company_name") or holder or view.applicant_name)
        id_label, id_number = "统一社会信用代码", str(f.get("uscc") or (account.id_number if account else ""))
    else:
        name = str(f.get("owner_name") or holder or view.applicant_name)
        id_label = "身份证号码"
        id_number = str(f.get("owner_id_number") or (account.id_number if account else ""))
    phone = str(f.get("phone") or (account.phone if account else ""))
    address = str(f.get("address") or (account.address if account else ""))
    raw_area = f.get("area") or (account.area if account else None)
    area = f"{Decimal(str(raw_area)).quantize(Decimal('0.01'))}" if raw_area else BLANK
    form = _form(account, f)
    current, terms = _schedule(core)
    price = yuan(current.prices[(user_class, form)]) if current and form and \
        (user_class, form) in current.prices else PRICE_PENDING
    values: dict[str, Any] = {
        "company_name": company.company_name, "company_address": company.hall_address or BLANK,
        "service_phone": company.hall_phone or BLANK, "contract_no": "HT" + view.number.removeprefix("SQ"),
        "sign_date": f"{_sign_date(view, core):%Y-%m-%d}", "customer_name": name,
        "customer_id_number": id_number or BLANK, "customer_phone": phone or BLANK,
        "contact_name": str(f.get("contact_name") or name), "account_no": view.account_no or BLANK,
        "address": address or BLANK, "area": area, "price": price,
        "price_document": current.decree_no if current else "价格主管部门的现行文件",
        "season_start": _month_day(terms.season_start) if terms else BLANK,
        "season_end": _month_day(terms.season_end) if terms else BLANK,
        "min_temperature": MIN_TEMPERATURE,
        "payment_due": f"每年{_month_day(terms.due_date)}" if terms else BLANK,
        "basic_fee_percent": percent(terms.basic_fee_bp) if terms else BLANK,
        "late_fee_rate": permille(terms.late_fee_ppm_per_day) if terms else BLANK,
        "heat_on_days": kind.deadlines.get("heat_on", BLANK)}
    clauses = [(title, text.replace(f"{PRICE_PENDING}元", PRICE_PENDING))
               for title, text in template.render(values)]
    price_text = f"{price} 元/㎡·采暖期" if price != PRICE_PENDING else PRICE_PENDING
    if current is not None and price != PRICE_PENDING:
        price_text += f"（{current.season}采暖季，{current.decree_no}）"
    supplier = (("供热方（甲方）", company.company_name), ("营业厅", company.hall_name),
                ("地址", company.hall_address), ("服务电话", company.hall_phone))
    customer = [("用热方（乙方）", name), (id_label, id_number)]
    if non_res:
        customer.append(("联系人", str(f.get("contact_name") or "")))
    customer += [("地址", address), ("联系电话", phone)]
    premises = (("用热地址", address), ("供热户号", view.account_no or "开户后填写"),
                ("计费面积", f"{area} ㎡"), ("用户类别", user_class.label),
                ("采暖方式", form.label if form else str(f.get("heating_method") or "")),
                ("热费单价", price_text))
    return ContractData(
        template.title, user_class.label, values["contract_no"], view.number, view.kind_name,
        view.tracking_code, tracking_url(company.tracking_base_url, view.tracking_code),
        supplier, tuple(customer), premises, tuple(clauses), template.version, template.name,
        name, values["sign_date"])


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


def contract_pdf(core: Core, actor: Actor, request: str | int) -> bytes:
    """The filled-in heating contract of an application request (by number or id)."""
    company = company_of(core)
    return ContractRenderer(company).render(contract_data(core, actor, request, company))
