"""The archive: closed and missed chats, searched by text, visitor, agent and date (read-only).

Who sees what: an admin every archived chat; an agent the missed chats (nobody answered them,
so they belong to the team) and the closed chats it took part in.

By text, through the database's own full-text index of archived messages (SQLite FTS5,
PostgreSQL ``tsvector`` + GIN; migration archive_fts1), so a search costs what it finds, not
the size of the archive (issue 15): a chat matches when one of its messages has the words
searched for, in that order, next to each other, the last one as the start of a word ("zapat"
finds "zapatos"); case is ignored, punctuation and LIKE's wildcards are not words. The visitor
filter keeps ``LIKE`` (lower-cased on both sides, so it ignores case on both databases).
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.chats import reads as chat_reads
from server.store.schema import chat_participants, chats, events, visitors

ARCHIVED = ("closed", "missed")


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_WORD = re.compile(r"[^\W_]+")  # letters and digits: the words both indexes make
MAX_WORDS = 16
_index = sa.table("archive_fts", sa.column("rowid"), sa.column("chat_id"), sa.column("doc"))


def _text_match(conn: Connection, text: str) -> Any:
    """The chats with a message that matches ``text`` (see the module's docstring)."""
    dialect = conn.dialect.name
    if dialect not in ("sqlite", "postgresql"):  # no index known: every message read
        return chats.c.id.in_(
            sa.select(events.c.chat_id).where(
                events.c.kind == "message",
                sa.func.lower(events.c.text).like(_like(text.strip()), escape="\\"),
            )
        )
    words = _WORD.findall(text)[:MAX_WORDS]
    if not words:
        return sa.false()
    if dialect == "sqlite":  # an FTS5 phrase, its last word a prefix
        phrase = '"' + " ".join(words) + '"*'
        found = (
            sa.select(events.c.chat_id)
            .select_from(_index.join(events, events.c.id == _index.c.rowid))
            .where(sa.literal_column("archive_fts").op("MATCH")(phrase))
        )
    else:  # the same as a tsquery: each word followed by the next, the last a prefix
        query = " <-> ".join(f"'{w}'" for w in words) + ":*"
        tsquery = sa.func.to_tsquery(sa.literal_column("'simple'"), query)
        found = sa.select(_index.c.chat_id).where(_index.c.doc.op("@@")(tsquery))
    return chats.c.id.in_(found)


def _took_part(agent_id: int) -> Any:
    # Correlated (the primary key's lookup per chat), not IN: an agent's every past chat read
    # first cost 150 ms on an archive of 100,000 chats, whatever the other filters found.
    return (
        sa.exists()
        .where(chat_participants.c.chat_id == chats.c.id, chat_participants.c.agent_id == agent_id)
        .correlate(chats)
    )


def visible(agent: p.AgentInfo) -> Any:
    base = sa.and_(chats.c.kind == "visitor", chats.c.state.in_(ARCHIVED))
    if agent.role == "admin":
        return base
    return sa.and_(base, sa.or_(chats.c.state == "missed", _took_part(agent.id)))


def may_read(conn: Connection, chat_id: int, agent: p.AgentInfo) -> bool:
    query = sa.select(chats.c.id).where(chats.c.id == chat_id, visible(agent))
    return conn.execute(query).first() is not None


def search(
    conn: Connection, agent: p.AgentInfo, frame: p.SearchArchive
) -> tuple[list[p.ChatInfo], int]:
    """A page of matching chats, newest first, and the number of matches."""
    where = [visible(agent)]
    if frame.text.strip():
        where.append(_text_match(conn, frame.text))
    if frame.visitor.strip():
        needle = frame.visitor.strip()
        fields = [visitors.c.name, visitors.c.email, visitors.c.phone, visitors.c.city]
        matches: list[Any] = [sa.func.lower(f).like(_like(needle), escape="\\") for f in fields]
        if needle.isdigit():
            matches.append(visitors.c.id == int(needle))
        where.append(chats.c.visitor_id.in_(sa.select(visitors.c.id).where(sa.or_(*matches))))
    if frame.agent_id is not None:
        where.append(sa.or_(chats.c.agent_id == frame.agent_id, _took_part(frame.agent_id)))
    if frame.since is not None:
        where.append(chats.c.created_at >= frame.since)
    if frame.until is not None:
        where.append(chats.c.created_at < frame.until)
    if frame.state:
        where.append(chats.c.state == frame.state)
    condition = sa.and_(*where)
    total = conn.execute(sa.select(sa.func.count()).select_from(chats).where(condition)).scalar()
    query = (
        chat_reads.CHAT_INFO_SELECT.where(condition)
        .order_by(chats.c.created_at.desc(), chats.c.id.desc())
        .offset(frame.offset)
        .limit(frame.limit)
    )
    return chat_reads.chat_infos(conn, query), int(total or 0)


def client_history(
    conn: Connection, agent: p.AgentInfo, visitor_id: int, limit: int
) -> list[p.PastChat] | None:
    """A returning client's earlier chats (closed or missed, newest first) with the agents'
    comments in them, so whoever answers the client now reads what colleagues noted. None when
    the agent may not: admins may always, an agent when it is (or was) in a chat with this
    client (the chat it is answering now, typically)."""
    if agent.role != "admin":
        mine = conn.execute(
            sa.select(chats.c.id)
            .where(chats.c.visitor_id == visitor_id, _took_part(agent.id))
            .limit(1)
        ).first()
        if mine is None:
            return None
    query = (
        chat_reads.CHAT_INFO_SELECT.where(
            chats.c.visitor_id == visitor_id,
            chats.c.kind == "visitor",
            chats.c.state.in_(ARCHIVED),
        )
        .order_by(chats.c.created_at.desc(), chats.c.id.desc())
        .limit(limit)
    )
    infos = chat_reads.chat_infos(conn, query)
    comments: dict[int, list[p.Event]] = {info.id: [] for info in infos}
    if infos:
        rows = conn.execute(
            sa.select(events)
            .where(events.c.chat_id.in_(list(comments)), events.c.kind == "comment")
            .order_by(events.c.id)
        ).all()
        for row in rows:
            comments[row.chat_id].append(chat_reads.event_from_row(row))
    past = []
    for info in infos:
        notes = comments[info.id]
        # Issue 12 item 6: one past chat (one item of the page) always fits a frame; its
        # newest comments are kept, the chat's history has the rest.
        keep = p.fit_page(notes, p.MAX_PAGE_BYTES // 2, keep_last=True) if notes else 0
        past.append(
            p.PastChat(
                chat=info, comments=notes[len(notes) - keep :], earlier_comments=keep < len(notes)
            )
        )
    return past
