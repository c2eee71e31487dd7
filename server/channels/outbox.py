"""The outbox rows of agents' replies in channel chats, written in the reply's own transaction
(``server.chats.writes.agent_message``); sent by :mod:`server.channels.service`."""

from __future__ import annotations

import json
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.store.schema import channel_messages, channel_outbox, channel_threads, channels

MAX_REFERENCES = 20
"""References kept on a reply and looked at on a mail (a long thread's newest ones)."""


def loads(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def channel_row(conn: Connection, channel_id: int) -> Any:
    return conn.execute(sa.select(channels).where(channels.c.id == channel_id)).first()


def outbox_key(channel_id: int, cursor: int) -> str:
    """The idempotency key of a reply: the same on every attempt, unique per event."""
    return f"jivo-{channel_id}-{cursor}"


def mail_domain(address: str) -> str:
    return address.rpartition("@")[2] or "localhost"


def enqueue_reply(conn: Connection, chat: Any, event: p.Event) -> None:
    """Called in the transaction of an agent's message in a channel chat: its outbox row (and,
    for e-mail, its Message-ID, so the client's answer threads back to this chat)."""
    channel = channel_row(conn, chat.channel_id)
    thread = conn.execute(
        sa.select(channel_threads).where(channel_threads.c.visitor_id == chat.visitor_id)
    ).first()
    if channel is None or thread is None:
        return
    key = outbox_key(channel.id, event.cursor)
    body: dict[str, Any] = {"to": thread.address, "text": event.text, "agent": event.author_name}
    if channel.kind == "email":
        config = loads(channel.settings)
        message_id = f"<{key}@{mail_domain(str(config.get('address', '')))}>"
        earlier = [
            r.provider_id
            for r in conn.execute(
                sa.select(channel_messages.c.provider_id)
                .where(channel_messages.c.thread_id == thread.id)
                .order_by(channel_messages.c.id.desc())
                .limit(MAX_REFERENCES)
            )
        ]
        last_in = conn.execute(
            sa.select(channel_messages.c.provider_id)
            .where(channel_messages.c.thread_id == thread.id, channel_messages.c.direction == "in")
            .order_by(channel_messages.c.id.desc())
            .limit(1)
        ).scalar()
        body.update(
            subject=thread.subject,
            message_id=message_id,
            in_reply_to=last_in or "",
            references=[r for r in reversed(earlier) if r.startswith("<")],
        )
        conn.execute(
            sa.insert(channel_messages).values(
                channel_id=channel.id, direction="out", provider_id=message_id,
                thread_id=thread.id, chat_id=chat.id, event_id=event.cursor,
                created_at=time.time(),
            )
        )  # fmt: skip
    if channel.kind == "whatsapp":  # its 24-hour window counts from the client's last message
        body["last_inbound_at"] = conn.execute(
            sa.select(sa.func.max(channel_messages.c.created_at)).where(
                channel_messages.c.thread_id == thread.id, channel_messages.c.direction == "in"
            )
        ).scalar()
    now = time.time()
    conn.execute(
        sa.insert(channel_outbox).values(
            channel_id=channel.id, chat_id=chat.id, event_id=event.cursor, key=key,
            body=json.dumps(body, ensure_ascii=False), next_at=now, created_at=now,
        )
    )  # fmt: skip
