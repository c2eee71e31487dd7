"""Writes of chats: messages (stored once per client id), accepting, closing, direct chats
between agents, and read receipts.

Writes are functions that return a ``Write`` for the :class:`~server.store.writer.GroupWriter`,
so that they join the next group commit.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.channels import outbox, reach
from server.chats.reads import (
    OPEN_STATES,
    chat_info,
    chat_row,
    event_from_row,
    open_chat_of_visitor,
    participants,
)
from server.crm import intake
from server.integrations import hooks
from server.phone import call_events
from server.stats import log as stats_log
from server.store.schema import (
    agents,
    chat_participants,
    chats,
    events,
)
from server.store.writer import Write

# Built once with bind parameters (see chats.reads).
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
    """How a new chat was routed (server.chats.ladder.Offer)."""


def append_event(
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
    if chat.kind == "visitor":
        # S1: the reporting log, in the same transaction, whatever closed or moved the chat.
        if kind == "closed":
            stats_log.closed(conn, chat, author_id if author == "agent" else None)
        elif kind == "transfer":
            stats_log.record(
                conn, "transferred", chat_id=chat_id, site_id=chat.site_id,
                agent_id=chat.agent_id, other_id=author_id,
            )  # fmt: skip
    return p.Event(cursor=cursor, **values), chat


def duplicate(
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
    rule: int | None = None,
) -> Write[ChatChange]:
    """A visitor's message goes to the open chat; with none, it opens a chat (offered to the
    agents), or is refused with ``no_agents_online`` so the widget shows the offline form.
    ``on_new_chat(conn, chat_id)`` routes a new chat in the same transaction; its result is
    the change's ``route``. ``opening`` (agent id, name, text): the invitation a new chat
    answers, stored as that agent's first message (B7; the widget showed it already).
    ``rule``: the automatic invitation (V3) the visitor had open; a new chat answers it (S1)."""

    def write(conn: Connection) -> ChatChange:
        dup = duplicate(conn, "visitor", visitor_id, client_msg_id)
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
            intake.ensure_for_visitor(conn, visitor_id)  # R1: a visitor who chats is a client
            if opening is not None and opening[2].strip():
                append_event(
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
        event, chat = append_event(
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
            stats_log.chat_started(conn, chat_id, site_id, visitor_id, opening is not None)
            if opening is not None:
                stats_log.record(
                    conn, "invitation_answered", chat_id=chat_id, site_id=site_id,
                    agent_id=opening[0], detail="manual",
                )  # fmt: skip
            elif rule is not None:
                stats_log.record(
                    conn, "invitation_answered", chat_id=chat_id, site_id=site_id,
                    detail="rule",
                )  # fmt: skip
            route = on_new_chat(conn, chat_id) if on_new_chat is not None else None
            change = ChatChange(event, chat, [], new_chat=True, info=chat_info(conn, chat_id))
            change.route = route
            return change
        return ChatChange(event, chat, participants(conn, chat_id))

    return write


def check_member(chat: Any, members: list[int], agent_id: int) -> None:
    if chat is None:
        raise p.FrameRejected("not_found", "no such chat")
    if chat.state not in OPEN_STATES:
        raise p.FrameRejected("chat_closed", f"the chat is {chat.state}")
    if agent_id not in members:
        raise p.FrameRejected("not_in_chat", "accept the chat before writing in it")


def agent_message(
    agent_id: int,
    agent_name: str,
    chat_id: int,
    client_msg_id: str,
    text: str,
    via: str | None = None,
) -> Write[ChatChange]:
    """``via``: the reply channel (C10; None the chat's own), refused ``unreachable`` before
    anything is stored."""

    def write(conn: Connection) -> ChatChange:
        dup = duplicate(conn, "agent", agent_id, client_msg_id)
        if dup is not None:
            return dup
        chat = chat_row(conn, chat_id)
        members = participants(conn, chat_id) if chat else []
        check_member(chat, members, agent_id)
        if via is not None and chat.kind != "visitor":
            raise p.FrameRejected("unreachable", "a reply channel is for visitor chats only")
        route = reach.route(conn, chat, via) if chat.kind == "visitor" else None
        event, chat = append_event(
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
        stats_log.first_reply(conn, chat, agent_id)  # S1: once per chat
        if route is not None:
            outbox.enqueue_reply(conn, chat, event, route)  # C10: commits with it; never lost
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
        event, chat = append_event(
            conn, chat_id, kind="joined", author="agent", author_id=agent_id, author_name=agent_name
        )
        stats_log.record(conn, "accepted", chat_id=chat_id, site_id=chat.site_id, agent_id=agent_id)
        if webhook:
            hooks.enqueue(
                conn,
                "chat_accepted",
                {"chat_id": chat_id, "agent": {"id": agent_id, "name": agent_name}},
            )
        if chat.callback_number:  # P2
            call_events.enqueue(conn, chat, "taken", agent={"id": agent_id, "name": agent_name})
        return ChatChange(event, chat, participants(conn, chat_id))

    return write


def close_chat(agent_id: int, agent_name: str, chat_id: int) -> Write[ChatChange]:
    def write(conn: Connection) -> ChatChange:
        chat = chat_row(conn, chat_id)
        members = participants(conn, chat_id) if chat else []
        check_member(chat, members, agent_id)
        now = time.time()
        event, chat = append_event(
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
