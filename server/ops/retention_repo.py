"""Retention (security review finding 10): deletes of what anonymous clients leave behind.

Each function is a write for the group writer that deletes at most ``limit`` rows (oldest
first) and returns how many it deleted. They are plain ``DELETE ... WHERE id IN (SELECT ...
LIMIT n)`` statements: running them on several nodes at once deletes nothing twice and
blocks nothing for long, so every node may run them (no claim needed)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import Connection

from server.stats.log import KINDS as REPORT_KINDS
from server.store.schema import (
    blocked_clients,
    chats,
    offline_messages,
    page_views,
    report_chats,
    report_log,
    visitors,
    webhook_deliveries,
)
from server.store.writer import Write


def delete_page_views(before: float, limit: int) -> Write[int]:
    """Page views (C4 history) older than ``before``."""

    def write(conn: Connection) -> int:
        old = (
            sa.select(page_views.c.id)
            .where(page_views.c.ts < before)
            .order_by(page_views.c.ts)
            .limit(limit)
        )
        return _count(conn.execute(sa.delete(page_views).where(page_views.c.id.in_(old))))

    return write


def delete_idle_visitors(before: float, limit: int) -> Write[int]:
    """Visitors last seen before ``before`` that never chatted, left an offline message or
    were blocked (a row anything else points at is kept), with their page views."""

    def write(conn: Connection) -> int:
        ids = list(
            conn.execute(
                sa.select(visitors.c.id)
                .where(
                    visitors.c.last_seen_at < before,
                    ~sa.exists().where(chats.c.visitor_id == visitors.c.id),
                    ~sa.exists().where(offline_messages.c.visitor_id == visitors.c.id),
                    ~sa.exists().where(blocked_clients.c.visitor_id == visitors.c.id),
                )
                .order_by(visitors.c.last_seen_at)
                .limit(limit)
            ).scalars()
        )
        if not ids:
            return 0
        conn.execute(sa.delete(page_views).where(page_views.c.visitor_id.in_(ids)))
        return _count(conn.execute(sa.delete(visitors).where(visitors.c.id.in_(ids))))

    return write


def delete_report_rows(before: float, limit: int) -> Write[int]:
    """S1: reporting-log rows older than ``before``, kind by kind through the (kind, ts) index
    (a chat whose ``chat_started`` row is gone no longer counts anywhere)."""

    def write(conn: Connection) -> int:
        deleted = 0
        for kind in REPORT_KINDS:
            if deleted >= limit:
                break
            old = (
                sa.select(report_log.c.id)
                .where(report_log.c.kind == kind, report_log.c.ts < before)
                .order_by(report_log.c.ts)
                .limit(limit - deleted)
            )
            deleted += _count(conn.execute(sa.delete(report_log).where(report_log.c.id.in_(old))))
        if deleted < limit:  # and the rollup rows of the chats started before
            old = (
                sa.select(report_chats.c.chat_id)
                .where(report_chats.c.started_at < before)
                .order_by(report_chats.c.started_at)
                .limit(limit - deleted)
            )
            deleted += _count(
                conn.execute(sa.delete(report_chats).where(report_chats.c.chat_id.in_(old)))
            )
        return deleted

    return write


def delete_webhook_deliveries(before: float, limit: int) -> Write[int]:
    """Delivered and failed webhook deliveries made before ``before`` (pending ones stay until
    they are delivered or give up)."""

    def write(conn: Connection) -> int:
        old = (
            sa.select(webhook_deliveries.c.id)
            .where(
                webhook_deliveries.c.status.in_(("delivered", "failed")),
                webhook_deliveries.c.created_at < before,
            )
            .order_by(webhook_deliveries.c.created_at)
            .limit(limit)
        )
        return _count(
            conn.execute(sa.delete(webhook_deliveries).where(webhook_deliveries.c.id.in_(old)))
        )

    return write


def _count(result: sa.CursorResult[object]) -> int:
    return max(int(result.rowcount or 0), 0)
