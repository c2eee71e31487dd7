"""G10 on the relay: the desktop apps' log bundles arrive in parts over the agent's WebSocket,
are written part by part to a file in the relay's files folder (shared by the nodes, as sent
files are: C14), and only admins list and download them: ``list_logs`` on the socket,
``GET /logs/<id>`` with ``Authorization: Bearer <token>`` over HTTP, or ``jivo-relay logs`` on
the relay's own machine.

Finding 11: nothing of a bundle is kept in memory while it arrives, and what agents can store is
bounded: the newest ``logs_per_agent`` bundles of each agent, ``logs_max_total_bytes`` for all
(the oldest go first) and ``logs_retention_days``. Why files and not the database: a bundle is
up to 8 MiB of zip that the relay never queries; in the database it would grow every node's
backups and the write-ahead log, and the download would read it whole into memory. Bundles
stored by older relays (in the ``data`` column) are still served.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import logging
import os
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.account import agents as agents_repo
from server.account import auth
from server.core.config import Settings
from server.core.connection import Conn
from server.core.frames import serves
from server.core.sessions import AgentSession
from server.store.db import read
from server.store.schema import agents, log_bundles
from server.store.writer import GroupWriter, Write

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- store


@dataclass(frozen=True)
class Caps:
    per_agent: int
    total_bytes: int
    max_age: float
    """Seconds."""

    @classmethod
    def of(cls, settings: Settings) -> Caps:
        return cls(
            per_agent=settings.logs_per_agent,
            total_bytes=settings.logs_max_total_bytes,
            max_age=settings.logs_retention_days * 86400.0,
        )


def store_bundle(agent_id: int, name: str, size: int, file: str, caps: Caps) -> Write[Any]:
    """The row of a bundle already on disk; then the caps, in the same transaction. Returns
    (its id, the files of the bundles it pushed out)."""

    def write(conn: Connection) -> tuple[int, list[str]]:
        values = dict(
            agent_id=agent_id, name=name, size=size, data=None, file=file, created_at=time.time()
        )
        result = conn.execute(sa.insert(log_bundles).values(**values).returning(log_bundles.c.id))
        log_id = int(result.scalar_one())
        return log_id, prune(conn, caps, agent_id)

    return write


def prune(conn: Connection, caps: Caps, agent_id: int | None = None) -> list[str]:
    """Delete the bundles past the caps; returns their files (deleted after the commit)."""
    gone: list[Any] = []
    rows = conn.execute(
        sa.select(
            log_bundles.c.id,
            log_bundles.c.agent_id,
            log_bundles.c.size,
            log_bundles.c.file,
            log_bundles.c.created_at,
        ).order_by(log_bundles.c.id.desc())
    ).all()
    oldest = time.time() - caps.max_age
    per_agent: dict[int, int] = {}
    total = 0
    for row in rows:
        per_agent[row.agent_id] = kept = per_agent.get(row.agent_id, 0) + 1
        total += row.size
        if kept > caps.per_agent or total > caps.total_bytes or row.created_at < oldest:
            gone.append(row)
            total -= row.size
    del agent_id  # every agent's count is checked: a lowered setting applies to all at once
    if gone:
        conn.execute(sa.delete(log_bundles).where(log_bundles.c.id.in_([r.id for r in gone])))
    return [str(r.file) for r in gone if r.file]


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
    query = sa.select(log_bundles.c.name, log_bundles.c.data, log_bundles.c.file).where(
        log_bundles.c.id == log_id
    )
    return conn.execute(query).first()


def bundle_body(root: Path, found: Any) -> bytes | Path:
    """A bundle's bytes (stored by an older relay) or the path of its file."""
    return root / str(found.file) if found.file else bytes(found.data)


def is_admin(row: Any) -> bool:
    return row is not None and row.role == "admin" and not row.disabled


# ---------------------------------------------------------------- the relay's part


@dataclass(eq=False)
class _Upload:
    upload: str
    name: str
    path: Path
    handle: IO[bytes]
    next_part: int = 0
    size: int = 0


