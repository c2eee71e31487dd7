"""Agents' availability on the relay: their status (online / away), published to colleagues,
and whether visitors may start a chat (an agent online and inside the working hours, K5).

:class:`server.account.presence.Presence` counts who is connected, on every node (X4); this
service changes it for ``set_status`` and for agents connecting and leaving, and tells everyone
concerned. A change made on this node is pushed by this node; what another node's silence (its
death) changed is pushed by one node, the leader (``Presence.is_leader``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.account import agents as agents_repo
from server.account.presence import Changes, Presence, Status
from server.chats import reads as chat_reads
from server.chats.routing import Router
from server.chats.service import OFFERS
from server.core import bus as topics
from server.core.bus import Bus
from server.core.frames import serves
from server.store.db import read

if TYPE_CHECKING:
    from server.core.sessions import AgentSession

log = logging.getLogger(__name__)


class Availability:
    def __init__(
        self,
        engine: AsyncEngine,
        bus: Bus,
        presence: Presence,
        router: Router,
        is_open: Callable[[], bool],
    ) -> None:
        self.engine = engine
        self.bus = bus
        self.presence = presence
        self.router = router
        self.is_open = is_open
        self._tasks: set[asyncio.Task[None]] = set()
        presence.on_change = self._elsewhere
        self.on_status: Callable[[int, str], None] = lambda _agent_id, _status: None
        """S1: told each change of an agent's status made on this node (the reporting log)."""

    def agents_available(self) -> bool:
        """Visitors may start a chat: an agent is online and it is working hours (K5)."""
        return self.presence.online_count() > 0 and self.is_open()

    def announce(self, online_before: int | None) -> None:
        """Visitors learn when the first agent came online or the last one left;
        ``online_before`` None: the working hours began or ended."""
        online_now = self.presence.online_count()
        if online_before is None or (online_before > 0) != (online_now > 0):
            self.bus.publish(
                topics.VISITORS, p.encode(p.AgentsAvailable(online=self.agents_available()))
            )

    def publish_presence(self, agent: p.AgentInfo) -> None:
        self.bus.publish(topics.AGENTS, p.encode(p.AgentPresence(agent=agent)))

    def connected(self, agent: p.AgentInfo, status: Status) -> None:
        """One more connection of ``agent`` (signed in with ``status``)."""
        online_before = self.presence.online_count()
        if self.presence.connect(agent.id, status):
            self.on_status(agent.id, self.presence.status(agent.id))
            self.publish_presence(agent)
        self.announce(online_before)

    async def disconnected(self, agent: p.AgentInfo) -> None:
        """One connection of ``agent`` closed; its last one makes it offline."""
        online_before = self.presence.online_count()
        left = self.presence.disconnect(agent.id)
        if left.last_here:
            # B6: her chats go back to routing after a grace period (stored before her
            # colleagues see her offline). Also while she is connected to another node (or
            # two nodes lose her at once): the timer asks the presence again when it is due.
            await self.router.agent_gone(agent.id)
        if left.changed:
            self.on_status(agent.id, self.presence.status(agent.id))
            self.publish_presence(
                p.AgentInfo(
                    id=agent.id,
                    name=agent.name,
                    email=agent.email,
                    role=agent.role,
                    status=self.presence.status(agent.id),
                )
            )
        self.announce(online_before)

    def _elsewhere(self, changes: Changes) -> None:
        """Another node's message (or its silence) changed what nobody has pushed yet."""
        task = asyncio.get_running_loop().create_task(self._push_changes(changes))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _push_changes(self, changes: Changes) -> None:
        try:
            for agent_id in changes.gone:  # S1: a dead node wrote no offline row (the leader's)
                self.on_status(agent_id, "offline")
            if changes.gone:
                await self.router.agents_gone(changes.gone)
            for agent_id in changes.push:
                row = await read(self.engine, agents_repo.agent_row, agent_id)
                if row is not None:
                    self.publish_presence(agents_repo.agent_info(row, self.presence.status(row.id)))
            if changes.announce:
                self.announce(None)
            for agent_id in changes.missed:  # X4: lost while the bus was cut; ours only
                row = await read(self.engine, agents_repo.agent_row, agent_id)
                if row is not None:
                    info = agents_repo.agent_info(row, self.presence.status(row.id))
                    self.bus.publish_here(topics.AGENTS, p.encode(p.AgentPresence(agent=info)))
            if changes.announce_here:
                available = p.AgentsAvailable(online=self.agents_available())
                self.bus.publish_here(topics.VISITORS, p.encode(available))
        except Exception:
            log.exception("pushing another node's presence changes failed")

    async def stop(self) -> None:
        tasks: list[Any] = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    @serves(p.SetStatus)
    async def set_status(self, s: AgentSession, frame: p.SetStatus) -> None:
        conn = s.conn
        online_before = self.presence.online_count()
        if self.presence.set_status(s.agent_id, frame.status):
            self.on_status(s.agent_id, self.presence.status(s.agent_id))
        s.with_status(frame.status)
        if frame.status == "online":
            self.bus.subscribe(OFFERS, conn.push)  # a set: subscribing twice is harmless
        else:
            self.bus.unsubscribe(OFFERS, conn.push)
        conn.send(p.Ok(id=frame.id))
        if frame.status == "away":
            await self.router.agent_away(s.agent_id)  # B6/N3: her personal offers move on
        if frame.status == "online":
            # Back from away: the chats that waited meanwhile show up as offers now.
            for chat in await read(self.engine, chat_reads.offered_chats, s.agent_id):
                conn.send(p.ChatOffered(chat=chat))
        self.publish_presence(s.agent)
        self.announce(online_before)
