"""Store code of the channels: their records, inbound messages (one per provider id, threaded,
made a chat of the channel's site like a widget chat), and the durable outbox.

An inbound message's contact is a visitor row of the channel's site: routing, the toast, the
ignore ladder and the CRM (R1: a client merged by e-mail or phone) then treat it as any chat,
with no second code path to keep in step."""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.channels.outbox import MAX_REFERENCES, channel_row, loads
from server.chats import writes as chat_writes
from server.store.schema import (
    channel_messages,
    channel_outbox,
    channel_threads,
    channels,
    chats,
    sites,
    visitors,
)
from server.store.writer import Write

THREAD_FALLBACK_SECONDS = 14 * 86400
"""E-mail without a known Message-ID in its references joins the thread of the same client and
normalised subject when it was active within 14 days (the issue); else it starts one."""


@dataclass
class Inbound:
    """A message a provider gave us, whatever the provider."""

    provider_id: str
    address: str
    """Who wrote: an e-mail address, a phone number, a Telegram chat id."""
    text: str
    name: str = ""
    subject: str = ""
    refs: Sequence[str] = field(default_factory=tuple)
    """E-mail: In-Reply-To then References (newest first)."""
    email: str = ""
    phone: str = ""
    written_at: float | None = None
    """When the client wrote it, by the provider (an e-mail's Date), if it says."""


@dataclass
class Ingested:
    change: chat_writes.ChatChange
    visitor_id: int
    site_id: int


# ---------------------------------------------------------------- channel records


def channel_info(row: Any) -> p.ChannelInfo:
    config = loads(row.settings)
    return p.ChannelInfo(
        id=row.id,
        kind=row.kind,
        name=row.name,
        site_id=row.site_id,
        enabled=bool(row.enabled),
        settings={k: str(v) for k, v in config.items() if k not in p.CHANNEL_SECRETS},
        secrets_set=sorted(k for k, v in config.items() if k in p.CHANNEL_SECRETS and v),
        webhook_url="",
        last_error=row.last_error,
        last_error_at=row.last_error_at,
    )


def list_channels(conn: Connection) -> list[Any]:
    return list(conn.execute(sa.select(channels).order_by(channels.c.id)).all())


def save_channel(frame: p.SaveChannel) -> Write[Any]:
    """Add or change a channel; a secret the frame leaves out keeps its stored value."""

    def write(conn: Connection) -> Any:
        if conn.execute(sa.select(sites.c.id).where(sites.c.id == frame.site_id)).first() is None:
            raise p.FrameRejected("not_found", "no such site", frame.id)
        now = time.time()
        given = {k: v.strip() for k, v in frame.settings.items()}
        if frame.channel_id is None:
            channel_id = conn.execute(
                sa.insert(channels)
                .values(
                    kind=frame.kind, name=frame.name.strip(), site_id=frame.site_id,
                    settings=json.dumps(given), enabled=frame.enabled, created_at=now,
                )
                .returning(channels.c.id)
            ).scalar_one()  # fmt: skip
        else:
            row = channel_row(conn, frame.channel_id)
            if row is None or row.kind != frame.kind:
                raise p.FrameRejected("not_found", "no such channel", frame.id)
            config = loads(row.settings)
            for key, value in given.items():
                config[key] = value
            channel_id = row.id
            conn.execute(
                sa.update(channels)
                .where(channels.c.id == channel_id)
                .values(
                    name=frame.name.strip(), site_id=frame.site_id, settings=json.dumps(config),
                    enabled=frame.enabled, poll_at=0, last_error="", last_error_at=None,
                )
            )  # fmt: skip
        return channel_row(conn, channel_id)

    return write


def due_polls(conn: Connection, kinds: Sequence[str], now: float) -> list[Any]:
    query = sa.select(channels).where(
        channels.c.enabled,
        channels.c.kind.in_(list(kinds)),
        channels.c.poll_at <= now,
        channels.c.poll_lease < now,
    )
    return list(conn.execute(query).all())


def next_poll_at(conn: Connection, kinds: Sequence[str]) -> float | None:
    """When the next poll is due (or a held one's lease ends); None: no channel polls."""
    rows = conn.execute(
        sa.select(channels.c.poll_at, channels.c.poll_lease).where(
            channels.c.enabled, channels.c.kind.in_(list(kinds))
        )
    ).all()
    return min((max(r.poll_at, r.poll_lease) for r in rows), default=None)


def claim_poll(channel_id: int, seen_lease: float, lease_until: float) -> Write[bool]:
    """The channel's poll is a timer row: one node takes it until ``lease_until``."""

    def write(conn: Connection) -> bool:
        result = conn.execute(
            sa.update(channels)
            .where(channels.c.id == channel_id, channels.c.poll_lease == seen_lease)
            .values(poll_lease=lease_until)
        )
        return result.rowcount == 1

    return write


