"""The translator's frames (C11): its settings (admins), the visitor's messages in the agent's
language, and the agent's replies in the visitor's, each translation stored with its message.

Every translation is made once: ``translate_messages`` answers what is stored and translates only
the rest (the answer of a second agent, or of the same one after a restart, costs no request to
the backend). The backend is read from the database on each request (an admin's change applies
on every node at once) and never held per node.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.chats.service import ChatService
from server.chats.writes import ChatChange
from server.core.frames import received_at, serves
from server.store.db import read
from server.store.writer import GroupWriter, Write
from server.translate import repo
from server.translate.backends import (
    Argos,
    Backend,
    LibreTranslate,
    Translation,
    TranslatorDown,
    argos_installed,
)

if TYPE_CHECKING:
    from server.core.sessions import AgentSession

log = logging.getLogger(__name__)

OFF = "no translator is set on the relay: an admin sets one in Settings → Integrations"


class TranslateService:
    def __init__(
        self, engine: AsyncEngine, writer: GroupWriter, chats: ChatService, timeout: float = 10.0
    ) -> None:
        self.engine = engine
        self.writer = writer
        self.chats = chats
        self.timeout = timeout
        self.backend_calls = 0
        """Requests this node made to a backend (tests check that a stored one makes none)."""

    # -------------------------------------------------------------- the backend

    async def _backend(self, request_id: int) -> Backend:
        config = await read(self.engine, repo.config)
        if config.backend == "libretranslate" and config.url:
            return LibreTranslate(config.url, config.api_key, self.timeout)
        if config.backend == "argos":
            return Argos(self.timeout * 3)
        raise p.FrameRejected("translator_off", OFF, request_id)

    async def _translate(
        self, backend: Backend, text: str, source: str, target: str, hint: str, request_id: int
    ) -> Translation:
        self.backend_calls += 1
        try:
            return await backend.translate(text, source, target, hint)
        except TranslatorDown as exc:
            log.info("translator %s failed: %s", backend.name, exc)
            raise p.FrameRejected("translator_failed", str(exc), request_id) from exc

    @staticmethod
    def _info(config: repo.Config) -> p.TranslatorInfo:
        return p.TranslatorInfo(
            backend=config.backend,  # type: ignore[arg-type]
            url=config.url,
            key_set=bool(config.api_key),
            argos_installed=argos_installed(),
        )

    # -------------------------------------------------------------- settings (admins)

    @serves(p.GetTranslator, role="admin")
    async def get_translator(self, s: AgentSession, frame: p.GetTranslator) -> None:
        config = await read(self.engine, repo.config)
        s.conn.send(p.TranslatorSettings(id=frame.id, translator=self._info(config)))

    @serves(p.SaveTranslator, role="admin")
    async def save_translator(self, s: AgentSession, frame: p.SaveTranslator) -> None:
        old = await read(self.engine, repo.config)
        url = frame.url.strip()
        if frame.backend == "libretranslate":
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise p.FrameRejected("invalid", "the translator needs an http(s) URL", frame.id)
        elif frame.backend == "argos" and not argos_installed():
            raise p.FrameRejected(
                "invalid", "Argos Translate is not installed on the relay", frame.id
            )
        key = old.api_key if frame.api_key is None else frame.api_key.strip()
        config = repo.Config(backend=frame.backend, url=url, api_key=key)
        await self.writer.run(repo.save_config(config))
        s.conn.send(p.TranslatorSettings(id=frame.id, translator=self._info(config)))

    # -------------------------------------------------------------- the visitor's messages

    @serves(p.TranslateMessages, fresh_role=True)  # admins may read any visitor chat
    async def translate_messages(self, s: AgentSession, frame: p.TranslateMessages) -> None:
        await self.chats.visible_chat(frame.chat_id, s.agent, frame.id)
        rows = await read(self.engine, repo.chat_events, frame.chat_id, frame.seqs)
        have = await read(self.engine, repo.stored, [r.id for r in rows], frame.target)
        missing = [r for r in rows if r.id not in have and r.text.strip()]
        if missing and not frame.stored_only:  # the archive reads, it never translates
            backend = await self._backend(frame.id)
            hint = await read(self.engine, repo.visitor_language, frame.chat_id)
            # At once (the translate pool bounds how many run): a screenful does not wait for
            # each message in turn.
            done = await asyncio.gather(
                *(
                    self._translate(backend, row.text, "auto", frame.target, hint, frame.id)
                    for row in missing
                )
            )
            made = [
                repo.Row(row.id, frame.target, d.text, d.source)
                for row, d in zip(missing, done, strict=True)
            ]
            await self.writer.run(repo.save(made))
            # Another agent may have stored one a moment earlier: everyone shows the same.
            have = await read(self.engine, repo.stored, [r.id for r in rows], frame.target)
        messages = [
            p.TranslatedMessage(
                seq=r.seq, text=have[r.id].text, source=have[r.id].source,
                original=have[r.id].original,
            )
            for r in rows
            if r.id in have
        ]  # fmt: skip
        s.conn.send(
            p.MessagesTranslated(
                id=frame.id, chat_id=frame.chat_id, target=frame.target, messages=messages
            )
        )

    # -------------------------------------------------------------- the agent's replies

    async def _target(self, chat_id: int, target: str) -> str:
        return target or await read(self.engine, repo.visitor_language, chat_id)

    @serves(p.TranslateText)
    async def translate_text(self, s: AgentSession, frame: p.TranslateText) -> None:
        await self.chats.visible_chat(frame.chat_id, s.agent, frame.id)
        if not frame.text.strip():
            raise p.FrameRejected("empty_message", "the message is empty", frame.id)
        target = await self._target(frame.chat_id, frame.target)
        backend = await self._backend(frame.id)
        done = await self._translate(backend, frame.text, "auto", target, "", frame.id)
        s.conn.send(
            p.TextTranslated(
                id=frame.id, chat_id=frame.chat_id, text=done.text, source=done.source,
                target=target,
            )
        )  # fmt: skip

    @serves(p.SendTranslated)
    async def send_translated(self, s: AgentSession, frame: p.SendTranslated) -> None:
        received = received_at()
        await self.chats.visible_chat(frame.chat_id, s.agent, frame.id)
        if not frame.text.strip():
            raise p.FrameRejected("empty_message", "the message is empty", frame.id)
        target = await self._target(frame.chat_id, frame.target)
        if target == frame.source:
            text = frame.text
        else:
            backend = await self._backend(frame.id)
            text = (
                await self._translate(backend, frame.text, frame.source, target, "", frame.id)
            ).text
        message = p.SendMessage(
            id=frame.id, client_msg_id=frame.client_msg_id, text=text, chat_id=frame.chat_id
        )

        def original(change: ChatChange) -> Write[None]:
            return repo.save(
                [
                    repo.Row(change.event.cursor, frame.source, frame.text, frame.source, True),
                    repo.Row(change.event.cursor, target, text, frame.source),
                ]
            )

        await self.chats.agent_message(s.conn, message, s.agent, received, also=original)
