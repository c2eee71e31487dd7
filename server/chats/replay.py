"""Replay after (re)connecting: the chat events a client missed since its cursor, in pages;
and the same for every live connection after the bus was cut (X4, :class:`GapFill`)."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.store.db import read
from server.store.schema import events

if TYPE_CHECKING:
    from server.core.connection import Conn

log = logging.getLogger(__name__)

REPLAY_PAGE = 500


async def replay(
    engine: AsyncEngine, conn: Conn, page: Callable[[Any, int | None], Any], after: int | None
) -> int:
    """Send every event after ``after`` in pages of ``page(db, after)`` (flushing between
    pages, so a long gap does not pile up in memory); returns the newest cursor sent."""
    while True:
        events = await read(engine, page, after)
        for event in events:
            conn.send(p.EventPush(event=event))
            after = event.cursor
        if len(events) < REPLAY_PAGE:
            return after or 0
        await conn.flush()


Page = Callable[[Any, "int | None"], Any]

FILL_CONCURRENCY = 8
"""Connections replayed at once during a gap fill (each replay is a read on the pool)."""
FILL_RETRY = 1.0
"""Seconds before a fill that failed (the database down) is tried again."""
FILL_PAUSE = 0.1
"""Seconds between two rounds asked for back to back (a cut bus, several nodes writing)."""


class GapFill:
    """X4: the committed events a node's clients may have missed while the bus was cut (or a
    pushed event was lost), from the database, by each connection's cursor.

    A round holds every tracked connection's pushes at once, reads the newest cursor (and tells
    ``on_point``: the node's :class:`~server.core.cursor_order.CursorOrder` may move past any
    gap up to there), then replays each connection from its cursor through the same path as a
    reconnect (:func:`replay`) and releases its pushes, which skips what the replay sent: no
    event twice, none out of order. Rounds never overlap; asked for during one, another
    follows it. A connection still in its welcome when a round begins (its own replay may have
    read before the round) gets a fill of its own when it is tracked."""

    def __init__(self, engine: AsyncEngine, *, enabled: bool = True) -> None:
        """``enabled``: False for a bus that is never cut (one node): nothing is tracked."""
        self.engine = engine
        self.enabled = enabled
        self.on_point: Callable[[int], None] | None = None
        self._live: dict[Conn, Page] = {}
        self._round: asyncio.Task[None] | None = None
        self._again = False
        self.rounds = 0
        """Rounds begun; a connection tracked after one began is filled on its own."""
        self.failures = 0

    def track(self, conn: Conn, page: Page, since: int) -> None:
        """``conn`` is live and its welcome replay is done; ``since`` is :attr:`rounds` from
        before the connection held its pushes for that replay."""
        if not self.enabled:
            return
        self._live[conn] = page
        if since != self.rounds and not conn.holding:
            conn.hold_pushes()
            asyncio.get_running_loop().create_task(self._fill_one(conn, page))

    def forget(self, conn: Conn) -> None:
        self._live.pop(conn, None)

    def request(self) -> None:
        """Fill every connection (now, or after the round running)."""
        if self._round is not None:
            self._again = True
            return
        self._round = asyncio.get_running_loop().create_task(self._rounds(), name="gap-fill")

    async def close(self) -> None:
        if self._round is not None:
            self._round.cancel()
            await asyncio.wait([self._round])
            self._round = None

    async def _rounds(self) -> None:
        try:
            while True:
                self._again = False
                try:
                    await self._fill_all()
                except asyncio.CancelledError:
                    raise
                except Exception:
                    self.failures += 1
                    log.exception("gap fill failed; retrying")
                    self._again = True
                    await asyncio.sleep(FILL_RETRY * random.uniform(0.5, 1.5))
                if not self._again:
                    return
                await asyncio.sleep(FILL_PAUSE)
        finally:
            self._round = None

    async def _fill_all(self) -> None:
        self.rounds += 1
        conns = [(c, page) for c, page in self._live.items() if not c.holding]
        for conn, _ in conns:
            conn.hold_pushes()
        try:
            point = await read(self.engine, max_cursor)
        except BaseException:
            for conn, _ in conns:
                conn.release_pushes(conn.cursor)
            raise
        log.info("gap fill: %d connections, up to cursor %d", len(conns), point)
        if self.on_point is not None:
            self.on_point(point)
        gate = asyncio.Semaphore(FILL_CONCURRENCY)

        async def one(conn: Conn, page: Page) -> None:
            async with gate:
                await self._fill_one(conn, page)

        results = await asyncio.gather(*(one(c, page) for c, page in conns), return_exceptions=True)
        errors = [r for r in results if isinstance(r, Exception)]
        if errors:
            raise errors[0]

    async def _fill_one(self, conn: Conn, page: Page) -> None:
        """``conn`` holds its pushes: replay it from its cursor, then release them."""
        upto = conn.cursor
        try:
            if conn in self._live:
                upto = max(upto, await replay(self.engine, conn, page, conn.cursor))
        finally:
            conn.release_pushes(upto)


def max_cursor(db: Any) -> int:
    return int(db.execute(sa.select(sa.func.max(events.c.id))).scalar() or 0)
