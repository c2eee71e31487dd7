"""Routing bugs found by the newcomer (B2, B3, B7): the Visitantes chat column, the background
tab after a page change, and the invitation on the agent's side."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.store.db import read
from server.store.schema import agent_dropouts, agents
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


async def test_b6_a_dropped_agents_chat_goes_back_to_routing_after_the_grace_period(
    sqlite_url: str,
) -> None:
    """B6: Ana, in a chat, quits; after the grace period (a DB timer row) her chat is offered
    to the online colleague with its history, and the visitor's widget is told (``requeued``:
    an agent will be with them shortly). The colleague accepts and answers."""
    async with running_relay(sqlite_url, orphan_grace=0.3) as relay:
        ana = AgentClient(relay.ws_url)
        await ana.sign_in(relay.agent_email, relay.agent_password)
        await ana.wait_synced()
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        ack = await visitor.say("hola, ¿Ana?")
        assert isinstance(ack, p.MessageAcked)
        chat_id = ack.chat_id
        await ana.wait_for(lambda f: isinstance(f, p.ChatOffered) and f.chat.id == chat_id)
        await ana.accept(chat_id)
        await ana.send_message(chat_id, "Hola, soy Ana")
        boss = AgentClient(relay.ws_url)
        await boss.sign_in(relay.admin_email, relay.admin_password)
        await boss.wait_synced()
        await ana.close()  # Ana quits
        await visitor.say("¿Hola? ¿Ana?")
        offer = await boss.wait_for(
            lambda f: isinstance(f, p.ChatOffered) and f.chat.id == chat_id, timeout=20
        )
        assert offer.chat.state == "offered"
        told = await visitor.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.kind == "requeued"
        )
        assert told.event.author_name == "Ana"
        await boss.accept(chat_id)
        texts = [e.text for e in await boss.history(chat_id) if e.kind == "message"]
        assert texts == ["hola, ¿Ana?", "Hola, soy Ana", "¿Hola? ¿Ana?"]
        await boss.send_message(chat_id, "Le atiendo yo")
        await visitor.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.text == "Le atiendo yo"
        )
        assert relay.relay.router.requeued == 1
        await visitor.close()
        await boss.close()


async def test_b6_an_agent_back_within_the_grace_period_keeps_her_chats(
    sqlite_url: str,
) -> None:
    """B6: an agent whose connection drops and comes back before the grace period ends keeps
    her chats: her drop-out timer row is gone once she is back, and the chat is still hers."""
    async with running_relay(sqlite_url, orphan_grace=600) as relay:
        ana = AgentClient(relay.ws_url)
        await ana.sign_in(relay.agent_email, relay.agent_password)
        await ana.wait_synced()
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        ack = await visitor.say("hola")
        assert isinstance(ack, p.MessageAcked)
        await ana.wait_for(lambda f: isinstance(f, p.ChatOffered) and f.chat.id == ack.chat_id)
        await ana.accept(ack.chat_id)
        boss = AgentClient(relay.ws_url)
        await boss.sign_in(relay.admin_email, relay.admin_password)
        await ana.close()
        await boss.wait_for(
            lambda f: (
                isinstance(f, p.AgentPresence)
                and f.agent.email == relay.agent_email
                and f.agent.status == "offline"
            )
        )
        await boss.close()
        assert await _dropouts(relay) == [relay_agent_id := await _agent_id(relay)]
        back = AgentClient(relay.ws_url)
        welcome = await back.sign_in(relay.agent_email, relay.agent_password)
        assert relay_agent_id == welcome.agent.id
        assert await _dropouts(relay) == []
        assert [c.id for c in welcome.chats if c.state == "active"] == [ack.chat_id]
        await back.close()
        await visitor.close()


async def _dropouts(relay: RelayHandle) -> list[int]:
    def query(db: sa.Connection) -> list[int]:
        return [int(a) for a in db.execute(sa.select(agent_dropouts.c.agent_id)).scalars()]

    return await read(relay.relay.engine, query)


async def _agent_id(relay: RelayHandle) -> int:
    def query(db: sa.Connection) -> int:
        return int(
            db.execute(sa.select(agents.c.id).where(agents.c.email == relay.agent_email)).scalar()
        )

    return await read(relay.relay.engine, query)
