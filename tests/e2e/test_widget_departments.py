"""The widget's departments module (T4) and the "another agent will be with you" line (B6), in
headless Chromium against a real relay."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser, expect

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.e2e.widget_support import accept_next_chat, open_widget_page, signed_in_agent
from tests.support.relay import RelayHandle, running_relay

pytestmark = pytest.mark.browser


async def _departments(boss: AgentClient, *names: str) -> list[int]:
    ids = []
    for name in names:
        answer = await boss.request(lambda i, n=name: p.SaveDepartment(id=i, name=n))
        assert isinstance(answer, p.DepartmentsList)
        ids.append(next(d.id for d in answer.departments if d.name == name))
    return ids


async def test_t4_the_visitor_picks_a_department_and_its_agent_gets_the_chat(
    relay: RelayHandle, browser: Browser, artifacts: Path
) -> None:
    """T4: on a site with two departments the widget (its lazily loaded departments module)
    asks whom the visitor wants to talk to; the pick goes to the relay, and the chat is offered
    to that department's agent first."""
    async with signed_in_agent(relay) as boss:
        sales, support = await _departments(boss, "Ventas", "Soporte")
        assert boss.welcome is not None
        await boss.request(
            lambda i: p.UpdateAgent(id=i, agent_id=boss.welcome.agent.id, department_ids=[sales])  # type: ignore[union-attr]
        )
        sites = await boss.request(lambda i: p.ListSites(id=i))
        assert isinstance(sites, p.SitesList)
        site = sites.sites[0]
        await boss.request(
            lambda i: p.SaveSite(
                id=i, site_id=site.id, name=site.name, department_ids=[sales, support]
            )
        )
        wp = await open_widget_page(browser, relay.demo_url)
        await wp.open()
        await wp.wait_ready()
        picker = wp.el("departments")
        await expect(picker).to_be_visible()
        await expect(wp.el("department")).to_have_count(2)
        await wp.page.locator(
            "#jivo-chat-widget [data-testid=department]", has_text="Ventas"
        ).click()
        await expect(wp.el("department-picked")).to_contain_text("Ventas")
        assert [f["department_id"] for f in wp.sent_of("choose_department")] == [sales]
        await wp.shot(artifacts / "widget-departments.png")
        await wp.say("quiero comprar")
        offer = await boss.wait_for(lambda f: isinstance(f, p.ChatOffered))
        assert offer.chat.offer_round == 0
        assert wp.errors == []
        await wp.close()


async def test_b6_the_widget_says_another_agent_will_come(
    sqlite_url: str, browser: Browser, artifacts: Path
) -> None:
    """B6: the visitor's agent quits; after the grace period the widget says another agent
    will be with them shortly (in the visitor's language), and the colleague who takes the
    chat answers."""
    async with running_relay(sqlite_url, orphan_grace=0.3) as relay:
        async with signed_in_agent(relay, relay.agent_email, relay.agent_password) as ana:
            wp = await open_widget_page(browser, relay.demo_url)
            await wp.open()
            await wp.wait_ready()
            await wp.say("hola")
            await accept_next_chat(ana)
            boss = AgentClient(relay.ws_url)
            await boss.sign_in(relay.admin_email, relay.admin_password)
            await boss.wait_synced()
        # Ana's client closed: she quit.
        line = wp.page.locator("#jivo-chat-widget [data-testid=system][data-kind=requeued]")
        await expect(line).to_contain_text("Another agent will be with you shortly")
        await accept_next_chat(boss)
        await wp.shot(artifacts / "widget-requeued.png")
        assert wp.errors == []
        await boss.close()
        await wp.close()
