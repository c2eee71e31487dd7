"""Routing bugs found by the newcomer (B2, B3, B7): the Visitantes chat column, the background
tab after a page change, and the invitation on the agent's side."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from server import protocol as p
from tests.server.test_visitors import known, until_row, view, visitor_at, watching
from tests.support.relay import RelayHandle, running_relay
from tests.support.visitor import Visitor


@pytest.fixture
async def quick(tmp_path: Path, sqlite_url: str) -> AsyncIterator[RelayHandle]:
    async with running_relay(sqlite_url, visitors_push_interval=0.05) as handle:
        yield handle


async def _ping(visitor: Visitor) -> None:
    await visitor.answer(visitor.send_frame(lambda i: p.Ping(id=i)))


async def test_b2_visitantes_shows_offered_and_accepted_chats(quick: RelayHandle) -> None:
    """B2: a chat offered the normal way (through the router, to one agent's topic) shows as
    waiting in Visitantes, and as "in chat with <agent>" once accepted."""
    relay = quick
    boss = await watching(relay)
    visitor = await visitor_at(relay, None)
    assert visitor.visitor_id is not None
    await until_row(boss, visitor.visitor_id, lambda r: r.online)
    ack = await visitor.say("hola")
    assert isinstance(ack, p.MessageAcked)
    await until_row(boss, visitor.visitor_id, lambda r: r.chat_state == "offered")
    await boss.wait_for(lambda f: isinstance(f, p.ChatOffered) and f.chat.id == ack.chat_id)
    await boss.accept(ack.chat_id)
    row = await until_row(boss, visitor.visitor_id, lambda r: r.chat_state == "active")
    assert row.chat_agent == "Boss"
    await visitor.close()
    await boss.close()


async def test_b3_moving_to_another_page_is_not_a_background_tab(quick: RelayHandle) -> None:
    """B3: the old page says "hidden" as it goes, after the new page's hello: the visitor,
    whose new page is in front, is not shown as in a background tab."""
    relay = quick
    boss = await watching(relay)
    old_page = await visitor_at(relay, None)
    assert old_page.visitor_id is not None
    new_page = await visitor_at(relay, None, token=old_page.token)
    assert new_page.visitor_id == old_page.visitor_id
    assert old_page.ws is not None
    await old_page.ws.send(p.encode(p.PageHidden(hidden=True)))
    await _ping(old_page)
    await old_page.close()
    await view(new_page, "https://shop.example/page-2", "Page 2")
    row = await until_row(boss, new_page.visitor_id, lambda r: r.page_title == "Page 2")
    assert not row.hidden
    # A page really put in the background still reads hidden.
    assert new_page.ws is not None
    await new_page.ws.send(p.encode(p.PageHidden(hidden=True)))
    await until_row(boss, new_page.visitor_id, lambda r: r.hidden)
    assert known(boss)[new_page.visitor_id].hidden
    await new_page.close()
    await boss.close()


async def test_b7_agent_side_of_an_invited_chat_starts_with_the_invitation(
    quick: RelayHandle,
) -> None:
    """B7: a chat that began with a manual invitation shows the invitation, from the inviting
    agent, before the visitor's reply on the agent's side."""
    relay = quick
    boss = await watching(relay)
    visitor = await visitor_at(relay, None)
    assert visitor.visitor_id is not None
    await until_row(boss, visitor.visitor_id, lambda r: r.online)
    text = "¡Hola! ¿Puedo ayudarle en algo?"
    await boss.request(lambda i: p.InviteVisitor(id=i, visitor_id=visitor.visitor_id, text=text))
    await visitor.wait_for(lambda f: isinstance(f, p.VisitorInvitation))
    ack = await visitor.say("sí, una pregunta")
    assert isinstance(ack, p.MessageAcked)
    await boss.wait_for(lambda f: isinstance(f, p.ChatOpened) and f.chat.id == ack.chat_id)
    events = await boss.history(ack.chat_id)
    messages = [(e.author, e.author_name, e.text) for e in events if e.kind == "message"]
    assert messages == [("agent", "Boss", text), ("visitor", "", "sí, una pregunta")]
    await visitor.close()
    await boss.close()
