"""X4: the live state that sits with the sockets, seen from every relay node: the Visitantes
list (V1) and invitations (V2), the viewers of a chat (C18), the sneak-peek setting (C17).

Most tests run several ``Relay`` objects on one SQLite file and one in-process bus
(tests/support/local_cluster.py, presence times of a fraction of a second); one runs two nodes
on PostgreSQL with a RedisBus each on a real redis-server, through a Redis restart.
"""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import pytest

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.core.relay import Relay
from server.visitors import sneak_peek
from tests.server.test_cross_node import redis_server, two_nodes  # noqa: F401 - a fixture
from tests.server.test_visitors import known, until_row, view
from tests.support.local_cluster import EXPIRY, cluster, die, site_key
from tests.support.postgres import PostgresCluster
from tests.support.redis_server import RedisServer
from tests.support.relay import ADMIN_EMAIL, ADMIN_PASSWORD, AGENT_EMAIL, AGENT_PASSWORD
from tests.support.visitor import Visitor
from tests.support.waiting import until

pytestmark = pytest.mark.timeout(90)

QUICK = {"visitors_push_interval": 0.05, "visitor_linger": 0.2}


async def signed_in(url: str, email: str, password: str, status: str = "online") -> AgentClient:
    client = AgentClient(url)
    await client.sign_in(email, password, status=status)  # type: ignore[arg-type]
    await client.wait_synced()
    return client


async def watching(url: str) -> AgentClient:
    boss = await signed_in(url, ADMIN_EMAIL, ADMIN_PASSWORD, "away")
    await boss.request(lambda i: p.WatchVisitors(id=i))
    return boss


async def on_site(relay: Relay, key: str, token: str | None = None) -> Visitor:
    visitor = Visitor(relay.ws_url, key)
    visitor.token = token
    assert isinstance(await visitor.connect(), p.VisitorWelcome)
    return visitor


def gone_told(agent: AgentClient, visitor_id: int, since: int) -> bool:
    return any(
        isinstance(f, p.VisitorsDelta) and visitor_id in f.gone for f in agent.received[since:]
    )


def me(client: AgentClient) -> int:
    assert client.welcome is not None
    return client.welcome.agent.id


async def test_x4_v1_visitor_on_node_1_is_listed_on_node_2_until_its_last_tab_closes(
    sqlite_url: str,
) -> None:
    """X4/V1: a visitor on node 1 is in the Visitantes list of an agent watching on node 2
    (live delta, and the snapshot a later watcher gets), with its page views; a second tab on
    node 2 keeps it listed when the node-1 tab closes, and "same IP" (B5) counts it from node
    2; it leaves when the last tab closes."""
    async with cluster(sqlite_url, 2, **QUICK) as (one, two):
        key = site_key([one])
        boss = await watching(two.ws_url)
        visitor = await on_site(one, key)
        vid = visitor.visitor_id
        assert vid is not None
        await until_row(boss, vid, lambda r: r.online)
        await view(visitor, "https://shop.example/shoes", "Shoes")
        await until_row(boss, vid, lambda r: r.page_url == "https://shop.example/shoes")

        late = await watching(two.ws_url)  # its snapshot is the merged list
        snapshot = await late.wait_for(lambda f: isinstance(f, p.VisitorsDelta) and f.reset)
        assert vid in [r.id for r in snapshot.updated]

        other = await on_site(two, key)
        assert other.visitor_id is not None
        row = known(boss)[vid]
        # B5 on node 2: the node-1 visitor shares the address (every test client: 127.0.0.1).
        assert two.tracker.same_ip_visitors(row.site_id, row.ip, other.visitor_id) == 1
        tab = await on_site(two, key, token=visitor.token)
        mark = len(boss.received)
        await visitor.close()
        await until(lambda: vid not in one.tracker.live)  # node 1 forgot it (linger over)
        await until(lambda: not two.tracker.held_elsewhere(vid))  # ... and told node 2
        await view(tab, "https://shop.example/cart", "Cart")
        await until_row(boss, vid, lambda r: r.page_url == "https://shop.example/cart")
        assert not gone_told(boss, vid, mark)  # still on the site through node 2

        await tab.close()
        await until(lambda: gone_told(boss, vid, mark))
        assert vid not in known(boss)
        for client in (boss, late, other):
            await client.close()


