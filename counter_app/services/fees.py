"""The fee schedule (收费标准): per heating season, versioned.

An administrator publishes a version; a new version never changes a bill
already made (bills point at the version they were computed from).  The version
in force for a season on a day is the highest version whose effective date is
on or before that day.  A clerk cannot charge what the schedule does not list
(article 5: every charge traces to one line of the schedule in force).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app import audit, validation
from counter_app.core import Actor, Core
from counter_app.db.money import FeeItem, FeeRate, FeeSchedule
from counter_app.domain.enums import HeatingForm, UserClass
from counter_app.domain.money import yuan
from counter_app.domain.permissions import Permission
from counter_app.domain.settlement import Terms, percent, permille
from counter_app.errors import NotFound, ValidationError

MAX_PRICE_FEN = 50_000              # 500 元/m² a season: anything above is a typing error
MAX_LATE_FEE_PPM = 10_000           # 1 % a day
MAX_EARLY_DISCOUNT_BP = 5_000       # 50 %
_ITEM_CODE = re.compile(r"[a-z][a-z0-9_]{1,39}")


@dataclass(frozen=True)
class ItemInput:
    code: str                 # the code the business catalogue uses, e.g. valve_seal
    label: str                # as printed, e.g. 关阀施封费
    amount: int | str         # fen (int) or yuan text ("50.00")


@dataclass(frozen=True)
class ItemView:
    code: str
    label: str
    amount_fen: int


@dataclass(frozen=True)
class ScheduleView:
    id: int
    season: str
    version: int
    decree_no: str
    effective_date: dt.date
    season_start: dt.date
    season_end: dt.date
    due_date: dt.date
    basic_fee_bp: int
    late_fee_ppm_per_day: int
    early_discount_bp: int
    early_discount_until: dt.date | None
    note: str
    prices: dict[tuple[UserClass, HeatingForm], int]
    items: tuple[ItemView, ...]
    created_at: dt.datetime

    @property
    def season_days(self) -> int:
        return (self.season_end - self.season_start).days + 1


def terms(schedule: FeeSchedule | ScheduleView) -> Terms:
    return Terms(schedule.season_start, schedule.season_end, schedule.due_date,
                 schedule.basic_fee_bp, schedule.late_fee_ppm_per_day,
                 schedule.early_discount_bp, schedule.early_discount_until)


class Tariff:
    """A schedule version's numbers for settlement, read once per batch chunk."""

    def __init__(self, schedule: FeeSchedule) -> None:
        self.schedule, self.id, self.terms = schedule, schedule.id, terms(schedule)
        self.prices = {(r.user_class, r.heating_form): r.price_fen_per_m2 for r in schedule.rates}
        self.basis = {"schedule_id": schedule.id, "season": schedule.season,
                      "version": schedule.version, "decree_no": schedule.decree_no}


def price_fen(schedule: FeeSchedule, user_class: UserClass, heating_form: HeatingForm,
              prices: Mapping[tuple[UserClass, HeatingForm], int] | None = None) -> int:
    """The schedule's price for the class and form (``prices``: a Tariff's, read before)."""
    if prices is None:
        prices = {(r.user_class, r.heating_form): r.price_fen_per_m2 for r in schedule.rates}
    if (user_class, heating_form) in prices:
        return prices[(user_class, heating_form)]
    raise NotFound(f"{schedule.season}采暖季收费标准（第{schedule.version}版）中没有"
                   f"{user_class.label}{heating_form.label}的单价，请管理员补充后再结算")


def view(schedule: FeeSchedule) -> ScheduleView:
    return ScheduleView(
        schedule.id, schedule.season, schedule.version, schedule.decree_no,
        schedule.effective_date, schedule.season_start, schedule.season_end, schedule.due_date,
        schedule.basic_fee_bp, schedule.late_fee_ppm_per_day, schedule.early_discount_bp,
        schedule.early_discount_until, schedule.note,
        {(r.user_class, r.heating_form): r.price_fen_per_m2 for r in schedule.rates},
        tuple(ItemView(i.code, i.label, i.amount_fen) for i in schedule.items),
        schedule.created_at)


# -- validation ------------------------------------------------------------------

def _date(value: object, field: str, label: str) -> dt.date:
    if isinstance(value, dt.datetime):
        raise ValidationError(f"{label}只填日期，不含时间", field=field)
    return value if isinstance(value, dt.date) else validation.parse_date(value, field=field, label=label)


