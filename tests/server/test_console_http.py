"""X5: the relay serves the agent console at /agent on its own port: from memory, with ETag and
gzip, a strict Content-Security-Policy, and the relay's WebSocket on the same origin."""

from __future__ import annotations

import asyncio
import gzip
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from jivo_desktop.net.client import AgentClient
from server.core.console_http import CONSOLE_CSP
from tests.support.relay import RelayHandle, running_relay

CONSOLE = Path(__file__).resolve().parents[2] / "server" / "console"


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


async def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    return await asyncio.to_thread(_get, url, {k.replace("_", "-"): v for k, v in headers.items()})


@pytest.fixture
async def console_relay(sqlite_url: str) -> AsyncIterator[RelayHandle]:
    async with running_relay(sqlite_url, console_port=0) as handle:
        yield handle


async def test_x5_console_page_and_modules_with_csp(console_relay: RelayHandle) -> None:
    """X5: /agent is the page, /agent/NAME.js its modules as JavaScript, each with the strict
    CSP (no inline script, no other origin); the console's port is not the relay's."""
    relay = console_relay.relay
    assert relay.console_port and relay.console_port != relay.port
    base = f"http://127.0.0.1:{relay.console_port}"
    status, headers, body = await get(f"{base}/agent")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == (CONSOLE / "index.html").read_bytes()
    csp = headers["Content-Security-Policy"]
    assert csp == CONSOLE_CSP
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp and "*" not in csp
    assert "connect-src 'self';" in csp and "default-src 'none'" in csp
    assert headers["X-Frame-Options"] == "DENY" and headers["X-Content-Type-Options"] == "nosniff"
    for name in ("app.js", "conn.js", "inbox.js", "protocol.js", "console.css"):
        status, headers, body = await get(f"{base}/agent/{name}")
        assert status == 200, name
        assert body == (CONSOLE / name).read_bytes()
        assert headers["Content-Security-Policy"] == CONSOLE_CSP
    assert (await get(f"{base}/agent/app.js"))[1]["Content-Type"].startswith("text/javascript")
    assert (await get(f"{base}/agent/../core/relay.py"))[0] == 404
    assert (await get(f"{base}/agent/nope.js"))[0] == 404
    assert (await get(f"{base}/widget.js"))[0] == 404  # the console's port serves the console
    assert (await get(f"{console_relay.http_url}/agent"))[0] == 404  # and the relay's, not it


async def test_x5_console_etag_304_and_gzip(console_relay: RelayHandle) -> None:
    """X5: an unchanged file is answered 304 to its ETag; a browser that takes gzip gets it."""
    url = f"http://127.0.0.1:{console_relay.relay.console_port}/agent/inbox.js"
    status, headers, plain = await get(url)
    etag = headers["ETag"]
    assert status == 200 and etag.startswith('"') and "Content-Encoding" not in headers
    status, headers, body = await get(url, If_None_Match=etag)
    assert (status, body) == (304, b"")
    status, _, _ = await get(url, If_None_Match='"something-else"')
    assert status == 200
    status, headers, body = await get(url, Accept_Encoding="gzip, deflate")
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert headers["Vary"] == "Accept-Encoding"
    assert len(body) < len(plain) and gzip.decompress(body) == plain
    status, headers, body = await get(url, Accept_Encoding="gzip;q=0")
    assert "Content-Encoding" not in headers and body == plain


async def test_x5_console_port_speaks_the_relay_protocol(console_relay: RelayHandle) -> None:
    """X5: the WebSocket on the console's origin is the relay's: an agent signs in there."""
    url = f"ws://127.0.0.1:{console_relay.relay.console_port}/ws"
    agent = AgentClient(url)
    try:
        welcome = await agent.sign_in(console_relay.agent_email, console_relay.agent_password)
        assert welcome.agent.email == console_relay.agent_email
    finally:
        await agent.close()


async def test_x5_console_is_off_by_default(relay: RelayHandle) -> None:
    assert relay.relay.console_port == 0 and relay.relay.console_url == ""
