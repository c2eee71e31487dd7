"""G10 on the relay: the desktop apps' log bundles arrive in parts over the agent's WebSocket,
are stored in the database (so any node of several can hand them out), and only admins list
and download them: ``list_logs`` on the socket, ``GET /logs/<id>`` with ``Authorization:
Bearer <token>`` over HTTP, or ``jivo-relay logs`` on the relay's own machine."""

from __future__ import annotations

import base64
import binascii
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from server import auth
from server import protocol as p
from server.connection import Conn
from server.store import repo
from server.store.db import read
from server.store.schema import agents, log_bundles
from server.store.writer import GroupWriter, Write

# ---------------------------------------------------------------- store


def store_bundle(agent_id: int, name: str, data: bytes) -> Write[int]:
    def write(conn: Connection) -> int:
        values = dict(
            agent_id=agent_id, name=name, size=len(data), data=data, created_at=time.time()
        )
        result = conn.execute(sa.insert(log_bundles).values(**values).returning(log_bundles.c.id))
        return int(result.scalar_one())

    return write


def list_bundles(conn: Connection, limit: int = 500) -> list[p.LogInfo]:
    query = (
        sa.select(
            log_bundles.c.id,
            log_bundles.c.agent_id,
            log_bundles.c.name,
            log_bundles.c.size,
            log_bundles.c.created_at,
            agents.c.name.label("agent_name"),
            agents.c.email.label("agent_email"),
        )
        .join(agents, agents.c.id == log_bundles.c.agent_id)
        .order_by(log_bundles.c.id.desc())
        .limit(limit)
    )
    return [
        p.LogInfo(
            id=r.id,
            agent_id=r.agent_id,
            agent_name=r.agent_name,
            agent_email=r.agent_email,
            name=r.name,
            size=r.size,
            created_at=r.created_at,
        )
        for r in conn.execute(query)
    ]


def bundle(conn: Connection, log_id: int) -> Any:
    query = sa.select(log_bundles.c.name, log_bundles.c.data).where(log_bundles.c.id == log_id)
    return conn.execute(query).first()


def is_admin(row: Any) -> bool:
    return row is not None and row.role == "admin" and not row.disabled


# ---------------------------------------------------------------- the relay's part


@dataclass
class _Upload:
    upload: str
    name: str
    next_part: int = 0
    data: bytearray = field(default_factory=bytearray)


class LogService:
    """Receives bundles (one unfinished upload per connection at a time, dropped when it
    closes) and serves them to admins."""

    def __init__(self, engine: AsyncEngine, writer: GroupWriter) -> None:
        self.engine = engine
        self.writer = writer
        self._uploads: dict[int, _Upload] = {}
        self.session_lifetime: tuple[float, float] | None = None
        """Finding 7: (absolute, idle) seconds a session token is accepted (the relay sets it)."""

    async def receive(self, conn: Conn, frame: p.UploadLogs, agent: p.AgentInfo) -> None:
        key = id(conn)
        upload = self._uploads.get(key)
        if frame.part == 0:
            upload = self._uploads[key] = _Upload(frame.upload, frame.name or "logs.zip")
        elif upload is None or upload.upload != frame.upload or frame.part != upload.next_part:
            self._uploads.pop(key, None)
            raise p.FrameRejected("invalid", "log part out of order: start again from part 0")
        try:
            chunk = base64.b64decode(frame.data, validate=True)
        except (binascii.Error, ValueError):
            self._uploads.pop(key, None)
            raise p.FrameRejected("invalid", "log data is not base64") from None
        if len(chunk) > p.LOG_PART_BYTES or len(upload.data) + len(chunk) > p.MAX_LOG_BYTES:
            self._uploads.pop(key, None)
            raise p.FrameRejected(
                "too_large", f"a log bundle may have at most {p.MAX_LOG_BYTES} bytes"
            )
        upload.data += chunk
        upload.next_part += 1
        if not frame.last:
            conn.send(p.Ok(id=frame.id))
            return
        del self._uploads[key]
        data = bytes(upload.data)
        log_id = await self.writer.run(store_bundle(agent.id, upload.name, data))
        conn.send(p.LogsStored(id=frame.id, log_id=log_id, size=len(data)))

    def forget(self, conn: Conn) -> None:
        """The connection closed: an unfinished upload of it is dropped."""
        self._uploads.pop(id(conn), None)

    async def list(self, conn: Conn, frame: p.ListLogs, agent: p.AgentInfo) -> None:
        if agent.role != "admin":
            raise p.FrameRejected("forbidden", "only admins may see the team's logs")
        conn.send(p.LogList(id=frame.id, logs=await read(self.engine, list_bundles)))

    async def download(self, log_id: int, token: str) -> tuple[int, str, bytes]:
        """For ``GET /logs/<id>``: (HTTP status, file name, body)."""

        def look_up(db: Connection) -> tuple[Any, Any]:
            hashed = auth.token_hash(token) if token else None
            row = repo.agent_by_token(db, hashed, self.session_lifetime) if hashed else None
            return row, bundle(db, log_id) if is_admin(row) else None

        row, found = await read(self.engine, look_up)
        if row is None:
            return 401, "", b"sign in: send Authorization: Bearer <token>\n"
        if not is_admin(row):
            return 403, "", b"only admins may download logs\n"
        if found is None:
            return 404, "", b"no such log bundle\n"
        return 200, str(found.name), bytes(found.data)


def bundles_text(logs: Sequence[p.LogInfo]) -> str:
    """The CLI's listing."""
    if not logs:
        return "no log bundles yet\n"
    lines = [f"{'id':>5}  {'sent (UTC)':19}  {'size':>9}  agent"]
    for info in logs:
        sent = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(info.created_at))
        lines.append(
            f"{info.id:>5}  {sent}  {info.size:>9}  {info.agent_name} <{info.agent_email}>"
        )
    return "\n".join(lines) + "\n"
