"""X4: the per-IP rate limit holds for a client that spreads its sockets over nodes: each node
tells the others what each client took from it (server.core.shared_limits)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import pytest
import redis.asyncio as aioredis

from server import protocol as p
from server.core.bus import LocalBus
from server.core.redis_bus import RedisBus
from server.core.shared_limits import SharedIpLimiter
from tests.support.local_cluster import cluster, site_key
from tests.support.redis_server import RedisServer, skip_unless_redis
from tests.support.visitor import Visitor
from tests.support.waiting import until

pytestmark = pytest.mark.timeout(60)

IP = "198.51.100.7"
SLOW = 0.001  # tokens a second: nothing refills while a test runs


def limiter(bus: LocalBus | RedisBus, node: str, burst: float = 10) -> SharedIpLimiter:
    return SharedIpLimiter(SLOW, burst, bus=bus, node_id=node, topic="limits:test")


def taken(lim: SharedIpLimiter, ip: str, tries: int) -> int:
    return sum(lim.take(ip) for _ in range(tries))


async def test_x4_nodes_share_what_a_client_took() -> None:
    bus = LocalBus()
    one, two = limiter(bus, "one"), limiter(bus, "two")
    one.start()
    two.start()
    try:
        assert taken(one, IP, 6) == 6
        one.report()
        assert one.reports_sent == 1 and two.reports_applied == 1
        # The client's other sockets, on node two: only what is left of its one bucket.
        assert taken(two, IP, 10) == 4
        # A node's own report changes nothing of its own buckets.
        assert one.reports_applied == 0 and taken(one, IP, 10) == 4
        # An IPv6 client is its /64 on every node.
        assert taken(one, "2001:db8::1", 7) == 7
        one.report()
        assert taken(two, "2001:db8::ffff", 10) == 3
    finally:
        await one.stop()
        await two.stop()


async def test_x4_one_node_sends_nothing() -> None:
    bus = LocalBus()
    alone = limiter(bus, "alone")
    alone.start()
    try:
        assert taken(alone, IP, 12) == 10
        alone.report()
        assert alone.reports_sent == 0
    finally:
        await alone.stop()


async def test_x4_a_malformed_report_is_ignored() -> None:
    bus = LocalBus()
    lim = limiter(bus, "one")
    lim.start()
    try:
        bus.publish("limits:test", "{not json")
        bus.publish("limits:test", json.dumps({"node": "two", "used": {IP: "many"}}))
        assert lim.reports_applied == 0 and taken(lim, IP, 10) == 10
    finally:
        await lim.stop()


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    skip_unless_redis()
    with RedisServer() as server:
        yield server


async def subscribed(url: str, channel: str, count: int) -> None:
    """Until Redis counts ``count`` subscribers of ``channel`` (subscribing is asynchronous)."""
    client = aioredis.Redis.from_url(url)
    try:
        async with asyncio.timeout(10):
            # Redis tells no one of a new subscriber: asked until it counts them.
            while int((await client.pubsub_numsub(channel))[0][1]) < count:  # noqa: ASYNC110
                await asyncio.sleep(0.02)
    finally:
        await client.aclose()


async def test_x4_limits_shared_over_redis(redis_server: RedisServer) -> None:
    buses = RedisBus(redis_server.url, node_id="one"), RedisBus(redis_server.url, node_id="two")
    for bus in buses:
        bus.start()
    one, two = limiter(buses[0], "one"), limiter(buses[1], "two")
    try:
        await until(lambda: all(b.connected for b in buses))
        one.start()
        two.start()
        await subscribed(redis_server.url, "jivo:limits:test", 2)
        assert taken(one, IP, 8) == 8
        one.report()
        await until(lambda: two.reports_applied == 1)
        assert taken(two, IP, 10) == 2
    finally:
        await one.stop()
        await two.stop()
        for bus in buses:
            await bus.close()


async def test_x4_a_client_on_two_relay_nodes_meets_one_limit(sqlite_url: str) -> None:
    """Two relay nodes (one database, one bus): a client's sockets on both share its frames a
    second. Its pings on node 1 use most of its burst; on node 2 it gets what is left."""
    async with cluster(sqlite_url, 2, ip_rate=SLOW, ip_burst=12.0, conn_burst=100.0) as relays:
        key = site_key(relays)
        first, second = Visitor(relays[0].ws_url, key), Visitor(relays[1].ws_url, key)
        assert isinstance(await first.connect(), p.VisitorWelcome)
        assert isinstance(await second.connect(), p.VisitorWelcome)
        ids = [first.send_frame(lambda i: p.Ping(id=i)) for _ in range(9)]
        for request_id in ids:
            assert isinstance(await first.answer(request_id), p.Pong)
        relays[0].ip_limiter.report()
        await until(lambda: relays[1].ip_limiter.reports_applied >= 1)
        answers = []
        for _ in range(6):
            answers.append(await second.answer(second.send_frame(lambda i: p.Ping(id=i))))
        pongs = [a for a in answers if isinstance(a, p.Pong)]
        refused = [a for a in answers if isinstance(a, p.Error) and a.code == "rate_limited"]
        assert len(pongs) == 3 and len(refused) == 3
        await first.close()
        await second.close()
