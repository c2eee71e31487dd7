"""Offline messages for agents (V6) and a returning client's earlier chats: the relay's side.

What visitors leave in the offline form is listed for every agent (pushed live as it
arrives), marked handled, and answered by e-mail through the relay's mailer to the address the
visitor gave. Store first, then answer and push; every push goes through the bus (AGENTS), so
another node's agents see it too. Any signed-in agent may use these frames (visitors cannot:
they are agent frames only).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.account.mailer import Mailer, MailError
from server.chats import archive
from server.core import bus as topics
from server.core.bus import Bus
from server.core.config import Settings
from server.core.frames import serves
from server.store.db import read
from server.store.writer import GroupWriter
from server.visitors import offline_repo as orepo

if TYPE_CHECKING:
    from server.core.sessions import AgentSession

log = logging.getLogger(__name__)


class OfflineService:
    def __init__(
        self,
        engine: AsyncEngine,
        writer: GroupWriter,
        bus: Bus,
        settings: Settings,
        base_url: Callable[[], str],
    ) -> None:
        self.engine = engine
        self.writer = writer
        self.bus = bus
        self.mailer = Mailer(settings)
        self.base_url = base_url

    @serves(p.ListOfflineMessages)
    async def list_messages(self, s: AgentSession, frame: p.ListOfflineMessages) -> None:
        found = await read(self.engine, orepo.offline_messages_list, frame.handled, frame.limit)
        s.conn.send(p.OfflineMessageList(id=frame.id, messages=found))

    @serves(p.MarkOfflineHandled)
    async def mark_handled(self, s: AgentSession, frame: p.MarkOfflineHandled) -> None:
        info = await self.writer.run(
            orepo.mark_handled(frame.message_id, s.agent_id, frame.handled)
        )
        s.conn.send(p.Ok(id=frame.id))
        self._changed(info)

    @serves(p.ClientHistory)
    async def client_history(self, s: AgentSession, frame: p.ClientHistory) -> None:
        chats = await read(
            self.engine, archive.client_history, s.agent, frame.visitor_id, frame.limit
        )
        if chats is None:
            raise p.FrameRejected("forbidden", "not one of your clients", frame.id)
        s.conn.send(p.ClientHistoryPage(id=frame.id, visitor_id=frame.visitor_id, chats=chats))

    async def added(self, message_id: int) -> None:
        """A visitor left an offline message: every agent's list shows it now."""
        info = await read(self.engine, orepo.offline_message, message_id)
        if info is not None:
            self.bus.publish(topics.AGENTS, p.encode(p.OfflineMessageAdded(message=info)))

    @serves(p.ReplyOfflineMessage)
    async def reply(self, s: AgentSession, frame: p.ReplyOfflineMessage) -> None:
        """Answer by e-mail to the address the visitor gave; marked handled once sent."""
        conn, agent = s.conn, s.agent
        info = await read(self.engine, orepo.offline_message, frame.message_id)
        if info is None:
            raise p.FrameRejected("not_found", "no such offline message", frame.id)
        if not frame.text.strip():
            raise p.FrameRejected("empty_message", "the answer is empty", frame.id)
        if not self.mailer.configured:
            raise p.FrameRejected(
                "mail_failed", "the relay has no SMTP server set (JIVO_RELAY_SMTP_HOST)", frame.id
            )
        message = self.mailer.offline_reply(
            to=info.email,
            name=info.name,
            text=frame.text,
            agent=agent.name,
            site=info.site_name,
            original=info.text,
            when=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(info.created_at)),
            relay_host=urlsplit(self.base_url()).hostname or "localhost",
        )
        try:
            await self.mailer.send(message)
        except MailError as exc:
            log.info("offline reply %s not sent: %s", info.id, exc)
            raise p.FrameRejected(
                "mail_failed", f"the e-mail was not sent: {exc}", frame.id
            ) from None
        changed = await self.writer.run(
            orepo.mark_handled(frame.message_id, agent.id, True, replied=True)
        )
        conn.send(p.Ok(id=frame.id))
        self._changed(changed)

    def _changed(self, info: p.OfflineMessageInfo) -> None:
        self.bus.publish(topics.AGENTS, p.encode(p.OfflineMessageChanged(message=info)))
