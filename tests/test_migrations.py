"""Migrations and models agree, and every migration can be undone and redone."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from counter_app.db.engine import alembic_config, current_revision, head_revision, upgrade
from counter_app.db.models import Base
from counter_app.migrations_support import include_object


def _diff(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object})
        return compare_metadata(ctx, Base.metadata)


def test_models_match_migrations(engine):
    assert _diff(engine) == []
    assert current_revision(engine) == head_revision()


def test_downgrade_to_nothing_and_back(engine):
    command.downgrade(alembic_config(engine), "base")
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision() and _diff(engine) == []


def test_the_quick_head_reading_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    from counter_app.db.engine import MIGRATIONS

    assert head_revision() == ScriptDirectory(str(MIGRATIONS)).get_current_head()
