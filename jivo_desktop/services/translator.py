"""The translator in the app (C11): a per-chat switch (kept on this machine), the chat's
messages in the agent's interface language (asked of the relay, which stores each translation
with its message: another agent, or this one after a restart, gets the same text), a preview of
the reply in the visitor's language, and the reply sent translated (the relay keeps the agent's
own words with it). No translation is made here: the relay has the backend and its key."""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal

from jivo_desktop import i18n
from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.chats import ChatsService
from jivo_desktop.tasks import spawn
from server import protocol as p

ENABLED_KEY = "translator.chats"
MAX_ENABLED = 500
"""Chats remembered with the switch on (the oldest are forgotten)."""


class TranslatorService(QObject):
    """Signals: ``changed(int)`` (chat id) when a chat's switch or translations changed;
    ``preview_ready(int, str, str)`` (chat id, the agent's text, the visitor will read);
    ``problem(int, str)`` (chat id, a sentence for the agent) when the relay could not
    translate."""

    changed = Signal(int)
    preview_ready = Signal(int, str, str)
    problem = Signal(int, str)

    def __init__(self, chats: ChatsService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.chats = chats
        self.store = chats.session.store
        self._translations: dict[tuple[int, int, str], p.TranslatedMessage] = {}
        self._asked: set[tuple[int, int, str]] = set()
        self.showing_original: set[tuple[int, int]] = set()
        chats.messages_appended.connect(self._on_chats_messages_appended)
        chats.messages_reset.connect(self._on_chats_messages_reset)

    # -------------------------------------------------------------- the switch

    def language(self) -> str:
        return i18n.current_language()

    def enabled(self, chat_id: int) -> bool:
        return chat_id in self._enabled()

    def _enabled(self) -> list[int]:
        value = self.store.get(ENABLED_KEY, [])
        return [int(c) for c in value if isinstance(c, int)] if isinstance(value, list) else []

    def set_enabled(self, chat_id: int, on: bool) -> None:
        chats = [c for c in self._enabled() if c != chat_id]
        if on:
            chats.append(chat_id)
        self.store.set(ENABLED_KEY, chats[-MAX_ENABLED:])
        self.changed.emit(chat_id)
        if on:
            self.fetch(chat_id)

    # -------------------------------------------------------------- what the pane shows

    def translation(
        self, chat_id: int, seq: int | None, *, switch: bool = True
    ) -> p.TranslatedMessage | None:
        """The message's translation into the agent's language, if known here; ``switch``:
        only with the chat's switch on (the live conversation; the archive shows what is
        stored whatever the switch)."""
        if seq is None or (switch and not self.enabled(chat_id)):
            return None
        return self._translations.get((chat_id, seq, self.language()))

    def flip(self, chat_id: int, seq: int | None, text: str, *, switch: bool = True) -> bool:
        """A click on a message: a translated one shows its original (or the translation
        again). False when the message has no translation to flip (the click is for
        something else)."""
        found = self.translation(chat_id, seq, switch=switch)
        if seq is None or found is None or found.original or found.text == text:
            return False
        self.toggle_original(chat_id, seq)
        return True

    def toggle_original(self, chat_id: int, seq: int) -> None:
        """A click on a translated message: its original, or the translation again."""
        key = (chat_id, seq)
        if key in self.showing_original:
            self.showing_original.discard(key)
        else:
            self.showing_original.add(key)
        self.changed.emit(chat_id)

    def fetch(self, chat_id: int) -> None:
        """Ask the relay for the chat's messages not translated here yet."""
        chat = self.chats.chat(chat_id)
        if chat is None or not self.enabled(chat_id):
            return
        language = self.language()
        seqs = [
            m.seq
            for m in chat.messages
            if m.kind == "message"
            and m.seq is not None
            and (chat_id, m.seq, language) not in self._asked
        ]
        for start in range(0, len(seqs), p.MAX_TRANSLATE_SEQS):
            part = seqs[start : start + p.MAX_TRANSLATE_SEQS]
            self._asked.update((chat_id, s, language) for s in part)
            self._call(
                chat_id, functools.partial(self._fetch, chat_id=chat_id, seqs=part, lang=language)
            )

    async def _fetch(
        self, client: AgentClient, *, chat_id: int, seqs: list[int], lang: str
    ) -> None:
        try:
            found = await client.translate_messages(chat_id, seqs, lang)
        except BaseException:
            self._asked.difference_update((chat_id, s, lang) for s in seqs)  # ask again later
            raise
        for item in found:
            self._translations[(chat_id, item.seq, lang)] = item
        self.changed.emit(chat_id)

    def fetch_stored(self, chat_id: int, seqs: list[int]) -> None:
        """The archive: the translations the relay has stored for these messages, into the
        agent's language; none is made (reading a closed chat costs the backend nothing)."""
        language = self.language()
        wanted = [s for s in seqs if (chat_id, s, language) not in self._translations]
        for start in range(0, len(wanted), p.MAX_TRANSLATE_SEQS):
            part = wanted[start : start + p.MAX_TRANSLATE_SEQS]

            async def run(client: AgentClient, part: list[int] = part) -> None:
                found = await client.translate_messages(chat_id, part, language, stored_only=True)
                for item in found:
                    self._translations[(chat_id, item.seq, language)] = item
                self.changed.emit(chat_id)  # also with none: the answer came

            self._call(chat_id, run)

    # -------------------------------------------------------------- the agent's reply

    def preview(self, chat_id: int, text: str) -> None:
        if not text.strip() or not self.enabled(chat_id):
            return

        async def run(client: AgentClient) -> None:
            done = await client.translate_text(chat_id, text)
            self.preview_ready.emit(chat_id, text, done.text)

        self._call(chat_id, run)

    def send(self, chat_id: int, text: str) -> None:
        """The reply goes to the visitor in their language; the relay keeps these words."""
        language = self.language()

        async def run(client: AgentClient) -> None:
            acked = await client.send_translated(chat_id, text, source=language)
            self._translations[(chat_id, acked.seq, language)] = p.TranslatedMessage(
                seq=acked.seq, text=text, source=language, original=True
            )
            self._asked.add((chat_id, acked.seq, language))
            self.changed.emit(chat_id)

        self._call(chat_id, run)

    # -------------------------------------------------------------- plumbing

    def _call(self, chat_id: int, call: Callable[[AgentClient], Coroutine[Any, Any, None]]) -> None:
        client = self.chats.session.client
        if client is None:
            self.problem.emit(chat_id, self.tr("No connection to the relay: try again later."))
            return

        async def guarded() -> None:
            try:
                await call(client)
            except RelayError as exc:
                self.problem.emit(chat_id, self.error_text(exc.code, exc.message))
            except (ConnectionLost, TimeoutError):
                self.problem.emit(chat_id, self.tr("No connection to the relay: try again later."))

        spawn(guarded(), "translator")

    def error_text(self, code: str, message: str) -> str:
        if code == "translator_off":
            return self.tr(
                "No translator is set up. An administrator can set one in Settings → Integrations."
            )
        if code == "translator_failed":
            return self.tr("The translation failed: {0}").format(message)
        return self.tr("The translation failed: {0}").format(message or code)

    def _on_chats_messages_appended(self, chat_id: int, _first: int, _count: int) -> None:
        if self.enabled(chat_id):
            self.fetch(chat_id)

    def _on_chats_messages_reset(self, chat_id: int) -> None:
        if self.enabled(chat_id):
            self.fetch(chat_id)


class TranslatorAdmin(QObject):
    """Ajustes → Integraciones (admins): the relay's translator. The key goes to the relay and
    stays there; what comes back says only whether one is set.

    Signals: ``changed(object)`` with the :class:`~server.protocol.TranslatorInfo`;
    ``message(str)`` with the outcome of a save or why it failed."""

    changed = Signal(object)
    message = Signal(str)

    def __init__(self, session: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.info = p.TranslatorInfo()
        self.loaded = False
        """Whether ``info`` is the relay's (the first answer came)."""

    def load(self) -> None:
        self._run(lambda c: c.translator(), saved=False)

    def save(self, backend: p.TranslatorBackend, url: str, api_key: str | None) -> None:
        self._run(lambda c: c.save_translator(backend, url, api_key), saved=True)

    def _run(
        self, call: Callable[[AgentClient], Coroutine[Any, Any, p.TranslatorInfo]], saved: bool
    ) -> None:
        client = self.session.client
        if client is None:
            self.message.emit(self.tr("No connection to the relay: try again later."))
            return

        async def run() -> None:
            try:
                self.info = await call(client)
                self.loaded = True
            except RelayError as exc:
                self.message.emit(self.tr("Not saved: {0}").format(exc.message))
                return
            except (ConnectionLost, TimeoutError):
                self.message.emit(self.tr("No connection to the relay: try again later."))
                return
            self.changed.emit(self.info)
            if saved:
                self.message.emit(self.tr("Translator saved."))

        spawn(run(), "translator-admin")
