"""Sent files in the database (issue 16, X4: ``--files-store database``), for several nodes.

A file is a ``file_blobs`` row and its bytes in ``file_chunks`` rows of :data:`CHUNK_BYTES`
(``bytea`` on PostgreSQL, stored uncompressed; BLOB on SQLite). Any node serves any file:
a file uploaded through node 1 downloads through node 2.

* Uploads: the blob row is made ``complete = false``; each chunk is committed as it fills (with
  the blob's size and ``touched_at``); :meth:`DatabasePartial.seal` returns the write that marks
  it complete, which runs in the transaction committing the ``files`` row and its ``file``
  event: a download never sees a half file, and a crash at any point leaves either nothing
  visible or the whole file.
* Partials: deleted (in the background) when the upload fails or its connection closes; a
  partial whose node died is deleted by the sweep that each node runs at start and every
  :data:`SWEEP_SECONDS`, once untouched for :data:`PARTIAL_STALE_SECONDS` (a live upload
  touches its blob at every chunk; another node's upload in progress is never touched). An
  upload whose partial was swept (it stalled that long) fails at its next chunk and is sent
  again.
* Downloads read one chunk at a time on the event loop (:class:`ChunkSource`): a 10 MiB file
  costs a download one chunk of memory, never the file.
* Download links are signed with a key kept in ``account_settings`` (the same on every node).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import secrets
import time
from collections.abc import Awaitable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from websockets.http11 import Response

from server import protocol as p
from server.core.streaming import DownloadSlot, StreamedFile, streamed_response
from server.files.storage import ContentType, FileStorage, PartialFile
from server.store.db import read
from server.store.schema import account_settings, file_blobs, file_chunks
from server.store.writer import Write

log = logging.getLogger(__name__)

CHUNK_BYTES = 256 * 1024
"""Bytes per stored chunk: 40 rows for a 10 MiB file; one of them in memory per download."""
PARTIAL_STALE_SECONDS = 300.0
"""A partial untouched this long belongs to a dead node (or an upload stalled that long)."""
SWEEP_SECONDS = 60.0
LINK_KEY = "file_link_key"
"""The ``account_settings`` key of the download links' signing key (hex)."""


def _failed(what: str, exc: BaseException) -> OSError:
    """A database failure as the OSError the upload and download paths handle."""
    return OSError(errno.EIO, f"{what}: {type(exc).__name__}: {exc}")


