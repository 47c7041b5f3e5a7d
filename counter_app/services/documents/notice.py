"""The one-time notice (一次性告知单) of a request, read at once (article 9: on
accepting an application tell the customer at once every document still
missing, the procedure and every fee item with its standard).

The rules of what it says are here: the procedure from the business's
workflow with its working-day limits, and each fee item's standard from the
schedule of the current season - the heating fee at the account's price, with
the whole season's amount for its area."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from counter_app import tracking_codes
from counter_app.catalogue import BusinessKind, DocumentSpec
from counter_app.core import Actor, Core
from counter_app.domain import workflow
from counter_app.domain.money import BP, round_fen, yuan
from counter_app.domain.permissions import Permission
from counter_app.domain.seasons import season_of
from counter_app.domain.settlement import percent, permille
from counter_app.errors import NotFound
from counter_app.services import accounts, fees
from counter_app.services.accounts import AccountView
from counter_app.services.documents.common import Company, company_in, season_fee, stamp
from counter_app.services.documents.papers import (
    DEADLINE_FOR,
    Deadline,
    deadline_of,
    find_request,
    missing_groups,
    request_address,
)
from counter_app.services.fees import ScheduleView
from counter_app.services.requests import RequestView

CURRENT = "按现行收费标准"
SIDE_STEPS = ("await_documents", "reject", "withdraw")   # not part of the normal procedure


@dataclass(frozen=True)
class NoticeData:
    company: Company
    request: RequestView
    address: str
    received_at: str
    printed_at: str
    missing: tuple[tuple[DocumentSpec, ...], ...]
    steps: tuple[str, ...]
    fees: tuple[tuple[str, str], ...]      # (fee item, its standard)
    basis: str                             # the schedule the standards come from
    deadline: Deadline
    url: str | None                        # what its QR code opens; None: no QR (qr_missing says why)
    qr_missing: str = ""                   # why it prints without a QR code, for the clerk


def procedure(kind: BusinessKind) -> list[str]:
    """The business's steps from its workflow, with the working-day limits."""
    steps = ["登记申请，核对所需材料"]
    for step in workflow.transitions(kind.workflow):
        if step.action in SIDE_STEPS:
            continue
        text = ("材料齐全后" if step.needs_documents else "") + step.label
        key = step.starts_deadline
        if key is not None and key in kind.deadlines:
            text += f"，之后{kind.deadlines[key]}个工作日内{DEADLINE_FOR.get(key, '答复')}"
        steps.append(text)
    return steps


def standard(code: str, schedule: ScheduleView | None, account: AccountView | None) -> str:
    """One fee item's published standard (as the counter's fee page states it)."""
    if schedule is None:
        return CURRENT
    item = next((i for i in schedule.items if i.code == code), None)
    if item is not None:
        return f"{yuan(item.amount_fen)} 元"
    price = schedule.prices.get((account.user_class, account.heating_form)) if account else None
    if code == "heating_fee":
        if price is None or account is None:  # no account, no price
            return "；".join(f"{c.label}{f.label} {yuan(p)} 元/平方米·采暖期"
                            for (c, f), p in schedule.prices.items())
        text = (f"{account.user_class.label}{account.heating_form.label} {yuan(price)} "
                "元/平方米·采暖期，按供热面积和供热天数计")
        if account.area:   # in words: the ㎡ glyph of the hall's font prints far smaller than the text
            text += f"（{account.area}平方米 整季 {yuan(season_fee(price, account.area))} 元）"
        return text
    if code == "basic_fee":
        return f"停热期间按热费的 {percent(schedule.basic_fee_bp)}% 收取" + (
            f"（整季 {yuan(round_fen(Fraction(price) * Fraction(account.area) * schedule.basic_fee_bp / BP))}"
            " 元）"
            if price and account and account.area else "")
    if code == "late_fee":
        return (f"{schedule.due_date:%Y-%m-%d} 后逾期未交的，每日按欠费的 "
                f"{permille(schedule.late_fee_ppm_per_day)}‰ 加收")
    return "收费标准未列出金额，按核定方案另行告知"


def notice_data(core: Core, actor: Actor, request: str | int) -> NoticeData:
    """The notice of a request (by number like SQ2026000123, or by id)."""
    actor.require(Permission.SERVE)
    season = season_of(core.today())
    with core.reading() as session:
        view = find_request(session, core, request)
        kind = core.catalogue.get(view.kind)
        company = company_in(session)
        account = accounts.view(accounts.load(session, view.account_id)) if view.account_id is not None \
            else None
        address = request_address(session, view)
        try:
            schedule = fees.view(fees.schedule_in_force(session, season, core.today())) if kind.fees else None
            basis = "" if schedule is None else (
                f"依据：{schedule.season}采暖季收费标准（第{schedule.version}版，{schedule.decree_no}，"
                f"{schedule.effective_date:%Y-%m-%d}起执行）")
        except NotFound:
            schedule, basis = None, f"{season}采暖季收费标准尚未发布，按现行收费标准计收。"
    qr = tracking_codes.link(company.tracking_base_url, view.tracking_code)
    return NoticeData(
        company, view, address, stamp(view.received_at, core.zone), stamp(core.now(), core.zone),
        missing_groups(view, kind), tuple(procedure(kind)),
        tuple((f.label, standard(f.code, schedule, account)) for f in kind.fees), basis,
        deadline_of(view, kind), qr.url, qr.printed_note)


__all__ = ["CURRENT", "NoticeData", "notice_data", "procedure", "standard"]
