"""Blocked clients (C8): a visitor is blocked by its id, and by the IP it had only when the
agent chose so (B5: an office or a mobile carrier shares one address); unblocking (admins)
keeps the row. Same rules as :mod:`server.store`."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.chats import reads as chat_reads
from server.chats import writes as chat_writes
from server.core.limits import client_key
from server.store.schema import agents, blocked_clients, chat_participants, visitors
from server.store.writer import Write

# Two indexed lookups (by visitor, by site and IP) rather than one OR that SQLite scans: every
# visitor message runs this (measured: 130 us with an OR over 1,000 blocks).
_OWN_BLOCK = (
    sa.select(sa.literal(0).label("by_ip"))
    .where(
        blocked_clients.c.visitor_id == sa.bindparam("visitor_id"),
        blocked_clients.c.unblocked_at.is_(None),
    )
    .limit(1)
)
_IP_BLOCK = (
    sa.select(sa.literal(1).label("by_ip"))
    .where(
        blocked_clients.c.site_id == sa.bindparam("site_id"),
        blocked_clients.c.ip.in_(sa.bindparam("ips", expanding=True)),
        blocked_clients.c.ip != "",
        blocked_clients.c.by_ip.is_(True),
        blocked_clients.c.unblocked_at.is_(None),
    )
    .limit(1)
)


def block_kind(conn: Connection, site_id: int, visitor_id: int, ip: str) -> str | None:
    """C8/B5: "visitor" when this visitor is blocked, "ip" when only a block of its address
    covers it, None when it may write."""
    # An IPv6 address: its /64, as blocks are stored since finding 21; blocks of a single
    # address still hold.
    params = {"site_id": site_id, "visitor_id": visitor_id, "ips": sorted({ip, client_key(ip)})}
    if conn.execute(_OWN_BLOCK, params).first() is not None:
        return "visitor"
    if conn.execute(_IP_BLOCK, params).first() is not None:
        return "ip"
    return None


def is_blocked(conn: Connection, site_id: int, visitor_id: int, ip: str) -> bool:
    """C8: the visitor, or (when a block chose it) any visitor from its IP, is blocked."""
    return block_kind(conn, site_id, visitor_id, ip) is not None


def refusal(kind: str) -> p.FrameRejected:
    """The typed refusal for a blocked visitor: B5 tells one only blocked by its address so."""
    if kind == "ip":
        return p.FrameRejected(
            "ip_blocked",
            "messages from your network address are blocked on this site; yours was not sent",
        )
    return p.FrameRejected("blocked", "you can no longer write in this chat")


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
            spam=bool(r.spam),
            by_ip=bool(r.by_ip),
        )
        for r in rows
    ]


# ---------------------------------------------------------------- blocking (C8)


@dataclass
class Block:
    block_id: int
    visitor_id: int
    close: chat_writes.ChatChange | None
    ip: str = ""
    site_id: int = 0


def block_client(
    agent: p.AgentInfo, chat_id: int, reason: str, *, spam: bool = False, by_ip: bool = False
) -> Write[Block]:
    """Block the chat's visitor (and, with ``by_ip``, its IP) and close the chat if it is
    open. ``spam``: the guide's "Bloquear o Spam"."""

    def write(conn: Connection) -> Block:
        chat = chat_reads.chat_row(conn, chat_id)
        if chat is None or chat.kind != "visitor" or chat.visitor_id is None:
            raise p.FrameRejected("not_found", "no such visitor chat")
        members = chat_reads.participants(conn, chat_id)
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
                reason=reason.strip(),
                blocked_by=agent.id,
                created_at=now,
                spam=spam,
                by_ip=by_ip,
            )
            .returning(blocked_clients.c.id)
        ).scalar_one()
        close = None
        if chat.state in chat_reads.OPEN_STATES:
            event, row = chat_writes.append_event(
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
            close = chat_writes.ChatChange(event, row, members)
        return Block(int(block_id), int(visitor.id), close, str(visitor.ip), int(chat.site_id))

    return write


def chat_visitor_ip(conn: Connection, agent: p.AgentInfo, chat_id: int) -> tuple[int, int, str]:
    """B5, before blocking: the chat's (site id, visitor id, visitor IP), for those who may
    block it (its agents, admins)."""
    chat = chat_reads.chat_row(conn, chat_id)
    if chat is None or chat.kind != "visitor" or chat.visitor_id is None:
        raise p.FrameRejected("not_found", "no such visitor chat")
    if agent.role != "admin" and agent.id not in chat_reads.participants(conn, chat_id):
        raise p.FrameRejected("not_in_chat", "you are not in this chat")
    ip = conn.execute(sa.select(visitors.c.ip).where(visitors.c.id == chat.visitor_id)).scalar()
    return int(chat.site_id), int(chat.visitor_id), str(ip or "")


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
        kind = block_kind(conn, site_id, visitor_id, ip)
        if kind is not None:
            raise refusal(kind)
        return inner(conn)

    return write
