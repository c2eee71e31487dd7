"""A message the relay refuses is never retried for ever and never lost (issue 12 item 3, B5)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, WebSocketRoute, expect

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.e2e.widget_support import (
    HOST,
    WidgetPage,
    accept_next_chat,
    agent_event,
    open_widget_page,
    signed_in_agent,
    wait_until,
)
from tests.support.relay import RelayHandle

pytestmark = pytest.mark.browser

OUTBOX_JS = """() => Object.keys(localStorage).filter((k) => k.endsWith(':outbox'))
  .map((k) => JSON.parse(localStorage.getItem(k))).flat().map((e) => e.t)"""


class Refuser:
    """Between the widget and the real relay: while ``code`` is set, every send_message is
    answered with that typed error instead of reaching the relay."""

    def __init__(self, code: str | None) -> None:
        self.code = code
        self.refused: list[dict[str, Any]] = []

    async def route(self, route: WebSocketRoute) -> None:
        server = route.connect_to_server()
        server.on_message(route.send)

        def from_widget(message: str | bytes) -> None:
            frame = json.loads(message) if isinstance(message, str) else None
            if self.code and frame and frame.get("type") == "send_message":
                self.refused.append(frame)
                error = {"type": "error", "code": self.code, "message": "no", "id": frame["id"]}
                route.send(json.dumps(error))
                return
            server.send(message)

        route.on_message(from_widget)


async def test_widget_internal_error_bounded_then_manual_retry(
    relay: RelayHandle, browser: Browser
) -> None:
    """Issue 12 item 3 (widget side): a send answered `internal` every time is retried a
    bounded number of times with backoff (4 sends in all, not for ever), then shows "Not sent"
    with a Retry button; it is not sent again by itself, nor after a reload; Retry sends it
    once the relay takes it, and the agent gets it once."""
    refuser = Refuser("internal")
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url, route_ws=refuser.route)
        await wp.open()
        await wp.wait_ready()
        await wp.say("poison?")
        row = wp.page.locator(f"{HOST} [data-testid=message][data-author=visitor]")
        await expect(row).to_have_attribute("data-state", "failed", timeout=15_000)
        assert len(refuser.refused) == 4
        await expect(row.locator("[data-testid=meta]")).to_contain_text("Not sent")
        await expect(wp.el("notice")).to_contain_text("It is kept here")
        assert await wp.page.evaluate(OUTBOX_JS) == ["poison?"]
        await wp.page.wait_for_timeout(3000)  # the next backoff step would have gone by now
        assert len(refuser.refused) == 4

        wp.received.clear()
        await wp.page.reload()
        await wp.open()
        await wp.wait_ready()
        await expect(row).to_have_attribute("data-state", "failed")
        await expect(row.locator(".bub")).to_have_text("poison?")
        assert len(refuser.refused) == 4

        refuser.code = None
        await row.locator("[data-testid=retry]").click()
        await expect(row).to_have_attribute("data-state", "sent")
        offer = await accept_next_chat(agent)
        assert offer.chat.preview == "poison?"
        assert await wp.page.evaluate(OUTBOX_JS) == []
        assert wp.errors == []
        await wp.close()


async def test_widget_refused_message_is_kept_and_explained(
    relay: RelayHandle, browser: Browser, artifacts: Path
) -> None:
    """B5 (widget side): a visitor whose message the relay refuses with a typed error
    (`blocked`, as a visitor sharing a blocked visitor's IP was refused) is told what happened,
    is not cut off (the composer stays usable), and keeps the text: after a reload it is still
    there, marked "Not sent", and Retry delivers it once the relay accepts it.
    Screenshot widget-not-sent.png."""
    refuser = Refuser("blocked")
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url, route_ws=refuser.route)
        await wp.open()
        await wp.wait_ready()
        await wp.say("¿Tienen envío a Sevilla?")
        row = wp.page.locator(f"{HOST} [data-testid=message][data-author=visitor]")
        await expect(row).to_have_attribute("data-state", "failed")
        assert len(refuser.refused) == 1
        await expect(wp.el("notice")).to_have_text(
            "The chat refused your message. It is kept here: press Retry to send it later."
        )
        await expect(wp.el("input")).to_be_enabled()
        await expect(wp.el("status")).to_have_text("Online")

        wp.received.clear()
        await wp.page.reload()
        await wp.open()
        await wp.wait_ready()
        await expect(row.locator(".bub")).to_have_text("¿Tienen envío a Sevilla?")
        await expect(row).to_have_attribute("data-state", "failed")
        assert await wp.page.evaluate(OUTBOX_JS) == ["¿Tienen envío a Sevilla?"]
        await expect(wp.el("notice")).to_contain_text("It is kept here")
        await wp.shot(artifacts / "widget-not-sent.png")

        refuser.code = None
        await row.locator("[data-testid=retry]").click()
        await expect(row).to_have_attribute("data-state", "sent")
        offer = await accept_next_chat(agent)
        event = await agent_event(
            agent, lambda e: e.kind == "message" and e.chat_id == offer.chat.id
        )
        assert event.text == "¿Tienen envío a Sevilla?"
        sends = [f for f in wp.sent_of("send_message") if f["text"] == event.text]
        assert len({f["client_msg_id"] for f in sends}) == 1  # the same message, not a copy
        assert wp.errors == []
        await wp.close()


async def _spammer_and_neighbour(
    relay: RelayHandle, browser: Browser, agent: AgentClient
) -> tuple[WidgetPage, p.ChatOffered, WidgetPage]:
    """B5: a spammer in a chat the agent has accepted, and Lucía, a neighbour on the same
    address (every visitor here is 127.0.0.1), both with the widget ready."""
    spammer = await open_widget_page(browser, relay.demo_url)
    await spammer.open()
    await spammer.wait_ready()
    await spammer.say("spam spam spam")
    offer = await accept_next_chat(agent)
    lucia = await open_widget_page(browser, relay.demo_url)
    await lucia.open()
    await lucia.wait_ready()
    return spammer, offer, lucia


async def test_widget_neighbour_of_a_blocked_visitor_loses_nothing(
    relay: RelayHandle, browser: Browser
) -> None:
    """B5 (widget side, real relay): Lucía shares an IP with a visitor an agent blocks (here
    every visitor is 127.0.0.1). Whatever the relay decides about her message, she is not cut
    off and her text is never lost: it is delivered, or kept as "Not sent" with Retry and a
    notice; after a reload it is still on her screen."""
    async with signed_in_agent(relay) as agent:
        spammer, offer, lucia = await _spammer_and_neighbour(relay, browser, agent)
        await agent.block(offer.chat.id, "spam")
        await expect(spammer.el("input")).to_be_disabled()

        text = "¿Hola? ¿Siguen ahí?"
        await lucia.say(text)
        row = lucia.page.locator(f"{HOST} [data-testid=message][data-author=visitor]")
        await expect(row).not_to_have_attribute("data-state", "sending")
        if await row.get_attribute("data-state") == "failed":
            await expect(lucia.el("notice")).to_contain_text("It is kept here")
            assert await lucia.page.evaluate(OUTBOX_JS) == [text]
        await expect(lucia.el("input")).to_be_enabled()
        await expect(lucia.el("status")).not_to_have_text("Unavailable")

        lucia.received.clear()
        await lucia.page.reload()
        await lucia.open()
        await wait_until(lambda: lucia.received)
        await expect(row.locator(".bub")).to_have_text(text)
        assert lucia.errors == [] and spammer.errors == []
        await lucia.close()
        await spammer.close()


async def test_widget_neighbour_told_when_the_agent_blocks_the_shared_ip(
    relay: RelayHandle, browser: Browser
) -> None:
    """B5 (widget side, IP block chosen by the agent): when the agent ticks "also block the IP
    address", a neighbour on that address is told that the site blocked chats from its network
    address (not the "you are blocked" text) and her input stops, so nothing she types goes
    into a void (what was unsent stays in the outbox: the test above)."""
    async with signed_in_agent(relay) as agent:
        spammer, offer, lucia = await _spammer_and_neighbour(relay, browser, agent)
        await agent.block(offer.chat.id, "spam", spam=True, by_ip=True)
        await expect(lucia.el("notice")).to_contain_text("network address")
        await expect(spammer.el("notice")).not_to_contain_text("network address")

        await expect(lucia.el("input")).to_be_disabled()  # told, not left writing into a void
        assert lucia.errors == [] and spammer.errors == []
        await lucia.close()
        await spammer.close()


async def test_widget_sends_no_nul(relay: RelayHandle, browser: Browser) -> None:
    """Issue 12 item 3 (widget side): a visitor's text with U+0000 (which PostgreSQL cannot
    store) goes without it, so it can never become a poison message."""
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url)
        await wp.open()
        await wp.wait_ready()
        await wp.say("ab\u0000cd")
        offer = await accept_next_chat(agent)
        assert offer.chat.preview == "abcd"
        assert [f["text"] for f in wp.sent_of("send_message")] == ["abcd"]
        await wp.close()
