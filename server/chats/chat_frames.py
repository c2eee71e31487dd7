"""The chat frames of agents and visitors: messages (and C10 comments), typing, receipts,
accepting and closing, history, the archive search and direct chats between colleagues (T2).

Thin: each handler names the sender for :class:`ChatService`, which stores first and then
answers and pushes. A visitor writes to its own open chat only; its first message starts one,
offered to the agents (N3) or, when it answers an agent's invitation, given to that agent (V2).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from server import protocol as p
from server.account.availability import Availability
from server.actions.service import ActionService
from server.chats.service import ChatService
from server.core.frames import received_at, serves
from server.visitors.invitations import Invitations

if TYPE_CHECKING:
    from server.core.sessions import AgentSession, VisitorSession


class ChatFrames:
    def __init__(
        self,
        chats: ChatService,
        actions: ActionService,
        availability: Availability,
        invitations: Invitations,
        wake_webhooks: Callable[[], None],
    ) -> None:
        self.chats = chats
        self.actions = actions
        self.availability = availability
        self.invitations = invitations
        self.wake_webhooks = wake_webhooks

    # -------------------------------------------------------------- agents

    @serves(p.SendMessage)
    async def agent_message(self, s: AgentSession, frame: p.SendMessage) -> None:
        if frame.comment:
            await self.actions.comment(s.conn, frame, s.agent, received_at())
        else:
            await self.chats.agent_message(s.conn, frame, s.agent, received_at())

    @serves(p.AcceptChat)
    async def accept(self, s: AgentSession, frame: p.AcceptChat) -> None:
        await self.chats.accept(s.conn, frame, s.agent)  # with its webhook row
        self.wake_webhooks()

    @serves(p.CloseChat)
    async def close(self, s: AgentSession, frame: p.CloseChat) -> None:
        await self.chats.close(s.conn, frame, s.agent)

    @serves(p.Typing)
    async def agent_typing(self, s: AgentSession, frame: p.Typing) -> None:
        await self.chats.agent_typing(frame, s.agent)

    @serves(p.Receipt)
    async def agent_receipt(self, s: AgentSession, frame: p.Receipt) -> None:
        await self.chats.agent_receipt(frame, s.agent)

    @serves(p.History, fresh_role=True)  # admins may read any visitor chat
    async def history(self, s: AgentSession, frame: p.History) -> None:
        await self.chats.history(s.conn, frame, s.agent)

    @serves(p.SearchArchive, fresh_role=True)  # admins search every chat, agents their own
    async def search_archive(self, s: AgentSession, frame: p.SearchArchive) -> None:
        await self.chats.search_archive(s.conn, frame, s.agent)

    @serves(p.OpenDirectChat)
    async def open_direct(self, s: AgentSession, frame: p.OpenDirectChat) -> None:
        await self.chats.open_direct(s.conn, frame, s.agent)

    # -------------------------------------------------------------- visitors

    @serves(p.SendMessage, role="visitor")
    async def visitor_message(self, s: VisitorSession, frame: p.SendMessage) -> None:
        received = received_at()
        if frame.chat_id is not None or frame.comment:
            raise p.FrameRejected("forbidden", "visitors write to their own chat", frame.id)
        invited_by = self.invitations.invited_by(s.visitor_id)
        if invited_by and self.availability.presence.status(invited_by[0]) == "offline":
            invited_by = None  # the inviting agent left: offered as usual
        await self.chats.visitor_message(
            s.conn,
            frame,
            s.visitor_id,
            s.site_id,
            self.availability.agents_available() or invited_by is not None,
            received,
            invited_by=invited_by,
            rule=None if invited_by else self.invitations.rule_shown(s.visitor_id),
        )

    @serves(p.Typing, role="visitor")
    async def visitor_typing(self, s: VisitorSession, frame: p.Typing) -> None:
        await self.chats.visitor_typing(s.visitor_id, frame.active)

    @serves(p.Receipt, role="visitor")
    async def visitor_receipt(self, s: VisitorSession, frame: p.Receipt) -> None:
        if frame.chat_id is not None:
            raise p.FrameRejected("forbidden", "visitors mark their own chat")
        await self.chats.visitor_receipt(s.visitor_id, frame)
