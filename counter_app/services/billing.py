"""Bills, statements, reductions and the season's batch (建立年度收费).

A bill is an account's bill for one season, made of typed lines computed by
``counter_app.domain.settlement`` from the fee-schedule version in force and the
account's dated facts (its state and area at the season's start, then every
AccountChange inside the season).  Nothing is edited or deleted: a regenerated
bill supersedes the old one (``Bill.superseded_by_id``); an approved reduction
is a line appended to the active bill.

Allocation format (``LedgerEntry.allocation``, written by services/payments.py)
-----------------------------------------------------------------------------
    {"bills": {"<bill_id>": fen, ...}, "late_fee": fen, "discount": fen, "prepaid": fen}

- ``bills``: what each bill is credited with, *including* the early-payment
  discount: a bill is settled when its credits reach its total.  Credits count
  per account and season: a payment on a bill that is later superseded still
  pays that season.
- ``late_fee``: late fee paid (applied by billing to the oldest accrued fees).
- ``discount``: the early-payment discount granted (not cash).
- ``prepaid``: change of the account's prepaid balance (negative: balance used).
- The cash of the entry: ``amount_fen == sum(bills) + late_fee + prepaid - discount``.
- A void or refund carries the allocation it undoes with negated amounts; a void
  with an empty allocation undoes its original's allocation entirely.
:func:`allocate` turns a statement and an amount into this dict.

Payments and bill generation lock the account row (:func:`lock_account`, SELECT
... FOR UPDATE on PostgreSQL), so a bill is never superseded between the
statement a payment was allocated against and that payment's commit.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session, selectinload

from counter_app import audit, validation
from counter_app.core import Actor, Core
from counter_app.db.models import Account, AuditRecord, Customer
from counter_app.db.money import AccountChange, Bill, BillLine, FeeSchedule, LedgerEntry, Reduction
from counter_app.domain import settlement as st
from counter_app.domain.enums import HeatingForm, HeatingState, UserClass
from counter_app.domain.money import Line, Statement
from counter_app.domain.permissions import Permission
from counter_app.domain.premises import format_address
from counter_app.domain.settlement import Credits
from counter_app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from counter_app.services import fees

CHUNK = 1000
COMPUTED = ("heating", "basic_fee", "reduction")   # rebuilt on regeneration; other kinds carry over


# -- payments as billing sees them ------------------------------------------------

def _load_credits(session: Session, account_ids: list[int]) -> dict[int, Credits]:
    return st.read_credits(session.execute(select(
        LedgerEntry.id, LedgerEntry.account_id, LedgerEntry.entry_type, LedgerEntry.original_id,
        LedgerEntry.business_date, LedgerEntry.allocation)
        .where(LedgerEntry.account_id.in_(account_ids)).order_by(LedgerEntry.id)))


def _season_bill_ids(session: Session, account_ids: list[int], season: str) -> dict[int, list[int]]:
    """account_id -> ids of every bill of ``season``, superseded ones included."""
    out: dict[int, list[int]] = defaultdict(list)
    for bill_id, account_id in session.execute(select(Bill.id, Bill.account_id).where(
            Bill.account_id.in_(account_ids), Bill.season == season)):
        out[account_id].append(bill_id)
    return out


def _season_credits(credits: Credits, bill_ids: list[int]) -> list[tuple[dt.date, int]]:
    return sorted(c for b in bill_ids for c in credits.by_bill.get(b, ()))


def paid_fen(session: Session, account_id: int, season: str) -> int:
    """What has been credited to the account's bills of ``season`` (signed)."""
    ids = _season_bill_ids(session, [account_id], season).get(account_id, [])
    credits = _load_credits(session, [account_id]).get(account_id, Credits())
    return sum(fen for _, fen in _season_credits(credits, ids))


