"""Plain HTTP GETs served beside the WebSocket endpoint, through ``process_request``."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

WIDGET_DIR = Path(__file__).parent / "widget"
WS_PATH = "/ws"

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
        files: Callable[[ServerConnection, Request], Awaitable[Response]] | None = None,
    ) -> None:
        self._files = files
        self._demo_site_key = demo_site_key
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
        if path == "/healthz":
            ok = await self._health()
            status = HTTPStatus.OK if ok else HTTPStatus.SERVICE_UNAVAILABLE
            body = json.dumps({"status": "ok" if ok else "database unavailable"})
            return respond(connection, status, body, "application/json")
        if path.startswith("/files/") and self._files is not None:
            return await self._files(connection, request)  # C14 downloads (server/files.py)
        if path == "/metrics":
            return respond(connection, HTTPStatus.OK, self._metrics(), "text/plain; version=0.0.4")
        return respond(connection, HTTPStatus.NOT_FOUND, "not found\n")
