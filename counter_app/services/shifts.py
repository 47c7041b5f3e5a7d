"""The cash day: a clerk's shift from the opening float to the counted close,
the handover sheet, and the day's totals for the daily register (营业日报).

Expected cash in the drawer = float + cash payments + cash voids and cash
refunds of the shift (voids and refunds are negative entries).  Card, WeChat,
Alipay and transfer payments count in the shift's totals but not in the drawer.
A counted difference needs a reason and a supervisor other than the clerk, who
logs in as themselves; otherwise the shift stays open.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session

from counter_app import audit, validation
from counter_app.core import Actor, Core
from counter_app.db.models import Staff
from counter_app.db.money import LedgerEntry, Shift
from counter_app.domain.money import yuan
from counter_app.domain.permissions import Permission, require
from counter_app.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    ReasonRequired,
    ValidationError,
)
from counter_app.ledger import EntryType, Method

# Renminbi in circulation, in fen: notes 100 50 20 10 5 1 元, 5 角 1 角; coins down to 1 分.
DENOMINATIONS: tuple[int, ...] = (10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1)


def denomination_label(fen: int) -> str:
    return f"{fen // 100}元" if fen >= 100 else (f"{fen // 10}角" if fen >= 10 else f"{fen}分")


# -- approvals (shared with payments) ---------------------------------------

def check_approver(session: Session, actor: Actor, supervisor: Actor | None, what: str,
                   *, not_ids: tuple[int, ...] = ()) -> Actor:
    """The supervisor who approves ``what``: logged in as themselves, allowed to
    approve corrections, active, and neither the clerk doing it nor anyone in
    ``not_ids`` (e.g. the clerk who took the payment)."""
    if supervisor is None:
        raise PermissionDenied(f"{what}须由值班长用本人账号登录确认，请值班长登录批准")
    supervisor.require(Permission.APPROVE_CORRECTION)
    if supervisor.staff_id == actor.staff_id or supervisor.staff_id in not_ids:
        raise PermissionDenied(f"{what}不能由经办人本人批准，请另一位值班长用本人账号登录确认")
    row = session.get(Staff, supervisor.staff_id)
    if row is None or not row.active:
        raise PermissionDenied(f"批准人“{supervisor.display_name}”的账号已停用，请另一位值班长登录确认")
    require(row.role, Permission.APPROVE_CORRECTION)      # the role as stored, not as handed in
    return supervisor


# -- opening and finding ------------------------------------------------------

@dataclass(frozen=True)
class ShiftView:
    id: int
    clerk_id: int
    opened_at: dt.datetime
    float_fen: int
    closed_at: dt.datetime | None
    expected_fen: int | None
    counted_fen: int | None
    difference_fen: int | None
    difference_reason: str
    approved_by_id: int | None


def _view(s: Shift) -> ShiftView:
    diff = None if s.counted_fen is None or s.expected_fen is None else s.counted_fen - s.expected_fen
    return ShiftView(s.id, s.clerk_id, s.opened_at, s.float_fen, s.closed_at, s.expected_fen,
                     s.counted_fen, diff, s.difference_reason, s.approved_by_id)


def _open_of(session: Session, clerk_id: int) -> Shift | None:
    return session.scalar(select(Shift).where(Shift.clerk_id == clerk_id, Shift.closed_at.is_(None))
                          .order_by(Shift.id.desc()).limit(1))


def open_shift(core: Core, actor: Actor, float_amount: str | int) -> ShiftView:
    """Open the clerk's drawer with the float (备用金) counted into it."""
    actor.require(Permission.SERVE)
    float_fen = money_input(float_amount, "备用金", "float")
    with core.unit_of_work() as session:
        current = _open_of(session, actor.staff_id)
        if current is not None:
            raise Conflict(f"您已有 {core.local(current.opened_at):%Y-%m-%d %H:%M} 开的班次尚未结班，"
                           "请先清点现金结班，再开新班")
        shift = Shift(clerk_id=actor.staff_id, opened_at=core.now(), float_fen=float_fen,
                      difference_reason="")
        session.add(shift)
        session.flush()
        audit.record(session, staff_id=actor.staff_id, at=core.now(), action="open_shift", obj=shift)
        return _view(shift)


def current_shift(core: Core, actor: Actor) -> ShiftView | None:
    with core.reading() as session:
        return open_shift_of(session, actor)


def open_shift_of(session: Session, actor: Actor) -> ShiftView | None:
    """The clerk's open shift (of any day), inside the caller's transaction."""
    shift = _open_of(session, actor.staff_id)
    return _view(shift) if shift else None


def shift_for_money(session: Session, core: Core, actor: Actor) -> Shift:
    """The clerk's open shift of today, locked against a concurrent close (used
    by payments and refunds inside their transaction)."""
    shift = session.scalar(select(Shift).where(Shift.clerk_id == actor.staff_id,
                                               Shift.closed_at.is_(None))
                           .order_by(Shift.id.desc()).limit(1).with_for_update(read=True))
    if shift is None:
        raise Conflict("您还没有开班：请先开班（登记备用金）再收款或退款")
    opened = core.local(shift.opened_at).date()
    if opened != core.today():
        raise Conflict(f"您的班次是 {opened:%Y-%m-%d} 开的，尚未结班：请先清点现金结班，"
                       "再开今天的班（当天事情当天办）")
    return shift


