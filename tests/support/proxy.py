"""A reverse proxy for tests: what a site's nginx in front of the relay does.

It serves the relay's HTTP routes (``/widget.js``, modules) and forwards WebSockets, adding
``X-Forwarded-For``. Chromium connects to it directly, so the proxy takes the visitor's
"real" address from the browser's User-Agent (a context made with
``user_agent=with_test_ip(ua, "81.2.69.160")``), letting one page set show visitors from
different places. The relay must list 127.0.0.1 in ``trusted_proxies``.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import urllib.request
from collections.abc import AsyncIterator
from http import HTTPStatus

from websockets.asyncio.client import connect
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from server.core.http import respond

_IP = re.compile(r" TestIP/([0-9a-fA-F.:]+)")


def with_test_ip(user_agent: str, ip: str) -> str:
    return f"{user_agent} TestIP/{ip}"


@contextlib.asynccontextmanager
async def trusted_proxy(relay_http: str, relay_ws: str) -> AsyncIterator[str]:
    """Yields the proxy's http URL (use it as the widget's script origin)."""

    async def http(connection: ServerConnection, request: Request) -> Response | None:
        if request.path.split("?")[0] == "/ws":
            return None

        def fetch() -> tuple[bytes, str]:
            with urllib.request.urlopen(relay_http + request.path, timeout=10) as answer:
                return answer.read(), answer.headers.get("Content-Type", "text/plain")

        try:
            body, kind = await asyncio.to_thread(fetch)
        except OSError:
            return respond(connection, HTTPStatus.BAD_GATEWAY, "relay unreachable\n")
        return respond(connection, HTTPStatus.OK, body, kind, {"Cache-Control": "no-cache"})

    async def forward(ws: ServerConnection) -> None:
        assert ws.request is not None
        headers = ws.request.headers
        ua = headers.get("User-Agent", "")
        found = _IP.search(ua)
        upstream_headers = {"User-Agent": _IP.sub("", ua)}
        if found:
            upstream_headers["X-Forwarded-For"] = found.group(1)
        if headers.get("Origin"):
            upstream_headers["Origin"] = headers["Origin"]
        async with connect(
            relay_ws, additional_headers=upstream_headers, user_agent_header=None
        ) as upstream:

            async def pump(src: object, dst: object) -> None:
                with contextlib.suppress(ConnectionClosed):
                    async for message in src:  # type: ignore[attr-defined]
                        await dst.send(message)  # type: ignore[attr-defined]

            one = asyncio.create_task(pump(ws, upstream))
            two = asyncio.create_task(pump(upstream, ws))
            await asyncio.wait({one, two}, return_when=asyncio.FIRST_COMPLETED)
            for task in (one, two):
                task.cancel()
            await asyncio.gather(one, two, return_exceptions=True)

    async with serve(forward, "127.0.0.1", 0, process_request=http, compression=None) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        yield f"http://127.0.0.1:{port}"
