"""Queries and writes of the relay, in SQLAlchemy Core (the hot path stays cheap).

Every function here is synchronous and takes a ``Connection``: the group writer runs a whole
batch of writes in one go (in its own thread on SQLite, through the async driver on
PostgreSQL), and async readers call ``await conn.run_sync(repo.fn, ...)``. Writes are functions
that return a ``Write`` for the :class:`~server.store.writer.GroupWriter`, so that they join the
next group commit.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.geo import city_names_of
from server.store import hooks
from server.store.schema import (
    agent_sessions,
    agents,
    chat_participants,
    chats,
    events,
    invitation_rules,
    offline_messages,
    page_views,
    sites,
    visitors,
)
from server.store.writer import Write

OPEN_STATES = ("offered", "active")


# ---------------------------------------------------------------- row conversions


def event_from_row(row: Any) -> p.Event:
    if row.kind == "file":  # C14: the text column holds the file's metadata
        from server.store.files import file_info_of_text

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


def agent_info(row: Any, status: p.AgentStatus) -> p.AgentInfo:
    return p.AgentInfo(id=row.id, name=row.name, email=row.email, role=row.role, status=status)


_agent_alias = agents.alias("chat_agent")
_chat_info_select = (
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
        sa.select(sa.func.max(events.c.id))
        .where(events.c.chat_id == chats.c.id)
        .scalar_subquery()
        .label("last_cursor"),
    )
    .outerjoin(sites, sites.c.id == chats.c.site_id)
    .outerjoin(visitors, visitors.c.id == chats.c.visitor_id)
    .outerjoin(_agent_alias, _agent_alias.c.id == chats.c.agent_id)
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
    )


def _chat_infos(conn: Connection, query: Any) -> list[p.ChatInfo]:
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
    infos = _chat_infos(conn, _chat_info_select.where(chats.c.id == chat_id))
    return infos[0] if infos else None


# ---------------------------------------------------------------- reads


def site_by_key(conn: Connection, key: str) -> Any:
    return (conn.execute(sa.select(sites).where(sites.c.key == key))).first()


def agent_by_email(conn: Connection, email: str) -> Any:
    return (conn.execute(sa.select(agents).where(agents.c.email == email))).first()


def agent_by_token(
    conn: Connection, token_hash: str, lifetime: tuple[float, float] | None = None
) -> Any:
    """The agent of a live session. Finding 7: ``lifetime`` (absolute, idle seconds) ends a
    session that began too long ago or was not used for too long."""
    query = (
        sa.select(agents, agent_sessions.c.created_at.label("session_created_at"))
        .join(agent_sessions, agent_sessions.c.agent_id == agents.c.id)
        .where(agent_sessions.c.token_hash == token_hash, agent_sessions.c.revoked.is_(False))
    )
    if lifetime is not None:
        max_age, idle = lifetime
        now = time.time()
        query = query.where(
            agent_sessions.c.created_at > now - max_age,
            agent_sessions.c.last_used_at > now - idle,
        )
    return (conn.execute(query)).first()


def agent_row(conn: Connection, agent_id: int) -> Any:
    return (conn.execute(sa.select(agents).where(agents.c.id == agent_id))).first()


def all_agents(conn: Connection) -> Sequence[Any]:
    query = sa.select(agents).where(agents.c.disabled.is_(False)).order_by(agents.c.name)
    return (conn.execute(query)).all()


def visitor_by_token(conn: Connection, site_id: int, token_hash: str) -> Any:
    query = sa.select(visitors).where(
        visitors.c.token_hash == token_hash, visitors.c.site_id == site_id
    )
    return (conn.execute(query)).first()


# The statements every message runs, built once with bind parameters: building a Core statement
# and computing its cache key on every call cost more than SQLite's own work (bench/).
_OPEN_CHAT = (
    sa.select(chats)
    .where(chats.c.visitor_id == sa.bindparam("visitor_id"), chats.c.state.in_(OPEN_STATES))
    .order_by(chats.c.id.desc())
    .limit(1)
)
_PARTICIPANTS = sa.select(chat_participants.c.agent_id).where(
    chat_participants.c.chat_id == sa.bindparam("chat_id"), chat_participants.c.left_at.is_(None)
)
_NEXT_SEQ = (
    sa.update(chats)
    .where(chats.c.id == sa.bindparam("chat_id"))
    .values(last_seq=chats.c.last_seq + 1)
    .returning(*chats.c)
)
_NEXT_SEQ_PREVIEW = (
    sa.update(chats)
    .where(chats.c.id == sa.bindparam("chat_id"))
    .values(last_seq=chats.c.last_seq + 1, preview=sa.bindparam("preview"))
    .returning(*chats.c)
)
_INSERT_EVENT = sa.insert(events).returning(events.c.id)
_SAME_CLIENT_MSG = sa.select(events).where(
    events.c.author == sa.bindparam("author"),
    events.c.author_id == sa.bindparam("author_id"),
    events.c.client_msg_id == sa.bindparam("client_msg_id"),
)


def open_chat_of_visitor(conn: Connection, visitor_id: int) -> Any:
    return conn.execute(_OPEN_CHAT, {"visitor_id": visitor_id}).first()


def participants(conn: Connection, chat_id: int) -> list[int]:
    return list(conn.execute(_PARTICIPANTS, {"chat_id": chat_id}).scalars())


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
    query = _chat_info_select.where(
        sa.or_(
            offered_to(agent_id),
            sa.and_(chats.c.state == "active", chats.c.id.in_(mine)),
        )
    ).order_by(chats.c.id)
    return _chat_infos(conn, query)


def offered_chats(conn: Connection, agent_id: int) -> list[p.ChatInfo]:
    return _chat_infos(conn, _chat_info_select.where(offered_to(agent_id)).order_by(chats.c.id))


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
    return [event_from_row(r) for r in reversed(rows)]


def chat_row(conn: Connection, chat_id: int) -> Any:
    return (conn.execute(sa.select(chats).where(chats.c.id == chat_id))).first()


# ---------------------------------------------------------------- writes: accounts and sites


def create_agent(email: str, name: str, password_hash: str, role: str) -> Write[int]:
    def write(conn: Connection) -> int:
        values = dict(
            email=email, name=name, password_hash=password_hash, role=role, created_at=time.time()
        )
        result = conn.execute(sa.insert(agents).values(**values).returning(agents.c.id))
        return int(result.scalar_one())

    return write


def create_site(key: str, name: str, origins: Sequence[str], language: str) -> Write[int]:
    def write(conn: Connection) -> int:
        values = dict(
            key=key,
            name=name,
            allowed_origins="\n".join(origins),
            language=language,
            created_at=time.time(),
        )
        result = conn.execute(sa.insert(sites).values(**values).returning(sites.c.id))
        return int(result.scalar_one())

    return write


def create_session(agent_id: int, token_hash: str) -> Write[None]:
    def write(conn: Connection) -> None:
        now = time.time()
        values = dict(agent_id=agent_id, token_hash=token_hash, created_at=now, last_used_at=now)
        conn.execute(sa.insert(agent_sessions).values(**values))

    return write


def touch_session(token_hash: str) -> Write[None]:
    """Finding 7: the session was used (an authenticate): its idle lifetime starts again."""

    def write(conn: Connection) -> None:
        conn.execute(
            sa.update(agent_sessions)
            .where(agent_sessions.c.token_hash == token_hash)
            .values(last_used_at=time.time())
        )

    return write


def revoke_sessions(agent_id: int, keep_hash: str | None = None) -> Write[None]:
    """Finding 7: a password change ends every other session of the agent (``keep_hash``: the
    one that changed it)."""

    def write(conn: Connection) -> None:
        query = sa.update(agent_sessions).where(agent_sessions.c.agent_id == agent_id)
        if keep_hash is not None:
            query = query.where(agent_sessions.c.token_hash != keep_hash)
        conn.execute(query.values(revoked=True))

    return write


def prune_sessions(max_age: float, idle: float) -> Write[int]:
    """Finding 7: delete revoked and expired sessions (one DELETE: any node may run it, at any
    time, as often as it likes). Returns how many went."""

    def write(conn: Connection) -> int:
        now = time.time()
        result = conn.execute(
            sa.delete(agent_sessions).where(
                sa.or_(
                    agent_sessions.c.revoked.is_(True),
                    agent_sessions.c.created_at <= now - max_age,
                    agent_sessions.c.last_used_at <= now - idle,
                )
            )
        )
        return int(result.rowcount or 0)

    return write


def revoke_session(token_hash: str) -> Write[None]:
    def write(conn: Connection) -> None:
        conn.execute(
            sa.update(agent_sessions)
            .where(agent_sessions.c.token_hash == token_hash)
            .values(revoked=True)
        )

    return write


# ---------------------------------------------------------------- writes: visitors


def create_visitor(site_id: int, token_hash: str, ip: str, url: str, title: str) -> Write[int]:
    def write(conn: Connection) -> int:
        now = time.time()
        values = dict(
            site_id=site_id,
            token_hash=token_hash,
            ip=ip,
            page_url=url,
            page_title=title,
            created_at=now,
            last_seen_at=now,
        )
        result = conn.execute(sa.insert(visitors).values(**values).returning(visitors.c.id))
        return int(result.scalar_one())

    return write


def touch_visitor(visitor_id: int, ip: str, url: str, title: str) -> Write[None]:
    def write(conn: Connection) -> None:
        values: dict[str, Any] = dict(ip=ip, last_seen_at=time.time())
        if url:
            values.update(page_url=url, page_title=title)
        conn.execute(sa.update(visitors).where(visitors.c.id == visitor_id).values(**values))

    return write


def record_page_view(visitor_id: int, view: p.PageView) -> Write[None]:
    def write(conn: Connection) -> None:
        now = time.time()
        conn.execute(
            sa.insert(page_views).values(
                visitor_id=visitor_id,
                url=view.url,
                title=view.title,
                referrer=view.referrer,
                utm_source=view.utm.source,
                utm_medium=view.utm.medium,
                utm_campaign=view.utm.campaign,
                utm_term=view.utm.term,
                utm_content=view.utm.content,
                ts=now,
            )
        )
        conn.execute(
            sa.update(visitors)
            .where(visitors.c.id == visitor_id)
            .values(page_url=view.url, page_title=view.title, last_seen_at=now)
        )

    return write


def set_contact(visitor_id: int, site_id: int, name: str, email: str, phone: str) -> Write[None]:
    """The contact, and its ``client_updated`` webhook in the same commit (finding 21),
    coalesced per visitor (finding 5)."""

    def write(conn: Connection) -> None:
        conn.execute(
            sa.update(visitors)
            .where(visitors.c.id == visitor_id)
            .values(name=name, email=email, phone=phone)
        )
        hooks.enqueue(
            conn,
            "client_updated",
            {"visitor_id": visitor_id, "site_id": site_id, "name": name, "email": email,
             "phone": phone},
            coalesce_key=f"visitor:{visitor_id}",
        )  # fmt: skip

    return write


def store_offline_message(
    site_id: int, visitor_id: int, name: str, email: str, text: str, limit: int = 0
) -> Write[int]:
    """``limit``: how many unhandled messages one visitor may have (0: no limit)."""

    def write(conn: Connection) -> int:
        if limit:
            waiting = conn.execute(
                sa.select(sa.func.count())
                .select_from(offline_messages)
                .where(
                    offline_messages.c.visitor_id == visitor_id,
                    offline_messages.c.handled_at.is_(None),
                )
            ).scalar()
            if (waiting or 0) >= limit:
                raise p.FrameRejected(
                    "rate_limited", "your earlier messages are still waiting for an answer"
                )
        result = conn.execute(
            sa.insert(offline_messages)
            .values(
                site_id=site_id,
                visitor_id=visitor_id,
                name=name,
                email=email,
                text=text,
                created_at=time.time(),
            )
            .returning(offline_messages.c.id)
        )
        hooks.enqueue(
            conn,
            "offline_message",
            {"visitor_id": visitor_id, "site_id": site_id, "name": name, "email": email,
             "text": text},
        )  # fmt: skip
        return int(result.scalar_one())

    return write


# ---------------------------------------------------------------- writes: chats


@dataclass
class ChatChange:
    """What a chat write did, for the caller to acknowledge and push."""

    event: p.Event
    chat: Any  # the chats row after the write
    participants: list[int]
    duplicate: bool = False
    new_chat: bool = False
    info: p.ChatInfo | None = None
    """The new chat, read in the same transaction (for the offer)."""
    to_visitor: bool = True
    """False for events only agents see (C9 transfer notes, C10 comments)."""
    route: Any = None
    """How a new chat was routed (server.store.ladder.Offer)."""


def _append_event(
    conn: Connection,
    chat_id: int,
    *,
    kind: p.EventKind,
    author: p.Role,
    author_id: int | None,
    author_name: str = "",
    text: str = "",
    client_msg_id: str | None = None,
    visible_to_visitor: bool = True,
    chat_values: dict[str, Any] | None = None,
) -> tuple[p.Event, Any]:
    if not chat_values:
        chat = conn.execute(_NEXT_SEQ, {"chat_id": chat_id}).one()
    elif set(chat_values) == {"preview"}:
        chat = conn.execute(_NEXT_SEQ_PREVIEW, {"chat_id": chat_id, **chat_values}).one()
    else:
        chat = conn.execute(
            sa.update(chats)
            .where(chats.c.id == chat_id)
            .values(last_seq=chats.c.last_seq + 1, **chat_values)
            .returning(*chats.c)
        ).one()
    values: dict[str, Any] = {
        "chat_id": chat_id,
        "seq": chat.last_seq,
        "kind": kind,
        "author": author,
        "author_id": author_id,
        "author_name": author_name,
        "text": text,
        "client_msg_id": client_msg_id,
        "ts": time.time(),
    }
    cursor = conn.execute(
        _INSERT_EVENT, {**values, "visible_to_visitor": visible_to_visitor}
    ).scalar_one()
    if kind in ("closed", "missed") and chat.kind == "visitor":
        # K3, finding 21: every visitor chat that closes or is missed, whatever closed it,
        # reports chat_finished in the transaction that closed it.
        finished: dict[str, Any] = {"chat_id": chat_id}
        if kind == "missed":
            finished.update(agent=None, missed=True)
        else:
            finished["agent"] = {"id": author_id, "name": author_name}
        hooks.enqueue(conn, "chat_finished", finished)
    return p.Event(cursor=cursor, **values), chat


def _duplicate(
    conn: Connection, author: p.Role, author_id: int, client_msg_id: str
) -> ChatChange | None:
    row = conn.execute(
        _SAME_CLIENT_MSG,
        {"author": author, "author_id": author_id, "client_msg_id": client_msg_id},
    ).first()
    if row is None:
        return None
    chat = chat_row(conn, row.chat_id)
    return ChatChange(event_from_row(row), chat, participants(conn, chat.id), duplicate=True)


def visitor_message(
    visitor_id: int,
    site_id: int,
    client_msg_id: str,
    text: str,
    agents_online: bool,
    on_new_chat: Callable[[Connection, int], Any] | None = None,
    *,
    opening: tuple[int, str, str] | None = None,
) -> Write[ChatChange]:
    """A visitor's message goes to the open chat; with none, it opens a chat (offered to the
    agents), or is refused with ``no_agents_online`` so the widget shows the offline form.
    ``on_new_chat(conn, chat_id)`` routes a new chat in the same transaction; its result is
    the change's ``route``. ``opening`` (agent id, name, text): the invitation a new chat
    answers, stored as that agent's first message (B7; the widget showed it already)."""

    def write(conn: Connection) -> ChatChange:
        dup = _duplicate(conn, "visitor", visitor_id, client_msg_id)
        if dup is not None:
            return dup
        chat = open_chat_of_visitor(conn, visitor_id)
        new_chat = chat is None
        if chat is None:
            if not agents_online:
                raise p.FrameRejected(
                    "no_agents_online", "no agent is online; leave a message instead"
                )
            chat_id = (
                conn.execute(
                    sa.insert(chats)
                    .values(
                        site_id=site_id,
                        visitor_id=visitor_id,
                        state="offered",
                        created_at=time.time(),
                    )
                    .returning(chats.c.id)
                )
            ).scalar_one()
            if opening is not None and opening[2].strip():
                _append_event(
                    conn,
                    chat_id,
                    kind="message",
                    author="agent",
                    author_id=opening[0],
                    author_name=opening[1],
                    text=opening[2],
                )
        else:
            chat_id = chat.id
        event, chat = _append_event(
            conn,
            chat_id,
            kind="message",
            author="visitor",
            author_id=visitor_id,
            text=text,
            client_msg_id=client_msg_id,
            chat_values={"preview": text[:200]},
        )
        if new_chat:
            route = on_new_chat(conn, chat_id) if on_new_chat is not None else None
            change = ChatChange(event, chat, [], new_chat=True, info=chat_info(conn, chat_id))
            change.route = route
            return change
        return ChatChange(event, chat, participants(conn, chat_id))

    return write


