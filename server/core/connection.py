"""One client's WebSocket on the relay: ordered, non-blocking pushes and rate limits."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from typing import TYPE_CHECKING

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from server import protocol as p
from server.core.limits import IpLimiter, TokenBucket

if TYPE_CHECKING:
    from server.core.config import Settings

log = logging.getLogger(__name__)


class Conn:
    """Wraps a websocket. Every outgoing frame goes through one queue drained by a task that
    exists only while there is something to send, so an idle visitor costs no task.

    During the replay after (re)connecting, bus pushes are held back; when the replay is done the
    held pushes are sent, skipping events the replay already carried (by cursor). The same
    holds for a gap fill (X4, :class:`server.chats.replay.GapFill`) after the bus was cut.

    ``cursor`` is the highest cursor this client has been sent: where a gap fill starts.
    ``replayed`` is the highest cursor a replay or a fill covered (every event up to it that
    this client may see was sent): a push at or below it that comes later (the node's
    :class:`~server.core.cursor_order.CursorOrder` held it behind a gap the fill closed) is a
    copy and is not sent again."""

    __slots__ = (
        "_bucket",
        "_held",
        "_max_queued",
        "_out",
        "_pump",
        "cursor",
        "ip",
        "replayed",
        "role",
        "strikes",
        "ws",
    )

    def __init__(self, ws: ServerConnection, ip: str, settings: Settings) -> None:
        self.ws = ws
        self.ip = ip
        self.role = ""
        self.strikes = 0
        self._bucket = TokenBucket(settings.conn_rate, settings.conn_burst)
        self._max_queued = settings.max_queued_frames
        self._out: deque[str] | None = None  # made on the first send: idle visitors are many
        self._pump: asyncio.Task[None] | None = None
        self._held: list[tuple[str, int | None]] | None = None
        self.cursor = 0
        self.replayed = 0

    # -------------------------------------------------------------- sending

    def send(self, frame: p.Frame) -> None:
        """Issue 12 item 6: a list answer over MAX_PAGE_BYTES goes as several parts (the
        relay never sends a frame its clients refuse)."""
        for text in p.encode_answer(frame):
            self._enqueue(text)

    def push(self, text: str, cursor: int | None = None) -> None:
        """Bus handler."""
        if self._held is not None:
            self._held.append((text, cursor))
            return
        if cursor is not None and cursor <= self.replayed:
            return  # X4: the replay or fill sent it already
        if cursor is not None and cursor > self.cursor:
            self.cursor = cursor
        self._enqueue(text)

    @property
    def holding(self) -> bool:
        return self._held is not None

    def hold_pushes(self) -> None:
        self._held = []

    def release_pushes(self, replayed_upto: int) -> None:
        held, self._held = self._held or [], None
        self.cursor = max(self.cursor, replayed_upto)
        self.replayed = max(self.replayed, replayed_upto)
        for text, cursor in held:
            if cursor is None or cursor > replayed_upto:
                self.push(text, cursor)

    def _enqueue(self, text: str) -> None:
        if self._out is None:
            self._out = deque()
        if len(self._out) >= self._max_queued:
            # A client this far behind resumes from its cursor when it reconnects.
            self._out.clear()
            asyncio.get_running_loop().create_task(
                self.ws.close(
                    p.CLOSE_TOO_SLOW, p.close_reason("too many frames waiting; reconnect to resume")
                )
            )
            return
        self._out.append(text)
        if self._pump is None:
            self._pump = asyncio.get_running_loop().create_task(self._drain())

    async def _drain(self) -> None:
        out = self._out
        assert out is not None
        try:
            while out:
                await self.ws.send(out.popleft())
        except ConnectionClosed:
            out.clear()
        except Exception:
            log.exception("sending to %s failed", self.ip)
            out.clear()
        finally:
            self._pump = None
            if not out and self._out is out:
                # Issue 15: an idle connection (10,000 visitors) keeps no empty queue.
                self._out = None

    async def flush(self) -> None:
        """Wait until everything queued so far was handed to the socket."""
        while self._pump is not None:
            await asyncio.shield(self._pump)

    def error(self, exc: p.FrameRejected) -> None:
        self.send(exc.to_frame())

    # -------------------------------------------------------------- limits

    def allow(self, ip_limiter: IpLimiter) -> bool:
        """Take a token from this connection's and this IP's buckets."""
        ok = self._bucket.take() and ip_limiter.take(self.ip)
        self.strikes = 0 if ok else self.strikes + 1
        return ok

    async def close(self, code: int, reason: str) -> None:
        """Every close of the relay goes through here (or ``p.close_reason``): the reason is
        cut to what a close frame holds."""
        await self.flush()
        await self.ws.close(code, p.close_reason(reason))
