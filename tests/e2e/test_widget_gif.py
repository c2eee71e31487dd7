"""C16 end to end, with a fake GIF provider: the agent searches GIFs in the app (previews from
the relay; the search shot in all four languages at the window's default size), picks one,
and the visitor's widget in Chromium shows it loaded from the relay's origin only (Playwright's
request log: nothing from the provider's host)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, expect

from jivo_desktop import i18n
from jivo_desktop.app import DesktopApp
from jivo_desktop.net.client import AgentClient
from tests.desktop.clipping import clipped, english_sources, settle, untranslated
from tests.e2e.widget_support import open_widget_page
from tests.support.fake_gifs import fake_gifs
from tests.support.relay import RelayHandle
from tests.support.screens import LANGUAGES, grab_with_popup
from tests.support.waiting import until

pytestmark = pytest.mark.browser


async def test_c16_gif_from_the_app_reaches_the_widget_from_the_relay_only(
    qapp: Any, relay: RelayHandle, browser: Browser, tmp_path: Path, artifacts: Path, secrets: Any
) -> None:
    """C16: GIF in the tool row (tooltip with Ctrl+G) opens the search; with no provider it says
    so; with one, trending shows at once and "happy" finds Happy dance with its preview (fetched
    from the relay); a click sends it; the widget shows the image, and every request the page
    made went to the relay (or the page itself), none to the provider."""
    with fake_gifs() as fake:
        app = DesktopApp(qapp, tmp_path / "ana")
        app.start()
        assert await app.session.sign_in_async(
            relay.http_url, relay.agent_email, relay.agent_password, False
        )
        boss = AgentClient(relay.ws_url)
        wp = await open_widget_page(browser, relay.demo_url)
        requests: list[str] = []
        wp.context.on("request", lambda r: requests.append(r.url))
        try:
            await wp.open()
            await wp.wait_ready()
            await wp.say("¿Tienen algo divertido?")
            await until(lambda: app.chats.waiting())
            chat_id = app.chats.waiting()[0].id
            app.chats.accept(chat_id)
            window = app.main_window
            window.resize(1180, 740)
            pane = window.inbox.conversation
            await until(lambda: app.chats.current == chat_id and pane.composer.isEnabled())
            assert "Ctrl+G" in pane.gif_button.toolTip()

            picker = pane.gif_picker
            pane.open_gif_picker()
            await until(lambda: "GIFs are off" in picker.status.text())
            picker.hide()

            await boss.sign_in(relay.admin_email, relay.admin_password)
            await boss.save_gif_provider("klipy", fake.key, fake.url)
            pane.open_gif_picker()
            # trending; "huge" is over the preview limit and stays a blank square
            await until(lambda: picker.grid.count() == 3 and picker.previews_shown() == 2)
            # trending, the search field empty (its hint shows), at the window's default size
            try:
                for language in LANGUAGES:
                    i18n.apply_language(language)
                    settle(window)
                    settle(picker)
                    found = clipped(picker) + clipped(window)
                    if language != "en":
                        english = english_sources(language)
                        found += untranslated(picker, english) + untranslated(window, english)
                    assert found == [], language
                    grab_with_popup(
                        window, picker, artifacts / f"composer-gif-search-{language}.png"
                    )
            finally:
                i18n.apply_language("en")
            picker.search.setText("happy")
            picker.search.returnPressed.emit()
            await until(lambda: picker.grid.count() == 1 and picker.previews_shown() == 1)
            grab_with_popup(window, picker, artifacts / "composer-gif-search-happy.png")
            item = picker.grid.item(0)
            assert item.toolTip() == "Happy dance"
            picker.grid.itemClicked.emit(item)
            await until(lambda: not picker.isVisible())

            image = wp.el("file-image")
            await expect(image).to_be_visible()
            await wp.page.wait_for_function(
                "() => { const h = document.getElementById('jivo-chat-widget');"
                " const i = h && h.shadowRoot.querySelector('[data-testid=file-image]');"
                " return i && i.complete && i.naturalWidth > 0; }"
            )
            await expect(wp.el("file-name")).to_have_text("Happy dance.gif")
            await wp.shot(artifacts / "widget-gif.png")
            await until(lambda: pane.messages_model.rowCount() >= 3)
            window.grab().save(str(artifacts / "e2e-gif-app.png"))

            relay_origin = relay.http_url.rstrip("/")
            ws_origin = "ws://" + relay_origin.removeprefix("http://")
            assert requests, "the request log is empty"
            elsewhere = [u for u in requests if not u.startswith((relay_origin, ws_origin))]
            assert elsewhere == [], elsewhere
            assert not any(fake.url in u for u in requests)
            assert any("/files/" in u for u in requests)  # the GIF itself, from the relay
            assert wp.errors == []
        finally:
            await boss.close()
            await wp.close()
            await app.shutdown()
