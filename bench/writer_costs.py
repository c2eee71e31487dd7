"""What one stored visitor message costs inside the relay's group writer, without websockets.

    python -m bench.writer_costs --db-dir DIR --out FILE.json

Runs in its own process (``bench/run_all.py`` starts it). On a fresh SQLite file (FULL):

* the relay's own path: ``GroupWriter.run(chat_writes.visitor_message(...))``, one message at a time
  (the latency path: a transaction per message) and in groups of 50 (the throughput path);
  the aiosqlite calls (each one a round trip to aiosqlite's thread) and SQL statements counted
  per message;
* the same five statements (built from the same tables) through SQLAlchemy's *synchronous*
  pysqlite engine, a whole group in one thread call (``asyncio.to_thread``), as a writer that
  hops to a thread once per batch would run them;
* the same SQL text through the bare ``sqlite3`` module: the floor.

The three rows differ only in how the statements reach SQLite, so the gaps are the price of the
async driver's per-call thread hops and of SQLAlchemy's per-execution work.
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


async def measure(db_dir: Path) -> dict[str, Any]:
    url = f"sqlite+aiosqlite:///{db_dir / 'writer.db'}"
    relay = Relay(Settings(host="127.0.0.1", port=0, database_url=url))
    await relay.start()
    out: dict[str, Any] = {}
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

        # The engine the writer runs its batches on: on SQLite its own plain engine (in the
        # writer's thread), else the async engine's.
        writer_engine = getattr(relay.writer, "_sync_engine", None) or relay.engine.sync_engine

        @sa.event.listens_for(writer_engine, "before_cursor_execute")
        def _count(*_: Any) -> None:
            statements[0] += 1

        _count_aiosqlite_calls()
        text = "x" * 40
        # Warm SQLAlchemy's statement cache, then the latency path: one message per commit.
        for i in range(20):
            await relay.writer.run(
                chat_writes.visitor_message(visitor_id, site.id, f"w{i}", text, True)
            )
        calls.clear()
        statements[0] = 0
        start = time.perf_counter()
        for i in range(SINGLES):
            await relay.writer.run(
                chat_writes.visitor_message(visitor_id, site.id, f"s{i}", text, True)
            )
        out["relay_single_ms"] = (time.perf_counter() - start) / SINGLES * 1000
        out["relay_single_calls"] = sum(calls.values()) / SINGLES
        out["relay_single_statements"] = statements[0] / SINGLES
        calls.clear()
        statements[0] = 0
        per_message = []
        for r in range(ROUNDS):
            start = time.perf_counter()
            await asyncio.gather(
                *(
                    relay.writer.run(
                        chat_writes.visitor_message(visitor_id, site.id, f"g{r}-{i}", text, True)
                    )
                    for i in range(GROUP)
                )
            )
            per_message.append((time.perf_counter() - start) / GROUP * 1000)
        out["relay_group_ms"] = median(per_message)
        out["relay_group_calls"] = sum(calls.values()) / (ROUNDS * GROUP)
        out["relay_group_statements"] = statements[0] / (ROUNDS * GROUP)
        out["relay_group_call_kinds"] = {k: v / (ROUNDS * GROUP) for k, v in calls.items()}
    finally:
        await relay.stop()

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
    args = parser.parse_args()
    result = asyncio.run(asyncio.wait_for(measure(args.db_dir), 240))
    args.out.write_text(json.dumps(result))
