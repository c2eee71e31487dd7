"""The agents' Visitantes page on the relay: watching the live list (V1), one visitor's details
(V2), inviting a visitor to chat (C4), and the automatic invitation rules (V3, admins only).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.core.bus import Bus
from server.core.frames import serves
from server.store.db import read
from server.store.writer import GroupWriter
from server.visitors import repo as visitors_repo
from server.visitors.invitations import Invitations
from server.visitors.tracker import VisitorTracker

if TYPE_CHECKING:
    from server.core.sessions import AgentSession


class VisitorsPage:
    def __init__(
        self,
        engine: AsyncEngine,
        writer: GroupWriter,
        bus: Bus,
        tracker: VisitorTracker,
        invitations: Invitations,
    ) -> None:
        self.engine = engine
        self.writer = writer
        self.bus = bus
        self.tracker = tracker
        self.invitations = invitations

    @serves(p.WatchVisitors)
    async def watch(self, s: AgentSession, frame: p.WatchVisitors) -> None:
        if frame.watch:
            self.bus.subscribe(self.tracker.watch_topic, s.conn.push)
            s.conn.send(p.Ok(id=frame.id))
            for delta in self.tracker.snapshot():
                s.conn.send(delta)
        else:
            self.bus.unsubscribe(self.tracker.watch_topic, s.conn.push)
            s.conn.send(p.Ok(id=frame.id))

    @serves(p.GetVisitor)
    async def details(self, s: AgentSession, frame: p.GetVisitor) -> None:
        row, site_name, pages = await read(
            self.engine, visitors_repo.visitor_details, frame.visitor_id
        )
        if row is None:
            raise p.FrameRejected("not_found", "no such visitor", frame.id)
        info = self.tracker.info(frame.visitor_id)  # X4: on any node
        if info is None:
            info = visitors_repo.visitor_info_from_row(row, site_name)
        del row
        s.conn.send(p.VisitorDetails(id=frame.id, visitor=info, history=pages, now=time.time()))

    @serves(p.InviteVisitor)
    async def invite(self, s: AgentSession, frame: p.InviteVisitor) -> None:
        self.invitations.invite(s.agent, frame.visitor_id, frame.text)
        s.conn.send(p.Ok(id=frame.id))

    @serves(p.ListInvitationRules, p.SaveInvitationRule, p.DeleteInvitationRule, fresh_role=True)
    async def rules(
        self,
        s: AgentSession,
        frame: p.ListInvitationRules | p.SaveInvitationRule | p.DeleteInvitationRule,
    ) -> None:
        """V3: answered with every rule (and the sites to choose from)."""
        if s.role != "admin":
            raise p.FrameRejected("forbidden", "only admins change invitation rules")
        if isinstance(frame, p.SaveInvitationRule):
            await self.writer.run(visitors_repo.save_invitation_rule(frame.rule))
        elif isinstance(frame, p.DeleteInvitationRule):
            await self.writer.run(visitors_repo.delete_invitation_rule(frame.rule_id))
        if not isinstance(frame, p.ListInvitationRules):
            await self.invitations.load()
        rules, sites = await read(self.engine, visitors_repo.invitation_rules_and_sites)
        s.conn.send(p.InvitationRules(id=frame.id, rules=rules, sites=sites))
