"""What the migration environment and its tests share: the objects created by raw
SQL in the migrations, which the ORM models do not describe."""

from __future__ import annotations

from sqlalchemy.schema import SchemaItem

# SQLite's FTS5 search indexes and their shadow tables
RAW_SQL_TABLES = ("account_fts", "account_chars")
# PostgreSQL pg_trgm GIN indexes
RAW_SQL_INDEXES = ("ix_account_search_trgm",)


def include_object(obj: SchemaItem, name: str | None, type_: str, reflected: bool,  # noqa: ARG001
                   compare_to: SchemaItem | None) -> bool:  # noqa: ARG001 - alembic's hook
    if type_ == "table" and name and name.startswith(RAW_SQL_TABLES):
        return False
    return not (type_ == "index" and name in RAW_SQL_INDEXES)
