"""Invitations: manual (V2, an agent invites a visitor from the list) and automatic (V3, rules
per site set by admins).

The relay evaluates the rules, not the widget: the rules (and agent names) stay private to the
relay, one implementation serves every widget (no rule code in the widget's byte budget), the
relay already knows the visit's count, source and UTM, and it remembers per visit which
invitation the visitor closed, across page loads and tabs, so a closed invitation never comes
back in the same visit.

A rule is checked on every page view: its URL, visit count, referrer and UTM conditions now,
its time-on-the-page condition by a timer that a new page view or leaving cancels.

Several nodes (X4): a manual invitation of a visitor whose sockets are on other nodes is
forwarded to them over the visitors' node channel (``invite``): each node holding the visitor
remembers who invited it (the visitor's reply, read there, opens the chat with the inviter).
The invitation frame itself goes, as always, on the visitor's bus topic, from the inviting node:
it reaches every socket of the visitor once, on whichever node (one sender, never one copy per
holder node). The visitor closing it is forwarded the same way (``closed``). Rules are checked
by the node that has the socket.
"""

from __future__ import annotations

import asyncio
import fnmatch
import logging
import time
from collections.abc import Callable

import msgspec
from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.core import bus as topics
from server.core.bus import Bus
from server.store.db import read
from server.visitors import repo as visitors_repo
from server.visitors.tracker import Live, VisitorTracker

log = logging.getLogger(__name__)


class _Invite(msgspec.Struct, array_like=True):
    visitor_id: int
    agent_id: int
    agent_name: str
    text: str


class _Closed(msgspec.Struct, array_like=True):
    visitor_id: int
    invitation_id: int


_encode = msgspec.json.Encoder().encode
_decode_invite = msgspec.json.Decoder(_Invite).decode
_decode_closed = msgspec.json.Decoder(_Closed).decode


def rule_matches(rule: p.InvitationRule, info: p.VisitorInfo) -> bool:
    """Every condition but the time on the page."""
    if not rule.enabled or rule.site_id != info.site_id:
        return False
    if rule.url_pattern:
        pattern = rule.url_pattern.lower()
        url = info.page_url.lower()
        if "*" in pattern or "?" in pattern:
            if not fnmatch.fnmatchcase(url, pattern):
                return False
        elif pattern not in url:
            return False
    if rule.min_visits and info.visits < rule.min_visits:
        return False
    if rule.referrer_pattern:
        needle = rule.referrer_pattern.lower()
        if needle not in info.referrer.lower() and needle not in info.source_detail.lower():
            return False
    utm = info.utm or p.Utm()
    if rule.utm_source and rule.utm_source.lower() != utm.source.lower():
        return False
    return not (rule.utm_campaign and rule.utm_campaign.lower() != utm.campaign.lower())


