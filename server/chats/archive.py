"""The archive: closed and missed chats, searched by text, visitor, agent and date (read-only).

Who sees what: an admin every archived chat; an agent the missed chats (nobody answered them,
so they belong to the team) and the closed chats it took part in. ``LIKE`` keeps the search the
same on SQLite and PostgreSQL (lower-cased on both sides, so it ignores case on both).
"""

from __future__ import annotations

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


def _took_part(agent_id: int) -> Any:
    return chats.c.id.in_(
        sa.select(chat_participants.c.chat_id).where(chat_participants.c.agent_id == agent_id)
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
        where.append(
            chats.c.id.in_(
                sa.select(events.c.chat_id).where(
                    events.c.kind == "message",
                    sa.func.lower(events.c.text).like(_like(frame.text.strip()), escape="\\"),
                )
            )
        )
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
