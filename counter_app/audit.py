"""The append-only audit trail: who changed what, when, before and after."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from counter_app.db.models import AuditRecord, Base

SECRET_COLUMNS = {"password_hash"}


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(obj: Base) -> dict[str, Any]:
    """The row's columns as JSON-safe values (secrets masked)."""
    mapper = inspect(obj).mapper
    out = {}
    for attr in mapper.column_attrs:
        key = attr.key
        if key in {"search_grams"}:
            continue
        value = getattr(obj, key)
        out[key] = "***" if key in SECRET_COLUMNS and value else _plain(value)
    return out


def changes(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [k for k in after if before.get(k) != after[k]]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def entity_name(obj: Base) -> str:
    return str(obj.__tablename__)


def record(session: Session, *, staff_id: int | None, at: dt.datetime, action: str,
           obj: Base | None = None, entity: str | None = None, entity_id: Any = None,
           before: dict[str, Any] | None = None, after: dict[str, Any] | None = None) -> None:
    """Write one audit record.  Pass ``obj`` (flushed) to name the entity; for
    an update pass the ``before`` snapshot and only changed fields are kept."""
    if obj is not None:
        session.flush()
        entity = entity or entity_name(obj)
        if entity_id is None:
            identity = inspect(obj).identity
            assert identity is not None, "flushed above: it has its primary key"
            entity_id = identity[0]
        now_state = snapshot(obj)
        if before is not None:
            before, after = changes(before, now_state)
            if not after:
                return
        elif after is None:
            after = now_state
    session.add(AuditRecord(at=at, staff_id=staff_id, action=action, entity=entity or "",
                            entity_id=str(entity_id or ""), before=before, after=after))
