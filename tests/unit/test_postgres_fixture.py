"""The throwaway PostgreSQL cluster of tests/support/postgres.py starts, serves and cleans up."""

from __future__ import annotations

import asyncio
import re
import socket
from pathlib import Path

import asyncpg  # the `postgres` extra of pyproject.toml
import pytest

from tests.support import postgres
from tests.support.postgres import PostgresCluster, skip_unless_postgres


@pytest.mark.postgres
async def test_cluster_serves_a_database_and_leaves_nothing_behind() -> None:
    skip_unless_postgres()

    cluster = PostgresCluster()
    # initdb and pg_ctl are blocking subprocess calls: keep them off the event loop.
    await asyncio.to_thread(cluster.start)
    try:
        base_dir = cluster.base_dir
        assert base_dir is not None and base_dir.parent.as_posix() == "/tmp"
        assert base_dir.name.startswith("jivo-pg-")
        assert cluster.data_dir.is_dir()

        url = await asyncio.to_thread(cluster.create_database, "fixture_check")
        assert url == f"postgresql+asyncpg://postgres@127.0.0.1:{cluster.port}/fixture_check"

        conn = await asyncpg.connect(cluster.dsn("fixture_check"), timeout=10)
        try:
            assert await conn.fetchval("select 1") == 1
            assert await conn.fetchval("show fsync") == "on"
            assert await conn.fetchval("select current_database()") == "fixture_check"
        finally:
            await conn.close()
    finally:
        await asyncio.to_thread(cluster.stop)

    assert not base_dir.exists(), "stop() must remove the cluster folder"
    assert not cluster.running
    cluster.stop()  # a second stop is harmless


@pytest.mark.postgres
def test_context_manager_stops_the_cluster() -> None:
    skip_unless_postgres()
    with PostgresCluster() as cluster:
        base_dir = cluster.base_dir
        assert base_dir is not None and cluster.running
        assert cluster.create_database("ctx_check").endswith(f":{cluster.port}/ctx_check")
    assert not base_dir.exists()
    assert not cluster.running


def test_rejects_unsafe_database_names() -> None:
    cluster = PostgresCluster()
    with pytest.raises(ValueError):
        cluster.create_database("x; drop database postgres")


@pytest.mark.postgres
def test_retries_when_the_probed_port_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    skip_unless_postgres()

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        ports = iter([taken])
        real_free_port = postgres.free_port
        monkeypatch.setattr(postgres, "free_port", lambda: next(ports, None) or real_free_port())
        with PostgresCluster() as cluster:
            assert cluster.running and cluster.port != taken


def test_missing_binaries_give_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(postgres, "_SYSTEM_ROOT", tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JIVO_PG_BIN", raising=False)
    assert not postgres.postgres_available()
    hint = re.escape("scripts/install-system-deps.sh")
    with pytest.raises(postgres.PostgresUnavailable, match=hint):
        PostgresCluster().start()
