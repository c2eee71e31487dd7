"""Where an agent's reply can reach a chat's client (the composer's top row, C10): the widget,
the chat's own channel, or another channel of the chat's site the client can be reached on
(e-mail by the address the visitor left, e.g. in the offline form; SMS and WhatsApp by phone).

Read in the reply's own transaction (``server.chats.writes.agent_message``), so a reply by a
channel the client cannot be reached on is refused before anything is stored."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.store.schema import (
    channel_messages,
    channel_threads,
    channels,
    events,
    offline_messages,
    visitors,
)

WHATSAPP_WINDOW = 24 * 3600
"""WhatsApp lets a business write freely within 24 hours of the client's last message."""


@dataclass
class Route:
    """A reply by a channel: the channel's row, the client's address on it, the client's
    thread on it (None: none yet, or the visitor's thread is on another channel) and, for
    WhatsApp, when the client last wrote there."""

    channel: Any
    address: str
    thread: Any = None
    last_inbound_at: float | None = None


def international(phone: str) -> str:
    """A phone number's digits with its country code (``+34 600 11 12 22``, ``0034...``), or
    "" for a national number: SMS and WhatsApp need the country, which we cannot guess."""
    text = phone.strip().lstrip("(")
    digits = "".join(ch for ch in text if ch.isdigit())
    if text.startswith("+"):
        return digits
    if text.startswith("00"):
        return digits[2:]
    return ""


def _routes(conn: Connection, chat: Any) -> dict[str, Route | None]:
    """Every reachable way in the composer's order: ``chat`` maps to None (no outbox)."""
    found: dict[str, Route | None] = {}
    visitor = conn.execute(sa.select(visitors).where(visitors.c.id == chat.visitor_id)).first()
    own_thread = conn.execute(
        sa.select(channel_threads).where(channel_threads.c.visitor_id == chat.visitor_id)
    ).first()
    site_channels = list(
        conn.execute(
            sa.select(channels)
            .where(channels.c.site_id == chat.site_id, channels.c.enabled)
            .order_by(channels.c.id)
        )
    )
    own = next((c for c in site_channels if c.id == chat.channel_id), None)
    if chat.channel_id is None:
        found["chat"] = None
    elif own is None:  # the chat's channel was disabled: look at the others
        pass
    elif own_thread is not None and own_thread.channel_id == own.id:
        route = Route(own, own_thread.address, own_thread)
        if own.kind == "whatsapp":
            route.last_inbound_at = _last_in(conn, own_thread.id)
        if own.kind != "whatsapp" or _in_window(route.last_inbound_at):
            found[own.kind] = route
    email = (visitor.email if visitor is not None else "").strip()
    if "@" not in email:  # the address the visitor left in the offline form (V6)
        email = str(
            conn.execute(
                sa.select(offline_messages.c.email)
                .where(offline_messages.c.visitor_id == chat.visitor_id)
                .order_by(offline_messages.c.id.desc())
                .limit(1)
            ).scalar()
            or ""
        ).strip()
    phone = international(visitor.phone if visitor is not None else "")
    for channel in site_channels:
        if channel.kind in found:
            continue
        if channel.kind == "email" and "@" in email:
            thread = own_thread if own_thread and own_thread.channel_id == channel.id else None
            found["email"] = Route(channel, email, thread)
        elif channel.kind == "sms" and phone:
            found["sms"] = Route(channel, "+" + phone)
        elif channel.kind == "whatsapp" and phone:
            thread = conn.execute(
                sa.select(channel_threads)
                .where(channel_threads.c.channel_id == channel.id,
                       channel_threads.c.address == phone)
                .order_by(channel_threads.c.last_at.desc())
                .limit(1)
            ).first()  # fmt: skip
            last = _last_in(conn, thread.id) if thread is not None else None
            if _in_window(last):
                found["whatsapp"] = Route(channel, phone, thread, last)
    return {via: found[via] for via in p.REPLY_VIAS if via in found}


def _in_window(last_inbound_at: float | None) -> bool:
    return last_inbound_at is not None and time.time() - last_inbound_at < WHATSAPP_WINDOW


def _last_in(conn: Connection, thread_id: int) -> float | None:
    return conn.execute(
        sa.select(sa.func.max(channel_messages.c.created_at)).where(
            channel_messages.c.thread_id == thread_id, channel_messages.c.direction == "in"
        )
    ).scalar()


def last_written(conn: Connection, chat: Any) -> str:
    """The way the client last wrote in this chat: the channel of its newest line when that
    came by a channel (its ``client_msg_id`` is ``ch<channel id>:...``, see
    ``server.channels.repo.client_msg_id``), else the widget; a chat with no line yet, its own
    channel. One indexed read (events by chat and seq)."""
    cmid = conn.execute(
        sa.select(events.c.client_msg_id)
        .where(events.c.chat_id == chat.id, events.c.author == "visitor")
        .order_by(events.c.seq.desc())
        .limit(1)
    ).first()
    channel_id = chat.channel_id
    if cmid is not None:
        found = re.match(r"ch(\d+):", cmid[0] or "")
        if found is None:
            return "chat"
        channel_id = int(found.group(1))
    if channel_id is None:
        return "chat"
    kind = conn.execute(sa.select(channels.c.kind).where(channels.c.id == channel_id)).scalar()
    return str(kind or "chat")


def reply_channels(conn: Connection, chat: Any) -> tuple[list[str], str]:
    """The reachable ways and the default one (the last the client wrote from, if reachable)."""
    ways = list(_routes(conn, chat))
    last = last_written(conn, chat)
    if last not in ways:
        last = ways[0] if ways else "chat"
    return ways, last


def route(conn: Connection, chat: Any, via: str | None) -> Route | None:
    """Where a reply with ``via`` goes: None for the widget, or the channel's route. ``via``
    None keeps the chat's own way. Raises ``unreachable`` (before anything is written)."""
    if chat.channel_id is None and via in (None, "chat"):
        return None  # the widget chat's common case: nothing more to read
    routes = _routes(conn, chat)
    if via is None:
        if chat.channel_id is None:
            return None
        own = next((r for r in routes.values() if r and r.channel.id == chat.channel_id), None)
        if own is None:
            kind = conn.execute(sa.select(channels.c.kind).where(channels.c.id == chat.channel_id))
            raise p.FrameRejected("unreachable", _why(str(kind.scalar() or ""), own=True))
        return own
    if via not in routes:
        raise p.FrameRejected("unreachable", _why(via))
    return routes[via]


def _why(via: str, own: bool = False) -> str:
    if own and via != "whatsapp":
        return f"the chat's {via} channel is disabled or gone: the reply cannot be sent"
    if via == "chat":
        return "this client did not write from the website: answer by the channel they used"
    if via == "whatsapp":
        return (
            "more than 24 hours since the client's last WhatsApp message (or no WhatsApp "
            "channel): WhatsApp only allows an approved template now, which this app cannot "
            "send yet"
        )
    if via == "email":
        return "this client left no e-mail address, or the site has no e-mail channel"
    if via in ("sms",):
        return (
            "this client left no phone number with its country code (+...), or the site has no "
            "SMS channel"
        )
    return f"this client cannot be reached by {via}"
