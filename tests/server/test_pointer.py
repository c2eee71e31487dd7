"""C15 on the relay: a one-time pointer token bound to the agent and the chat, expiring; the
pick it carries reaches the visitor as a ``pointer`` event; nothing else is granted."""

from __future__ import annotations

import json
import time

import pytest
import sqlalchemy as sa

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from server.store.schema import pointer_tokens
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor


async def _pick(browser: Visitor, token: str, selector: str = "#price") -> p.Frame:
    rid = browser.send_frame(
        lambda i: p.PointerPick(
            id=i, token=token, selector=selector, comment="Aquí está el precio",
            page_url="https://shop.example/plants",
        )
    )  # fmt: skip
    return await browser.answer(rid)


async def test_c15_pointer_token_once_for_the_agent_and_chat(relay_any_db: RelayHandle) -> None:
    relay = relay_any_db  # SQLite and PostgreSQL (its upsert / compare-and-set)
    """C15: the agent in the chat gets the visitor's current page with a token in its fragment;
    the widget in the agent's browser (a visitor connection of its own) sends the pick once and
    the chat's visitor receives a ``pointer`` event with the comment, the selector and the page;
    the same token again, an expired one, a made-up one are ``not_found``; an agent outside
    the chat cannot make one; the token's connection gets no access to the chat."""
    await relay.offer_to_everyone()
    ana, boss = AgentClient(relay.ws_url), AgentClient(relay.ws_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    visitor = Visitor(relay.ws_url, relay.site_key)
    browser = Visitor(relay.ws_url, relay.site_key)  # the agent's own browser, on the site
    try:
        await visitor.connect(page_url="https://shop.example/plants")
        await visitor.say("¿Cuánto cuesta?")
        offer = await ana.wait_for_type(p.ChatOffered)
        await ana.accept(offer.chat.id)
        chat_id = offer.chat.id
        with pytest.raises(RelayError) as outside:
            await boss.create_pointer(chat_id)
        assert outside.value.code == "not_in_chat"

        made = await ana.create_pointer(chat_id)
        assert made.url.startswith("https://shop.example/plants#jivo-pointer=")
        token = made.url.split("jivo-pointer=", 1)[1]
        assert made.expires_at - time.time() == pytest.approx(p.POINTER_SECONDS, abs=5)

        await browser.connect(page_url=made.url)
        assert isinstance(await _pick(browser, token), p.Ok)
        got = await visitor.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.kind == "pointer"
        )
        assert got.event.author == "agent" and got.event.author_name == "Ana"
        assert json.loads(got.event.text) == {
            "comment": "Aquí está el precio",
            "selector": "#price",
            "url": "https://shop.example/plants",
        }
        again = await _pick(browser, token)
        assert isinstance(again, p.Error) and again.code == "not_found"
        made_up = await _pick(browser, "x" * 32)
        assert isinstance(made_up, p.Error) and made_up.code == "not_found"

        second = await ana.create_pointer(chat_id)
        late = second.url.split("jivo-pointer=", 1)[1]
        async with relay.relay.engine.begin() as conn:
            await conn.execute(sa.update(pointer_tokens).values(expires_at=time.time() - 1))
        expired = await _pick(browser, late)
        assert isinstance(expired, p.Error) and expired.code == "not_found"

        # the token gave the browser's connection nothing: it has no chat of its own
        rid = browser.send_frame(
            lambda i: p.History(id=i, chat_id=chat_id)  # an agent frame
        )
        refused = await browser.answer(rid)
        assert isinstance(refused, p.Error) and refused.code == "forbidden"
        history = await ana.history(chat_id)
        assert [e.kind for e in history].count("pointer") == 1
    finally:
        await browser.close()
        await visitor.close()
        await ana.close()
        await boss.close()
