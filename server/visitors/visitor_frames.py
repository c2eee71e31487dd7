"""What a visitor's widget sends about the visitor: pages (V1, B3), an invitation closed (V3),
the department (T4), the contact form and the offline form (V6), and ``ping``.

Chat frames are served by ``server.chats.chat_frames``, files by ``server.files.file_frames``,
drafts by ``server.visitors.sneak_peek``. The forms are limited per visitor (finding 5): each
may cost a webhook POST and a database row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.account import departments as departments_repo
from server.actions.blocks import unless_blocked
from server.chats import reads as chat_reads
from server.core import bus as topics
from server.core.bus import Bus
from server.core.config import Settings
from server.core.frames import serves
from server.core.limits import IpLimiter
from server.store.db import read
from server.store.writer import GroupWriter
from server.visitors import fast_pages
from server.visitors import repo as visitors_repo
from server.visitors.invitations import Invitations
from server.visitors.offline import OfflineService
from server.visitors.tracker import VisitorTracker

if TYPE_CHECKING:
    from server.core.sessions import VisitorSession


class VisitorFrames:
    def __init__(
        self,
        engine: AsyncEngine,
        writer: GroupWriter,
        bus: Bus,
        settings: Settings,
        *,
        tracker: VisitorTracker,
        invitations: Invitations,
        offline: OfflineService,
        wake_webhooks: Callable[[], None],
    ) -> None:
        self.engine = engine
        self.writer = writer
        self.bus = bus
        self.settings = settings
        self.tracker = tracker
        self.invitations = invitations
        self.offline = offline
        self.on_contact: Callable[[int], None] = lambda _visitor_id: None
        """A visitor gave its contact or left an offline message (R1: its CRM client)."""
        # Finding 5: keyed by visitor id, idle ones forgotten as for IPs.
        self.form_limiter = IpLimiter(
            settings.visitor_form_rate, settings.visitor_form_burst, max_ips=20_000
        )
        self.wake_webhooks = wake_webhooks

    @serves(p.Ping, role="visitor")
    async def ping(self, s: VisitorSession, frame: p.Ping) -> None:
        s.conn.send(p.Pong(id=frame.id))

    @serves(p.PageView, role="visitor")
    async def page_view(self, s: VisitorSession, frame: p.PageView) -> None:
        visit_values = self.tracker.page_view(s.visitor_id, frame)
        await self.writer.run(fast_pages.PageViewWrite(s.visitor_id, frame, visit_values))

    @serves(p.PageHidden, role="visitor")
    async def page_hidden(self, s: VisitorSession, frame: p.PageHidden) -> None:
        self.tracker.hidden(s.visitor_id, frame.hidden, id(s.conn))  # B3

    @serves(p.InvitationClosed, role="visitor")
    async def invitation_closed(self, s: VisitorSession, frame: p.InvitationClosed) -> None:
        self.invitations.closed(s.visitor_id, frame.invitation_id)

    @serves(p.ChooseDepartment, role="visitor")  # T4
    async def choose_department(self, s: VisitorSession, frame: p.ChooseDepartment) -> None:
        await self.writer.run(
            departments_repo.choose_department(s.visitor_id, s.site_id, frame.department_id)
        )
        s.conn.send(p.Ok(id=frame.id))

    @serves(p.SetContact, role="visitor")
    async def set_contact(self, s: VisitorSession, frame: p.SetContact) -> None:
        self._form_allowed(s.visitor_id, frame.id)  # finding 5
        await self.writer.run(
            visitors_repo.set_contact(s.visitor_id, s.site_id, frame.name, frame.email, frame.phone)
        )  # with its client_updated webhook row (coalesced per visitor)
        self.wake_webhooks()
        self.tracker.contact(s.visitor_id, frame.name, frame.email, frame.phone)
        s.conn.send(p.Ok(id=frame.id))
        self.on_contact(s.visitor_id)
        info = await read(self.engine, chat_reads.open_chat_info, s.visitor_id)
        if info is not None:
            self.bus.publish(topics.AGENTS, p.encode(p.ChatStateChanged(chat=info)))

    @serves(p.OfflineMessage, role="visitor")
    async def offline_message(self, s: VisitorSession, frame: p.OfflineMessage) -> None:
        if len(frame.text) > self.settings.max_message_chars:
            raise p.FrameRejected("message_too_long", "the message is too long", frame.id)
        self._form_allowed(s.visitor_id, frame.id)  # finding 5
        message_id = await self.writer.run(
            unless_blocked(  # C8
                s.site_id,
                s.visitor_id,
                s.conn.ip,
                visitors_repo.store_offline_message(
                    s.site_id,
                    s.visitor_id,
                    frame.name,
                    frame.email,
                    frame.text,
                    self.settings.max_offline_messages,  # V6: bounded
                ),
            )
        )
        s.conn.send(p.Ok(id=frame.id))
        self.wake_webhooks()  # the offline_message row is in that commit
        await self.offline.added(message_id)  # V6: agents see it now
        self.on_contact(s.visitor_id)

    def _form_allowed(self, visitor_id: int, request_id: int) -> None:
        if not self.form_limiter.take(f"v{visitor_id}"):
            raise p.FrameRejected(
                "rate_limited", "too many contact forms or offline messages: wait a minute",
                request_id,
            )  # fmt: skip
