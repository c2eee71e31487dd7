"""Retention of the reply channels' tables (C10/K1, finding 10): what grows with traffic.

``channel_messages`` holds every provider id that crossed a channel: the keys that make a
retried webhook or a mail fetched again one message (and keep a deleted chat from coming
back), and the ids an e-mail reply threads by. ``channel_outbox`` holds every reply sent. Both
are deleted by the relay's retention job once old; threads (one per contact) and pending
replies stay.

The de-duplication window must outlast every provider's retries: WhatsApp retries a webhook
with decreasing frequency for up to 7 days, Telegram keeps an update 24 hours, Twilio retries
within its time-out; a status report of a reply comes within the same days. So a setting below
:data:`MIN_DAYS` counts as :data:`MIN_DAYS`. A mail older than the window, fetched again (a
mailbox whose UIDVALIDITY changed is read from the start), cannot be told from one imported
before: it is skipped (:func:`oldest`), never imported twice."""

from __future__ import annotations

import time

import sqlalchemy as sa
from sqlalchemy import Connection

from server.store.schema import channel_messages, channel_outbox
from server.store.writer import Write

DAY = 86400.0
MIN_DAYS = 8.0
"""WhatsApp's 7 days of webhook retries, and a day more."""
FINISHED = ("sent", "delivered", "read", "failed")


def window_days(days: float) -> float:
    """The retention in days a setting gives: 0 keeps for ever, else at least MIN_DAYS."""
    return 0.0 if days <= 0 else max(days, MIN_DAYS)


def oldest(days: float, now: float | None = None) -> float:
    """Inbound messages the provider says were written before this are skipped: their keys
    may have been deleted already (0: none is skipped)."""
    days = window_days(days)
    if not days:
        return 0.0
    # A day's margin: a key is deleted only once older than the window by the job's interval.
    return (time.time() if now is None else now) - (days - 1) * DAY


def delete_messages(before: float, limit: int) -> Write[int]:
    """Provider ids (both directions) recorded before ``before``."""

    def write(conn: Connection) -> int:
        old = (
            sa.select(channel_messages.c.id)
            .where(channel_messages.c.created_at < before)
            .order_by(channel_messages.c.created_at)
            .limit(limit)
        )
        result = conn.execute(sa.delete(channel_messages).where(channel_messages.c.id.in_(old)))
        return max(int(result.rowcount or 0), 0)

    return write


def delete_outbox(before: float, limit: int) -> Write[int]:
    """Replies written before ``before`` that are finished (sent, delivered, read or failed);
    pending ones stay until they are."""

    def write(conn: Connection) -> int:
        old = (
            sa.select(channel_outbox.c.id)
            .where(channel_outbox.c.created_at < before, channel_outbox.c.status.in_(FINISHED))
            .order_by(channel_outbox.c.created_at)
            .limit(limit)
        )
        result = conn.execute(sa.delete(channel_outbox).where(channel_outbox.c.id.in_(old)))
        return max(int(result.rowcount or 0), 0)

    return write
