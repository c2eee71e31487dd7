"""The translator's store (C11): its settings (``account_settings["translator"]``, the key
included: it never leaves the relay) and the translations of chat events."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from server.account import repo as account_repo
from server.store.schema import chats, event_translations, events, sites
from server.store.writer import Write

SETTING = "translator"
TRANSLATED_KINDS = ("message",)
"""The events with words to translate (comments stay as the agents wrote them)."""


@dataclass(frozen=True)
class Config:
    backend: str = ""
    url: str = ""
    api_key: str = ""


@dataclass(frozen=True)
class Row:
    event_id: int
    language: str
    text: str
    source: str
    original: bool = False


def config(conn: Connection) -> Config:
    raw = account_repo.setting(conn, SETTING)
    if not isinstance(raw, dict):
        return Config()
    return Config(
        backend=str(raw.get("backend", "")),
        url=str(raw.get("url", "")),
        api_key=str(raw.get("api_key", "")),
    )


def save_config(value: Config) -> Write[None]:
    return account_repo.save_setting(
        SETTING, {"backend": value.backend, "url": value.url, "api_key": value.api_key}
    )


def chat_events(conn: Connection, chat_id: int, seqs: Iterable[int]) -> list[Any]:
    """The chat's events of ``seqs`` that have words to translate."""
    query = sa.select(events.c.id, events.c.seq, events.c.text, events.c.author).where(
        events.c.chat_id == chat_id,
        events.c.seq.in_(sorted(set(seqs))),
        events.c.kind.in_(TRANSLATED_KINDS),
    )
    return list(conn.execute(query.order_by(events.c.seq)))


def stored(conn: Connection, event_ids: list[int], language: str) -> dict[int, Row]:
    if not event_ids:
        return {}
    query = sa.select(event_translations).where(
        event_translations.c.event_id.in_(event_ids), event_translations.c.language == language
    )
    return {
        r.event_id: Row(r.event_id, r.language, r.text, r.source, bool(r.original))
        for r in conn.execute(query)
    }


def save(rows: list[Row]) -> Write[None]:
    """Store translations; one already there (another agent's, a moment earlier) stays."""

    def write(conn: Connection) -> None:
        if not rows:
            return
        values = [
            dict(
                event_id=r.event_id, language=r.language, text=r.text, source=r.source,
                original=r.original, created_at=time.time(),
            )
            for r in rows
        ]  # fmt: skip
        statement: Any
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects import postgresql

            statement = postgresql.insert(event_translations).values(values)
        else:
            from sqlalchemy.dialects import sqlite

            statement = sqlite.insert(event_translations).values(values)
        conn.execute(statement.on_conflict_do_nothing(index_elements=["event_id", "language"]))

    return write


def visitor_language(conn: Connection, chat_id: int) -> str:
    """The language the visitor writes in: detected in their latest translated message, else
    the site's widget language."""
    detected = conn.execute(
        sa.select(event_translations.c.source)
        .join(events, events.c.id == event_translations.c.event_id)
        .where(
            events.c.chat_id == chat_id,
            events.c.author == "visitor",
            event_translations.c.source != "",
        )
        .order_by(events.c.seq.desc())
        .limit(1)
    ).scalar()
    if detected:
        return str(detected)
    language = conn.execute(
        sa.select(sites.c.language)
        .join(chats, chats.c.site_id == sites.c.id)
        .where(chats.c.id == chat_id)
    ).scalar()
    return str(language or "en")
