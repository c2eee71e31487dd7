"""Helpers of the agent console's browser tests (X5): open the console in headless Chromium,
sign in, and record what it sent and received on its WebSocket and every request it made.

This module holds no tests."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import Browser, BrowserContext, Locator, Page, Request, WebSocket

from tests.e2e.widget_support import TIMEOUT_MS
from tests.support.browser import collect_page_errors

WIDE = {"width": 1200, "height": 760}
NARROW = {"width": 390, "height": 760}


class ConsolePage:
    def __init__(self, context: BrowserContext, page: Page) -> None:
        self.context = context
        self.page = page
        self.errors = collect_page_errors(page)
        self.requests: list[str] = []
        """Every URL the page asked for (documents, modules, styles, WebSockets)."""
        self.sent: list[dict[str, Any]] = []
        self.received: list[dict[str, Any]] = []
        self.sockets: list[WebSocket] = []
        self.dialogs: list[str] = []
        page.on("request", self._on_request)
        page.on("websocket", self._on_socket)
        page.on("dialog", self._on_dialog)

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _on_dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _on_socket(self, ws: WebSocket) -> None:
        self.sockets.append(ws)
        self.requests.append(ws.url)
        ws.on("framesent", lambda data: self._keep(self.sent, data))
        ws.on("framereceived", lambda data: self._keep(self.received, data))

    @staticmethod
    def _keep(into: list[dict[str, Any]], data: str | bytes) -> None:
        if isinstance(data, str):
            into.append(json.loads(data))

    def el(self, testid: str) -> Locator:
        return self.page.locator(f"[data-testid={testid}]")

    def sent_of(self, kind: str) -> list[dict[str, Any]]:
        return [f for f in self.sent if f.get("type") == kind]

    def origins(self) -> set[str]:
        """The scheme-less host:port of every request (ws and http of one origin match)."""
        return {urlsplit(url).netloc for url in self.requests}

    async def sign_in(self, email: str, password: str, *, remember: bool = False) -> None:
        await self.el("email").fill(email)
        await self.el("password").fill(password)
        if remember:
            await self.el("remember").check()
        await self.el("sign-in").click()
        await self.page.locator("[data-testid=conn-state][data-state=connected]").wait_for(
            timeout=TIMEOUT_MS
        )

    def chat(self, chat_id: int) -> Locator:
        return self.page.locator(f"[data-testid=chat][data-chat-id='{chat_id}']")

    def message(self, text: str, author: str | None = None) -> Locator:
        sel = "[data-testid=messages] [data-testid=message]"
        if author:
            sel += f"[data-author={author}]"
        return self.page.locator(sel, has_text=text)

    async def close(self) -> None:
        await self.context.close()


async def open_console(
    browser: Browser,
    url: str,
    *,
    viewport: dict[str, int] | None = None,
    locale: str = "en-US",
    permissions: list[str] | None = None,
) -> ConsolePage:
    context = await browser.new_context(
        viewport=viewport or WIDE, locale=locale, permissions=permissions or []
    )
    page = await context.new_page()
    console = ConsolePage(context, page)
    await page.goto(url)
    return console