def money_input(value: Any, label: str, field: str, *, positive: bool = False) -> int:
    """An amount as the clerk typed it ('1,234.50', '¥12') or int fen from code."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValidationError(f"{label}应按输入的文字（如 1234.56）传入，不能用小数类型", field=field)
    if isinstance(value, int):
        if value < 0:
            raise ValidationError(f"{label}不能为负数，请核对", field=field)
        fen = value
    else:
        fen = validation.parse_money_fen(value, field=field, label=label)
    if positive and fen <= 0:
        raise ValidationError(f"{label}必须大于0，请核对", field=field)
    return fen


# -- closing ------------------------------------------------------------------

def expected_cash(session: Session, shift: Shift) -> int:
    # an aggregate: exactly one row, and coalesce makes it a number
    cash = session.scalars(select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0))
                           .where(LedgerEntry.shift_id == shift.id,
                                  LedgerEntry.method == Method.CASH.value)).one()
    return shift.float_fen + int(cash)


def _counted_fen(counted: dict[str, int]) -> tuple[dict[str, int], int]:
    if not isinstance(counted, dict):
        raise ValidationError("请按面额填写清点的张数/枚数", field="counted")
    clean: dict[str, int] = {}
    for key, count in counted.items():
        try:
            denomination = int(str(key).strip())
        except ValueError:
            denomination = 0
        if denomination not in DENOMINATIONS:
            raise ValidationError(f"面额“{key}”不是人民币面额（按分填写，如 10000 表示100元）",
                                  field="counted")
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValidationError(f"{denomination_label(denomination)}的张数应为不小于0的整数",
                                  field="counted")
        if count:
            clean[str(denomination)] = clean.get(str(denomination), 0) + count
    return clean, sum(int(d) * n for d, n in clean.items())


def close_shift(core: Core, actor: Actor, counted: dict[str, int], reason: str = "",
                supervisor: Actor | None = None) -> ShiftView:
    """Count the drawer by denomination and close the shift.  A difference from
    the expected cash needs a reason and a supervisor other than the clerk."""
    actor.require(Permission.SERVE)
    clean, counted_fen = _counted_fen(counted)
    reason = validation.check_text(reason, 500, False, field="reason", label="差额原因")
    with core.unit_of_work() as session:
        found = _open_of(session, actor.staff_id)
        if found is None:
            raise Conflict("您没有未结班的班次")
        before = audit.snapshot(found)
        now = core.now()
        # the first write: waits for payments of this shift in flight, then blocks new ones
        # (an UPDATE's result is a CursorResult, with its rowcount; SQLAlchemy types any
        # Session.execute as a plain Result)
        claimed = cast(CursorResult[Any], session.execute(
            update(Shift).where(Shift.id == found.id, Shift.closed_at.is_(None))
            .values(closed_at=now))).rowcount
        if claimed != 1:
            raise Conflict("该班次已在另一台电脑上结班")
        session.refresh(found)
        expected = expected_cash(session, found)
        difference = counted_fen - expected
        approver = None
        if difference:
            word = "长款" if difference > 0 else "短款"
            if not reason:
                raise ReasonRequired(
                    f"清点现金 {yuan(counted_fen)} 元，应有 {yuan(expected)} 元，{word} "
                    f"{yuan(abs(difference))} 元：请重新清点，或填写差额原因并请值班长确认")
            approver = check_approver(session, actor, supervisor, "现金差额")
        elif supervisor is not None:  # a witness to the handover is recorded too
            approver = check_approver(session, actor, supervisor, "交接班")
        found.counted, found.counted_fen, found.expected_fen = clean, counted_fen, expected
        found.difference_reason = reason if difference else ""
        found.approved_by_id = approver.staff_id if approver else None
        audit.record(session, staff_id=actor.staff_id, at=now, action="close_shift", obj=found,
                     before=before)
        return _view(found)


# -- reports ------------------------------------------------------------------

@dataclass
class Totals:
    """Money by kind of entry; ``net`` is what stayed with the company."""

    payments: int = 0
    payment_count: int = 0
    voids: int = 0
    void_count: int = 0
    refunds: int = 0
    refund_count: int = 0

    @property
    def net(self) -> int:
        return self.payments + self.voids + self.refunds

    def add(self, entry_type: str, amount: int) -> None:
        setattr(self, entry_type + "s", getattr(self, entry_type + "s") + amount)
        setattr(self, entry_type + "_count", getattr(self, entry_type + "_count") + 1)


@dataclass
class ShiftReport:
    """The handover sheet (交接班表) of one shift."""

    shift: ShiftView
    clerk_name: str
    approved_by: str
    by_method: dict[Method, Totals]
    expected_fen: int                 # now (open shift) or at the close
    counted: dict[str, int]
    receipts: list[str]               # receipt numbers issued in the shift, in order
    void_receipts: list[str]


def _names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(session.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(wanted))).all())


def _void_numbers(session: Session, entries: list[LedgerEntry]) -> list[str]:
    originals = [e.original_id for e in entries if e.entry_type == EntryType.VOID.value]
    if not originals:
        return []
    return sorted(session.scalars(select(LedgerEntry.receipt_no).where(LedgerEntry.id.in_(originals))))


def shift_report(core: Core, actor: Actor, shift_id: int) -> ShiftReport:
    """The clerk's own shift, or any shift for a supervisor."""
    with core.reading() as session:
        return shift_report_in(session, actor, shift_id)


