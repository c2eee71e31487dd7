"""Departments (T4), an agent's own chat limit (T3) and a site's routing settings (K1) on the
relay: set by admins only, and used by routing. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from server.chats import ladder
from tests.server.test_routing import busy_with_one_chat, new_chat, offer_of
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor


@asynccontextmanager
async def team(relay: RelayHandle) -> AsyncIterator[tuple[AgentClient, AgentClient]]:
    boss, ana = AgentClient(relay.ws_url), AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    await ana.sign_in(relay.agent_email, relay.agent_password)
    await boss.wait_synced()
    await ana.wait_synced()
    try:
        yield boss, ana
    finally:
        await boss.close()
        await ana.close()


def me(client: AgentClient) -> int:
    assert client.welcome is not None
    return client.welcome.agent.id


async def department(boss: AgentClient, name: str) -> int:
    answer = await boss.request(lambda i: p.SaveDepartment(id=i, name=name))
    assert isinstance(answer, p.DepartmentsList)
    return next(d.id for d in answer.departments if d.name == name)


async def demo_site(boss: AgentClient) -> p.SiteInfo:
    answer = await boss.request(lambda i: p.ListSites(id=i))
    assert isinstance(answer, p.SitesList)
    return answer.sites[0]


async def save_site(boss: AgentClient, site: p.SiteInfo, **values: object) -> p.SiteInfo:
    answer = await boss.request(
        lambda i: p.SaveSite(
            id=i, site_id=site.id, name=site.name, language=site.language,
            origins=site.origins, enabled=site.enabled, **values,  # type: ignore[arg-type]
        )
    )  # fmt: skip
    assert isinstance(answer, p.SiteSaved)
    return answer.site


async def test_t3_t4_k1_admins_set_departments_limits_and_site_routing_agents_cannot(
    relay_any_db: RelayHandle,
) -> None:
    """T3: an admin changes an agent's role, departments and own chat limit; T4: departments
    exist, agents belong to them, sites route to them, every agent learns them (welcome and
    ``departments_changed``); K1: the site's routing rule, chat limit, offer time-out and sneak
    peek are saved with the site. The relay refuses all of it to an agent."""
    relay = relay_any_db
    async with team(relay) as (boss, ana):
        sales = await department(boss, "Ventas")
        support = await department(boss, "Soporte")
        with pytest.raises(RelayError) as same:
            await boss.request(lambda i: p.SaveDepartment(id=i, name="ventas"))
        assert same.value.code == "duplicate"
        mark = len(ana.received)
        saved = await boss.request(
            lambda i: p.UpdateAgent(
                id=i, agent_id=me(ana), department_ids=[support], chat_limit=2, role="agent"
            )
        )
        assert isinstance(saved, p.TeammateSaved)
        assert saved.teammate.department_ids == [support] and saved.teammate.chat_limit == 2
        changed = await ana.wait_for_type(p.DepartmentsChanged, since=mark)
        assert {d.name: d.agent_ids for d in changed.departments} == {
            "Ventas": [], "Soporte": [me(ana)]
        }  # fmt: skip
        site = await save_site(
            boss, await demo_site(boss), department_ids=[sales, support], routing_rule="all",
            chat_limit=3, offer_timeout=25.0, sneak_peek=True,
        )  # fmt: skip
        assert (site.routing_rule, site.chat_limit, site.offer_timeout, site.sneak_peek) == (
            "all", 3, 25.0, True
        )  # fmt: skip
        assert site.department_ids == sorted([sales, support])
        # Saving the site's name alone keeps its routing.
        kept = await save_site(boss, site)
        assert (kept.routing_rule, kept.chat_limit, kept.department_ids) == (
            "all", 3, site.department_ids
        )  # fmt: skip
        listed = await boss.request(lambda i: p.ListTeammates(id=i))
        assert isinstance(listed, p.TeammatesList)
        mate = next(m for m in listed.teammates if m.id == me(ana))
        assert mate.department_ids == [support] and mate.chat_limit == 2
        again = AgentClient(relay.ws_url)
        welcome = await again.sign_in(relay.agent_email, relay.agent_password)
        assert {d.name for d in welcome.departments} == {"Ventas", "Soporte"}
        await again.close()
        for make in (
            lambda i: p.SaveDepartment(id=i, name="Mío"),
            lambda i: p.DeleteDepartment(id=i, department_id=sales),
            lambda i: p.UpdateAgent(id=i, agent_id=me(ana), chat_limit=50),
            lambda i: p.SaveSite(id=i, site_id=site.id, name=site.name, routing_rule="all"),
        ):
            with pytest.raises(RelayError) as refused:
                await ana.request(make)
            assert refused.value.code == "forbidden"
        gone = await boss.request(lambda i: p.DeleteDepartment(id=i, department_id=sales))
        assert isinstance(gone, p.DepartmentsList)
        assert [d.name for d in gone.departments] == ["Soporte"]


async def test_t4_a_sites_department_gets_the_first_offer(relay_any_db: RelayHandle) -> None:
    """T4: a site that routes to the Soporte department offers a new chat to Soporte's agent
    first (Ana), not to the least busy agent of the account (Boss, lower id); her Ignore
    offers it to everyone else (N3)."""
    relay = relay_any_db
    async with team(relay) as (boss, ana):
        support = await department(boss, "Soporte")
        await boss.request(
            lambda i: p.UpdateAgent(id=i, agent_id=me(ana), department_ids=[support])
        )
        await save_site(boss, await demo_site(boss), department_ids=[support])
        marks = [len(boss.received), len(ana.received)]
        visitor, chat_id = await new_chat(relay)
        await ana.wait_for(offer_of(chat_id, ladder.FIRST_ROUND), since=marks[1])
        await boss.ping()
        assert not [f for f in boss.received[marks[0] :] if isinstance(f, p.ChatOffered)]
        await ana.request(lambda i: p.IgnoreChat(id=i, chat_id=chat_id))
        await boss.wait_for(offer_of(chat_id, ladder.ALL_ROUND), since=marks[0])
        await visitor.close()


async def test_t4_the_visitor_picks_a_department_in_the_widget(relay: RelayHandle) -> None:
    """T4: the welcome of a site with several departments lists them (names only); the
    visitor's pick (``choose_department``) sends its next chat to that department's agent;
    a department of no site of the visitor's is refused."""
    async with team(relay) as (boss, ana):
        sales = await department(boss, "Ventas")
        support = await department(boss, "Soporte")
        other = await department(boss, "Interno")
        await boss.request(lambda i: p.UpdateAgent(id=i, agent_id=me(boss), department_ids=[sales]))
        await boss.request(
            lambda i: p.UpdateAgent(id=i, agent_id=me(ana), department_ids=[support])
        )
        await save_site(boss, await demo_site(boss), department_ids=[sales, support])
        visitor = Visitor(relay.ws_url, relay.site_key)
        welcome = await visitor.connect()
        assert isinstance(welcome, p.VisitorWelcome)
        assert sorted(d.name for d in welcome.departments) == ["Soporte", "Ventas"]
        assert welcome.department_id is None
        refused = await visitor.answer(
            visitor.send_frame(lambda i: p.ChooseDepartment(id=i, department_id=other))
        )
        assert isinstance(refused, p.Error) and refused.code == "not_found"
        ok = await visitor.answer(
            visitor.send_frame(lambda i: p.ChooseDepartment(id=i, department_id=support))
        )
        assert isinstance(ok, p.Ok)
        marks = [len(boss.received), len(ana.received)]
        ack = await visitor.say("una pregunta de soporte")
        assert isinstance(ack, p.MessageAcked)
        await ana.wait_for(offer_of(ack.chat_id, ladder.FIRST_ROUND), since=marks[1])
        await boss.ping()
        assert not [f for f in boss.received[marks[0] :] if isinstance(f, p.ChatOffered)]
        await visitor.close()
        back = Visitor(relay.ws_url, relay.site_key)
        back.token = visitor.token
        again = await back.connect()
        assert isinstance(again, p.VisitorWelcome) and again.department_id == support
        await back.close()


async def test_t3_an_agents_own_chat_limit_comes_before_the_sites(relay: RelayHandle) -> None:
    """T3: an agent whose own limit is 1 and who has one open chat gets no new offer, although
    the site has no limit; a colleague does."""
    await relay.offer_to_everyone()
    async with team(relay) as (boss, ana):
        first = await busy_with_one_chat(relay, ana)
        await boss.request(lambda i: p.UpdateAgent(id=i, agent_id=me(ana), chat_limit=1))
        marks = [len(boss.received), len(ana.received)]
        visitor, chat_id = await new_chat(relay, "second")
        await boss.wait_for(offer_of(chat_id, ladder.ALL_ROUND), since=marks[0])
        await ana.ping()
        assert not [f for f in ana.received[marks[1] :] if isinstance(f, p.ChatOffered)]
        await first.close()
        await visitor.close()
