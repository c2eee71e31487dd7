"""Routing a chat and the ignore ladder (N3, C5): the writes and reads of the chat state machine.

A visitor's new chat is *offered* in rounds. Round 0 goes to one agent: the client's assigned
agent when online (C5), else, under the site rule ``least_busy`` (the default, as the guide
tells N3), the online agent with the fewest open chats. Round 1 offers it to every online agent
(a site with the rule ``all`` starts there). Rounds 2 and 3 bring the toast back to everyone.
A round ends when every agent it offers the chat to has ignored it, or when its deadline
passes; after round 3 the chat is *missed*.
Away agents, and agents at the site's chat limit, get no offer; an agent going away ends at
once a round that waits on her alone (``step_aside``).

The round, its agents, who ignored it and its deadline are columns of the chat, and the
deadline is wall-clock time, so a restarted relay (or another node) carries on where it was.
X4: every node's timer may try the same step; each write that moves a chat's ladder first
locks the chat's row (``SELECT ... FOR UPDATE``: on PostgreSQL a second node waits, then reads
the round the first one left) and checks its state again, so a step is written once.
Every step is a row of ``routing_steps`` (``offered``, ``ignored``, ``missed``) for the
statistics; the miss is also a ``missed`` chat event, which tells the visitor's widget.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.account import agents as agents_repo
from server.account import departments as departments_repo
from server.chats import reads as chat_reads
from server.chats import writes as chat_writes
from server.crm import intake
from server.phone import callbacks
from server.stats import log as stats_log
from server.store.schema import (
    agent_dropouts,
    chat_participants,
    chats,
    routing_steps,
    sites,
    visitors,
)

FIRST_ROUND = 0
ALL_ROUND = 1
RETURNS = 2
"""The guide: after everyone ignored it, the toast comes back two more times."""
LAST_ROUND = ALL_ROUND + RETURNS
RULES = ("all", "least_busy")
DEFAULT_RULE = "least_busy"
"""N3: the first offer goes to one agent; its Ignore sends the chat to every online agent."""


def ids_of(text: str) -> set[int]:
    return {int(x) for x in text.split(",") if x}


def text_of(ids: Iterable[int]) -> str:
    ordered = sorted(set(ids))
    return f",{','.join(map(str, ordered))}," if ordered else ""


@dataclass
class Offer:
    """A round just opened (or the chat went missed): what the relay pushes."""

    chat_id: int
    round: int
    recipients: list[int] = field(default_factory=list)
    """The agents to show the toast to now."""
    missed: bool = False
    event: p.Event | None = None
    """The ``missed`` event, for the visitor."""
    visitor_id: int | None = None
    info: p.ChatInfo | None = None


@dataclass
class Ignored:
    offer: Offer | None
    """The next round (or the miss) when this ignore ended the round, else None."""


# ---------------------------------------------------------------- reads


def locked_chat(conn: Connection, chat_id: int) -> Any:
    """The chat's row, locked until the commit (PostgreSQL; SQLite's writer is alone)."""
    return conn.execute(sa.select(chats).where(chats.c.id == chat_id).with_for_update()).first()


def site_routing(conn: Connection, site_id: int | None) -> Any:
    query = sa.select(sites.c.routing_rule, sites.c.chat_limit, sites.c.offer_timeout).where(
        sites.c.id == site_id
    )
    row = conn.execute(query).first()
    if row is None:
        raise p.FrameRejected("not_found", "the chat's site is gone")
    return row


def loads(conn: Connection, agent_ids: Sequence[int]) -> dict[int, int]:
    """Open visitor chats per agent (for the limit and for least busy)."""
    if not agent_ids:
        return {}
    query = (
        sa.select(chat_participants.c.agent_id, sa.func.count())
        .join(chats, chats.c.id == chat_participants.c.chat_id)
        .where(
            chat_participants.c.agent_id.in_(list(agent_ids)),
            chat_participants.c.left_at.is_(None),
            chats.c.state == "active",
            chats.c.kind == "visitor",
        )
        .group_by(chat_participants.c.agent_id)
    )
    found = {int(a): int(n) for a, n in conn.execute(query)}
    return {a: found.get(a, 0) for a in agent_ids}


def eligible(conn: Connection, site: Any, online: Sequence[int]) -> dict[int, int]:
    """Online (not away) agents below their chat limit, with their load. An agent's own limit
    (T3, set by an admin in Equipo) comes before the site's."""
    load = loads(conn, online)
    own = departments_repo.agent_limits(conn, online)
    site_limit = int(site.chat_limit)

    def room(agent_id: int, n: int) -> bool:
        limit = own.get(agent_id) or site_limit
        return limit <= 0 or n < limit

    return {a: n for a, n in load.items() if room(a, n)}


def first_pool(conn: Connection, chat: Any, candidates: dict[int, int]) -> dict[int, int]:
    """T4: the candidates a new chat goes to first: those of the visitor's department (or the
    site's departments) when one of them can take it, else every candidate."""
    pool = departments_repo.routing_pool(conn, chat.site_id, chat.visitor_id)
    if pool is None:
        return candidates
    preferred = {a: n for a, n in candidates.items() if a in pool}
    return preferred or candidates


