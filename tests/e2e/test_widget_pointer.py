"""C15 end to end in Chromium with two browser contexts, the visitor's and the agent's: Pointer
in the app opens the visitor's page with a one-time token; the widget there enters pick mode;
the agent picks an element, comments and sends; the visitor's View scrolls to and outlines the
same element (or says it is on another page); the used token is refused. The app's side is
shot in all four languages at the window's default size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, expect

from jivo_desktop import i18n
from jivo_desktop.app import DesktopApp
from tests.desktop.clipping import clipped, english_sources, settle, untranslated
from tests.e2e.widget_support import TIMEOUT_MS, open_widget_page
from tests.support.relay import RelayHandle
from tests.support.screens import LANGUAGES
from tests.support.waiting import until

pytestmark = pytest.mark.browser

MONSTERA_PRICE = "div.card:nth-of-type(2) > p.price"


async def test_c15_pointer_pick_comment_view_in_two_contexts(
    qapp: Any, relay: RelayHandle, browser: Browser, tmp_path: Path, artifacts: Path, secrets: Any
) -> None:
    """C15: token → pick → comment → the visitor's View outlines the same element; on another
    page View says so; the token, used once, is refused the second time."""
    app = DesktopApp(qapp, tmp_path / "ana")
    app.start()
    assert await app.session.sign_in_async(
        relay.http_url, relay.agent_email, relay.agent_password, False
    )
    pane = app.main_window.inbox.conversation
    opened: list[str] = []
    pane.pointer.opener = lambda url: opened.append(url) or True  # the agent's "browser"
    visitor = await open_widget_page(browser, relay.demo_url)
    agent_page = await browser.new_context(viewport={"width": 1100, "height": 720})
    try:
        await visitor.open()
        await visitor.wait_ready()
        await visitor.say("¿Cuánto cuesta la monstera?")
        await until(lambda: app.chats.waiting())
        chat_id = app.chats.waiting()[0].id
        app.chats.accept(chat_id)
        await until(lambda: app.chats.current == chat_id and pane.composer.isEnabled())
        assert "Ctrl+Shift+P" in pane.pointer_button.toolTip()
        assert "sign-in" in pane.pointer_button.toolTip()
        pane.pointer_button.click()
        await until(lambda: opened)
        assert opened[0].startswith(relay.demo_url) and "#jivo-pointer=" in opened[0]
        await until(lambda: pane.translate_preview.isVisible())
        assert "open in your browser" in pane.translate_preview.text()

        page = await agent_page.new_page()
        await page.goto(opened[0])
        bar = page.locator("#jivo-chat-widget [data-testid=pointer-bar]")
        await expect(bar).to_be_visible(timeout=TIMEOUT_MS)  # the widget connects first
        assert "jivo-pointer" not in page.url  # the token leaves the address bar at once
        price = page.locator(MONSTERA_PRICE)
        await price.hover()
        await expect(page.locator("#jivo-chat-widget [data-testid=pointer-hover]")).to_be_attached()
        await price.click()
        comment = page.locator("#jivo-chat-widget [data-testid=pointer-comment-input]")
        await expect(comment).to_be_visible()
        await comment.fill("Este es el precio de la monstera")
        await page.screenshot(path=str(artifacts / "pointer-agent-pick.png"))
        await page.locator("#jivo-chat-widget [data-testid=pointer-send]").click()
        status = page.locator("#jivo-chat-widget [data-testid=pointer-status]")
        await expect(status).to_have_text("Sent to the visitor.", timeout=TIMEOUT_MS)

        card = visitor.el("pointer")
        await expect(card).to_be_visible(timeout=TIMEOUT_MS)
        await expect(visitor.el("pointer-comment")).to_have_text("Este es el precio de la monstera")
        await visitor.el("pointer-view").click()
        highlight = visitor.el("pointer-highlight")
        await expect(highlight).to_be_attached()
        selector = await highlight.get_attribute("data-selector")
        assert selector is not None
        same = await visitor.page.evaluate(
            "([a, b]) => document.querySelector(a) === document.querySelector(b)",
            [selector, MONSTERA_PRICE],
        )
        assert same, selector
        box = await highlight.bounding_box()
        target = await visitor.page.locator(MONSTERA_PRICE).bounding_box()
        assert box is not None and target is not None
        assert abs(box["x"] + 3 - target["x"]) < 2 and abs(box["y"] + 3 - target["y"]) < 2
        await visitor.shot(artifacts / "pointer-visitor-view.png")
        await until(lambda: pane.messages_model.rowCount() >= 3)
        # the app's side in every language, at the window's default size
        window = app.main_window
        try:
            for language in LANGUAGES:
                i18n.apply_language(language)
                settle(window)
                found = clipped(window)
                if language != "en":
                    found += untranslated(window, english_sources(language))
                assert found == [], language
                window.grab().save(str(artifacts / f"pointer-app-{language}.png"))
        finally:
            i18n.apply_language("en")

        # the same link again: refused (single use)
        again = await agent_page.new_page()
        await again.goto(opened[0])
        await expect(again.locator("#jivo-chat-widget [data-testid=pointer-bar]")).to_be_visible(
            timeout=TIMEOUT_MS
        )
        await again.locator(MONSTERA_PRICE).click()
        await again.locator("#jivo-chat-widget [data-testid=pointer-send]").click()
        await expect(
            again.locator("#jivo-chat-widget [data-testid=pointer-status]")
        ).to_contain_text("used already or has expired")

        # the visitor on another page: View says where it is
        await visitor.page.goto(relay.demo_url + "?page=2")
        await visitor.open()
        await expect(visitor.el("pointer")).to_be_visible(timeout=TIMEOUT_MS)
        await visitor.el("pointer-view").click()
        await expect(visitor.el("pointer-note")).to_contain_text("This is on another page:")
        assert visitor.errors == []
    finally:
        await agent_page.close()
        await visitor.close()
        await app.shutdown()
