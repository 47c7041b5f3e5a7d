"""The heating contract (供热合同) of an application request, read at once: the
company's standard contract (article 5(2)) with every placeholder of its
template filled in.

The clause texts come from the catalogue (``forms/contracts/<template>.toml``,
``core.catalogue.contract_for(kind)``); this module supplies every placeholder
(``counter_app.catalogue.PLACEHOLDERS``): the parties from the request and its
account, the price, season and rates from the fee schedule of the current
season.  Without a published schedule the price reads 按现行收费标准 and the
season terms come from the latest schedule published, or are left as blanks to
fill in by hand.  A rejected or withdrawn application has no contract.

Beside the clauses the contract states the yearly heating fee the customer
signs up to - the area at the schedule's price, as a season bill charges it -
in figures and in capitals (大写), and the agent (委托代理人) who signs for an
applicant who filed through one.  Areas are written 平方米: the ㎡ glyph of the
hall's font prints at a fraction of the text's size.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app import tracking_codes
from counter_app.core import Actor, Core
from counter_app.db.money import FeeSchedule
from counter_app.domain.enums import HeatingForm, RequestStatus, UserClass
from counter_app.domain.money import yuan
from counter_app.domain.permissions import Permission
from counter_app.domain.seasons import season_of
from counter_app.domain.settlement import percent, permille
from counter_app.errors import Conflict, NotFound, ValidationError
from counter_app.services import accounts, fees
from counter_app.services.accounts import AccountView
from counter_app.services.documents.common import Company, company_in, season_fee
from counter_app.services.documents.papers import find_request
from counter_app.services.fees import ScheduleView
from counter_app.services.requests import RequestView
from counter_app.validation import fen_to_capital

PRICE_PENDING = "按现行收费标准"
PRICE_LABEL = "热费单价"
FEE_LABEL = "年度热费"
BLANK = "＿＿＿＿"
MIN_TEMPERATURE = 16          # ℃ all day in the season: the service standard, article 11
NO_CONTRACT = (RequestStatus.REJECTED, RequestStatus.WITHDRAWN)
# a document's file number (发文字号): the issuer's short name, 〔year〕 and the number, e.g. 晋价〔2025〕18号
FILE_NUMBER = re.compile(r"^(.*?)([^\s、，。：（）《》]{0,6}〔\d{4}〕\d+号)$")


@dataclass(frozen=True)
class ContractData:
    company: Company
    title: str
    class_label: str                  # 居民 / 非居民
    contract_no: str
    request_no: str
    kind_name: str
    tracking_code: str
    tracking_url: str | None          # what its QR code opens; None: no QR (qr_missing says why)
    supplier: tuple[tuple[str, str], ...]   # 供热方 block: (label, value)
    customer: tuple[tuple[str, str], ...]   # 用热方 block
    premises: tuple[tuple[str, str], ...]   # 供热房屋: (label, value)
    clauses: tuple[tuple[str, str], ...]
    version: str
    template: str
    customer_name: str
    sign_date: str
    # the price as pieces a line may break between, never inside: the file number stays whole
    price_parts: tuple[str, ...] = ()
    yearly_fee_fen: int | None = None   # a whole season at the price; None: no price or no area yet
    fee_parts: tuple[str, ...] = ()     # the yearly fee in figures, how it is made, in capitals
    agent_name: str = ""                # 委托代理人, who signs for the applicant
    qr_missing: str = ""                # why it prints without a QR code, for the clerk


def _month_day(day: dt.date) -> str:
    return f"{day.month}月{day.day}日"


def _schedules(session: Session, today: dt.date) -> tuple[ScheduleView | None, ScheduleView | None]:
    """(the current season's schedule or None, the schedule to take the terms from:
    the current one, else the newest version of the newest season published by today)."""
    try:
        current = fees.view(fees.schedule_in_force(session, season_of(today), today))
    except NotFound:
        current = None
    if current is not None:
        return current, current
    latest = session.scalar(select(FeeSchedule).where(FeeSchedule.effective_date <= today)
                            .order_by(FeeSchedule.season.desc(), FeeSchedule.version.desc()).limit(1))
    return None, (fees.view(latest) if latest is not None else None)


def _form(account: AccountView | None, fields: Mapping[str, object]) -> HeatingForm | None:
    if account is not None:
        return account.heating_form
    try:
        return HeatingForm.parse(str(fields.get("heating_method") or ""))
    except ValueError:
        return None


def decree_parts(decree: str) -> tuple[str, ...]:
    """The price document as the pieces a printed line may break between: its
    name, then its file number whole (a line never ends inside 晋价〔2025〕18号)."""
    found = FILE_NUMBER.match(decree.strip())
    if found is None:
        return (f"依据{decree}）",)
    name, number = found.groups()
    return (f"依据{name}", f"{number}）") if name else (f"依据{number}）",)


def _agent(view: RequestView) -> tuple[str, str]:
    """(name, ID number) of the agent an application was filed through, else blanks."""
    name = (view.agent_name or str(view.fields.get("agent_name") or "")).strip()
    if not (view.by_agent or name):
        return "", ""
    return name, str(view.fields.get("agent_id_number") or "").strip()


def _sign_date(view: RequestView, core: Core) -> dt.date:
    signed = [e.at for e in view.events if e.action == "sign_contract"]
    return core.local(signed[-1]).date() if signed else core.today()


def contract_data(core: Core, actor: Actor, request: str | int) -> ContractData:
    """The filled-in contract of an application request (by number or id)."""
    actor.require(Permission.SERVE)
    with core.reading() as session:
        view = find_request(session, core, request)
        template = core.catalogue.contract_for(view.kind)
        if template is None:
            raise ValidationError(f"“{view.kind_name}”不签订供热合同；供热合同只用于用热申请业务")
        if view.status in NO_CONTRACT:
            raise Conflict(f"业务 {view.number} {view.status.label}，不能打印供热合同")
        account = accounts.view(accounts.load(session, view.account_id)) if view.account_id else None
        company = company_in(session)
        current, terms = _schedules(session, core.today())
    kind = core.catalogue.get(view.kind)
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
    price_fen = current.prices.get((user_class, form)) if current and form else None
    price = yuan(price_fen) if price_fen is not None else PRICE_PENDING
    yearly = season_fee(price_fen, area) if price_fen is not None and area != BLANK else None
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
    price_parts: tuple[str, ...] = (PRICE_PENDING,)
    if current is not None and price_fen is not None:
        price_parts = (f"{price} 元/平方米·采暖期", f"（{current.season}采暖季，",
                       *decree_parts(current.decree_no))
    fee_parts = ("按计费面积乘以热费单价计算",) if yearly is None else (
        f"{yuan(yearly)} 元", f"（{area} 平方米 × {price} 元/平方米），",
        f"大写：人民币{fen_to_capital(yearly)}")
    agent_name, agent_id = _agent(view)
    supplier = (("供热方（甲方）", company.company_name), ("营业厅", company.hall_name),
                ("地址", company.hall_address), ("服务电话", company.hall_phone))
    customer = [("用热方（乙方）", name), (id_label, id_number)]
    if non_res:
        customer.append(("联系人", str(f.get("contact_name") or "")))
    customer += [("地址", address), ("联系电话", phone)]
    if agent_name:
        customer.append(("委托代理人", agent_name + (f"（身份证号码 {agent_id}）" if agent_id else "")))
    premises = (("用热地址", address), ("供热户号", view.account_no or "开户后填写"),
                ("计费面积", f"{area} 平方米"), ("用户类别", user_class.label),
                ("采暖方式", form.label if form else str(f.get("heating_method") or "")),
                (PRICE_LABEL, "".join(price_parts)), (FEE_LABEL, "".join(fee_parts)))
    qr = tracking_codes.link(company.tracking_base_url, view.tracking_code)
    return ContractData(
        company, template.title, user_class.label, values["contract_no"], view.number, view.kind_name,
        view.tracking_code, qr.url,
        supplier, tuple(customer), premises, tuple(clauses), template.version, template.name,
        name, values["sign_date"], price_parts, yearly, fee_parts, agent_name, qr.printed_note)


__all__ = ["BLANK", "FEE_LABEL", "PRICE_LABEL", "PRICE_PENDING", "ContractData", "contract_data"]
