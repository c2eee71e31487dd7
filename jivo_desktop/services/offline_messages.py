"""Offline messages (V6): what visitors left in the offline form while nobody could answer,
listed for agents (kept fresh by the relay's pushes), marked handled, answered by e-mail
through the relay's mailer."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService
from jivo_desktop.tasks import spawn
from server import protocol as p


class OfflineMessagesService(QObject):
    """Signals: ``changed()`` (the list or a message in it changed); ``replied(int)`` (the
    answer to that message went out); ``problem(str)`` (something the agent should read)."""

    changed = Signal()
    replied = Signal(int)
    problem = Signal(str)

    def __init__(self, session: SessionService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.messages: dict[int, p.OfflineMessageInfo] = {}
        self.show_handled = False
        session.signed_in.connect(self._on_session_signed_in)
        session.signed_out.connect(self._on_session_signed_out)
        session.frame_received.connect(self._on_session_frame_received)

    def ordered(self) -> list[p.OfflineMessageInfo]:
        """Newest first; the handled ones only when asked for."""
        shown = [m for m in self.messages.values() if self.show_handled or not m.handled]
        return sorted(shown, key=lambda m: (-m.created_at, -m.id))

    @property
    def unhandled(self) -> int:
        return sum(1 for m in self.messages.values() if not m.handled)

    def get(self, message_id: int) -> p.OfflineMessageInfo | None:
        return self.messages.get(message_id)

    def set_show_handled(self, show: bool) -> None:
        self.show_handled = show
        self.refresh()

    def refresh(self) -> None:
        spawn(self._load(), "offline-messages")

    def mark_handled(self, message_id: int, handled: bool = True) -> None:
        spawn(self._mark(message_id, handled), f"offline-handled-{message_id}")

    def reply(self, message_id: int, text: str) -> None:
        spawn(self.reply_async(message_id, text), f"offline-reply-{message_id}")

    async def reply_async(self, message_id: int, text: str) -> bool:
        client = self.session.client
        if client is None or not text.strip():
            return False
        try:
            await client.reply_offline(message_id, text.strip())
        except RelayError as exc:
            if exc.code == "mail_failed":
                self.problem.emit(
                    self.tr(
                        "The e-mail was not sent: the relay cannot send e-mail now "
                        "(its SMTP server is not set or did not answer). Your text is kept."
                    )
                )
            else:
                self.problem.emit(self.tr("The answer was not sent: {0}").format(failure_text(exc)))
            return False
        except (ConnectionLost, TimeoutError):
            self.problem.emit(self.tr("No connection to the relay: try again in a moment."))
            return False
        self.replied.emit(message_id)
        return True

    async def _mark(self, message_id: int, handled: bool) -> None:
        client = self.session.client
        if client is None:
            return
        try:
            await client.mark_offline_handled(message_id, handled)
        except (RelayError, ConnectionLost, TimeoutError) as exc:
            self.problem.emit(
                self.tr("The message could not be marked: {0}").format(failure_text(exc))
            )

    async def _load(self) -> None:
        client = self.session.client
        if client is None:
            return
        try:
            found = await client.offline_messages(handled=self.show_handled)
        except (RelayError, ConnectionLost, TimeoutError) as exc:
            self.problem.emit(
                self.tr("The offline messages could not be loaded: {0}").format(failure_text(exc))
            )
            return
        kept = {i: m for i, m in self.messages.items() if not m.handled}
        self.messages = {**kept, **{m.id: m for m in found}}
        self.changed.emit()

    def _on_session_signed_in(self, _welcome: object) -> None:
        self.refresh()

    def _on_session_signed_out(self) -> None:
        self.messages = {}
        self.changed.emit()

    def _on_session_frame_received(self, frame: p.Frame) -> None:
        if isinstance(frame, (p.OfflineMessageAdded, p.OfflineMessageChanged)):
            self.messages[frame.message.id] = frame.message
            self.changed.emit()
