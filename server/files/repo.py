"""Store functions of files (C14) and the sneak-peek setting (C17).

Same rules as :mod:`server.store`: synchronous functions on a ``Connection``; writes are
returned as a ``Write`` for the group writer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import msgspec
import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.chats import reads as chat_reads
from server.chats import writes as chat_writes
from server.store.schema import agents, chats, files, sites
from server.store.writer import Write


def upload_chat(
    conn: Connection, role: p.Role, principal_id: int, chat_id: int | None
) -> tuple[int, Any]:
    """The chat an upload goes to, checked as a message would be: a visitor's open chat, or an
    open chat the agent is in. Returns (chat id, chat row)."""
    if role == "visitor":
        chat = chat_reads.open_chat_of_visitor(conn, principal_id)
        if chat is None:
            raise p.FrameRejected("not_found", "start the chat with a message before a file")
        return int(chat.id), chat
    if chat_id is None:
        raise p.FrameRejected("invalid", "agents must name the chat")
    chat = chat_reads.chat_row(conn, chat_id)
    members = chat_reads.participants(conn, chat_id) if chat is not None else []
    chat_writes.check_member(chat, members, principal_id)
    return chat_id, chat


DAY_SECONDS = 86400.0


@dataclass
class UploadCheck:
    """What ``FileService.begin`` needs before it accepts any byte (finding 3)."""

    chat_id: int
    duplicate: bool
    chat_bytes: int
    """Bytes of the files stored in the chat so far."""
    visitor_day_bytes: int
    """For a visitor: bytes it uploaded in the last 24 hours, over all its chats."""


def upload_check(
    conn: Connection, role: p.Role, principal_id: int, chat_id: int | None, client_msg_id: str
) -> UploadCheck:
    target, _chat = upload_chat(conn, role, principal_id, chat_id)
    duplicate = chat_writes.duplicate(conn, role, principal_id, client_msg_id) is not None
    chat_bytes = conn.execute(
        sa.select(sa.func.coalesce(sa.func.sum(files.c.size), 0)).where(files.c.chat_id == target)
    ).scalar_one()
    day_bytes = 0
    if role == "visitor":
        day_bytes = conn.execute(
            sa.select(sa.func.coalesce(sa.func.sum(files.c.size), 0))
            .select_from(files.join(chats, chats.c.id == files.c.chat_id))
            .where(
                chats.c.visitor_id == principal_id,
                files.c.uploader == "visitor",
                files.c.created_at >= time.time() - DAY_SECONDS,
            )
        ).scalar_one()
    return UploadCheck(target, duplicate, int(chat_bytes), int(day_bytes))


@dataclass
class StoredFile:
    change: chat_writes.ChatChange
    info: p.FileInfo


def store_file(
    role: p.Role,
    principal_id: int,
    author_name: str,
    chat_id: int | None,
    client_msg_id: str,
    info: p.FileInfo,
    quotas: tuple[int, int] | None = None,
) -> Write[StoredFile]:
    """Commit a complete file: its row and its ``file`` event in one transaction. A retried
    upload (same ``client_msg_id``) returns the first one with ``duplicate`` set. ``quotas``
    (the chat's bytes, the visitor's bytes a day) are checked again here, where uploads that
    several nodes took at once meet (finding 3)."""

    def write(conn: Connection) -> StoredFile:
        dup = chat_writes.duplicate(conn, role, principal_id, client_msg_id)
        if dup is not None:
            stored = dup.event.file or info
            return StoredFile(dup, stored)
        if quotas is not None:
            check = upload_check(conn, role, principal_id, chat_id, client_msg_id)
            if check.chat_bytes + info.size > quotas[0] or (
                role == "visitor" and check.visitor_day_bytes + info.size > quotas[1]
            ):
                raise p.FrameRejected("quota_exceeded", "the file quota was reached meanwhile")
        target, _chat = upload_chat(conn, role, principal_id, chat_id)
        event, chat = chat_writes.append_event(
            conn,
            target,
            kind="file",
            author=role,
            author_id=principal_id,
            author_name=author_name,
            text=chat_reads.file_event_text(info),
            client_msg_id=client_msg_id,
            chat_values={"preview": f"File: {info.name}"[:200]},
        )
        conn.execute(
            sa.insert(files).values(
                id=info.id,
                chat_id=target,
                event_id=event.cursor,
                uploader=role,
                uploader_id=principal_id,
                name=info.name,
                size=info.size,
                content_type=info.content_type,
                sha256=info.sha256,
                created_at=time.time(),
            )
        )
        event = msgspec.structs.replace(event, text=info.name, file=info)
        return StoredFile(
            chat_writes.ChatChange(event, chat, chat_reads.participants(conn, target)), info
        )

    return write


@dataclass
class FileAccess:
    row: Any
    chat: Any
    members: list[int]


def file_access(conn: Connection, file_id: str) -> FileAccess | None:
    """A file with its chat and the chat's agents, to decide who may read it."""
    row = conn.execute(sa.select(files).where(files.c.id == file_id)).first()
    if row is None:
        return None
    chat = chat_reads.chat_row(conn, row.chat_id)
    return FileAccess(row, chat, chat_reads.participants(conn, row.chat_id))


def may_read(access: FileAccess, role: str, principal_id: int, agent_role: str = "") -> bool:
    """Who may read a chat's files: its visitor, its agents, agents while it is offered (they
    see its events), admins for visitor chats (they may read any visitor chat's history)."""
    chat = access.chat
    if chat is None:
        return False
    if role == "visitor":
        return bool(chat.visitor_id == principal_id)
    if principal_id in access.members or chat.state == "offered":
        return True
    return agent_role == "admin" and chat.kind == "visitor"


def agent_role(conn: Connection, agent_id: int) -> str | None:
    row = conn.execute(
        sa.select(agents.c.role, agents.c.disabled).where(agents.c.id == agent_id)
    ).first()
    return None if row is None or row.disabled else str(row.role)


# ---------------------------------------------------------------- sneak peek (C17)


def sneak_peek(conn: Connection, site_id: int) -> bool:
    value = conn.execute(sa.select(sites.c.sneak_peek).where(sites.c.id == site_id)).scalar()
    return bool(value)


def set_sneak_peek(site_id: int, enabled: bool) -> Write[bool]:
    """Returns whether the site exists."""

    def write(conn: Connection) -> bool:
        result = conn.execute(
            sa.update(sites).where(sites.c.id == site_id).values(sneak_peek=enabled)
        )
        return bool(result.rowcount)

    return write
