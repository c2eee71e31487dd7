"""G2: typing hints. The phrases the agent sends (each message, and each sentence of a longer
one) are counted in the local database, on this computer only; while the agent types, the most
used phrase that starts with what the current sentence holds so far is offered, and Tab takes
it. Off in Ajustes: nothing is offered (and nothing learned)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance

from jivo_desktop.services.app_settings import AppSettings
from jivo_desktop.store import LocalStore
from jivo_desktop.store.phrases import PhraseStore

MIN_USES = 2
"""A phrase is offered once it was sent this many times ("frequent")."""
MIN_PREFIX = 3
MIN_LENGTH = 8
MAX_LENGTH = 300
MAX_PHRASES = 2000
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


class SentMessages(Protocol):
    """What is needed of ``ChatsService``: ``message_sent(int, str)``."""

    message_sent: SignalInstance


def _clean(text: str) -> str:
    return " ".join(text.split())


class TypingHints(QObject):
    def __init__(
        self,
        settings: AppSettings,
        store: LocalStore,
        chats: SentMessages | None = None,
        parent: QObject | None = None,
        *,
        account: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.store = PhraseStore(store)
        self._account = account
        self.account = account()
        self.phrases = self.store.load(self.account)
        if chats is not None:
            chats.message_sent.connect(self._on_chats_message_sent)

    def switch_account(self) -> None:
        """A4: after a sign-in or sign-out, only the signed-in account's phrases are known."""
        self.account = self._account()
        self.phrases = self.store.load(self.account) if self.account else {}

    @property
    def enabled(self) -> bool:
        return self.settings.typing_hints

    def _on_chats_message_sent(self, _chat_id: int, text: str) -> None:
        self.learn(text)

    def learn(self, text: str) -> None:
        if not self.enabled:
            return
        whole = _clean(text)
        parts = {whole, *(_clean(s) for s in SENTENCE_END.split(text))}
        now = time.time()
        for phrase in parts:
            if MIN_LENGTH <= len(phrase) <= MAX_LENGTH:
                uses = self.phrases.get(phrase, (0, 0.0))[0] + 1
                self.phrases[phrase] = (uses, now)
                self.store.save(self.account, phrase, uses, now)
        if len(self.phrases) > MAX_PHRASES:
            ranked = sorted(self.phrases, key=lambda p: self.phrases[p])
            dropped = ranked[: len(self.phrases) - MAX_PHRASES]
            for phrase in dropped:
                del self.phrases[phrase]
            self.store.forget(self.account, dropped)

    def suggest(self, text: str) -> str:
        """The rest of the best phrase for ``text`` (what is typed up to the cursor), or ""."""
        if not self.enabled or not text:
            return ""
        current = SENTENCE_END.split(text)[-1].lstrip()
        if len(current.strip()) < MIN_PREFIX:
            return ""
        wanted = " ".join(current.split()) + (" " if current[-1:].isspace() else "")
        lower = wanted.lower()
        best = ""
        best_rank: tuple[int, float] = (0, 0.0)
        for phrase, rank in self.phrases.items():
            if rank[0] < MIN_USES or len(phrase) <= len(wanted):
                continue
            if phrase.lower().startswith(lower) and rank > best_rank:
                best, best_rank = phrase, rank
        return best[len(wanted) :] if best else ""

    def forget_all(self) -> None:
        self.phrases.clear()
        self.store.clear(self.account)