async def test_x4_v1_a_dead_nodes_visitors_leave_the_list_and_come_back_elsewhere(
    sqlite_url: str,
) -> None:
    """X4/V1: node 1 dies (no more heartbeats, no shutdown): within the presence expiry its
    visitor leaves the list of the agent watching on node 2; the visitor reconnects through
    node 2 and is listed again."""
    async with cluster(sqlite_url, 2, **QUICK) as (one, two):
        key = site_key([one])
        boss = await watching(two.ws_url)
        visitor = await on_site(one, key)
        vid = visitor.visitor_id
        assert vid is not None
        await until_row(boss, vid, lambda r: r.online)

        mark = len(boss.received)
        await die(one)
        await until(lambda: gone_told(boss, vid, mark), timeout=EXPIRY + 5)
        assert vid not in known(boss)

        again = await on_site(two, key, token=visitor.token)
        assert again.visitor_id == vid
        await until_row(boss, vid, lambda r: r.online)
        for client in (boss, again, visitor):
            await client.close()


async def test_x4_v2_agent_on_node_2_invites_a_visitor_on_node_1(sqlite_url: str) -> None:
    """X4/V2: Ana, on node 2, invites a visitor whose socket is on node 1: the visitor gets
    the invitation, and its reply (read by node 1) opens the chat with Ana, active, as on one
    node."""
    async with cluster(sqlite_url, 2, **QUICK) as (one, two):
        ana = await signed_in(two.ws_url, AGENT_EMAIL, AGENT_PASSWORD)
        visitor = await on_site(one, site_key([one]))
        vid = visitor.visitor_id
        assert vid is not None
        await until(lambda: two.tracker.held_elsewhere(vid))  # node 2 knows it is on the site
        await ana.request(lambda i: p.InviteVisitor(id=i, visitor_id=vid, text="¿Le ayudo?"))
        invitation = await visitor.wait_for(lambda f: isinstance(f, p.VisitorInvitation))
        assert (invitation.text, invitation.agent_name) == ("¿Le ayudo?", "Ana")

        assert isinstance(await visitor.say("sí, por favor"), p.MessageAcked)
        opened = await ana.wait_for(lambda f: isinstance(f, p.ChatOpened))
        assert opened.chat.state == "active" and opened.chat.agent_id == me(ana)
        await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.kind == "joined")
        for client in (ana, visitor):
            await client.close()


async def open_chat(relay: Relay, ana: AgentClient) -> tuple[Visitor, int]:
    visitor = await on_site(relay, relay.demo_site_key or "")
    ack = await visitor.say("hola")
    assert isinstance(ack, p.MessageAcked)
    await ana.wait_for(lambda f: isinstance(f, p.ChatOffered) and f.chat.id == ack.chat_id)
    await ana.accept(ack.chat_id)
    return visitor, ack.chat_id


def viewers(chat_id: int, agent_ids: list[int]) -> object:
    return lambda f: (
        isinstance(f, p.ChatViewers) and f.chat_id == chat_id and f.agent_ids == sorted(agent_ids)
    )


async def test_x4_c18_viewers_on_two_nodes_and_a_dead_nodes_viewers_dropped(
    sqlite_url: str,
) -> None:
    """X4/C18: Boss views Ana's chat through node 2, Ana through node 1: each sees both as
    viewers (the union over the nodes); a node starting later knows them; node 2 dies, and Ana
    is told Boss no longer views it."""
    async with cluster(sqlite_url, 2, **QUICK) as (one, two):
        ana = await signed_in(one.ws_url, AGENT_EMAIL, AGENT_PASSWORD)
        boss = await signed_in(two.ws_url, ADMIN_EMAIL, ADMIN_PASSWORD, "away")
        visitor, chat_id = await open_chat(one, ana)
        await boss.view_chat(chat_id, True)  # an admin may view any chat
        await ana.wait_for(viewers(chat_id, [me(boss)]))
        await ana.view_chat(chat_id, True)
        await boss.wait_for(viewers(chat_id, [me(ana), me(boss)]))
        await ana.wait_for(viewers(chat_id, [me(ana), me(boss)]))
        third = Relay(dataclasses.replace(one.settings, node_id=""), bus=one.bus)
        await third.start()
        try:  # it asked the others on start
            assert third.actions.viewers(chat_id) == sorted([me(ana), me(boss)])
        finally:
            await third.stop()

        mark = len(ana.received)
        await die(two)
        await ana.wait_for(viewers(chat_id, [me(ana)]), since=mark, timeout=EXPIRY + 5)
        assert one.actions.viewers(chat_id) == [me(ana)]
        for client in (ana, boss, visitor):
            await client.close()


