"""Gap-free counters, incremented inside the caller's transaction.

The row is locked by the UPDATE until the transaction ends (PostgreSQL row lock,
SQLite write lock), so two counters never get the same number, and a rolled-back
use rolls the number back with it: no gap.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from counter_app.db.models import Counter


def next_value(session: Session, name: str) -> int:
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(insert(Counter).values(name=name, value=0).on_conflict_do_nothing())
    return session.execute(
        update(Counter).where(Counter.name == name).values(value=Counter.value + 1)
        .returning(Counter.value)
    ).scalar_one()