class Invitations:
    def __init__(
        self,
        engine: AsyncEngine,
        tracker: VisitorTracker,
        bus: Bus,
        agents_online: Callable[[], bool] = lambda: True,
    ) -> None:
        self.engine = engine
        self.agents_online = agents_online
        """Automatic invitations wait while nobody could answer (the reply would meet the
        offline form)."""
        self.tracker = tracker
        self.bus = bus
        self.rules: list[p.InvitationRule] = []
        tracker.on_page.append(self._on_page)
        tracker.on_leave.append(self._cancel)
        tracker.nodes.on("invite", self._invited_elsewhere)
        tracker.nodes.on("closed", self._closed_elsewhere)
        self.on_sent: Callable[[int | None, int | None, str], None] = lambda _site, _agent, _how: (
            None
        )
        """S1: told each invitation sent (site id, agent id or None, "manual" or "rule")."""

    async def load(self) -> None:
        self.rules = await read(self.engine, visitors_repo.enabled_rules)

    # -------------------------------------------------------------- V2: manual

    def invite(self, agent: p.AgentInfo, visitor_id: int, text: str) -> None:
        live = self.tracker.live.get(visitor_id)
        here = live is not None and live.conns > 0
        elsewhere = self.tracker.held_elsewhere(visitor_id)
        if not here and not elsewhere:
            raise p.FrameRejected("not_found", "the visitor is not on the site now")
        if live is not None and here:
            live.invited_by = (agent.id, agent.name, text)
        if elsewhere:  # before the frame: the holder knows the inviter when the reply comes
            body = _Invite(visitor_id, agent.id, agent.name, text)
            self.tracker.nodes.send("invite", _encode(body).decode())
        self._send(
            visitor_id,
            p.VisitorInvitation(invitation_id=-agent.id, text=text, agent_name=agent.name),
        )
        self.on_sent(self._site_of(visitor_id, live), agent.id, "manual")

    def _site_of(self, visitor_id: int, live: Live | None) -> int | None:
        info = live.info if live is not None else self.tracker.info(visitor_id)
        return info.site_id if info is not None and info.site_id else None

    def _invited_elsewhere(self, _node: str, body: str) -> None:
        invite = _decode_invite(body)
        live = self.tracker.live.get(invite.visitor_id)
        if live is not None:
            live.invited_by = (invite.agent_id, invite.agent_name, invite.text)

    def closed(self, visitor_id: int, invitation_id: int) -> None:
        if self.tracker.held_elsewhere(visitor_id):  # its tabs on the other nodes too
            self.tracker.nodes.send("closed", _encode(_Closed(visitor_id, invitation_id)).decode())
        self._close(visitor_id, invitation_id)

    def _closed_elsewhere(self, _node: str, body: str) -> None:
        closed = _decode_closed(body)
        self._close(closed.visitor_id, closed.invitation_id)

    def _close(self, visitor_id: int, invitation_id: int) -> None:
        live = self.tracker.live.get(visitor_id)
        if live is None:
            return
        if invitation_id < 0:
            if live.invited_by and live.invited_by[0] == -invitation_id:
                live.invited_by = None
        elif invitation_id in live.shown_rules:
            # Finding 13: only a rule shown in this visit, so the set stays as small as the
            # site's rules whatever ids a visitor sends.
            live.closed_invitations.add(invitation_id)

    def rule_shown(self, visitor_id: int) -> int | None:
        """S1: the rule whose invitation the visitor has open (shown last, not closed)."""
        live = self.tracker.live.get(visitor_id)
        if live is None or live.last_rule is None or live.last_rule in live.closed_invitations:
            return None
        return live.last_rule

    def invited_by(self, visitor_id: int) -> tuple[int, str, str] | None:
        """The inviting agent's id and name and the invitation's text (B7)."""
        live = self.tracker.live.get(visitor_id)
        return live.invited_by if live is not None else None

    # -------------------------------------------------------------- V3: rules

    def _on_page(self, live: Live) -> None:
        self._cancel(live)
        info = live.info
        if info.chat_state or live.invited_by is not None:
            return
        best: tuple[float, p.InvitationRule] | None = None
        for rule in self.rules:
            if rule.id in live.closed_invitations or not rule_matches(rule, info):
                continue
            delay = max(0.0, rule.min_seconds_on_page - (time.time() - live.page_since))
            if best is None or delay < best[0]:
                best = (delay, rule)
        if best is None:
            return
        delay, rule = best
        loop = asyncio.get_running_loop()
        live.rule_timer = loop.call_later(delay, self._fire, info.id, info.page_url, rule)

    def _cancel(self, live: Live) -> None:
        if live.rule_timer is not None:
            live.rule_timer.cancel()
            live.rule_timer = None

    def _fire(self, visitor_id: int, page_url: str, rule: p.InvitationRule) -> None:
        live = self.tracker.live.get(visitor_id)
        if live is None:
            return
        live.rule_timer = None
        info = live.info
        if live.conns <= 0 or info.page_url != page_url or info.chat_state or live.invited_by:
            return
        if rule.id in live.closed_invitations or not self.agents_online():
            return
        live.shown_rules.add(rule.id)
        live.last_rule = rule.id
        self._send(
            visitor_id,
            p.VisitorInvitation(
                invitation_id=rule.id,
                text=rule.message,
                agent_name=rule.agent_name,
                agent_photo=rule.agent_photo,
                rule_id=rule.id,
            ),
        )
        self.on_sent(rule.site_id, None, "rule")

    def _send(self, visitor_id: int, frame: p.VisitorInvitation) -> None:
        self.bus.publish(topics.visitor_topic(visitor_id), p.encode(frame))