def poll_done(
    channel_id: int, state: dict[str, Any] | None, next_at: float, error: str
) -> Write[None]:
    def write(conn: Connection) -> None:
        values: dict[str, Any] = {"poll_at": next_at, "poll_lease": 0}
        if state is not None:
            values["state"] = json.dumps(state)
        values.update(channel_error(error))
        conn.execute(sa.update(channels).where(channels.c.id == channel_id).values(**values))

    return write


def poll_due(channel_id: int, at: float) -> Write[None]:
    """An IMAP IDLE wait ended (mail came, or time): the mailbox's poll is due at ``at``."""

    def write(conn: Connection) -> None:
        conn.execute(
            sa.update(channels)
            .where(channels.c.id == channel_id, channels.c.poll_at > at)
            .values(poll_at=at)
        )

    return write


def channel_error(error: str) -> dict[str, Any]:
    if not error:
        return {}
    return {"last_error": error[:500], "last_error_at": time.time()}


def set_error(channel_id: int, error: str) -> Write[None]:
    def write(conn: Connection) -> None:
        values = channel_error(error) or {"last_error": "", "last_error_at": None}
        conn.execute(sa.update(channels).where(channels.c.id == channel_id).values(**values))

    return write


# ---------------------------------------------------------------- inbound


def subject_key(subject: str) -> str:
    """A subject without its reply and forward prefixes (Re:, RE:, Fwd:, AW:, RV:, ...),
    lower-cased, spaces collapsed: the fallback thread key."""
    text = " ".join(subject.split()).lower()
    prefixes = ("re:", "fw:", "fwd:", "aw:", "wg:", "sv:", "rv:", "res:", "tr:", "enc:")
    changed = True
    while changed:
        changed = False
        for prefix in prefixes:
            if text.startswith(prefix):
                text = text[len(prefix) :].lstrip()
                changed = True
    return text[:200]


def _live_thread(conn: Connection, query: Any) -> Any:
    """The first thread ``query`` finds whose visitor still exists (retention may have gone)."""
    for row in conn.execute(query.limit(5)):
        alive = conn.execute(sa.select(visitors.c.id).where(visitors.c.id == row.visitor_id))
        if alive.first() is not None:
            return row
    return None


def _find_thread(conn: Connection, channel: Any, msg: Inbound, now: float) -> Any:
    t = channel_threads.c
    refs = [r for r in msg.refs if r][:MAX_REFERENCES]
    if refs:
        by_ref = (
            sa.select(channel_threads)
            .join(channel_messages, channel_messages.c.thread_id == t.id)
            .where(
                channel_messages.c.channel_id == channel.id,
                channel_messages.c.provider_id.in_(refs),
            )
            .order_by(channel_messages.c.id.desc())
        )
        found = _live_thread(conn, by_ref)
        if found is not None:
            return found
    base = sa.select(channel_threads).where(t.channel_id == channel.id, t.address == msg.address)
    if channel.kind == "email":
        found = _live_thread(
            conn,
            base.where(
                t.subject_key == subject_key(msg.subject),
                t.last_at >= now - THREAD_FALLBACK_SECONDS,
            ).order_by(t.last_at.desc()),
        )
        return found
    return _live_thread(conn, base.order_by(t.last_at.desc()))


def _new_thread(conn: Connection, channel: Any, msg: Inbound, now: float) -> Any:
    token = hashlib.sha256(f"channel:{channel.id}:{secrets.token_hex(16)}".encode()).hexdigest()
    visitor_id = conn.execute(
        sa.insert(visitors)
        .values(
            site_id=channel.site_id, token_hash=token, name=msg.name[:200],
            email=msg.email[:200], phone=msg.phone[:200], created_at=now, last_seen_at=now,
        )
        .returning(visitors.c.id)
    ).scalar_one()  # fmt: skip
    thread_id = conn.execute(
        sa.insert(channel_threads)
        .values(
            channel_id=channel.id, visitor_id=visitor_id, address=msg.address[:320],
            subject_key=subject_key(msg.subject), subject=msg.subject[:500], last_at=now,
        )
        .returning(channel_threads.c.id)
    ).scalar_one()  # fmt: skip
    return conn.execute(sa.select(channel_threads).where(channel_threads.c.id == thread_id)).one()


def client_msg_id(channel_id: int, provider_id: str) -> str:
    return f"ch{channel_id}:" + hashlib.sha256(provider_id.encode()).hexdigest()[:40]


