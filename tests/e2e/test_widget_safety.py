"""The widget on pages the project did not write: hostile CSS, script payloads in every text it
shows, and an origin the site does not allow (V5)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.async_api import Browser, expect

from tests.e2e.widget_support import (
    HOST,
    accept_next_chat,
    agent_event,
    open_widget_page,
    page_html,
    signed_in_agent,
    third_party_site,
)
from tests.support.relay import RelayHandle

pytestmark = pytest.mark.browser

STYLE_PROPS = [
    "display", "position", "color", "font-size", "font-family", "letter-spacing", "margin-top",
    "padding-top", "z-index", "line-height", "transform", "background-color", "box-sizing",
]  # fmt: skip

SNAPSHOT_JS = """(props) => {
  const pick = (el) => {
    const cs = getComputedStyle(el);
    return props.map((p) => cs.getPropertyValue(p));
  };
  return {
    probe: pick(document.getElementById('probe')),
    html: pick(document.documentElement),
    body: pick(document.body),
    cover: pick(document.getElementById('cover')),
    sheets: document.styleSheets.length,
  };
}"""

INJECT_JS = """([src, key]) => {
  const s = document.createElement('script');
  s.src = src; s.async = true; s.setAttribute('data-site', key);
  document.body.appendChild(s);
}"""


async def test_widget_hostile_css(relay: RelayHandle, browser: Browser, artifacts: Path) -> None:
    """V5: a page with `* { all: unset !important }`, an 80px root font, elements with the
    highest z-index over the corner, and rules aimed at the widget's host: the launcher is
    visible and clickable, the window keeps its size and font, a message goes both ways, and
    the page's own styles are the same before and after the widget loads."""
    routes: dict[str, str] = {}
    with third_party_site(routes) as origin:
        key = await relay.add_site("Hostile shop", [origin])
        routes["/"] = page_html("hostile.html")
        async with signed_in_agent(relay) as agent:
            requests: list[str] = []
            context = await browser.new_context(viewport={"width": 1100, "height": 720})
            context.on("request", lambda r: requests.append(r.url))
            wp = await open_widget_page(browser, origin + "/", context=context, wait_launcher=False)
            page = wp.page
            await page.wait_for_function("document.getElementById('late-cover')")
            before = await page.evaluate(SNAPSHOT_JS, STYLE_PROPS)
            await page.evaluate(INJECT_JS, [relay.http_url + "/widget.js", key])
            await wp.el("launcher").wait_for(state="visible")
            await wp.wait_ready()
            after = await page.evaluate(SNAPSHOT_JS, STYLE_PROPS)
            assert after == before

            # The launcher is the topmost element at its own centre, above both covers.
            box = await wp.el("launcher").bounding_box()
            assert box is not None and box["width"] == 56 and box["height"] == 56
            top_id = await page.evaluate(
                "([x, y]) => document.elementFromPoint(x, y).id",
                [box["x"] + 28, box["y"] + 28],
            )
            assert top_id == "jivo-chat-widget"
            await wp.el("launcher").click()  # Playwright checks nothing else receives the click
            await expect(wp.el("window")).to_be_visible()
            win = await wp.el("window").bounding_box()
            assert win is not None and (win["width"], win["height"]) == (360, 520)
            font = await wp.el("input").evaluate("(el) => getComputedStyle(el).fontSize")
            assert font == "14px"

            await wp.say("Is this page broken?")
            offer = await accept_next_chat(agent)
            await agent.send_message(offer.chat.id, "Not the chat, at least.")
            await wp.wait_text("Not the chat, at least.", author="agent")
            await wp.shot(artifacts / "widget-hostile.png")
            # The widget asks nothing of any host but the relay (and the page its own origin).
            hosts = {urlsplit(u).netloc for u in requests + [s.url for s in wp.sockets]}
            assert hosts == {urlsplit(origin).netloc, urlsplit(relay.http_url).netloc}
            assert await page.evaluate(SNAPSHOT_JS, STYLE_PROPS) == before
            assert wp.errors == []
            await wp.close()


PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '"><svg onload=window.__pwned=1>',
    '<a href="javascript:window.__pwned=1">click me</a> javascript:window.__pwned=1',
    "{{constructor.constructor('window.__pwned=1')()}}",
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "<style>:host{display:none!important}</style>",
    "'; window.__pwned=1; '",
    "${window.__pwned=1} $& $' $`",
    "<details open ontoggle=window.__pwned=1>",
    "&lt;b&gt;entities stay text&lt;/b&gt; &amp;",
    'https://example.com/ok?q=<b>x</b>"onmouseover="window.__pwned=1',
]
EVIL_NAME = '<img src=x onerror="window.__pwned=1"> $& Eve'