def shift_report_in(session: Session, actor: Actor, shift_id: int) -> ShiftReport:
    """``shift_report`` inside the caller's read (the handover sheet reads more with it)."""
    actor.require(Permission.SERVE)
    shift = session.get(Shift, shift_id)
    if shift is None:
        raise NotFound(f"没有编号为 {shift_id} 的班次")
    if shift.clerk_id != actor.staff_id:
        actor.require(Permission.APPROVE_CORRECTION)
    entries = list(session.scalars(select(LedgerEntry).where(LedgerEntry.shift_id == shift.id)
                                   .order_by(LedgerEntry.position)))
    by_method: dict[Method, Totals] = defaultdict(Totals)
    for e in entries:
        by_method[Method(e.method)].add(e.entry_type, e.amount_fen)
    names = _names(session, {shift.clerk_id, shift.approved_by_id})
    if shift.closed_at and shift.expected_fen is not None:
        expected = shift.expected_fen       # as counted against at the close
    else:
        expected = expected_cash(session, shift)
    approved_by = "" if shift.approved_by_id is None else names.get(shift.approved_by_id, "")
    return ShiftReport(_view(shift), names.get(shift.clerk_id, ""),
                       approved_by, dict(by_method), expected,
                       dict(shift.counted or {}),
                       [e.receipt_no for e in entries if e.receipt_no],
                       _void_numbers(session, entries))


@dataclass
class DayTotals:
    """The day's money for the daily register (营业日报), by clerk and method.

    The clerk is the owner of the drawer (shift) the money went into or out of:
    a void counts against the drawer of the payment it voids."""

    day: dt.date
    by_clerk: dict[str, dict[Method, Totals]] = field(default_factory=dict)
    by_method: dict[Method, Totals] = field(default_factory=dict)
    total: Totals = field(default_factory=Totals)
    first_receipt: str | None = None
    last_receipt: str | None = None
    receipt_count: int = 0
    void_receipts: list[str] = field(default_factory=list)
    open_shifts: list[str] = field(default_factory=list)      # clerks not yet closed
    differences: list[tuple[str, int, str]] = field(default_factory=list)  # clerk, fen, reason
    chain_head: str = ""              # hash of the day's last ledger entry, to print


def day_totals(core: Core, actor: Actor, day: dt.date) -> DayTotals:
    actor.require(Permission.SERVE)
    with core.reading() as session:
        return day_totals_in(session, core, day)


def day_totals_in(session: Session, core: Core, day: dt.date) -> DayTotals:
    """``day_totals`` inside the caller's read (the daily register reads its detail with it)."""
    rows = session.execute(select(LedgerEntry, Shift.clerk_id)
                           .join(Shift, Shift.id == LedgerEntry.shift_id)
                           .where(LedgerEntry.business_date == day)
                           .order_by(LedgerEntry.position)).all()
    start = dt.datetime.combine(day, dt.time(), tzinfo=core.zone)
    shifts = list(session.scalars(select(Shift).where(
        Shift.opened_at >= start, Shift.opened_at < start + dt.timedelta(days=1))))
    names = _names(session, {c for _, c in rows} | {s.clerk_id for s in shifts})
    out = DayTotals(day)
    by_clerk: dict[str, dict[Method, Totals]] = defaultdict(lambda: defaultdict(Totals))
    by_method: dict[Method, Totals] = defaultdict(Totals)
    receipts = []
    for entry, clerk_id in rows:
        method = Method(entry.method)
        for bucket in (by_clerk[names[clerk_id]][method], by_method[method], out.total):
            bucket.add(entry.entry_type, entry.amount_fen)
        if entry.receipt_no:
            receipts.append(entry.receipt_no)
    out.by_clerk = {k: dict(v) for k, v in by_clerk.items()}
    out.by_method = dict(by_method)
    if receipts:
        out.first_receipt, out.last_receipt = min(receipts), max(receipts)
    out.receipt_count = len(receipts)
    out.void_receipts = _void_numbers(session, [e for e, _ in rows])
    out.open_shifts = sorted(names[s.clerk_id] for s in shifts if s.closed_at is None)
    out.differences = [(names[s.clerk_id], s.counted_fen - s.expected_fen, s.difference_reason)
                       for s in shifts if s.closed_at and s.counted_fen is not None
                       and s.expected_fen is not None and s.counted_fen != s.expected_fen]
    out.chain_head = rows[-1][0].hash if rows else ""
    return out
