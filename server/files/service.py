"""Files in chats (C14): uploads over the WebSocket, downloads over HTTP GET.

Why uploads go over the WebSocket: the relay's HTTP side is websockets' ``process_request``,
whose request parser refuses any request body (websockets/http11.py: "unsupported request
body"), so there is no POST. An upload is ``upload_file`` (name, size, SHA-256), then the bytes
as binary frames, then a size and hash check; the bytes are kept apart as a partial file until
complete, then sealed together with the commit of the row and the ``file`` event (the storage:
server/files/storage.py, the files folder or, for several nodes, the database). A dropped
connection or a failed check deletes the partial file; partial files left by a crash are
deleted when the relay starts.

Downloads: ``GET /files/<id>?t=<token>``, streamed from the storage in chunks
(server/core/streaming.py, finding 8), at most ``downloads_per_ip`` at once per address. The
token is handed out over the authenticated WebSocket (``file_link``), signed with the relay's key
(HMAC-SHA256), names the file, the client (visitor or agent id) and an expiry; the relay checks
again on each download that this client may still read the chat.

Uploads are bounded before any byte arrives (finding 3): byte buckets per connection and per
address (server/core/byte_limits.py), a quota per chat and per visitor a day, a free-space floor,
and a retried ``client_msg_id`` refused; a write error (a full disk) ends the upload at once.
"""

from __future__ import annotations

import asyncio
import base64
import errno
import hashlib
import hmac
import logging
import math
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import sqlalchemy as sa
from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

from server import protocol as p
from server.core.byte_limits import UploadBytes
from server.core.config import Settings, default_data_dir
from server.core.http import respond
from server.core.streaming import Downloads
from server.files import repo as files_repo
from server.files.db_store import DatabaseStorage
from server.files.names import check_file_name, content_disposition, sniff_image
from server.files.storage import FileStorage, LocalStorage, PartialFile
from server.store.db import is_sqlite, read
from server.store.writer import GroupWriter, Write

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from server.chats.service import ChatService
    from server.core.connection import Conn

log = logging.getLogger(__name__)

LINK_SECONDS = 3600.0
"""How long a download link works."""


def files_dir_for(settings: Settings) -> Path:
    if settings.files_dir:
        return Path(settings.files_dir)
    if is_sqlite(settings.database_url):
        db = sa.engine.make_url(settings.database_url).database
        if db and db != ":memory:":
            return Path(db).resolve().parent / "files"
    return default_data_dir() / "files"


@dataclass(eq=False)
class Upload:
    frame: p.UploadFile
    role: p.Role
    principal_id: int
    author_name: str
    file_id: str
    partial: PartialFile
    chat_id: int = 0
    hasher: Any = field(default_factory=hashlib.sha256)
    received: int = 0
    frames: int = 0

    @property
    def max_frames(self) -> int:
        """Chunks of a quarter of the chunk size on average at the least: the frames of an
        upload stay in proportion to its bytes, which the byte buckets bound."""
        return 4 * math.ceil(self.frame.size / p.FILE_CHUNK_BYTES) + 4


