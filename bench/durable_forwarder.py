"""Baseline 2: the bare forwarder, but every visitor message is stored before it is answered.

    python -m bench.durable_forwarder --ready FILE --stats FILE (--sqlite PATH | --postgres DSN)

The floor of "acknowledged only after commit" on this disk: the same socket path as
``bench/bare_forwarder.py`` (same greeting, same agent side, same websocket settings), and each
visitor frame appended as one row of a table shaped like the relay's ``events`` (the same
columns and both unique constraints) by a group commit; the frame is forwarded to the agents
and echoed to the visitor only once its transaction has committed.

* SQLite: one writer thread on a plain ``sqlite3`` connection (WAL, ``synchronous=FULL``),
  taking every row queued since its last commit, one ``executemany`` per batch between
  ``BEGIN IMMEDIATE`` and ``COMMIT``, and one ``call_soon_threadsafe`` per batch back to the
  loop.
* PostgreSQL (fsync on): the same group commit as a task on the loop, one ``asyncpg``
  ``executemany`` per batch in a transaction.

Like the relay, a socket's frames are pipelined: the next is read while earlier ones wait for
their commit (at most ``IN_FLIGHT`` per socket), and their answers go out in arrival order.
No validation, no dedupe lookup, no chat state: the relay cannot do less than this and stay
durable; it can only add little to it.
"""

from __future__ import annotations

import asyncio
import queue
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import msgspec
from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from bench.bare_forwarder import arguments, forward, greet, run_server

IN_FLIGHT = 32  # the relay's per-socket pipeline depth
BATCH_MAX = 512  # the relay's group_commit_max

Row = tuple[int, int, str, str, int, str, str, str, bool, float]

SQLITE_TABLE = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    kind VARCHAR(16) NOT NULL,
    author VARCHAR(16) NOT NULL,
    author_id INTEGER,
    author_name VARCHAR(200) NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    client_msg_id VARCHAR(64),
    visible_to_visitor BOOLEAN NOT NULL DEFAULT 1,
    ts FLOAT NOT NULL,
    CONSTRAINT uq_events_chat_seq UNIQUE (chat_id, seq),
    CONSTRAINT uq_events_client_msg UNIQUE (author, author_id, client_msg_id)
)
"""
POSTGRES_TABLE = SQLITE_TABLE.replace("id INTEGER PRIMARY KEY", "id BIGSERIAL PRIMARY KEY")
POSTGRES_TABLE = POSTGRES_TABLE.replace("ts FLOAT", "ts DOUBLE PRECISION").replace(
    "DEFAULT 1", "DEFAULT true"
)
COLUMNS = (
    "chat_id, seq, kind, author, author_id, author_name, text, client_msg_id, "
    "visible_to_visitor, ts"
)
SQLITE_INSERT = f"INSERT INTO events ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
POSTGRES_INSERT = f"INSERT INTO events ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"


class _Message(msgspec.Struct):
    text: str = ""
    client_msg_id: str = ""


_decode = msgspec.json.Decoder(_Message).decode


class Committer:
    """Counts what the writers do, for the stats file (the relay's writer keys)."""

    def __init__(self) -> None:
        self.batches = 0
        self.writes = 0
        self.tx_seconds = 0.0
        self.write_seconds = 0.0

    def stats(self) -> dict[str, Any]:
        return {
            "batches": self.batches,
            "writes": self.writes,
            "tx_count": self.batches,
            "tx_seconds": self.tx_seconds,
            "write_count": self.writes,
            "write_seconds": self.write_seconds,
        }

    def submit(self, row: Row) -> asyncio.Future[None]:
        raise NotImplementedError

    async def start(self) -> None:
        pass


class SqliteCommitter(Committer):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.queue: queue.SimpleQueue[tuple[Row, asyncio.Future[None]]] = queue.SimpleQueue()
        self.loop: asyncio.AbstractEventLoop | None = None

    async def start(self) -> None:
        self.loop = asyncio.get_running_loop()
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,), daemon=True, name="writer").start()
        await asyncio.to_thread(ready.wait, 30)

    def submit(self, row: Row) -> asyncio.Future[None]:
        assert self.loop is not None
        future = self.loop.create_future()
        self.queue.put((row, future))
        return future

    def _run(self, ready: threading.Event) -> None:
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute(SQLITE_TABLE)
        ready.set()
        assert self.loop is not None
        while True:
            batch = [self.queue.get()]
            while len(batch) < BATCH_MAX:
                try:
                    batch.append(self.queue.get_nowait())
                except queue.Empty:
                    break
            started = time.perf_counter()
            db.execute("BEGIN IMMEDIATE")
            db.executemany(SQLITE_INSERT, [row for row, _ in batch])
            wrote = time.perf_counter()
            db.execute("COMMIT")
            self.tx_seconds += time.perf_counter() - started
            self.write_seconds += wrote - started
            self.batches += 1
            self.writes += len(batch)
            self.loop.call_soon_threadsafe(_resolve, [f for _, f in batch])


