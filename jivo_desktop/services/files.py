"""Files in chats (C14) and the visitor's draft (C17 sneak peek) on the agent's side.

Reading, hashing, downloading and writing files run off the UI thread (``asyncio.to_thread``
and the client's HTTP fetch in a thread); the service reports through signals.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from jivo_desktop.bidi import file_display_name
from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService
from jivo_desktop.tasks import spawn
from server import protocol as p

log = logging.getLogger(__name__)

THUMBNAIL_PX = 180
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")


def is_image(info: p.FileInfo) -> bool:
    return info.content_type.startswith("image/") or info.name.lower().endswith(IMAGE_SUFFIXES)


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class FilesService(QObject):
    """Signals:

    * ``upload_progress(int, str, int, int)``: chat id, file name, bytes sent, total;
    * ``upload_finished(int, str)``: chat id, file name (stored on the relay, or failed);
    * ``saved(str)``: a downloaded file was written to this path;
    * ``thumbnail_ready(str)``: an image's thumbnail is available (file id);
    * ``draft_changed(int)``: the visitor's draft of this chat changed (sneak peek);
    * ``problem(str)``: something the agent should read (too big, empty, refused...).
    """

    upload_progress = Signal(int, str, int, int)
    upload_finished = Signal(int, str)
    saved = Signal(str)
    thumbnail_ready = Signal(str)
    draft_changed = Signal(int)
    problem = Signal(str)

    def __init__(self, session: SessionService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.drafts: dict[int, str] = {}
        self._thumbnails: dict[str, QImage] = {}
        self._fetching: set[str] = set()
        session.frame_received.connect(self._on_session_frame_received)

    # -------------------------------------------------------------- sending

    def send_file(self, chat_id: int, path: str | Path) -> bool:
        """Check the file and send it in the background; False (and ``problem``) if refused."""
        path = Path(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            self.problem.emit(self.tr("Cannot read {0}: {1}").format(path.name, exc.strerror))
            return False
        if not path.is_file():
            self.problem.emit(self.tr("{0} is not a file").format(path.name))
            return False
        if size == 0:
            self.problem.emit(self.tr("{0} is empty and was not sent").format(path.name))
            return False
        if size > p.MAX_FILE_BYTES:
            self.problem.emit(
                self.tr("{0} is larger than 10 MB ({1}) and was not sent").format(
                    path.name, human_size(size)
                )
            )
            return False
        spawn(self._send(chat_id, path), f"upload-{path.name}")
        return True

    async def _send(self, chat_id: int, path: Path) -> None:
        client = self.session.client
        if client is None:
            self.problem.emit(self.tr("Not connected: the file was not sent"))
            return
        name = path.name
        try:
            data = await asyncio.to_thread(path.read_bytes)
            self.upload_progress.emit(chat_id, name, 0, len(data))
            await client.upload_file(
                chat_id,
                name,
                data,
                _guess_type(name),
                on_progress=lambda sent, total: self.upload_progress.emit(
                    chat_id, name, sent, total
                ),
            )
        except RelayError as exc:
            self.problem.emit(self._refusal(name, exc))
        except (ConnectionLost, OSError, TimeoutError) as exc:
            self.problem.emit(self.tr("{0} was not sent: {1}").format(name, failure_text(exc)))
        finally:
            self.upload_finished.emit(chat_id, name)

    def _refusal(self, name: str, exc: RelayError) -> str:
        """Issue 13: why the relay refused the upload, in the agent's language."""
        return self.tr("{0} was not sent: {1}").format(name, failure_text(exc))

    # -------------------------------------------------------------- receiving

    def save_file(self, info: p.FileInfo, target: str | Path) -> None:
        """Download through the relay's link and write to ``target``, off the UI thread."""
        spawn(self._save(info, Path(target)), f"download-{info.id}")

    async def _save(self, info: p.FileInfo, target: Path) -> None:
        client = self.session.client
        if client is None:
            self.problem.emit(
                self.tr("Not connected: {0} was not saved").format(file_display_name(info.name))
            )
            return
        try:
            data = await client.download_file(info.id)
            await asyncio.to_thread(target.write_bytes, data)
        except (RelayError, ConnectionLost, OSError, TimeoutError) as exc:
            self.problem.emit(
                self.tr("{0} was not saved: {1}").format(
                    file_display_name(info.name), failure_text(exc)
                )
            )
            return
        self.saved.emit(str(target))

    def thumbnail(self, info: p.FileInfo) -> QImage | None:
        """The image's thumbnail if fetched; else starts fetching it (``thumbnail_ready``)."""
        image = self._thumbnails.get(info.id)
        if image is None and is_image(info) and info.id not in self._fetching:
            self._fetching.add(info.id)
            spawn(self._fetch_thumbnail(info), f"thumbnail-{info.id}")
        return image

    async def _fetch_thumbnail(self, info: p.FileInfo) -> None:
        client = self.session.client
        if client is None:
            self._fetching.discard(info.id)
            return
        try:
            data = await client.download_file(info.id)
        except (RelayError, ConnectionLost, OSError, TimeoutError) as exc:
            log.info("no thumbnail for %s: %s", info.name, exc)
            return  # stays in _fetching: no retry loop on every paint
        image = await asyncio.to_thread(_scaled_image, data)
        if image is not None:
            self._thumbnails[info.id] = image
            self.thumbnail_ready.emit(info.id)

    # -------------------------------------------------------------- sneak peek (C17)

    def draft(self, chat_id: int) -> str:
        return self.drafts.get(chat_id, "")

    def _on_session_frame_received(self, frame: p.Frame) -> None:
        if isinstance(frame, p.DraftChanged):
            if frame.text:
                self.drafts[frame.chat_id] = frame.text
            else:
                self.drafts.pop(frame.chat_id, None)
            self.draft_changed.emit(frame.chat_id)
        elif (
            isinstance(frame, p.EventPush)
            and frame.event.author == "visitor"
            and frame.event.chat_id in self.drafts
        ):
            del self.drafts[frame.event.chat_id]  # sent: the draft became the message
            self.draft_changed.emit(frame.event.chat_id)


def _scaled_image(data: bytes) -> QImage | None:
    """Decode and scale in a worker thread (QImage, unlike QPixmap, may be used there)."""
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return image.scaled(
        THUMBNAIL_PX,
        THUMBNAIL_PX,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def _guess_type(name: str) -> str:
    import mimetypes

    return mimetypes.guess_type(name)[0] or ""
