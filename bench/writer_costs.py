"""What one stored visitor message costs inside the relay's group writer, without websockets.

    python -m bench.writer_costs --db-dir DIR --out FILE.json [--pg-url URL]

Runs in its own process (``bench/run_all.py`` starts it). On a fresh SQLite file (FULL):

* the relay's own path: ``GroupWriter.run(fast_messages.VisitorMessage(...))`` as
  ``ChatService.visitor_message`` builds it (prepared DB-API statements; the block check
  included), one message at a time (the latency path: a transaction per message) and in groups
  of 50 (the throughput path), with every statement SQLite ran on the writer's connection
  counted per message (BEGIN and COMMIT included);
* the same message the plain way through the same writer (``plain_*``: the SQLAlchemy Core
  writes of ``chat_writes.visitor_message`` behind ``unless_blocked``, as before issue 15);
* the same five statements (built from the same tables) through SQLAlchemy's *synchronous*
  pysqlite engine, a whole group in one thread call (``asyncio.to_thread``), as a writer that
  hops to a thread once per batch would run them;
* the same SQL text through the bare ``sqlite3`` module: the floor.

The last three rows differ only in how the statements reach SQLite, so the gaps are the price
of the async driver's per-call thread hops and of SQLAlchemy's per-execution work. With
``--pg-url`` (an empty database) the relay's and the plain path are measured on PostgreSQL too
(``pg_relay_*``, ``pg_plain_*``).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import aiosqlite.core
import sqlalchemy as sa

from bench.common import median
from server.account import agents as agents_repo
from server.actions.blocks import unless_blocked
from server.chats import fast_messages
from server.chats import reads as chat_reads
from server.chats import writes as chat_writes
from server.core.config import Settings
from server.core.relay import Relay
from server.store.schema import chat_participants, chats, events
from server.visitors import repo as visitors_repo

GROUP = 50
ROUNDS = 12
SINGLES = 200

calls: collections.Counter[str] = collections.Counter()
statements = [0]


def _count_aiosqlite_calls() -> None:
    original = aiosqlite.core.Connection._execute

    async def counting(self: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        calls[getattr(fn, "__qualname__", repr(fn))] += 1
        return await original(self, fn, *args, **kwargs)

    aiosqlite.core.Connection._execute = counting  # type: ignore[method-assign]


def _sync_statements(visitor_id: int, cmid: str, text: str) -> list[Any]:
    """The statements of ``chat_writes.visitor_message`` for an open chat (chat id filled later)."""
    return [
        sa.select(events).where(
            events.c.author == "visitor",
            events.c.author_id == visitor_id,
            events.c.client_msg_id == cmid,
        ),
        sa.select(chats)
        .where(chats.c.visitor_id == visitor_id, chats.c.state.in_(chat_reads.OPEN_STATES))
        .order_by(chats.c.id.desc())
        .limit(1),
    ]


def _sync_message(conn: sa.Connection, visitor_id: int, cmid: str, text: str) -> int:
    dup, open_chat = _sync_statements(visitor_id, cmid, text)
    assert conn.execute(dup).first() is None
    chat_id = conn.execute(open_chat).one().id
    chat = conn.execute(
        sa.update(chats)
        .where(chats.c.id == chat_id)
        .values(last_seq=chats.c.last_seq + 1, preview=text[:200])
        .returning(*chats.c)
    ).one()
    cursor = conn.execute(
        sa.insert(events)
        .values(
            chat_id=chat_id,
            seq=chat.last_seq,
            kind="message",
            author="visitor",
            author_id=visitor_id,
            author_name="",
            text=text,
            client_msg_id=cmid,
            visible_to_visitor=True,
            ts=time.time(),
        )
        .returning(events.c.id)
    ).scalar_one()
    conn.execute(
        sa.select(chat_participants.c.agent_id).where(
            chat_participants.c.chat_id == chat_id, chat_participants.c.left_at.is_(None)
        )
    ).all()
    return int(cursor)


RAW = [
    "SELECT id FROM events WHERE author = 'visitor' AND author_id = ? AND client_msg_id = ?",
    "SELECT id FROM chats WHERE visitor_id = ? AND state IN ('offered', 'active') "
    "ORDER BY id DESC LIMIT 1",
    "UPDATE chats SET last_seq = last_seq + 1, preview = ? WHERE id = ? RETURNING last_seq",
    "INSERT INTO events (chat_id, seq, kind, author, author_id, author_name, text, "
    "client_msg_id, visible_to_visitor, ts) VALUES (?, ?, 'message', 'visitor', ?, '', ?, ?, 1, ?) "
    "RETURNING id",
    "SELECT agent_id FROM chat_participants WHERE chat_id = ? AND left_at IS NULL",
]


def _raw_message(db: sqlite3.Connection, visitor_id: int, cmid: str, text: str) -> None:
    assert db.execute(RAW[0], (visitor_id, cmid)).fetchone() is None
    chat_id = db.execute(RAW[1], (visitor_id,)).fetchone()[0]
    seq = db.execute(RAW[2], (text[:200], chat_id)).fetchone()[0]
    db.execute(RAW[3], (chat_id, seq, visitor_id, text, cmid, time.time())).fetchone()
    db.execute(RAW[4], (chat_id,)).fetchall()


def _fast(visitor_id: int, site_id: int, cmid: str, text: str) -> Any:
    """A visitor's message as ``ChatService.visitor_message`` hands it to the writer."""
    return fast_messages.VisitorMessage(
        plain=_plain(visitor_id, site_id, cmid, text),
        client_msg_id=cmid,
        text=text,
        visitor_id=visitor_id,
        site_id=site_id,
        ip="127.0.0.1",
    )


