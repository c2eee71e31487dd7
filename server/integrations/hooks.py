"""Webhook delivery rows written inside the transaction of the action they report (finding 21):
the chat that closes, is missed or accepted, the contact saved, the offline message stored.
Either both are committed or neither, so a crash between the two can no longer lose an event.

The dispatcher (:mod:`server.integrations.webhooks`) is woken after the commit; it also looks
at the table every minute, so a wake-up lost with a crashed node only delays the POST."""

from __future__ import annotations

import json
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server.store.schema import webhook_deliveries, webhooks


def webhooks_for(conn: Connection, event: str) -> list[int]:
    rows = conn.execute(sa.select(webhooks.c.id, webhooks.c.events).where(webhooks.c.enabled))
    return [r.id for r in rows if event in str(r.events).split(",")]


def body(event: str, data: dict[str, Any]) -> str:
    return json.dumps({"event": event, "ts": time.time(), "data": data}, ensure_ascii=False)


def enqueue(
    conn: Connection, event: str, data: dict[str, Any], *, coalesce_key: str | None = None
) -> int:
    """One pending delivery per enabled webhook that wants ``event``; returns how many.

    Finding 5: with ``coalesce_key`` (one visitor's ``client_updated``), a delivery of the same
    key that is still waiting for its first try gets the new body instead of a new row: a
    visitor saving its contact 30 times costs one POST, with the latest values."""
    ids = webhooks_for(conn, event)
    if not ids:
        return 0
    text = body(event, data)
    now = time.time()
    for hook_id in ids:
        if coalesce_key is not None:
            replaced = conn.execute(
                sa.update(webhook_deliveries)
                .where(
                    webhook_deliveries.c.webhook_id == hook_id,
                    webhook_deliveries.c.coalesce_key == coalesce_key,
                    webhook_deliveries.c.status == "pending",
                    webhook_deliveries.c.attempts == 0,
                    # Not claimed by a dispatcher: a claim moves next_at to its lease's end.
                    webhook_deliveries.c.next_at <= now,
                )
                .values(body=text)
            )
            if replaced.rowcount:
                continue
        conn.execute(
            sa.insert(webhook_deliveries).values(
                webhook_id=hook_id, event=event, body=text, next_at=now, created_at=now,
                coalesce_key=coalesce_key,
            )
        )  # fmt: skip
    return len(ids)
