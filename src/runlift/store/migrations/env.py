"""Alembic's environment for runlift's store: migrations run on the connection runlift opened."""

from __future__ import annotations

from alembic import context

from runlift.store.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - runlift always passes its own connection
    raise RuntimeError("runlift's migrations run through runlift.store.database, not alembic's CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
