"""Reads of chats and their events, and rows turned into protocol structures.

Every function is synchronous and takes a ``Connection`` (async readers call
``await read(engine, fn, ...)``); the same rules as every store module of the relay:
SQLAlchemy Core, the hot path stays cheap.
"""

from __future__ import annotations

from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.account.agents import all_agents
from server.store.schema import (
    agents,
    channel_outbox,
    channels,
    chat_participants,
    chats,
    events,
    sites,
    visitors,
)
from server.visitors.geo import city_names_of

OPEN_STATES = ("offered", "active")

# The statements every message runs, built once with bind parameters: building a Core statement
# and computing its cache key on every call cost more than SQLite's own work (bench/).
OPEN_CHAT = (
    sa.select(chats)
    .where(chats.c.visitor_id == sa.bindparam("visitor_id"), chats.c.state.in_(OPEN_STATES))
    .order_by(chats.c.id.desc())
    .limit(1)
)
PARTICIPANTS = sa.select(chat_participants.c.agent_id).where(
    chat_participants.c.chat_id == sa.bindparam("chat_id"), chat_participants.c.left_at.is_(None)
)

_agent_alias = agents.alias("chat_agent")
CHAT_INFO_SELECT = (
    sa.select(
        chats,
        sites.c.name.label("site_name"),
        visitors.c.name.label("v_name"),
        visitors.c.email.label("v_email"),
        visitors.c.phone.label("v_phone"),
        visitors.c.city.label("v_city"),
        visitors.c.city_names.label("v_city_names"),
        visitors.c.country.label("v_country"),
        visitors.c.page_url.label("v_page_url"),
        visitors.c.page_title.label("v_page_title"),
        visitors.c.assigned_agent_id.label("v_assigned_agent_id"),
        _agent_alias.c.name.label("agent_name"),
        channels.c.kind.label("channel_kind"),
        channels.c.name.label("channel_name"),
        sa.select(sa.func.max(events.c.id))
        .where(events.c.chat_id == chats.c.id)
        .scalar_subquery()
        .label("last_cursor"),
    )
    .outerjoin(sites, sites.c.id == chats.c.site_id)
    .outerjoin(visitors, visitors.c.id == chats.c.visitor_id)
    .outerjoin(_agent_alias, _agent_alias.c.id == chats.c.agent_id)
    .outerjoin(channels, channels.c.id == chats.c.channel_id)
)


# ---------------------------------------------------------------- row conversions


def event_from_row(row: Any) -> p.Event:
    if row.kind == "file":  # C14: the text column holds the file's metadata
        info = file_info_of_text(row.text)
        event = _event_from_row(row)
        return msgspec.structs.replace(event, text=info.name, file=info) if info else event
    return _event_from_row(row)


def _event_from_row(row: Any) -> p.Event:
    return p.Event(
        cursor=row.id,
        chat_id=row.chat_id,
        seq=row.seq,
        kind=row.kind,
        author=row.author,
        author_id=row.author_id,
        author_name=row.author_name,
        text=row.text,
        client_msg_id=row.client_msg_id,
        ts=row.ts,
    )


def chat_info_from_row(row: Any, members: list[int]) -> p.ChatInfo:
    visitor = None
    if row.visitor_id is not None:
        visitor = p.VisitorInfo(
            id=row.visitor_id,
            name=row.v_name,
            email=row.v_email,
            phone=row.v_phone,
            city=row.v_city,
            city_names=city_names_of(row.v_city_names),
            country=row.v_country,
            page_url=row.v_page_url,
            page_title=row.v_page_title,
            assigned_agent_id=row.v_assigned_agent_id,
        )
    return p.ChatInfo(
        id=row.id,
        kind=row.kind,
        site_id=row.site_id,
        site_name=row.site_name or "",
        state=row.state,
        visitor=visitor,
        members=members,
        agent_id=row.agent_id,
        agent_name=row.agent_name or "",
        last_seq=row.last_seq,
        last_cursor=row.last_cursor or 0,
        preview=row.preview,
        created_at=row.created_at,
        visitor_delivered_seq=row.visitor_delivered_seq,
        visitor_read_seq=row.visitor_read_seq,
        agent_read_seq=row.agent_read_seq,
        offer_round=row.offer_round,
        closed_at=row.closed_at,
        channel=row.channel_kind or "",
        channel_name=row.channel_name or "",
        callback_number=row.callback_number or "",
        callback_time=row.callback_time or "",
    )


def chat_infos(conn: Connection, query: Any) -> list[p.ChatInfo]:
    """Chats with their members: two queries whatever the number of chats."""
    rows = (conn.execute(query)).all()
    if not rows:
        return []
    members: dict[int, list[int]] = {}
    found = conn.execute(
        sa.select(chat_participants.c.chat_id, chat_participants.c.agent_id)
        .where(
            chat_participants.c.chat_id.in_([r.id for r in rows]),
            chat_participants.c.left_at.is_(None),
        )
        .order_by(chat_participants.c.joined_at)
    )
    for chat_id, agent_id in found:
        members.setdefault(chat_id, []).append(agent_id)
    return [chat_info_from_row(r, members.get(r.id, [])) for r in rows]


def chat_info(conn: Connection, chat_id: int) -> p.ChatInfo | None:
    infos = chat_infos(conn, CHAT_INFO_SELECT.where(chats.c.id == chat_id))
    return infos[0] if infos else None


def open_chat_of_visitor(conn: Connection, visitor_id: int) -> Any:
    return conn.execute(OPEN_CHAT, {"visitor_id": visitor_id}).first()


