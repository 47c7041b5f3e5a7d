"""What the fee windows read, one call per thing the supervisor or
administrator does:

- ``schedule_board``: every published version with the one in force today in
  each season (the highest version already effective, as billing picks it)
  and each version as published lines;
- ``season_choices`` / ``season_terms``: the seasons the season's batch can
  run for, and the version it will bill with;
- ``reduction_queue``: the reductions waiting for a decision with the names of
  the clerks who asked for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from counter_app.core import Core
from counter_app.db.models import Staff
from counter_app.domain.seasons import season_of
from counter_app.services import billing, fees
from counter_app.services.billing import ReductionView
from counter_app.services.fees import ScheduleView


@dataclass(frozen=True)
class ScheduleBoard:
    versions: tuple[ScheduleView, ...]          # newest season first, newest version first
    in_force: frozenset[int]                    # ids of the versions billing uses today
    lines: Mapping[int, tuple[str, ...]]        # id -> the version as published lines


def schedule_board(core: Core) -> ScheduleBoard:
    versions = tuple(fees.list_schedules(core))
    today = core.today()
    in_force: dict[str, ScheduleView] = {}
    for v in versions:
        if v.effective_date <= today and (v.season not in in_force or v.version > in_force[v.season].version):
            in_force[v.season] = v
    return ScheduleBoard(versions, frozenset(v.id for v in in_force.values()),
                         {v.id: tuple(fees.describe(v)) for v in versions})


@dataclass(frozen=True)
class SeasonChoices:
    seasons: tuple[str, ...]      # newest first: each season with a schedule, and the current one
    current: str


def season_choices(core: Core) -> SeasonChoices:
    current = season_of(core.today())
    published = {v.season for v in fees.list_schedules(core)}
    return SeasonChoices(tuple(sorted(published | {current}, reverse=True)), current)


@dataclass(frozen=True)
class SeasonTerms:
    schedule: ScheduleView
    lines: tuple[str, ...]


def season_terms(core: Core, season: str) -> SeasonTerms:
    """The version in force today for ``season``; none is a NotFound at the season field."""
    schedule = fees.get_schedule(core, season)
    return SeasonTerms(schedule, tuple(fees.describe(schedule)))


@dataclass(frozen=True)
class ReductionQueue:
    pending: tuple[ReductionView, ...]        # oldest first
    requesters: Mapping[int, str]             # staff id -> name, for who asked

    def requester(self, view: ReductionView) -> str:
        return self.requesters.get(view.requested_by_id, str(view.requested_by_id))


def reduction_queue(core: Core) -> ReductionQueue:
    pending = tuple(billing.pending_reductions(core))
    ids = {v.requested_by_id for v in pending}
    names: dict[int, str] = {}
    if ids:
        with core.reading() as session:
            names = {i: n for i, n in session.execute(
                select(Staff.id, Staff.display_name).where(Staff.id.in_(ids)))}
    return ReductionQueue(pending, names)


__all__ = ["ReductionQueue", "ScheduleBoard", "SeasonChoices", "SeasonTerms", "reduction_queue",
           "schedule_board", "season_choices", "season_terms"]
