"""The reporting log's writes (S1): called inside the writes whose change they describe, so a
row is committed with its change or not at all. Rows are only ever inserted.

Kinds (see docs/statistics.md for what each figure makes of them):

``chat_started``  a visitor's first message opened a chat (site, department; ``detail``
                  "invited" when it answers an agent's invitation)
``offered``       a ladder round opened (``round``, ``detail`` the reason)
``ignored``       an agent ignored the round (``round``, ``agent_id``)
``missed``        nobody took the chat after the last round (``round``)
``accepted``      an agent took the offered chat
``first_reply``   the first human message of an agent in the chat (once per chat)
``transferred``   a transfer was accepted (``agent_id`` the new agent, ``other_id`` the old)
``closed``        the chat closed (``agent_id`` who closed it, ``n`` its messages)
``offline_message`` a visitor left the offline form (site)
``invitation_sent`` / ``invitation_answered``  V2/V3 (``detail`` "manual" or "rule")
``status``        an agent's status as colleagues see it (``detail`` online/away/offline)
"""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server.store.schema import events, report_chats, report_log, site_departments, visitors

KINDS = (
    "chat_started",
    "offered",
    "ignored",
    "missed",
    "accepted",
    "first_reply",
    "transferred",
    "closed",
    "offline_message",
    "invitation_sent",
    "invitation_answered",
    "status",
)

_INSERT = sa.insert(report_log)

FIRST_REPLY_SQL = (
    "INSERT INTO report_log (ts, kind, chat_id, site_id, agent_id, detail) "
    "SELECT :ts, 'first_reply', :chat_id, :site_id, :agent_id, '' "
    "WHERE NOT EXISTS (SELECT 1 FROM report_log "
    "WHERE chat_id = :chat_id AND kind = 'first_reply')"
)
"""The first agent reply of a chat, once (the writer is alone, under the cursor lock with
several nodes; the index (chat_id, kind) answers the check). Plain SQL so that the fast message
path (server.chats.fast_messages) runs it as a prepared statement."""

ROLL_REPLY_SQL = (
    "UPDATE report_chats SET replied_at = :ts, replied_by = :agent_id "
    "WHERE chat_id = :chat_id AND replied_at IS NULL"
)
"""The same first reply in the chat's rollup row (run when the insert above inserted)."""

FIRST_REPLY_PG = (
    "WITH ins AS (INSERT INTO report_log (ts, kind, chat_id, site_id, agent_id, detail) "
    "SELECT $1::float8, 'first_reply', $2::int, $3::int, $4::int, '' "
    "WHERE NOT EXISTS (SELECT 1 FROM report_log "
    "WHERE chat_id = $2::int AND kind = 'first_reply') RETURNING chat_id, ts, agent_id) "
    "UPDATE report_chats SET replied_at = ins.ts, replied_by = ins.agent_id "
    "FROM ins WHERE report_chats.chat_id = ins.chat_id AND report_chats.replied_at IS NULL"
)
"""Both in one statement (PostgreSQL's data-modifying CTE), for a pipelined executemany."""


def now() -> float:
    return time.time()


def record(conn: Connection, kind: str, *, ts: float | None = None, **values: Any) -> None:
    """One row of the log, in ``conn``'s transaction, and its chat's rollup row."""
    at = time.time() if ts is None else ts
    conn.execute(_INSERT, {"ts": at, "kind": kind, **values})
    chat_id = values.get("chat_id")
    if chat_id is not None:
        roll(conn, kind, at, chat_id, values)


_CHATS = report_chats.c


def roll(conn: Connection, kind: str, ts: float, chat_id: int, v: dict[str, Any]) -> None:
    """What a log row changes in its chat's ``report_chats`` row: each chat figure taken once,
    as server.stats.figures.stories reads it from the log (the first accept, reply, close,
    miss; every offer, ignore and transfer)."""
    this = _CHATS.chat_id == chat_id
    if kind == "chat_started":
        conn.execute(
            sa.insert(report_chats).values(
                chat_id=chat_id,
                started_at=ts,
                site_id=v.get("site_id"),
                department_id=v.get("department_id"),
                invited=v.get("detail") == "invited",
            )
        )
        return
    update = sa.update(report_chats).where(this)
    if kind == "offered":
        conn.execute(update.values(offers=_CHATS.offers + 1, last_offer_round=v.get("round")))
    elif kind == "ignored" and v.get("agent_id") is not None:
        conn.execute(update.values(ignores=_CHATS.ignores + f",{int(v['agent_id'])},"))
    elif kind == "accepted":
        conn.execute(
            update.where(_CHATS.accepted_at.is_(None)).values(
                accepted_at=ts, accepted_by=v.get("agent_id"), taken_round=_CHATS.last_offer_round
            )
        )
    elif kind == "transferred":
        old, new = v.get("other_id"), v.get("agent_id")
        entry = f"{'' if old is None else int(old)}>{'' if new is None else int(new)},"
        conn.execute(update.values(transfers=_CHATS.transfers + entry))
    elif kind == "closed":
        conn.execute(
            update.where(_CHATS.closed_at.is_(None)).values(closed_at=ts, messages=v.get("n"))
        )
    elif kind == "missed":
        conn.execute(
            update.where(_CHATS.missed_at.is_(None)).values(
                missed_at=ts, missed_round=v.get("round")
            )
        )


def chat_department(conn: Connection, site_id: int | None, visitor_id: int | None) -> int | None:
    """The department a chat counts for: the one the visitor picked among the site's, else the
    site's first; None when the site has none (T4)."""
    if site_id is None:
        return None
    wanted = sorted(
        int(d)
        for d in conn.execute(
            sa.select(site_departments.c.department_id).where(site_departments.c.site_id == site_id)
        ).scalars()
    )
    if not wanted:
        return None
    if visitor_id is not None:
        picked = conn.execute(
            sa.select(visitors.c.department_id).where(visitors.c.id == visitor_id)
        ).scalar()
        if picked is not None and picked in wanted:
            return int(picked)
    return wanted[0]


def chat_started(
    conn: Connection, chat_id: int, site_id: int | None, visitor_id: int | None, invited: bool
) -> None:
    record(
        conn,
        "chat_started",
        chat_id=chat_id,
        site_id=site_id,
        department_id=chat_department(conn, site_id, visitor_id),
        detail="invited" if invited else "",
    )


def first_reply(conn: Connection, chat: Any, agent_id: int) -> None:
    """After an agent's message in a visitor chat (the plain write path)."""
    if chat.kind != "visitor":
        return
    values = {"ts": time.time(), "chat_id": chat.id, "site_id": chat.site_id, "agent_id": agent_id}
    if conn.execute(sa.text(FIRST_REPLY_SQL), values).rowcount == 1:
        conn.execute(sa.text(ROLL_REPLY_SQL), values)


def closed(conn: Connection, chat: Any, agent_id: int | None) -> None:
    messages = conn.execute(
        sa.select(sa.func.count())
        .select_from(events)
        .where(events.c.chat_id == chat.id, events.c.kind == "message")
    ).scalar()
    record(
        conn,
        "closed",
        chat_id=chat.id,
        site_id=chat.site_id,
        agent_id=agent_id,
        n=int(messages or 0),
    )
