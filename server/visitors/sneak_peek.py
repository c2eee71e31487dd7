"""Sneak peek (C17): agents see what a visitor is typing before it is sent, on the sites where an
admin turned it on.

The widget sends ``draft`` frames; they are forwarded to the agents of the visitor's open chat
(and to everyone taking new chats while it is offered) only when the site has sneak peek on.
The setting is cached a few seconds per site: drafts come several times a second per visitor.
A change of a site's settings, on any node, drops that site's entry on every node at once
(:data:`~server.core.bus.SITE_SETTINGS`, X4); a bus that was cut drops them all (a hint may
have been lost). The cache's time bounds what a lost hint can cost.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.chats import reads as chat_reads
from server.chats.service import OFFERS
from server.core import bus as topics
from server.core.bus import Bus
from server.core.frames import serves
from server.files import repo as files_repo
from server.store.db import read
from server.store.writer import GroupWriter

if TYPE_CHECKING:
    from server.core.sessions import AgentSession, VisitorSession

CACHE_SECONDS = 5.0


class SneakPeek:
    def __init__(self, engine: AsyncEngine, writer: GroupWriter, bus: Bus, max_chars: int) -> None:
        self.engine = engine
        self.writer = writer
        self.bus = bus
        self.max_chars = max_chars
        self._cache: dict[int, tuple[bool, float]] = {}
        bus.subscribe(topics.SITE_SETTINGS, self._site_changed)
        bus.on_reconnect(self._cache.clear)

    def close(self) -> None:
        self.bus.unsubscribe(topics.SITE_SETTINGS, self._site_changed)

    def _site_changed(self, text: str, _cursor: int | None) -> None:
        try:
            self._cache.pop(int(text), None)
        except ValueError:
            pass

    @serves(p.SetSneakPeek, role="admin")
    async def set_from_agent(self, s: AgentSession, frame: p.SetSneakPeek) -> None:
        await self.set(frame.site_id, frame.enabled, request_id=frame.id)
        s.conn.send(p.Ok(id=frame.id))

    async def set(self, site_id: int, enabled: bool, *, request_id: int | None = None) -> None:
        """Turn sneak peek on or off for a site (widgets learn it when they next connect; drafts
        of a site where it is off are dropped from now on)."""
        if not await self.writer.run(files_repo.set_sneak_peek(site_id, enabled)):
            raise p.FrameRejected("not_found", "no such site", request_id)
        self.bus.publish(topics.SITE_SETTINGS, str(site_id))  # every node's cache (X4)
        self._cache[site_id] = (enabled, time.monotonic())

    async def enabled(self, site_id: int) -> bool:
        # Cached a few seconds; a change on any node drops the entry (SITE_SETTINGS).
        cached = self._cache.get(site_id)
        if cached is not None and time.monotonic() - cached[1] < CACHE_SECONDS:
            return cached[0]
        enabled = await read(self.engine, files_repo.sneak_peek, site_id)
        self._cache[site_id] = (enabled, time.monotonic())
        return enabled

    @serves(p.Draft, role="visitor")
    async def draft(self, s: VisitorSession, frame: p.Draft) -> None:
        if not await self.enabled(s.site_id):
            return  # never forwarded when the site has it off, whatever a widget sends
        chat, members = await read(self.engine, chat_reads.open_chat_with_members, s.visitor_id)
        if chat is None:
            return
        push = p.encode(p.DraftChanged(chat_id=chat.id, text=frame.text[: self.max_chars]))
        if chat.state == "offered":
            self.bus.publish(OFFERS, push)
        for agent_id in members:
            self.bus.publish(topics.agent_topic(agent_id), push)
