"""Routing and the ignore ladder on the relay (N3, C5, chat limit, away), SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import pytest
import sqlalchemy as sa

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from server.chats import ladder
from server.store.db import read
from server.store.schema import routing_steps, sites
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor

BEA_EMAIL, BEA_PASSWORD = "bea@example.com", "agent-password-2"


async def site_settings(relay: RelayHandle, **values: object) -> None:
    def site_id(db: sa.Connection) -> int:
        return int(db.execute(sa.select(sites.c.id).where(sites.c.key == relay.site_key)).scalar())

    sid = await read(relay.relay.engine, site_id)
    await relay.relay.writer.run(ladder.update_site(sid, **values))  # type: ignore[arg-type]


async def steps(relay: RelayHandle, chat_id: int) -> list[tuple[str, int, str, int | None, str]]:
    def query(db: sa.Connection) -> list[tuple[str, int, str, int | None, str]]:
        rows = db.execute(
            sa.select(routing_steps)
            .where(routing_steps.c.chat_id == chat_id)
            .order_by(routing_steps.c.id)
        )
        return [(r.step, r.round, r.reason, r.agent_id, r.agents) for r in rows]

    return await read(relay.relay.engine, query)


@asynccontextmanager
async def two_agents(relay: RelayHandle) -> AsyncIterator[tuple[AgentClient, AgentClient]]:
    await relay.add_agent(BEA_EMAIL, BEA_PASSWORD, "Bea")
    ana, bea = AgentClient(relay.ws_url), AgentClient(relay.ws_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)
    await bea.sign_in(BEA_EMAIL, BEA_PASSWORD)
    await ana.wait_synced()
    await bea.wait_synced()
    try:
        yield ana, bea
    finally:
        await ana.close()
        await bea.close()


def offer_of(chat_id: int, round_: int) -> Callable[[object], bool]:
    return lambda f: (
        isinstance(f, p.ChatOffered) and f.chat.id == chat_id and f.chat.offer_round == round_
    )


async def new_chat(relay: RelayHandle, text: str = "hola") -> tuple[Visitor, int]:
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    ack = await visitor.say(text)
    assert isinstance(ack, p.MessageAcked), ack
    return visitor, ack.chat_id


async def busy_with_one_chat(relay: RelayHandle, agent: AgentClient) -> Visitor:
    """Give ``agent`` one open chat (it accepts a chat offered to it)."""
    since = len(agent.received)
    visitor, chat_id = await new_chat(relay, "first")
    await agent.wait_for(
        lambda f: isinstance(f, p.ChatOffered) and f.chat.id == chat_id, since=since
    )
    await agent.accept(chat_id)
    return visitor


async def test_ignore_ladder_ends_missed_with_every_step_stored(
    relay_any_db: RelayHandle,
) -> None:
    """N3: offered to every online agent; when all ignore it, it comes back two more times;
    ignored again it is missed: the visitor gets the ``missed`` event, nobody can accept it,
    and each step is a row of routing_steps."""
    relay = relay_any_db
    await site_settings(relay, rule="all")
    async with two_agents(relay) as (ana, bea):
        visitor, chat_id = await new_chat(relay)
        for agent in (ana, bea):
            offer = await agent.wait_for(offer_of(chat_id, ladder.ALL_ROUND))
            assert offer.chat.state == "offered"
        for round_ in (1, 2, 3):
            marks = [len(ana.received), len(bea.received)]
            await ana.request(lambda i: p.IgnoreChat(id=i, chat_id=chat_id))
            await ana.request(lambda i: p.IgnoreChat(id=i, chat_id=chat_id))  # twice: harmless
            await bea.request(lambda i: p.IgnoreChat(id=i, chat_id=chat_id))
            if round_ < 3:  # the toast comes back on both screens
                await ana.wait_for(offer_of(chat_id, round_ + 1), since=marks[0])
                await bea.wait_for(offer_of(chat_id, round_ + 1), since=marks[1])
        missed = await visitor.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.kind == "missed"
        )
        assert missed.event.chat_id == chat_id
        for agent in (ana, bea):
            gone = await agent.wait_for(
                lambda f: isinstance(f, p.ChatStateChanged) and f.chat.id == chat_id
            )
            assert gone.chat.state == "missed"
        with pytest.raises(RelayError) as refused:
            await ana.accept(chat_id)
        assert refused.value.code == "chat_closed"
        with pytest.raises(RelayError):
            await ana.send_message(chat_id, "too late")
        # Nobody is offered it any more, also after a reconnect.
        again = AgentClient(relay.ws_url)
        welcome = await again.sign_in(relay.agent_email, relay.agent_password)
        assert chat_id not in [c.id for c in welcome.chats]
        await again.close()
        rows = await steps(relay, chat_id)
        assert [(s, r) for s, r, *_ in rows] == [
            ("offered", 1), ("ignored", 1), ("ignored", 1),
            ("offered", 2), ("ignored", 2), ("ignored", 2),
            ("offered", 3), ("ignored", 3), ("ignored", 3),
            ("missed", 3),
        ]  # fmt: skip
        assert rows[0][2] == "all" and rows[3][2] == "ignored"
        await visitor.close()


async def test_time_out_moves_the_ladder_without_anyone_ignoring(relay: RelayHandle) -> None:
    """N3: an offer nobody answers moves up the ladder when its time (a site setting) runs out,
    and ends missed."""
    await site_settings(relay, rule="all", timeout=0.3)
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    await agent.wait_synced()
    visitor, chat_id = await new_chat(relay)
    for round_ in (1, 2, 3):
        await agent.wait_for(offer_of(chat_id, round_))
    await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.kind == "missed")
    rows = await steps(relay, chat_id)
    assert [s for s, *_ in rows] == ["offered", "offered", "offered", "missed"]
    assert {reason for _s, r, reason, *_ in rows if r > 1} == {"timeout"}
    assert relay.relay.router.timeouts == 3
    await agent.close()
    await visitor.close()


async def test_least_busy_first_then_everyone_on_the_first_ignore(
    relay_any_db: RelayHandle,
) -> None:
    """Routing rule least busy: the new chat goes to the online agent with fewest open chats;
    its Ignore offers it to every other online agent (N3), who ignoring it brings it back to
    both."""
    relay = relay_any_db
    await site_settings(relay, rule="least_busy")
    async with two_agents(relay) as (ana, bea):
        first = await busy_with_one_chat(relay, ana)  # least busy goes to Ana: both had 0
        marks = [len(ana.received), len(bea.received)]
        visitor, chat_id = await new_chat(relay, "second")
        offer = await bea.wait_for(offer_of(chat_id, ladder.FIRST_ROUND), since=marks[1])
        assert offer.chat.offer_round == 0
        # While the round offers it to Bea only, Ana cannot take it.
        with pytest.raises(RelayError) as refused:
            await ana.accept(chat_id)
        assert refused.value.code == "chat_taken" and "colleague" in str(refused.value)
        await bea.request(lambda i: p.IgnoreChat(id=i, chat_id=chat_id))
        await ana.wait_for(offer_of(chat_id, ladder.ALL_ROUND), since=marks[0])
        assert not [f for f in ana.received[marks[0] :] if offer_of(chat_id, 0)(f)]
        assert not [f for f in bea.received[marks[1] :] if offer_of(chat_id, 1)(f)]
        await ana.request(lambda i: p.IgnoreChat(id=i, chat_id=chat_id))
        await bea.wait_for(offer_of(chat_id, 2), since=marks[1])
        await ana.wait_for(offer_of(chat_id, 2), since=marks[0])
        rows = await steps(relay, chat_id)
        assert rows[0][:3] == ("offered", 0, "least_busy")
        await first.close()
        await visitor.close()


async def test_assigned_agent_gets_the_chat_first_and_away_agents_none(
    relay_any_db: RelayHandle,
) -> None:
    """C5: a client bound to an agent is offered to that agent alone while it is online; an
    away agent (its own client's included) gets no new chat."""
    relay = relay_any_db
    await site_settings(relay, rule="all")
    async with two_agents(relay) as (ana, bea):
        ana_id = ana.welcome.agent.id if ana.welcome else 0
        visitor = Visitor(relay.ws_url, relay.site_key)
        hello = await visitor.connect()
        assert isinstance(hello, p.VisitorWelcome)
        await bea.request(
            lambda i: p.SetAssignedAgent(id=i, visitor_id=hello.visitor_id, agent_id=ana_id)
        )
        marks = [len(ana.received), len(bea.received)]
        ack = await visitor.say("soy cliente de Ana")
        chat_id = ack.chat_id
        offer = await ana.wait_for(offer_of(chat_id, 0), since=marks[0])
        assert offer.chat.visitor.assigned_agent_id == ana_id
        await ana.accept(chat_id)
        assert not [f for f in bea.received[marks[1] :] if isinstance(f, p.ChatOffered)]
        await ana.close_chat(chat_id)

        await ana.set_status("away")
        marks = [len(ana.received), len(bea.received)]
        await visitor.say("otra vez")
        offer = await bea.wait_for(lambda f: isinstance(f, p.ChatOffered), since=marks[1])
        assert offer.chat.offer_round == ladder.ALL_ROUND
        await bea.ping()
        assert not [f for f in ana.received[marks[0] :] if isinstance(f, p.ChatOffered)]
        with pytest.raises(RelayError):
            await bea.request(lambda i: p.SetAssignedAgent(id=i, visitor_id=999999, agent_id=1))
        await visitor.close()


async def test_chat_limit_skips_agents_that_are_full(relay_any_db: RelayHandle) -> None:
    """Per-agent limit (site setting): an agent with as many open chats as the limit gets no
    new offer; the others do."""
    relay = relay_any_db
    await site_settings(relay, rule="all")
    async with two_agents(relay) as (ana, bea):
        first = await busy_with_one_chat(relay, ana)
        await site_settings(relay, limit=1)
        marks = [len(ana.received), len(bea.received)]
        visitor, chat_id = await new_chat(relay, "second")
        await bea.wait_for(offer_of(chat_id, ladder.ALL_ROUND), since=marks[1])
        await ana.ping()
        assert not [f for f in ana.received[marks[0] :] if isinstance(f, p.ChatOffered)]
        rows = await steps(relay, chat_id)
        assert rows[0][4] == "all"
        # Bea alone ignoring ends the round: Ana, full, is not waited for.
        await bea.request(lambda i: p.IgnoreChat(id=i, chat_id=chat_id))
        await bea.wait_for(offer_of(chat_id, 2), since=marks[1])
        await first.close()
        await visitor.close()


async def test_n3_default_first_offer_to_one_agent_then_everyone_then_missed(
    relay_any_db: RelayHandle,
) -> None:
    """N3 by default (no site setting): the first offer goes to ONE agent (the least busy);
    "Cuando se pulsa el botón Ignorar por primera vez la solicitud de chat será enviada a todos
    los agentes en línea"; then it comes back twice more; then it is missed."""
    relay = relay_any_db
    async with two_agents(relay) as (ana, bea):
        first = await busy_with_one_chat(relay, ana)  # both had 0: the lower id, Ana
        marks = [len(ana.received), len(bea.received)]
        visitor, chat_id = await new_chat(relay, "second")
        offer = await bea.wait_for(offer_of(chat_id, ladder.FIRST_ROUND), since=marks[1])
        assert offer.chat.state == "offered"
        await ana.ping()
        assert not [f for f in ana.received[marks[0] :] if offer_of(chat_id, 0)(f)]
        await bea.request(lambda i: p.IgnoreChat(id=i, chat_id=chat_id))
        await ana.wait_for(offer_of(chat_id, ladder.ALL_ROUND), since=marks[0])
        await ana.request(lambda i: p.IgnoreChat(id=i, chat_id=chat_id))
        for round_ in (2, 3):
            marks = [len(ana.received), len(bea.received)]
            await ana.wait_for(offer_of(chat_id, round_), since=0)
            await bea.wait_for(offer_of(chat_id, round_), since=0)
            await ana.request(lambda i: p.IgnoreChat(id=i, chat_id=chat_id))
            await bea.request(lambda i: p.IgnoreChat(id=i, chat_id=chat_id))
        await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.kind == "missed")
        rows = await steps(relay, chat_id)
        offered = [(r, reason) for s, r, reason, *_ in rows if s == "offered"]
        assert offered == [(0, "least_busy"), (1, "ignored"), (2, "ignored"), (3, "ignored")]
        assert rows[-1][:2] == ("missed", 3)
        await first.close()
        await visitor.close()
