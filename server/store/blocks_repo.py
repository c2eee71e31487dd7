"""Blocked clients (C8): a visitor is blocked by its id and by the IP it had; unblocking (admins)
keeps the row. Same rules as :mod:`server.store.repo`."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.limits import client_key
from server.store import repo
from server.store.schema import agents, blocked_clients, chat_participants, visitors
from server.store.writer import Write

# Two indexed lookups (by visitor, by site and IP) rather than one OR that SQLite scans: every
# visitor message runs this (measured: 130 us with an OR over 1,000 blocks).
_ACTIVE_BLOCK = sa.union_all(
    sa.select(blocked_clients.c.id).where(
        blocked_clients.c.visitor_id == sa.bindparam("visitor_id"),
        blocked_clients.c.unblocked_at.is_(None),
    ),
    sa.select(blocked_clients.c.id).where(
        blocked_clients.c.site_id == sa.bindparam("site_id"),
        blocked_clients.c.ip.in_(sa.bindparam("ips", expanding=True)),
        blocked_clients.c.ip != "",
        blocked_clients.c.unblocked_at.is_(None),
    ),
).limit(1)


def is_blocked(conn: Connection, site_id: int, visitor_id: int, ip: str) -> bool:
    """C8: the visitor, or any visitor from its IP (an IPv6 address: its /64, as blocks are
    stored since finding 21; blocks of a single address still hold), is blocked on this site."""
    params = {"site_id": site_id, "visitor_id": visitor_id, "ips": sorted({ip, client_key(ip)})}
    return conn.execute(_ACTIVE_BLOCK, params).first() is not None


def blocked_list(conn: Connection) -> list[p.BlockedClient]:
    blocker = agents.alias("blocker")
    rows = conn.execute(
        sa.select(
            blocked_clients,
            visitors.c.name.label("v_name"),
            visitors.c.city.label("v_city"),
            blocker.c.name.label("by_name"),
        )
        .outerjoin(visitors, visitors.c.id == blocked_clients.c.visitor_id)
        .outerjoin(blocker, blocker.c.id == blocked_clients.c.blocked_by)
        .where(blocked_clients.c.unblocked_at.is_(None))
        .order_by(blocked_clients.c.id.desc())
    ).all()
    return [
        p.BlockedClient(
            id=r.id,
            site_id=r.site_id,
            visitor_id=r.visitor_id,
            ip=r.ip,
            visitor_name=r.v_name or "",
            reason=r.reason,
            blocked_by=r.by_name or "",
            created_at=r.created_at,
        )
        for r in rows
    ]


# ---------------------------------------------------------------- blocking (C8)


@dataclass
class Block:
    block_id: int
    visitor_id: int
    close: repo.ChatChange | None


def block_client(agent: p.AgentInfo, chat_id: int, reason: str) -> Write[Block]:
    """Block the chat's visitor (its id and its IP) and close the chat if it is open."""

    def write(conn: Connection) -> Block:
        chat = repo.chat_row(conn, chat_id)
        if chat is None or chat.kind != "visitor" or chat.visitor_id is None:
            raise p.FrameRejected("not_found", "no such visitor chat")
        members = repo.participants(conn, chat_id)
        if agent.id not in members and agent.role != "admin":
            raise p.FrameRejected("not_in_chat", "you are not in this chat")
        visitor = conn.execute(sa.select(visitors).where(visitors.c.id == chat.visitor_id)).one()
        now = time.time()
        block_id = conn.execute(
            sa.insert(blocked_clients)
            .values(
                site_id=chat.site_id,
                visitor_id=visitor.id,
                ip=client_key(visitor.ip) if visitor.ip else "",  # an IPv6 /64 as one client
                reason=reason,
                blocked_by=agent.id,
                created_at=now,
            )
            .returning(blocked_clients.c.id)
        ).scalar_one()
        close = None
        if chat.state in repo.OPEN_STATES:
            event, row = repo._append_event(
                conn, chat_id, kind="closed", author="agent", author_id=agent.id,
                author_name=agent.name, chat_values={"state": "closed", "closed_at": now},
            )  # fmt: skip
            conn.execute(
                sa.update(chat_participants)
                .where(
                    chat_participants.c.chat_id == chat_id, chat_participants.c.left_at.is_(None)
                )
                .values(left_at=now)
            )
            close = repo.ChatChange(event, row, members)
        return Block(int(block_id), int(visitor.id), close)

    return write


def unblock(block_id: int, admin_id: int) -> Write[None]:
    def write(conn: Connection) -> None:
        done = conn.execute(
            sa.update(blocked_clients)
            .where(blocked_clients.c.id == block_id, blocked_clients.c.unblocked_at.is_(None))
            .values(unblocked_at=time.time(), unblocked_by=admin_id)
        )
        if done.rowcount != 1:
            raise p.FrameRejected("not_found", "no such block")

    return write


def unless_blocked(site_id: int, visitor_id: int, ip: str, inner: Write[Any]) -> Write[Any]:
    """C8: run a visitor's write only if neither the visitor nor its IP is blocked (checked in
    the same transaction, so a block committed a moment earlier on any node is seen)."""

    def write(conn: Connection) -> Any:
        if is_blocked(conn, site_id, visitor_id, ip):
            raise p.FrameRejected("blocked", "you can no longer write in this chat")
        return inner(conn)

    return write