def _check_member(chat: Any, members: list[int], agent_id: int) -> None:
    if chat is None:
        raise p.FrameRejected("not_found", "no such chat")
    if chat.state not in OPEN_STATES:
        raise p.FrameRejected("chat_closed", f"the chat is {chat.state}")
    if agent_id not in members:
        raise p.FrameRejected("not_in_chat", "accept the chat before writing in it")


def agent_message(
    agent_id: int, agent_name: str, chat_id: int, client_msg_id: str, text: str
) -> Write[ChatChange]:
    def write(conn: Connection) -> ChatChange:
        dup = _duplicate(conn, "agent", agent_id, client_msg_id)
        if dup is not None:
            return dup
        chat = chat_row(conn, chat_id)
        members = participants(conn, chat_id) if chat else []
        _check_member(chat, members, agent_id)
        event, chat = _append_event(
            conn,
            chat_id,
            kind="message",
            author="agent",
            author_id=agent_id,
            author_name=agent_name,
            text=text,
            client_msg_id=client_msg_id,
            # B9: a colleague chat has only agents' lines; its preview survives a restart.
            chat_values={"preview": text[:200]} if chat.kind == "direct" else None,
        )
        return ChatChange(event, chat, members)

    return write


def accept_chat(
    agent_id: int, agent_name: str, chat_id: int, *, webhook: bool = False
) -> Write[ChatChange]:
    """The first agent to accept an offered chat takes it; while a round offers it to chosen
    agents only (C5's assigned agent, the least busy one), only they may (N3). ``webhook``:
    the ``chat_accepted`` delivery is written in the same transaction (finding 21)."""
    mark = f"%,{int(agent_id)},%"

    def write(conn: Connection) -> ChatChange:
        taken = conn.execute(
            sa.update(chats)
            .where(
                chats.c.id == chat_id,
                chats.c.state == "offered",
                sa.or_(chats.c.offer_to == "", chats.c.offer_to.like(mark)),
            )
            .values(state="active", agent_id=agent_id)
        )
        if taken.rowcount != 1:
            chat = chat_row(conn, chat_id)
            if chat is None:
                raise p.FrameRejected("not_found", "no such chat")
            if chat.state == "active":
                raise p.FrameRejected("chat_taken", "another agent accepted this chat")
            if chat.state == "offered":
                raise p.FrameRejected("chat_taken", "this chat is offered to a colleague now")
            raise p.FrameRejected("chat_closed", f"the chat is {chat.state}")
        # B6: an agent may take back a chat that went back to routing after she dropped off.
        rejoined = conn.execute(
            sa.update(chat_participants)
            .where(chat_participants.c.chat_id == chat_id, chat_participants.c.agent_id == agent_id)
            .values(joined_at=time.time(), left_at=None)
        )
        if rejoined.rowcount == 0:
            conn.execute(
                sa.insert(chat_participants).values(
                    chat_id=chat_id, agent_id=agent_id, joined_at=time.time()
                )
            )
        event, chat = _append_event(
            conn, chat_id, kind="joined", author="agent", author_id=agent_id, author_name=agent_name
        )
        if webhook:
            hooks.enqueue(
                conn,
                "chat_accepted",
                {"chat_id": chat_id, "agent": {"id": agent_id, "name": agent_name}},
            )
        return ChatChange(event, chat, participants(conn, chat_id))

    return write


