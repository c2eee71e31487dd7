"""Group commit: every write of the relay goes through one writer.

A write is a plain function of a SQLAlchemy ``Connection``. The writer takes every write that
is waiting, runs them in one transaction, commits once, then answers each caller. Nothing waits
on a timer: while one commit is in flight the next batch gathers by itself, so an idle relay
commits at once and a busy one commits many messages per fsync.

How a batch runs depends on the database:

* SQLite: the whole batch runs in the writer's own thread on a plain ``sqlite3`` connection,
  one hop from the event loop per batch. (Through aiosqlite every statement is several hops
  to its thread, which cost more than SQLite itself: measured 1.8 ms of 2.4 ms per message.)
* PostgreSQL: the batch runs through the async driver (``run_sync``), and first takes a
  transaction-scoped advisory lock, so that with several relay nodes cursors are committed in
  the order they are handed out and a client resuming from a cursor never skips a late commit.

Being the only writer also serialises the allocation of per-chat ``seq`` and of the cursor.
With several nodes (X4) a writer given ``on_commit`` also reads, under that lock, the highest
cursor before and after the batch, and after the commit (before any caller is answered, so
before any push of the batch) tells ``on_commit(prev, last)`` when the batch wrote events: the
bus passes that span on, and every node pushes events in cursor order by it
(``server.core.cursor_order``).

The writes that come by the thousand (messages) are :class:`Batched`: next to each other in a
batch, they run together through their kind's ``runner``, as prepared DB-API statements
(issue 15: SQLAlchemy's statement pipeline cost 6x what SQLite did for the same SQL). What the
runner cannot do the fast way (a duplicate, a refusal, a new chat) it hands back as ``PLAIN``,
and the write then runs the plain way, as any other.

A write that raises (a refusal such as ``no_agents_online`` or ``blocked``, which anonymous
visitors can cause at will) must not cost its neighbours their group commit (security review
finding 9). A savepoint around every write cost two statements per message, so the batch first
runs without them: a batched write's plain way, where the refusals are, runs in a savepoint of
its own; any other write that raises rolls the attempt back (nothing was committed), and the
batch runs again, in a new transaction, with each write in its own SAVEPOINT, so only that
write rolls back and the batch still commits once. Only a failure of the batch itself (the
commit, the advisory lock) falls back to running each write alone.
"""

from __future__ import annotations

import abc
import asyncio
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ClassVar, TypeVar

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger(__name__)

T = TypeVar("T")
Write = Callable[[Connection], T]

# An arbitrary constant: the advisory lock that orders event cursors across nodes.
CURSOR_LOCK_KEY = 0x6A69766F
_MAX_CURSOR = sa.text("SELECT max(id) FROM events")


class WriterClosed(RuntimeError):
    pass


class _Plain:
    def __repr__(self) -> str:
        return "PLAIN"


PLAIN: Any = _Plain()
"""A runner's answer for a write it did not do (and wrote nothing for): run it the plain way."""

Runner = Callable[[Connection, Sequence[Any]], list[Any]]


class Batched(abc.ABC):
    """A write that may run together with the writes of the same ``runner`` next to it in a
    batch. Called, it runs alone the plain way. ``runner(conn, writes)`` returns, for each
    write in order, its result or ``PLAIN``; it raises only when the database fails (the
    attempt is then rolled back and each write runs in its own savepoint)."""

    runner: ClassVar[Runner]

    @abc.abstractmethod
    def __call__(self, conn: Connection) -> Any: ...


class _Failed:
    """A write that raised inside its savepoint; the batch went on without it."""

    __slots__ = ("error",)

    def __init__(self, error: Exception) -> None:
        self.error = error


class _Unisolated(Exception):
    """A write raised while the batch ran without savepoints: run it again with them."""


