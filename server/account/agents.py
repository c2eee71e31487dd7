"""Agents, sites and sign-in sessions: the reads and writes behind signing in.

Synchronous functions on a ``Connection``; writes are returned as a ``Write`` for the group
writer.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.store.schema import (
    agent_sessions,
    agents,
    sites,
)
from server.store.writer import Write


def agent_info(row: Any, status: p.AgentStatus) -> p.AgentInfo:
    return p.AgentInfo(id=row.id, name=row.name, email=row.email, role=row.role, status=status)


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