def close_chat(agent_id: int, agent_name: str, chat_id: int) -> Write[ChatChange]:
    def write(conn: Connection) -> ChatChange:
        chat = chat_row(conn, chat_id)
        members = participants(conn, chat_id) if chat else []
        _check_member(chat, members, agent_id)
        now = time.time()
        event, chat = _append_event(
            conn,
            chat_id,
            kind="closed",
            author="agent",
            author_id=agent_id,
            author_name=agent_name,
            chat_values={"state": "closed", "closed_at": now},
        )
        conn.execute(
            sa.update(chat_participants)
            .where(chat_participants.c.chat_id == chat_id, chat_participants.c.left_at.is_(None))
            .values(left_at=now)
        )
        return ChatChange(event, chat, members)

    return write


def open_direct_chat(agent_id: int, peer_id: int) -> Write[tuple[int, bool]]:
    """T2: the open chat between two colleagues, made on first use. Returns (chat id, made)."""

    def write(conn: Connection) -> tuple[int, bool]:
        peer = (conn.execute(sa.select(agents).where(agents.c.id == peer_id))).first()
        if peer is None or peer.disabled or peer_id == agent_id:
            raise p.FrameRejected("not_found", "no such colleague")
        mine = sa.select(chat_participants.c.chat_id).where(
            chat_participants.c.agent_id == agent_id
        )
        theirs = sa.select(chat_participants.c.chat_id).where(
            chat_participants.c.agent_id == peer_id
        )
        existing = (
            conn.execute(
                sa.select(chats.c.id).where(
                    chats.c.kind == "direct",
                    chats.c.state == "active",
                    chats.c.id.in_(mine),
                    chats.c.id.in_(theirs),
                )
            )
        ).first()
        if existing is not None:
            return int(existing.id), False
        now = time.time()
        chat_id = (
            conn.execute(
                sa.insert(chats)
                .values(kind="direct", state="active", created_at=now)
                .returning(chats.c.id)
            )
        ).scalar_one()
        conn.execute(
            sa.insert(chat_participants),
            [
                {"chat_id": chat_id, "agent_id": agent_id, "joined_at": now},
                {"chat_id": chat_id, "agent_id": peer_id, "joined_at": now},
            ],
        )
        return int(chat_id), True

    return write


