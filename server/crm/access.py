"""Who may see a client, a deal or a task (issue 17), decided here and nowhere else.

Admins see everything. An agent sees:

* clients: every client when the account's ``clients_visibility`` is ``all`` (the default),
  else the clients it owns and those nobody owns;
* deals: every deal of a funnel whose ``visibility`` is ``all``, else only its own;
* tasks: those assigned to it or made by it.

Each rule is one SQL condition (for lists) and one test on a row (for single reads and the
audience of a push). Something an agent may not see is answered ``not_found``, as if it did not
exist. The audience of a push is None for "every agent" or the ids of the agents who may see it.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.store.schema import account_settings, agents, crm_clients, crm_deals, crm_tasks

CLIENTS_VISIBILITY = "crm_clients_visibility"
"""``account_settings`` key: "all" or "own"."""

Audience = list[int] | None


def clients_visibility(conn: Connection) -> str:
    row = conn.execute(
        sa.select(account_settings.c.value).where(account_settings.c.key == CLIENTS_VISIBILITY)
    ).first()
    return "own" if row is not None and json.loads(row.value) == "own" else "all"


def set_clients_visibility(conn: Connection, value: str) -> None:
    text = json.dumps(value)
    done = conn.execute(
        sa.update(account_settings)
        .where(account_settings.c.key == CLIENTS_VISIBILITY)
        .values(value=text)
    )
    if not done.rowcount:
        conn.execute(sa.insert(account_settings).values(key=CLIENTS_VISIBILITY, value=text))


def admins(conn: Connection) -> list[int]:
    query = sa.select(agents.c.id).where(agents.c.role == "admin", agents.c.disabled.is_(False))
    return [int(i) for i in conn.execute(query).scalars()]


# ---------------------------------------------------------------- clients


def clients_clause(conn: Connection, agent: p.AgentInfo) -> Any:
    """The condition on ``crm_clients`` of the clients ``agent`` may see (None: all)."""
    if agent.role == "admin" or clients_visibility(conn) == "all":
        return None
    return sa.or_(crm_clients.c.owner_id == agent.id, crm_clients.c.owner_id.is_(None))


def may_see_client(conn: Connection, agent: p.AgentInfo, owner_id: int | None) -> bool:
    if agent.role == "admin" or owner_id is None or owner_id == agent.id:
        return True
    return clients_visibility(conn) == "all"


def client_audience(conn: Connection, owner_id: int | None) -> Audience:
    if owner_id is None or clients_visibility(conn) == "all":
        return None
    return sorted({*admins(conn), owner_id})


def check_client(conn: Connection, agent: p.AgentInfo, client_id: int, request_id: int) -> Any:
    """The client's row when ``agent`` may see it, else ``not_found``."""
    row = conn.execute(sa.select(crm_clients).where(crm_clients.c.id == client_id)).first()
    if row is None or not may_see_client(conn, agent, row.owner_id):
        raise p.FrameRejected("not_found", "no such client", request_id)
    return row


# ---------------------------------------------------------------- deals


def deals_clause(agent: p.AgentInfo, visibility: str) -> Any:
    if agent.role == "admin" or visibility == "all":
        return None
    return crm_deals.c.owner_id == agent.id


def may_see_deal(agent: p.AgentInfo, visibility: str, owner_id: int | None) -> bool:
    return agent.role == "admin" or visibility == "all" or owner_id == agent.id


def deal_audience(conn: Connection, visibility: str, owner_id: int | None) -> Audience:
    if visibility == "all":
        return None
    return sorted({*admins(conn), *([owner_id] if owner_id else [])})


# ---------------------------------------------------------------- tasks


def tasks_clause(agent: p.AgentInfo) -> Any:
    if agent.role == "admin":
        return None
    return sa.or_(crm_tasks.c.assignee_id == agent.id, crm_tasks.c.created_by == agent.id)


def may_see_task(agent: p.AgentInfo, assignee_id: int, created_by: int) -> bool:
    return agent.role == "admin" or agent.id in (assignee_id, created_by)


def task_audience(conn: Connection, assignee_id: int, created_by: int) -> list[int]:
    return sorted({*admins(conn), assignee_id, created_by})
