"""Quick phrases (C12), shared by the team. Same rules as :mod:`server.store`."""

from __future__ import annotations

import time

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.store.schema import quick_phrases
from server.store.writer import Write


def phrases(conn: Connection) -> list[p.Phrase]:
    rows = conn.execute(sa.select(quick_phrases).order_by(quick_phrases.c.shortcut)).all()
    return [p.Phrase(id=r.id, shortcut=r.shortcut, text=r.text, label=r.label) for r in rows]


# ---------------------------------------------------------------- quick phrases (C12)


def normalise_shortcut(shortcut: str) -> str:
    """``/Hi `` and ``hi`` are the same shortcut; no spaces inside."""
    value = shortcut.strip().lstrip("/").strip().lower()
    if not value or any(c.isspace() for c in value):
        raise p.FrameRejected("invalid", "a shortcut is one short word, like hi")
    return value


def save_phrase(
    agent_id: int, phrase_id: int | None, shortcut: str, text: str, label: str = ""
) -> Write[list[p.Phrase]]:
    def write(conn: Connection) -> list[p.Phrase]:
        key = normalise_shortcut(shortcut)
        if not text.strip():
            raise p.FrameRejected("empty_message", "the phrase is empty")
        same = conn.execute(
            sa.select(quick_phrases.c.id).where(quick_phrases.c.shortcut == key)
        ).first()
        if same is not None and same.id != phrase_id:
            raise p.FrameRejected("duplicate", f"another phrase already uses /{key}")
        now = time.time()
        name = " ".join(label.split())  # C12: the label, one line
        if phrase_id is None:
            conn.execute(
                sa.insert(quick_phrases).values(
                    shortcut=key, text=text, label=name, created_by=agent_id, updated_at=now
                )
            )
        else:
            done = conn.execute(
                sa.update(quick_phrases)
                .where(quick_phrases.c.id == phrase_id)
                .values(shortcut=key, text=text, label=name, updated_at=now)
            )
            if done.rowcount != 1:
                raise p.FrameRejected("not_found", "no such phrase")
        return phrases(conn)

    return write


def delete_phrase(phrase_id: int) -> Write[list[p.Phrase]]:
    def write(conn: Connection) -> list[p.Phrase]:
        done = conn.execute(sa.delete(quick_phrases).where(quick_phrases.c.id == phrase_id))
        if done.rowcount != 1:
            raise p.FrameRejected("not_found", "no such phrase")
        return phrases(conn)

    return write
