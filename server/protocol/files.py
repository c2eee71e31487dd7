"""Files: uploading a file into a chat and downloading it (C14).

A file is announced with ``upload_file``, its bytes follow as binary WebSocket frames, and it
becomes an ``event_push`` of kind ``file``; ``file_link`` asks for a download link.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

from .base import INT64_MAX, ClientMsgId, DbId, Frame, RequestId, Short
from .structs import FileInfo

__all__ = [
    "FILE_CHUNK_BYTES",
    "MAX_FILE_BYTES",
    "FileLink",
    "FileLinkGranted",
    "FileName",
    "FileStored",
    "Sha256Hex",
    "UploadFile",
    "UploadReady",
]


MAX_FILE_BYTES = 10 * 1024 * 1024
"""C14: the largest file, 10 MiB (10,485,760 bytes); larger ones are refused, never stored."""

FILE_CHUNK_BYTES = 60 * 1024
"""C14: the largest binary chunk frame of an upload (under MAX_FRAME_BYTES)."""

Sha256Hex = Annotated[str, msgspec.Meta(pattern="^[0-9a-f]{64}$")]
FileName = Annotated[str, msgspec.Meta(max_length=255)]


# ---------------------------------------------------------------- upload and download


class UploadFile(Frame):
    """C14, both roles: announce a file for the chat (agents name it; visitors send to their
    open chat). The relay answers ``upload_ready``; the client then sends the bytes as
    **binary** WebSocket frames (raw bytes, no base64, each at most ``chunk_bytes``), in order,
    until ``size`` bytes have gone; the relay checks the size and SHA-256, stores the file and
    answers ``file_stored`` (same ``id``), then sends an ``event_push`` (kind ``file``) to the chat.
    Refused (nothing stored): over 10 MiB (``file_too_large``), 0 bytes (``empty_file``), a name
    that is not a plain file name (``bad_file_name``: refused, not rewritten: ``/``, ``\\``,
    ``..``, NUL or control characters, a Windows device name such as ``CON`` or ``lpt1.txt``, a
    trailing dot or space); a ``client_msg_id`` already stored (``duplicate``); more file bytes
    than the connection's or the address's allowance (``rate_limited``: wait, then send again);
    the chat's or the visitor's daily file quota reached (``quota_exceeded``); the relay's disk
    (nearly) full (``storage_full``, also when a write fails mid-upload: the upload ends there,
    and its remaining chunks are dropped without answers). All but the last are answered
    instead of ``upload_ready``, before any byte is sent. Chunks must average a quarter of
    ``chunk_bytes`` at least (``invalid``). One upload at a time per connection; a connection
    that drops in the middle leaves nothing behind."""

    id: RequestId
    client_msg_id: ClientMsgId
    name: FileName
    size: Annotated[int, msgspec.Meta(ge=0, le=INT64_MAX)]
    sha256: Sha256Hex
    content_type: Short = ""
    chat_id: DbId | None = None


class UploadReady(Frame):
    """C14: send the bytes now, as binary frames of at most ``chunk_bytes``."""

    id: int
    chunk_bytes: int


class FileStored(Frame):
    """C14: the file is stored and its event committed (``cursor``/``seq`` of that event)."""

    id: int
    client_msg_id: str
    chat_id: int
    file: FileInfo
    seq: int
    cursor: int


class FileLink(Frame):
    """C14, both roles: ask for a download link of a file of a chat this client may read;
    answered with ``file_link_granted``."""

    id: RequestId
    file_id: Short


class FileLinkGranted(Frame):
    """C14: ``url`` (relative to the relay) downloads the file until ``expires_at`` (Unix time),
    for this client only (the token names it, and the relay checks again that it may still read
    the chat). Served as an attachment with ``X-Content-Type-Options: nosniff``; PNG, JPEG, GIF
    and WebP (recognised from the bytes) as their image type so that ``<img>`` can show them,
    everything else as ``application/octet-stream``."""

    id: int
    file_id: str
    url: str
    expires_at: float
