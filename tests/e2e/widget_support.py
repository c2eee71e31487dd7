"""Helpers shared by the widget tests (V5): open a page with the widget in headless Chromium,
reach into its open shadow root, serve third-party test pages, sign an agent in.

This module holds no tests; it is named ``test_widget_*`` to sit with the widget tests.
Playwright's CSS selectors pierce open shadow roots, so ``#jivo-chat-widget [data-testid=x]``
finds the widget's own elements and nothing of the host page.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.server
import json
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

from playwright.async_api import (
    Browser,
    BrowserContext,
    Locator,
    Page,
    WebSocket,
    WebSocketRoute,
)

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.support.browser import collect_page_errors
from tests.support.relay import RelayHandle

PAGES = Path(__file__).parent / "pages"
HOST = "#jivo-chat-widget"
TIMEOUT_MS = 10_000
SHOWN_JS = """() => {
  const host = document.getElementById('jivo-chat-widget');
  const shell = host && host.shadowRoot && host.shadowRoot.querySelector('.w');
  return !!shell && !shell.hidden;
}"""


def w(page: Page, testid: str) -> Locator:
    """A widget element by its ``data-testid`` (inside the shadow root)."""
    return page.locator(f"{HOST} [data-testid={testid}]")


class WidgetPage:
    """A browser page with the widget, plus what it sent and received on its WebSocket."""

    def __init__(self, context: BrowserContext, page: Page) -> None:
        self.context = context
        self.page = page
        self.errors = collect_page_errors(page)
        self.sockets: list[WebSocket] = []
        self.sent: list[dict[str, Any]] = []
        self.received: list[dict[str, Any]] = []
        self.sent_binary: list[int] = []
        """Sizes of the binary frames the widget sent (C14 upload chunks)."""
        page.on("websocket", self._on_socket)

    def _on_socket(self, ws: WebSocket) -> None:
        self.sockets.append(ws)
        ws.on("framesent", self._on_sent)
        ws.on("framereceived", lambda payload: self.received.append(json.loads(payload)))

    def _on_sent(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            self.sent_binary.append(len(payload))
        else:
            self.sent.append(json.loads(payload))

    def el(self, testid: str) -> Locator:
        return w(self.page, testid)

    def sent_of(self, kind: str) -> list[dict[str, Any]]:
        return [f for f in self.sent if f.get("type") == kind]

    async def open(self) -> None:
        """Open the chat window (the launcher toggles it; the open state survives a reload).
        The widget shows itself once the relay has answered (issue 12 item 2): wait for that."""
        await self.page.wait_for_function(SHOWN_JS, timeout=TIMEOUT_MS)
        if not await self.el("window").is_visible():
            await self.el("launcher").click()
        await self.el("window").wait_for(state="visible", timeout=TIMEOUT_MS)

    async def wait_ready(self) -> None:
        """Until the relay welcomed the widget and the replay is over."""
        await wait_until(lambda: any(f.get("type") == "sync_done" for f in self.received))

    async def say(self, text: str) -> None:
        await self.el("input").fill(text)
        await self.el("input").press("Enter")

    def messages(self) -> Locator:
        return self.el("message")

    async def texts(self) -> list[str]:
        """The text of each message bubble, in display order."""
        return await self.page.locator(f"{HOST} [data-testid=message] .bub").all_text_contents()

    async def wait_text(self, text: str, author: str | None = None) -> Locator:
        sel = f"{HOST} [data-testid=message]"
        if author:
            sel += f"[data-author={author}]"
        loc = self.page.locator(sel, has_text=text).first
        await loc.wait_for(state="visible", timeout=TIMEOUT_MS)
        return loc

    async def shot(self, path: Path) -> None:
        await self.page.screenshot(path=str(path))

    async def close(self) -> None:
        await self.context.close()


async def open_widget_page(
    browser: Browser,
    url: str,
    *,
    viewport: dict[str, int] | None = None,
    context: BrowserContext | None = None,
    wait_launcher: bool = True,
    route_ws: Callable[[WebSocketRoute], Any] | None = None,
) -> WidgetPage:
    """A page at ``url`` in a fresh context (its own localStorage) unless ``context`` is given.
    ``route_ws`` sits between the widget and the relay (Playwright's WebSocket routing)."""
    ctx = context or await browser.new_context(viewport=viewport or {"width": 1100, "height": 720})
    page = await ctx.new_page()
    wp = WidgetPage(ctx, page)
    if route_ws is not None:
        await page.route_web_socket("**/ws", route_ws)
    await page.goto(url)
    if wait_launcher:
        await wp.el("launcher").wait_for(state="visible", timeout=TIMEOUT_MS)
    return wp


async def wait_until(predicate: Callable[[], Any], within: float = 10.0) -> None:
    """Poll ``predicate`` (sync or async) on the test's loop until it is truthy."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        result = predicate()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met within {within} s")
        await asyncio.sleep(0.05)


@contextlib.asynccontextmanager
async def signed_in_agent(
    relay: RelayHandle, email: str | None = None, password: str | None = None
) -> AsyncIterator[AgentClient]:
    """An agent client signed in (online) for the duration of the block."""
    client = AgentClient(relay.ws_url)
    await client.sign_in(email or relay.admin_email, password or relay.admin_password)
    await client.wait_synced()
    try:
        yield client
    finally:
        await client.close()


async def accept_next_chat(agent: AgentClient, since: int = 0) -> p.ChatOffered:
    offer: p.ChatOffered = await agent.wait_for(
        lambda f: isinstance(f, p.ChatOffered), timeout=10, since=since
    )
    await agent.accept(offer.chat.id)
    return offer


async def agent_event(
    agent: AgentClient, predicate: Callable[[p.Event], bool], since: int = 0
) -> p.Event:
    push: p.EventPush = await agent.wait_for(
        lambda f: isinstance(f, p.EventPush) and predicate(f.event), timeout=10, since=since
    )
    return push.event


class _Pages(http.server.BaseHTTPRequestHandler):
    routes: dict[str, str] = {}
    headers_out: dict[str, str] = {}

    def do_GET(self) -> None:
        body = self.routes.get(self.path.split("?")[0])
        if body is None:
            self.send_error(404)
            return
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in self.headers_out.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:  # keep the test output quiet
        pass


@contextlib.contextmanager
def third_party_site(
    routes: dict[str, str], headers: dict[str, str] | None = None
) -> Iterator[str]:
    """Serve ``routes`` (path -> HTML) on 127.0.0.1, port 0, from a thread: a website on an
    origin of its own, as a customer's shop would be. Yields the origin. ``headers`` go on every
    page (a shop's Content-Security-Policy, say); the dict may be filled in after the start."""
    handler = type(
        "Pages", (_Pages,), {"routes": routes, "headers_out": {} if headers is None else headers}
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def page_html(name: str, **values: str) -> str:
    """A test page from tests/e2e/pages with its ``{{NAME}}`` placeholders filled."""
    text = (PAGES / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text
