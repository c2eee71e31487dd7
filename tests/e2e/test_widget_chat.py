"""The widget on the relay's demo page, with a real agent client on the other side (V5, C17)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from playwright.async_api import Browser, WebSocketRoute, expect

from server import protocol as p
from tests.e2e.widget_support import (
    accept_next_chat,
    agent_event,
    open_widget_page,
    page_html,
    signed_in_agent,
    third_party_site,
    wait_until,
)
from tests.support.relay import RelayHandle

pytestmark = pytest.mark.browser


async def test_widget_demo_chat(relay: RelayHandle, browser: Browser, artifacts: Path) -> None:
    """V5: the demo page's widget says "hola", an agent accepts and answers, the answer shows;
    the visitor's own message shows once, marked sent. Screenshot widget-chat.png."""
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url)
        await wp.open()
        await wp.wait_ready()
        await expect(wp.el("status")).to_have_text("Online")
        await expect(wp.el("site-name")).to_have_text("Demo site")

        await wp.say("hola")
        offer = await accept_next_chat(agent)
        assert offer.chat.preview == "hola"
        await agent.send_message(offer.chat.id, "¿En qué puedo ayudarle?")

        answer = await wp.wait_text("¿En qué puedo ayudarle?", author="agent")
        await expect(answer.locator("[data-testid=author]")).to_have_text("Boss")
        await expect(wp.el("system").first).to_have_text("Boss joined the chat")
        mine = wp.page.locator("#jivo-chat-widget [data-testid=message][data-author=visitor]")
        await expect(mine).to_have_count(1)
        await expect(mine).to_have_attribute("data-state", "sent")
        assert await wp.texts() == ["hola", "¿En qué puedo ayudarle?"]

        # The frames the widget sent follow the protocol: one hello, one send with a fresh id.
        hello = wp.sent_of("visitor_hello")[0]
        assert hello["site_key"] == relay.site_key and hello["visitor_token"] is None
        sends = wp.sent_of("send_message")
        assert len(sends) == 1 and sends[0]["text"] == "hola" and sends[0]["client_msg_id"]
        await wp.shot(artifacts / "widget-chat.png")
        assert wp.errors == []
        await wp.close()


async def test_widget_offline_form(relay: RelayHandle, browser: Browser, artifacts: Path) -> None:
    """V5: with no agent online the widget shows the offline form (name, e-mail, message), sends
    it as offline_message and thanks the visitor. Screenshot widget-offline.png."""
    wp = await open_widget_page(browser, relay.demo_url)
    await wp.open()
    await wp.wait_ready()
    await expect(wp.el("offline-form")).to_be_visible()
    await expect(wp.el("input")).to_be_hidden()
    await wp.el("offline-name").fill("María")
    await wp.el("offline-email").fill("maria@example.com")
    await wp.el("offline-text").fill("¿Envían a Sevilla?")
    await wp.shot(artifacts / "widget-offline.png")

    await wp.el("offline-send").click()
    await expect(wp.el("offline-thanks")).to_be_visible()
    sent = wp.sent_of("offline_message")
    assert len(sent) == 1
    assert {k: sent[0][k] for k in ("name", "email", "text")} == {
        "name": "María",
        "email": "maria@example.com",
        "text": "¿Envían a Sevilla?",
    }

    # An agent coming online turns the form back into the chat (agents_available push).
    async with signed_in_agent(relay):
        await expect(wp.el("input")).to_be_visible()
        await expect(wp.el("status")).to_have_text("Online")
    await expect(wp.el("offline-form")).to_be_visible()
    assert wp.errors == []
    await wp.close()


async def test_widget_no_agents_prefills_offline_form(relay: RelayHandle, browser: Browser) -> None:
    """V5: a send answered with no_agents_online moves the text into the offline form."""

    async def hide_presence(route: WebSocketRoute) -> None:
        # The visitor must send before hearing that the last agent left: drop that push.
        server = route.connect_to_server()
        server.on_message(lambda m: None if '"agents_available"' in str(m) else route.send(m))
        route.on_message(server.send)

    async with signed_in_agent(relay):
        wp = await open_widget_page(browser, relay.demo_url, route_ws=hide_presence)
        await wp.open()
        await wp.wait_ready()
        await expect(wp.el("input")).to_be_visible()
    await asyncio.sleep(0.3)  # the agent's socket is closed and the relay knows it
    await wp.say("Do you deliver on Sundays?")
    await expect(wp.el("offline-form")).to_be_visible()
    await expect(wp.el("offline-text")).to_have_value("Do you deliver on Sundays?")
    await expect(wp.messages()).to_have_count(0)
    assert any(f.get("code") == "no_agents_online" for f in wp.received)
    assert wp.errors == []
    await wp.close()


