"""X5: the agent console in a browser, served at ``/agent`` on its own port (``console_port``).

The files of ``server/console/`` (plain ES modules, no build step) are read once when the relay
starts and held in memory with their ETag and a gzip copy; a browser that sends the ETag back
gets ``304 Not Modified``. Every answer carries a strict Content-Security-Policy: scripts and
styles from this origin only (no inline script), ``connect-src`` the relay's own WebSocket on
the same origin (CSP 3's ``'self'`` matches ``ws:``/``wss:`` there) and nothing else, no frames,
no forms, no base URL. The WebSocket (``/ws``) is the relay's own: the same handler and protocol
as on the relay's main port, so the console's origin is the relay's.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

from server.core.http import WS_PATH, respond

CONSOLE_DIR = Path(__file__).parent.parent / "console"
BASE = "/agent"

CONSOLE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; media-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'; object-src 'none'"
)
"""No inline script or style, no other origin; ``connect-src 'self'`` is the WebSocket here."""

CONSOLE_HEADERS = {
    "Content-Security-Policy": CONSOLE_CSP,
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".json": "application/json",
}


@dataclass(frozen=True)
class _Asset:
    body: bytes
    gzipped: bytes
    etag: str
    content_type: str


def load_assets(folder: Path = CONSOLE_DIR) -> dict[str, _Asset]:
    """Every file of ``folder`` by its URL path (``/agent/NAME``; ``index.html`` also at
    ``/agent`` and ``/agent/``)."""
    assets: dict[str, _Asset] = {}
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        body = path.read_bytes()
        kind = _TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
        asset = _Asset(
            body=body,
            gzipped=gzip.compress(body, compresslevel=9, mtime=0),
            etag='"' + hashlib.sha256(body).hexdigest()[:32] + '"',
            content_type=kind or "application/octet-stream",
        )
        assets[f"{BASE}/{path.name}"] = asset
        if path.name == "index.html":
            assets[BASE] = assets[f"{BASE}/"] = asset
    return assets


def _accepts_gzip(request: Request) -> bool:
    for part in request.headers.get("Accept-Encoding", "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*") and params.replace(" ", "") != "q=0":
            return True
    return False


class ConsoleRoutes:
    """``process_request`` of the console's port: ``/ws`` goes on to the WebSocket handshake,
    ``/agent`` and its files are answered from memory, ``/files/`` are the chats' files (C14:
    the links the relay grants, so downloads stay on the console's origin), anything else is
    404."""

    def __init__(
        self,
        folder: Path = CONSOLE_DIR,
        files: Callable[[ServerConnection, Request], Awaitable[Response]] | None = None,
    ) -> None:
        self.assets = load_assets(folder)
        self._files = files

    async def __call__(self, connection: ServerConnection, request: Request) -> Response | None:
        path = urlsplit(request.path).path
        if path == WS_PATH:
            return None
        if path.startswith("/files/") and self._files is not None:
            return await self._files(connection, request)
        if path == "/":
            return respond(
                connection, HTTPStatus.FOUND, "the console is at /agent\n", extra={"Location": BASE}
            )
        asset = self.assets.get(path)
        if asset is None:
            return respond(connection, HTTPStatus.NOT_FOUND, "not found\n", extra=CONSOLE_HEADERS)
        headers = {
            **CONSOLE_HEADERS,
            "ETag": asset.etag,
            "Cache-Control": "no-cache",
            "Vary": "Accept-Encoding",
        }
        if asset.etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
            response = respond(
                connection, HTTPStatus.NOT_MODIFIED, b"", asset.content_type, headers
            )
            del response.headers["Content-Length"]
            return response
        if _accepts_gzip(request):
            headers["Content-Encoding"] = "gzip"
            return respond(connection, HTTPStatus.OK, asset.gzipped, asset.content_type, headers)
        return respond(connection, HTTPStatus.OK, asset.body, asset.content_type, headers)
