"""Plain HTTP GETs served beside the WebSocket endpoint, through ``process_request``."""

from __future__ import annotations

import hmac
import html
import ipaddress
import json
import logging
import re
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

from server.core.streaming import Downloads, open_streamed

WIDGET_DIR = Path(__file__).parent.parent / "widget"
PAGES_DIR = Path(__file__).parent.parent / "pages"
WS_PATH = "/ws"
_LOG_ID = re.compile(r"[0-9]{1,18}")  # finding 15: an id SQLite and PostgreSQL can hold

log = logging.getLogger(__name__)

# No Referrer-Policy here: the demo page's own links must carry a referrer, as any site's do.
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff"}


class _StaticFile:
    """A file served on every page view: read once, again only when it changes on disk."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp = -1
        self._data = b""

    def read(self) -> bytes:
        stamp = self.path.stat().st_mtime_ns
        if stamp != self._stamp:
            self._data, self._stamp = self.path.read_bytes(), stamp
        return self._data


def respond(
    connection: ServerConnection,
    status: HTTPStatus,
    body: bytes | str,
    content_type: str = "text/plain; charset=utf-8",
    extra: dict[str, str] | None = None,
) -> Response:
    data = body.encode() if isinstance(body, str) else body
    response = connection.respond(status, "")
    response.body = data
    headers = response.headers
    del headers["Content-Type"]
    del headers["Content-Length"]
    headers["Content-Type"] = content_type
    headers["Content-Length"] = str(len(data))
    for name, value in {**SECURITY_HEADERS, **(extra or {})}.items():
        headers[name] = value
    return response


class HttpRoutes:
    """The relay's GET routes: ``/widget.js``, ``/demo``, ``/healthz``, ``/metrics``."""

    def __init__(
        self,
        *,
        demo_site_key: Callable[[], str | None],
        health: Callable[[], Awaitable[bool]],
        metrics: Callable[[], bytes],
        download_url: str = "",
        files: Callable[[ServerConnection, Request], Awaitable[Response]] | None = None,
        gif_previews: Callable[[ServerConnection, Request], Awaitable[Response]] | None = None,
        log_download: Callable[[int | None, str], Awaitable[tuple[int, str, bytes | Path]]]
        | None = None,
        metrics_token: str = "",
        downloads: Downloads | None = None,
        client_ip: Callable[[ServerConnection], str] | None = None,
    ) -> None:
        self._files = files
        self._gif_previews = gif_previews
        self._metrics_token = metrics_token
        self._downloads = downloads or Downloads(per_ip=4, total=256)
        self._client_ip = client_ip or (
            lambda ws: str(ws.remote_address[0]) if ws.remote_address else ""
        )
        self._demo_site_key = demo_site_key
        self._log_download = log_download
        self._download_url = download_url
        # A2: the invitation link's page; it sends the new password over the WebSocket.
        self._set_password = _StaticFile(PAGES_DIR / "set_password.html")
        self._health = health
        self._metrics = metrics
        self._widget = _StaticFile(WIDGET_DIR / "widget.js")
        self._demo = _StaticFile(WIDGET_DIR / "demo.html")
        # The widget's modules (server/widget/mod/NAME.js), fetched by widget.js on first need.
        self._modules = {
            f"/widget/{p.name}": _StaticFile(p) for p in sorted((WIDGET_DIR / "mod").glob("*.js"))
        }

    async def __call__(self, connection: ServerConnection, request: Request) -> Response | None:
        path = urlsplit(request.path).path
        if path == WS_PATH:
            return None  # the WebSocket handshake goes on
        if path == "/widget.js" or path in self._modules:
            static = self._widget if path == "/widget.js" else self._modules[path]
            return respond(
                connection,
                HTTPStatus.OK,
                static.read(),
                "application/javascript; charset=utf-8",
                {"Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*"},
            )
        if path == "/demo":
            key = self._demo_site_key()
            if key is None:
                return respond(connection, HTTPStatus.NOT_FOUND, "this relay has no demo site\n")
            page = self._demo.read().decode("utf-8")
            return respond(
                connection,
                HTTPStatus.OK,
                page.replace("{{SITE_KEY}}", key),
                "text/html; charset=utf-8",
                {"Cache-Control": "no-cache"},
            )
        if path == "/set-password":
            page = self._set_password.read().decode("utf-8")
            page = page.replace("{{DOWNLOAD_URL}}", html.escape(self._download_url, quote=True))
            return respond(
                connection,
                HTTPStatus.OK,
                page,
                "text/html; charset=utf-8",
                {
                    "Cache-Control": "no-store",
                    "Referrer-Policy": "no-referrer",
                    "X-Frame-Options": "DENY",
                    "Content-Security-Policy": (
                        "default-src 'none'; script-src 'unsafe-inline'; "
                        "style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; "
                        "form-action 'none'; frame-ancestors 'none'"
                    ),
                },
            )
        if path == "/healthz":
            ok = await self._health()
            status = HTTPStatus.OK if ok else HTTPStatus.SERVICE_UNAVAILABLE
            body = json.dumps({"status": "ok" if ok else "database unavailable or not writable"})
            return respond(connection, status, body, "application/json")
        if path.startswith("/files/") and self._files is not None:
            return await self._files(connection, request)  # C14 downloads (server/files/service.py)
        if path.startswith("/gifs/preview/") and self._gif_previews is not None:
            return await self._gif_previews(connection, request)  # C16 (server/gifs/service.py)
        if path.startswith("/logs/") and self._log_download is not None:
            return await self._logs(connection, request, path.removeprefix("/logs/"))
        if path == "/metrics":
            if not self._may_read_metrics(connection, request):
                return respond(
                    connection,
                    HTTPStatus.FORBIDDEN,
                    "metrics: send Authorization: Bearer <JIVO_RELAY_METRICS_TOKEN>, or ask "
                    "from the relay's own machine\n",
                )
            return respond(connection, HTTPStatus.OK, self._metrics(), "text/plain; version=0.0.4")
        return respond(connection, HTTPStatus.NOT_FOUND, "not found\n")

    def _may_read_metrics(self, connection: ServerConnection, request: Request) -> bool:
        """Finding 21: with a token set, only its bearer; without one, only a client on this
        machine that no proxy forwarded (a proxy on the same machine would make every visitor
        look local)."""
        if self._metrics_token:
            given = _bearer(request)
            return bool(given) and hmac.compare_digest(given, self._metrics_token)
        if "X-Forwarded-For" in request.headers or "Forwarded" in request.headers:
            return False
        peer = connection.remote_address[0] if connection.remote_address else ""
        try:
            return ipaddress.ip_address(str(peer).split("%")[0]).is_loopback
        except ValueError:
            return False

    async def _logs(self, connection: ServerConnection, request: Request, rest: str) -> Response:
        """G10: an app's log bundle, for admins only (the session token in the header). The
        token is checked before the id means anything, and no id gives a 500 (finding 15)."""
        assert self._log_download is not None
        log_id = int(rest) if _LOG_ID.fullmatch(rest) else None
        try:
            status, name, body = await self._log_download(log_id, _bearer(request))
        except Exception:
            log.exception("log bundle download failed")
            return respond(connection, HTTPStatus.SERVICE_UNAVAILABLE, "try again later\n")
        if status != HTTPStatus.OK:
            return respond(connection, HTTPStatus(status), body if isinstance(body, bytes) else b"")
        safe = "".join(c for c in name if c.isalnum() or c in "._-") or "logs.zip"
        extra = {
            "Content-Disposition": f'attachment; filename="{safe}"',
            "Cache-Control": "no-store",
        }
        if not isinstance(body, Path):  # stored in the database by an older relay
            return respond(connection, HTTPStatus.OK, body, "application/zip", extra)
        slot = await self._downloads.acquire(self._client_ip(connection))
        if slot is None:
            return respond(connection, HTTPStatus.TOO_MANY_REQUESTS, "too many downloads\n")
        base = respond(connection, HTTPStatus.OK, b"", extra=extra)
        try:
            return await self._downloads.run(open_streamed, base, body, slot, _zip)
        except FileNotFoundError:
            slot.release()
            return respond(connection, HTTPStatus.NOT_FOUND, "the log bundle is gone\n")
        except BaseException:
            slot.release()
            raise


def _zip(_head: bytes) -> str:
    return "application/zip"


def _bearer(request: Request) -> str:
    header = request.headers.get("Authorization", "")
    return header[7:].strip() if header[:7].lower() == "bearer " else ""
