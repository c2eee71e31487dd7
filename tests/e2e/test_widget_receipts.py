"""C19 in the browser: the widget reports what it received and what the visitor has seen."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser

from server import protocol as p
from tests.e2e.widget_support import (
    accept_next_chat,
    open_widget_page,
    signed_in_agent,
)
from tests.support.relay import RelayHandle

pytestmark = pytest.mark.browser


async def test_widget_sends_delivered_then_read(relay: RelayHandle, browser: Browser) -> None:
    """C19: with the chat window closed an agent's message is only delivered; opening the
    window makes it read."""
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url)
        await wp.open()
        await wp.wait_ready()
        await wp.say("hola")
        offer = await accept_next_chat(agent)
        await wp.el("launcher").click()  # the visitor closes the chat window
        await wp.el("window").wait_for(state="hidden")
        mark = len(agent.received)
        ack = await agent.send_message(offer.chat.id, "¿Sigue ahí?")
        delivered = await agent.wait_for(
            lambda f: isinstance(f, p.ReceiptChanged) and f.delivered_seq >= ack.seq, since=mark
        )
        assert delivered.read_seq < ack.seq
        await wp.open()
        read = await agent.wait_for(
            lambda f: isinstance(f, p.ReceiptChanged) and f.read_seq >= ack.seq, since=mark
        )
        assert read.reader == "visitor"
        assert wp.sent_of("receipt")
        await wp.close()
