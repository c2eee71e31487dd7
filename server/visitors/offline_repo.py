"""Offline messages (V6): what visitors left in the offline form, for agents to read, mark
handled and answer by e-mail. Same rules as :mod:`server.store.repo`."""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.store.schema import agents, offline_messages, sites, visitors
from server.store.writer import Write
from server.visitors import repo as visitors_repo

_handler = agents.alias("handler")
_select = (
    sa.select(
        offline_messages,
        sites.c.name.label("site_name"),
        _handler.c.name.label("handler_name"),
    )
    .outerjoin(sites, sites.c.id == offline_messages.c.site_id)
    .outerjoin(_handler, _handler.c.id == offline_messages.c.handled_by)
)


def _info(conn: Connection, row: Any, visitor_rows: dict[int, Any]) -> p.OfflineMessageInfo:
    visitor_row = visitor_rows.get(row.visitor_id) if row.visitor_id is not None else None
    visitor = (
        visitors_repo.visitor_info_from_row(visitor_row, row.site_name or "")
        if visitor_row is not None
        else None
    )
    return p.OfflineMessageInfo(
        id=row.id,
        site_id=row.site_id,
        site_name=row.site_name or "",
        visitor_id=row.visitor_id,
        name=row.name,
        email=row.email,
        text=row.text,
        created_at=row.created_at,
        handled=row.handled_at is not None,
        handled_by=row.handler_name or "",
        handled_at=row.handled_at,
        replied_at=row.replied_at,
        visitor=visitor,
    )


def _infos(conn: Connection, rows: list[Any]) -> list[p.OfflineMessageInfo]:
    ids = {r.visitor_id for r in rows if r.visitor_id is not None}
    found = (
        {v.id: v for v in conn.execute(sa.select(visitors).where(visitors.c.id.in_(ids))).all()}
        if ids
        else {}
    )
    return [_info(conn, r, found) for r in rows]


def offline_messages_list(
    conn: Connection, handled: bool, limit: int
) -> list[p.OfflineMessageInfo]:
    """Newest first; the unhandled ones only unless ``handled``."""
    query = _select.order_by(offline_messages.c.created_at.desc(), offline_messages.c.id.desc())
    if not handled:
        query = query.where(offline_messages.c.handled_at.is_(None))
    return _infos(conn, list(conn.execute(query.limit(limit)).all()))


def offline_message(conn: Connection, message_id: int) -> p.OfflineMessageInfo | None:
    row = conn.execute(_select.where(offline_messages.c.id == message_id)).first()
    return _infos(conn, [row])[0] if row is not None else None


def mark_handled(
    message_id: int, agent_id: int, handled: bool, *, replied: bool = False
) -> Write[p.OfflineMessageInfo]:
    def write(conn: Connection) -> p.OfflineMessageInfo:
        now = time.time()
        values: dict[str, Any] = (
            {"handled_at": now, "handled_by": agent_id}
            if handled
            else {"handled_at": None, "handled_by": None}
        )
        if replied:
            values["replied_at"] = now
        done = conn.execute(
            sa.update(offline_messages).where(offline_messages.c.id == message_id).values(**values)
        )
        if done.rowcount != 1:
            raise p.FrameRejected("not_found", "no such offline message")
        info = offline_message(conn, message_id)
        assert info is not None
        return info

    return write
