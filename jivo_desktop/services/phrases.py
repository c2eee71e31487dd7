"""Quick phrases (C12): shared by the team, stored on the relay, each a text, a label (the
guide's "etiqueta") and a short shortcut. Typing ``/shortcut`` in the composer, or searching
in the "Quick phrases" window, offers them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService
from jivo_desktop.tasks import spawn
from server import protocol as p

MAX_MATCHES = 8


class PhrasesService(QObject):
    """Signals: ``changed()`` when the team's phrases changed (here or by a colleague, live);
    ``problem(str)`` when a change was refused (a shortcut in use...)."""

    changed = Signal()
    problem = Signal(str)

    def __init__(self, session: SessionService) -> None:
        super().__init__()
        self.session = session
        self.phrases: list[p.Phrase] = []
        session.signed_in.connect(self._on_session_signed_in)
        session.signed_out.connect(self._on_session_signed_out)
        session.frame_received.connect(self._on_session_frame_received)

    def matches(self, query: str) -> list[p.Phrase]:
        """Shortcuts starting with ``query`` first, then phrases whose label or text contains
        it."""
        query = query.strip().lstrip("/").lower()
        first = [x for x in self.phrases if x.shortcut.startswith(query)]
        rest = [
            x
            for x in self.phrases
            if x not in first and query and (query in x.label.lower() or query in x.text.lower())
        ]
        return (first + rest)[:MAX_MATCHES]

    def save(self, shortcut: str, text: str, phrase_id: int | None = None, label: str = "") -> None:
        spawn(
            self._change(lambda c: c.save_phrase(shortcut, text, phrase_id, label)),
            "phrase-save",
        )

    def delete(self, phrase_id: int) -> None:
        spawn(self._change(lambda c: c.delete_phrase(phrase_id)), "phrase-delete")

    async def _change(self, call) -> None:  # type: ignore[no-untyped-def]
        client = self.session.client
        if client is None:
            return
        try:
            self._set(await call(client))
        except (RelayError, ConnectionLost, TimeoutError) as exc:
            self.problem.emit(
                self.tr("The quick phrase was not saved: {0}").format(failure_text(exc))
            )

    async def _load(self) -> None:
        client = self.session.client
        if client is None:
            return
        try:
            self._set(await client.phrases())
        except (RelayError, ConnectionLost, TimeoutError):
            pass  # loaded again at the next sign-in; pushes keep it fresh meanwhile

    def _set(self, phrases: list[p.Phrase]) -> None:
        if phrases != self.phrases:
            self.phrases = list(phrases)
            self.changed.emit()

    def _on_session_signed_in(self, _welcome: object) -> None:
        spawn(self._load(), "phrases")

    def _on_session_signed_out(self) -> None:
        self._set([])

    def _on_session_frame_received(self, frame: p.Frame) -> None:
        if isinstance(frame, p.PhrasesChanged) and frame.reload:
            spawn(self._load(), "phrases")  # issue 12 item 6: too many to push; fetch them
        elif isinstance(frame, p.PhrasesChanged):
            self._set(frame.phrases)
