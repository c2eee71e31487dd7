"""V1/C4 on the relay: what it tracks of each visitor (pages, visits, source, browser, address,
place), the coalesced ``visitors_delta`` pushes, leaving, and the trusted-proxy address rule."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from tests.support.geo import GOOGLE_DNS_IP, LONDON_IP, build_city_db
from tests.support.relay import RelayHandle, running_relay
from tests.support.visitor import Visitor

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.fixture
async def tracked(tmp_path: Path, sqlite_url: str) -> AsyncIterator[RelayHandle]:
    """A relay behind a trusted proxy (127.0.0.1), with a city database, quick to forget."""
    city_db = build_city_db(tmp_path / "cities.mmdb")
    async with running_relay(
        sqlite_url,
        trusted_proxies="127.0.0.1",
        geoip_city_db=str(city_db),
        visitor_linger=0.3,
        visitors_push_interval=0.1,
    ) as handle:
        yield handle


async def visitor_at(
    relay: RelayHandle, ip: str | None, ua: str = FIREFOX, token: str | None = None
) -> Visitor:
    v = Visitor(relay.ws_url, relay.site_key)
    v.token = token
    headers: dict[str, str] = {"User-Agent": ua}
    if ip:
        headers["X-Forwarded-For"] = f"10.9.9.9, {ip}"  # the client wrote the first one
    welcome = await v.connect("https://shop.example/", additional_headers=headers)
    assert isinstance(welcome, p.VisitorWelcome)
    return v


async def view(v: Visitor, url: str, title: str, referrer: str = "", **utm: str) -> None:
    assert v.ws is not None
    frame = p.PageView(url=url, title=title, referrer=referrer, utm=p.Utm(**utm))
    await v.ws.send(p.encode(frame))


async def watching(relay: RelayHandle, email: str | None = None) -> AgentClient:
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(email or relay.admin_email, relay.admin_password)
    await agent.request(lambda i: p.WatchVisitors(id=i))
    return agent


def known(agent: AgentClient) -> dict[int, p.VisitorInfo]:
    """The visitor table an app builds from the pushes."""
    table: dict[int, p.VisitorInfo] = {}
    for frame in agent.received:
        if isinstance(frame, p.VisitorsDelta):
            if frame.reset:
                table.clear()
            for row in frame.updated:
                table[row.id] = row
            for gone in frame.gone:
                table.pop(gone, None)
    return table


async def until_row(agent: AgentClient, visitor_id: int, check: Any) -> p.VisitorInfo:
    async with asyncio.timeout(10):
        while True:
            row = known(agent).get(visitor_id)
            if row is not None and check(row):
                return row
            await asyncio.sleep(0.02)


async def test_v1_relay_tracks_pages_source_browser_address_and_city(
    tracked: RelayHandle,
) -> None:
    """V1/C4: visits, pages this visit, current page, source (search engine), browser and OS
    from the user agent, the address from a trusted proxy's header, country, city and ISP."""
    agent = await watching(tracked)
    v = await visitor_at(tracked, LONDON_IP)
    await view(v, "https://shop.example/", "Home", "https://www.google.co.uk/search?q=shoes")
    await view(v, "https://shop.example/shoes", "Shoes", "https://shop.example/")
    await view(v, "https://shop.example/shoes/red", "Red shoes", "https://shop.example/shoes")
    assert v.visitor_id is not None
    row = await until_row(agent, v.visitor_id, lambda r: r.session_pages == 3)
    assert (row.page_url, row.page_title) == ("https://shop.example/shoes/red", "Red shoes")
    assert (row.visits, row.source, row.source_detail) == (1, "search", "Google")
    assert (row.browser, row.os) == ("Firefox 128", "Windows 10")
    assert row.ip == LONDON_IP
    assert (row.city, row.country_code) == ("London", "GB")
    assert row.isp == "Andrews & Arnold Ltd"
    assert row.online and row.site_name == "Demo site" and row.session_started > 0

    assert not row.hidden
    await v.ws.send(p.encode(p.PageHidden(hidden=True)))  # type: ignore[union-attr]
    await until_row(agent, v.visitor_id, lambda r: r.hidden)

    details = await agent.request(lambda i: p.GetVisitor(id=i, visitor_id=v.visitor_id or 0))
    assert isinstance(details, p.VisitorDetails)
    assert [h.title for h in details.history] == ["Home", "Shoes", "Red shoes"]
    await v.close()
    await agent.close()


