"""The widget keeps its conversation across reloads and lost connections, and reports page
views, also of single-page-app navigation (V5, X3)."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import pytest
import sqlalchemy as sa
from playwright.async_api import Browser, WebSocketRoute, expect

from server import protocol as p
from server.store.schema import page_views
from tests.e2e.widget_support import (
    HOST,
    accept_next_chat,
    agent_event,
    open_widget_page,
    signed_in_agent,
    wait_until,
)
from tests.support.relay import RelayHandle

pytestmark = pytest.mark.browser


async def test_widget_history_survives_reload(relay: RelayHandle, browser: Browser) -> None:
    """V5, X3: after a reload the conversation is still there (localStorage plus the relay's
    replay after the stored cursor), with no duplicate, and it goes on in the same chat."""
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url)
        await wp.open()
        await wp.wait_ready()
        await wp.say("first")
        offer = await accept_next_chat(agent)
        await agent.send_message(offer.chat.id, "second")
        await wp.wait_text("second", author="agent")
        token = await wp.page.evaluate(f"localStorage.getItem('jivo:{relay.site_key}:token')")
        assert token

        # The agent writes while the visitor is on another site: the relay's replay after the
        # stored cursor brings that message, the older ones come from localStorage.
        await wp.page.goto("about:blank")
        await agent.send_message(offer.chat.id, "while you were away")
        hellos, seen = len(wp.sent_of("visitor_hello")), len(wp.received)
        await wp.page.goto(relay.demo_url)
        await expect(wp.el("window")).to_be_visible()  # the open state is remembered too
        await wp.wait_text("while you were away", author="agent")
        replayed = [f["event"]["text"] for f in wp.received[seen:] if f["type"] == "event_push"]
        assert replayed == ["while you were away"]
        assert await wp.texts() == ["first", "second", "while you were away"]
        hello = wp.sent_of("visitor_hello")[hellos]
        assert hello["visitor_token"] == token and hello["cursor"] > 0

        await wp.say("third")
        event = await agent_event(agent, lambda e: e.text == "third")
        assert event.chat_id == offer.chat.id
        await agent.send_message(offer.chat.id, "fourth")
        await wp.wait_text("fourth", author="agent")
        await wp.page.reload()
        await wp.wait_text("fourth", author="agent")
        await wp.page.wait_for_timeout(500)  # let any late replay arrive before counting
        assert await wp.texts() == ["first", "second", "while you were away", "third", "fourth"]
        assert await wp.el("system").all_text_contents() == ["Boss joined the chat"]
        assert wp.errors == []
        await wp.close()


class FlakyLink:
    """Sits between the widget and the relay: can swallow the next acknowledgement and cut the
    connection (a network failure right after the relay committed), refuse connections while
    ``down``, and hide the replayed event of one message (so that only a re-send can settle
    it)."""

    def __init__(self) -> None:
        self.down = False
        self.cut_after_next_ack = False
        self.connections = 0
        self.swallowed: list[str] = []
        self.hide_event_of: str | None = None
        self._tasks: set[asyncio.Task[Any]] = set()

    async def route(self, route: WebSocketRoute) -> None:
        self.connections += 1
        if self.down:
            await route.close(code=1001, reason="network down")
            return
        server = route.connect_to_server()

        def from_relay(message: str | bytes) -> None:
            if self.cut_after_next_ack and '"message_acked"' in str(message):
                self.cut_after_next_ack = False
                self.down = True
                self.swallowed.append(str(message))
                task = asyncio.get_running_loop().create_task(route.close(code=1001))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
                return
            text = str(message)
            hidden = f'"client_msg_id":"{self.hide_event_of}"'
            if self.hide_event_of and '"event_push"' in text and hidden in text:
                return
            route.send(message)

        server.on_message(from_relay)
        route.on_message(server.send)


async def test_widget_reconnect_no_loss(relay: RelayHandle, browser: Browser) -> None:
    """X3, V5: a message whose acknowledgement is lost with the connection, and one written
    while offline and kept across a reload, both arrive exactly once after the reconnect: the
    widget re-sends its outbox with the same client_msg_id and the relay deduplicates (acks
    it again as a duplicate)."""
    link = FlakyLink()
    async with signed_in_agent(relay) as agent:
        wp = await open_widget_page(browser, relay.demo_url, route_ws=link.route)
        await wp.open()
        await wp.wait_ready()
        await wp.say("one")
        offer = await accept_next_chat(agent)
        chat_id = offer.chat.id
        await agent.send_message(chat_id, "uno")
        await wp.wait_text("uno", author="agent")

        link.cut_after_next_ack = True
        await wp.say("two")
        await agent_event(agent, lambda e: e.text == "two")  # committed on the relay
        await wait_until(lambda: link.swallowed)
        sending = wp.page.locator(f"{HOST} [data-testid=message][data-state=sending]")
        await expect(sending).to_have_count(1)
        await wp.say("three")  # written while the network is down
        await expect(sending).to_have_count(2)

        await wp.page.reload()  # the outbox lives in localStorage
        await expect(sending).to_have_count(2)
        assert await wp.texts() == ["one", "uno", "two", "three"]

        swallowed = p.decode_server(link.swallowed[0])
        assert isinstance(swallowed, p.MessageAcked)
        link.hide_event_of = swallowed.client_msg_id
        link.down = False
        await expect(sending).to_have_count(0, timeout=20_000)
        await agent_event(agent, lambda e: e.text == "three")
        await agent.send_message(chat_id, "dos")
        await wp.wait_text("dos", author="agent")
        assert await wp.texts() == ["one", "uno", "two", "three", "dos"]

        # Exactly one stored event per visitor message, though "two" was sent more than once.
        events = await agent.history(chat_id)
        visitor_texts = [e.text for e in events if e.kind == "message" and e.author == "visitor"]
        assert visitor_texts == ["one", "two", "three"]
        two_sends = [f for f in wp.sent_of("send_message") if f["text"] == "two"]
        assert len(two_sends) >= 2
        assert {f["client_msg_id"] for f in two_sends} == {swallowed.client_msg_id}
        # (Playwright reports the swallowed ack too: the page never got it.)
        acks = [f for f in wp.received if f.get("client_msg_id") == swallowed.client_msg_id]
        assert [a["duplicate"] for a in acks if a["type"] == "message_acked"][-1] is True
        assert link.connections >= 3
        assert wp.errors == []
        await wp.close()


async def test_widget_page_views_spa(relay: RelayHandle, browser: Browser) -> None:
    """V5: a page_view after the welcome and on each single-page-app navigation (pushState,
    hashchange, popstate; not a replaceState to the same URL), with title, referrer and UTM
    tags; the relay stores them for the visitor."""
    wp = await open_widget_page(browser, relay.demo_url)
    await wp.wait_ready()
    await wait_until(lambda: wp.sent_of("page_view"))
    first = wp.sent_of("page_view")[0]
    assert first["url"] == relay.demo_url and first["title"] == "Verde Home: plants and pots"

    page2 = f"{relay.demo_url}?page=2&utm_source=news&utm_medium=email&utm_campaign=spring"
    await wp.page.evaluate(
        "(url) => { history.pushState({}, '', url); document.title = 'Care guides'; }", page2
    )
    await wait_until(lambda: len(wp.sent_of("page_view")) == 2)
    await wp.page.evaluate("history.replaceState({x: 1}, '', location.href)")
    await wp.page.evaluate("location.hash = 'reviews'")
    await wait_until(lambda: len(wp.sent_of("page_view")) == 3)
    await wp.page.evaluate("history.back()")
    await wait_until(lambda: len(wp.sent_of("page_view")) == 4)
    await wp.page.wait_for_timeout(300)  # nothing more comes (no view for the replaceState)

    views = wp.sent_of("page_view")
    assert [v["url"] for v in views] == [relay.demo_url, page2, page2 + "#reviews", page2]
    assert views[1]["title"] == "Care guides"
    assert views[1]["referrer"] == relay.demo_url
    assert views[1]["utm"] == {
        "source": "news",
        "medium": "email",
        "campaign": "spring",
        "term": "",
        "content": "",
    }
    assert views[2]["referrer"] == page2

    # A real link: a new page load, the same visitor, a hello and a view of page 3.
    await wp.page.locator("a[href='/demo?page=3']").first.click()
    await wait_until(lambda: len(wp.sent_of("page_view")) == 5)
    assert wp.sent_of("visitor_hello")[1]["page_url"] == f"{relay.demo_url}?page=3"
    welcomes = [f for f in wp.received if f["type"] == "visitor_welcome"]
    assert len({f["visitor_id"] for f in welcomes}) == 1

    async def stored() -> list[str]:
        async with relay.relay.engine.connect() as db:
            rows = await db.execute(sa.select(page_views.c.url).order_by(page_views.c.id))
            return [r.url for r in rows]

    await wait_until(lambda: _len_is(stored(), 5))
    assert await stored() == [v["url"] for v in wp.sent_of("page_view")]
    assert wp.errors == []
    await wp.close()


async def _len_is(rows: Any, n: int) -> bool:
    with contextlib.suppress(Exception):
        return len(await rows) == n
    return False
