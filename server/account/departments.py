"""Departments (T4) and agents' own chat limits (T3): the reads and writes.

An agent belongs to any number of departments; a site lists the departments its chats go to
first. A visitor of a site with several may pick one (kept on the visitors row), and then that
department's agents come first. Without departments routing is as before: every agent.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.store.schema import (
    agent_departments,
    agents,
    departments,
    site_departments,
    visitors,
)
from server.store.writer import Write

# ---------------------------------------------------------------- reads


def list_departments(conn: Connection) -> list[p.DepartmentInfo]:
    members: dict[int, list[int]] = {}
    query = sa.select(agent_departments.c.department_id, agent_departments.c.agent_id).join(
        agents, agents.c.id == agent_departments.c.agent_id
    )
    for department_id, agent_id in conn.execute(query.where(agents.c.disabled == sa.false())):
        members.setdefault(int(department_id), []).append(int(agent_id))
    rows = conn.execute(sa.select(departments).order_by(sa.func.lower(departments.c.name)))
    return [
        p.DepartmentInfo(id=r.id, name=r.name, agent_ids=sorted(members.get(r.id, [])))
        for r in rows
    ]


def agent_department_ids(conn: Connection, agent_id: int) -> list[int]:
    query = sa.select(agent_departments.c.department_id).where(
        agent_departments.c.agent_id == agent_id
    )
    return sorted(int(d) for d in conn.execute(query).scalars())


def site_department_ids(conn: Connection, site_id: int) -> list[int]:
    query = sa.select(site_departments.c.department_id).where(site_departments.c.site_id == site_id)
    return sorted(int(d) for d in conn.execute(query).scalars())


def site_department_refs(conn: Connection, site_id: int) -> list[p.DepartmentRef]:
    """What a visitor of the site may pick from: its departments, when it has several."""
    query = (
        sa.select(departments.c.id, departments.c.name)
        .join(site_departments, site_departments.c.department_id == departments.c.id)
        .where(site_departments.c.site_id == site_id)
        .order_by(sa.func.lower(departments.c.name))
    )
    refs = [p.DepartmentRef(id=r.id, name=r.name) for r in conn.execute(query)]
    return refs if len(refs) > 1 else []


def routing_pool(conn: Connection, site_id: int | None, visitor_id: int | None) -> set[int] | None:
    """The agents a new chat goes to first (T4): the visitor's picked department's, else those
    of the site's departments. None: the site has no departments (every agent)."""
    if site_id is None:
        return None
    wanted = site_department_ids(conn, site_id)
    if not wanted:
        return None
    picked = None
    if visitor_id is not None:
        picked = conn.execute(
            sa.select(visitors.c.department_id).where(visitors.c.id == visitor_id)
        ).scalar()
    if picked is not None and picked in wanted:
        wanted = [picked]
    query = sa.select(agent_departments.c.agent_id).where(
        agent_departments.c.department_id.in_(wanted)
    )
    return {int(a) for a in conn.execute(query).scalars()}


def agent_limits(conn: Connection, agent_ids: Sequence[int]) -> dict[int, int]:
    """T3: each agent's own chat limit (0: none of its own)."""
    if not agent_ids:
        return {}
    query = sa.select(agents.c.id, agents.c.chat_limit).where(agents.c.id.in_(list(agent_ids)))
    return {int(a): int(n or 0) for a, n in conn.execute(query)}


# ---------------------------------------------------------------- writes


def _known(conn: Connection, ids: Iterable[int]) -> list[int]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    query = sa.select(departments.c.id).where(departments.c.id.in_(wanted))
    found = sorted(int(d) for d in conn.execute(query).scalars())
    if found != wanted:
        raise p.FrameRejected("not_found", "no such department")
    return found


def set_agent_departments(conn: Connection, agent_id: int, ids: Iterable[int]) -> None:
    found = _known(conn, ids)
    conn.execute(sa.delete(agent_departments).where(agent_departments.c.agent_id == agent_id))
    if found:
        conn.execute(
            sa.insert(agent_departments),
            [{"agent_id": agent_id, "department_id": d} for d in found],
        )


def set_site_departments(conn: Connection, site_id: int, ids: Iterable[int]) -> None:
    found = _known(conn, ids)
    conn.execute(sa.delete(site_departments).where(site_departments.c.site_id == site_id))
    if found:
        conn.execute(
            sa.insert(site_departments),
            [{"site_id": site_id, "department_id": d} for d in found],
        )


def save_department(department_id: int | None, name: str) -> Write[list[p.DepartmentInfo]]:
    def write(conn: Connection) -> list[p.DepartmentInfo]:
        clean = name.strip()
        if not clean:
            raise p.FrameRejected("invalid", "the department needs a name")
        same = conn.execute(
            sa.select(departments.c.id).where(sa.func.lower(departments.c.name) == clean.lower())
        ).scalar()
        if same is not None and same != department_id:
            raise p.FrameRejected("duplicate", "another department has that name")
        if department_id is None:
            count = conn.execute(sa.select(sa.func.count()).select_from(departments)).scalar()
            if int(count or 0) >= p.MAX_DEPARTMENTS:
                raise p.FrameRejected("invalid", "too many departments")
            conn.execute(sa.insert(departments).values(name=clean, created_at=time.time()))
        else:
            done = conn.execute(
                sa.update(departments).where(departments.c.id == department_id).values(name=clean)
            )
            if done.rowcount != 1:
                raise p.FrameRejected("not_found", "no such department")
        return list_departments(conn)

    return write


def delete_department(department_id: int) -> Write[list[p.DepartmentInfo]]:
    def write(conn: Connection) -> list[p.DepartmentInfo]:
        for table in (agent_departments, site_departments):
            conn.execute(sa.delete(table).where(table.c.department_id == department_id))
        conn.execute(
            sa.update(visitors)
            .where(visitors.c.department_id == department_id)
            .values(department_id=None)
        )
        done = conn.execute(sa.delete(departments).where(departments.c.id == department_id))
        if done.rowcount != 1:
            raise p.FrameRejected("not_found", "no such department")
        return list_departments(conn)

    return write


def choose_department(visitor_id: int, site_id: int, department_id: int) -> Write[None]:
    """T4: the visitor's pick, one of its site's departments."""

    def write(conn: Connection) -> None:
        if department_id not in site_department_ids(conn, site_id):
            raise p.FrameRejected("not_found", "no such department on this site")
        conn.execute(
            sa.update(visitors)
            .where(visitors.c.id == visitor_id)
            .values(department_id=department_id)
        )

    return write