def _fen(value: object, field: str, label: str) -> int:
    """Fen as an int, or yuan as text; never a float."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValidationError(f"{label}请填写为整数分或“22.50”形式的元，不能用小数类型", field=field)
    return value if isinstance(value, int) else validation.parse_money_fen(value, field=field, label=label)


def _rate(value: object, low: int, high: int, field: str, label: str, unit: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(f"{label}应为{low}-{high}之间的整数（{unit}），请核对", field=field)
    return value


def _prices(prices: Mapping[tuple[UserClass, HeatingForm], int | str]
            ) -> dict[tuple[UserClass, HeatingForm], int]:
    out = {}
    for user_class in UserClass:
        for form in HeatingForm:
            field = f"price_{user_class.value}_{form.value}"
            label = f"{user_class.label}{form.label}单价"
            if (user_class, form) not in prices:
                raise ValidationError(f"请填写{label}（元/平方米·采暖期）", field=field)
            fen = _fen(prices[(user_class, form)], field, label)
            if not 0 < fen <= MAX_PRICE_FEN:
                raise ValidationError(f"{label}应大于0且不超过{yuan(MAX_PRICE_FEN)}元/平方米，请核对",
                                      field=field)
            out[(user_class, form)] = fen
    return out


def _items(items: Iterable[ItemInput]) -> list[FeeItem]:
    out: dict[str, FeeItem] = {}
    for item in items:
        code = (item.code or "").strip()
        if not _ITEM_CODE.fullmatch(code):
            raise ValidationError(f"收费项目代码“{code}”应为2-40位小写英文字母、数字或下划线，"
                                  "以字母开头", field="items")
        if code in out:
            raise ValidationError(f"收费项目代码“{code}”重复，请核对", field="items")
        label = validation.check_text(item.label, 60, True, field="items", label=f"收费项目“{code}”的名称")
        amount = _fen(item.amount, "items", f"收费项目“{label}”的金额")
        if amount <= 0:
            raise ValidationError(f"收费项目“{label}”的金额应大于0", field="items")
        out[code] = FeeItem(code=code, label=label, amount_fen=amount)
    return list(out.values())


def create_schedule(core: Core, actor: Actor, *, season: str, decree_no: str,
                    effective_date: dt.date | str, season_start: dt.date | str,
                    season_end: dt.date | str, due_date: dt.date | str, basic_fee_bp: int,
                    late_fee_ppm_per_day: int,
                    prices: Mapping[tuple[UserClass, HeatingForm], int | str],
                    items: Iterable[ItemInput] = (), early_discount_bp: int = 0,
                    early_discount_until: dt.date | str | None = None, note: str = "") -> int:
    """Publish a new version of a season's schedule; returns its id."""
    actor.require(Permission.EDIT_FEES)
    season = validation.parse_season(season, field="season")
    decree = validation.check_text(decree_no, 80, True, field="decree_no", label="价格文件号")
    effective = _date(effective_date, "effective_date", "生效日期")
    start = _date(season_start, "season_start", "采暖开始日期")
    end = _date(season_end, "season_end", "采暖结束日期")
    due = _date(due_date, "due_date", "缴费截止日期")
    first_year = int(season[:4])
    if start.year != first_year:
        raise ValidationError(f"{season}采暖季的开始日期应在{first_year}年内", field="season_start")
    if end.year != first_year + 1:
        raise ValidationError(f"{season}采暖季的结束日期应在{first_year + 1}年内", field="season_end")
    if due > end:
        raise ValidationError("缴费截止日期不能晚于采暖结束日期", field="due_date")
    if effective > end:
        raise ValidationError("生效日期不能晚于采暖结束日期", field="effective_date")
    basic = _rate(basic_fee_bp, 0, 10_000, "basic_fee_bp", "基本热费比例", "万分比，3000即30%")
    late = _rate(late_fee_ppm_per_day, 0, MAX_LATE_FEE_PPM, "late_fee_ppm_per_day",
                 "滞纳金日费率", "百万分比，3000即每日3‰")
    early = _rate(early_discount_bp, 0, MAX_EARLY_DISCOUNT_BP, "early_discount_bp",
                  "提前交费优惠比例", "万分比，500即5%")
    until = _date(early_discount_until, "early_discount_until", "优惠截止日期") \
        if early_discount_until not in (None, "") else None
    if early and until is None:
        raise ValidationError("设了提前交费优惠，请填写优惠截止日期", field="early_discount_until")
    if until is not None and not early:
        raise ValidationError("填写了优惠截止日期，请同时填写优惠比例", field="early_discount_bp")
    if until is not None and until > due:
        raise ValidationError("优惠截止日期不能晚于缴费截止日期", field="early_discount_until")
    rates = _prices(prices)
    fee_items = _items(items)
    with core.unit_of_work() as session:
        version = (session.scalar(select(func.max(FeeSchedule.version))
                                  .where(FeeSchedule.season == season)) or 0) + 1
        schedule = FeeSchedule(
            season=season, version=version, decree_no=decree, effective_date=effective,
            season_start=start, season_end=end, due_date=due, basic_fee_bp=basic,
            late_fee_ppm_per_day=late, early_discount_bp=early, early_discount_until=until,
            note=validation.check_text(note, 2000, False, field="note", label="备注"),
            created_at=core.now(), created_by_id=actor.staff_id)
        schedule.rates = [FeeRate(user_class=c, heating_form=f, price_fen_per_m2=p)
                          for (c, f), p in rates.items()]
        schedule.items = fee_items
        session.add(schedule)
        session.flush()
        after = audit.snapshot(schedule)
        after["rates"] = {f"{c.value}/{f.value}": p for (c, f), p in rates.items()}
        after["items"] = {i.code: [i.label, i.amount_fen] for i in fee_items}
        audit.record(session, staff_id=actor.staff_id, at=core.now(), action="create",
                     entity="fee_schedule", entity_id=schedule.id, after=after)
        return schedule.id