class LogService:
    """Receives bundles (one unfinished upload per connection at a time, dropped when it
    closes) into files, and serves them to admins."""

    def __init__(self, engine: AsyncEngine, writer: GroupWriter, root: Path, caps: Caps) -> None:
        self.engine = engine
        self.writer = writer
        self.root = root
        """``<files>/logs``: one file per bundle, named at random (``partial/`` while arriving)."""
        self.caps = caps
        self._uploads: dict[int, _Upload] = {}
        self.session_lifetime: tuple[float, float] | None = None
        """Finding 7: (absolute, idle) seconds a session token is accepted (the relay sets it)."""

    def start(self) -> None:
        (self.root / "partial").mkdir(parents=True, exist_ok=True)
        for leftover in (self.root / "partial").iterdir():  # a crash in the middle of one
            with contextlib.suppress(OSError):
                leftover.unlink()

    async def stop(self) -> None:
        for key in list(self._uploads):
            self._drop(key)

    async def prune(self) -> None:
        """Finding 11: bundles past the caps or the age go, rows and files (called by the
        relay's retention run, which also runs at start)."""
        self._unlink(await self.writer.run(lambda db: prune(db, self.caps)))

    def _unlink(self, names: list[str]) -> None:
        for name in names:
            (self.root / name).unlink(missing_ok=True)

    def _drop(self, key: int) -> None:
        upload = self._uploads.pop(key, None)
        if upload is not None:
            with contextlib.suppress(OSError):
                upload.handle.close()
            upload.path.unlink(missing_ok=True)

    @serves(p.UploadLogs)
    async def receive(self, s: AgentSession, frame: p.UploadLogs) -> None:
        conn, agent = s.conn, s.agent
        key = id(conn)
        upload = self._uploads.get(key)
        if frame.part == 0:
            self._drop(key)
            name = secrets.token_hex(16)
            path = self.root / "partial" / f"{name}.part"
            upload = _Upload(frame.upload, frame.name or "logs.zip", path, path.open("xb"))
            self._uploads[key] = upload
        elif upload is None or upload.upload != frame.upload or frame.part != upload.next_part:
            self._drop(key)
            raise p.FrameRejected("invalid", "log part out of order: start again from part 0")
        try:
            chunk = base64.b64decode(frame.data, validate=True)
        except (binascii.Error, ValueError):
            self._drop(key)
            raise p.FrameRejected("invalid", "log data is not base64") from None
        if len(chunk) > p.LOG_PART_BYTES or upload.size + len(chunk) > p.MAX_LOG_BYTES:
            self._drop(key)
            raise p.FrameRejected(
                "too_large", f"a log bundle may have at most {p.MAX_LOG_BYTES} bytes"
            )
        try:
            upload.handle.write(chunk)
        except OSError:
            self._drop(key)
            log.exception("a log bundle could not be written")
            raise p.FrameRejected("internal", "the relay could not store the logs") from None
        upload.size += len(chunk)
        upload.next_part += 1
        if not frame.last:
            conn.send(p.Ok(id=frame.id))
            return
        del self._uploads[key]
        file = upload.path.name.removesuffix(".part")
        final = self.root / file
        try:
            await asyncio.to_thread(_seal, upload.handle, upload.path, final)
            log_id, gone = await self.writer.run(
                store_bundle(agent.id, upload.name, upload.size, file, self.caps)
            )
        except BaseException:
            with contextlib.suppress(OSError):
                upload.handle.close()
            upload.path.unlink(missing_ok=True)
            final.unlink(missing_ok=True)
            raise
        self._unlink(gone)
        conn.send(p.LogsStored(id=frame.id, log_id=log_id, size=upload.size))

    def forget(self, conn: Conn) -> None:
        """The connection closed: an unfinished upload of it is dropped."""
        self._drop(id(conn))

    @serves(p.ListLogs, fresh_role=True)
    async def list_logs(self, s: AgentSession, frame: p.ListLogs) -> None:
        if s.role != "admin":
            raise p.FrameRejected("forbidden", "only admins may see the team's logs")
        s.conn.send(p.LogList(id=frame.id, logs=await read(self.engine, list_bundles)))

    async def download(self, log_id: int | None, token: str) -> tuple[int, str, bytes | Path]:
        """For ``GET /logs/<id>``: (HTTP status, file name, body or the file to stream). The
        token is checked first; ``log_id`` None (not a usable id) is then a 404."""

        def look_up(db: Connection) -> tuple[Any, Any]:
            hashed = auth.token_hash(token) if token else None
            row = agents_repo.agent_by_token(db, hashed, self.session_lifetime) if hashed else None
            if not is_admin(row) or log_id is None:
                return row, None
            return row, bundle(db, log_id)

        row, found = await read(self.engine, look_up)
        if row is None:
            return 401, "", b"sign in: send Authorization: Bearer <token>\n"
        if not is_admin(row):
            return 403, "", b"only admins may download logs\n"
        if found is None:
            return 404, "", b"no such log bundle\n"
        return 200, str(found.name), bundle_body(self.root, found)


def _seal(handle: IO[bytes], partial: Path, final: Path) -> None:
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()
    os.replace(partial, final)


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
