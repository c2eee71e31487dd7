"""HTTP routes beside the WebSocket: widget script, demo page, health, metrics."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request

import pytest

from jivo_desktop.net.client import AgentClient
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


async def get(url: str) -> tuple[int, dict[str, str], bytes]:
    return await asyncio.to_thread(_get, url)


async def test_widget_script_and_demo_page(relay: RelayHandle) -> None:
    """V5: /widget.js is served as JavaScript; /demo carries the one script tag with the demo
    site's key."""
    status, headers, body = await get(f"{relay.http_url}/widget.js")
    assert status == 200 and headers["Content-Type"].startswith("application/javascript")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert len(body) > 0
    status, headers, body = await get(relay.demo_url)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert f'data-site="{relay.site_key}"' in body.decode()
    assert "{{SITE_KEY}}" not in body.decode()


async def test_healthz_and_unknown_path(relay: RelayHandle) -> None:
    status, _, body = await get(f"{relay.http_url}/healthz")
    assert (status, body) == (200, b'{"status": "ok"}')
    status, _, _ = await get(f"{relay.http_url}/nope")
    assert status == 404


async def test_metrics_count_connections_messages_and_latency(relay: RelayHandle) -> None:
    """/metrics (Prometheus text): open connections by role, messages, delivery latency."""
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("measure me")
    await agent.wait_for(lambda f: getattr(getattr(f, "event", None), "text", "") == "measure me")
    _, _, body = await get(f"{relay.http_url}/metrics")
    text = body.decode()
    assert 'jivo_connections{role="agent"} 1.0' in text
    assert 'jivo_connections{role="visitor"} 1.0' in text
    assert 'jivo_messages_total{author="visitor"} 1.0' in text
    assert "jivo_delivery_latency_seconds_count 1.0" in text
    assert "jivo_commit_batch_size_count" in text and "jivo_commit_batch_size_count 0.0" not in text
    await agent.close()
    await visitor.close()


@pytest.mark.parametrize("path", ["/ws"])
async def test_plain_get_on_websocket_path_is_refused(relay: RelayHandle, path: str) -> None:
    status, _, _ = await get(f"{relay.http_url}{path}")
    assert status == 426  # Upgrade Required
