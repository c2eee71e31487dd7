"""The chat state machine's clock and pushes (N3, C5): offers, ignores, time-outs, misses.

The decisions and their storage are in :mod:`server.chats.ladder`; this module runs them: it
routes a new chat, handles ``ignore_chat``, and keeps one timer, the earliest round deadline in
the database. The timer is re-read from the database after every change and on start, so a
restarted relay continues each chat's ladder where it was (a round that ran out meanwhile
ends at once). B6: the timer also carries the drop-out rows of agents gone offline with open
chats; on start it first writes one for every agent a crash left holding chats.

X4, several nodes: every node runs this timer on the same rows, and each step is claimed in
its write (the chat's row locked and its round checked again, the drop-out row deleted), so
exactly one node carries it out, and any node does when the one that set it is dead. A new
deadline is hinted to the other nodes on :data:`TIMERS` (they wake and read it); without the
hint they read it at the latest ``MAX_WAIT`` later.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Collection, Sequence
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.chats import dropouts, ladder
from server.chats import reads as chat_reads
from server.core import bus as topics
from server.core.bus import ROUTED, Bus
from server.core.frames import serves
from server.store.db import read
from server.store.writer import GroupWriter, WriterClosed

if TYPE_CHECKING:
    from server.core.sessions import AgentSession

log = logging.getLogger(__name__)

MAX_WAIT = 30.0
"""Re-read the next deadline at least this often (another node may have set an earlier one)."""
TIMERS = "timers"
"""Bus topic, node to node: a timer row was written (wake up and read the next deadline)."""


async def _settled() -> None:
    pass


class Router:
    def __init__(
        self,
        engine: AsyncEngine,
        writer: GroupWriter,
        bus: Bus,
        online_agents: Callable[[], Sequence[int]],
        on_missed: Callable[[int], None] = lambda _chat_id: None,
        *,
        orphan_grace: float = 60.0,
        connected: Callable[[], Collection[int]] = lambda: (),
        settled: Callable[[], Awaitable[None]] = _settled,
    ) -> None:
        self.engine = engine
        self.connected = connected
        """X4: the agents connected to any node (online or away)."""
        self.settled = settled
        """X4: waits for the other nodes' first presence announcements."""
        self.orphan_grace = orphan_grace
        self.requeued = 0
        self.writer = writer
        self.bus = bus
        self.online_agents = online_agents
        self.on_missed = on_missed  # K3: a missed chat is a finished one for the webhooks
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._recovered = False
        self.timeouts = 0

    # -------------------------------------------------------------- the timer

    def start(self) -> None:
        """Called before the relay listens (see ``_recover``)."""
        self.bus.subscribe(TIMERS, self._hinted)
        self.bus.on_reconnect(self.wake)  # hints may have been lost while it was cut off
        self._task = asyncio.create_task(self._run(), name="routing-timer")

    async def stop(self) -> None:
        self.bus.unsubscribe(TIMERS, self._hinted)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def wake(self) -> None:
        """A deadline changed: look again."""
        self._wake.set()

    def _hinted(self, _text: str, _cursor: int | None) -> None:
        self._wake.set()

    def timers_changed(self) -> None:
        """A timer row was committed: this node and the others look again."""
        self._wake.set()
        self.bus.publish(TIMERS, "")

    async def _run(self) -> None:
        while True:
            try:
                if not self._recovered:
                    await self._recover()
                    self._recovered = True
                await self._tick()
            except asyncio.CancelledError:
                raise
            except WriterClosed:
                return
            except Exception:
                log.exception("routing timer failed; retrying")
                await asyncio.sleep(1.0)

    async def _tick(self) -> None:
        self._wake.clear()
        deadline = await read(self.engine, ladder.next_deadline)
        now = time.time()
        if deadline is not None and deadline <= now:
            for agent_id, due_at in await read(self.engine, dropouts.due_dropouts, now):
                if agent_id in self.connected():
                    # X4: she is connected to another node (or came back there): she keeps
                    # her chats; the row is claimed and dropped.
                    await self.writer.run(dropouts.cancel_dropout(agent_id, due_at))
                    continue
                for requeued in await self.writer.run(
                    dropouts.requeue_dropped(agent_id, due_at, self.online_agents())
                ):
                    self._publish_requeued(requeued)
            for chat_id, round_ in await read(self.engine, ladder.due, now):
                offer = await self.writer.run(
                    ladder.advance(chat_id, round_, self.online_agents(), "timeout")
                )
                if offer is not None:
                    self.timeouts += 1
                    await self.publish_round(offer)
            return
        wait = MAX_WAIT if deadline is None else min(MAX_WAIT, deadline - now)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), wait)

    async def _recover(self) -> None:
        """B6 after a crash: a relay killed without its shutdown wrote no drop-out rows for the
        agents it lost. Every agent still holding an open visitor chat gets one now, due after
        the grace period: she reconnects in time and keeps her chats, or they go back to
        routing. Nobody can be connected to a node that has just started (this is the timer
        task's first write, queued before the relay listens; a later sign-in's ``agent_back``
        is queued after it). With several nodes this is a presence check: only agents
        connected to no node get a row (see ``dropouts.note_dropouts_at_start``), once the
        other nodes' first announcements are in (bounded: ``Presence.settled``)."""
        await self.settled()
        noted = await self.writer.run(
            dropouts.note_dropouts_at_start(
                time.time() + self.orphan_grace, tuple(self.connected())
            )
        )
        if noted:
            log.info(
                "%d agent(s) held open chats at start: requeued unless back in time", len(noted)
            )

    # -------------------------------------------------------------- pushes

    def publish(self, offer: ladder.Offer) -> None:
        """A new round: the toast for its agents. A miss: the visitor's offline form (through
        the ``missed`` event) and every agent's toast goes."""
        self.timers_changed()
        if offer.missed:
            self.on_missed(offer.chat_id)
            if offer.event is not None and offer.visitor_id is not None:
                text = p.encode(p.EventPush(event=offer.event))
                self.bus.publish(topics.visitor_topic(offer.visitor_id), text, offer.event.cursor)
            if offer.info is not None:
                self.bus.publish(topics.AGENTS, p.encode(p.ChatStateChanged(chat=offer.info)))
            return
        if offer.info is None:
            return
        text = p.encode(p.ChatOffered(chat=offer.info))
        # B2: Visitantes shows the chat as waiting, also while nobody can take it.
        self.bus.publish(ROUTED, text)
        for agent_id in offer.recipients:
            self.bus.publish(topics.agent_topic(agent_id), text)

    async def publish_round(self, offer: ladder.Offer) -> None:
        """``publish`` after reading the chat as the round left it."""
        if not offer.missed and offer.info is None:
            offer.info = await read(self.engine, chat_reads.chat_info, offer.chat_id)
        self.publish(offer)

    def _publish_requeued(self, requeued: dropouts.Requeued) -> None:
        """B6: the visitor (and any colleague still in the chat) sees the event; a chat nobody
        is in any more is offered again."""
        change = requeued.change
        event = change.event
        dropped = event.author_id  # hers, on both the requeued and the left event
        for answered in requeued.cancelled:  # her pending transfers: their targets are told
            frame = p.encode(answered)
            self.bus.publish(topics.agent_topic(answered.agent_id), frame)
            if dropped is not None:
                self.bus.publish(topics.agent_topic(dropped), frame)
        text = p.encode(p.EventPush(event=event))
        if change.chat.visitor_id is not None:
            self.bus.publish(topics.visitor_topic(change.chat.visitor_id), text, event.cursor)
        for agent_id in change.participants:
            self.bus.publish(topics.agent_topic(agent_id), text, event.cursor)
        if requeued.offer is None:
            return
        self.requeued += 1
        if event.author_name:
            log.info(
                "chat %s went back to routing (%s dropped off)", event.chat_id, event.author_name
            )
        self.publish(requeued.offer)
        # Whoever is offered it now also gets the event (it follows the offer's history).
        for agent_id in requeued.offer.recipients:
            self.bus.publish(topics.agent_topic(agent_id), text, event.cursor)

    # -------------------------------------------------------------- presence (B6)

    async def agent_gone(self, agent_id: int) -> None:
        """The agent's last connection closed: her chats go back to routing after the grace
        period unless she returns (a timer row, so any node may carry it out)."""
        try:
            noted = await self.writer.run(
                dropouts.note_dropout(agent_id, time.time() + self.orphan_grace)
            )
        except WriterClosed:
            return
        if noted:
            self.timers_changed()

    async def agents_gone(self, agent_ids: Sequence[int]) -> None:
        """X4: a node died holding these agents, connected to no node now: the drop-out rows
        its shutdown did not write (none replaces a row already there)."""
        try:
            noted = await self.writer.run(
                dropouts.note_dropouts_of(agent_ids, time.time() + self.orphan_grace)
            )
        except WriterClosed:
            return
        if noted:
            log.info("%d agent(s) of a dead node held open chats", len(noted))
            self.timers_changed()

    async def agent_away(self, agent_id: int) -> None:
        """The agent went away: an offer round waiting on her alone moves on to the others now
        rather than at its deadline (an away agent is offered nothing). Not when she goes
        offline: a relay stopping closes every connection, and a restart must not move every
        chat on a round."""
        try:
            offers = await self.writer.run(ladder.step_aside(agent_id, self.online_agents()))
        except WriterClosed:
            return
        for offer in offers:
            await self.publish_round(offer)

    async def agent_back(self, agent_id: int) -> None:
        try:
            await self.writer.run(dropouts.cancel_dropout(agent_id))
        except WriterClosed:
            return

    # -------------------------------------------------------------- requests

    @serves(p.IgnoreChat)
    async def ignore(self, s: AgentSession, frame: p.IgnoreChat) -> None:
        result = await self.writer.run(
            ladder.ignore(s.agent_id, s.agent.name, frame.chat_id, self.online_agents())
        )
        s.conn.send(p.Ok(id=frame.id))
        if result.offer is not None:
            await self.publish_round(result.offer)

    @serves(p.SetAssignedAgent)
    async def set_assigned_agent(self, s: AgentSession, frame: p.SetAssignedAgent) -> None:
        await self.writer.run(ladder.set_assigned_agent(frame.visitor_id, frame.agent_id))
        s.conn.send(p.Ok(id=frame.id))
