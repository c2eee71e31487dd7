"""The widget's callback request (P2): a thin handler. The number is read and refused in
:mod:`server.phone.callbacks`; the chat is announced by :class:`ChatService` like any new chat.
Limited per address here (the relay's token buckets, shared with the other nodes, X4) and per
visitor in the write (a count in the database)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.actions.blocks import unless_blocked
from server.chats import ladder
from server.chats.service import ChatService
from server.core import bus as topics
from server.core.bus import Bus
from server.core.config import Settings
from server.core.frames import serves
from server.core.shared_limits import SharedIpLimiter
from server.phone import callbacks
from server.store.db import read
from server.store.writer import GroupWriter

if TYPE_CHECKING:
    from server.core.sessions import VisitorSession


class CallbackFrames:
    def __init__(
        self,
        engine: AsyncEngine,
        writer: GroupWriter,
        chats: ChatService,
        bus: Bus,
        settings: Settings,
        wake_webhooks: Callable[[], None],
    ) -> None:
        self.engine = engine
        self.writer = writer
        self.chats = chats
        self.per_hour = settings.callbacks_per_visitor_hour
        per_ip = settings.callbacks_per_ip_hour
        self.ip_limiter = SharedIpLimiter(
            per_ip / 3600.0, per_ip, bus=bus, node_id=settings.node_id,
            topic=topics.LIMITS_CALLBACKS, max_ips=20_000,
        )  # fmt: skip
        self.wake_webhooks = wake_webhooks

    @serves(p.RequestCallback, role="visitor")
    async def request_callback(self, s: VisitorSession, frame: p.RequestCallback) -> None:
        site = await read(self.engine, callbacks.site_settings, s.site_id)
        if site is None or not site.callbacks:
            raise p.FrameRejected("callbacks_off", "this site takes no callback requests", frame.id)
        number = callbacks.checked_number(frame.number, callbacks.country_of(site), frame.id)
        if not self.ip_limiter.take(s.conn.ip):
            raise p.FrameRejected(
                "rate_limited", "too many callback requests from here: try again later", frame.id
            )
        router = self.chats.router
        route = ladder.route_new(router.online_agents()) if router is not None else None
        change = await self.writer.run(
            unless_blocked(  # C8
                s.site_id,
                s.visitor_id,
                s.conn.ip,
                callbacks.request(
                    s.visitor_id, s.site_id, number, frame.time.strip(), frame.id, route,
                    self.per_hour,
                ),
            )
        )  # fmt: skip
        s.conn.send(p.CallbackRequested(id=frame.id, chat_id=change.event.chat_id, number=number))
        if change.duplicate:
            return
        self.wake_webhooks()  # the call_event row is in that commit
        await self.chats.announce_visitor_change(change, s.visitor_id)