@dataclass
class ReceiptChange:
    chat_id: int
    visitor_id: int | None
    members: list[int]
    delivered_seq: int
    read_seq: int


def _raise_to(column: Any, seq: int) -> Any:
    return sa.case((column < seq, seq), else_=column)


def visitor_receipt(visitor_id: int, seq: int, read: bool) -> Write[ReceiptChange | None]:
    """C19: the visitor's widget has received (and maybe shown) the agents' messages to seq."""

    def write(conn: Connection) -> ReceiptChange | None:
        chat = open_chat_of_visitor(conn, visitor_id)
        if chat is None:
            return None
        seq_ = min(seq, chat.last_seq)
        values = {"visitor_delivered_seq": _raise_to(chats.c.visitor_delivered_seq, seq_)}
        if read:
            values["visitor_read_seq"] = _raise_to(chats.c.visitor_read_seq, seq_)
        row = (
            conn.execute(
                sa.update(chats)
                .where(chats.c.id == chat.id)
                .values(**values)
                .returning(chats.c.visitor_delivered_seq, chats.c.visitor_read_seq)
            )
        ).one()
        return ReceiptChange(chat.id, visitor_id, participants(conn, chat.id), row[0], row[1])

    return write


def agent_receipt(agent_id: int, chat_id: int, seq: int) -> Write[ReceiptChange | None]:
    """C19: an agent has read the chat up to seq (visitor chats only)."""

    def write(conn: Connection) -> ReceiptChange | None:
        chat = chat_row(conn, chat_id)
        members = participants(conn, chat_id) if chat else []
        if chat is None or agent_id not in members or chat.kind != "visitor":
            return None
        seq_ = min(seq, chat.last_seq)
        row = (
            conn.execute(
                sa.update(chats)
                .where(chats.c.id == chat_id)
                .values(agent_read_seq=_raise_to(chats.c.agent_read_seq, seq_))
                .returning(chats.c.agent_read_seq)
            )
        ).one()
        return ReceiptChange(chat_id, chat.visitor_id, members, row[0], row[0])

    return write


