"""B6: an agent who quits or drops off leaves no orphaned chats.

When an agent's last connection closes while she has open visitor chats, a timer row
(``agent_dropouts``) says when her grace period ends; coming back deletes it. When it is due,
the node that deletes the row does the work (claimed once): she leaves each of those chats, and
a chat nobody else is in goes back to routing from its first round (N3), history and all. The
visitor is told by a ``requeued`` event. The router's timer (:mod:`server.routing`) watches
these rows with the offer deadlines (``ladder.next_deadline``).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server.store import repo
from server.store.ladder import Offer, first_round
from server.store.schema import agent_dropouts, chat_participants, chats


@dataclass
class Requeued:
    """A chat of a dropped agent: the event to push, and its new first round (None when a
    colleague is still in the chat)."""

    change: repo.ChatChange
    offer: Offer | None


def note_dropout(agent_id: int, due_at: float) -> Any:
    """A write: the agent went offline; at ``due_at`` her open visitor chats go back to
    routing, unless she comes back first. Nothing is stored when she has none."""

    def write(conn: Connection) -> bool:
        conn.execute(sa.delete(agent_dropouts).where(agent_dropouts.c.agent_id == agent_id))
        if not _open_chats_of(conn, agent_id):
            return False
        conn.execute(sa.insert(agent_dropouts).values(agent_id=agent_id, due_at=due_at))
        return True

    return write


def cancel_dropout(agent_id: int) -> Any:
    """A write: the agent is back in time; her chats stay hers."""

    def write(conn: Connection) -> None:
        conn.execute(sa.delete(agent_dropouts).where(agent_dropouts.c.agent_id == agent_id))

    return write


def due_dropouts(conn: Connection, now: float) -> list[tuple[int, float]]:
    query = (
        sa.select(agent_dropouts.c.agent_id, agent_dropouts.c.due_at)
        .where(agent_dropouts.c.due_at <= now)
        .order_by(agent_dropouts.c.due_at)
        .limit(100)
    )
    return [(int(a), float(d)) for a, d in conn.execute(query)]


def _open_chats_of(conn: Connection, agent_id: int) -> list[int]:
    query = (
        sa.select(chats.c.id)
        .join(chat_participants, chat_participants.c.chat_id == chats.c.id)
        .where(
            chat_participants.c.agent_id == agent_id,
            chat_participants.c.left_at.is_(None),
            chats.c.state == "active",
            chats.c.kind == "visitor",
        )
        .order_by(chats.c.id)
    )
    return [int(c) for c in conn.execute(query).scalars()]


def requeue_dropped(agent_id: int, due_at: float, online: Sequence[int]) -> Any:
    """A write: the grace period of a dropped agent ended. The timer row is claimed by
    deleting it (one node, once); then she leaves each of her open visitor chats, and a chat
    nobody else is in goes back to routing from its first round, history and all."""

    def write(conn: Connection) -> list[Requeued]:
        claimed = conn.execute(
            sa.delete(agent_dropouts).where(
                agent_dropouts.c.agent_id == agent_id, agent_dropouts.c.due_at == due_at
            )
        )
        if claimed.rowcount != 1:
            return []
        agent = repo.agent_row(conn, agent_id)
        name = str(agent.name) if agent is not None else ""
        now = time.time()
        done: list[Requeued] = []
        for chat_id in _open_chats_of(conn, agent_id):
            conn.execute(
                sa.update(chat_participants)
                .where(
                    chat_participants.c.chat_id == chat_id,
                    chat_participants.c.agent_id == agent_id,
                )
                .values(left_at=now)
            )
            others = repo.participants(conn, chat_id)
            if others:
                event, row = repo._append_event(
                    conn, chat_id, kind="left", author="agent", author_id=agent_id,
                    author_name=name,
                )  # fmt: skip
                done.append(Requeued(repo.ChatChange(event, row, others), None))
                continue
            event, row = repo._append_event(
                conn,
                chat_id,
                kind="requeued",
                author="system",
                author_id=agent_id,  # whose chat it was: her app drops it
                author_name=name,
                chat_values={"state": "offered", "agent_id": None},
            )
            offer = first_round(conn, chat_id, [a for a in online if a != agent_id])
            offer.info = repo.chat_info(conn, chat_id)
            done.append(Requeued(repo.ChatChange(event, repo.chat_row(conn, chat_id), []), offer))
        return done

    return write
