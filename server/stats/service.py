"""The statistics' frames (S1). The role check is the frame registry's (``fresh_role``: the
sender's role is read again before the handler runs); what a role may see is
:func:`scope`, next to the handler: admins everything, an agent the team totals and their
own figures, never another agent's."""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.core.frames import serves
from server.stats import figures
from server.stats import repo as stats_repo
from server.store.db import read

if TYPE_CHECKING:
    from server.core.sessions import AgentSession

MAX_HOUR_DAYS = 31


def scope(role: str, me: int, asked: int | None) -> tuple[int | None, int | None]:
    """(the agent whose figures the report is of, the only agent listed) for a sender of
    ``role``; another agent's figures asked by a non-admin are refused."""
    if role == "admin":
        return asked, None
    if asked is not None and asked != me:
        raise p.FrameRejected("forbidden", "agents see only their own figures")
    return asked, me


def check_range(frame: p.GetStats) -> None:
    try:
        first = dt.date.fromisoformat(frame.date_from)
        last = dt.date.fromisoformat(frame.date_to)
    except ValueError as exc:
        raise p.FrameRejected("invalid", "not a date", frame.id) from exc
    days = (last - first).days + 1
    if days < 1:
        raise p.FrameRejected("invalid", "the range ends before it starts", frame.id)
    limit = MAX_HOUR_DAYS if frame.group == "hour" else p.MAX_STATS_DAYS
    if days > limit:
        raise p.FrameRejected("invalid", f"at most {limit} days grouped by {frame.group}", frame.id)


class StatsService:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def build(
        self, frame: p.GetStats, agent_id: int | None, listed: int | None
    ) -> p.StatsReport:
        hours = await read(self.engine, stats_repo.working_hours)
        zone = figures.zone_of(hours.timezone)
        start, end = figures.range_of(frame.date_from, frame.date_to, zone)
        data = await read(
            self.engine, stats_repo.inputs, start, end, frame.site_id, frame.department_id
        )
        q = figures.Query(
            zone=zone,
            start=start,
            end=end,
            group=frame.group,
            site_id=frame.site_id,
            department_id=frame.department_id,
            agent_id=agent_id,
            hours=hours,
            working_only=frame.working_hours,
            now=time.time(),
        )
        summary, periods, heatmap, agents, listed_chats = figures.report(q, data)
        if listed is not None:
            agents = [a for a in agents if a.agent_id == listed]
            if agent_id is None:  # team totals, but only the agent's own chats listed
                listed_chats = [c for c in listed_chats if figures.lists_agent(c, listed)]
        site_refs, department_refs = await read(self.engine, stats_repo.filters)
        total = len(listed_chats)
        shown = listed_chats[-p.MAX_STATS_CHATS :]
        plain_ids = [int(c[0]) for c in shown if not isinstance(c, figures.ChatStory)]
        read_again = await read(self.engine, stats_repo.stories_of, plain_ids) if plain_ids else {}
        chats = []
        for c in shown:
            if isinstance(c, figures.ChatStory):
                chats.append(figures.chat_row(c))
            elif (story := read_again.get(int(c[0]))) is not None:  # None: gone (retention)
                story.in_working_hours = figures.in_working_hours(hours, story.started_at)
                chats.append(figures.chat_row(story))
        return p.StatsReport(
            id=frame.id,
            timezone=str(zone.key),
            start=start,
            end=end,
            summary=summary,
            periods=periods,
            heatmap=heatmap,
            agents=agents,
            chats=chats,
            chats_total=total,
            sites=site_refs,
            departments=department_refs,
        )

    @serves(p.GetStats, fresh_role=True)
    async def get_stats(self, s: AgentSession, frame: p.GetStats) -> None:
        check_range(frame)
        try:
            agent_id, listed = scope(s.role, s.agent_id, frame.agent_id)
        except p.FrameRejected as refused:
            refused.request_id = frame.id
            raise
        s.conn.send(await self.build(frame, agent_id, listed))
