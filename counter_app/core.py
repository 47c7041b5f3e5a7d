"""The core object handed to every use case: database, catalogue, clock, calendar.

There is no global instance: the GUI, the command line, the tracking server and
each test make their own ``Core`` and pass it on.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from counter_app.catalogue import Catalogue, load_catalogue
from counter_app.db.engine import describe
from counter_app.db.models import CalendarOverride, CalendarYear
from counter_app.domain.enums import Role
from counter_app.domain.permissions import Permission, require
from counter_app.errors import CommitUncertain, DatabaseUnavailable
from counter_app.workdays import WorkdayCalendar

if TYPE_CHECKING:
    from argon2 import PasswordHasher

Clock = Callable[[], dt.datetime]
CALENDAR_TTL = 300.0  # seconds


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Actor:
    """The staff member logged in at this counter; every service call runs as one."""

    staff_id: int
    username: str
    display_name: str
    role: Role

    def require(self, permission: Permission) -> None:
        require(self.role, permission)


class Core:
    def __init__(self, engine: Engine, *, catalogue: Catalogue | None = None,
                 clock: Clock = utc_now, timezone: str = "Asia/Shanghai") -> None:
        self.engine = engine
        self.catalogue = catalogue or load_catalogue()
        self.clock = clock
        self.zone = ZoneInfo(timezone)
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._calendar: WorkdayCalendar | None = None
        self._calendar_loaded = 0.0
        # argon2's cost for passwords set and checked through this core; None: the
        # default (tests, benches and the demo set a cheap one)
        self.password_hasher: PasswordHasher | None = None

    # -- time -------------------------------------------------------------
    def now(self) -> dt.datetime:
        return self.clock().astimezone(dt.UTC)

    def today(self) -> dt.date:
        """The calendar day in the service hall."""
        return self.local(self.now()).date()

    def local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(self.zone)

    # -- transactions -----------------------------------------------------
    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One transaction for one use case: all of it is stored, or none.

        A failure while the work runs rolls everything back: "not saved" is
        then the truth.  A connection lost while the COMMIT itself is under way
        is different: the server may have stored it before the acknowledgement
        was lost, so that is reported as ``CommitUncertain``, never as not
        saved (a write with a client token resolves it by asking again)."""
        session = self._sessions()
        committing = False
        try:
            with session.begin():
                yield session
                session.flush()   # a failure of the last statements is still "not saved"
                committing = True
        except (OperationalError, DBAPIError) as exc:
            if not (isinstance(exc, OperationalError) or exc.connection_invalidated):
                raise
            where = describe(str(self.engine.url))
            if committing:
                raise CommitUncertain(
                    f"数据库 {where} 在保存时断开了连接，无法确认本次操作是否已经保存。"
                    "请不要重新录入：按“核对”以同一单据再次提交，已保存的不会重复记录；"
                    "或在记录中查看后再决定。") from exc
            raise DatabaseUnavailable(
                f"数据库 {where} 暂时无法访问，本次操作未保存，"
                "已填写的内容仍在。请稍后重试。") from exc
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look: rolled back at the end, never committed, so a read
        can neither store anything by mistake nor meet an uncertain commit."""
        session = self._sessions()
        try:
            yield session
        except (OperationalError, DBAPIError) as exc:
            if not (isinstance(exc, OperationalError) or exc.connection_invalidated):
                raise
            raise DatabaseUnavailable(
                f"数据库 {describe(str(self.engine.url))} 暂时无法访问，请稍后重试。") from exc
        finally:
            session.close()   # ends the transaction with a rollback

    # -- working days -----------------------------------------------------
    def calendar(self, session: Session) -> WorkdayCalendar:
        """The working-day calendar with the supervisors' overrides.  Reloaded
        every few minutes, so an override entered at another counter arrives."""
        if self._calendar is None or time.monotonic() - self._calendar_loaded > CALENDAR_TTL:
            overrides = {o.day: (o.is_workday, o.note)
                         for o in session.scalars(select(CalendarOverride))}
            years = session.scalars(select(CalendarYear.year)).all()
            self._calendar = WorkdayCalendar(overrides, confirmed_years=years)
            self._calendar_loaded = time.monotonic()
        return self._calendar

    def calendar_changed(self) -> None:
        self._calendar = None
