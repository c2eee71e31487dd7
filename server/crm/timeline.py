"""R1: a client's card timeline, newest first: its visitors' chats (a link into the archive),
the agents' comments in them, offline messages, tasks, deals and the log of changes and merges.
Each kind is bounded (the newest ``PER_KIND``), so a card stays one frame."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.phone import calls
from server.store.schema import (
    agents,
    chats,
    crm_client_log,
    crm_deals,
    crm_tasks,
    events,
    offline_messages,
)

PER_KIND = 50


def timeline(conn: Connection, client_id: int, visitor_ids: list[int]) -> list[p.TimelineItem]:
    items: list[p.TimelineItem] = []
    if visitor_ids:
        chat_rows = conn.execute(
            sa.select(chats.c.id, chats.c.created_at, chats.c.preview, chats.c.state)
            .where(chats.c.visitor_id.in_(visitor_ids))
            .order_by(chats.c.created_at.desc())
            .limit(PER_KIND)
        ).all()
        items += [
            p.TimelineItem(kind="chat", ref_id=r.id, ts=r.created_at, text=r.preview, chat_id=r.id)
            for r in chat_rows
        ]
        if chat_rows:
            items += [
                p.TimelineItem(
                    kind="comment", ref_id=r.id, ts=r.ts, text=r.text, chat_id=r.chat_id,
                    author=r.author_name,
                )
                for r in conn.execute(
                    sa.select(events)
                    .where(events.c.chat_id.in_([c.id for c in chat_rows]),
                           events.c.kind == "comment")
                    .order_by(events.c.id.desc())
                    .limit(PER_KIND)
                )
            ]  # fmt: skip
        items += [
            p.TimelineItem(kind="offline", ref_id=r.id, ts=r.created_at, text=r.text)
            for r in conn.execute(
                sa.select(offline_messages)
                .where(offline_messages.c.visitor_id.in_(visitor_ids))
                .order_by(offline_messages.c.created_at.desc())
                .limit(PER_KIND)
            )
        ]
    items += [
        p.TimelineItem(kind="task", ref_id=r.id, ts=r.due_at, text=r.title, chat_id=r.chat_id)
        for r in conn.execute(
            sa.select(crm_tasks)
            .where(crm_tasks.c.client_id == client_id)
            .order_by(crm_tasks.c.due_at.desc())
            .limit(PER_KIND)
        )
    ]
    items += [
        p.TimelineItem(kind="deal", ref_id=r.id, ts=r.created_at, text=r.title)
        for r in conn.execute(
            sa.select(crm_deals)
            .where(crm_deals.c.client_id == client_id)
            .order_by(crm_deals.c.created_at.desc())
            .limit(PER_KIND)
        )
    ]
    items += [
        p.TimelineItem(
            kind="log", ref_id=r.id, ts=r.ts, author=r.name or "", action=r.kind,
            field=r.field, text=f"{r.old} → {r.new}" if r.field else f"{r.old}{r.new}",
        )
        for r in conn.execute(
            sa.select(crm_client_log, agents.c.name)
            .outerjoin(agents, agents.c.id == crm_client_log.c.agent_id)
            .where(crm_client_log.c.client_id == client_id)
            .order_by(crm_client_log.c.id.desc())
            .limit(PER_KIND)
        )
    ]  # fmt: skip
    items += [  # P1: the calls with this client
        p.TimelineItem(kind="call", ref_id=c.id, ts=c.started_at, text=c.note,
                       author=c.agent_name, call=c)
        for c in calls.for_client(conn, client_id)
    ]  # fmt: skip
    items.sort(key=lambda i: i.ts, reverse=True)
    return items
