"""X5: the agent console in a browser, against a real relay: a visitor's widget in one browser
context and the console in another, the relay killed mid-chat, visitor text that tries to be
HTML, and no request to any origin but the relay's."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.async_api import Browser, expect

from tests.e2e.console_support import NARROW, ConsolePage, open_console
from tests.e2e.widget_support import TIMEOUT_MS, open_widget_page, wait_until
from tests.support.relay import RelayHandle, running_relay

pytestmark = pytest.mark.browser


@pytest.fixture
async def relay(sqlite_url: str) -> AsyncIterator[RelayHandle]:
    """The relay of tests/conftest.py with the console on a port of its own."""
    async with running_relay(sqlite_url, console_port=0) as handle:
        yield handle


def only_the_relay(console: ConsolePage, relay: RelayHandle) -> None:
    """Every request the console made went to its own origin (the relay's console port)."""
    assert console.requests, "no request recorded"
    assert console.origins() == {urlsplit(relay.relay.console_url).netloc}, console.requests


async def test_x5_console_chat_loop_with_the_widget(
    relay: RelayHandle, browser: Browser, artifacts: Path
) -> None:
    """X5: the whole chat loop between the widget (one browser context) and the console
    (another), keyboard only on the console's side: sign in, the waiting chat counted in the tab
    title, accept, Enter sends, Shift+Enter is a new line, the visitor's answer shows. Every
    request of the console went to the relay; the token travelled in the first frame only."""
    console = await open_console(browser, relay.relay.console_url)
    await console.sign_in(relay.admin_email, relay.admin_password)
    await expect(console.el("me")).to_have_text("Boss")
    first = console.sent[0]
    assert first["type"] == "sign_in" and first["email"] == relay.admin_email
    assert not any("token" in url or "password" in url for url in console.requests)
    assert await console.page.evaluate("document.cookie") == ""
    token = await console.page.evaluate("sessionStorage.getItem('jivo.console.token')")
    assert token and await console.page.evaluate("localStorage.length") == 0

    widget = await open_widget_page(browser, relay.demo_url)
    await widget.open()
    await widget.wait_ready()
    await widget.say("hola, ¿tienen envío?")

    row = console.page.locator("[data-testid=chat][data-state=offered]")
    await expect(row).to_have_count(1, timeout=TIMEOUT_MS)
    await expect(row.locator("[data-testid=chat-preview]")).to_have_text("hola, ¿tienen envío?")
    await expect(console.page).to_have_title("(1) Jivo agent console")
    await expect(console.el("waiting-count")).to_have_text("1")
    await console.page.screenshot(path=str(artifacts / "console-offered-en.png"))

    # Keyboard only: Tab to the offer's Accept button, Enter.
    accept = row.locator("[data-testid=accept]")
    for _ in range(40):
        if await accept.evaluate("b => b === document.activeElement"):
            break
        await console.page.keyboard.press("Tab")
    else:
        raise AssertionError("Tab never reached Accept")
    await console.page.keyboard.press("Enter")
    await expect(console.page.locator("[data-testid=chat][data-state=active]")).to_have_count(1)
    await expect(console.page).to_have_title("Jivo agent console")
    await expect(console.message("hola, ¿tienen envío?", "visitor")).to_have_count(1)
    composer = console.el("composer")
    await expect(composer).to_be_focused()
    await console.page.keyboard.type("Sí, a toda España.")
    await console.page.keyboard.press("Shift+Enter")
    await console.page.keyboard.type("¿Algo más?")
    await expect(composer).to_have_value("Sí, a toda España.\n¿Algo más?")
    await console.page.keyboard.press("Enter")
    await expect(composer).to_have_value("")

    mine = console.message("Sí, a toda España.", "agent")
    await expect(mine).to_have_count(1)
    await expect(mine).to_have_attribute("data-state", "sent")
    await widget.wait_text("¿Algo más?", author="agent")
    await widget.say("Gracias")
    await expect(console.message("Gracias", "visitor")).to_have_count(1)
    sends = console.sent_of("send_message")
    assert [s["text"] for s in sends] == ["Sí, a toda España.\n¿Algo más?"]
    assert sends[0]["client_msg_id"]
    assert await widget.texts() == ["hola, ¿tienen envío?", "Sí, a toda España.\n¿Algo más?",
                                    "Gracias"]  # fmt: skip
    await console.page.screenshot(path=str(artifacts / "console-chat-en.png"))

    only_the_relay(console, relay)
    assert console.errors == [] and widget.errors == []
    await widget.close()
    await console.close()
