"""Alembic environment: the engine is handed in by counter_app.db.engine."""

from __future__ import annotations

from alembic import context

from counter_app.db.models import Base
from counter_app.migrations_support import include_object

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # `alembic` command line, for autogenerate during development
    from counter_app.db.engine import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url") or None)

with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite",
                      include_object=include_object)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
