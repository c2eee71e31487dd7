"""The engine: SQLite (WAL) by default, PostgreSQL through a URL; migrations on start.

Several nodes may start at once on one PostgreSQL (issue 16, X4): each migrates inside a
transaction that first takes :data:`MIGRATION_LOCK_KEY` (``pg_advisory_xact_lock``), so one
migrates while the others wait, then find the schema at head and do nothing. The lock goes with
the transaction (a node killed while migrating rolls its migration back and frees it). SQLite
has one node: nothing changes there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK_KEY = 0x6A69766D
"""An arbitrary constant ('jivm'), apart from the writer's cursor lock (``CURSOR_LOCK_KEY``)."""
T = TypeVar("T")


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def create_engine(url: str, *, sqlite_synchronous: str = "FULL") -> AsyncEngine:
    """An async engine. For SQLite the file's folder is created and every connection gets
    WAL mode, foreign keys and a busy timeout."""
    kwargs: dict[str, Any] = {}
    if is_sqlite(url):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    else:
        kwargs.update(pool_size=10, max_overflow=10, pool_pre_ping=True)
    engine = create_async_engine(url, **kwargs)
    if is_sqlite(url):
        _sqlite_pragmas(engine.sync_engine, sqlite_synchronous)
    return engine


def create_writer_engine(url: str, *, sqlite_synchronous: str = "FULL") -> sa.Engine | None:
    """For SQLite, a plain (synchronous) engine on the same file for the group writer's own
    thread; None for other databases, whose writer uses the async engine."""
    if not is_sqlite(url):
        return None
    plain = sa.engine.make_url(url).set(drivername="sqlite")
    engine = sa.create_engine(
        plain, pool_size=1, max_overflow=0, connect_args={"check_same_thread": False}
    )
    _sqlite_pragmas(engine, sqlite_synchronous)

    # The writer runs each write of a batch in a SAVEPOINT (store/writer.py). Python's sqlite3
    # opens its transaction only at the first INSERT/UPDATE, so a batch starting with a
    # SAVEPOINT would have SQLite make the savepoint the transaction, and its RELEASE a
    # COMMIT: one fsync per write. The transaction is begun explicitly instead (the
    # SQLAlchemy recipe for pysqlite savepoints). IMMEDIATE takes the write lock at once (the
    # busy timeout waits for a CLI writing meanwhile): a deferred transaction that read first
    # would fail, not wait, if another connection committed before its first write.
    @sa.event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _sqlite_pragmas(engine: sa.Engine, sqlite_synchronous: str) -> None:
    """Every SQLite connection: WAL, the chosen durability, foreign keys, a busy timeout."""
    synchronous = sqlite_synchronous.upper()
    if synchronous not in {"FULL", "NORMAL", "EXTRA"}:
        raise ValueError(f"sqlite synchronous must be FULL, NORMAL or EXTRA, not {synchronous}")

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA synchronous={synchronous}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()


async def read(engine: AsyncEngine, fn: Callable[..., T], *args: Any) -> T:
    """Run the synchronous query ``fn(conn, *args)`` on a pooled connection.

    Going through this helper (not ``async with engine.connect() as db`` in a long-lived
    coroutine) also keeps the connection objects from living on in the caller's frame: a
    visitor's coroutine lasts as long as the visitor stays on the site."""
    async with engine.connect() as conn:
        return await conn.run_sync(fn, *args)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _upgrade(sync_conn: sa.Connection) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = sync_conn
    command.upgrade(cfg, "head")


async def migrate(engine: AsyncEngine) -> None:
    """Bring the database to the newest schema (creates it on first start); on PostgreSQL
    under the migration lock, which several nodes starting at once take in turn."""
    async with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            await conn.execute(
                sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
            )
        await conn.run_sync(_upgrade)
