"""Replay after (re)connecting: the chat events a client missed since its cursor, in pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.store.db import read

if TYPE_CHECKING:
    from server.core.connection import Conn

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
