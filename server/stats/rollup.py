"""``report_chats`` made again from ``report_log`` (S1): the rollup is derived, so it can be
checked against the log (tests) and rebuilt (after a restore, or a change of what it keeps)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import Connection

from server.stats.figures import ChatStory, stories, story_of_row
from server.store.schema import report_chats, report_log


def from_log(conn: Connection) -> dict[int, ChatStory]:
    """Every chat as its log rows tell it."""
    return stories(conn.execute(sa.select(report_log).where(report_log.c.chat_id.is_not(None))))


def from_rollup(conn: Connection) -> dict[int, ChatStory]:
    return {int(r.chat_id): story_of_row(r) for r in conn.execute(sa.select(report_chats))}


def rebuild(conn: Connection) -> int:
    """A write: replace every rollup row by what the log says; returns the chats written."""
    chats = from_log(conn)
    conn.execute(sa.delete(report_chats))
    rows = [
        {
            "chat_id": c.chat_id,
            "started_at": c.started_at,
            "site_id": c.site_id,
            "department_id": c.department_id,
            "invited": c.invited,
            "offers": c.offers,
            "last_offer_round": c.last_offer_round,
            "accepted_at": c.accepted_at,
            "accepted_by": c.accepted_by,
            "taken_round": c.taken_round,
            "replied_at": c.replied_at,
            "replied_by": c.replied_by,
            "closed_at": c.closed_at,
            "messages": c.messages,
            "missed_at": c.missed_at,
            "missed_round": c.missed_round,
            "ignores": "".join(f",{a}," for a in c.ignores),
            "transfers": "".join(
                f"{'' if a is None else a}>{'' if b is None else b}," for a, b in c.transfers
            ),
        }
        for c in chats.values()
    ]
    if rows:
        conn.execute(sa.insert(report_chats), rows)
    return len(rows)