def participants(conn: Connection, chat_id: int) -> list[int]:
    return list(conn.execute(PARTICIPANTS, {"chat_id": chat_id}).scalars())


def offered_to(agent_id: int) -> Any:
    """The offered chats whose current round (N3) offers them to the agent, not ignored by it."""
    mark = f"%,{int(agent_id)},%"
    return sa.and_(
        chats.c.state == "offered",
        sa.or_(chats.c.offer_to == "", chats.c.offer_to.like(mark)),
        sa.not_(chats.c.offer_ignored.like(mark)),
    )


def chats_for_agent(conn: Connection, agent_id: int) -> list[p.ChatInfo]:
    """The chats an agent's app shows: the chats offered to it and its own open chats."""
    mine = sa.select(chat_participants.c.chat_id).where(
        chat_participants.c.agent_id == agent_id, chat_participants.c.left_at.is_(None)
    )
    query = CHAT_INFO_SELECT.where(
        sa.or_(
            offered_to(agent_id),
            sa.and_(chats.c.state == "active", chats.c.id.in_(mine)),
        )
    ).order_by(chats.c.id)
    return chat_infos(conn, query)


def offered_chats(conn: Connection, agent_id: int) -> list[p.ChatInfo]:
    return chat_infos(conn, CHAT_INFO_SELECT.where(offered_to(agent_id)).order_by(chats.c.id))


def max_cursor(conn: Connection) -> int:
    return (conn.execute(sa.select(sa.func.max(events.c.id)))).scalar() or 0


def agent_replay(conn: Connection, agent_id: int, after: int, limit: int) -> list[p.Event]:
    """Events after ``after`` in chats the agent may see: offered ones and those it is in.
    Finding 12: of a chat it left, only the events up to its leaving (as ``history`` refuses
    the chat then, the replay must not show what was said after)."""
    mine = sa.exists().where(
        chat_participants.c.chat_id == events.c.chat_id,
        chat_participants.c.agent_id == agent_id,
        sa.or_(
            chat_participants.c.left_at.is_(None),
            events.c.ts <= chat_participants.c.left_at,
            # Its own leaving (stamped a moment after left_at in the same write).
            sa.and_(events.c.author == "agent", events.c.author_id == agent_id),
        ),
    )
    query = (
        sa.select(events)
        .join(chats, chats.c.id == events.c.chat_id)
        .where(events.c.id > after, sa.or_(chats.c.state == "offered", mine))
        .order_by(events.c.id)
        .limit(limit)
    )
    return [event_from_row(r) for r in (conn.execute(query)).all()]


def visitor_replay(
    conn: Connection, visitor_id: int, after: int | None, limit: int
) -> list[p.Event]:
    """Visible events after ``after`` in the visitor's chats; with no cursor, the open chat's."""
    query = (
        sa.select(events)
        .join(chats, chats.c.id == events.c.chat_id)
        .where(chats.c.visitor_id == visitor_id, events.c.visible_to_visitor.is_(True))
        .order_by(events.c.id)
        .limit(limit)
    )
    if after is None:
        query = query.where(chats.c.state.in_(OPEN_STATES))
    else:
        query = query.where(events.c.id > after)
    return [event_from_row(r) for r in (conn.execute(query)).all()]


def chat_with_members(conn: Connection, chat_id: int) -> tuple[Any, list[int]]:
    chat = chat_row(conn, chat_id)
    return chat, participants(conn, chat_id) if chat is not None else []


def open_chat_with_members(conn: Connection, visitor_id: int) -> tuple[Any, list[int]]:
    chat = open_chat_of_visitor(conn, visitor_id)
    return chat, participants(conn, chat.id) if chat is not None else []


def open_chat_info(conn: Connection, visitor_id: int) -> p.ChatInfo | None:
    chat = open_chat_of_visitor(conn, visitor_id)
    return chat_info(conn, chat.id) if chat is not None else None


def agent_snapshot(conn: Connection, agent_id: int) -> tuple[list[Any], list[p.ChatInfo], int]:
    """What an agent's welcome carries: the team, the agent's chats, the newest cursor."""
    return list(all_agents(conn)), chats_for_agent(conn, agent_id), max_cursor(conn)


def history(conn: Connection, chat_id: int, before_seq: int | None, limit: int) -> list[p.Event]:
    query = sa.select(events).where(events.c.chat_id == chat_id)
    if before_seq is not None:
        query = query.where(events.c.seq < before_seq)
    rows = (conn.execute(query.order_by(events.c.seq.desc()).limit(limit))).all()
    page = [event_from_row(r) for r in reversed(rows)]
    replies = [e.cursor for e in page if e.author == "agent" and e.kind == "message"]
    if replies:  # C10/C19: the channel replies among them that were not delivered
        failed = conn.execute(
            sa.select(channel_outbox.c.event_id, channel_outbox.c.last_error).where(
                channel_outbox.c.event_id.in_(replies), channel_outbox.c.status == "failed"
            )
        ).all()
        why = {int(r.event_id): r.last_error or "not delivered" for r in failed}
        for event in page:
            event.undelivered = why.get(event.cursor, "")
    return page


def chat_row(conn: Connection, chat_id: int) -> Any:
    return (conn.execute(sa.select(chats).where(chats.c.id == chat_id))).first()


_file_info_decoder = msgspec.json.Decoder(p.FileInfo)


def file_event_text(info: p.FileInfo) -> str:
    """A file event's ``text`` column: the file's metadata as JSON (the event's ``file``)."""
    return msgspec.json.encode(info).decode()


def file_info_of_text(text: str) -> p.FileInfo | None:
    try:
        return _file_info_decoder.decode(text)
    except msgspec.DecodeError:
        return None
