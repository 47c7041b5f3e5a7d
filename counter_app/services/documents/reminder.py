"""Arrears reminder notices (催缴通知单) for the accounts in arrears of a
community, a building or a chosen list, read at once.

Each notice lists the seasons owed with their principal and the late fee to the
day of printing, and the due date, late-fee rate and price decree of each
season.  What is owed comes from ``billing.arrears_in`` (past due, unpaid);
its split by season from the accounts' statements, read together for every
account (``billing.positions_of``), and the seasons' terms from the schedules in
force, read together too: a batch for a whole community costs the same few
queries as one for a single building.

A season's due date is its fee schedule's (the bill's own terms), never the day
the bill was made: a bill made after the due date owes late fee only from the day
it was made, and the notice says so beside the real due date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.core import Actor, Core
from counter_app.db.money import FeeSchedule
from counter_app.domain import settlement as st
from counter_app.domain.money import Line
from counter_app.domain.permissions import Permission
from counter_app.errors import NotFound
from counter_app.services import billing
from counter_app.services.documents.common import Company, company_in

SKIP = ("late_fee", "discount", "prepaid", "credit")   # statement lines that are not principal


@dataclass(frozen=True)
class SeasonOwed:
    season: str
    due_date: dt.date | None          # the fee schedule's due date of the season
    rate_ppm: int | None
    decree_no: str
    principal_fen: int
    late_fee_fen: int
    late_from: dt.date | None = None  # the bill was made after the due date: late fee from this day


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
    company: Company
    on: dt.date
    notices: tuple[Notice, ...]


@dataclass(frozen=True)
class _Terms:
    due_date: dt.date
    rate_ppm: int
    decree_no: str


def _natural(text: str) -> list[int | str]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def _terms_in_force(session: Session, seasons: set[str], on: dt.date) -> dict[str, _Terms]:
    """Each season's schedule version in force on ``on`` (as ``fees.schedule_in_force``
    picks it), every season in one query."""
    out: dict[str, _Terms] = {}
    if not seasons:
        return out
    for s in session.execute(
            select(FeeSchedule.season, FeeSchedule.due_date, FeeSchedule.late_fee_ppm_per_day,
                   FeeSchedule.decree_no)
            .where(FeeSchedule.season.in_(sorted(seasons)), FeeSchedule.effective_date <= on)
            .order_by(FeeSchedule.season, FeeSchedule.version.desc())):
        out.setdefault(s.season, _Terms(s.due_date, s.late_fee_ppm_per_day, s.decree_no))
    return out


def _seasons(row: billing.ArrearsRow, lines: list[Line], bills: list[st.Position],
             terms: dict[str, _Terms]) -> tuple[SeasonOwed, ...]:
    out = []
    for season in row.seasons:
        mine = [x for x in lines if (x.basis or {}).get("season") == season]
        late = [x for x in mine if x.kind == "late_fee"]
        schedule = terms.get(season)
        bill = next((b for b in bills if b.season == season), None)
        # the bill's own terms; the late fee's start is the later of the due date and the bill's day
        due = bill.terms.due_date if bill else (schedule.due_date if schedule else None)
        late_from = bill.late_from if bill and due and bill.late_from > due else None
        decree = next((x.basis["decree_no"] for x in mine if x.basis.get("decree_no")), "")
        out.append(SeasonOwed(
            season, due,
            late[0].basis.get("rate_ppm_per_day") if late else (schedule.rate_ppm if schedule else None),
            decree or (schedule.decree_no if schedule else ""),
            sum(x.amount_fen for x in mine if x.kind not in SKIP), sum(x.amount_fen for x in late),
            late_from))
    if sum(s.principal_fen for s in out) != row.principal_fen or \
            sum(s.late_fee_fen for s in out) != row.late_fee_fen:
        # the statement cannot be split by season exactly: print the totals as one line
        first = out[0] if out else SeasonOwed("", None, None, "", 0, 0)
        out = [SeasonOwed("、".join(row.seasons), first.due_date, first.rate_ppm, first.decree_no,
                          row.principal_fen, row.late_fee_fen, first.late_from)]
    return tuple(out)


def reminder_data(core: Core, actor: Actor, *, community: str | None = None, building: str | None = None,
                  account_ids: list[int] | None = None) -> ReminderBatch:
    """A notice for every account in arrears today (of a community / building /
    list), sorted by address; none in arrears is an error saying where."""
    actor.require(Permission.SERVE)
    on = core.today()
    with core.reading() as session:
        rows = billing.arrears_in(session, core, community or None, building or None, on)
        if account_ids is not None:
            wanted = set(account_ids)
            rows = [r for r in rows if r.account_id in wanted]
        if not rows:
            where = "、".join(x for x in (community and f"小区“{community}”", building and f"{building}号楼",
                                          account_ids is not None and f"所选的 {len(account_ids)} 户") if x)
            raise NotFound(f"{where or '全部账户'}截至 {on:%Y-%m-%d} 没有逾期欠费的账户，无需打印催缴通知单")
        ids = [r.account_id for r in rows]
        positions: dict[int, tuple[list[st.Position], st.Credits]] = {}
        for start in range(0, len(ids), billing.CHUNK):
            positions.update(billing.positions_of(session, ids[start:start + billing.CHUNK], core.zone))
        terms = _terms_in_force(session, {s for r in rows for s in r.seasons}, on)
        company = company_in(session)
    rows.sort(key=lambda r: (_natural(r.address), r.account_no))
    notices = tuple(Notice(f"CJ{on:%Y%m%d}-{r.account_no}", r.account_no, r.holder_name, r.address,
                           _seasons(r, st.statement_lines(*positions[r.account_id], on),
                                    positions[r.account_id][0], terms),
                           r.principal_fen, r.late_fee_fen) for r in rows)
    return ReminderBatch(company, on, notices)


__all__ = ["Notice", "ReminderBatch", "SeasonOwed", "reminder_data"]