class GroupWriter:
    def __init__(
        self,
        engine: AsyncEngine,
        *,
        max_batch: int = 512,
        on_batch: Callable[[int], None] | None = None,
        sync_engine: sa.Engine | None = None,
    ) -> None:
        """``sync_engine``: a plain engine on the same SQLite file; given, batches run in the
        writer's own thread through it."""
        self._engine = engine
        self._sync_engine = sync_engine
        self._thread = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite-writer")
            if sync_engine is not None
            else None
        )
        self._on_batch = on_batch
        self._max_batch = max_batch
        self._queue: asyncio.Queue[tuple[Write[Any], asyncio.Future[Any]]] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._postgres = engine.dialect.name == "postgresql"
        self.on_commit: Callable[[int, int], None] | None = None
        """X4: told ``(prev, last)`` after each commit that wrote events (see above)."""
        self._span: tuple[int, int] | None = None
        self.batches = 0
        self.writes = 0
        self.isolated_reruns = 0
        """Batches run a second time with a savepoint per write (a write raised)."""

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="group-writer")

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        while not self._queue.empty():
            _, fut = self._queue.get_nowait()
            if not fut.done():
                fut.set_exception(WriterClosed("the relay is shutting down"))
        if self._thread is not None:
            self._thread.shutdown(wait=True)
        if self._sync_engine is not None:
            self._sync_engine.dispose()

    async def run(self, write: Write[T]) -> T:
        """Run ``write`` in the next committed batch and return its result after the commit."""
        if self._task is None or self._task.done():
            raise WriterClosed("the writer is not running")
        fut: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((write, fut))
        return await fut

    async def _run(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while len(batch) < self._max_batch and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            batch = [(w, f) for w, f in batch if not f.cancelled()]
            if batch:
                await self._commit(batch)

    async def _commit(self, batch: list[tuple[Write[Any], asyncio.Future[Any]]]) -> None:
        self.batches += 1
        self.writes += len(batch)
        if self._on_batch is not None:
            self._on_batch(len(batch))
        try:
            results = await self._transaction([w for w, _ in batch])
            self._announce()
        except asyncio.CancelledError:
            for _, fut in batch:
                if not fut.done():
                    fut.set_exception(WriterClosed("the relay is shutting down"))
            raise
        except Exception as exc:
            if len(batch) == 1:
                _settle(batch[0][1], error=exc)
                return
            # One bad write must not fail its neighbours: run each alone to find it.
            for write, fut in batch:
                try:
                    (result,) = await self._transaction([write])
                    self._announce()
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    _settle(fut, error=exc)
                else:
                    _settle(fut, result=result)
            return
        for (_, fut), result in zip(batch, results, strict=True):
            if isinstance(result, _Failed):
                _settle(fut, error=result.error)
            else:
                _settle(fut, result=result)

    def _announce(self) -> None:
        span, self._span = self._span, None
        if span is not None and self.on_commit is not None and span[1] > span[0]:
            try:
                self.on_commit(*span)
            except Exception:
                log.exception("commit listener failed")

    async def _transaction(self, writes: list[Write[Any]]) -> list[Any]:
        """One committed transaction for ``writes`` (one commit even when a write raised and
        the work was done again with savepoints)."""
        if self._sync_engine is not None:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._thread, self._run_in_thread, writes)
        try:
            async with self._engine.begin() as conn:
                return await conn.run_sync(self._run_batch, writes, False)
        except _Unisolated:
            self.isolated_reruns += 1
        async with self._engine.begin() as conn:
            return await conn.run_sync(self._run_batch, writes, True)

    def _run_in_thread(self, writes: list[Write[Any]]) -> list[Any]:
        assert self._sync_engine is not None
        try:
            with self._sync_engine.begin() as conn:
                return self._run_batch(conn, writes, False)
        except _Unisolated:
            self.isolated_reruns += 1
        with self._sync_engine.begin() as conn:
            return self._run_batch(conn, writes, True)

    def _run_batch(self, conn: Connection, writes: list[Write[Any]], isolate: bool) -> list[Any]:
        self._span = None
        if self._postgres:
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": CURSOR_LOCK_KEY})
        if self.on_commit is None:
            return self._run_writes(conn, writes, isolate)
        prev = conn.execute(_MAX_CURSOR).scalar() or 0
        results = self._run_writes(conn, writes, isolate)
        self._span = (prev, conn.execute(_MAX_CURSOR).scalar() or 0)
        return results

    def _run_writes(self, conn: Connection, writes: list[Write[Any]], isolate: bool) -> list[Any]:
        if len(writes) == 1:
            # Alone: its failure is the transaction's, no savepoint.
            (write,) = writes
            if isinstance(write, Batched):
                (result,) = type(write).runner(conn, [write])
                if result is not PLAIN:
                    return [result]
            return [write(conn)]
        if isolate:
            return [_in_savepoint(conn, _alone(write)) for write in writes]
        results: list[Any] = []
        for run in _runs(writes):
            first = run[0]
            if isinstance(first, Batched):
                done = type(first).runner(conn, run)
                for write, result in zip(run, done, strict=True):
                    # The plain way is where a batched write's refusals are: in a savepoint.
                    results.append(_in_savepoint(conn, write) if result is PLAIN else result)
                continue
            try:
                results.append(first(conn))
            except Exception as exc:
                raise _Unisolated() from exc  # rolls this attempt back
        return results


def _runs(writes: list[Write[Any]]) -> list[list[Any]]:
    """The batch cut into runs: each batched write with the writes of its runner next to it,
    every other write alone; in order."""
    runs: list[list[Any]] = []
    runner: Runner | None = None
    for write in writes:
        mine = type(write).runner if isinstance(write, Batched) else None
        if mine is not None and mine is runner:
            runs[-1].append(write)
        else:
            runs.append([write])
        runner = mine
    return runs


def _alone(write: Write[Any]) -> Write[Any]:
    """``write`` as a plain write: a batched one through its runner first."""
    if not isinstance(write, Batched):
        return write

    def alone(conn: Connection) -> Any:
        (result,) = type(write).runner(conn, [write])
        return write(conn) if result is PLAIN else result

    return alone


def _in_savepoint(conn: Connection, write: Write[Any]) -> Any:
    savepoint = conn.begin_nested()
    try:
        result = write(conn)
    except Exception as exc:
        # Only this write rolls back; if even that fails the transaction is broken, and the
        # error goes up to the batch (which then runs each write alone).
        savepoint.rollback()
        return _Failed(exc)
    savepoint.commit()
    return result


def _settle(
    fut: asyncio.Future[Any], *, result: Any = None, error: BaseException | None = None
) -> None:
    if fut.done():
        return
    if error is not None:
        fut.set_exception(error)
    else:
        fut.set_result(result)