def _plain(visitor_id: int, site_id: int, cmid: str, text: str) -> Any:
    """The same message the plain way: SQLAlchemy Core statements (what the relay ran before
    issue 15, then with a savepoint per write)."""
    return unless_blocked(
        site_id,
        visitor_id,
        "127.0.0.1",
        chat_writes.visitor_message(visitor_id, site_id, cmid, text, True),
    )


async def _path(relay: Relay, make: Any, tag: str, out: dict[str, Any], name: str) -> None:
    """One message per commit (the latency path), then groups of GROUP (the throughput path)."""
    visitor_id, site_id = out.pop("_visitor"), out.pop("_site")
    text = "x" * 40
    for i in range(20):  # warm the statement caches
        await relay.writer.run(make(visitor_id, site_id, f"{tag}w{i}", text))
    calls.clear()
    statements[0] = 0
    start = time.perf_counter()
    for i in range(SINGLES):
        await relay.writer.run(make(visitor_id, site_id, f"{tag}s{i}", text))
    out[f"{name}_single_ms"] = (time.perf_counter() - start) / SINGLES * 1000
    out[f"{name}_single_calls"] = sum(calls.values()) / SINGLES
    out[f"{name}_single_statements"] = statements[0] / SINGLES
    calls.clear()
    statements[0] = 0
    reruns = relay.writer.isolated_reruns
    per_message = []
    for r in range(ROUNDS):
        start = time.perf_counter()
        await asyncio.gather(
            *(
                relay.writer.run(make(visitor_id, site_id, f"{tag}g{r}-{i}", text))
                for i in range(GROUP)
            )
        )
        per_message.append((time.perf_counter() - start) / GROUP * 1000)
    out[f"{name}_group_ms"] = median(per_message)
    out[f"{name}_group_msgs_per_s"] = 1000 / out[f"{name}_group_ms"]
    out[f"{name}_group_calls"] = sum(calls.values()) / (ROUNDS * GROUP)
    # Every statement SQLite ran on the writer's connection (SQLAlchemy's and the raw ones),
    # the BEGIN and COMMIT of each batch included.
    out[f"{name}_group_statements"] = statements[0] / (ROUNDS * GROUP)
    out[f"{name}_group_call_kinds"] = {k: v / (ROUNDS * GROUP) for k, v in calls.items()}
    out[f"{name}_group_isolated_reruns"] = relay.writer.isolated_reruns - reruns
    out["_visitor"], out["_site"] = visitor_id, site_id


