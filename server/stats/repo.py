"""The reporting log's reads for a report (S1). Each query is answered from an index: the
chats started in the range from their rollup rows by ``report_chats.started_at``, the other
rows of the range by (kind, ts), each agent's last status before the range by
(kind, agent_id, ts). The work grows with the rows of the range, not with the log."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.account import repo as account_repo
from server.stats.figures import STORY_COLUMNS, Inputs, story_of_values
from server.store.schema import agents, departments, report_chats, report_log, sites

OTHER_KINDS = ("offline_message", "invitation_sent", "invitation_answered")


def inputs(conn: Connection, start: float, end: float) -> Inputs:
    columns = [report_chats.c[name] for name in STORY_COLUMNS]
    chats = [
        story_of_values(row)
        for row in conn.execute(
            sa.select(*columns).where(
                report_chats.c.started_at >= start, report_chats.c.started_at < end
            )
        ).all()
    ]
    other_rows = conn.execute(
        sa.select(report_log).where(
            report_log.c.kind.in_(OTHER_KINDS), report_log.c.ts >= start, report_log.c.ts < end
        )
    ).all()
    status_rows = conn.execute(
        sa.select(report_log).where(
            report_log.c.kind == "status", report_log.c.ts >= start, report_log.c.ts < end
        )
    ).all()
    names = {int(r.id): r.name for r in conn.execute(sa.select(agents.c.id, agents.c.name))}
    before: dict[int, str] = {}
    for agent_id in names:
        last = conn.execute(
            sa.select(report_log.c.detail)
            .where(
                report_log.c.kind == "status",
                report_log.c.agent_id == agent_id,
                report_log.c.ts < start,
            )
            .order_by(report_log.c.ts.desc(), report_log.c.id.desc())
            .limit(1)
        ).scalar()
        if last is not None and last != "offline":
            before[agent_id] = last
    return Inputs(chats, list(other_rows), list(status_rows), before, names)


working_hours = account_repo.working_hours


def filters(conn: Connection) -> tuple[list[p.SiteRef], list[p.DepartmentRef]]:
    """Every site (channel) and department, by name, for the page's filters."""
    site_rows = conn.execute(sa.select(sites.c.id, sites.c.name).order_by(sites.c.name))
    dept_rows = conn.execute(
        sa.select(departments.c.id, departments.c.name).order_by(departments.c.name)
    )
    return (
        [p.SiteRef(id=int(r.id), name=r.name) for r in site_rows],
        [p.DepartmentRef(id=int(r.id), name=r.name) for r in dept_rows],
    )
