"""B6: an agent who quits or drops off leaves no orphaned chats.

When an agent's last connection closes while she has open visitor chats, a timer row
(``agent_dropouts``) says when her grace period ends; coming back deletes it. When it is due,
the node that deletes the row does the work (claimed once): she leaves each of those chats, and
a chat nobody else is in goes back to routing from its first round (N3), history and all. The
visitor is told by a ``requeued`` event. The router's timer (:mod:`server.chats.routing`) watches
these rows with the offer deadlines (``ladder.next_deadline``).

A relay that crashed (SIGKILL, power loss) wrote no rows for the agents whose connections it
lost: at its start :func:`note_dropouts_at_start` writes one for every agent who still holds an
open visitor chat. An invitation or transfer still pending on a chat she leaves this way is
cancelled, and its target told, so no colleague is left answering a question nobody asks.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.account import agents as agents_repo
from server.chats import reads as chat_reads
from server.chats import writes as chat_writes
from server.chats.ladder import Offer, first_round
from server.store.schema import agent_dropouts, agents, chat_invitations, chat_participants, chats


@dataclass
class Requeued:
    """A chat of a dropped agent: the event to push, and its new first round (None when a
    colleague is still in the chat)."""

    change: chat_writes.ChatChange
    offer: Offer | None
    cancelled: list[p.InvitationAnswered] = field(default_factory=list)
    """Her invitations and transfers of the chat that were still pending, now cancelled: to
    tell the colleague asked (and her own apps)."""


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


def cancel_dropout(agent_id: int, due_at: float | None = None) -> Any:
    """A write: the agent is back in time; her chats stay hers. ``due_at``: only the row the
    timer saw (X4: connected to another node when it was due)."""

    def write(conn: Connection) -> None:
        query = sa.delete(agent_dropouts).where(agent_dropouts.c.agent_id == agent_id)
        if due_at is not None:
            query = query.where(agent_dropouts.c.due_at == due_at)
        conn.execute(query)

    return write


def note_dropouts_at_start(due_at: float, connected: Sequence[int]) -> Any:
    """A write, when a relay starts: a drop-out row for every agent who holds an open visitor
    chat and has none yet (a crash wrote no rows), due at ``due_at``; rows already there keep
    their earlier time. ``connected``: the agents connected already (none on a node that has
    just started; the router queues this write before the relay listens, and the writer runs
    writes in order, so an agent who connects later deletes her row after this one wrote it).

    With one node, an agent with an open chat cannot be connected to a node that has just
    started. With several nodes (X4) this is a presence check: ``connected`` are the agents
    connected to any node (the shared presence), and only the others get a row. Returns the
    agents given a row."""

    def write(conn: Connection) -> list[int]:
        return _note_holders(conn, due_at, None, set(connected))

    return write


def note_dropouts_of(agent_ids: Sequence[int], due_at: float) -> Any:
    """A write (X4): a node died holding these agents, now connected to no node. A row for each
    of them who holds an open visitor chat and has none yet (every surviving node may write
    this; the rows already there keep their time). Returns the agents given a row."""

    def write(conn: Connection) -> list[int]:
        return _note_holders(conn, due_at, set(agent_ids), set())

    return write


def _note_holders(
    conn: Connection, due_at: float, only: set[int] | None, connected: set[int]
) -> list[int]:
    query = (
        sa.select(chat_participants.c.agent_id)
        .join(chats, chats.c.id == chat_participants.c.chat_id)
        .where(
            chat_participants.c.left_at.is_(None),
            chats.c.state == "active",
            chats.c.kind == "visitor",
        )
        .distinct()
    )
    if only is not None:
        if not only:
            return []
        query = query.where(chat_participants.c.agent_id.in_(sorted(only)))
    holders = {int(a) for a in conn.execute(query).scalars()}
    noted = set(conn.execute(sa.select(agent_dropouts.c.agent_id)).scalars())
    fresh = sorted(holders - noted - connected)
    if fresh:
        conn.execute(sa.insert(agent_dropouts), [{"agent_id": a, "due_at": due_at} for a in fresh])
    return fresh


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
        agent = agents_repo.agent_row(conn, agent_id)
        name = str(agent.name) if agent is not None else ""
        now = time.time()
        done: list[Requeued] = []
        for chat_id in _open_chats_of(conn, agent_id):
            cancelled = _cancel_invitations(conn, chat_id, agent_id, now)
            conn.execute(
                sa.update(chat_participants)
                .where(
                    chat_participants.c.chat_id == chat_id,
                    chat_participants.c.agent_id == agent_id,
                )
                .values(left_at=now)
            )
            others = chat_reads.participants(conn, chat_id)
            if others:
                event, row = chat_writes.append_event(
                    conn, chat_id, kind="left", author="agent", author_id=agent_id,
                    author_name=name,
                )  # fmt: skip
                done.append(Requeued(chat_writes.ChatChange(event, row, others), None, cancelled))
                continue
            event, row = chat_writes.append_event(
                conn,
                chat_id,
                kind="requeued",
                author="system",
                author_id=agent_id,  # whose chat it was: her app drops it
                author_name=name,
                chat_values={"state": "offered", "agent_id": None},
            )
            offer = first_round(conn, chat_id, [a for a in online if a != agent_id])
            offer.info = chat_reads.chat_info(conn, chat_id)
            change = chat_writes.ChatChange(event, chat_reads.chat_row(conn, chat_id), [])
            done.append(Requeued(change, offer, cancelled))
        return done

    return write


def _cancel_invitations(
    conn: Connection, chat_id: int, agent_id: int, now: float
) -> list[p.InvitationAnswered]:
    """The dropped agent's invitations and transfers of the chat still pending: cancelled (the
    colleague's answer could only be refused now), each with the frame that tells her."""
    rows = conn.execute(
        sa.select(chat_invitations, agents.c.name.label("to_name"))
        .join(agents, agents.c.id == chat_invitations.c.to_agent_id)
        .where(
            chat_invitations.c.chat_id == chat_id,
            chat_invitations.c.from_agent_id == agent_id,
            chat_invitations.c.state == "pending",
        )
        .order_by(chat_invitations.c.id)
    ).all()
    if not rows:
        return []
    conn.execute(
        sa.update(chat_invitations)
        .where(chat_invitations.c.id.in_([r.id for r in rows]))
        .values(state="cancelled", answered_at=now)
    )
    return [
        p.InvitationAnswered(
            invitation_id=int(r.id),
            chat_id=chat_id,
            kind=r.kind,
            agent_id=int(r.to_agent_id),
            agent_name=str(r.to_name),
            outcome="cancelled",
        )
        for r in rows
    ]
