"""Chat logic shared by the agent and visitor handlers: store first, then acknowledge and push.

Nothing is acknowledged or forwarded before its group commit. Pushes go through the bus only.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.actions.blocks import unless_blocked
from server.chats import archive, fast_messages, ladder
from server.chats import reads as chat_reads
from server.chats import writes as chat_writes
from server.core import bus as topics
from server.core.bus import OFFERS, Bus
from server.core.metrics import Metrics
from server.store.db import read
from server.store.writer import GroupWriter, Write

if TYPE_CHECKING:
    from server.chats.routing import Router
    from server.core.connection import Conn


class ChatService:
    def __init__(
        self, engine: AsyncEngine, writer: GroupWriter, bus: Bus, metrics: Metrics, max_chars: int
    ) -> None:
        self.engine = engine
        self.writer = writer
        self.bus = bus
        self.metrics = metrics
        self.max_chars = max_chars
        self.router: Router | None = None
        """Routes new chats (N3, C5); without one every online agent gets the offer."""
        self.on_closed: Callable[[chat_writes.ChatChange], None] = lambda _change: None
        """Told of every visitor chat that closes, whatever closed it (an agent, the last agent
        leaving, a block): the webhooks' chat_finished (K3)."""
        self.on_new_chat: Callable[[int], None] = lambda _visitor_id: None
        """A visitor's first message opened a chat (R1: its CRM client may be new)."""
        self.on_channel_reply: Callable[[], None] = lambda: None
        """An agent wrote in a channel chat (C10): wake the channels' outbox."""

    # -------------------------------------------------------------- helpers

    def check_text(self, frame: p.SendMessage) -> str:
        text = frame.text.strip()
        if not text:
            raise p.FrameRejected("empty_message", "the message is empty", frame.id)
        if len(frame.text) > self.max_chars:
            raise p.FrameRejected(
                "message_too_long",
                f"a message may have at most {self.max_chars} characters",
                frame.id,
            )
        return frame.text

    def _publish_event(self, change: chat_writes.ChatChange) -> None:
        """An event goes to the visitor, the chat's agents, and, while the chat is offered, to
        every agent taking new chats."""
        event = change.event
        text = p.encode(p.EventPush(event=event))
        if change.chat.visitor_id is not None and change.to_visitor:
            self.bus.publish(topics.visitor_topic(change.chat.visitor_id), text, event.cursor)
        if change.chat.state == "offered":
            self.bus.publish(OFFERS, text, event.cursor)
        for agent_id in change.participants:
            self.bus.publish(topics.agent_topic(agent_id), text, event.cursor)
        if event.kind == "closed" and change.chat.kind == "visitor":
            self.on_closed(change)

    async def chat_info(self, chat_id: int) -> p.ChatInfo | None:
        return await read(self.engine, chat_reads.chat_info, chat_id)

    def _ack(self, conn: Conn, frame: p.SendMessage, change: chat_writes.ChatChange) -> None:
        conn.send(
            p.MessageAcked(
                id=frame.id,
                client_msg_id=frame.client_msg_id,
                chat_id=change.event.chat_id,
                seq=change.event.seq,
                cursor=change.event.cursor,
                ts=change.event.ts,
                duplicate=change.duplicate,
            )
        )

    # -------------------------------------------------------------- visitor side

    async def visitor_message(
        self,
        conn: Conn,
        frame: p.SendMessage,
        visitor_id: int,
        site_id: int,
        agents_online: bool,
        received: float,
        *,
        invited_by: tuple[int, str, str] | None = None,
        rule: int | None = None,
    ) -> None:
        """``rule``: the V3 invitation the visitor has open (a new chat answers it, S1)."""
        text = self.check_text(frame)
        # V2: the reply to an invitation goes to the inviting agent, not through the router.
        route = None
        if self.router is not None and invited_by is None:
            route = ladder.route_new(self.router.online_agents())
        plain = unless_blocked(  # C8
            site_id,
            visitor_id,
            conn.ip,
            chat_writes.visitor_message(
                visitor_id,
                site_id,
                frame.client_msg_id,
                text,
                agents_online,
                route,
                opening=invited_by,  # B7: the invitation the visitor answers comes first
                rule=rule,
            ),
        )
        change = await self.writer.run(
            fast_messages.VisitorMessage(
                plain=plain,
                client_msg_id=frame.client_msg_id,
                text=text,
                visitor_id=visitor_id,
                site_id=site_id,
                ip=conn.ip,
            )
        )
        self._ack(conn, frame, change)
        if change.duplicate:
            return
        await self.announce_visitor_change(change, visitor_id, invited_by)
        self.metrics.delivery_latency.observe(time.perf_counter() - received)

    async def announce_visitor_change(
        self,
        change: chat_writes.ChatChange,
        visitor_id: int,
        invited_by: tuple[int, str, str] | None = None,
    ) -> None:
        """After a visitor's message is committed (the widget's, or one that came in on a
        channel, server.channels): offer a new chat through the router, push the event."""
        self.metrics.messages.labels("visitor").inc()
        if change.info is not None and invited_by is not None:
            await self._start_invited(change, invited_by)  # V2: never offered to the others
        elif change.info is not None:  # a new chat: offer it (read in the same transaction)
            if self.router is not None and change.route is not None:
                change.route.info = change.info
                self.router.publish(change.route)
            else:
                self.bus.publish(OFFERS, p.encode(p.ChatOffered(chat=change.info)))
        if change.info is None or invited_by is None:
            self._publish_event(change)
        if change.info is not None:
            self.on_new_chat(visitor_id)

    async def _start_invited(
        self, change: chat_writes.ChatChange, invited_by: tuple[int, str, str]
    ) -> None:
        """V2: the reply to an agent's invitation starts a chat already assigned to that agent
        (never offered to the others)."""
        agent_id, agent_name, _text = invited_by
        chat_id = change.event.chat_id
        accepted = await self.writer.run(chat_writes.accept_chat(agent_id, agent_name, chat_id))
        info = await self.chat_info(chat_id)
        if info is not None:
            self.bus.publish(topics.agent_topic(agent_id), p.encode(p.ChatOpened(chat=info)))
        text = p.encode(p.EventPush(event=change.event))
        self.bus.publish(topics.visitor_topic(change.chat.visitor_id), text, change.event.cursor)
        self.bus.publish(topics.agent_topic(agent_id), text, change.event.cursor)
        self._publish_event(accepted)
        if info is not None:  # the visitor list shows the chat as active
            self.bus.publish(topics.AGENTS, p.encode(p.ChatStateChanged(chat=info)))

    async def visitor_typing(self, visitor_id: int, active: bool) -> None:
        chat, members = await read(self.engine, chat_reads.open_chat_with_members, visitor_id)
        if chat is None:
            return
        text = p.encode(p.TypingChanged(chat_id=chat.id, who="visitor", active=active))
        if chat.state == "offered":
            self.bus.publish(OFFERS, text)
        for agent_id in members:
            self.bus.publish(topics.agent_topic(agent_id), text)

    # -------------------------------------------------------------- agent side

    async def agent_message(
        self,
        conn: Conn,
        frame: p.SendMessage,
        agent: p.AgentInfo,
        received: float,
        *,
        also: Callable[[chat_writes.ChatChange], Write[Any]] | None = None,
    ) -> None:
        """``also``: what to store with a new message (C11: the agent's own words of a
        translated reply) before it is acknowledged and pushed."""
        if frame.chat_id is None:
            raise p.FrameRejected("invalid", "agents must name the chat", frame.id)
        text = self.check_text(frame)
        plain = chat_writes.agent_message(
            agent.id, agent.name, frame.chat_id, frame.client_msg_id, text, frame.via
        )
        by_channel = frame.via not in (None, "chat")
        if by_channel:  # C10: with its outbox row, which only the plain write adds
            change = await self.writer.run(plain)
        else:
            change = await self.writer.run(
                fast_messages.AgentMessage(
                    plain=plain,
                    client_msg_id=frame.client_msg_id,
                    text=text,
                    agent_id=agent.id,
                    agent_name=agent.name,
                    chat_id=frame.chat_id,
                )
            )
        if also is not None and not change.duplicate:
            await self.writer.run(also(change))
        self._ack(conn, frame, change)
        if change.duplicate:
            return
        self.metrics.messages.labels("agent").inc()
        self._publish_event(change)
        if by_channel or getattr(change.chat, "channel_id", None) is not None:
            self.on_channel_reply()  # C10: its outbox row is in the message's commit
        self.metrics.delivery_latency.observe(time.perf_counter() - received)

    async def accept(self, conn: Conn, frame: p.AcceptChat, agent: p.AgentInfo) -> None:
        change = await self.writer.run(
            chat_writes.accept_chat(agent.id, agent.name, frame.chat_id, webhook=True)
        )
        conn.send(p.Ok(id=frame.id))
        self.bus.publish(
            topics.AGENTS,
            p.encode(p.ChatTaken(chat_id=frame.chat_id, agent_id=agent.id, agent_name=agent.name)),
        )
        self._publish_event(change)

    async def close(self, conn: Conn, frame: p.CloseChat, agent: p.AgentInfo) -> None:
        change = await self.writer.run(chat_writes.close_chat(agent.id, agent.name, frame.chat_id))
        conn.send(p.Ok(id=frame.id))
        self._publish_event(change)
        info = await self.chat_info(frame.chat_id)
        if info is not None:
            self.bus.publish(topics.AGENTS, p.encode(p.ChatStateChanged(chat=info)))

    async def visible_chat(
        self, chat_id: int, agent: p.AgentInfo, request_id: int | None
    ) -> tuple[Any, list[int]]:
        """The chat and its agents, if ``agent`` may read it (else ``not_found`` or
        ``not_in_chat``): a participant, an admin (visitor chats), the archive's rule."""
        return await self._visible_chat(chat_id, agent, request_id)

    async def _visible_chat(
        self, chat_id: int, agent: p.AgentInfo, request_id: int | None
    ) -> tuple[Any, list[int]]:
        chat, members = await read(self.engine, chat_reads.chat_with_members, chat_id)
        if chat is None:
            raise p.FrameRejected("not_found", "no such chat", request_id)
        admin_may = agent.role == "admin" and chat.kind == "visitor"
        if (
            chat.state != "offered"
            and agent.id not in members
            and not admin_may
            and not await read(self.engine, archive.may_read, chat_id, agent)
        ):
            raise p.FrameRejected("not_in_chat", "you are not in this chat", request_id)
        return chat, members

    async def search_archive(self, conn: Conn, frame: p.SearchArchive, agent: p.AgentInfo) -> None:
        found, total = await read(self.engine, archive.search, agent, frame)
        del found[p.fit_page(found, keep_last=False) :]  # issue 12 item 6
        conn.send(p.ArchivePage(id=frame.id, chats=found, total=total))

    async def history(self, conn: Conn, frame: p.History, agent: p.AgentInfo) -> None:
        await self._visible_chat(frame.chat_id, agent, frame.id)
        events = await read(
            self.engine, chat_reads.history, frame.chat_id, frame.before_seq, frame.limit
        )
        # Issue 12 item 6: a page the app would refuse (256 KiB) dropped its connection on
        # every attempt to open a long chat; keep the newest events that fit.
        del events[: len(events) - p.fit_page(events, keep_last=True)]
        more = bool(events) and events[0].seq > 1
        conn.send(p.HistoryPage(id=frame.id, chat_id=frame.chat_id, events=events, more=more))

    async def agent_typing(self, frame: p.Typing, agent: p.AgentInfo) -> None:
        if frame.chat_id is None:
            raise p.FrameRejected("invalid", "agents must name the chat")
        chat, members = await self._visible_chat(frame.chat_id, agent, None)
        if agent.id not in members:
            return
        text = p.encode(
            p.TypingChanged(
                chat_id=chat.id,
                who="agent",
                active=frame.active,
                agent_id=agent.id,
                name=agent.name,
            )
        )
        self.bus.publish(topics.visitor_topic(chat.visitor_id), text)
        for other in members:
            if other != agent.id:
                self.bus.publish(topics.agent_topic(other), text)

    # -------------------------------------------------------------- colleagues (T2)

    async def open_direct(self, conn: Conn, frame: p.OpenDirectChat, agent: p.AgentInfo) -> None:
        chat_id, made = await self.writer.run(
            chat_writes.open_direct_chat(agent.id, frame.agent_id)
        )
        info = await self.chat_info(chat_id)
        assert info is not None
        conn.send(p.ChatOpened(chat=info, id=frame.id))
        if made:
            self.bus.publish(topics.agent_topic(frame.agent_id), p.encode(p.ChatOpened(chat=info)))

    # -------------------------------------------------------------- receipts (C19)

    async def visitor_receipt(self, visitor_id: int, frame: p.Receipt) -> None:
        change = await self.writer.run(
            chat_writes.visitor_receipt(visitor_id, frame.seq, frame.read)
        )
        if change is None:
            return
        text = p.encode(
            p.ReceiptChanged(
                chat_id=change.chat_id,
                reader="visitor",
                delivered_seq=change.delivered_seq,
                read_seq=change.read_seq,
            )
        )
        for agent_id in change.members:
            self.bus.publish(topics.agent_topic(agent_id), text)

    async def agent_receipt(self, frame: p.Receipt, agent: p.AgentInfo) -> None:
        if frame.chat_id is None:
            raise p.FrameRejected("invalid", "agents must name the chat")
        change = await self.writer.run(
            chat_writes.agent_receipt(agent.id, frame.chat_id, frame.seq)
        )
        if change is None or change.visitor_id is None:
            return
        text = p.encode(
            p.ReceiptChanged(
                chat_id=change.chat_id,
                reader="agent",
                delivered_seq=change.delivered_seq,
                read_seq=change.read_seq,
            )
        )
        self.bus.publish(topics.visitor_topic(change.visitor_id), text)
        for other in change.members:
            if other != agent.id:
                self.bus.publish(topics.agent_topic(other), text)