# ---------------------------------------------------------------- visitors on the site (V1, C4)


def visitor_row(conn: Connection, visitor_id: int) -> Any:
    return conn.execute(sa.select(visitors).where(visitors.c.id == visitor_id)).first()


def start_visit(visitor_id: int, values: dict[str, Any]) -> Write[None]:
    """A visitor's socket said hello: address, browser, place and (new visit) the counters."""

    def write(conn: Connection) -> None:
        conn.execute(sa.update(visitors).where(visitors.c.id == visitor_id).values(**values))

    return write


def record_visit_page(visitor_id: int, view: p.PageView, visit: dict[str, Any]) -> Write[None]:
    """A page view with what it changed of the visit (pages this visit, the visit's source)."""

    def write(conn: Connection) -> None:
        record_page_view(visitor_id, view)(conn)
        if visit:
            conn.execute(sa.update(visitors).where(visitors.c.id == visitor_id).values(**visit))

    return write


def visitor_left(visitor_id: int) -> Write[None]:
    def write(conn: Connection) -> None:
        conn.execute(
            sa.update(visitors).where(visitors.c.id == visitor_id).values(last_seen_at=time.time())
        )

    return write


HISTORY_PAGES = 200


def visitor_details(conn: Connection, visitor_id: int) -> tuple[Any, str, list[p.PageVisit]]:
    """The visitors row, its site's name, and the pages of its latest visit (oldest first)."""
    row = visitor_row(conn, visitor_id)
    if row is None:
        return None, "", []
    site_name = conn.execute(sa.select(sites.c.name).where(sites.c.id == row.site_id)).scalar()
    query = (
        sa.select(page_views.c.url, page_views.c.title, page_views.c.ts)
        .where(
            page_views.c.visitor_id == visitor_id,
            page_views.c.ts >= (row.session_started_at or 0) - 1,
        )
        .order_by(page_views.c.id.desc())
        .limit(HISTORY_PAGES)
    )
    pages = [p.PageVisit(url=r.url, title=r.title, ts=r.ts) for r in conn.execute(query)]
    return row, site_name or "", list(reversed(pages))


