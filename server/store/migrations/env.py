"""Alembic environment: the relay passes its own connection (see server.store.db.migrate)."""

from __future__ import annotations

from alembic import context

from server.store.schema import include_name, metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with 'jivo-relay migrate', which supplies the connection")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