AUDIT_JS = """() => {
  const root = document.getElementById('jivo-chat-widget').shadowRoot;
  const allowed = new Set(['STYLE', 'DIV', 'SPAN', 'BUTTON', 'TEXTAREA', 'INPUT', 'LABEL', 'FORM',
                           'P', 'A', 'BDI', 'svg', 'path']);
  const problems = [];
  for (const el of root.querySelectorAll('*')) {
    if (!allowed.has(el.tagName)) problems.push('tag ' + el.tagName);
    for (const a of el.attributes) if (a.name.startsWith('on')) problems.push('attr ' + a.name);
    if (el.tagName === 'svg' && !el.hasAttribute('data-icon')) problems.push('svg from data');
    if (el.tagName === 'path' && !el.closest('svg[data-icon]')) problems.push('path from data');
    if (el.tagName === 'A' && !/^https?:/.test(el.href)) problems.push('link ' + el.href);
    if (el.tagName === 'STYLE' && el !== root.firstChild) problems.push('style from data');
  }
  const light = document.querySelectorAll('img, svg, iframe, object, embed, details, style').length;
  return {problems, light, pwned: typeof window.__pwned};
}"""


async def test_widget_xss_corpus(relay: RelayHandle, browser: Browser) -> None:
    """V5: markup and script payloads sent by the agent (as messages and as the agent's
    display name, which the widget shows as author, in the join line and while typing) and by
    the visitor (as messages and as contact name) all show literally; nothing runs and no
    element comes from data."""
    await relay.add_agent("eve@example.com", "eve-password-1", EVIL_NAME)
    async with signed_in_agent(relay, "eve@example.com", "eve-password-1") as agent:
        wp = await open_widget_page(browser, relay.demo_url)
        page = wp.page
        light_before = await page.evaluate(AUDIT_JS)
        await wp.open()
        await wp.wait_ready()
        await wp.say(PAYLOADS[0])
        offer = await accept_next_chat(agent)
        chat_id = offer.chat.id
        for text in PAYLOADS[1:]:
            await wp.say(text)
        sent = page.locator(f"{HOST} [data-testid=message][data-author=visitor][data-state=sent]")
        await expect(sent).to_have_count(len(PAYLOADS))
        mark = len(agent.received)
        for text in PAYLOADS:
            await agent.send_message(chat_id, text)
        await agent.typing(chat_id, True)
        await expect(wp.el("typing")).to_have_text(f"{EVIL_NAME} is typing…")
        await wp.wait_text(PAYLOADS[-1], author="agent")
        await expect(wp.el("message")).to_have_count(2 * len(PAYLOADS))

        texts = await wp.texts()
        assert texts == PAYLOADS + PAYLOADS
        authors = await page.locator(f"{HOST} [data-testid=author]").all_text_contents()
        assert set(authors) == {EVIL_NAME}
        await expect(wp.el("system").first).to_have_text(f"{EVIL_NAME} joined the chat")

        # The contact form: the name is stored and reaches the agent as typed.
        await wp.el("contact-open").click()
        await wp.el("contact-name").fill(PAYLOADS[1])
        await wp.el("contact-email").fill("eve@example.org")
        await wp.el("contact-save").click()
        await expect(wp.el("input")).to_be_visible()
        changed: Any = await agent.wait_for(
            lambda f: type(f).__name__ == "ChatStateChanged" and f.chat.visitor.name, since=mark
        )
        assert changed.chat.visitor.name == PAYLOADS[1]

        # Links: only http(s) ones became anchors, with their text unchanged.
        links = page.locator(f"{HOST} a[data-link]")
        hrefs = await links.evaluate_all("(a) => a.map((x) => x.href)")
        assert hrefs and all(h.startswith("https://example.com/ok") for h in hrefs)

        await asyncio.sleep(0.5)  # onerror/onload handlers would have fired by now
        audit = await page.evaluate(AUDIT_JS)
        assert audit["problems"] == []
        assert audit["pwned"] == "undefined"
        assert audit["light"] == light_before["light"]
        await agent_event(agent, lambda e: e.text == PAYLOADS[-1])
        assert wp.errors == []
        await wp.close()


async def test_widget_survives_body_rewrite(relay: RelayHandle, browser: Browser) -> None:
    """V5: a page that rewrites its whole <body> (as some single-page apps do) or replaces it
    gets the widget back at once, with its conversation and its connection."""
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url)
        await wp.open()
        await wp.wait_ready()
        await wp.say("before")
        offer = await accept_next_chat(agent)
        await wp.page.evaluate("document.body.innerHTML = '<main><h1>Rewritten</h1></main>'")
        await expect(wp.el("window")).to_be_visible()
        await wp.page.evaluate("document.body = document.createElement('body')")
        await expect(wp.el("window")).to_be_visible()
        await agent.send_message(offer.chat.id, "after")
        await wp.wait_text("after", author="agent")
        assert await wp.texts() == ["before", "after"]
        assert len(wp.sockets) == 1
        assert wp.errors == []
        await wp.close()
