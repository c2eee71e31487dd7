"""The store: migrations match the schema; the group writer batches and isolates failures."""

from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from server.store.db import create_engine, create_writer_engine, migrate
from server.store.schema import include_name, metadata, sites
from server.store.writer import GroupWriter


async def test_migrations_create_exactly_the_schema(db_url: str) -> None:
    """Alembic's head equals server/store/schema.py, on SQLite and PostgreSQL: a table change
    without a migration fails here."""
    engine = create_engine(db_url)
    try:
        await migrate(engine)
        await migrate(engine)  # idempotent: a second start changes nothing

        def diff(sync_conn: sa.Connection) -> list[object]:
            # The full-text index's tables differ per database and are not in the metadata
            # (schema.SEARCH_INDEX_TABLES); that they exist is asserted below.
            opts = {"compare_type": True, "include_name": include_name}
            ctx = MigrationContext.configure(sync_conn, opts=opts)
            return list(compare_metadata(ctx, metadata))

        def tables(sync_conn: sa.Connection) -> set[str]:
            return set(sa.inspect(sync_conn).get_table_names())

        async with engine.connect() as conn:
            assert await conn.run_sync(diff) == []
            assert "archive_fts" in await conn.run_sync(tables)
    finally:
        await engine.dispose()


async def test_sqlite_runs_in_wal_mode(sqlite_url: str) -> None:
    engine = create_engine(sqlite_url)
    try:
        async with engine.connect() as conn:
            mode = (await conn.execute(sa.text("PRAGMA journal_mode"))).scalar()
            sync = (await conn.execute(sa.text("PRAGMA synchronous"))).scalar()
        assert mode == "wal" and sync == 2  # FULL
    finally:
        await engine.dispose()


def _insert_site(key: str):  # type: ignore[no-untyped-def]
    def write(conn: sa.Connection) -> str:
        conn.execute(sa.insert(sites).values(key=key, name=key, created_at=0.0))
        return key

    return write


async def test_group_writer_batches_and_isolates_a_failing_write(db_url: str) -> None:
    """Writes waiting together share one commit; a write that fails (here a duplicate key)
    fails alone and its neighbours are committed."""
    engine = create_engine(db_url)
    await migrate(engine)
    writer = GroupWriter(engine, sync_engine=create_writer_engine(db_url))
    writer.start()
    try:
        keys = [f"k{i}" for i in range(50)]
        results = await asyncio.gather(
            *(writer.run(_insert_site(k)) for k in keys),
            writer.run(_insert_site("k7")),  # duplicate of a neighbour's key
            return_exceptions=True,
        )
        assert results[:50] == keys
        assert isinstance(results[50], sa.exc.IntegrityError)
        assert writer.batches < writer.writes  # at least one commit carried several writes
        async with engine.connect() as conn:
            stored = (await conn.execute(sa.select(sites.c.key))).scalars().all()
        assert sorted(stored) == sorted(keys)
    finally:
        await writer.close()
        await engine.dispose()


async def test_writer_refuses_after_close(sqlite_url: str) -> None:
    from server.store.writer import WriterClosed

    engine = create_engine(sqlite_url)
    await migrate(engine)
    writer = GroupWriter(engine)
    writer.start()
    await writer.close()
    with pytest.raises(WriterClosed):
        await writer.run(_insert_site("late"))
    await engine.dispose()
