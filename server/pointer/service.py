"""The pointer (C15) on the relay: the one-time token an agent's browser carries to the
visitor's page, and the element picked there, sent to the visitor as a ``pointer`` event.

The token is a row (its SHA-256 only), bound to the agent and the chat, spent by a
compare-and-set in the same transaction as the event (so two tabs cannot both use it, and a
closed chat spends nothing), and expires after ``POINTER_SECONDS``. It grants nothing but that
one event: the connection that sends ``pointer_pick`` gains no other right.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.chats import reads as chat_reads
from server.chats import writes as chat_writes
from server.chats.service import ChatService
from server.core.frames import serves
from server.store.db import read
from server.store.schema import agents, chats, pointer_tokens, visitors
from server.store.writer import GroupWriter, Write

if TYPE_CHECKING:
    from server.core.sessions import AgentSession, VisitorSession

FRAGMENT = "jivo-pointer="


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def current_page(conn: Connection, chat_id: int) -> str:
    """The page the chat's visitor is on now (B9), or was last seen on ("" when unknown)."""
    url = conn.execute(
        sa.select(visitors.c.page_url)
        .join(chats, chats.c.visitor_id == visitors.c.id)
        .where(chats.c.id == chat_id)
    ).scalar()
    return str(url or "")


def save_token(
    token_hash: str, chat_id: int, agent_id: int, url: str, expires: float
) -> Write[None]:
    def write(conn: Connection) -> None:
        # Retention: spent or expired tokens go a day later (they prove nothing after that).
        conn.execute(sa.delete(pointer_tokens).where(pointer_tokens.c.expires_at < expires - 86400))
        conn.execute(
            sa.insert(pointer_tokens).values(
                token_hash=token_hash, chat_id=chat_id, agent_id=agent_id, page_url=url,
                expires_at=expires,
            )
        )  # fmt: skip

    return write


def spend_token(token_hash: str, frame: p.PointerPick) -> Write[chat_writes.ChatChange]:
    """Spend the token and append the event, in one transaction."""

    def write(conn: Connection) -> chat_writes.ChatChange:
        now = time.time()
        row = conn.execute(
            sa.update(pointer_tokens)
            .where(
                pointer_tokens.c.token_hash == token_hash,
                pointer_tokens.c.used_at.is_(None),
                pointer_tokens.c.expires_at > now,
            )
            .values(used_at=now)
            .returning(
                pointer_tokens.c.chat_id, pointer_tokens.c.agent_id, pointer_tokens.c.page_url
            )
        ).one_or_none()
        if row is None:
            raise p.FrameRejected("not_found", "this pointer link was used already or expired")
        chat = chat_reads.chat_row(conn, row.chat_id)
        members = chat_reads.participants(conn, row.chat_id)
        chat_writes.check_member(chat, members, row.agent_id)
        name = conn.execute(sa.select(agents.c.name).where(agents.c.id == row.agent_id)).scalar()
        text = json.dumps(
            {
                "comment": frame.comment,
                "selector": frame.selector,
                "url": frame.page_url or row.page_url,
            },
            ensure_ascii=False,
        )
        event, chat = chat_writes.append_event(
            conn, row.chat_id, kind="pointer", author="agent", author_id=row.agent_id,
            author_name=str(name or ""), text=text,
        )  # fmt: skip
        return chat_writes.ChatChange(event, chat, members)

    return write


class PointerService:
    def __init__(self, engine: AsyncEngine, writer: GroupWriter, chats: ChatService) -> None:
        self.engine = engine
        self.writer = writer
        self.chats = chats

    @serves(p.CreatePointer)
    async def create(self, s: AgentSession, frame: p.CreatePointer) -> None:
        chat, members = await self.chats.visible_chat(frame.chat_id, s.agent, frame.id)
        if chat.kind != "visitor" or s.agent.id not in members:
            raise p.FrameRejected("not_in_chat", "accept the chat first", frame.id)
        if chat.state not in chat_reads.OPEN_STATES:
            raise p.FrameRejected("chat_closed", f"the chat is {chat.state}", frame.id)
        page = await read(self.engine, current_page, frame.chat_id)
        parts = urlsplit(page)
        if parts.scheme not in ("http", "https"):
            raise p.FrameRejected("not_found", "the visitor's page is not known", frame.id)
        token = secrets.token_urlsafe(24)
        expires = time.time() + p.POINTER_SECONDS
        await self.writer.run(save_token(_hash(token), frame.chat_id, s.agent.id, page, expires))
        url = urlunsplit(parts._replace(fragment=FRAGMENT + token))
        s.conn.send(
            p.PointerCreated(id=frame.id, chat_id=frame.chat_id, url=url, expires_at=expires)
        )

    @serves(p.PointerPick, role="visitor")
    async def pick(self, s: VisitorSession, frame: p.PointerPick) -> None:
        try:
            change = await self.writer.run(spend_token(_hash(frame.token), frame))
        except p.FrameRejected as exc:
            exc.request_id = frame.id
            raise
        s.conn.send(p.Ok(id=frame.id))
        self.chats._publish_event(change)


def parse(text: str) -> dict[str, Any]:
    """A ``pointer`` event's text as a dict (empty fields where it is not valid JSON)."""
    try:
        value = json.loads(text)
    except ValueError:
        value = {}
    value = value if isinstance(value, dict) else {}
    return {k: str(value.get(k, "")) for k in ("comment", "selector", "url")}
