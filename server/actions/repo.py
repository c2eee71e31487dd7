"""Queries and writes of the in-chat actions: invitations and transfers (C7/C9), leaving (C3),
and comments (C10); blocking is in :mod:`blocks_repo`, quick phrases in :mod:`phrases_repo`.
Same rules as :mod:`server.store`:
synchronous functions of a ``Connection``; writes return a ``Write`` for the group writer."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.chats import reads as chat_reads
from server.chats import writes as chat_writes
from server.store.schema import (
    agents,
    chat_invitations,
    chat_participants,
    chats,
)
from server.store.writer import Write

# ---------------------------------------------------------------- reads


def team_loads(conn: Connection) -> dict[int, int]:
    """C9: open visitor chats per agent."""
    rows = conn.execute(
        sa.select(chat_participants.c.agent_id, sa.func.count())
        .join(chats, chats.c.id == chat_participants.c.chat_id)
        .where(
            chat_participants.c.left_at.is_(None),
            chats.c.kind == "visitor",
            chats.c.state.in_(chat_reads.OPEN_STATES),
        )
        .group_by(chat_participants.c.agent_id)
    ).all()
    return {int(agent_id): int(count) for agent_id, count in rows}


def pending_invitations(conn: Connection) -> list[tuple[int, float]]:
    rows = conn.execute(
        sa.select(chat_invitations.c.id, chat_invitations.c.expires_at).where(
            chat_invitations.c.state == "pending"
        )
    ).all()
    return [(int(r.id), float(r.expires_at)) for r in rows]


def invitations_for(conn: Connection, agent_id: int) -> list[p.Invitation]:
    """The invitations still waiting for this agent's answer (shown again after a reconnect)."""
    rows = conn.execute(
        sa.select(chat_invitations)
        .where(
            chat_invitations.c.to_agent_id == agent_id,
            chat_invitations.c.state == "pending",
            chat_invitations.c.expires_at > time.time(),
        )
        .order_by(chat_invitations.c.id)
    ).all()
    return [_invitation(conn, r) for r in rows]


def _invitation(conn: Connection, row: Any) -> p.Invitation:
    info = chat_reads.chat_info(conn, row.chat_id)
    assert info is not None
    sender = conn.execute(sa.select(agents.c.name).where(agents.c.id == row.from_agent_id)).first()
    return p.Invitation(
        id=row.id,
        kind=row.kind,
        chat=info,
        from_agent_id=row.from_agent_id,
        from_name=sender.name if sender else "",
        to_agent_id=row.to_agent_id,
        note=row.note,
        expires_at=row.expires_at,
    )


# ---------------------------------------------------------------- invitations and transfers


def invite(
    kind: str, chat_id: int, from_agent_id: int, to_agent_id: int, note: str, timeout: float
) -> Write[p.Invitation]:
    """C7/C9: an agent of an active visitor chat asks a colleague to join it or take it."""

    def write(conn: Connection) -> p.Invitation:
        chat = chat_reads.chat_row(conn, chat_id)
        members = chat_reads.participants(conn, chat_id) if chat else []
        chat_writes.check_member(chat, members, from_agent_id)
        if chat.kind != "visitor" or chat.state != "active":
            raise p.FrameRejected("invalid", "only an accepted visitor chat can be shared")
        peer = conn.execute(sa.select(agents).where(agents.c.id == to_agent_id)).first()
        if peer is None or peer.disabled or to_agent_id == from_agent_id:
            raise p.FrameRejected("not_found", "no such colleague")
        if to_agent_id in members:
            raise p.FrameRejected("invalid", "that colleague is already in the chat")
        now = time.time()
        # One open question per colleague and chat: a new one replaces the old.
        conn.execute(
            sa.update(chat_invitations)
            .where(
                chat_invitations.c.chat_id == chat_id,
                chat_invitations.c.to_agent_id == to_agent_id,
                chat_invitations.c.state == "pending",
            )
            .values(state="cancelled", answered_at=now)
        )
        inv_id = conn.execute(
            sa.insert(chat_invitations)
            .values(
                chat_id=chat_id,
                kind=kind,
                from_agent_id=from_agent_id,
                to_agent_id=to_agent_id,
                note=note,
                state="pending",
                created_at=now,
                expires_at=now + timeout,
            )
            .returning(chat_invitations.c.id)
        ).scalar_one()
        row = conn.execute(sa.select(chat_invitations).where(chat_invitations.c.id == inv_id)).one()
        return _invitation(conn, row)

    return write


@dataclass
class Answer:
    """What answering an invitation did."""

    invitation: Any  # the chat_invitations row
    outcome: str
    changes: list[chat_writes.ChatChange] = field(default_factory=list)
    info: p.ChatInfo | None = None


def _join(conn: Connection, chat_id: int, agent_id: int, now: float) -> None:
    rejoined = conn.execute(
        sa.update(chat_participants)
        .where(chat_participants.c.chat_id == chat_id, chat_participants.c.agent_id == agent_id)
        .values(joined_at=now, left_at=None)
    )
    if rejoined.rowcount == 0:
        conn.execute(
            sa.insert(chat_participants).values(chat_id=chat_id, agent_id=agent_id, joined_at=now)
        )


def _leave(conn: Connection, chat_id: int, agent_id: int, now: float) -> None:
    conn.execute(
        sa.update(chat_participants)
        .where(chat_participants.c.chat_id == chat_id, chat_participants.c.agent_id == agent_id)
        .values(left_at=now)
    )