def visitor_info_from_row(row: Any, site_name: str) -> p.VisitorInfo:
    utm = None
    if row.utm_source or row.utm_medium or row.utm_campaign:
        utm = p.Utm(source=row.utm_source, medium=row.utm_medium, campaign=row.utm_campaign)
    return p.VisitorInfo(
        id=row.id,
        name=row.name,
        email=row.email,
        phone=row.phone,
        city=row.city,
        city_names=city_names_of(row.city_names),
        country=row.country,
        page_url=row.page_url,
        page_title=row.page_title,
        site_id=row.site_id,
        site_name=site_name,
        visits=row.visits,
        session_pages=row.session_pages,
        session_started=row.session_started_at,
        source=row.source,
        source_detail=row.source_detail,
        referrer=row.referrer,
        utm=utm,
        browser=row.browser,
        os=row.os,
        ip=row.ip,
        isp=row.isp,
        country_code=row.country_code,
    )


# ---------------------------------------------------------------- invitation rules (V3)


def _rule(row: Any) -> p.InvitationRule:
    return p.InvitationRule(
        id=row.id,
        site_id=row.site_id,
        message=row.message,
        agent_name=row.agent_name,
        agent_photo=row.agent_photo,
        min_seconds_on_page=row.min_seconds_on_page,
        url_pattern=row.url_pattern,
        min_visits=row.min_visits,
        referrer_pattern=row.referrer_pattern,
        utm_source=row.utm_source,
        utm_campaign=row.utm_campaign,
        enabled=row.enabled,
    )