def next_deadline(conn: Connection) -> float | None:
    """The earliest timer: an offer round's end or (B6) a dropped agent's grace period."""
    query = sa.select(sa.func.min(chats.c.offer_deadline)).where(chats.c.state == "offered")
    value = conn.execute(query).scalar()
    dropout = conn.execute(sa.select(sa.func.min(agent_dropouts.c.due_at))).scalar()
    found = [float(v) for v in (value, dropout) if v is not None]
    return min(found) if found else None


def due(conn: Connection, now: float) -> list[tuple[int, int]]:
    """Offered chats whose round has timed out: (chat id, round)."""
    query = (
        sa.select(chats.c.id, chats.c.offer_round)
        .where(chats.c.state == "offered", chats.c.offer_deadline <= now)
        .order_by(chats.c.offer_deadline)
        .limit(100)
    )
    return [(int(r.id), int(r.offer_round)) for r in conn.execute(query)]


# ---------------------------------------------------------------- writes


def _step(
    conn: Connection,
    chat_id: int,
    step: str,
    round_: int,
    reason: str = "",
    agent_id: int | None = None,
    agents: Iterable[int] | None = None,
) -> None:
    """One row of ``routing_steps`` (``agents`` None: every online agent)."""
    conn.execute(
        sa.insert(routing_steps).values(
            chat_id=chat_id,
            step=step,
            round=round_,
            reason=reason,
            agent_id=agent_id,
            agents="all" if agents is None else text_of(agents),
            ts=time.time(),
        )
    )
    # S1: the same step in the reporting log (routing_steps keeps who was asked).
    stats_log.record(conn, step, chat_id=chat_id, round=round_, detail=reason, agent_id=agent_id)


def _open_round(
    conn: Connection,
    chat: Any,
    round_: int,
    targets: list[int] | None,
    ignored: set[int],
    reason: str,
    candidates: dict[int, int],
    timeout: float,
) -> Offer:
    conn.execute(
        sa.update(chats)
        .where(chats.c.id == chat.id)
        .values(
            offer_round=round_,
            offer_to=text_of(targets or ()),
            offer_ignored=text_of(ignored),
            offer_deadline=time.time() + timeout,
        )
    )
    pool = targets if targets is not None else sorted(candidates)
    recipients = [a for a in pool if a not in ignored]
    _step(conn, chat.id, "offered", round_, reason, agents=recipients if targets else None)
    return Offer(chat.id, round_, recipients, visitor_id=chat.visitor_id)


def first_round(conn: Connection, chat_id: int, online: Sequence[int]) -> Offer:
    chat = chat_reads.chat_row(conn, chat_id)
    site = site_routing(conn, chat.site_id)
    candidates = eligible(conn, site, online)
    assigned = conn.execute(
        sa.select(visitors.c.assigned_agent_id).where(visitors.c.id == chat.visitor_id)
    ).scalar()
    if assigned is not None and assigned in candidates:
        return _open_round(
            conn, chat, FIRST_ROUND, [assigned], set(), "assigned", candidates,
            site.offer_timeout,
        )  # fmt: skip
    pool = first_pool(conn, chat, candidates)
    if site.routing_rule != "all" and pool:
        pick = min(pool, key=lambda a: (pool[a], a))
        return _open_round(
            conn, chat, FIRST_ROUND, [pick], set(), "least_busy", candidates,
            site.offer_timeout,
        )  # fmt: skip
    targets = sorted(pool) if pool is not candidates else None
    return _open_round(conn, chat, ALL_ROUND, targets, set(), "all", candidates, site.offer_timeout)


def route_new(online: Sequence[int]) -> Any:
    """The ``on_new_chat`` hook of ``chat_writes.visitor_message``: a new chat's first round."""

    def route(conn: Connection, chat_id: int) -> Offer:
        return first_round(conn, chat_id, online)

    return route


def _advance(conn: Connection, chat: Any, online: Sequence[int], reason: str) -> Offer:
    """Close the chat's current round: open the next, or mark the chat missed."""
    round_ = int(chat.offer_round)
    site = site_routing(conn, chat.site_id)
    if round_ >= LAST_ROUND:
        now = time.time()
        event, _row = chat_writes.append_event(
            conn,
            chat.id,
            kind="missed",
            author="system",
            author_id=None,
            text=callbacks.MISSED_MARK if chat.callback_number else "",
            chat_values={"state": "missed", "closed_at": now, "offer_deadline": None},
        )
        _step(conn, chat.id, "missed", round_, reason)
        if chat.callback_number:  # P2: a missed callback becomes a CRM task for the client
            callbacks.missed(conn, chat)
        return Offer(
            chat.id, round_, missed=True, event=event, visitor_id=chat.visitor_id,
            info=chat_reads.chat_info(conn, chat.id),
        )  # fmt: skip
    candidates = eligible(conn, site, online)
    # The agent who ignored the first, personal offer is not asked again in round 1 (the guide:
    # "sent to every online agent"; it sees the toast again in the returns).
    carried = ids_of(chat.offer_ignored) if round_ == FIRST_ROUND else set()
    targets = None
    if round_ == FIRST_ROUND:  # T4: round 1 goes to the site's departments first
        pool = first_pool(conn, chat, candidates)
        if pool is not candidates and set(pool) - carried:
            targets = sorted(pool)
    offer = _open_round(
        conn, chat, round_ + 1, targets, carried, reason, candidates, site.offer_timeout
    )
    if candidates and not offer.recipients:
        # Everyone online has already ignored it: this round is over as it starts.
        return _advance(conn, chat_reads.chat_row(conn, chat.id), online, reason)
    return offer


