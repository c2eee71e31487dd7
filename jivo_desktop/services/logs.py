"""G10: send the app's log files to the administrators, and (for admins) fetch what was sent.

The app writes rotating log files into ``paths.log_dir()`` (``__main__``). Sending zips them
(with a short description of this machine) in a thread, then uploads the zip to the relay over
the agent's WebSocket in parts of ``LOG_PART_BYTES``, each acknowledged before the next: the
relay's frame limit is 64 KiB and its HTTP side serves only GETs. A dropped connection means
sending again from the start (the relay drops an unfinished upload)."""

from __future__ import annotations

import asyncio
import base64
import io
import logging
import platform
import sys
import time
import urllib.error
import urllib.request
import uuid
import zipfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from jivo_desktop import __version__
from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService, ws_url
from jivo_desktop.tasks import spawn
from server import protocol as p

log = logging.getLogger(__name__)


def make_bundle(log_dir: Path, agent: str = "", limit: int = p.MAX_LOG_BYTES) -> bytes:
    """A zip of the files in ``log_dir`` plus ``about.txt``: all of them, or the newest ones
    that fit in ``limit`` bytes (the relay's limit)."""
    for handler in logging.getLogger().handlers:
        handler.flush()
    files = sorted(
        (path for path in log_dir.glob("*") if path.is_file()),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    while True:
        data = _zip(files, agent, len(files))
        if len(data) <= limit or not files:
            return data
        files = files[:-1]  # the oldest goes first


def _zip(files: list[Path], agent: str, count: int) -> bytes:
    about = "\n".join(
        [
            f"jivo-desktop {__version__}",
            f"agent: {agent}",
            f"made: {time.strftime('%Y-%m-%d %H:%M:%S %z')}",
            f"system: {platform.platform()}",
            f"python: {sys.version.split()[0]}",
            f"qt: {_qt_version()}",
            f"files: {count}",
        ]
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, strict_timestamps=False) as archive:
        archive.writestr("about.txt", about + "\n")
        for path in files:
            archive.write(path, path.name)
    return out.getvalue()


def _qt_version() -> str:
    from PySide6 import QtCore

    return str(QtCore.qVersion())


def http_base(relay: str) -> str:
    """The relay's HTTP address from what the agent typed at sign-in."""
    url = ws_url(relay).removesuffix("/ws")
    return "https://" + url[6:] if url.startswith("wss://") else "http://" + url[5:]


class LogService(QObject):
    """Signals: ``progress(int, int)`` (bytes sent, total), ``sent(int)`` (the relay's id of
    the bundle), ``failed(str)`` (a message for the person)."""

    progress = Signal(int, int)
    sent = Signal(int)
    failed = Signal(str)

    def __init__(
        self, session: SessionService, log_dir: Path, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.log_dir = log_dir
        self.busy = False

    def send(self) -> None:
        if not self.busy:
            spawn(self.send_async(), "send-logs")

    async def send_async(self) -> int | None:
        """Upload the bundle; the relay's id of it, or None (``failed`` says why)."""
        client = self.session.client
        if client is None or client.state != "connected":
            self.failed.emit(self.tr("Not connected to the relay: try again when connected."))
            return None
        self.busy = True
        try:
            agent = self.session.agent
            data = await asyncio.to_thread(make_bundle, self.log_dir, agent.email if agent else "")
            upload = uuid.uuid4().hex
            name = f"jivo-desktop-logs-{time.strftime('%Y%m%d-%H%M%S')}.zip"
            step = p.LOG_PART_BYTES
            parts = max(1, -(-len(data) // step))
            answer: p.Frame | None = None
            for part in range(parts):
                chunk = data[part * step : (part + 1) * step]

                def frame(rid: int, part: int = part, chunk: bytes = chunk) -> p.Frame:
                    return p.UploadLogs(
                        id=rid,
                        upload=upload,
                        part=part,
                        data=base64.b64encode(chunk).decode(),
                        last=part == parts - 1,
                        name=name,
                    )

                answer = await client.request(frame)  # rate_limited parts: sent again
                self.progress.emit(min(len(data), (part + 1) * step), len(data))
            assert isinstance(answer, p.LogsStored)
            log.info("logs sent: bundle %s, %s bytes", answer.log_id, answer.size)
            self.sent.emit(answer.log_id)
            return answer.log_id
        except (ConnectionLost, TimeoutError):
            self.failed.emit(self.tr("The connection dropped while sending: try again."))
        except RelayError as exc:
            self.failed.emit(self.tr("The relay refused the logs: {0}").format(failure_text(exc)))
        finally:
            self.busy = False
        return None

    # -------------------------------------------------------------- admins

    async def list_async(self) -> list[p.LogInfo]:
        """The bundles the team sent (admins; agents get a RelayError ``forbidden``)."""
        client = self.session.client
        if client is None:
            raise ConnectionLost("not connected")
        answer = await client.request(lambda rid: p.ListLogs(id=rid))
        assert isinstance(answer, p.LogList)
        return answer.logs

    async def download_async(self, log_id: int, path: Path) -> None:
        """Save a bundle (admins). Raises RelayError (``forbidden``, ``unauthenticated``) when
        the relay refuses."""
        welcome = self.session.welcome
        if welcome is None:
            raise ConnectionLost("not signed in")
        url = f"{http_base(self.session.relay_url)}/logs/{log_id}"
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {welcome.token}"})

        def fetch() -> bytes:
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    return bytes(response.read())
            except urllib.error.HTTPError as exc:
                if exc.code in (401, 403):
                    body = exc.read().decode(errors="replace").strip()
                    code = "unauthenticated" if exc.code == 401 else "forbidden"
                    raise RelayError(code, body) from None
                raise

        data = await asyncio.to_thread(fetch)
        await asyncio.to_thread(path.write_bytes, data)
