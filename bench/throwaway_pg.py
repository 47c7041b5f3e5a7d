"""The benches' PostgreSQL: ``--pg URL`` (default COUNTER_APP_TEST_PG) and a
database of the bench's own on that server, dropped afterwards."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text

from counter_app.db.engine import make_engine


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pg", default=os.environ.get("COUNTER_APP_TEST_PG"),
                        help="PostgreSQL server URL (default: COUNTER_APP_TEST_PG)")
    parser.add_argument("--no-pg", action="store_true")


def wanted(args: argparse.Namespace) -> bool:
    if args.pg and not args.no_pg:
        return True
    print("\nPostgreSQL: skipped (give --pg URL or set COUNTER_APP_TEST_PG)")
    return False


@contextmanager
def database(server_url: str, prefix: str) -> Iterator[str]:
    """The URL of a new, empty database named after this process."""
    admin = make_engine(server_url).execution_options(isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
