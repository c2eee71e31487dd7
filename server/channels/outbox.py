"""The outbox rows of agents' replies in channel chats, written in the reply's own transaction
(``server.chats.writes.agent_message``); sent by :mod:`server.channels.service`."""

from __future__ import annotations

import json
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.store.schema import (
    channel_messages,
    channel_outbox,
    channel_threads,
    channels,
    sites,
)

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


def enqueue_reply(conn: Connection, chat: Any, event: p.Event, route: Any) -> None:
    """Called in the transaction of an agent's reply by a channel (``route``, a
    :class:`server.channels.reach.Route`): its outbox row (and, for e-mail, its Message-ID,
    so the client's answer threads back to this chat's client)."""
    channel, thread = route.channel, route.thread
    if thread is None and channel.kind == "email":
        thread = _email_thread(conn, chat, channel, route.address)
    key = outbox_key(channel.id, event.cursor)
    body: dict[str, Any] = {"to": route.address, "text": event.text, "agent": event.author_name}
    if channel.kind == "email":
        config = loads(channel.settings)
        message_id = f"<{key}@{mail_domain(str(config.get('address', '')))}>"
        thread_id = thread.id if thread is not None else None
        earlier = [
            r.provider_id
            for r in conn.execute(
                sa.select(channel_messages.c.provider_id)
                .where(channel_messages.c.thread_id == thread_id)
                .order_by(channel_messages.c.id.desc())
                .limit(MAX_REFERENCES)
            )
        ]
        last_in = conn.execute(
            sa.select(channel_messages.c.provider_id)
            .where(channel_messages.c.thread_id == thread_id, channel_messages.c.direction == "in")
            .order_by(channel_messages.c.id.desc())
            .limit(1)
        ).scalar()
        body.update(
            subject=thread.subject if thread is not None else _site_name(conn, chat),
            message_id=message_id,
            in_reply_to=last_in or "",
            references=[r for r in reversed(earlier) if r.startswith("<")],
        )
        conn.execute(
            sa.insert(channel_messages).values(
                channel_id=channel.id, direction="out", provider_id=message_id,
                thread_id=thread_id, chat_id=chat.id, event_id=event.cursor,
                created_at=time.time(),
            )
        )  # fmt: skip
    if channel.kind == "whatsapp":  # its 24-hour window counts from the client's last message
        body["last_inbound_at"] = route.last_inbound_at
    now = time.time()
    conn.execute(
        sa.insert(channel_outbox).values(
            channel_id=channel.id, chat_id=chat.id, event_id=event.cursor, key=key,
            body=json.dumps(body, ensure_ascii=False), next_at=now, created_at=now,
        )
    )  # fmt: skip


def _site_name(conn: Connection, chat: Any) -> str:
    return str(
        conn.execute(sa.select(sites.c.name).where(sites.c.id == chat.site_id)).scalar() or ""
    )


def _email_thread(conn: Connection, chat: Any, channel: Any, address: str) -> Any:
    """A widget (or offline form) visitor answered by e-mail: the visitor's thread on the
    e-mail channel, so the client's answer (In-Reply-To our Message-ID) comes back to this
    client's chat. None when the visitor already has a thread on another channel (one each)."""
    taken = conn.execute(
        sa.select(channel_threads.c.id).where(channel_threads.c.visitor_id == chat.visitor_id)
    ).first()
    if taken is not None:
        return None
    subject = _site_name(conn, chat)
    conn.execute(
        sa.insert(channel_threads).values(
            channel_id=channel.id, visitor_id=chat.visitor_id, address=address[:320],
            subject_key=" ".join(subject.split()).lower()[:200], subject=subject[:500],
            last_at=time.time(),
        )
    )  # fmt: skip
    return conn.execute(
        sa.select(channel_threads).where(channel_threads.c.visitor_id == chat.visitor_id)
    ).first()