async def test_v1_campaign_social_direct_and_country_without_city(tracked: RelayHandle) -> None:
    agent = await watching(tracked)
    a = await visitor_at(tracked, GOOGLE_DNS_IP)
    await view(
        a, "https://shop.example/?utm_source=news", "Home", "", source="news", campaign="spring"
    )
    b = await visitor_at(tracked, None)
    await view(b, "https://shop.example/", "Home", "https://t.co/xyz")
    c = await visitor_at(tracked, None)
    await view(c, "https://shop.example/", "Home", "")
    ra = await until_row(agent, a.visitor_id or 0, lambda r: r.session_pages == 1)
    rb = await until_row(agent, b.visitor_id or 0, lambda r: r.session_pages == 1)
    rc = await until_row(agent, c.visitor_id or 0, lambda r: r.session_pages == 1)
    assert (ra.source, ra.source_detail) == ("campaign", "news / spring")
    assert ra.utm is not None and ra.utm.campaign == "spring"
    assert (ra.country_code, ra.city, ra.isp) == ("US", "", "GOOGLE")
    assert (rb.source, rb.source_detail) == ("social", "Twitter")
    assert rc.source == "direct"
    assert rc.ip == "127.0.0.1" and rc.city == ""
    for v in (a, b, c):
        await v.close()
    await agent.close()


async def test_forwarded_for_is_ignored_from_an_untrusted_peer(sqlite_url: str) -> None:
    """A visitor cannot choose its address: X-Forwarded-For counts only from a trusted proxy."""
    async with running_relay(sqlite_url, visitors_push_interval=0.05) as relay:
        agent = await watching(relay)
        v = await visitor_at(relay, LONDON_IP)
        row = await until_row(agent, v.visitor_id or 0, lambda r: r.online)
        assert row.ip == "127.0.0.1" and row.country_code == ""
        await v.close()
        await agent.close()


async def test_v1_leaving_and_coming_back_counts_visits(tracked: RelayHandle) -> None:
    """A closed page leaves the list after the linger time; a new page within it does not; a
    visitor back after the visit timeout is on visit 2."""
    agent = await watching(tracked)
    v = await visitor_at(tracked, None)
    await view(v, "https://shop.example/", "Home")
    vid = v.visitor_id or 0
    await until_row(agent, vid, lambda r: r.session_pages == 1)
    # Following a link: the socket closes and the next page's opens at once.
    await v.close()
    v2 = await visitor_at(tracked, None, token=v.token)
    await view(v2, "https://shop.example/b", "B", "https://shop.example/")
    row = await until_row(agent, vid, lambda r: r.session_pages == 2)
    assert row.visits == 1 and row.source == "direct"
    seen = len(agent.received)
    await v2.close()
    await agent.wait_for(lambda f: isinstance(f, p.VisitorsDelta) and vid in f.gone, since=seen)
    assert vid not in known(agent)

    tracked.relay.tracker.visit_timeout = 0.0
    v3 = await visitor_at(tracked, None, token=v.token)
    await view(v3, "https://shop.example/", "Home", "https://duckduckgo.com/")
    row = await until_row(agent, vid, lambda r: r.visits == 2 and r.session_pages == 1)
    assert (row.source, row.source_detail) == ("search", "DuckDuckGo")
    await v3.close()
    await agent.close()


async def test_v1_pushes_are_coalesced(sqlite_url: str) -> None:
    """Many page views within one push interval reach the agent as one frame."""
    async with running_relay(sqlite_url, visitors_push_interval=0.4) as relay:
        agent = await watching(relay)
        visitors = [await visitor_at(relay, None) for _ in range(5)]
        await agent.wait_for(lambda f: isinstance(f, p.VisitorsDelta) and len(f.updated) == 5)
        since = len(agent.received)
        for v in visitors:
            for n in range(4):
                await view(v, f"https://shop.example/{n}", f"Page {n}")
        await agent.wait_for(
            lambda f: (
                isinstance(f, p.VisitorsDelta) and sum(r.session_pages for r in f.updated) == 20
            ),
            since=since,
        )
        deltas = [f for f in agent.received[since:] if isinstance(f, p.VisitorsDelta)]
        assert len(deltas) <= 2, [len(d.updated) for d in deltas]
        for v in visitors:
            await v.close()
        await agent.close()


async def test_get_visitor_of_unknown_id_is_refused(relay: RelayHandle) -> None:
    agent = await watching(relay)
    with pytest.raises(RelayError) as caught:
        await agent.request(lambda i: p.GetVisitor(id=i, visitor_id=99999))
    assert caught.value.code == "not_found"
    await agent.close()