async def test_x4_c17_sneak_peek_set_through_node_1_applies_on_node_2_at_once(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """X4/C17: node 2 has cached "sneak peek off" for the site (a draft it dropped); an admin
    turns it on through node 1: node 2 forwards the visitor's next draft at once (the cache is
    made an hour long here, so only the change's message over the bus can refresh it)."""
    monkeypatch.setattr(sneak_peek, "CACHE_SECONDS", 3600.0)
    async with cluster(sqlite_url, 2, **QUICK) as (one, two):
        ana = await signed_in(one.ws_url, AGENT_EMAIL, AGENT_PASSWORD)
        boss = await signed_in(one.ws_url, ADMIN_EMAIL, ADMIN_PASSWORD, "away")
        visitor, chat_id = await open_chat(two, ana)
        site_id = known_site(two, visitor)
        await visitor.send_raw(p.encode(p.Draft(text="antes")))
        pong = await visitor.answer(visitor.send_frame(lambda i: p.Ping(id=i)))
        assert isinstance(pong, p.Pong)  # the draft was handled (frames are served in order)
        assert two.sneak_peek._cache[site_id][0] is False

        await boss.set_sneak_peek(site_id, True)
        await visitor.send_raw(p.encode(p.Draft(text="después")))
        draft = await ana.wait_for(lambda f: isinstance(f, p.DraftChanged))
        assert (draft.chat_id, draft.text) == (chat_id, "después")
        for client in (ana, boss, visitor):
            await client.close()


def known_site(relay: Relay, visitor: Visitor) -> int:
    assert visitor.visitor_id is not None
    info = relay.tracker.info(visitor.visitor_id)
    assert info is not None
    return info.site_id


@pytest.mark.postgres
@pytest.mark.timeout(120)
async def test_x4_visitors_invitation_and_viewers_over_redis_through_a_restart(
    pg_cluster: PostgresCluster,
    redis_server: RedisServer,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
) -> None:
    """X4 wiring (two nodes, a RedisBus each, one PostgreSQL): the visitor on node 1 is listed
    for Boss watching on node 2 and invited from there by Ana; its reply opens the chat with
    her. Redis dies; Boss opens the chat through node 1 meanwhile (that viewer change cannot
    cross); Redis comes back: the viewers are announced again and Ana, on node 2, sees Boss."""
    async with two_nodes(pg_cluster, redis_server.url, tmp_path) as (handle, two):
        one = handle.relay
        boss_2 = await watching(two.ws_url)
        ana = await signed_in(two.ws_url, AGENT_EMAIL, AGENT_PASSWORD)
        visitor = await on_site(one, handle.site_key)
        vid = visitor.visitor_id
        assert vid is not None
        await until_row(boss_2, vid, lambda r: r.online)

        await ana.request(lambda i: p.InviteVisitor(id=i, visitor_id=vid, text="Hola"))
        await visitor.wait_for(lambda f: isinstance(f, p.VisitorInvitation))
        ack = await visitor.say("hola")
        assert isinstance(ack, p.MessageAcked)
        opened = await ana.wait_for(lambda f: isinstance(f, p.ChatOpened))
        assert opened.chat.id == ack.chat_id and opened.chat.agent_id == me(ana)

        boss_1 = await signed_in(one.ws_url, ADMIN_EMAIL, ADMIN_PASSWORD, "away")
        buses = one.redis_bus, two.redis_bus
        assert buses[0] is not None and buses[1] is not None
        redis_server.stop()
        await until(lambda: not buses[0].connected and not buses[1].connected, timeout=20)  # type: ignore[union-attr]
        await boss_1.view_chat(ack.chat_id, True)
        await boss_1.wait_for(viewers(ack.chat_id, [me(boss_1)]))  # node 1's own push
        assert two.actions.viewers(ack.chat_id) == []  # nothing crossed

        await asyncio.to_thread(redis_server.start)
        await ana.wait_for(viewers(ack.chat_id, [me(boss_1)]), timeout=30)
        assert two.actions.viewers(ack.chat_id) == [me(boss_1)]
        for client in (boss_2, boss_1, ana, visitor):
            await client.close()
