"""What a file is called and what it really is (C14): names refused (never rewritten) when they
could trick a file system, the image types sniffed from the bytes, and the download's
``Content-Disposition``."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from server import protocol as p

_WINDOWS_DEVICES = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$", re.I)
_IMAGE_TYPES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def check_file_name(name: str) -> str:
    """The name as given, or ``bad_file_name``. Names are refused, never rewritten: what the
    other side sees is what the sender chose, and a refusal tells the sender why."""
    reason = ""
    if not name or not name.strip():
        reason = "the file has no name"
    elif "/" in name or "\\" in name:
        reason = "a file name may not contain / or \\"
    elif name in (".", "..") or name.startswith(".."):
        reason = "a file name may not be . or .."
    elif any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in name):
        reason = "a file name may not contain control characters"
    elif re.match(r"^[A-Za-z]:", name):
        reason = "a file name may not start with a drive letter"
    elif name[-1] in ". ":
        reason = "a file name may not end with a dot or a space"
    elif _WINDOWS_DEVICES.match(name.split(".")[0].rstrip(" ")):
        reason = f"{name!r} is a reserved device name on Windows"
    elif len(name.encode("utf-8")) > 255:
        reason = "the file name is too long (255 bytes at most)"
    if reason:
        raise p.FrameRejected("bad_file_name", reason)
    return name


def sniff_image(head: bytes) -> str | None:
    """The image type the bytes really are (PNG, JPEG, GIF, WebP), else None."""
    for magic, kind in _IMAGE_TYPES:
        if head.startswith(magic):
            return kind
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def content_disposition(name: str) -> str:
    """Always ``attachment``: a browser that follows the link saves the file, never shows it.
    (``<img>`` ignores this header, so previews still work for the sniffed image types.)"""
    fallback = "".join(c if 32 <= ord(c) < 127 and c not in '"\\%' else "_" for c in name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
