"""Where the bytes of sent files live (C14; issue 16, X4): the interface, and the local folder.

A :class:`FileStorage` keeps an upload's bytes apart (a :class:`PartialFile`) until they are
all there and their hash checked; :meth:`PartialFile.seal` then makes them durable and returns
what must be committed together with the file's row and its ``file`` event (nothing for the
folder, which renames the file before the commit; the database store's "complete" mark, which
commits with the row). A partial left by a crash is removed when a relay starts.

* :class:`LocalStorage` (``--files-store local``, the default): ``<files>/partial/<id>.part``
  while arriving, then ``<files>/<id>``. One node, or several mounting one folder.
* ``DatabaseStorage`` (``--files-store database``, server/files/db_store.py): chunks in the
  database, reachable from every node.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import IO

from websockets.http11 import Response

from server.core.executors import FILES
from server.core.streaming import Downloads, DownloadSlot, StreamedFile, open_streamed
from server.store.writer import Write

ContentType = Callable[[bytes], str]
"""The Content-Type of a download from its first 16 bytes."""


class PartialFile(abc.ABC):
    """An upload's bytes while they arrive, seen by no download until sealed."""

    @abc.abstractmethod
    async def write(self, data: bytes) -> None:
        """The next bytes. Raises OSError when they cannot be stored (a full disk)."""

    @abc.abstractmethod
    async def seal(self) -> Write[None] | None:
        """Every byte arrived and was checked: make them durable. Returns a write to run in
        the transaction that commits the file's row, or None. Raises OSError."""

    @abc.abstractmethod
    def discard(self) -> None:
        """The upload's connection went: its bytes go (sealed or not), now or in the
        background. Never raises."""

    async def delete(self) -> None:
        """The upload failed, or was a duplicate: its bytes go before this returns (a failure
        to delete them is logged, and left to the start's clean-up). Never raises."""
        self.discard()


class FileStorage(abc.ABC):
    name: str

    @abc.abstractmethod
    async def start(self) -> None:
        """Remove partial files left by a crash."""

    async def stop(self) -> None:  # noqa: B027 - most stores have nothing running
        """Finish what runs in the background (deletions)."""

    @abc.abstractmethod
    async def begin(self, file_id: str) -> PartialFile:
        """An empty partial file for the upload of ``file_id``."""

    @abc.abstractmethod
    async def open(
        self, base: Response, file_id: str, slot: DownloadSlot, content_type: ContentType
    ) -> StreamedFile:
        """``base`` with the file as its streamed body. Raises FileNotFoundError."""

    @abc.abstractmethod
    def free_bytes(self) -> int | None:
        """Free space where files go, or None when this relay cannot know it."""

    @abc.abstractmethod
    async def link_key(self) -> bytes:
        """The key download links are signed with: the same on every node sharing the store."""

    @abc.abstractmethod
    def stored(self) -> list[Path]:
        """Every stored file, partial ones under a ``partial`` folder (tests: nothing is left
        behind). Blocking."""


class LocalStorage(FileStorage):
    """The files folder: today's behaviour."""

    name = "local"

    def __init__(self, root: Path, downloads: Downloads) -> None:
        self.root = root
        self.partial = root / "partial"
        self.downloads = downloads

    async def start(self) -> None:
        await asyncio.to_thread(self._start)

    def _start(self) -> None:
        self.partial.mkdir(parents=True, exist_ok=True)
        for leftover in self.partial.iterdir():  # a crash in the middle of an upload
            with contextlib.suppress(OSError):
                leftover.unlink()

    async def begin(self, file_id: str) -> PartialFile:
        path = self.partial / f"{file_id}.part"
        return LocalPartial(path.open("xb"), path, self.root / file_id)

    async def open(
        self, base: Response, file_id: str, slot: DownloadSlot, content_type: ContentType
    ) -> StreamedFile:
        return await self.downloads.run(
            open_streamed, base, self.root / file_id, slot, content_type
        )

    def free_bytes(self) -> int | None:
        return shutil.disk_usage(self.root).free

    async def link_key(self) -> bytes:
        return await asyncio.to_thread(self._link_key)

    def _link_key(self) -> bytes:
        key_file = self.root / "link.key"
        if not key_file.exists():
            with contextlib.suppress(FileExistsError):  # another node sharing the folder
                fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out:
                    out.write(secrets.token_bytes(32))
        return key_file.read_bytes()

    def stored(self) -> list[Path]:
        return [f for f in self.root.rglob("*") if f.is_file() and f.name != "link.key"]


class LocalPartial(PartialFile):
    def __init__(self, handle: IO[bytes], path: Path, final: Path) -> None:
        self.handle = handle
        self.path = path
        self.final = final

    async def write(self, data: bytes) -> None:
        self.handle.write(data)

    async def seal(self) -> Write[None] | None:
        await FILES.run(_seal, self.handle, self.path, self.final)
        return None

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()
        self.path.unlink(missing_ok=True)
        self.final.unlink(missing_ok=True)


def _seal(handle: IO[bytes], partial: Path, final: Path) -> None:
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()
    os.replace(partial, final)