def lock_account(session: Session, account_id: int) -> Account:
    """Lock the account row until the transaction ends (PostgreSQL; SQLite's
    single writer needs no lock).  Payments call this before reading the statement."""
    account = session.scalar(select(Account).where(Account.id == account_id).with_for_update())
    if account is None:
        raise NotFound(f"没有编号为 {account_id} 的账户")
    return account


# -- an account's facts over the season ---------------------------------------------

def _priors(session: Session, account_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The state and area before an account's first recorded change, from the
    audit trail of the business that made it (effects.apply writes ``before``)."""
    out: dict[int, dict[str, Any]] = defaultdict(dict)
    rows = session.execute(select(AuditRecord.entity_id, AuditRecord.before).where(
        AuditRecord.entity == "account", AuditRecord.entity_id.in_([str(i) for i in account_ids]),
        AuditRecord.action.like("effect:%")).order_by(AuditRecord.id))
    for entity_id, before in rows:
        for key in ("heating_state", "area_x100"):
            if before and key in before:
                out[int(entity_id)].setdefault(key, before[key])
    return out


def _relief(r: Reduction) -> st.Relief:
    return st.Relief(f"{st.REDUCTION_KINDS.get(r.kind, '减免')}（{r.reason[:40]}）", r.percent_bp,
                     r.amount_fen, {"reduction_id": r.id, "kind": r.kind, "document": r.document,
                                    "approved_by_id": r.decided_by_id})


class AccountFacts(Protocol):
    """What a bill is computed from: an Account, or a row of these columns (the
    season's batch reads plain rows)."""

    @property
    def user_class(self) -> UserClass: ...
    @property
    def heating_form(self) -> HeatingForm: ...
    @property
    def heating_state(self) -> HeatingState: ...
    @property
    def area_x100(self) -> int: ...


class ChangeFacts(Protocol):
    """An AccountChange, or a row of these columns."""

    @property
    def effective_date(self) -> dt.date: ...
    @property
    def heating_state(self) -> HeatingState | None: ...
    @property
    def area_x100(self) -> int | None: ...


def compute_lines(account: AccountFacts, tariff: fees.Tariff, changes: Iterable[ChangeFacts],
                  prior: dict[str, Any], carried: Iterable[Line] = (),
                  reductions: Iterable[Reduction] = ()) -> list[Line]:
    """A season bill's lines from an account's facts (an Account or a row with its columns)."""
    key = (account.user_class, account.heating_form)
    price = fees.price_fen(tariff.schedule, *key, tariff.prices)
    segs = st.history_segments(tariff.terms, account.heating_state, account.area_x100, [
        st.Change(c.effective_date, c.heating_state, c.area_x100) for c in changes], prior)
    return st.bill_lines(segs, price, tariff.terms, items=carried,
                         basis=dict(tariff.basis, user_class=key[0].value, heating_form=key[1].value),
                         reliefs=[_relief(r) for r in reductions])


def _as_line(row: BillLine) -> Line:
    return Line(row.kind, row.label, row.amount_fen, dict(row.basis or {}))


# -- generating bills -------------------------------------------------------------

@dataclass
class SeasonRun:
    """What one run of 建立年度收费 did."""

    season: str
    schedule_id: int
    version: int
    accounts: int = 0
    created: int = 0          # first bill of the season
    regenerated: int = 0      # a new bill superseded an unpaid one
    unchanged: int = 0        # same schedule, same lines: the bill stays
    kept_paid: int = 0        # payments on the season: the bill stays
    no_charge: int = 0        # not connected all season, no bill
    total_fen: int = 0        # of the bills made in this run


def _generate(session: Session, core: Core, actor: Actor, account_ids: list[int], season: str,
              schedule: FeeSchedule, run: SeasonRun, *, keep_paid: bool) -> list[int]:
    """Bills for ``account_ids`` inside the caller's transaction; returns new bill ids."""
    # plain rows, not ORM objects: a batch reads 100,000 of them
    accounts = {a.id: a for a in session.execute(select(
        Account.id, Account.heating_state, Account.area_x100, Account.user_class,
        Account.heating_form).where(Account.id.in_(account_ids)).with_for_update())}
    changes: dict[int, list[ChangeFacts]] = defaultdict(list)
    for c in session.execute(select(AccountChange.account_id, AccountChange.effective_date,
                                    AccountChange.heating_state, AccountChange.area_x100)
                             .where(AccountChange.account_id.in_(account_ids)).order_by(AccountChange.id)):
        changes[c.account_id].append(c)
    priors = _priors(session, list(changes)) if changes else {}
    active = {b.account_id: b for b in session.execute(select(Bill.id, Bill.account_id, Bill.schedule_id)
              .where(Bill.account_id.in_(account_ids), Bill.season == season,
                     Bill.superseded_by_id.is_(None)))}
    old_lines: dict[int, list[Line]] = defaultdict(list)
    for x in session.execute(select(BillLine.bill_id, BillLine.kind, BillLine.label, BillLine.amount_fen,
                                    BillLine.basis)
                             .where(BillLine.bill_id.in_([b.id for b in active.values()]))
                             .order_by(BillLine.bill_id, BillLine.position)):
        old_lines[x.bill_id].append(Line(x.kind, x.label, x.amount_fen, dict(x.basis or {})))
    bill_ids = _season_bill_ids(session, account_ids, season)
    credits = _load_credits(session, account_ids)
    reductions: dict[int, list[Reduction]] = defaultdict(list)
    for r in session.scalars(select(Reduction).where(
            Reduction.account_id.in_(account_ids), Reduction.season == season,
            Reduction.approved.is_(True)).order_by(Reduction.id)):
        reductions[r.account_id].append(r)
    tariffs = {schedule.id: fees.Tariff(schedule)}
    new_bills, new_lines, olds = [], [], []
    for account_id in account_ids:
        account = accounts.get(account_id)
        if account is None:
            raise NotFound(f"没有编号为 {account_id} 的账户")
        run.accounts += 1
        old = active.get(account_id)
        paid = any(fen for _, fen in _season_credits(
            credits.get(account_id, Credits()), bill_ids.get(account_id, [])))
        if paid and keep_paid:
            run.kept_paid += 1
            continue
        use = tariffs[schedule.id]
        if paid and old is not None:      # a paid bill is resettled on its own version
            if old.schedule_id not in tariffs:
                tariffs[old.schedule_id] = fees.Tariff(session.get_one(FeeSchedule, old.schedule_id))
            use = tariffs[old.schedule_id]
        before = old_lines[old.id] if old else []
        carried = [x for x in before if x.kind not in COMPUTED]
        lines = compute_lines(account, use, changes.get(account_id, []),
                              priors.get(account_id, {}), carried, reductions.get(account_id, []))
        if old is None and not lines:
            run.no_charge += 1
            continue
        if old is not None and old.schedule_id == use.id and before == lines:
            run.unchanged += 1
            continue
        run.created += old is None
        run.regenerated += old is not None
        run.total_fen += st.total(lines)
        new_bills.append({"account_id": account_id, "season": season, "schedule_id": use.id,
                          "total_fen": st.total(lines), "created_at": core.now(),
                          "created_by_id": actor.staff_id})
        new_lines.append(lines)
        olds.append(old)
    if not new_bills:
        return []
    # Core inserts: no ORM bookkeeping for rows nobody holds here (SQLAlchemy types
    # __table__ as any FromClause a mapping could use; these are tables)
    table, line_table, audit_table = (cast(Table, m.__table__) for m in (Bill, BillLine, AuditRecord))
    ids = list(session.scalars(table.insert().returning(table.c.id, sort_by_parameter_order=True),
                               new_bills))
    # one id per new bill, in order, and one list of lines per new bill: equal lengths
    session.execute(line_table.insert(), [
        {"bill_id": bill_id, "position": i, "kind": x.kind, "label": x.label[:120],
         "basis": x.basis, "amount_fen": x.amount_fen}
        for bill_id, lines in zip(ids, new_lines, strict=True) for i, x in enumerate(lines)])
    superseded = [(old.id, new) for old, new in zip(olds, ids, strict=True) if old is not None]
    if superseded:
        session.execute(update(Bill), [{"id": o, "superseded_by_id": n} for o, n in superseded])
    now = core.now()
    records = [{"at": now, "staff_id": actor.staff_id, "action": "create", "entity": "bill",
                "entity_id": str(bill_id), "before": None,
                "after": {**{k: v for k, v in row.items() if k != "created_at"},
                          "lines": [[x.kind, x.amount_fen] for x in lines],
                          "supersedes": old.id if old else None}}
               for bill_id, row, lines, old in zip(ids, new_bills, new_lines, olds, strict=True)]
    records += [{"at": now, "staff_id": actor.staff_id, "action": "supersede", "entity": "bill",
                 "entity_id": str(o), "before": {"superseded_by_id": None},
                 "after": {"superseded_by_id": n}} for o, n in superseded]
    session.execute(audit_table.insert(), records)
    return ids


def rebill(session: Session, core: Core, actor: Actor, account_id: int, season: str) -> int | None:
    """Settle one account's season inside the caller's transaction (a completed
    stop, resume or area change): a new bill from the schedule in force, or from
    the paid bill's own version when the season has payments (they carry over).
    Returns the active bill's id (None: nothing to bill)."""
    schedule = fees.schedule_in_force(session, season, core.today())
    run = SeasonRun(season, schedule.id, schedule.version)
    ids = _generate(session, core, actor, [account_id], season, schedule, run, keep_paid=False)
    return ids[0] if ids else session.scalar(select(Bill.id).where(
        Bill.account_id == account_id, Bill.season == season, Bill.superseded_by_id.is_(None)))


def generate_bill(core: Core, actor: Actor, account_id: int, season: str) -> int | None:
    """热费结算 for one account at the counter (article 10): see :func:`rebill`."""
    actor.require(Permission.SERVE)
    season = validation.parse_season(season, field="season")
    with core.unit_of_work() as session:
        return rebill(session, core, actor, account_id, season)


def generate_season(core: Core, actor: Actor, season: str, *, chunk: int = CHUNK) -> SeasonRun:
    """建立年度收费: a bill for every account from the schedule in force today.

    Accounts with payments on the season keep their bill; the others get a new
    bill that supersedes the old one when anything changed (a rerun after a new
    schedule version reprices them; a rerun with nothing new changes nothing).

    One transaction per chunk of accounts, not one for the run: on SQLite a
    single write transaction over 100,000 accounts would hold the database's only
    write lock for the whole run and stop every counter's payments; on PostgreSQL
    it would hold 100,000 account-row locks.  Each chunk is all-or-nothing, and a
    run cut short is finished by running it again (done chunks stay unchanged)."""
    actor.require(Permission.BILL)
    season = validation.parse_season(season, field="season")
    with core.reading() as session:
        schedule = fees.schedule_in_force(session, season, core.today())
        run = SeasonRun(season, schedule.id, schedule.version)
    last = 0
    while True:
        with core.unit_of_work() as session:
            ids = list(session.scalars(select(Account.id).where(Account.id > last)
                                       .order_by(Account.id).limit(chunk)))
            if not ids:
                break
            _generate(session, core, actor, ids, season, session.get_one(FeeSchedule, schedule.id),
                      run, keep_paid=True)
            last = ids[-1]
    with core.unit_of_work() as session:
        audit.record(session, staff_id=actor.staff_id, at=core.now(), action="generate_season",
                     entity="fee_schedule", entity_id=schedule.id, after=dict(vars(run)))
    return run


# -- statements -------------------------------------------------------------------

def positions(session: Session, account_id: int, zone: dt.tzinfo = dt.UTC
              ) -> tuple[list[st.Position], Credits]:
    """The account's active bills, oldest season first, with their credits."""
    return positions_of(session, [account_id], zone)[account_id]


def positions_of(session: Session, account_ids: list[int], zone: dt.tzinfo = dt.UTC
                 ) -> dict[int, tuple[list[st.Position], Credits]]:
    """``positions`` of every account in ``account_ids``, in four queries (bills,
    their lines, credits, schedules) however many there are: the arrears list
    reads a whole community at once."""
    bills: dict[int, list[Bill]] = defaultdict(list)
    for bill in session.scalars(select(Bill).where(Bill.account_id.in_(account_ids))
                                .options(selectinload(Bill.lines)).order_by(Bill.season, Bill.id)):
        bills[bill.account_id].append(bill)
    credits = _load_credits(session, account_ids)
    wanted = {b.schedule_id for mine in bills.values() for b in mine}
    schedules = {s.id: s for s in session.scalars(
        select(FeeSchedule).where(FeeSchedule.id.in_(wanted)))} if wanted else {}
    out = {}
    for account_id in account_ids:
        mine, paid = bills.get(account_id, []), credits.get(account_id, Credits())
        found = []
        for bill in (b for b in mine if b.superseded_by_id is None):
            season_bills = [b for b in mine if b.season == bill.season]
            schedule = schedules[bill.schedule_id]
            first_day = min(b.created_at for b in season_bills).astimezone(zone).date()
            found.append(st.Position(
                bill.id, bill.season, tuple(_as_line(x) for x in bill.lines), bill.total_fen,
                tuple(_season_credits(paid, [b.id for b in season_bills])), fees.terms(schedule),
                max(schedule.due_date, first_day), any(b.id in paid.discounted for b in season_bills)))
        out[account_id] = (found, paid)
    return out


def statement(session: Session, core: Core, account_id: int, on: dt.date | None = None) -> Statement:
    """What the account owes on ``on`` (default today), inside the caller's session;
    see :func:`counter_app.domain.settlement.statement_lines`.  The late fee runs
    from the schedule's due date, or from the day the season was first billed
    when that is later (no late fee for days before the bill existed)."""
    on = on or core.today()
    bills, credits = positions(session, account_id, core.zone)
    lines = st.statement_lines(bills, credits, on)
    return Statement(account_id, on.isoformat(), tuple(lines), st.total(lines))


def get_statement(core: Core, account_id: int, on: dt.date | None = None) -> Statement:
    with core.reading() as session:
        return statement(session, core, account_id, on)


def allocate(stmt: Statement, amount_fen: int) -> dict[str, Any]:
    """The allocation JSON of a payment of ``amount_fen`` against ``stmt``
    (see :func:`counter_app.domain.settlement.allocate` for the order)."""
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int) or amount_fen < 0:
        raise ValidationError("收款金额应为不小于0的整数分", field="amount")
    return st.allocate(stmt.lines, stmt.due_fen, amount_fen)


def arrears_fen(session: Session, account: Account, on: dt.date | None = None) -> int:
    """Unpaid heating fees, net of credits, for the no-arrears precondition of
    stop and transfer.  Without ``on``: everything the account's bills still owe,
    due or not.  With ``on``: 欠费 proper - what is past due on that day, plus
    the late fee to that day."""
    bills, credits = positions(session, account.id)
    if on is None:
        return max(0, sum(p.outstanding for p in bills))
    overdue, late = _overdue(bills, credits, on)
    return max(0, sum(p.outstanding for p in overdue) + late)


def _overdue(bills: list[st.Position], credits: Credits, on: dt.date) -> tuple[list[st.Position], int]:
    late = st.total(st.late_fee_lines(bills, credits.late_fee_paid, on))
    return [p for p in bills if p.late_from < on and p.outstanding != 0], late


@dataclass(frozen=True)
class ArrearsRow:
    account_id: int
    account_no: str
    holder_name: str
    address: str
    phone: str
    seasons: tuple[str, ...]
    principal_fen: int        # past due, unpaid
    late_fee_fen: int         # to the day of the list
    community: str            # where the account is: the window filters by them
    building: str


def arrears_list(core: Core, community: str | None = None, building: str | None = None,
                 on: dt.date | None = None) -> list[ArrearsRow]:
    """Accounts owing on a bill past its due date, with amounts and where they are,
    for the arrears window and reminder notices.  Six queries for every thousand
    accounts with a bill past due, not five for each of them."""
    with core.reading() as session:
        return arrears_in(session, core, community, building, on or core.today())


def arrears_in(session: Session, core: Core, community: str | None, building: str | None,
               on: dt.date) -> list[ArrearsRow]:
    """``arrears_list`` inside the caller's read (the reminder notices read more with it)."""
    stmt = (select(Bill.account_id).distinct().join(FeeSchedule, FeeSchedule.id == Bill.schedule_id)
            .join(Account, Account.id == Bill.account_id)
            .where(Bill.superseded_by_id.is_(None), FeeSchedule.due_date < on))
    if community:
        stmt = stmt.where(Account.community == community)
    if building:
        stmt = stmt.where(Account.building == building)
    ids = sorted(session.scalars(stmt))
    out = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        found = positions_of(session, chunk, core.zone)
        holders = {r.id: r for r in session.execute(
            select(Account.id, Account.account_no, Account.community, Account.building,
                   Account.unit, Account.room, Account.address_text, Customer.name, Customer.phone)
            .join(Customer, Customer.id == Account.customer_id).where(Account.id.in_(chunk)))}
        for account_id in chunk:
            overdue, late = _overdue(*found[account_id], on)
            if sum(p.outstanding for p in overdue) <= 0:
                continue
            a = holders[account_id]
            out.append(ArrearsRow(
                a.id, a.account_no, a.name,
                format_address(a.community, a.building, a.unit, a.room, a.address_text),
                a.phone or "", tuple(p.season for p in overdue),
                sum(p.outstanding for p in overdue), late, a.community, a.building))
    return out


# -- reductions (减免) --------------------------------------------------------------

@dataclass(frozen=True)
class ReductionView:
    id: int
    account_id: int
    account_no: str
    season: str
    kind_label: str
    reason: str
    document: str
    percent_bp: int | None
    amount_fen: int | None
    requested_by_id: int
    requested_at: dt.datetime
    holder_name: str = ""


def _reduction_view(r: Reduction, account_no: str, holder_name: str) -> ReductionView:
    return ReductionView(r.id, r.account_id, account_no, r.season, st.REDUCTION_KINDS.get(r.kind, r.kind),
                         r.reason, r.document, r.percent_bp, r.amount_fen, r.requested_by_id,
                         r.requested_at, holder_name)


def request_reduction(core: Core, actor: Actor, account_id: int, season: str, kind: str,
                      reason: str, document: str, percent_bp: int | None = None,
                      amount_fen: int | None = None) -> int:
    """A clerk records a reduction with its reason and supporting document; it
    counts only once a supervisor approves it."""
    actor.require(Permission.SERVE)
    season = validation.parse_season(season, field="season")
    reason, document = st.check_reduction(kind, reason, document, percent_bp, amount_fen)
    with core.unit_of_work() as session:
        if session.get(Account, account_id) is None:
            raise NotFound(f"没有编号为 {account_id} 的账户")
        r = Reduction(account_id=account_id, season=season, kind=kind, reason=reason,
                      document=document, percent_bp=percent_bp, amount_fen=amount_fen,
                      requested_by_id=actor.staff_id, requested_at=core.now(), decision_note="")
        session.add(r)
        session.flush()
        audit.record(session, staff_id=actor.staff_id, at=core.now(), action="create", obj=r)
        return r.id


def decide_reduction(core: Core, actor: Actor, reduction_id: int, approve: bool, note: str = "") -> None:
    """A supervisor approves or refuses; an approved reduction becomes a line of
    the season's active bill (appended; existing lines are never edited)."""
    actor.require(Permission.APPROVE_REDUCTION)
    with core.unit_of_work() as session:
        r = session.get(Reduction, reduction_id)
        if r is None:
            raise NotFound(f"没有编号为 {reduction_id} 的减免申请")
        if r.requested_by_id == actor.staff_id:
            raise PermissionDenied("不能审批自己提交的减免申请，请由另一位值班长或管理员审批")
        if r.approved is not None:
            raise Conflict(f"该减免申请已{'批准' if r.approved else '驳回'}，不能再次审批")
        if not approve and not note.strip():
            raise ValidationError("驳回减免申请须写明原因", field="note")
        before = audit.snapshot(r)
        r.approved, r.decided_by_id, r.decided_at = bool(approve), actor.staff_id, core.now()
        r.decision_note = note.strip()
        audit.record(session, staff_id=actor.staff_id, at=core.now(),
                     action="approve" if approve else "refuse", obj=r, before=before)
        if approve:
            bill = session.scalar(select(Bill).where(
                Bill.account_id == r.account_id, Bill.season == r.season,
                Bill.superseded_by_id.is_(None)).with_for_update())
            if bill is not None:
                _append(session, core, actor, bill, st.reduction_lines(
                    [_as_line(x) for x in bill.lines], [_relief(r)]))


def _append(session: Session, core: Core, actor: Actor, bill: Bill, lines: list[Line]) -> None:
    """Lines appended to a bill (existing lines are never edited), with the total."""
    position = max((x.position for x in bill.lines), default=-1)
    for i, x in enumerate(lines, start=position + 1):
        session.add(BillLine(bill_id=bill.id, position=i, kind=x.kind, label=x.label[:120],
                             basis=x.basis, amount_fen=x.amount_fen))
    before = bill.total_fen
    bill.total_fen += st.total(lines)
    audit.record(session, staff_id=actor.staff_id, at=core.now(), action="append_lines",
                 entity="bill", entity_id=bill.id, before={"total_fen": before},
                 after={"total_fen": bill.total_fen,
                        "lines": [[x.kind, x.label, x.amount_fen] for x in lines]})


def pending_reductions(core: Core) -> list[ReductionView]:
    """The supervisor's queue: reductions waiting for a decision, oldest first, each
    with its account's number and holder (one query for the whole queue)."""
    with core.reading() as session:
        return [_reduction_view(r, account_no, holder) for r, account_no, holder in session.execute(
            select(Reduction, Account.account_no, Customer.name)
            .join(Account, Account.id == Reduction.account_id)
            .join(Customer, Customer.id == Account.customer_id)
            .where(Reduction.approved.is_(None)).order_by(Reduction.id))]


def charge_item(core: Core, actor: Actor, account_id: int, season: str, code: str) -> int:
    """Add a business fee of the schedule (e.g. valve sealing on a stop) to the
    season's active bill; a code the bill's schedule does not list is refused."""
    actor.require(Permission.SERVE)
    season = validation.parse_season(season, field="season")
    with core.unit_of_work() as session:
        lock_account(session, account_id)
        bill = session.scalar(select(Bill).where(Bill.account_id == account_id, Bill.season == season,
                                                 Bill.superseded_by_id.is_(None)))
        if bill is None:
            raise Conflict(f"该户尚无{season}采暖季账单，请先进行热费结算", field="season")
        schedule = session.get_one(FeeSchedule, bill.schedule_id)
        item = fees.charge_item(session, schedule, code)
        _append(session, core, actor, bill, [st.item_line(
            item.code, item.label, item.amount_fen,
            {"schedule_id": schedule.id, "version": schedule.version, "decree_no": schedule.decree_no})])
        return bill.id
