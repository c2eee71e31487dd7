"""The call log's rows (P1): written and read inside the caller's transaction."""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.crm import access, clients
from server.phone import matching
from server.store.schema import agents, calls, crm_client_visitors, crm_clients, visitors
from server.visitors.geo import city_names_of

PER_CLIENT = 50
"""The newest calls of a client on its card's timeline."""


def _select() -> Any:
    return sa.select(
        calls, agents.c.name.label("agent_name"), crm_clients.c.name.label("client_name")
    ).select_from(
        calls.join(agents, agents.c.id == calls.c.agent_id).outerjoin(
            crm_clients, crm_clients.c.id == calls.c.client_id
        )
    )


def _info(row: Any) -> p.CallInfo:
    return p.CallInfo(
        id=row.id, number=row.number, direction=row.direction, outcome=row.outcome,
        duration=row.duration, note=row.note, agent_id=row.agent_id,
        agent_name=row.agent_name or "", client_id=row.client_id,
        client_name=row.client_name or "", started_at=row.started_at, updated_at=row.updated_at,
    )  # fmt: skip


def _infos(conn: Connection, query: Any) -> list[p.CallInfo]:
    """The calls of ``query``; those of a client without a name carry its newest visitor
    (the app names the call after it)."""
    infos = [_info(row) for row in conn.execute(query)]
    nameless = {i.client_id for i in infos if i.client_id is not None and not i.client_name}
    if not nameless:
        return infos
    rows = conn.execute(
        sa.select(crm_client_visitors.c.client_id, visitors.c.id, visitors.c.name,
                  visitors.c.city, visitors.c.city_names)
        .join(visitors, visitors.c.id == crm_client_visitors.c.visitor_id)
        .where(crm_client_visitors.c.client_id.in_(nameless))
        .order_by(visitors.c.last_seen_at, visitors.c.id)
    )  # fmt: skip
    newest = {
        int(r.client_id): p.CallVisitor(
            id=r.id, name=r.name, city=r.city, city_names=city_names_of(r.city_names)
        )
        for r in rows  # the last row of a client is its newest visitor
    }
    for info in infos:
        if info.client_id in nameless:
            info.visitor = newest.get(info.client_id)
    return infos


def call(conn: Connection, call_id: int) -> p.CallInfo | None:
    found = _infos(conn, _select().where(calls.c.id == call_id))
    return found[0] if found else None


def log_call(conn: Connection, agent: p.AgentInfo, frame: p.LogCall) -> p.CallInfo:
    """Store a new call of ``agent`` or change a logged one (its agent's, or any for an
    admin: others get ``not_found``); the client must be one ``agent`` may see. A new call
    without a client is matched to the client with that phone number (an incoming call a
    softphone's hook reported lands on that client's timeline)."""
    now = time.time()
    client_id = None
    if frame.client_id is not None:
        client_id = clients.live_id(conn, frame.client_id)
        if client_id is None:
            raise p.FrameRejected("not_found", "no such client", frame.id)
        access.check_client(conn, agent, client_id, frame.id)
    elif frame.call_id is None:
        client_id = matching.client_for_number(conn, agent, frame.number)
    values = {
        "number": frame.number, "direction": frame.direction, "outcome": frame.outcome,
        "duration": frame.duration, "note": frame.note.strip(), "client_id": client_id,
        "updated_at": now,
    }  # fmt: skip
    if frame.call_id is None:
        values |= {"agent_id": agent.id, "started_at": frame.started_at or now}
        inserted = conn.execute(sa.insert(calls).values(**values)).inserted_primary_key
        assert inserted is not None
        call_id = int(inserted[0])
    else:
        old = conn.execute(sa.select(calls).where(calls.c.id == frame.call_id)).first()
        if old is None or (old.agent_id != agent.id and agent.role != "admin"):
            raise p.FrameRejected("not_found", "no such call", frame.id)
        if frame.started_at is not None:
            values["started_at"] = frame.started_at
        conn.execute(sa.update(calls).where(calls.c.id == old.id).values(**values))
        call_id = old.id
    found = call(conn, call_id)
    assert found is not None
    return found


def call_list(conn: Connection, agent: p.AgentInfo, frame: p.ListCalls) -> list[p.CallInfo]:
    """Newest first: an agent's own calls; an admin's choice of agent, or everyone's."""
    query = _select().order_by(calls.c.started_at.desc(), calls.c.id.desc()).limit(frame.limit)
    if agent.role != "admin":
        query = query.where(calls.c.agent_id == agent.id)
    elif frame.agent_id is not None:
        query = query.where(calls.c.agent_id == frame.agent_id)
    if frame.client_id is not None:
        client_id = clients.live_id(conn, frame.client_id)
        if client_id is None:
            raise p.FrameRejected("not_found", "no such client", frame.id)
        access.check_client(conn, agent, client_id, frame.id)
        query = query.where(calls.c.client_id == client_id)
    return _infos(conn, query)


def for_client(conn: Connection, client_id: int) -> list[p.CallInfo]:
    """A client's newest calls (its card's timeline: whoever may see the client sees them)."""
    query = (
        _select()
        .where(calls.c.client_id == client_id)
        .order_by(calls.c.started_at.desc())
        .limit(PER_CLIENT)
    )
    return _infos(conn, query)