async def test_widget_mobile(relay: RelayHandle, browser: Browser, artifacts: Path) -> None:
    """V5: on a narrow screen (390x844) the open chat takes the whole viewport and the
    launcher steps aside; the close button brings the launcher back. widget-mobile.png."""
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url, viewport={"width": 390, "height": 844})
        await wp.open()
        await wp.wait_ready()
        await wp.say("Hi! Do you ship to Porto?")
        offer = await accept_next_chat(agent)
        await agent.send_message(offer.chat.id, "Yes, in two days.")
        await wp.wait_text("Yes, in two days.", author="agent")
        box = await wp.el("window").bounding_box()
        assert box == {"x": 0, "y": 0, "width": 390, "height": 844}
        await expect(wp.el("launcher")).to_be_hidden()
        await wp.shot(artifacts / "widget-mobile.png")
        await wp.el("close").click()
        await expect(wp.el("window")).to_be_hidden()
        await expect(wp.el("launcher")).to_be_visible()
        assert wp.errors == []
        await wp.close()


async def test_widget_typing_both_ways(relay: RelayHandle, browser: Browser) -> None:
    """C17, V5: the visitor's typing reaches the agent (at most one active frame per 2 s, an
    inactive one after 3 s idle), and the agent's typing shows in the widget."""
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url)
        await wp.open()
        await wp.wait_ready()
        await wp.say("hello")
        offer = await accept_next_chat(agent)
        chat_id = offer.chat.id
        await agent_event(agent, lambda e: e.kind == "joined")

        mark, sent_mark = len(agent.received), len(wp.sent)
        started = asyncio.get_running_loop().time()
        await wp.el("input").press_sequentially("I am looking for a big monstera", delay=100)
        typed_for = asyncio.get_running_loop().time() - started
        on = await agent.wait_for(
            lambda f: isinstance(f, p.TypingChanged) and f.who == "visitor" and f.active,
            since=mark,
        )
        assert on.chat_id == chat_id
        await agent.wait_for(
            lambda f: isinstance(f, p.TypingChanged) and f.who == "visitor" and not f.active,
            since=mark,
            timeout=8,
        )
        actives = [f for f in wp.sent[sent_mark:] if f["type"] == "typing" and f["active"]]
        assert 1 <= len(actives) <= int(typed_for / 2) + 1, (len(actives), typed_for)

        await agent.typing(chat_id, True)
        await expect(wp.el("typing")).to_have_text("Boss is typing…")
        await agent.typing(chat_id, False)
        await expect(wp.el("typing")).to_be_hidden()

        # Sending ends the visitor's typing at once.
        await wp.el("input").press_sequentially("ok", delay=50)
        mark = len(agent.received)
        await wp.el("input").press("Enter")
        await wait_until(lambda: wp.sent_of("typing")[-1]["active"] is False)
        await agent_event(agent, lambda e: e.text == "I am looking for a big monsteraok", mark)
        assert wp.errors == []
        await wp.close()


@pytest.mark.parametrize(
    ("lang", "locale", "placeholder", "offline_intro"),
    [
        ("", "en-US", "Type a message…", "Nobody is online now."),
        ("", "pt-BR", "Digite uma mensagem…", "Ninguém está online."),
        ("", "ru-RU", "Введите сообщение…", "Сейчас никого нет."),
        ("es", "ru-RU", "Escriba un mensaje…", "No hay nadie en línea."),
        ("", "de-DE", "Type a message…", "Nobody is online now."),
    ],
)
async def test_widget_language(
    relay: RelayHandle,
    browser: Browser,
    lang: str,
    locale: str,
    placeholder: str,
    offline_intro: str,
) -> None:
    """V5: the widget speaks data-lang, else the browser's language, else English."""
    routes: dict[str, str] = {}
    with third_party_site(routes) as origin:
        key = await relay.add_site("Tienda", [origin])
        routes["/"] = page_html("plain.html", RELAY=relay.http_url, SITE_KEY=key, LANG=lang)
        context = await browser.new_context(locale=locale)
        wp = await open_widget_page(browser, origin + "/", context=context)
        await wp.open()
        await wp.wait_ready()
        await expect(wp.el("offline-form")).to_contain_text(offline_intro)
        async with signed_in_agent(relay):
            await expect(wp.el("input")).to_have_attribute("placeholder", placeholder)
        await wp.close()


async def test_widget_follows_the_site_language(relay: RelayHandle, browser: Browser) -> None:
    """G6/K1, B4: a snippet without data-lang, for a browser in a language the widget does not
    speak (German), speaks the site's language setting: the relay's welcome carries it and the
    widget keeps it, so from the next page view on the widget speaks Spanish."""
    routes: dict[str, str] = {}
    with third_party_site(routes) as origin:
        key = await relay.add_site("Tienda", [origin], language="es")
        routes["/"] = page_html("plain.html", RELAY=relay.http_url, SITE_KEY=key, LANG="")
        context = await browser.new_context(locale="de-DE")
        wp = await open_widget_page(browser, origin + "/", context=context)
        await wp.open()
        await wp.wait_ready()
        await expect(wp.el("input")).to_have_attribute("placeholder", "Type a message…")
        await wp.page.reload()
        await wp.open()
        await wp.wait_ready()
        await expect(wp.el("input")).to_have_attribute("placeholder", "Escriba un mensaje…")
        await wp.close()


