"""Engine set-up, first-start creation and migration of the database.

The embedded default is one SQLite file in the user's data folder; several
counters share a PostgreSQL server given by URL (``--db`` or ``COUNTER_APP_DB``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from counter_app.errors import DatabaseUnavailable, ValidationError

if TYPE_CHECKING:
    from alembic.config import Config

APP_NAME = "counter-app"
ENV_DB = "COUNTER_APP_DB"
ENV_DATA = "COUNTER_APP_DATA"
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def data_dir() -> Path:
    """The folder for the embedded database, logs and local preferences."""
    override = os.environ.get(ENV_DATA)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_url() -> str:
    return os.environ.get(ENV_DB) or f"sqlite:///{data_dir() / 'counter.db'}"


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_read_only(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def make_engine(url: str | None = None, *, echo: bool = False, read_only: bool = False) -> Engine:
    """Create an engine for ``url`` (default: the embedded SQLite file).

    A malformed URL raises ValidationError; an unreachable server is found out
    by ``check_connection``.  ``read_only`` makes every connection refuse to
    write (the public tracking service), whatever rights its login has."""
    url = url or default_url()
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ValidationError(
            f"数据库地址“{url}”格式不对，应为 sqlite:///文件路径 或 "
            "postgresql+psycopg://用户:密码@主机:端口/库名") from exc
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        on_disk = bool(database) and database != ":memory:"
        if read_only and not (on_disk and Path(database).is_file()):
            raise ValidationError(f"数据库文件“{parsed.database}”不存在：请先在柜台机上启动一次程序"
                                  "（或运行 counter-app db upgrade）")
        if on_disk and not read_only:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, echo=echo)
        event.listen(engine, "connect", _sqlite_pragmas)
        if read_only:
            event.listen(engine, "connect", _sqlite_read_only)
        elif on_disk:
            with engine.connect() as conn:  # WAL is persistent: set once per file
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise ValidationError(
            f"不支持的数据库类型“{parsed.get_backend_name()}”：请使用 SQLite 或 PostgreSQL")
    connect_args: dict[str, object] = {"connect_timeout": 5}
    if read_only:
        connect_args["options"] = "-c default_transaction_read_only=on"
    return create_engine(parsed, echo=echo, pool_pre_ping=True, connect_args=connect_args)


def describe(url: str) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def check_connection(engine: Engine) -> None:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        raise DatabaseUnavailable(
            f"无法连接数据库 {describe(str(engine.url))}：{_first_line(exc)}。"
            "请检查数据库服务器是否已启动、地址和密码是否正确，然后重试。") from exc


def _first_line(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Create or migrate the schema to ``revision``."""
    from alembic import command

    check_connection(engine)
    command.upgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


_REVISION = re.compile(r"^revision = ['\"](\w+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision = ['\"](\w+)['\"]", re.M)


def head_revision() -> str:
    """The newest migration, read from the files without importing Alembic
    (which costs ~100 ms at every start; Alembic runs only when there is work)."""
    revisions, downs = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if found := _REVISION.search(text):
            revisions.add(found.group(1))
        if down := _DOWN.search(text):
            downs.add(down.group(1))
    heads = revisions - downs
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {sorted(heads)}")
    return heads.pop()


def open_database(url: str | None = None) -> Engine:
    """First start or every start: connect, create and migrate when needed."""
    engine = make_engine(url)
    if current_revision_safe(engine) != head_revision():
        upgrade(engine)
    return engine


def open_read_only(url: str | None = None) -> Engine:
    """For the public tracking service: connect without migrating; the schema
    must already be the one this program knows (the counters upgrade it)."""
    engine = make_engine(url, read_only=True)
    found, wanted = current_revision_safe(engine), head_revision()
    if found != wanted:
        raise ValidationError(
            f"数据库 {describe(str(engine.url))} 的结构版本为 {found or '（空库）'}，本程序需要 {wanted}："
            "请先在柜台机上升级数据库（counter-app db upgrade），再启动查询服务")
    return engine


def current_revision_safe(engine: Engine) -> str | None:
    check_connection(engine)
    return current_revision(engine)
