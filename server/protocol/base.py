"""Common: what every frame and every domain module builds on.

The protocol's version and size limits, the close codes and the error codes, the bounded types
that keep every number and string a client sends within what the database holds (issue 12 item
4), the ``Frame`` and ``ListAnswer`` bases, the frames of every domain (``ping``, ``pong``,
``ok``, ``error``) and ``FrameRejected``, the exception a refused frame becomes.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

import msgspec

__all__ = [
    "AUTH_TIMEOUT_SECONDS",
    "CLOSE_AUTH_TIMEOUT",
    "CLOSE_FORBIDDEN",
    "CLOSE_PROTOCOL_ERROR",
    "CLOSE_RATE_LIMITED",
    "CLOSE_SIGNED_OUT",
    "CLOSE_TOO_SLOW",
    "CLOSE_UNAUTHENTICATED",
    "CLOSE_VERSION_MISMATCH",
    "INT32_MAX",
    "INT64_MAX",
    "MAX_CLIENT_FRAME_BYTES",
    "MAX_CLOSE_REASON_BYTES",
    "MAX_DEPARTMENTS",
    "MAX_FRAME_BYTES",
    "MAX_MESSAGE_CHARS",
    "MAX_PAGE_BYTES",
    "PROTOCOL_VERSION",
    "ChatLimit",
    "ClientMsgId",
    "Cursor",
    "DbId",
    "Error",
    "ErrorCode",
    "Frame",
    "FrameRejected",
    "IdList",
    "Int32",
    "InvitationId",
    "ListAnswer",
    "Ok",
    "Ping",
    "Pong",
    "RequestId",
    "Seq",
    "Short",
    "SignOutReason",
    "Text",
    "Url",
    "close_reason",
    "tag_of",
]


PROTOCOL_VERSION = 1
"""Bumped on any incompatible change; the relay refuses a client of another version."""

MAX_FRAME_BYTES = 64 * 1024
"""The largest frame a client may send."""

MAX_CLIENT_FRAME_BYTES = 256 * 1024
"""The largest frame the desktop app accepts from the relay."""

MAX_PAGE_BYTES = 192 * 1024
"""Issue 12 item 6: ``history_page`` and ``archive_page`` are cut to this many bytes of
events or chats (well under MAX_CLIENT_FRAME_BYTES, with room for the frame around them), and
say where the rest begins."""

MAX_MESSAGE_CHARS = 5000
AUTH_TIMEOUT_SECONDS = 5.0


# ---------------------------------------------------------------- close codes


# Close codes (4000-4999 are free for applications). Each close carries a readable reason too.
CLOSE_PROTOCOL_ERROR = 4400
CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_AUTH_TIMEOUT = 4408
CLOSE_VERSION_MISMATCH = 4426
CLOSE_RATE_LIMITED = 4429
CLOSE_SIGNED_OUT = 4410
CLOSE_TOO_SLOW = 1013
MAX_CLOSE_REASON_BYTES = 123
"""A WebSocket close reason fits in 123 bytes of UTF-8 (RFC 6455 5.5.1)."""


def close_reason(text: str) -> str:
    """``text`` cut to at most MAX_CLOSE_REASON_BYTES bytes of UTF-8, on a character boundary
    (issue 12 item 5: a longer reason made websockets raise, and the socket closed 1011)."""
    data = text.encode("utf-8", "replace")  # "replace": a lone surrogate cannot be sent
    return data[:MAX_CLOSE_REASON_BYTES].decode("utf-8", "ignore")


SignOutReason = Literal[
    "signed_out", "session_expired", "password_changed", "account_disabled", "signed_out_elsewhere"
]
"""Issue 13: the reason of a ``CLOSE_SIGNED_OUT`` close is one of these codes (the agent asked
to sign out; the session reached its lifetime; the password changed in another session; an
admin disabled the account; the agent signed out everywhere else from another session), so
the app says it in the agent's language."""