class PostgresCommitter(Committer):
    def __init__(self, dsn: str) -> None:
        super().__init__()
        self.dsn = dsn
        self.pending: list[tuple[Row, asyncio.Future[None]]] = []
        self.wake = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        import asyncpg

        conn = await asyncpg.connect(self.dsn)
        await conn.execute(POSTGRES_TABLE)
        self.task = asyncio.create_task(self._run(conn))

    def submit(self, row: Row) -> asyncio.Future[None]:
        future = asyncio.get_running_loop().create_future()
        self.pending.append((row, future))
        self.wake.set()
        return future

    async def _run(self, conn: Any) -> None:
        while True:
            await self.wake.wait()
            self.wake.clear()
            batch, self.pending = self.pending[:BATCH_MAX], self.pending[BATCH_MAX:]
            if self.pending:
                self.wake.set()
            if not batch:
                continue
            started = time.perf_counter()
            async with conn.transaction():
                await conn.executemany(POSTGRES_INSERT, [row for row, _ in batch])
                wrote = time.perf_counter()
            self.tx_seconds += time.perf_counter() - started
            self.write_seconds += wrote - started
            self.batches += 1
            self.writes += len(batch)
            _resolve([f for _, f in batch])


def _resolve(futures: list[asyncio.Future[None]]) -> None:
    for future in futures:
        if not future.done():
            future.set_result(None)


def make_handler(committer: Committer) -> Any:
    async def handler(ws: ServerConnection) -> None:
        visitor = await greet(ws)
        if visitor is None:
            return
        committed: asyncio.Queue[tuple[str | bytes, asyncio.Future[None]]] = asyncio.Queue(
            IN_FLIGHT
        )

        async def answer() -> None:
            while True:
                raw, future = await committed.get()
                await future
                await forward(raw, ws)

        answering = asyncio.create_task(answer())
        seq = 0
        try:
            async for raw in ws:
                try:
                    message = _decode(raw)
                except msgspec.DecodeError:
                    continue
                seq += 1
                row: Row = (
                    visitor,
                    seq,
                    "message",
                    "visitor",
                    visitor,
                    "",
                    message.text,
                    message.client_msg_id or None,  # type: ignore[assignment]
                    True,
                    time.time(),
                )
                await committed.put((raw, committer.submit(row)))
        except ConnectionClosed:
            pass
        finally:
            answering.cancel()

    return handler


async def main() -> None:
    parser = arguments()
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--sqlite", type=Path)
    where.add_argument("--postgres")
    args = parser.parse_args()
    committer: Committer = (
        SqliteCommitter(args.sqlite) if args.sqlite else PostgresCommitter(args.postgres)
    )
    await committer.start()
    await run_server(args, make_handler(committer), committer.stats)


if __name__ == "__main__":
    asyncio.run(main())