def ingest(
    channel_id: int,
    msg: Inbound,
    route: Callable[[Connection, int], Any] | None,
    oldest: float = 0.0,
) -> Write[Ingested | None]:
    """One inbound message, stored once: None when its provider id was seen before (a mail
    fetched again, a webhook retried), even if its chat is gone since, so a deleted chat is
    never imported again; None too for one written before ``oldest``, whose id retention may
    have deleted (server.channels.retention). ``route``: the new chat's first round
    (``ladder.route_new``)."""

    def write(conn: Connection) -> Ingested | None:
        if msg.written_at is not None and msg.written_at < oldest:
            return None
        seen = conn.execute(
            sa.select(channel_messages.c.id).where(
                channel_messages.c.channel_id == channel_id,
                channel_messages.c.direction == "in",
                channel_messages.c.provider_id == msg.provider_id,
            )
        ).first()
        if seen is not None:
            return None
        channel = channel_row(conn, channel_id)
        if channel is None:
            return None
        now = time.time()
        thread = _find_thread(conn, channel, msg, now)
        if thread is None:
            thread = _new_thread(conn, channel, msg, now)
        else:
            conn.execute(
                sa.update(channel_threads)
                .where(channel_threads.c.id == thread.id)
                .values(last_at=now)
            )

        def on_new_chat(conn: Connection, chat_id: int) -> Any:
            conn.execute(
                sa.update(chats).where(chats.c.id == chat_id).values(channel_id=channel_id)
            )
            return route(conn, chat_id) if route is not None else None

        change = chat_writes.visitor_message(
            thread.visitor_id,
            channel.site_id,
            client_msg_id(channel_id, msg.provider_id),
            msg.text,
            True,  # a channel's message is stored whoever is online: it is offered, then missed
            on_new_chat,
        )(conn)
        conn.execute(
            sa.insert(channel_messages).values(
                channel_id=channel_id, direction="in", provider_id=msg.provider_id[:255],
                thread_id=thread.id, chat_id=change.event.chat_id, event_id=change.event.cursor,
                created_at=now,
            )
        )  # fmt: skip
        return Ingested(change, thread.visitor_id, channel.site_id)

    return write


# ---------------------------------------------------------------- outbound (the outbox)


def due_outbox(conn: Connection, now: float, limit: int = 20) -> list[Any]:
    query = (
        sa.select(
            channel_outbox,
            channels.c.kind,
            channels.c.settings,
            channels.c.enabled,
        )
        .join(channels, channels.c.id == channel_outbox.c.channel_id)
        .where(channel_outbox.c.status == "pending", channel_outbox.c.next_at <= now)
        .order_by(channel_outbox.c.next_at)
        .limit(limit)
    )
    return list(conn.execute(query).all())


def next_outbox_at(conn: Connection) -> float | None:
    value = conn.execute(
        sa.select(sa.func.min(channel_outbox.c.next_at)).where(channel_outbox.c.status == "pending")
    ).scalar()
    return float(value) if value is not None else None


SENDING = "(sending)"
"""An outbox row's ``last_error`` while a node sends it: still there when that node's lease
is over, it means the node stopped mid-send and the outcome is unknown."""


def claim_outbox(row_id: int, seen_next_at: float, lease_until: float) -> Write[bool]:
    def write(conn: Connection) -> bool:
        result = conn.execute(
            sa.update(channel_outbox)
            .where(
                channel_outbox.c.id == row_id,
                channel_outbox.c.status == "pending",
                channel_outbox.c.next_at == seen_next_at,
            )
            .values(next_at=lease_until, last_error=SENDING)
        )
        return result.rowcount == 1

    return write


def outbox_result(
    row: Any, status: str, attempts: int, next_at: float, error: str, provider_id: str
) -> Write[None]:
    def write(conn: Connection) -> None:
        changed = conn.execute(
            sa.update(channel_outbox)
            .where(channel_outbox.c.id == row.id, channel_outbox.c.status == "pending")
            .values(
                status=status, attempts=attempts, next_at=next_at, last_error=error[:500],
                provider_id=provider_id[:255],
                sent_at=time.time() if status == "sent" else None,
            )
        )  # fmt: skip
        if changed.rowcount == 0:  # the provider's report came first (C19): keep its state
            conn.execute(
                sa.update(channel_outbox)
                .where(channel_outbox.c.id == row.id, channel_outbox.c.provider_id == "")
                .values(attempts=attempts, provider_id=provider_id[:255])
            )
            return
        values = channel_error(error) if error else {"last_error": ""}
        conn.execute(sa.update(channels).where(channels.c.id == row.channel_id).values(**values))

    return write