ErrorCode = Literal[
    "malformed",  # not JSON, or not a JSON object
    "unknown_type",  # the type tag names no frame
    "invalid",  # a known frame with wrong or missing fields
    "forbidden",  # a frame this role may not send (a visitor sending agent frames)
    "too_large",  # a frame over MAX_FRAME_BYTES
    "message_too_long",  # text over MAX_MESSAGE_CHARS
    "empty_message",
    "rate_limited",  # too many frames from this connection or this IP
    "bad_credentials",  # wrong e-mail or password
    "unauthenticated",  # the first frame did not authenticate, or the token is unknown
    "unknown_site",  # no site has that key
    "origin_not_allowed",  # the page's Origin is not one of the site's allowed origins
    "version_mismatch",  # the client speaks another protocol version
    "not_found",  # no such chat (or not one this client may see)
    "chat_taken",  # another agent accepted the chat first
    "chat_closed",  # the chat is closed or missed
    "not_in_chat",  # the agent is not a participant of the chat
    "no_agents_online",  # nobody can answer: show the offline form
    "internal",  # the relay failed; the request may be retried
    "blocked",  # C8: this visitor (or its IP) is blocked: it can no longer write
    "ip_blocked",  # B5: not this visitor but its network address was blocked (shared IP)
    "busy",  # the relay is saturated (e.g. password checks): retry after ``retry_after``
    "admin_only",  # the request needs the admin role
    "duplicate",  # C12: another quick phrase has that shortcut; C14: that client_msg_id was sent
    "mail_failed",  # the invitation e-mail could not be sent (the account exists; retry)
    "file_too_large",  # C14: a file over MAX_FILE_BYTES
    "empty_file",  # C14: a file of 0 bytes
    "bad_file_name",  # C14: a name with a path, control characters or a reserved device name
    "file_corrupt",  # C14: the bytes received do not match the announced size or SHA-256
    "quota_exceeded",  # C14: the chat's files, or the visitor's uploads today, reached their limit
    "storage_full",  # C14: the relay's disk is (nearly) full: no upload is accepted now
    "translator_off",  # C11: no translator is set on the relay (Ajustes → Integraciones)
    "translator_failed",  # C11: the translator failed or did not answer in time
    "gifs_off",  # C16: no GIF provider is set on the relay (Ajustes → Integraciones)
    "gif_failed",  # C16: the GIF provider failed, refused or did not answer in time
    "in_use",  # R3: a stage or funnel that still has deals (say where they go)
    "due_in_past",  # R2: a task due before now (the app asks, then sends allow_past)
    "unreachable",  # C10: the client cannot be reached on that reply channel (nothing stored)
    "callbacks_off",  # P2: the site does not take callback requests
    "invalid_number",  # P2: the callback number does not read as a phone number
    "number_refused",  # P2: a premium-rate or emergency number is never called back
    "chat_open",  # P2: the visitor has a chat open: ask there
]


# ---------------------------------------------------------------- bounded types (issue 12 item 4)


INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1

# Issue 12 item 4: every integer a client sends fits the column it is compared with or stored
# in (PostgreSQL INTEGER ids and seq, BIGINT cursors), so an out-of-range number is answered
# ``invalid`` here instead of failing in the database.
DbId = Annotated[int, msgspec.Meta(ge=1, le=INT32_MAX)]
"""A row id (INTEGER columns)."""

Seq = Annotated[int, msgspec.Meta(ge=0, le=INT32_MAX)]
Cursor = Annotated[int, msgspec.Meta(ge=0, le=INT64_MAX)]
"""The global event cursor (a BIGINT column)."""

Int32 = Annotated[int, msgspec.Meta(ge=0, le=INT32_MAX)]
InvitationId = Annotated[int, msgspec.Meta(ge=-INT32_MAX, le=INT32_MAX)]
"""A rule's id, or minus the inviting agent's id (V2/V3)."""

ClientMsgId = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
ChatLimit = Annotated[int, msgspec.Meta(ge=0, le=1000)]
MAX_DEPARTMENTS = 100
IdList = Annotated[list[DbId], msgspec.Meta(max_length=MAX_DEPARTMENTS)]
RequestId = Annotated[int, msgspec.Meta(ge=0, le=INT64_MAX)]
Text = Annotated[str, msgspec.Meta(max_length=MAX_MESSAGE_CHARS * 4)]
Short = Annotated[str, msgspec.Meta(max_length=200)]
Url = Annotated[str, msgspec.Meta(max_length=2048)]


# ---------------------------------------------------------------- the frame base


def _tag(class_name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", class_name).lower()


class Frame(msgspec.Struct, tag_field="type", tag=_tag, forbid_unknown_fields=True, kw_only=True):
    """Base of every frame; the tag is the class name in snake_case."""


class ListAnswer(Frame, kw_only=True):
    """Issue 12 item 6: an answer whose lists grow with the data (``welcome`` and every list
    answer). When it would pass MAX_PAGE_BYTES the relay sends it as several frames of the same
    type and ``id``, each with a run of the lists' items and the other fields repeated;
    ``continued`` is true on every part but the last. The client joins the parts (lists
    concatenated in order) before it treats the answer."""

    continued: bool = False


def tag_of(cls: type[Frame]) -> str:
    tag = cls.__struct_config__.tag
    assert isinstance(tag, str)
    return tag


# ---------------------------------------------------------------- frames of every domain


class Ping(Frame):
    """Application heartbeat; answered with ``pong``."""

    id: RequestId


class Pong(Frame):
    id: int


class Ok(Frame):
    id: int


class Error(Frame):
    """A refused frame. ``id`` echoes the request's when it had one."""

    code: ErrorCode
    message: str
    id: int | None = None
    retry_after: float | None = None
    """Seconds after which the same request may succeed (``rate_limited`` sign-ins, ``busy``)."""


class FrameRejected(Exception):
    """A frame that failed validation, with the error code the peer is told."""

    def __init__(self, code: ErrorCode, message: str, request_id: int | None = None):
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message
        self.request_id = request_id

    def to_frame(self) -> Error:
        return Error(code=self.code, message=self.message, id=self.request_id)
