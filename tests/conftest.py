"""Shared fixtures: a fresh database per test, on SQLite and on PostgreSQL.

PostgreSQL tests run when COUNTER_APP_TEST_PG holds a URL (scripts/test.sh
starts a throwaway server).  Without it they are skipped with a plain message;
under CI=true a missing PostgreSQL is a failure, not a skip.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from zoneinfo import ZoneInfo

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from counter_app.catalogue import load_catalogue
from counter_app.core import Core
from counter_app.db.engine import make_engine, upgrade
from counter_app.db.models import Base
from counter_app.domain.enums import Role
from counter_app.services import staff

SHANGHAI = ZoneInfo("Asia/Shanghai")
PG_ENV = "COUNTER_APP_TEST_PG"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: dt.datetime) -> None:
        self.moment = start

    def __call__(self) -> dt.datetime:
        return self.moment

    def set(self, *args: int) -> None:
        self.moment = dt.datetime(*args, tzinfo=SHANGHAI)

    def advance(self, **kwargs: float) -> None:
        self.moment += dt.timedelta(**kwargs)


def pytest_report_header(config: pytest.Config) -> str:
    url = os.environ.get(PG_ENV)
    return f"PostgreSQL tests: {'on ' + url if url else 'SKIPPED (set ' + PG_ENV + ')'}"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return str(path)


@pytest.fixture(scope="session")
def pg_engine():
    """A database of this test process's own on the PostgreSQL server, so that
    parallel test runs never see each other's rows; dropped at the end."""
    url = os.environ.get(PG_ENV)
    if not url:
        message = f"PostgreSQL not available: set {PG_ENV} (scripts/test.sh does)"
        if IN_CI:
            pytest.fail(f"CI=true but {message}")
        pytest.skip(message)
    admin = make_engine(url).execution_options(isolation_level="AUTOCOMMIT")
    name = f"{admin.url.database}_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(admin.url.set(database=name).render_as_string(hide_password=False))
    upgrade(engine)
    yield engine
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_pg(engine) -> None:
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path):
    """A freshly migrated, empty database of each kind."""
    if request.param == "sqlite":
        path = tmp_path / "counter.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        eng = make_engine(f"sqlite:///{path}")
        yield eng
        eng.dispose()
    else:
        eng = request.getfixturevalue("pg_engine")
        _truncate_pg(eng)
        yield eng


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue()


@pytest.fixture
def clock() -> FakeClock:
    # Thursday 2025-11-20, 10:00 in the hall: a year chinese-calendar covers
    return FakeClock(dt.datetime(2025, 11, 20, 10, 0, tzinfo=SHANGHAI))


@pytest.fixture
def core(engine, catalogue, clock) -> Core:
    c = Core(engine, catalogue=catalogue, clock=clock)
    c.password_hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    return c


@pytest.fixture
def people(core: Core):
    """An administrator, a supervisor and two clerks, logged in."""
    admin = staff.bootstrap_admin(core, "admin", "管理员甲", "admin-pass")
    sup = staff.add_staff(core, admin, "wang", "王值班长", Role.SUPERVISOR, "super-pass")
    clerk = staff.add_staff(core, admin, "li", "李营业员", Role.CLERK, "clerk-pass")
    clerk2 = staff.add_staff(core, admin, "zhao", "赵营业员", Role.CLERK, "clerk2-pass")

    class People:
        pass

    p = People()
    p.admin, p.supervisor, p.clerk, p.clerk2 = admin, sup, clerk, clerk2
    return p


try:  # the Qt fixtures, when PySide6 and pytest-qt are installed
    from tests.qt_fixtures import free_windows, main_window, messages, qt_app  # noqa: F401
except ImportError:  # pragma: no cover - a core-only install
    pass
