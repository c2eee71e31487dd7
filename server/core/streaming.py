"""HTTP responses streamed from a file (finding 8), beside websockets' ``process_request``.

websockets (17) answers a plain HTTP request with one ``Response`` whose ``body`` is bytes: the
whole file in memory, plus a copy in the socket's write buffer while a slow reader takes it
(the review measured 335 MiB for 20 readers of one 10 MiB file). websockets has no streamed
body, so the relay's connection class (``create_connection=``) takes over a request whose route
answered with a :class:`StreamedFile`: it writes the head, then the file in chunks of
``CHUNK_BYTES``, waiting for the socket's write buffer (websockets' 32 KiB high-water mark) to
drain before reading the next chunk. A download holds at most one chunk and that buffer.

websockets applies ``open_timeout`` to the whole handshake, which would cut a slow download;
the relay passes ``open_timeout=None`` and this class applies :data:`HANDSHAKE_TIMEOUT` to the
handshake itself (a half-sent request is still dropped after 10 s), while a download is cut
only when its reader takes nothing for ``stall_timeout`` seconds.

:class:`Downloads` bounds how many run at once, per client address and per node.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import os
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any, Protocol, TypeVar

from websockets.asyncio.server import ServerConnection
from websockets.http11 import SERVER, Request, Response

log = logging.getLogger(__name__)

T = TypeVar("T")

CHUNK_BYTES = 64 * 1024
HANDSHAKE_TIMEOUT = 10.0
"""Seconds a client has to send its request (and the relay to decide the answer)."""


class AsyncSource(Protocol):
    """A body read on the event loop (the database files store, server/files/db_store.py):
    ``read`` returns at most ``size`` bytes (b"" at the end) and raises OSError on failure."""

    async def read(self, size: int) -> bytes: ...

    def close(self) -> None: ...


@dataclasses.dataclass
class StreamedFile(Response):
    """A response whose body is ``length`` bytes read from ``source`` (a file, read on the
    downloads' threads) or ``async_source`` while they are sent."""

    source: IO[bytes] | None = None
    length: int = 0
    slot: DownloadSlot | None = None
    async_source: AsyncSource | None = None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            if self.source is not None:
                self.source.close()
            if self.async_source is not None:
                self.async_source.close()
        self.source = None
        self.async_source = None
        if self.slot is not None:
            self.slot.release()
            self.slot = None


class DownloadSlot:
    __slots__ = ("_owner", "connection", "ip")

    def __init__(self, owner: Downloads, ip: str) -> None:
        self._owner: Downloads | None = owner
        self.ip = ip
        self.connection: ServerConnection | None = None

    def release(self) -> None:
        if self._owner is not None:
            self._owner._release(self)
            self._owner = None


class Downloads:
    """Streamed downloads running on this node: at most ``per_ip`` per client address and
    ``total`` in all. A request beyond waits up to ``queue_seconds`` for one to end (a page
    with a few image previews opens several at once), with at most ``per_ip`` waiting per
    address; then it is refused."""

    def __init__(self, per_ip: int, total: int, queue_seconds: float = 0.0) -> None:
        self.per_ip = per_ip
        self.total = total
        # The wait is part of answering the request, which HANDSHAKE_TIMEOUT bounds.
        self.queue_seconds = min(queue_seconds, HANDSHAKE_TIMEOUT - 2.0)
        self._by_ip: dict[str, int] = {}
        self._waiting: dict[str, int] = {}
        self._slots: set[DownloadSlot] = set()
        self._freed = asyncio.Event()
        # File reads of downloads on threads of their own: the default pool also runs argon2,
        # sealing uploads and more, and a download must not wait behind them (nor they behind it).
        self._reader = ThreadPoolExecutor(max_workers=4, thread_name_prefix="download-read")

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` on the downloads' reading threads."""
        return await asyncio.get_running_loop().run_in_executor(self._reader, fn, *args)

    def close(self) -> None:
        self.abort_all()
        self._reader.shutdown(wait=False, cancel_futures=True)

    def try_acquire(self, ip: str) -> DownloadSlot | None:
        if len(self._slots) >= self.total or self._by_ip.get(ip, 0) >= self.per_ip:
            return None
        self._by_ip[ip] = self._by_ip.get(ip, 0) + 1
        slot = DownloadSlot(self, ip)
        self._slots.add(slot)
        return slot

    async def acquire(self, ip: str) -> DownloadSlot | None:
        """A slot, or None when none came free in time (or too many wait already)."""
        slot = self.try_acquire(ip)
        if slot is not None or self.queue_seconds <= 0:
            return slot
        if self._waiting.get(ip, 0) >= self.per_ip:
            return None
        self._waiting[ip] = self._waiting.get(ip, 0) + 1
        try:
            async with asyncio.timeout(self.queue_seconds):
                while slot is None:
                    self._freed.clear()
                    await self._freed.wait()
                    slot = self.try_acquire(ip)
        except TimeoutError:
            return None
        finally:
            left = self._waiting[ip] - 1
            if left > 0:
                self._waiting[ip] = left
            else:
                del self._waiting[ip]
        return slot

    def waiting(self, ip: str) -> int:
        return self._waiting.get(ip, 0)

    def _release(self, slot: DownloadSlot) -> None:
        self._slots.discard(slot)
        left = self._by_ip.get(slot.ip, 0) - 1
        if left > 0:
            self._by_ip[slot.ip] = left
        else:
            self._by_ip.pop(slot.ip, None)
        self._freed.set()

    def running(self, ip: str | None = None) -> int:
        return len(self._slots) if ip is None else self._by_ip.get(ip, 0)

    def abort_all(self) -> None:
        """The relay stops: cut every download now rather than wait for slow readers."""
        for slot in list(self._slots):
            if slot.connection is not None:
                slot.connection.transport.abort()


def open_streamed(
    base: Response, path: Path, slot: DownloadSlot, content_type: Callable[[bytes], str]
) -> StreamedFile:
    """``base`` (status and headers, as ``server.core.http.respond`` makes them) with the file at
    ``path`` as its body; ``content_type`` gets the file's first 16 bytes. Blocking: call it
    in a thread. Raises FileNotFoundError."""
    source = path.open("rb")
    try:
        length = os.fstat(source.fileno()).st_size
        first = source.read(16)
        source.seek(0)
    except BaseException:
        source.close()
        raise
    return streamed_response(base, length, content_type(first), slot, source=source)


def streamed_response(
    base: Response,
    length: int,
    content_type: str,
    slot: DownloadSlot,
    *,
    source: IO[bytes] | None = None,
    async_source: AsyncSource | None = None,
) -> StreamedFile:
    """``base`` with a body of ``length`` bytes from ``source`` or ``async_source``."""
    headers = base.headers
    del headers["Content-Type"]
    del headers["Content-Length"]
    headers["Content-Type"] = content_type
    headers["Content-Length"] = str(length)
    return StreamedFile(
        base.status_code,
        base.reason_phrase,
        headers,
        source=source,
        length=length,
        slot=slot,
        async_source=async_source,
    )


def streaming_connection(downloads: Downloads, stall_timeout: float) -> type[ServerConnection]:
    """The relay's ``create_connection``: a ServerConnection that can stream files."""

    class RelayConnection(StreamingConnection):
        pass

    RelayConnection.downloads = downloads
    RelayConnection.stall_timeout = stall_timeout
    return RelayConnection


ProcessRequest = Callable[[ServerConnection, Request], Awaitable[Response | None] | Response | None]


class StreamingConnection(ServerConnection):
    downloads: Downloads
    stall_timeout: float = 60.0

    async def handshake(
        self,
        process_request: ProcessRequest | None = None,
        process_response: Any = None,
        server_header: str | None = SERVER,
    ) -> None:
        async with asyncio.timeout(HANDSHAKE_TIMEOUT):
            await asyncio.wait(
                [self.request_rcvd, self.connection_lost_waiter],
                return_when=asyncio.FIRST_COMPLETED,
            )
            response: Response | None = None
            failure: Exception | None = None
            if self.request is not None and process_request is not None:
                try:
                    answer = process_request(self, self.request)
                    response = await answer if isinstance(answer, Awaitable) else answer
                except Exception as exc:
                    failure = exc
            if not isinstance(response, StreamedFile):
                # Everything but a streamed file: websockets' own handshake, with the answer
                # already decided (a failure is logged and answered 500 there, as before).
                def decided(_c: ServerConnection, _r: Request) -> Response | None:
                    if failure is not None:
                        raise failure
                    return response

                await super().handshake(decided, process_response, server_header)
                return
        await self._stream(response, server_header)

    async def _stream(self, response: StreamedFile, server_header: str | None) -> None:
        transport = self.transport
        try:
            if response.slot is not None:
                response.slot.connection = self
            if server_header is not None:
                response.headers["Server"] = server_header
            response.headers["Connection"] = "close"
            head = Response(response.status_code, response.reason_phrase, response.headers)
            transport.write(head.serialize())
            left = response.length
            source, async_source = response.source, response.async_source
            assert source is not None or async_source is not None
            while left > 0 and not transport.is_closing():
                size = min(CHUNK_BYTES, left)
                if async_source is not None:
                    chunk = await async_source.read(size)
                else:
                    assert source is not None
                    chunk = await self.downloads.run(source.read, size)
                if not chunk:
                    break  # the file shrank: the reader sees a short body
                left -= len(chunk)
                transport.write(chunk)
                del chunk
                async with asyncio.timeout(self.stall_timeout):
                    await self.drain()
            if not transport.is_closing():
                # Everything out of the buffer before closing: websockets aborts the transport
                # (dropping what is buffered) when the handshake returns.
                transport.set_write_buffer_limits(high=0)
                async with asyncio.timeout(self.stall_timeout):
                    await self.drain()
                if transport.can_write_eof():
                    transport.write_eof()
                transport.close()
                async with asyncio.timeout(self.stall_timeout):
                    await asyncio.shield(self.connection_lost_waiter)
        except (TimeoutError, OSError) as exc:
            log.info("download to %s cut: %s", self.remote_address, type(exc).__name__)
        finally:
            response.close()
            if not transport.is_closing():
                transport.abort()