def answer_invitation(
    invitation_id: int, agent_id: int, agent_name: str, accept: bool
) -> Write[Answer]:
    """C7: accepted, the colleague joins (the visitor sees it join). C9: accepted, the transfer
    note is stored for agents only, the colleague joins and the first agent leaves."""

    def write(conn: Connection) -> Answer:
        inv = conn.execute(
            sa.select(chat_invitations).where(chat_invitations.c.id == invitation_id)
        ).first()
        if inv is None or inv.to_agent_id != agent_id:
            raise p.FrameRejected("not_found", "no such invitation")
        if inv.state != "pending":
            raise p.FrameRejected("invalid", f"the invitation is {inv.state}")
        now = time.time()
        chat = chat_reads.chat_row(conn, inv.chat_id)
        members = chat_reads.participants(conn, inv.chat_id)
        outcome = "accepted" if accept else "declined"
        if now > inv.expires_at:
            outcome = "expired"
        elif accept and (chat.state != "active" or inv.from_agent_id not in members):
            outcome = "cancelled"  # closed, or the asking agent left meanwhile
        conn.execute(
            sa.update(chat_invitations)
            .where(chat_invitations.c.id == invitation_id)
            .values(state=outcome, answered_at=now)
        )
        answer = Answer(inv, outcome)
        if outcome != "accepted":
            return answer
        _join(conn, inv.chat_id, agent_id, now)
        joined_to = [*members, agent_id]
        event, row = chat_writes.append_event(
            conn, inv.chat_id, kind="joined", author="agent", author_id=agent_id,
            author_name=agent_name,
        )  # fmt: skip
        answer.changes.append(chat_writes.ChatChange(event, row, joined_to))
        if inv.kind == "transfer":
            sender = conn.execute(
                sa.select(agents.c.name).where(agents.c.id == inv.from_agent_id)
            ).scalar_one()
            event, row = chat_writes.append_event(
                conn, inv.chat_id, kind="transfer", author="agent", author_id=inv.from_agent_id,
                author_name=sender, text=inv.note, visible_to_visitor=False,
                chat_values={"agent_id": agent_id},
            )  # fmt: skip
            answer.changes.append(chat_writes.ChatChange(event, row, joined_to, to_visitor=False))
            _leave(conn, inv.chat_id, inv.from_agent_id, now)
            event, row = chat_writes.append_event(
                conn, inv.chat_id, kind="left", author="agent", author_id=inv.from_agent_id,
                author_name=sender,
            )  # fmt: skip
            answer.changes.append(chat_writes.ChatChange(event, row, joined_to))
        answer.info = chat_reads.chat_info(conn, inv.chat_id)
        return answer

    return write


def expire_invitation(invitation_id: int) -> Write[Any]:
    """The invitation's time ran out: returns its row when it was still pending."""

    def write(conn: Connection) -> Any:
        done = conn.execute(
            sa.update(chat_invitations)
            .where(chat_invitations.c.id == invitation_id, chat_invitations.c.state == "pending")
            .values(state="expired", answered_at=time.time())
        )
        if done.rowcount != 1:
            return None
        return conn.execute(
            sa.select(chat_invitations).where(chat_invitations.c.id == invitation_id)
        ).one()

    return write


# ---------------------------------------------------------------- leaving (C3 with colleagues)


def leave_chat(agent_id: int, agent_name: str, chat_id: int) -> Write[chat_writes.ChatChange]:
    """With colleagues still in the chat, only this agent leaves (a ``left`` event, the chat
    passes to a colleague); the last agent leaving closes the chat."""

    def write(conn: Connection) -> chat_writes.ChatChange:
        chat = chat_reads.chat_row(conn, chat_id)
        members = chat_reads.participants(conn, chat_id) if chat else []
        chat_writes.check_member(chat, members, agent_id)
        others = [m for m in members if m != agent_id]
        if not others or chat.kind != "visitor":
            return chat_writes.close_chat(agent_id, agent_name, chat_id)(conn)
        _leave(conn, chat_id, agent_id, time.time())
        values = {"agent_id": others[0]} if chat.agent_id == agent_id else None
        event, row = chat_writes.append_event(
            conn, chat_id, kind="left", author="agent", author_id=agent_id,
            author_name=agent_name, chat_values=values,
        )  # fmt: skip
        return chat_writes.ChatChange(event, row, members)

    return write


# ---------------------------------------------------------------- comments (C10)


def comment(
    agent_id: int, agent_name: str, chat_id: int, client_msg_id: str, text: str
) -> Write[chat_writes.ChatChange]:
    """An internal note in the conversation: stored for agents only."""

    def write(conn: Connection) -> chat_writes.ChatChange:
        dup = chat_writes.duplicate(conn, "agent", agent_id, client_msg_id)
        if dup is not None:
            dup.to_visitor = False
            return dup
        chat = chat_reads.chat_row(conn, chat_id)
        members = chat_reads.participants(conn, chat_id) if chat else []
        chat_writes.check_member(chat, members, agent_id)
        event, row = chat_writes.append_event(
            conn, chat_id, kind="comment", author="agent", author_id=agent_id,
            author_name=agent_name, text=text, client_msg_id=client_msg_id,
            visible_to_visitor=False,
        )  # fmt: skip
        return chat_writes.ChatChange(event, row, members, to_visitor=False)

    return write
