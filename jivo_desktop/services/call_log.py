"""P1: the call log, kept on the relay. Every call the app starts is logged at once (number,
client, agent, time); the log dialog then tells how it went (outcome, duration, note). Calls
that came in are logged by hand or by a softphone's hook (``jivo-desktop --log-call NUMBER
--direction in``, through the single-instance channel). An admin's list holds everyone's calls.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from jivo_desktop import i18n
from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService
from jivo_desktop.tasks import spawn
from server import protocol as p

OUTCOMES = ("answered", "no_answer", "busy", "wrong_number")


def wire_number(e164_or_text: str) -> str:
    """What the relay stores: the E.164 form, else the digits (a number that did not read)."""
    text = e164_or_text.strip()
    digits = re.sub(r"[^0-9]", "", text)[:20]
    return ("+" + digits) if text.startswith("+") else digits


def caller_name(call: p.CallInfo) -> str:
    """Who a call was with: the CRM client's name, else (a client without a name) as its
    visitor is named everywhere (contact name, "<City> <id>", "Client <id>"); "" when the
    call has no client."""
    if call.client_name.strip():
        return call.client_name.strip()
    visitor = call.visitor
    if visitor is None:
        return ""
    if visitor.name.strip():
        return visitor.name.strip()
    city = i18n.city_name(visitor.city, visitor.city_names)
    word = QCoreApplication.translate("ChatsService", "Client")  # the chats' own word
    return f"{city or word} {visitor.id}"


class CallLogService(QObject):
    """Signals: ``logged(object)`` (a ``CallInfo`` stored or changed by this app);
    ``log_requested(object)`` (a ``CallInfo`` whose outcome the agent should now tell: the
    log dialog opens); ``calls_changed()`` (``calls``, newest first: saved here, or pushed by
    the relay when another device of the agent or an admin logs one); ``problem(str)``."""

    logged = Signal(object)
    log_requested = Signal(object)
    calls_changed = Signal()
    problem = Signal(str)

    def __init__(self, session: SessionService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.calls: list[p.CallInfo] = []
        session.signed_out.connect(self._on_session_signed_out)
        session.frame_received.connect(self._on_session_frame_received)

    async def _ask(self, make: Any) -> p.Frame | None:
        client = self.session.client
        if client is None:
            self.problem.emit(self.tr("No connection to the relay: try again in a moment."))
            return None
        try:
            answer: p.Frame = await client.request(make)
            return answer
        except RelayError as exc:
            self.problem.emit(failure_text(exc))
        except (ConnectionLost, TimeoutError):
            self.problem.emit(self.tr("No connection to the relay: try again in a moment."))
        return None

    async def save(self, **fields: Any) -> p.CallInfo | None:
        """Log a call (no ``call_id``) or change one; the fields of ``LogCall``."""
        fields["number"] = wire_number(str(fields.get("number", "")))
        answer = await self._ask(lambda i: p.LogCall(id=i, **fields))
        if not isinstance(answer, p.CallLogged):
            return None
        self._apply(answer.call)
        self.logged.emit(answer.call)
        return answer.call

    def _apply(self, call: p.CallInfo) -> None:
        """A call stored or changed: in the list, newest first (a changed one keeps its
        place: the list is ordered by when calls started)."""
        rest = [c for c in self.calls if c.id != call.id]
        at = next((n for n, c in enumerate(rest) if c.started_at <= call.started_at), len(rest))
        self.calls = [*rest[:at], call, *rest[at:]]
        self.calls_changed.emit()

    def start(self, number: str, *, direction: str = "out", client_id: int = 0) -> None:
        """A call began (the app dialled, or a softphone's hook told): log it now, then ask
        the agent how it went."""
        spawn(self._start(number, direction, client_id), "log-call")

    async def _start(self, number: str, direction: str, client_id: int) -> None:
        call = await self.save(number=number, direction=direction, client_id=client_id or None)
        if call is not None:
            self.log_requested.emit(call)

    def refresh(self) -> None:
        spawn(self._refresh(), "list-calls")

    async def _refresh(self) -> None:
        answer = await self._ask(lambda i: p.ListCalls(id=i, limit=100))
        if isinstance(answer, p.CallList):
            self.calls = answer.calls
            self.calls_changed.emit()

    def _on_session_frame_received(self, frame: p.Frame) -> None:
        if isinstance(frame, p.CallChanged):  # logged on another device, or by an admin
            known = next((c for c in self.calls if c.id == frame.call.id), None)
            if known is None or known.updated_at <= frame.call.updated_at:  # not a stale push
                self._apply(frame.call)

    def _on_session_signed_out(self) -> None:
        self.calls = []
        self.calls_changed.emit()