class DatabaseStorage(FileStorage):
    name = "database"

    def __init__(self, engine: AsyncEngine, database_url: str) -> None:
        self.engine = engine
        self.database_url = database_url
        self._tasks: set[asyncio.Task[None]] = set()
        self._sweeper: asyncio.Task[None] | None = None

    # -------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        swept = await self.sweep()
        if swept:
            log.info("removed %d partial files left by a stopped node", swept)
        self._sweeper = asyncio.create_task(self._sweep_loop(), name="files-sweep")

    async def stop(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper
            self._sweeper = None
        if self._tasks:
            await asyncio.wait(list(self._tasks), timeout=5.0)

    async def _sweep_loop(self) -> None:
        while True:
            await asyncio.sleep(SWEEP_SECONDS)
            try:
                await self.sweep()
            except Exception as exc:  # the database is away: the next sweep tries again
                log.warning("could not sweep partial files: %s", exc)

    async def sweep(self, stale: float = PARTIAL_STALE_SECONDS) -> int:
        """Delete the partials untouched for ``stale`` seconds; returns how many."""
        cutoff = time.time() - stale
        dead = sa.select(file_blobs.c.id).where(
            file_blobs.c.complete.is_(False), file_blobs.c.touched_at < cutoff
        )
        async with self.engine.begin() as conn:
            await conn.execute(sa.delete(file_chunks).where(file_chunks.c.blob_id.in_(dead)))
            result = await conn.execute(
                sa.delete(file_blobs).where(
                    file_blobs.c.complete.is_(False), file_blobs.c.touched_at < cutoff
                )
            )
        return int(result.rowcount or 0)

    def spawn(self, work: Awaitable[None]) -> None:
        async def run() -> None:
            try:
                await work
            except Exception as exc:  # left for the sweep
                log.warning("could not delete a file's bytes: %s", exc)

        task = asyncio.get_running_loop().create_task(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def delete(self, blob_id: str) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(sa.delete(file_chunks).where(file_chunks.c.blob_id == blob_id))
            await conn.execute(sa.delete(file_blobs).where(file_blobs.c.id == blob_id))

    # -------------------------------------------------------------- uploads and downloads

    async def begin(self, file_id: str) -> PartialFile:
        try:
            async with self.engine.begin() as conn:
                await conn.execute(
                    sa.insert(file_blobs).values(
                        id=file_id, complete=False, size=0, touched_at=time.time()
                    )
                )
        except sa.exc.SQLAlchemyError as exc:
            raise _failed("the database refused a new file", exc) from exc
        return DatabasePartial(self, file_id)

    async def open(
        self, base: Response, file_id: str, slot: DownloadSlot, content_type: ContentType
    ) -> StreamedFile:
        def size_of(conn: Connection) -> int | None:
            query = sa.select(file_blobs.c.size).where(
                file_blobs.c.id == file_id, file_blobs.c.complete.is_(True)
            )
            value = conn.execute(query).scalar()
            return None if value is None else int(value)

        size = await read(self.engine, size_of)
        if size is None:
            raise FileNotFoundError(file_id)
        source = ChunkSource(self.engine, file_id)
        first = await source.peek()
        return streamed_response(base, size, content_type(first[:16]), slot, async_source=source)

    def free_bytes(self) -> int | None:
        return None  # the database's disk is not this machine's

    async def link_key(self) -> bytes:
        """Made once by whichever node asks first; every node reads the same."""
        values = {"key": LINK_KEY, "value": secrets.token_hex(32)}
        statement: Any
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects import postgresql

            statement = postgresql.insert(account_settings).values(values)
        else:
            from sqlalchemy.dialects import sqlite

            statement = sqlite.insert(account_settings).values(values)
        statement = statement.on_conflict_do_nothing(index_elements=["key"])
        async with self.engine.begin() as conn:
            await conn.execute(statement)
            value = (
                await conn.execute(
                    sa.select(account_settings.c.value).where(account_settings.c.key == LINK_KEY)
                )
            ).scalar_one()
        return bytes.fromhex(value)

    def stored(self) -> list[Path]:
        """Blocking, through a connection of its own (tests call it from the relay's loop)."""

        async def query() -> list[Path]:
            engine = create_async_engine(self.database_url, poolclass=sa.pool.NullPool)
            try:
                async with engine.connect() as conn:
                    rows = (
                        await conn.execute(sa.select(file_blobs.c.id, file_blobs.c.complete))
                    ).all()
            finally:
                await engine.dispose()
            base = Path("database")
            return [base / r.id if r.complete else base / "partial" / f"{r.id}.part" for r in rows]

        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, query()).result(timeout=30)


class DatabasePartial(PartialFile):
    def __init__(self, storage: DatabaseStorage, blob_id: str) -> None:
        self.storage = storage
        self.blob_id = blob_id
        self.buffer = bytearray()
        self.seq = 0
        self.size = 0
        self.gone = False

    async def write(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) >= CHUNK_BYTES:
            piece = bytes(self.buffer[:CHUNK_BYTES])
            del self.buffer[:CHUNK_BYTES]
            await self._flush(piece)

    async def _flush(self, piece: bytes) -> None:
        try:
            async with self.storage.engine.begin() as conn:
                await conn.execute(
                    sa.insert(file_chunks).values(blob_id=self.blob_id, seq=self.seq, data=piece)
                )
                touched = await conn.execute(
                    sa.update(file_blobs)
                    .where(file_blobs.c.id == self.blob_id, file_blobs.c.complete.is_(False))
                    .values(size=file_blobs.c.size + len(piece), touched_at=time.time())
                )
                if touched.rowcount != 1:
                    raise OSError(errno.ENOENT, "the partial file was removed (stalled too long)")
        except sa.exc.SQLAlchemyError as exc:
            raise _failed("the database refused the file's bytes", exc) from exc
        self.seq += 1
        self.size += len(piece)

    async def seal(self) -> Write[None] | None:
        if self.buffer:
            piece = bytes(self.buffer)
            self.buffer.clear()
            await self._flush(piece)
        blob_id, size = self.blob_id, self.size

        def complete(conn: Connection) -> None:
            done = conn.execute(
                sa.update(file_blobs)
                .where(
                    file_blobs.c.id == blob_id,
                    file_blobs.c.complete.is_(False),
                    file_blobs.c.size == size,
                )
                .values(complete=True, touched_at=time.time())
            )
            if done.rowcount != 1:
                raise p.FrameRejected("internal", "the relay lost the file's bytes: send it again")

        return complete

    def discard(self) -> None:
        if not self.gone:
            self.gone = True
            self.buffer.clear()
            self.storage.spawn(self.storage.delete(self.blob_id))

    async def delete(self) -> None:
        if self.gone:
            return
        self.gone = True
        self.buffer.clear()
        try:
            await self.storage.delete(self.blob_id)
        except Exception as exc:  # left for the sweep
            log.warning("could not delete a file's bytes: %s", exc)


class ChunkSource:
    """A download's body: the file's chunks, read one at a time as the socket takes them."""

    def __init__(self, engine: AsyncEngine, blob_id: str) -> None:
        self.engine = engine
        self.blob_id = blob_id
        self.seq = 0
        self.chunk = memoryview(b"")

    async def _next(self) -> None:
        seq = self.seq

        def chunk(conn: Connection) -> bytes:
            query = sa.select(file_chunks.c.data).where(
                file_chunks.c.blob_id == self.blob_id, file_chunks.c.seq == seq
            )
            return bytes(conn.execute(query).scalar() or b"")

        try:
            data = await read(self.engine, chunk)
        except (sa.exc.SQLAlchemyError, RuntimeError) as exc:  # RuntimeError: engine disposed
            raise _failed("the database did not give the file's bytes", exc) from exc
        self.seq += 1
        self.chunk = memoryview(data)

    async def peek(self) -> bytes:
        """The first bytes, without consuming them."""
        if not self.chunk:
            await self._next()
        return bytes(self.chunk[:16])

    async def read(self, size: int) -> bytes:
        if not self.chunk:
            await self._next()
        piece = bytes(self.chunk[:size])
        self.chunk = self.chunk[size:]
        return piece

    def close(self) -> None:
        self.chunk = memoryview(b"")