async def _relay_paths(url: str, out: dict[str, Any], prefix: str) -> int:
    """The relay's path and the plain one on the database at ``url``; the visitor's id."""
    relay = Relay(Settings(host="127.0.0.1", port=0, database_url=url))
    await relay.start()
    try:
        await relay.create_agent("w@example.com", "W", "writer-pass-1", "agent")
        key = await relay.add_site("Writer bench", [])
        async with relay.engine.connect() as conn:
            site = await conn.run_sync(agents_repo.site_by_key, key)
        visitor_id = await relay.writer.run(
            visitors_repo.create_visitor(site.id, "writer-bench-token", "127.0.0.1", "", "")
        )
        await relay.writer.run(
            chat_writes.visitor_message(visitor_id, site.id, "first", "hello", True)
        )
        if relay.writer._sync_engine is not None:
            with relay.writer._sync_engine.connect() as writer_conn:  # its only connection
                db = writer_conn.connection.driver_connection
                assert isinstance(db, sqlite3.Connection)
                db.set_trace_callback(lambda _sql: statements.__setitem__(0, statements[0] + 1))
        out["_visitor"], out["_site"] = visitor_id, site.id
        # The relay's path (prepared statements, server.chats.fast_messages), then the plain
        # SQLAlchemy writes through the same writer.
        await _path(relay, _fast, "f", out, f"{prefix}relay")
        await _path(relay, _plain, "p", out, f"{prefix}plain")
        del out["_visitor"], out["_site"]
    finally:
        await relay.stop()
    if relay.writer._sync_engine is None:  # statements are counted on SQLite only
        for key in [k for k in out if k.startswith(prefix) and "_statements" in k]:
            del out[key]
    return int(visitor_id)


async def measure(db_dir: Path, pg_url: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if pg_url:
        await _relay_paths(pg_url, out, "pg_")
    url = f"sqlite+aiosqlite:///{db_dir / 'writer.db'}"
    visitor_id = await _relay_paths(url, out, "")
    text = "x" * 40

    # The same statements through SQLAlchemy's synchronous engine: one thread call per group.
    path = db_dir / "writer.db"
    engine = sa.create_engine(f"sqlite:///{path}")

    @sa.event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    def sync_group(tag: str, n: int) -> None:
        with engine.begin() as conn:
            for i in range(n):
                _sync_message(conn, visitor_id, f"{tag}-{i}", text)

    sync_group("warm", 20)
    per_message = []
    for r in range(ROUNDS):
        start = time.perf_counter()
        await asyncio.to_thread(sync_group, f"y{r}", GROUP)
        per_message.append((time.perf_counter() - start) / GROUP * 1000)
    out["sync_group_ms"] = median(per_message)
    start = time.perf_counter()
    for i in range(SINGLES):
        await asyncio.to_thread(sync_group, f"ys{i}", 1)
    out["sync_single_ms"] = (time.perf_counter() - start) / SINGLES * 1000
    engine.dispose()

    # The floor: the same SQL through sqlite3, a group per transaction.
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")

    def raw_group(tag: str, n: int) -> None:
        db.execute("BEGIN")
        for i in range(n):
            _raw_message(db, visitor_id, f"{tag}-{i}", text)
        db.execute("COMMIT")

    per_message = []
    for r in range(ROUNDS):
        start = time.perf_counter()
        await asyncio.to_thread(raw_group, f"z{r}", GROUP)
        per_message.append((time.perf_counter() - start) / GROUP * 1000)
    out["raw_group_ms"] = median(per_message)
    start = time.perf_counter()
    for i in range(SINGLES):
        await asyncio.to_thread(raw_group, f"zs{i}", 1)
    out["raw_single_ms"] = (time.perf_counter() - start) / SINGLES * 1000
    db.close()
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--db-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--pg-url", help="also the relay's paths on this (empty) PostgreSQL")
    args = parser.parse_args()
    result = asyncio.run(asyncio.wait_for(measure(args.db_dir, args.pg_url), 240))
    args.out.write_text(json.dumps(result))