def advance(chat_id: int, expected_round: int, online: Sequence[int], reason: str) -> Any:
    """A write: the round ``expected_round`` of the chat is over (time out). Does nothing when
    the chat has moved on meanwhile (taken, or advanced by another path or node)."""

    def write(conn: Connection) -> Offer | None:
        chat = locked_chat(conn, chat_id)
        if chat is None or chat.state != "offered" or chat.offer_round != expected_round:
            return None
        return _advance(conn, chat, online, reason)

    return write


def step_aside(agent_id: int, online: Sequence[int]) -> Any:
    """A write (N3, B6): the agent went away. A round that waits on her alone (the
    agents it was offered to who have not ignored it are just her: the least busy one, the
    client's assigned agent, a requeued chat's first offer) ends now instead of at its
    deadline; the next round opens for the others. Returns the new rounds."""
    mark = f"%,{int(agent_id)},%"

    def write(conn: Connection) -> list[Offer]:
        waiting = conn.execute(
            sa.select(chats)
            .where(chats.c.state == "offered", chats.c.offer_to.like(mark))
            .order_by(chats.c.id)
            .with_for_update()
        ).all()
        others = [a for a in online if a != agent_id]
        offers = []
        for chat in waiting:
            if ids_of(chat.offer_to) - ids_of(chat.offer_ignored) == {agent_id}:
                offers.append(_advance(conn, chat, others, "away"))
        return offers

    return write


def ignore(agent_id: int, agent_name: str, chat_id: int, online: Sequence[int]) -> Any:
    """A write: the agent ignores the chat's current offer (N3)."""

    def write(conn: Connection) -> Ignored:
        chat = locked_chat(conn, chat_id)
        if chat is None or chat.kind != "visitor":
            raise p.FrameRejected("not_found", "no such chat")
        if chat.state == "active":
            raise p.FrameRejected("chat_taken", "another agent accepted this chat")
        if chat.state != "offered":
            raise p.FrameRejected("chat_closed", f"the chat is {chat.state}")
        targets = ids_of(chat.offer_to)
        if targets and agent_id not in targets:
            raise p.FrameRejected("not_found", "this chat is not offered to you")
        ignored = ids_of(chat.offer_ignored)
        if agent_id in ignored:
            return Ignored(None)
        ignored.add(agent_id)
        conn.execute(
            sa.update(chats).where(chats.c.id == chat_id).values(offer_ignored=text_of(ignored))
        )
        _step(conn, chat_id, "ignored", int(chat.offer_round), agent_id=agent_id)
        site = site_routing(conn, chat.site_id)
        asked = targets or set(eligible(conn, site, online))
        if asked <= ignored:
            return Ignored(_advance(conn, chat_reads.chat_row(conn, chat_id), online, "ignored"))
        return Ignored(None)

    return write


def set_assigned_agent(visitor_id: int, agent_id: int | None) -> Any:
    """A write: C5, bind the client to an agent (or unbind). Finding 21: only to an enabled
    agent (a disabled one would never be online to take the client's chats)."""

    def write(conn: Connection) -> None:
        if agent_id is not None:
            agent = agents_repo.agent_row(conn, agent_id)
            if agent is None:
                raise p.FrameRejected("not_found", "no such agent")
            if agent.disabled:
                raise p.FrameRejected("invalid", "that agent's account is disabled")
        done = conn.execute(
            sa.update(visitors)
            .where(visitors.c.id == visitor_id)
            .values(assigned_agent_id=agent_id)
        )
        if done.rowcount != 1:
            raise p.FrameRejected("not_found", "no such client")
        intake.assigned(conn, visitor_id, agent_id)  # R1: the CRM client's owner

    return write


def update_site(
    site_id: int,
    rule: str | None = None,
    limit: int | None = None,
    timeout: float | None = None,
) -> Any:
    """A write: the site's routing settings (None keeps a value)."""

    def write(conn: Connection) -> None:
        values: dict[str, Any] = {}
        if rule is not None:
            if rule not in RULES:
                raise ValueError(f"the rule must be one of {RULES}")
            values["routing_rule"] = rule
        if limit is not None:
            values["chat_limit"] = max(0, int(limit))
        if timeout is not None:
            if timeout <= 0:
                raise ValueError("the offer time-out must be positive")
            values["offer_timeout"] = float(timeout)
        if values:
            conn.execute(sa.update(sites).where(sites.c.id == site_id).values(**values))

    return write
