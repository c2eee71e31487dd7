"""The widget after a missed chat (N3): the offline form with its way back to the conversation
(B8), and a header that does not claim "Online" (B9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser, expect

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.e2e.widget_support import open_widget_page, signed_in_agent
from tests.support.relay import RelayHandle

pytestmark = pytest.mark.browser


async def miss_the_chat(agent: AgentClient) -> None:
    """The only agent ignores every offer until the last round (N3): the chat is missed. Round
    0 is the agent's personal offer; round 1 then has nobody left to ask and is skipped."""
    since = 0
    last = -1
    while last < 3:
        offer: p.ChatOffered = await agent.wait_for(
            lambda f, r=last: isinstance(f, p.ChatOffered) and f.chat.offer_round > r,
            timeout=15,
            since=since,
        )
        since = len(agent.received)
        last = offer.chat.offer_round
        await agent.request(lambda i, c=offer.chat.id: p.IgnoreChat(id=i, chat_id=c))


@pytest.mark.parametrize(
    ("locale", "status", "back"),
    [
        ("es-ES", "Déjenos un mensaje", "Volver a la conversación"),
        ("en-US", "Leave us a message", "Back to the conversation"),
    ],
)
async def test_widget_missed_chat_form(
    relay: RelayHandle, browser: Browser, artifacts: Path, locale: str, status: str, back: str
) -> None:
    """B8: on the missed-chat offline form the "back to the conversation" link is fully
    visible inside the window (box check, screenshot widget-missed-LANG.png); B9: the header
    does not say "Online" while the widget says nobody could answer in time (nor on the
    offline form it returns to)."""
    async with signed_in_agent(relay) as agent:
        context = await browser.new_context(locale=locale, viewport={"width": 1100, "height": 720})
        wp = await open_widget_page(browser, relay.demo_url, context=context)
        await wp.open()
        await wp.wait_ready()
        await wp.say("¿Alguien puede ayudarme con un pedido?")
        await miss_the_chat(agent)
        await wp.el("offline-form").wait_for(state="visible", timeout=15_000)
        await expect(wp.el("status")).to_have_text(status)
        link = wp.el("offline-back")
        await expect(link).to_have_text(back)
        await wp.shot(artifacts / f"widget-missed-{locale[:2]}.png")
        win = await wp.el("window").bounding_box()
        form = await wp.el("offline-form").bounding_box()
        box = await link.bounding_box()
        assert win and form and box
        # Inside the form's visible area (which is inside the window), without scrolling.
        assert box["y"] >= form["y"] and box["y"] + box["height"] <= form["y"] + form["height"]
        assert form["y"] + form["height"] <= win["y"] + win["height"] + 0.5
        assert box["x"] >= form["x"] and box["x"] + box["width"] <= form["x"] + form["width"]
        # Its text is not cut: the button is as wide and tall as its text needs.
        fits = await link.evaluate(
            "(b) => b.scrollWidth <= b.clientWidth && b.scrollHeight <= b.clientHeight"
        )
        assert fits

        await wp.el("close").click()
        await wp.open()
        await expect(wp.el("status")).to_have_text(status)
        await link.click()
        await expect(wp.el("input")).to_be_visible()
        assert wp.errors == []
        await wp.close()