def invitation_rules_and_sites(conn: Connection) -> tuple[list[p.InvitationRule], list[p.SiteRef]]:
    rules = [_rule(r) for r in conn.execute(sa.select(invitation_rules).order_by("id"))]
    found = conn.execute(sa.select(sites.c.id, sites.c.name).order_by(sites.c.id))
    return rules, [p.SiteRef(id=r.id, name=r.name) for r in found]


def enabled_rules(conn: Connection) -> list[p.InvitationRule]:
    query = sa.select(invitation_rules).where(invitation_rules.c.enabled.is_(True)).order_by("id")
    return [_rule(r) for r in conn.execute(query)]


def save_invitation_rule(rule: p.InvitationRule) -> Write[int]:
    def write(conn: Connection) -> int:
        if conn.execute(sa.select(sites.c.id).where(sites.c.id == rule.site_id)).first() is None:
            raise p.FrameRejected("not_found", "no such site")
        values = msgspec.structs.asdict(rule)
        del values["id"]
        if rule.id:
            done = conn.execute(
                sa.update(invitation_rules).where(invitation_rules.c.id == rule.id).values(**values)
            )
            if done.rowcount == 0:
                raise p.FrameRejected("not_found", "no such rule")
            return rule.id
        inserted = conn.execute(
            sa.insert(invitation_rules)
            .values(**values, created_at=time.time())
            .returning(invitation_rules.c.id)
        )
        return int(inserted.scalar_one())

    return write


def delete_invitation_rule(rule_id: int) -> Write[None]:
    def write(conn: Connection) -> None:
        conn.execute(sa.delete(invitation_rules).where(invitation_rules.c.id == rule_id))

    return write