async def test_widget_keeps_the_visitors_language_across_pages(
    relay: RelayHandle, browser: Browser
) -> None:
    """B4: a Spanish visitor (browser es-ES, no data-lang) on a site whose language is
    English reads Spanish on the first page and still after the relay's welcome and two more
    pages: the site's language never replaces the visitor's."""
    routes: dict[str, str] = {}
    with third_party_site(routes) as origin:
        key = await relay.add_site("Shop", [origin], language="en")
        routes["/"] = page_html("plain.html", RELAY=relay.http_url, SITE_KEY=key, LANG="")
        context = await browser.new_context(locale="es-ES")
        wp = await open_widget_page(browser, origin + "/", context=context)
        for _ in range(3):
            await wp.open()
            await wp.wait_ready()
            await expect(wp.el("input")).to_have_attribute("placeholder", "Escriba un mensaje…")
            await expect(wp.el("offline-form")).to_contain_text("No hay nadie en línea")
            wp.received.clear()
            await wp.page.reload()
        await wp.close()


async def test_widget_chat_closed_then_new_chat(relay: RelayHandle, browser: Browser) -> None:
    """V5: when the agent closes the chat the widget says so, and the visitor's next message
    starts a new chat that an agent is offered again."""
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url)
        await wp.open()
        await wp.wait_ready()
        await wp.say("Where is my order?")
        offer = await accept_next_chat(agent)
        await agent.send_message(offer.chat.id, "On its way!")
        await wp.wait_text("On its way!", author="agent")
        await agent.close_chat(offer.chat.id)
        await expect(wp.page.locator("#jivo-chat-widget [data-kind=closed]")).to_have_text(
            "The chat has ended"
        )
        mark = len(agent.received)
        await wp.say("One more question")
        second = await accept_next_chat(agent, since=mark)
        assert second.chat.id != offer.chat.id and second.chat.preview == "One more question"
        await agent.send_message(second.chat.id, "Sure")
        await wp.wait_text("Sure", author="agent")
        assert await wp.texts() == [
            "Where is my order?",
            "On its way!",
            "One more question",
            "Sure",
        ]
        assert wp.errors == []
        await wp.close()


async def test_widget_error_notices(relay: RelayHandle, browser: Browser) -> None:
    """V5: an error frame gets a polite notice: a message over the limit is marked not sent
    (and not retried); a burst past the rate limit is retried until every message is stored
    exactly once."""
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url)
        await wp.open()
        await wp.wait_ready()
        await wp.say("x" * (p.MAX_MESSAGE_CHARS + 1))
        await expect(wp.el("notice")).to_have_text("That message is too long. Please shorten it.")
        failed = wp.page.locator("#jivo-chat-widget [data-testid=message][data-state=failed]")
        await expect(failed).to_have_count(1)
        assert len(wp.sent_of("send_message")) == 1

        burst = [f"burst {i}" for i in range(60)]
        await wp.page.evaluate(
            """(texts) => {
              const root = document.getElementById('jivo-chat-widget').shadowRoot;
              const input = root.querySelector('[data-testid=input]');
              for (const t of texts) {
                input.value = t;
                input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
              }
            }""",
            burst,
        )
        sent = wp.page.locator("#jivo-chat-widget [data-testid=message][data-state=sent]")
        await expect(sent).to_have_count(len(burst), timeout=30_000)
        assert any(f.get("code") == "rate_limited" for f in wp.received)
        offer: p.ChatOffered = await agent.wait_for(lambda f: isinstance(f, p.ChatOffered))
        await agent.accept(offer.chat.id)
        events = await agent.history(offer.chat.id, limit=500)
        stored = [e.text for e in events if e.kind == "message"]
        assert sorted(stored) == sorted(burst)
        assert wp.errors == []
        await wp.close()


async def test_agent_going_away_keeps_the_conversation(
    relay: RelayHandle, browser: Browser
) -> None:
    """G11/V5: an agent switching to away keeps their chats: the visitor in a conversation
    keeps it (no offline form) and the header does not say offline."""
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url)
        await wp.open()
        await wp.wait_ready()
        await wp.say("hola")
        offer = await accept_next_chat(agent)
        await agent.set_status("away")
        await wait_until(lambda: any(f.get("type") == "agents_available" for f in wp.received))
        await agent.send_message(offer.chat.id, "Sigo aquí")
        await wp.wait_text("Sigo aquí", author="agent")
        await expect(wp.el("offline-form")).to_be_hidden()
        await expect(wp.el("status")).to_have_text("Online")
        await wp.close()
