"""Log bundles: the desktop app sends its logs to the relay for the admins (G10)."""

from __future__ import annotations

from typing import Annotated

import msgspec

from .base import INT32_MAX, Frame, ListAnswer, RequestId, Short

__all__ = [
    "LOG_PART_BYTES",
    "MAX_LOG_BYTES",
    "ListLogs",
    "LogInfo",
    "LogList",
    "LogsStored",
    "UploadLogs",
]


LOG_PART_BYTES = 32 * 1024
"""Bytes of a log bundle per ``upload_logs`` frame (base64 makes them 4/3 as many characters,
well under the frame limit)."""

MAX_LOG_BYTES = 8 * 1024 * 1024


class LogInfo(msgspec.Struct, kw_only=True):
    """A log bundle an agent's app sent (G10)."""

    id: int
    agent_id: int
    agent_name: str
    agent_email: str
    name: str
    size: int
    created_at: float


class UploadLogs(Frame):
    """Agent: one part of the app's log bundle (G10, a zip), ``data`` in base64 (at most
    ``LOG_PART_BYTES`` bytes). The parts of an ``upload`` come in order from ``part`` 0; each is
    answered ``ok``, the ``last`` one with ``logs_stored``. A new ``upload`` drops an unfinished
    one. Admins list the bundles with ``list_logs`` and download one with
    ``GET /logs/<id>`` and the header ``Authorization: Bearer <token>``."""

    id: RequestId
    upload: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    part: Annotated[int, msgspec.Meta(ge=0, le=INT32_MAX)]
    data: Annotated[str, msgspec.Meta(max_length=(LOG_PART_BYTES + 2) // 3 * 4)]
    last: bool = False
    name: Short = ""


class LogsStored(Frame):
    """The log bundle is stored on the relay (answer to the ``last`` ``upload_logs``)."""

    id: int
    log_id: int
    size: int


class ListLogs(Frame):
    """Admin: the log bundles the team's apps sent, newest first (agents are refused)."""

    id: RequestId


class LogList(ListAnswer):
    """Answer to ``list_logs``."""

    id: int
    logs: list[LogInfo]
