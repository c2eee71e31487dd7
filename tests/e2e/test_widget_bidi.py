"""Bidirectional overrides in names, messages and file names (issue 12 item 7)."""

from __future__ import annotations

import json
import time

import pytest
from playwright.async_api import Browser, WebSocketRoute, expect

from tests.e2e.widget_support import (
    HOST,
    accept_next_chat,
    open_widget_page,
    signed_in_agent,
    wait_until,
)
from tests.support.relay import RelayHandle

pytestmark = pytest.mark.browser

RLO = "\u202e"
SPOOF = "photo" + RLO + "gnp.exe"  # reads "photoexe.png" without isolation

# x of the first and the last character of the text after the name in a system line.
ORDER_JS = """(el) => {
  const node = [...el.childNodes].find((n) => n.nodeType === 3 && / joined/.test(n.textContent));
  const text = node.textContent, at = text.indexOf(' joined');
  const x = (i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                     return r.getBoundingClientRect().x; };
  return [x(at + 1), x(text.length - 2)];
}"""


async def test_widget_isolates_bidi_text(relay: RelayHandle, browser: Browser) -> None:
    """Issue 12 item 7: an agent whose name holds U+202E does not reorder "joined the chat"
    after it (the 'j' stays left of the last 't'); names and messages are isolated
    (dir=auto); a file name "photo<U+202E>gnp.exe" shows its real extension ".exe"."""
    await relay.add_agent("evil@example.com", "evil-password-1", "Ev" + RLO + "il")
    state: dict[str, WebSocketRoute | None] = {"route": None}

    async def keep(route: WebSocketRoute) -> None:
        server = route.connect_to_server()
        server.on_message(route.send)
        route.on_message(server.send)
        state["route"] = route

    async with signed_in_agent(relay, "evil@example.com", "evil-password-1") as agent:
        wp = await open_widget_page(browser, relay.demo_url, route_ws=keep)
        await wp.open()
        await wp.wait_ready()
        await wp.say("hola")
        offer = await accept_next_chat(agent)
        await agent.send_message(offer.chat.id, "see " + SPOOF)
        answer = await wp.wait_text("see", author="agent")

        joined = wp.el("system").first
        await expect(joined).to_contain_text("joined the chat")
        first, last = await joined.evaluate(ORDER_JS)
        assert first < last, "the text after the name was reordered"
        await expect(joined).to_have_text("Ev" + RLO + "il joined the chat")  # no added marks
        await expect(answer.locator(".bub")).to_have_attribute("dir", "auto")
        await expect(answer.locator("[data-testid=author]")).to_have_attribute("dir", "auto")

        # A file event as a relay could have stored it: its name as shown ends in ".exe".
        route = state["route"]
        assert route is not None
        event = {
            "cursor": 2**40, "chat_id": offer.chat.id, "seq": 99, "kind": "file",
            "author": "agent", "author_name": "Ana", "text": SPOOF, "ts": time.time(),
            "file": {"id": "", "name": SPOOF, "size": 10, "content_type": "application/zip"},
        }  # fmt: skip
        route.send(json.dumps({"type": "event_push", "event": event}))
        name = wp.page.locator(f"{HOST} [data-testid=file-name]")
        await wait_until(lambda: name.count())
        shown = await name.inner_text()
        assert shown.endswith(".exe") and RLO not in shown
        await expect(name).to_have_attribute("dir", "auto")
        assert wp.errors == []
        await wp.close()
