"""P2 in Chromium: on a site that takes callback requests the widget shows a phone button; its
form (number, optional time) answers a refused number plainly, in the visitor's language, and a
good one with a thank-you, while the agents are offered the request with its number. Each of
the four languages on a phone-size screen too (nothing sticks out). Screenshots
widget-callback-LANG-*.png."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser, expect

from server import protocol as p
from tests.e2e.test_widget_phone import PHONE, _fits
from tests.e2e.widget_support import open_widget_page, signed_in_agent
from tests.server.test_callbacks import enable_callbacks
from tests.server.test_routing import site_settings
from tests.support.relay import RelayHandle

pytestmark = pytest.mark.browser

REFUSED = {
    "en": "We cannot call that number",
    "es": "No podemos llamar a ese número",
    "pt": "Não podemos ligar para esse número",
    "ru": "Мы не можем позвонить на этот номер",
}
THANKS = {
    "en": "Thank you! We will call you at +34911234567.",
    "es": "¡Gracias! Le llamaremos al +34911234567.",
    "pt": "Obrigado! Ligaremos para +34911234567.",
    "ru": "Спасибо! Мы позвоним вам на номер +34911234567.",
}


@pytest.mark.parametrize("locale", ["en-US", "es-ES", "pt-BR", "ru-RU"])
async def test_p2_widget_callback_form(
    relay: RelayHandle, browser: Browser, artifacts: Path, locale: str
) -> None:
    """P2: the phone button, the form, a refused emergency number, then a request the agent is
    offered with its number and the visitor's time."""
    lang = locale[:2]
    async with signed_in_agent(relay) as boss:
        await enable_callbacks(boss, "ES")
        context = await browser.new_context(locale=locale, viewport=PHONE, is_mobile=True)
        wp = await open_widget_page(browser, relay.demo_url, context=context)
        await wp.open()
        await wp.wait_ready()
        await wp.el("callback-open").click()
        await expect(wp.el("callback-form")).to_be_visible()
        await expect(wp.el("input")).to_be_hidden()  # the form takes the chat's place
        await wp.el("callback-time").fill("mañana 10-12")
        await wp.el("callback-number").fill("112")
        await wp.el("callback-send").click()
        await expect(wp.el("callback-error")).to_contain_text(REFUSED[lang])
        await wp.shot(artifacts / f"widget-callback-{lang}-refused.png")
        assert await _fits(wp) == []

        mark = len(boss.received)
        await wp.el("callback-number").fill("911 23 45 67")
        await wp.el("callback-send").click()
        await expect(wp.el("callback-thanks")).to_have_text(THANKS[lang])
        await wp.shot(artifacts / f"widget-callback-{lang}-thanks.png")
        offer = await boss.wait_for(lambda f: isinstance(f, p.ChatOffered), since=mark)
        assert (offer.chat.callback_number, offer.chat.callback_time) == (
            "+34911234567", "mañana 10-12",
        )  # fmt: skip
        await wp.el("callback-back").click()
        await wp.wait_text("+34911234567 · mañana 10-12", author="visitor")  # the chat's line
        await expect(wp.el("input")).to_be_visible()
        assert await _fits(wp) == []
        assert wp.errors == []
        await wp.close()


async def test_p2_widget_missed_callback_promises_the_call(
    relay: RelayHandle, browser: Browser, artifacts: Path
) -> None:
    """P2 with N3: a callback nobody takes in time is a CRM task: the widget says the call
    will come, not "leave us a message" (the offline form stays away), after a reload too."""
    async with signed_in_agent(relay) as boss:  # online, but never takes it
        await enable_callbacks(boss, "ES")
        await site_settings(relay, timeout=0.2)  # short rounds: missed within a second
        wp = await open_widget_page(browser, relay.demo_url)
        await wp.open()
        await wp.wait_ready()
        await wp.el("callback-open").click()
        await wp.el("callback-number").fill("911 23 45 67")
        await wp.el("callback-send").click()
        await expect(wp.el("callback-thanks")).to_be_visible()
        await wp.el("callback-back").click()
        later = wp.page.locator(
            "#jivo-chat-widget [data-testid=system][data-kind=missed]", has_text="call you back"
        )
        await later.wait_for(state="visible", timeout=15_000)
        assert not await wp.el("offline-form").is_visible()
        await wp.page.reload()
        await wp.open()
        await later.wait_for(state="visible", timeout=15_000)
        assert not await wp.el("offline-form").is_visible()
        await wp.shot(artifacts / "widget-callback-en-missed.png")
        assert wp.errors == []
        await wp.close()


async def test_p2_widget_has_no_phone_button_when_the_site_is_off(
    relay: RelayHandle, browser: Browser
) -> None:
    async with signed_in_agent(relay):
        wp = await open_widget_page(browser, relay.demo_url)
        await wp.open()
        await wp.wait_ready()
        await expect(wp.el("contact-open")).to_be_visible()
        assert await wp.el("callback-open").count() == 0
        await wp.close()
