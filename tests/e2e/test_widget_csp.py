"""The widget on a shop with a strict Content-Security-Policy (issue 12 item 1), and on a page
whose origin the site does not allow (issue 12 item 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser, ConsoleMessage, expect

from tests.e2e.widget_support import (
    accept_next_chat,
    open_widget_page,
    page_html,
    signed_in_agent,
    third_party_site,
    wait_until,
)
from tests.support.relay import RelayHandle

pytestmark = pytest.mark.browser


def csp_for(relay_url: str, style_self: bool) -> str:
    """The policy README's "Embedding the widget" tells a site to have, at its strictest."""
    ws_url = "ws" + relay_url.removeprefix("http")
    policy = f"default-src 'self'; script-src 'self' {relay_url}; connect-src {ws_url}"
    return policy + ("; style-src 'self'" if style_self else "")


@pytest.mark.parametrize("style_self", [False, True], ids=["default-src", "style-src-self"])
async def test_widget_under_a_strict_csp(
    relay: RelayHandle, browser: Browser, artifacts: Path, style_self: bool
) -> None:
    """Issue 12 item 1: under `default-src 'self'; script-src 'self' RELAY; connect-src RELAY`
    (and the same with `style-src 'self'`) the launcher is a visible 56x56 box, the window
    opens at its size, a message goes out and the agent's answer shows; the browser reports no
    CSP violation (console errors). Screenshot widget-csp-*.png."""
    routes: dict[str, str] = {}
    headers: dict[str, str] = {}
    violations: list[str] = []
    with third_party_site(routes, headers) as origin:
        headers["Content-Security-Policy"] = csp_for(relay.http_url, style_self)
        key = await relay.add_site("Strict shop", [origin])
        # The page's own data: favicon would be a violation of the page's, not the widget's.
        html = page_html("plain.html", RELAY=relay.http_url, SITE_KEY=key, LANG="")
        routes["/"] = html.replace('<link rel="icon" href="data:,">', "")
        routes["/favicon.ico"] = ""
        async with signed_in_agent(relay) as agent:
            context = await browser.new_context(viewport={"width": 1100, "height": 720})
            context.on(
                "console", lambda m: violations.append(m.text) if m.type == "error" else None
            )
            wp = await open_widget_page(browser, origin + "/", context=context)
            box = await wp.el("launcher").bounding_box()
            assert box is not None and box["width"] == 56 and box["height"] == 56
            await wp.open()
            await wp.wait_ready()
            win = await wp.el("window").bounding_box()
            assert win is not None and win["width"] == 360 and win["height"] == 520
            await expect(wp.el("status")).to_have_text("Online")
            await wp.say("Is this plant pet-safe?")
            offer = await accept_next_chat(agent)
            await agent.send_message(offer.chat.id, "Yes, it is.")
            answer = await wp.wait_text("Yes, it is.", author="agent")
            bubble = await answer.locator(".bub").bounding_box()
            assert bubble is not None and bubble["height"] > 0
            name = "default" if not style_self else "style-self"
            await wp.shot(artifacts / f"widget-csp-{name}.png")
            assert wp.errors == []
            assert not [v for v in violations if "Content Security Policy" in v], violations
            await wp.close()


@pytest.mark.parametrize("case", ["origin_not_allowed", "unknown_site"])
async def test_widget_refused_origin_warns_and_hides(
    relay: RelayHandle, browser: Browser, case: str
) -> None:
    """Issue 12 item 2: on a page whose origin the site does not allow (or with a key no site
    has) the console gets one warning that names the origin, the site and how to allow it
    (Ajustes → Canales, `jivo-relay add-site --origin`), the widget leaves the page (no
    launcher that could never work) and does not reconnect."""
    routes: dict[str, str] = {}
    warnings: list[ConsoleMessage] = []
    with third_party_site(routes) as origin:
        if case == "origin_not_allowed":
            key = await relay.add_site("Elsewhere", ["https://shop.example"])
        else:
            key = "no-such-site-key"
        routes["/"] = page_html("plain.html", RELAY=relay.http_url, SITE_KEY=key, LANG="")
        context = await browser.new_context()
        context.on("console", lambda m: warnings.append(m) if m.type == "warning" else None)
        wp = await open_widget_page(browser, origin + "/", context=context, wait_launcher=False)
        await wait_until(lambda: warnings)
        await expect(wp.page.locator("#jivo-chat-widget")).to_have_count(0)
        await expect(wp.el("launcher")).to_have_count(0)
        await wp.page.wait_for_timeout(3000)  # a backoff would have retried twice by now
        assert len(wp.sockets) == 1
        assert [f["code"] for f in wp.received if f["type"] == "error"] == [case]
        assert len(warnings) == 1
        text = warnings[0].text
        assert key in text and "Ajustes → Canales" in text
        if case == "origin_not_allowed":
            assert f"origin {origin} is not allowed" in text
            assert f"jivo-relay add-site NAME --origin {origin}" in text
        assert wp.errors == []
        await wp.close()