class FileService:
    def __init__(
        self,
        settings: Settings,
        engine: AsyncEngine,
        writer: GroupWriter,
        chats: ChatService,
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.writer = writer
        self.chats = chats
        self.root = files_dir_for(settings)
        """The files folder (the local store's files, and the log bundles' folder)."""
        self.partial = self.root / "partial"
        self._key = b""
        self._uploads: dict[Conn, Upload] = {}
        self._discarding: dict[Conn, int] = {}
        """Bytes still to come of an upload that was cut (a write error): dropped silently."""
        self.downloads = Downloads(
            settings.downloads_per_ip, settings.downloads_max, settings.download_queue_seconds
        )
        self.client_ip: Callable[[ServerConnection], str] = lambda ws: str(
            ws.remote_address[0] if ws.remote_address else ""
        )
        """The downloader's address (the relay sets its own, which believes trusted proxies)."""
        self.upload_bytes = UploadBytes(
            settings.upload_conn_rate,
            settings.upload_conn_burst,
            settings.upload_ip_rate,
            settings.upload_ip_burst,
        )
        self.storage: FileStorage = (
            DatabaseStorage(engine, settings.database_url)
            if settings.files_store == "database"
            else LocalStorage(self.root, self.downloads)
        )

    async def start(self) -> None:
        await asyncio.to_thread(self.root.mkdir, parents=True, exist_ok=True)
        await self.storage.start()
        self._key = await self.storage.link_key()

    async def stop(self) -> None:
        await self.storage.stop()

    def stored_files(self) -> list[Path]:
        """Every stored file, partial ones in a ``partial`` folder (tests: nothing is left
        behind). Blocking."""
        return self.storage.stored()

    # -------------------------------------------------------------- uploads

    async def begin(
        self,
        conn: Conn,
        frame: p.UploadFile,
        role: p.Role,
        principal_id: int,
        author_name: str,
        *,
        announce: bool = True,
    ) -> None:
        if conn in self._uploads:
            raise p.FrameRejected("invalid", "one upload at a time", frame.id)
        try:
            check_file_name(frame.name)
        except p.FrameRejected as exc:
            exc.request_id = frame.id
            raise
        if frame.size == 0:
            raise p.FrameRejected("empty_file", "the file is empty", frame.id)
        if frame.size > p.MAX_FILE_BYTES:
            raise p.FrameRejected(
                "file_too_large",
                f"the file is larger than {p.MAX_FILE_BYTES // (1024 * 1024)} MB",
                frame.id,
            )
        # Check the chat, the quotas and a retry before any byte arrives (the chat again when
        # committing).
        check = await read(
            self.engine,
            files_repo.upload_check,
            role,
            principal_id,
            frame.chat_id,
            frame.client_msg_id,
        )
        self._check_quotas(frame, role, principal_id, check)
        if not self.upload_bytes.take(conn, conn.ip, frame.size):
            raise p.FrameRejected(
                "rate_limited",
                "too many file bytes from this connection or address: wait a minute and send "
                "the file again",
                frame.id,
            )
        file_id = secrets.token_hex(16)
        try:
            partial = await self.storage.begin(file_id)
        except OSError as exc:
            raise _write_error(exc, frame.id) from exc
        if conn in self._uploads:  # a second upload_file raced this one
            partial.discard()
            raise p.FrameRejected("invalid", "one upload at a time", frame.id)
        self._uploads[conn] = Upload(
            frame, role, principal_id, author_name, file_id, partial, chat_id=check.chat_id
        )
        if announce:
            conn.send(p.UploadReady(id=frame.id, chunk_bytes=p.FILE_CHUNK_BYTES))

    async def store_bytes(
        self, conn: Conn, frame: p.UploadFile, agent: p.AgentInfo, data: bytes
    ) -> None:
        """A file the relay fetched for an agent (C16: the chosen GIF), stored exactly as an
        upload of ``data`` on ``conn``: the same checks, quotas, byte allowance and storage,
        answered ``file_stored`` and pushed as a ``file`` event."""
        await self.begin(conn, frame, "agent", agent.id, agent.name, announce=False)
        for start in range(0, len(data), p.FILE_CHUNK_BYTES):
            await self.chunk(conn, data[start : start + p.FILE_CHUNK_BYTES])

    def _check_quotas(
        self, frame: p.UploadFile, role: p.Role, principal_id: int, check: files_repo.UploadCheck
    ) -> None:
        """Finding 3: a retry, the chat's and the visitor's quotas, and the disk's free space;
        uploads in progress on this node count as if they were stored already."""
        s = self.settings
        if check.duplicate:
            raise p.FrameRejected(
                "duplicate", "this file was sent already (same client_msg_id)", frame.id
            )
        chat_bytes = check.chat_bytes + sum(
            u.frame.size for u in self._uploads.values() if u.chat_id == check.chat_id
        )
        if chat_bytes + frame.size > s.chat_files_max_bytes:
            raise p.FrameRejected(
                "quota_exceeded",
                f"this chat has {s.chat_files_max_bytes // (1024 * 1024)} MB of files already",
                frame.id,
            )
        if role == "visitor":
            day_bytes = check.visitor_day_bytes + sum(
                u.frame.size
                for u in self._uploads.values()
                if u.role == "visitor" and u.principal_id == principal_id
            )
            if day_bytes + frame.size > s.visitor_files_max_bytes_per_day:
                raise p.FrameRejected(
                    "quota_exceeded",
                    "you sent as many files as you may today: try again tomorrow",
                    frame.id,
                )
        in_flight = sum(u.frame.size - u.received for u in self._uploads.values())
        free = self.free_bytes()
        if free is not None and free - in_flight - frame.size < s.files_min_free_bytes:
            log.warning("files folder %s is nearly full: uploads refused", self.root)
            raise p.FrameRejected(
                "storage_full", "the relay cannot take files now: send it later", frame.id
            )

    def free_bytes(self) -> int | None:
        """Free space of the store (None: unknown here, the database's own disk)."""
        return self.storage.free_bytes()

    def receiving(self, conn: Conn) -> bool:
        return conn in self._uploads or conn in self._discarding

    async def chunk(self, conn: Conn, data: bytes) -> None:
        """A binary frame: the next bytes of this connection's upload."""
        left = self._discarding.get(conn)
        if left is not None:  # the rest of an upload already refused: one error was enough
            if left - len(data) > 0:
                self._discarding[conn] = left - len(data)
            else:
                del self._discarding[conn]
            return
        upload = self._uploads.get(conn)
        if upload is None:
            conn.error(p.FrameRejected("invalid", "a binary frame without an upload_file"))
            return
        upload.frames += 1
        if len(data) > p.FILE_CHUNK_BYTES or upload.received + len(data) > upload.frame.size:
            await self._drop(conn)
            conn.error(
                p.FrameRejected(
                    "file_corrupt", "more bytes than the upload announced", upload.frame.id
                )
            )
            return
        if upload.frames > upload.max_frames:
            await self._drop(conn)
            conn.error(
                p.FrameRejected(
                    "invalid",
                    f"send the file in chunks of {p.FILE_CHUNK_BYTES} bytes",
                    upload.frame.id,
                )
            )
            return
        try:
            await upload.partial.write(data)
        except OSError as exc:
            # Finding 21: a full disk (or any write error) ends the upload at once: the partial
            # file goes now, the rest of its bytes are dropped without an answer each.
            await self._drop(conn)
            remaining = upload.frame.size - upload.received - len(data)
            if remaining > 0:
                self._discarding[conn] = remaining
            raise _write_error(exc, upload.frame.id) from exc
        upload.hasher.update(data)
        upload.received += len(data)
        if upload.received == upload.frame.size:
            await self._finish(conn, upload)

    async def _finish(self, conn: Conn, upload: Upload) -> None:
        del self._uploads[conn]
        frame = upload.frame
        try:
            if upload.hasher.hexdigest() != frame.sha256:
                raise p.FrameRejected(
                    "file_corrupt", "the file arrived damaged (SHA-256 differs): send it again"
                )
            try:
                sealed = await upload.partial.seal()
            except OSError as exc:
                raise _write_error(exc, frame.id) from exc
            info = p.FileInfo(
                id=upload.file_id,
                name=frame.name,
                size=frame.size,
                content_type=frame.content_type,
                sha256=frame.sha256,
            )
            store = files_repo.store_file(
                upload.role,
                upload.principal_id,
                upload.author_name,
                frame.chat_id,
                frame.client_msg_id,
                info,
                (
                    self.settings.chat_files_max_bytes,
                    self.settings.visitor_files_max_bytes_per_day,
                ),
            )
            stored = await self.writer.run(store if sealed is None else _after(sealed, store))
        except BaseException as exc:
            if isinstance(exc, Exception):
                await upload.partial.delete()  # gone before the client hears of the failure
            else:
                upload.partial.discard()
            if isinstance(exc, p.FrameRejected):
                exc.request_id = frame.id
            raise
        change = stored.change
        if change.duplicate:
            await upload.partial.delete()
        conn.send(
            p.FileStored(
                id=frame.id,
                client_msg_id=frame.client_msg_id,
                chat_id=change.event.chat_id,
                file=stored.info,
                seq=change.event.seq,
                cursor=change.event.cursor,
            )
        )
        if not change.duplicate:
            self.chats._publish_event(change)

    async def _drop(self, conn: Conn) -> None:
        """The upload broke a rule or failed to write: its partial file goes now."""
        upload = self._uploads.pop(conn, None)
        if upload is not None:
            await upload.partial.delete()

    def abort(self, conn: Conn) -> None:
        """The connection broke the upload (or went away): forget its partial file."""
        upload = self._uploads.pop(conn, None)
        if upload is not None:
            upload.partial.discard()

    def forget(self, conn: Conn) -> None:
        """The connection closed."""
        self.abort(conn)
        self._discarding.pop(conn, None)
        self.upload_bytes.forget(conn)

    # -------------------------------------------------------------- download links

    async def link(
        self, frame: p.FileLink, role: p.Role, principal_id: int, agent_role: str = ""
    ) -> p.FileLinkGranted:
        access = await read(self.engine, files_repo.file_access, frame.file_id)
        if access is None or not files_repo.may_read(access, role, principal_id, agent_role):
            raise p.FrameRejected("not_found", "no such file in your chats", frame.id)
        expires = int(time.time() + LINK_SECONDS)
        token = self._sign(frame.file_id, role, principal_id, expires)
        return p.FileLinkGranted(
            id=frame.id,
            file_id=frame.file_id,
            url=f"/files/{frame.file_id}?t={token}",
            expires_at=float(expires),
        )

    def _sign(self, file_id: str, role: str, principal_id: int, expires: int) -> str:
        claim = f"{role[0]}{principal_id}.{expires}"
        mac = hmac.new(self._key, f"{file_id}|{claim}".encode(), hashlib.sha256).digest()
        return f"{claim}.{base64.urlsafe_b64encode(mac).decode().rstrip('=')}"

    def _verify(self, file_id: str, token: str) -> tuple[str, int] | None:
        match = re.fullmatch(r"([av])(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})", token)
        if match is None:
            return None
        who, pid, expires, _ = match.groups()
        expected = self._sign(file_id, "agent" if who == "a" else "visitor", int(pid), int(expires))
        if not hmac.compare_digest(expected, token) or int(expires) < time.time():
            return None
        return ("agent" if who == "a" else "visitor"), int(pid)

    # -------------------------------------------------------------- HTTP

    async def serve(self, connection: ServerConnection, request: Request) -> Response:
        """``GET /files/<id>?t=<token>``."""
        parts = urlsplit(request.path)
        file_id = parts.path.removeprefix("/files/")
        token = (parse_qs(parts.query).get("t") or [""])[0]
        if not re.fullmatch(r"[0-9a-f]{32}", file_id):
            return respond(connection, HTTPStatus.NOT_FOUND, "no such file\n")
        if not token:
            return respond(connection, HTTPStatus.FORBIDDEN, "a download link is needed\n")
        who = self._verify(file_id, token)
        if who is None:
            return respond(
                connection, HTTPStatus.FORBIDDEN, "this link is not valid (or has expired)\n"
            )
        role, pid = who

        def lookup(db: sa.Connection) -> tuple[Any, str | None]:
            access = files_repo.file_access(db, file_id)
            return access, files_repo.agent_role(db, pid) if role == "agent" else ""

        access, agent_role = await read(self.engine, lookup)
        if access is None:
            return respond(connection, HTTPStatus.NOT_FOUND, "no such file\n")
        if agent_role is None or not files_repo.may_read(access, role, pid, agent_role):
            return respond(connection, HTTPStatus.FORBIDDEN, "you may not read this chat\n")
        slot = await self.downloads.acquire(self.client_ip(connection))
        if slot is None:
            return respond(
                connection,
                HTTPStatus.TOO_MANY_REQUESTS,
                "too many downloads at once from your address: try again in a moment\n",
                extra={"Retry-After": "5"},
            )
        base = respond(
            connection,
            HTTPStatus.OK,
            b"",
            extra={
                "Content-Disposition": content_disposition(access.row.name),
                "Cache-Control": "private, no-store",
                "Content-Security-Policy": "default-src 'none'; sandbox",
                "Cross-Origin-Resource-Policy": "cross-origin",
            },
        )
        try:
            return await self.storage.open(
                base, file_id, slot, lambda head: sniff_image(head) or "application/octet-stream"
            )
        except (FileNotFoundError, OSError) as exc:
            slot.release()
            if isinstance(exc, FileNotFoundError):
                return respond(connection, HTTPStatus.NOT_FOUND, "the file is gone\n")
            log.warning("a download could not be read: %s", exc)
            return respond(
                connection,
                HTTPStatus.SERVICE_UNAVAILABLE,
                "the file cannot be read now: try again in a moment\n",
                extra={"Retry-After": "5"},
            )
        except BaseException:
            slot.release()
            raise


def _after(first: Write[None], then: Write[files_repo.StoredFile]) -> Write[files_repo.StoredFile]:
    """Both writes in one transaction: the storage's seal, then the file's row and event."""

    def write(conn: sa.Connection) -> files_repo.StoredFile:
        first(conn)
        return then(conn)

    return write


def _write_error(exc: OSError, request_id: int) -> p.FrameRejected:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        log.warning("an upload could not be written: %s", exc)
        return p.FrameRejected(
            "storage_full", "the relay's disk is full: the file was not stored", request_id
        )
    log.error("an upload could not be written: %s", exc)
    return p.FrameRejected("internal", "the relay failed to store the file; retry", request_id)
