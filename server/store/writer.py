"""Group commit: every write of the relay goes through one writer task.

A write is a coroutine function taking a connection. The writer takes every write that is
waiting, runs them in one transaction, commits once, then answers each caller. Nothing waits on
a timer: while one commit is in flight the next batch gathers by itself, so an idle relay commits
at once and a busy one commits many messages per fsync.

Being the only writer also serialises the allocation of per-chat ``seq`` and of the global
cursor. With PostgreSQL, where several relay nodes may write, each batch first takes a
transaction-scoped advisory lock so that cursors are committed in the order they are handed out
and a client resuming from a cursor can never skip a late commit.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = logging.getLogger(__name__)

T = TypeVar("T")
Write = Callable[[AsyncConnection], Awaitable[T]]

# An arbitrary constant: the advisory lock that orders event cursors across nodes.
CURSOR_LOCK_KEY = 0x6A69766F


class WriterClosed(RuntimeError):
    pass


class GroupWriter:
    def __init__(
        self,
        engine: AsyncEngine,
        *,
        max_batch: int = 512,
        on_batch: Callable[[int], None] | None = None,
    ) -> None:
        self._engine = engine
        self._on_batch = on_batch
        self._max_batch = max_batch
        self._queue: asyncio.Queue[tuple[Write[Any], asyncio.Future[Any]]] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._postgres = engine.dialect.name == "postgresql"
        self.batches = 0
        self.writes = 0

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
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    _settle(fut, error=exc)
                else:
                    _settle(fut, result=result)
            return
        for (_, fut), result in zip(batch, results, strict=True):
            _settle(fut, result=result)

    async def _transaction(self, writes: list[Write[Any]]) -> list[Any]:
        async with self._engine.begin() as conn:
            if self._postgres:
                await conn.execute(
                    sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": CURSOR_LOCK_KEY}
                )
            return [await write(conn) for write in writes]


def _settle(
    fut: asyncio.Future[Any], *, result: Any = None, error: BaseException | None = None
) -> None:
    if fut.done():
        return
    if error is not None:
        fut.set_exception(error)
    else:
        fut.set_result(result)
