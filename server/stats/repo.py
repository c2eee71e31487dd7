"""The reporting log's reads for a report (S1). Each query is answered from an index: the
chats started in the range from their rollup rows by ``report_chats.started_at``, the other
rows of the range by (kind, ts), each agent's last status before the range by
(kind, agent_id, ts). The work grows with the rows of the range, not with the log."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.account import repo as account_repo
from server.stats.figures import (
    ANSWERED,
    MISSED,
    STORY_COLUMNS,
    UNANSWERED,
    WAITING,
    ChatStory,
    Inputs,
    story_of_values,
)
from server.store.schema import agents, departments, report_chats, report_log, sites

OTHER_KINDS = ("offline_message", "invitation_sent", "invitation_answered")


def plain_condition() -> sa.ColumnElement[bool]:
    """A chat :data:`~server.stats.figures.PLAIN_COLUMNS` describes (figures.is_plain)."""
    rc = report_chats.c
    return sa.and_(
        rc.transfers == "",
        rc.ignores == "",
        # Never NULL (NOT of a NULL would leave a chat in neither part).
        sa.or_(
            rc.replied_at.is_(None),
            sa.and_(
                rc.replied_by.is_not(None),
                rc.accepted_by.is_not(None),
                rc.replied_by == rc.accepted_by,
            ),
        ),
    )


def plain_columns() -> list[sa.ColumnElement[Any]]:
    """The :data:`~server.stats.figures.PLAIN_COLUMNS` of a chat, derived as ChatStory
    derives them (figures.plain_values)."""
    rc = report_chats.c
    outcome = sa.case(
        (rc.missed_at.is_not(None), MISSED),
        (rc.accepted_at.is_not(None), ANSWERED),
        (rc.closed_at.is_not(None), UNANSWERED),
        else_=WAITING,
    )
    accepted = rc.accepted_at.is_not(None)
    return [
        rc.chat_id,
        rc.started_at,
        rc.accepted_by,
        outcome,
        rc.replied_at - rc.started_at,
        sa.case((sa.and_(accepted, sa.not_(rc.invited)), rc.accepted_at - rc.started_at)),
        sa.case((accepted, rc.closed_at - rc.started_at)),
        sa.func.coalesce(rc.messages, 0),
        rc.offers,
        sa.case(
            (rc.missed_at.is_not(None), rc.missed_round),
            (accepted, rc.taken_round),
        ),
    ]


def inputs(
    conn: Connection,
    start: float,
    end: float,
    site_id: int | None = None,
    department_id: int | None = None,
) -> Inputs:
    rc = report_chats.c
    chosen = [rc.started_at >= start, rc.started_at < end]
    if site_id is not None:
        chosen.append(rc.site_id == site_id)
    if department_id is not None:
        chosen.append(rc.department_id == department_id)
    plain = plain_condition()
    chats = [
        story_of_values(row)
        for row in conn.execute(
            sa.select(*[rc[name] for name in STORY_COLUMNS]).where(*chosen, sa.not_(plain))
        ).all()
    ]
    plain_rows = conn.execute(
        sa.select(*plain_columns()).where(*chosen, plain).order_by(rc.started_at, rc.chat_id)
    ).all()
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
    return Inputs(chats, list(other_rows), list(status_rows), before, names, plain_rows)


def stories_of(conn: Connection, chat_ids: list[int]) -> dict[int, ChatStory]:
    """The stories of the listed plain chats (a report's table shows at most a few
    thousand: they are read again in full, the year's others never)."""
    out: dict[int, ChatStory] = {}
    columns = [report_chats.c[name] for name in STORY_COLUMNS]
    for n in range(0, len(chat_ids), 500):
        part = chat_ids[n : n + 500]
        for row in conn.execute(sa.select(*columns).where(report_chats.c.chat_id.in_(part))):
            out[int(row[0])] = story_of_values(row)
    return out


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
