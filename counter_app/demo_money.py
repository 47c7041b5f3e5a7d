"""The money part of the demo: fee schedules, the season's bills, a month of
payments by the clerks' shifts, corrections, reductions and some arrears.

Everything goes through the real services on the demo's own clock, so receipts
are numbered, the ledger chain verifies and the audit trail is complete."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from counter_app.domain.enums import HeatingForm, UserClass
from counter_app.domain.money import yuan
from counter_app.services import billing, fees, payments, shifts

if TYPE_CHECKING:
    from counter_app.core import Actor, Core
    from counter_app.demo import _Demo
    from counter_app.services.payments import PaymentView

# 元/m² per season (heating-practice.md): residential radiator / floor, non-residential
PRICES = {(UserClass.RESIDENTIAL, HeatingForm.RADIATOR): "22.50",
          (UserClass.RESIDENTIAL, HeatingForm.FLOOR): "30.00",
          (UserClass.NON_RESIDENTIAL, HeatingForm.RADIATOR): "33.90",
          (UserClass.NON_RESIDENTIAL, HeatingForm.FLOOR): "33.90"}
METHODS = ("cash", "cash", "wechat", "wechat", "wechat", "alipay", "alipay", "card", "transfer")
ARREARS_ACCOUNTS = 30
_SEQ = itertools.count(10_000_000)  # after every request and feedback event at the same moment


def _schedule(d: _Demo, admin: Actor, season: str) -> None:
    y = int(season[:4])
    end = dt.date(y + 1, 3, 15)
    # the demo may run on any day: the current season's unpaid bills stay not yet due,
    # so the demo's stops and transfers meet their no-arrears condition
    due = min(end, max(dt.date(y, 12, 31), d.today + dt.timedelta(days=14)))
    fees.create_schedule(
        d.h, admin, season=season, decree_no=f"市发改价格〔{y}〕{31 + y % 7}号",
        effective_date=dt.date(y, 10, 1), season_start=dt.date(y, 11, 15),
        season_end=end, due_date=due, basic_fee_bp=3000,
        late_fee_ppm_per_day=3000, prices=PRICES, early_discount_bp=300,
        early_discount_until=dt.date(y, 11, 30),
        items=[fees.ItemInput("valve_seal", "关阀施封费", "50.00")],
        note="居民按建筑面积计收；停热户按30%收取基本热费")


def plan_money(d: _Demo, admin: Actor) -> None:
    """Add the money events to the demo's plan (run in time order with the rest)."""
    rng, h, today = d.rng, d.h, d.today
    season = d.season
    previous = f"{int(season[:4]) - 1}-{season[:4]}"
    clerks, sup = d.clerks, d.sup

    def at(days_ago: int, hour: int, minute: int = 0) -> dt.datetime:
        moment = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(hour, minute), h.zone)
        return min(moment, d.end - dt.timedelta(seconds=10))

    def add(moment: dt.datetime, action: Callable[[], object]) -> None:
        d.plan.append((moment, next(_SEQ), action))

    def schedules() -> None:
        _schedule(d, admin, previous)
        _schedule(d, admin, season)
    add(at(39, 8, 20), schedules)
    # last season's bills for some accounts nobody serves in the demo: they are in arrears now
    owing = [a for a in d.pool if not a.get("used") and a["heating_state"] == "heating"
             and a["user_class"] == "residential"]
    owing = rng.sample(owing, min(ARREARS_ACCOUNTS, len(owing)))
    for a in owing:
        a["used"] = True
    add(at(39, 8, 40), lambda: [billing.generate_bill(h, clerks[0], a["id"], previous) for a in owing])
    # 建立年度收费 for the season, early enough for the early-payment window
    add(at(27, 8, 10), lambda: billing.generate_season(h, admin, season))

    payers = [a for a in d.pool if not a.get("used")]
    rng.shuffle(payers)
    days = [n for n in range(26, -1, -1)]
    per_day = max(2, min(12, len(payers) // (3 * len(days))))
    taken: list[tuple[int, PaymentView]] = []   # (days_ago, payment view) for corrections
    for n in days:
        for i, clerk in enumerate(clerks):
            todays = [payers.pop() for _ in range(per_day) if payers]
            if not todays:
                continue
            # each action binds this day's clerk and account now: they run after the loops
            add(at(n, 8, 31 + i), functools.partial(shifts.open_shift, h, clerk, "500.00"))
            for k, a in enumerate(todays):
                add(at(n, 9 + k % 8, (7 * k + 13 * i) % 60),
                    functools.partial(_pay, h, clerk, a, rng, taken, n))
            if n > 0 or i > 0:  # 李明 keeps today's shift open: the demo login can take payments
                add(at(n, 17, 10 + i), functools.partial(_close, h, clerk, sup, n))
    # corrections: a void the same day, a refund later, a reprint
    add(at(3, 16, 40), lambda: _void_last(h, taken, sup, 3))
    add(at(1, 15, 20), lambda: _refund_one(h, taken, sup))
    # reductions: one approved, one waiting for the supervisor
    poor = [a for a in d.pool if not a.get("used")][:2]
    for a in poor:
        a["used"] = True
    add(at(20, 10, 5), lambda: _reduction(h, clerks[1], sup, poor[0]["id"], season, approve=True))
    add(at(2, 11, 15), lambda: _reduction(h, clerks[2], None, poor[1]["id"], season, approve=False))


def _pay(h: Core, clerk: Actor, a: dict[str, Any], rng: random.Random, taken: list[tuple[int, PaymentView]],
         days_ago: int) -> None:
    due = billing.get_statement(h, a["id"]).due_fen
    if due <= 0:
        return
    method = rng.choice(METHODS)
    amount = due if rng.random() < .9 else max(100, due // 2 // 100 * 100)   # some pay a part
    tendered = None
    if method == "cash":
        tendered = -(-amount // 10000) * 10000          # rounded up to the next 100 元 note
    view = payments.take_payment(h, clerk, a["id"], amount, method, tendered=tendered)
    taken.append((days_ago, view))


def _close(h: Core, clerk: Actor, sup: Actor, days_ago: int) -> None:
    current = shifts.current_shift(h, clerk)
    if current is None:
        return
    expected = shifts.shift_report(h, clerk, current.id).expected_fen
    if days_ago == 5 and clerk.username == "wang" and expected >= 1000:   # one drawer is 10 元 short
        shifts.close_shift(h, clerk, _notes(expected - 1000), reason="找零时多找出10元，已登记",
                           supervisor=sup)
    else:
        shifts.close_shift(h, clerk, _notes(expected))


def _notes(fen: int) -> dict[str, int]:
    counted: dict[str, int] = {}
    for value in shifts.DENOMINATIONS:
        count, fen = divmod(fen, value)
        if count:
            counted[str(value)] = count
    return counted


def _void_last(h: Core, taken: list[tuple[int, PaymentView]], sup: Actor, days_ago: int) -> None:
    for n, view in reversed(taken):
        if n == days_ago and not view.void:
            clerk = next(c for c in _clerks(h) if c.display_name == view.clerk)
            payments.void(h, clerk, view.entry_id, "金额录错，客户当场重新缴费", sup)
            return


def _refund_one(h: Core, taken: list[tuple[int, PaymentView]], sup: Actor) -> None:
    # the refund is paid out of a drawer: it goes to a clerk whose shift is open at that moment
    # (with few demo accounts the payments run out before the last days, and so do the shifts)
    on_duty = [c for c in _clerks(h) if shifts.current_shift(h, c) is not None]
    if not on_duty:
        return
    for _n, view in taken[:20]:
        if view.method.value == "wechat" and view.amount_fen > 20000:
            clerk = next((c for c in on_duty if c.display_name == view.clerk), on_duty[0])
            payments.reprint(h, clerk, view.entry_id)
            payments.refund(h, clerk, view.entry_id, 10000, "重复缴费，退回多收部分", sup)
            return


def _clerks(h: Core) -> list[Actor]:
    from counter_app.services import staff

    return staff.list_staff(h)


def _reduction(h: Core, clerk: Actor, sup: Actor | None, account_id: int, season: str, *,
               approve: bool) -> None:
    rid = billing.request_reduction(h, clerk, account_id, season, "low_income",
                                    "持民政局低保证，申请减免当季热费", "低保证 No.2026-0318",
                                    percent_bp=3000)
    if approve and sup is not None:
        billing.decide_reduction(h, sup, rid, True, "证件核实无误")


def summary_lines(core: Core) -> list[str]:
    """What the money part made, for the demo's summary."""
    from sqlalchemy import ColumnElement, func, select

    from counter_app.db.models import Base
    from counter_app.db.money import Bill, FeeSchedule, LedgerEntry, Reduction

    with core.reading() as s:
        def n(model: type[Base], *where: ColumnElement[bool]) -> int:
            return s.execute(select(func.count()).select_from(model).where(*where)).scalar_one()
        paid = s.scalar(select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0))) or 0
        lines = [f"  收费标准 {n(FeeSchedule)} 个版本；账单 {n(Bill, Bill.superseded_by_id.is_(None))} 份；"
                 f"收款记录 {n(LedgerEntry)} 条（作废 {n(LedgerEntry, LedgerEntry.entry_type == 'void')}、"
                 f"退款 {n(LedgerEntry, LedgerEntry.entry_type == 'refund')}），实收 {yuan(paid)} 元；"
                 f"减免 {n(Reduction)} 件（待审批 {n(Reduction, Reduction.approved.is_(None))}）"]
    owing = billing.arrears_list(core)
    lines.append(f"  欠费 {len(owing)} 户（上一采暖季未缴，含滞纳金）")
    return lines
