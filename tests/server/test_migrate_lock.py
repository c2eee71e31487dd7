"""X4: several relay nodes starting at once on one empty PostgreSQL migrate once, under the
migration lock (server/store/db.py); real ``jivo-relay serve`` subprocesses."""

from __future__ import annotations

import asyncio
import urllib.request
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from sqlalchemy.ext.asyncio import create_async_engine

from server.store.db import MIGRATION_LOCK_KEY, alembic_config
from tests.support.cluster import ClusterNode, running_cluster
from tests.support.postgres import PostgresCluster
from tests.support.waiting import until

pytestmark = pytest.mark.postgres


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


async def schema_version(url: str) -> list[str]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(sa.text("SELECT version_num FROM alembic_version"))
            return [str(r[0]) for r in rows]
    finally:
        await engine.dispose()


def healthz(port: int) -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as answer:
        return int(answer.status)


async def test_x4_three_nodes_starting_at_once_on_an_empty_postgresql_migrate_once(
    pg_cluster: PostgresCluster, tmp_path: Path
) -> None:
    """X4: three relay processes started together on an empty database all come up, the
    schema is at head (one ``alembic_version`` row), every node is healthy and no node's log
    has an error (without the lock two of them would create the same tables at once and die
    on "relation already exists")."""
    url = pg_cluster.create_database(f"t_{uuid.uuid4().hex[:12]}")
    async with running_cluster(url, tmp_path, nodes=3, set_up=False) as cluster:
        assert all(node.alive for node in cluster.nodes)
        assert await schema_version(url) == [head_revision()]
        for node in cluster.nodes:
            assert await asyncio.to_thread(healthz, node.port) == 200
        assert cluster.errors() == {}


async def test_x4_a_starting_node_waits_for_the_migration_lock(
    pg_cluster: PostgresCluster, tmp_path: Path
) -> None:
    """X4: while another holds the migration lock (a node migrating), a starting node waits
    for it (its session shows in ``pg_locks`` as waiting on the advisory lock) and comes up,
    at head, once the lock is released."""
    url = pg_cluster.create_database(f"t_{uuid.uuid4().hex[:12]}")
    engine = create_async_engine(url)
    node = ClusterNode("node1", url, tmp_path / "node1", demo=False)
    try:
        async with engine.connect() as holder:
            await holder.execute(sa.text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
            await holder.commit()
            starting = asyncio.create_task(asyncio.to_thread(node.start))

            async def waiting_on_the_lock() -> bool:
                async with engine.connect() as conn:
                    found = await conn.execute(
                        sa.text(
                            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                            "AND NOT granted AND objid = :k"
                        ),
                        {"k": MIGRATION_LOCK_KEY},
                    )
                    return bool(found.scalar_one())

            async with asyncio.timeout(60):
                while not await waiting_on_the_lock():
                    assert not starting.done(), "the node started without waiting for the lock"
                    await asyncio.sleep(0.05)
            assert not starting.done() and await schema_version_or_none(url) is None
            await holder.execute(
                sa.text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK_KEY}
            )
            await holder.commit()
            await asyncio.wait_for(starting, 60)
        await until(lambda: node.alive)
        assert await schema_version(url) == [head_revision()]
        assert node.errors() == []
    finally:
        await asyncio.to_thread(node.stop)
        await engine.dispose()


async def schema_version_or_none(url: str) -> list[str] | None:
    """The schema's version, or None while no migration has committed yet."""
    try:
        return await schema_version(url)
    except sa.exc.ProgrammingError:
        return None
