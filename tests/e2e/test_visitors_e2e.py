"""Visitors in headless Chromium browsing a small multi-page shop (links with referrers and
UTM), through a trusted reverse proxy that sets their addresses: the Visitantes page and the
client panel show the right pages, history, counts, source and place (V1, C4); manual (V2) and
automatic (V3) invitations end to end."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, BrowserContext
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from jivo_desktop.ui.visitors.model import CHAT, LOCATION, NAME, PAGE, SOURCE, VISITS
from server import protocol as p
from server.account import agents as agents_repo
from server.store.db import read
from tests.e2e.widget_support import (
    TIMEOUT_MS,
    WidgetPage,
    page_html,
    signed_in_agent,
    third_party_site,
    wait_until,
)
from tests.support.geo import LONDON_IP, SAO_PAULO_IP, build_city_db
from tests.support.proxy import trusted_proxy, with_test_ip
from tests.support.relay import RelayHandle, running_relay
from tests.support.waiting import until

pytestmark = pytest.mark.browser

CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36"
)
GOOGLE = "https://www.google.com/search?q=fiddle+leaf+fig"
# A 1x1 PNG: the agent's photo travels as a data: URL (the widget requests nothing else).
PHOTO = (
    "data:image/png;base64,"
    + base64.b64encode(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d"
            "49444154789c6390af8af90f0003a601f52192f6400000000049454e44ae426082"
        )
    ).decode()
)


@dataclass
class Shop:
    relay: RelayHandle
    url: str
    newsletter: str
    site_key: str
    site_id: int


@pytest.fixture
async def shop(tmp_path: Path, sqlite_url: str) -> AsyncIterator[Shop]:
    async with (
        running_relay(
            sqlite_url,
            trusted_proxies="127.0.0.1",
            geoip_city_db=str(build_city_db(tmp_path / "cities.mmdb")),
        ) as relay,
        trusted_proxy(relay.http_url, relay.ws_url) as proxy,
    ):
        routes: dict[str, str] = {}
        letters: dict[str, str] = {}
        with third_party_site(routes) as shop_url, third_party_site(letters) as mail_url:
            key = await relay.add_site("Green Corner", [shop_url])
            site = await read(relay.relay.engine, agents_repo.site_by_key, key)
            values = {"RELAY": proxy, "SITE_KEY": key}
            routes["/"] = page_html("shop-home.html", **values)
            routes["/plants"] = page_html("shop-plants.html", **values)
            routes["/plants/ficus"] = page_html("shop-ficus.html", **values)
            routes["/plants/monstera"] = page_html("shop-monstera.html", **values)
            letters["/"] = page_html("newsletter.html", SHOP=shop_url)
            yield Shop(relay, shop_url, mail_url, key, int(site.id))


async def visitor_from(browser: Browser, ip: str) -> tuple[BrowserContext, WidgetPage]:
    context = await browser.new_context(
        user_agent=with_test_ip(CHROME, ip), viewport={"width": 1000, "height": 700}
    )
    page = await context.new_page()
    return context, WidgetPage(context, page)


async def go(wp: WidgetPage, link: str) -> None:
    """Follow a link on the page, and wait for the widget on the next page to be welcomed."""
    welcomed = sum(f.get("type") == "visitor_welcome" for f in wp.received)
    await wp.page.click(f"#{link}")
    await wp.page.wait_for_load_state()
    await wait_until(
        lambda: sum(f.get("type") == "visitor_welcome" for f in wp.received) > welcomed
    )


async def arrive(wp: WidgetPage, url: str, referer: str | None = None) -> None:
    await wp.page.goto(url, referer=referer)
    await wp.el("launcher").wait_for(state="visible", timeout=TIMEOUT_MS)
    await wp.wait_ready()


def visitor_id(wp: WidgetPage) -> int:
    welcomes = [f for f in wp.received if f.get("type") == "visitor_welcome"]
    return int(welcomes[-1]["visitor_id"])


async def test_v1_c4_v2_browsing_visitors_on_the_page_panel_and_invited_chat(
    qapp: Any, shop: Shop, browser: Browser, tmp_path: Path, secrets: Any, artifacts: Path
) -> None:
    relay = shop.relay
    app = DesktopApp(qapp, tmp_path / "ana")
    app.start()
    assert await app.session.sign_in_async(
        relay.http_url, relay.agent_email, relay.agent_password, False
    )
    window = app.main_window
    window.resize(1280, 720)
    window.nav.setCurrentRow(window.PAGES.index("visitors"))
    page = window.visitors_page

    # A visitor from London finds the shop on Google and browses to the ficus.
    ctx1, london = await visitor_from(browser, LONDON_IP)
    await arrive(london, shop.url + "/", referer=GOOGLE)
    await go(london, "to-plants")
    await go(london, "to-ficus")
    # A visitor from São Paulo comes from the spring newsletter (UTM link on another site).
    ctx2, brazil = await visitor_from(browser, SAO_PAULO_IP)
    await brazil.page.goto(shop.newsletter + "/")
    await brazil.page.click("#to-shop")
    await brazil.page.wait_for_load_state()
    await brazil.wait_ready()
    lid, bid = visitor_id(london), visitor_id(brazil)

    # The hello already names the page; the source and the page count come with the page
    # views that follow it.
    await until(
        lambda: (
            page.cell(lid, PAGE) == "Ficus lyrata"
            and page.cell(bid, PAGE) == "Plants"
            and page.cell(bid, SOURCE) != ""
            and getattr(app.visitors.get(lid), "session_pages", 0) >= 3
        )
    )
    assert page.cell(lid, NAME) == f"London {lid}"
    assert page.cell(lid, SOURCE) == "Search: Google"
    assert page.cell(lid, LOCATION) == "London, United Kingdom"
    assert page.cell(lid, VISITS) == "1"
    assert page.cell(bid, NAME) == f"São Paulo {bid}"
    assert page.cell(bid, SOURCE) == "Campaign: newsletter / email / spring"
    assert page.cell(bid, LOCATION) == "São Paulo, Brazil"
    assert page.page_column_tooltip(lid).endswith("/plants/ficus")
    live = app.visitors.get(lid)
    assert live is not None and live.session_pages == 3
    assert (live.browser, live.os, live.ip) == ("Chrome 120", "Linux", LONDON_IP)
    window.grab().save(str(artifacts / "e2e-visitors-page.png"))

    # V2: Ana invites the London visitor; the widget opens with the message; the reply is a
    # chat already Ana's.
    page.select_visitor(lid)
    page.invite_text.setText("Hi! The ficus is on sale today. Any questions?")
    QTest.mouseClick(page.invite_button, Qt.MouseButton.LeftButton)
    await london.el("invitation-text").wait_for(state="visible", timeout=TIMEOUT_MS)
    assert await london.el("window").is_visible()
    assert await london.el("invitation-agent").text_content() == "Ana"
    assert "ficus is on sale" in (await london.el("invitation-text").text_content() or "")
    await london.shot(artifacts / "e2e-invitation-widget.png")
    await london.say("Is it safe for cats?")
    await until(lambda: any(c.info.state == "active" for c in app.chats.chats.values()))
    chat = next(iter(app.chats.chats.values()))
    assert chat.info.agent_id == app.chats.me and chat.info.visitor is not None
    assert chat.info.visitor.id == lid
    assert not app.toasts.visible_toasts()  # never offered: it is Ana's already
    await until(lambda: page.cell(lid, CHAT) == "Chatting with Ana")

    # C4: the client panel beside the conversation.
    app.chats.select(chat.id)
    window.nav.setCurrentRow(0)
    panel = window.inbox.client_panel
    f = panel.fields
    await until(lambda: f["visits"].text() == "1 · 3 pages this visit")
    assert f["name"].text() == f"London {lid}"
    assert f["source"].text() == "Search: Google"
    assert f["site"].text() == "Green Corner"
    assert "Ficus lyrata" in f["page"].text() and f["page"].toolTip().endswith("/plants/ficus")
    assert (f["country"].text(), f["city"].text(), f["ip"].text()) == (
        "United Kingdom",
        "London",
        LONDON_IP,
    )
    assert f["isp"].text() == "Andrews & Arnold Ltd"
    panel._on_page_link_activated("history")
    await until(lambda: panel.history.isVisible())
    titles = [panel.history.list.item(i).text().split("  ", 1)[1] for i in range(3)]
    assert titles == ["Ficus lyrata", "Plants", "Green Corner · Home"]
    window.grab().save(str(artifacts / "e2e-client-panel.png"))
    panel.history.hide()

    app.chats.send(chat.id, "Yes, it is not toxic to cats.")
    await london.wait_text("not toxic to cats", author="agent")
    assert not london.errors and not brazil.errors
    await ctx1.close()
    await ctx2.close()
    await app.shutdown()


async def test_v3_automatic_invitation_shows_closes_for_the_visit_and_reply_is_offered(
    shop: Shop, browser: Browser, artifacts: Path
) -> None:
    relay = shop.relay
    async with signed_in_agent(relay) as boss:
        rule = p.InvitationRule(
            site_id=shop.site_id,
            message="Looking for a plant? I can help.",
            agent_name="Sofía",
            agent_photo=PHOTO,
            url_pattern="*/plants/*",
            min_seconds_on_page=1,
        )
        await boss.request(lambda i: p.SaveInvitationRule(id=i, rule=rule))

        ctx, wp = await visitor_from(browser, LONDON_IP)
        await arrive(wp, shop.url + "/")
        await go(wp, "to-plants")
        await go(wp, "to-ficus")
        await wp.el("invitation").wait_for(state="visible", timeout=TIMEOUT_MS)
        assert await wp.el("invitation-agent").text_content() == "Sofía"
        assert await wp.page.locator("#jivo-chat-widget [data-testid=invitation] img").count() == 1
        await wp.shot(artifacts / "e2e-auto-invitation.png")
        await wp.el("invitation-close").click()
        await wait_until(lambda: wp.sent_of("invitation_closed"))
        vid = visitor_id(wp)
        tracker = relay.relay.tracker
        await until(lambda: rule.id == 0 and tracker.live[vid].closed_invitations)

        # The next page of the same visit matches the rule again: the closed one stays away.
        await go(wp, "to-monstera")
        await until(lambda: tracker.live[vid].info.page_url.endswith("/plants/monstera"))
        assert tracker.live[vid].rule_timer is None
        assert await wp.el("invitation").count() == 0

        # Another visitor gets it and answers: the chat is offered as usual.
        ctx2, other = await visitor_from(browser, SAO_PAULO_IP)
        await arrive(other, shop.url + "/plants/monstera", referer=GOOGLE)
        await other.el("invitation-text").wait_for(state="visible", timeout=TIMEOUT_MS)
        since = len(boss.received)
        await other.say("Do you ship to Brazil?")
        offer = await boss.wait_for(lambda f: isinstance(f, p.ChatOffered), since=since)
        assert offer.chat.visitor.id == visitor_id(other)
        assert offer.chat.state == "offered"
        assert not wp.errors and not other.errors
        await ctx.close()
        await ctx2.close()
