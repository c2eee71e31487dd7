"""Visitors on the sites now (V1), their details for the client panel (C4), invitations (V2).

The relay pushes ``visitors_delta`` frames (at most twice a second, whole rows); this service
keeps the table and tells the model what changed in one signal per frame, so 2,000 visitors cost
one model update per push, never a reset per row.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from jivo_desktop import i18n
from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService
from jivo_desktop.tasks import spawn
from server import protocol as p

log = logging.getLogger(__name__)


@dataclass
class VisitorsChange:
    """What one push changed: ids added (new on the list), updated (already there), gone."""

    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    gone: list[int] = field(default_factory=list)
    reset: bool = False


def visitor_display_name(visitor: p.VisitorInfo, client_word: str) -> str:
    """N1/C4: the contact name, else "<City> <id>", else "Client <id>" (translated word)."""
    if visitor.name.strip():
        return visitor.name.strip()
    city = i18n.city_name(visitor.city, visitor.city_names)  # "Nueva York 40"
    if city:
        return f"{city} {visitor.id}"
    return f"{client_word} {visitor.id}"


class VisitorsService(QObject):
    """Signals:

    * ``changed(object)``: a :class:`VisitorsChange` (the table is already updated);
    * ``arrived(int)``: a visitor came onto the site (not in the first snapshot): N5's sound;
    * ``details_ready(object)``: a ``VisitorDetails`` frame answering :meth:`fetch_details`;
    * ``history_ready(int)``: the visitor's earlier chats (``past_chats[id]``) arrived;
    * ``invited(int)``: an invitation was delivered to the relay for that visitor;
    * ``problem(str)``: something the agent should read (an invitation refused...);
    * ``rules_changed(object)``: V3, the ``InvitationRules`` answer (admins);
    * ``rules_problem(str)``: a rule request was refused.
    """

    changed = Signal(object)
    arrived = Signal(int)
    details_ready = Signal(object)
    history_ready = Signal(int)
    invited = Signal(int)
    problem = Signal(str)
    rules_changed = Signal(object)
    rules_problem = Signal(str)

    def __init__(self, session: SessionService) -> None:
        super().__init__()
        self.session = session
        self.visitors: dict[int, p.VisitorInfo] = {}
        self.details: dict[int, p.VisitorDetails] = {}
        self.past_chats: dict[int, list[p.PastChat]] = {}
        self._clock_offset = 0.0
        session.frame_received.connect(self._on_session_frame_received)
        session.signed_out.connect(self._on_session_signed_out)

    # -------------------------------------------------------------- queries

    def get(self, visitor_id: int) -> p.VisitorInfo | None:
        return self.visitors.get(visitor_id)

    def relay_now(self) -> float:
        return time.time() + self._clock_offset

    def time_on_site(self, visitor: p.VisitorInfo) -> float:
        if not visitor.session_started:
            return 0.0
        return max(0.0, self.relay_now() - visitor.session_started)

    def name(self, visitor: p.VisitorInfo) -> str:
        return visitor_display_name(visitor, self.tr("Client"))

    # -------------------------------------------------------------- actions

    def invite(self, visitor_id: int, text: str) -> None:
        """V2: invite a visitor to chat with ``text``."""
        spawn(self._invite(visitor_id, text.strip()), f"invite-{visitor_id}")

    async def _invite(self, visitor_id: int, text: str) -> None:
        client = self.session.client
        if client is None or not text:
            return
        try:
            await client.request(lambda i: p.InviteVisitor(id=i, visitor_id=visitor_id, text=text))
        except RelayError as exc:
            if exc.code == "not_found":
                self.problem.emit(self.tr("The visitor has left the site."))
            else:
                self.problem.emit(
                    self.tr("The invitation was not sent: {0}").format(failure_text(exc))
                )
            return
        except (ConnectionLost, TimeoutError):
            self.problem.emit(self.tr("The invitation was not sent: no connection to the relay."))
            return
        self.invited.emit(visitor_id)

    def fetch_details(self, visitor_id: int) -> None:
        """C4: the visitor's details and navigation history (``details_ready`` answers)."""
        spawn(self._fetch_details(visitor_id), f"visitor-{visitor_id}")

    async def _fetch_details(self, visitor_id: int) -> None:
        client = self.session.client
        if client is None:
            return
        try:
            found = await client.request(lambda i: p.GetVisitor(id=i, visitor_id=visitor_id))
        except (RelayError, ConnectionLost, TimeoutError) as exc:
            log.info("visitor %s details not available: %s", visitor_id, exc)
            return
        assert isinstance(found, p.VisitorDetails)
        self._clock_offset = found.now - time.time()
        self.details[visitor_id] = found
        self.details_ready.emit(found)

    def fetch_history(self, visitor_id: int) -> None:
        """A returning client's earlier chats with their comments (``history_ready``)."""
        spawn(self._fetch_history(visitor_id), f"client-history-{visitor_id}")

    async def _fetch_history(self, visitor_id: int) -> None:
        client = self.session.client
        if client is None:
            return
        try:
            found = await client.client_history(visitor_id)
        except (RelayError, ConnectionLost, TimeoutError) as exc:
            log.info("visitor %s earlier chats not available: %s", visitor_id, exc)
            return
        self.past_chats[visitor_id] = found
        self.history_ready.emit(visitor_id)

    # -------------------------------------------------------------- V3: rules (admins)

    def load_rules(self) -> None:
        spawn(self._rules(lambda i: p.ListInvitationRules(id=i)), "invitation-rules")

    def save_rule(self, rule: p.InvitationRule) -> None:
        spawn(self._rules(lambda i: p.SaveInvitationRule(id=i, rule=rule)), "save-rule")

    def delete_rule(self, rule_id: int) -> None:
        spawn(self._rules(lambda i: p.DeleteInvitationRule(id=i, rule_id=rule_id)), "delete-rule")

    async def _rules(self, make: Callable[[int], p.Frame]) -> None:
        client = self.session.client
        if client is None:
            self.rules_problem.emit(self.tr("Not connected to the relay."))
            return
        try:
            answer = await client.request(make)
        except RelayError as exc:
            if exc.code == "forbidden":
                self.rules_problem.emit(
                    self.tr("Only administrators can change the invitation rules.")
                )
            else:
                self.rules_problem.emit(failure_text(exc))
            return
        except (ConnectionLost, TimeoutError):
            self.rules_problem.emit(self.tr("Not connected to the relay."))
            return
        self.rules_changed.emit(answer)

    async def _watch(self) -> None:
        client = self.session.client
        if client is None:
            return
        try:
            await client.request(lambda i: p.WatchVisitors(id=i))
        except (RelayError, ConnectionLost, TimeoutError) as exc:
            log.info("visitor list not available: %s", exc)

    # -------------------------------------------------------------- relay frames

    def _on_session_frame_received(self, frame: p.Frame) -> None:
        if isinstance(frame, p.Welcome):
            spawn(self._watch(), "watch-visitors")
        elif isinstance(frame, p.VisitorsDelta):
            self._apply(frame)

    def _apply(self, frame: p.VisitorsDelta) -> None:
        if frame.now:
            self._clock_offset = frame.now - time.time()
        change = VisitorsChange(reset=frame.reset)
        if frame.reset:
            self.visitors.clear()
        table = self.visitors
        for row in frame.updated:
            if row.id in table:
                change.updated.append(row.id)
            else:
                change.added.append(row.id)
            table[row.id] = row
        for visitor_id in frame.gone:
            if table.pop(visitor_id, None) is not None:
                change.gone.append(visitor_id)
        self.changed.emit(change)
        if not frame.snapshot:
            for visitor_id in change.added:
                self.arrived.emit(visitor_id)

    def _on_session_signed_out(self) -> None:
        self.visitors.clear()
        self.details.clear()
        self.past_chats.clear()  # A4
        self.changed.emit(VisitorsChange(reset=True))