# -- reading ---------------------------------------------------------------------

def schedule_in_force(session: Session, season: str, on: dt.date) -> FeeSchedule:
    """The version in force for ``season`` on ``on`` (inside the caller's session)."""
    schedule = session.scalar(
        select(FeeSchedule).where(FeeSchedule.season == season, FeeSchedule.effective_date <= on)
        .order_by(FeeSchedule.version.desc()).limit(1))
    if schedule is None:
        later = session.scalar(select(func.min(FeeSchedule.effective_date))
                               .where(FeeSchedule.season == season))
        hint = f"已发布的版本自{later:%Y-%m-%d}起生效" if later else "请管理员先发布"
        raise NotFound(f"{season}采暖季尚无生效的收费标准，{hint}", field="season")
    return schedule


def get_schedule(core: Core, season: str, on: dt.date | None = None) -> ScheduleView:
    """The current version (in force today, or on ``on``)."""
    season = validation.parse_season(season, field="season")
    with core.reading() as session:
        return view(schedule_in_force(session, season, on or core.today()))


def list_schedules(core: Core, season: str | None = None) -> list[ScheduleView]:
    """Every version, newest season first, newest version first."""
    with core.reading() as session:
        stmt = select(FeeSchedule).order_by(FeeSchedule.season.desc(), FeeSchedule.version.desc())
        if season:
            stmt = stmt.where(FeeSchedule.season == validation.parse_season(season, field="season"))
        return [view(s) for s in session.scalars(stmt)]


def charge_item(session: Session, schedule: FeeSchedule | int, code: str) -> FeeItem:
    """The schedule's item ``code``; anything else cannot be charged."""
    found = session.get(FeeSchedule, schedule) if isinstance(schedule, int) else schedule
    if found is None:
        raise NotFound("收费标准不存在")
    for item in found.items:
        if item.code == code:
            return item
    raise ValidationError(f"收费标准中没有该收费项目，不能收取：“{code}”不在{found.season}"
                          f"采暖季收费标准（第{found.version}版）中", field="code")


def describe(schedule: ScheduleView) -> list[str]:
    """The schedule as published lines (for the counter's fee board and printouts)."""
    out = [(f"{schedule.season}采暖季收费标准（第{schedule.version}版，{schedule.decree_no}，"
            f"{schedule.effective_date:%Y-%m-%d}起执行）"),
           (f"采暖期 {schedule.season_start:%Y-%m-%d} 至 {schedule.season_end:%Y-%m-%d}，"
            f"共{schedule.season_days}天")]
    out += [f"{c.label}{f.label}：{yuan(p)} 元/平方米·采暖期" for (c, f), p in schedule.prices.items()]
    out.append(f"停热基本热费：热费的{percent(schedule.basic_fee_bp)}%")
    out.append(f"缴费截止 {schedule.due_date:%Y-%m-%d}，逾期自次日起每日按欠费的"
               f"{permille(schedule.late_fee_ppm_per_day)}‰加收滞纳金")
    if schedule.early_discount_bp and schedule.early_discount_until:
        out.append(f"截至{schedule.early_discount_until:%Y-%m-%d}交清优惠"
                   f"{percent(schedule.early_discount_bp)}%")
    out += [f"{i.label}：{yuan(i.amount_fen)} 元" for i in schedule.items]
    return out
