"""The channels' webhook endpoint: a small HTTP/1.1 server (asyncio streams) on its own port,
because the relay's WebSocket port only serves GETs (the websockets handshake parser refuses
other methods) and providers POST their webhooks (WhatsApp Cloud API; Twilio; Telegram's
setWebhook). Paths: ``/channels/<channel id>/webhook``. Every input is bounded: 8 KiB of
request line and headers, 1 MiB of body (413 beyond), 10 s to send it, one request per
connection, and a rate per client address shared by every node (``limiter``: 429 with
Retry-After, read before the body, so a refused request costs no body and stores nothing)."""

from __future__ import annotations

import asyncio
import logging
import math
import re
import urllib.parse
from collections.abc import Awaitable, Callable

from server.core.clientip import Network, client_ip
from server.core.limits import IpLimiter

log = logging.getLogger(__name__)

MAX_HEAD = 8 * 1024
MAX_BODY = 1024 * 1024
READ_TIMEOUT = 10.0
_PATH = re.compile(r"^/channels/(\d{1,9})/webhook$")

Handler = Callable[[int, str, dict[str, str], dict[str, str], bytes], Awaitable[tuple[int, str]]]
"""(channel id, method, query, headers lower-cased, body) -> (status, text answer)."""

REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
           404: "Not Found", 405: "Method Not Allowed", 413: "Payload Too Large",
           429: "Too Many Requests",
           500: "Internal Server Error", 503: "Service Unavailable"}  # fmt: skip


class WebhookServer:
    def __init__(
        self,
        handler: Handler,
        host: str,
        port: int,
        limiter: IpLimiter | None = None,
        trusted_proxies: tuple[Network, ...] = (),
    ) -> None:
        self.handler = handler
        self.host = host
        self.port = port
        self.limiter = limiter
        self.trusted_proxies = trusted_proxies
        self.refused = 0
        """Requests answered 429 since start (for tests and logs)."""
        self._server: asyncio.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, self.host, self.port, limit=MAX_HEAD)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername")
        ip = str(peer[0]) if peer else ""
        extra = ""
        try:
            status, text = await asyncio.wait_for(self._request(reader, ip), READ_TIMEOUT * 3)
            if status == 429 and self.limiter is not None:
                extra = f"Retry-After: {max(1, math.ceil(1.0 / self.limiter.rate))}\r\n"
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
            status, text = 400, "bad request"
        except Exception:
            log.exception("channel webhook failed")
            status, text = 500, "internal error"
        body = text.encode()
        head = (
            f"HTTP/1.1 {status} {REASONS.get(status, 'Error')}\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            f"{extra}"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        )
        try:
            writer.write(head.encode() + body)
            await writer.drain()
            writer.close()
            await writer.wait_closed()
        except (ConnectionError, OSError):
            pass

    async def _request(self, reader: asyncio.StreamReader, peer: str) -> tuple[int, str]:
        raw = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), READ_TIMEOUT)
        if len(raw) > MAX_HEAD:
            return 400, "headers too large"
        lines = raw.decode("latin-1").split("\r\n")
        method, target, _version = lines[0].split(" ", 2)
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if ":" in line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        if self.limiter is not None:
            ip = client_ip(peer, headers.get("x-forwarded-for"), self.trusted_proxies)
            if not self.limiter.take(ip):
                self.refused += 1
                return 429, "too many requests from this address: retry later"
        url = urllib.parse.urlsplit(target)
        match = _PATH.match(url.path)
        if match is None:
            return 404, "not found"
        if method not in ("GET", "POST"):
            return 405, "method not allowed"
        length = int(headers.get("content-length", "0") or "0")
        if length < 0 or length > MAX_BODY:
            return 413, "too large"
        body = await asyncio.wait_for(reader.readexactly(length), READ_TIMEOUT) if length else b""
        query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        return await self.handler(int(match.group(1)), method, query, headers, body)
