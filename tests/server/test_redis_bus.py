"""X4: the Redis bus between relay nodes, on a real redis-server (tests/support/redis_server.py):
delivery, no copies of its own, subscriptions that follow the local handlers, our own
reconnect loop (Redis restarted, Redis down at start), and the cursor order of pushes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest
import redis.asyncio as aioredis

from server.core.cursor_order import CursorOrder
from server.core.redis_bus import RedisBus
from tests.support.redis_server import RedisServer, skip_unless_redis
from tests.support.waiting import until

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    skip_unless_redis()
    with RedisServer() as server:
        yield server


@pytest.fixture
async def buses(redis_server: RedisServer) -> AsyncIterator[tuple[RedisBus, RedisBus]]:
    one = RedisBus(redis_server.url, node_id="one")
    two = RedisBus(redis_server.url, node_id="two")
    one.start()
    two.start()
    try:
        await until(lambda: one.connected and two.connected)
        yield one, two
    finally:
        await one.close()
        await two.close()


class Inbox:
    def __init__(self) -> None:
        self.got: list[tuple[str, int | None]] = []

    def __call__(self, text: str, cursor: int | None) -> None:
        self.got.append((text, cursor))

    @property
    def texts(self) -> list[str]:
        return [text for text, _ in self.got]


async def numsub(url: str, channel: str) -> int:
    client = aioredis.Redis.from_url(url)
    try:
        ((_, count),) = await client.pubsub_numsub(channel)
        return int(count)
    finally:
        await client.aclose()


async def test_x4_messages_cross_nodes_once_and_follow_subscriptions(
    buses: tuple[RedisBus, RedisBus], redis_server: RedisServer
) -> None:
    """X4: a message reaches the handlers of both nodes exactly once (the publishing node's at
    once, never again from its own Redis copy), with its cursor; a node is subscribed to a
    topic's channel only while a local handler wants it."""
    one, two = buses
    here, there = Inbox(), Inbox()
    one.subscribe("agent:1", here)
    two.subscribe("agent:1", there)
    await until_numsub(redis_server.url, "jivo:agent:1", 2)

    one.publish("agent:1", '{"type":"x"}', 7)
    assert here.got == [('{"type":"x"}', 7)]  # synchronously, locally
    await until(lambda: there.got)
    two.publish("agent:1", "back")
    await until(lambda: len(here.got) == 2)
    await asyncio.sleep(0.2)  # what could still come would be a copy: there must be none
    assert here.got == [('{"type":"x"}', 7), ("back", None)]
    assert there.got == [('{"type":"x"}', 7), ("back", None)]

    two.unsubscribe("agent:1", there)
    await until_numsub(redis_server.url, "jivo:agent:1", 1)
    one.publish("agent:1", "after")
    await asyncio.sleep(0.2)
    assert there.texts == ['{"type":"x"}', "back"]


async def until_numsub(url: str, channel: str, count: int) -> None:
    """Poll Redis (no event tells a test when a SUBSCRIBE reached the server)."""
    async with asyncio.timeout(10):
        while True:
            if await numsub(url, channel) == count:
                return
            await asyncio.sleep(0.02)


async def test_x4_ten_thousand_visitor_topics(
    buses: tuple[RedisBus, RedisBus], redis_server: RedisServer
) -> None:
    """X4: 10,000 visitors on one node are 10,000 channels, subscribed in batches; a message
    to the last reaches it, and when they all leave the node subscribes to none of them."""
    one, two = buses
    inboxes = [Inbox() for _ in range(10_000)]
    for n, inbox in enumerate(inboxes):
        two.subscribe(f"visitor:{n}", inbox)
    await until_numsub(redis_server.url, "jivo:visitor:9999", 1)
    one.publish("visitor:9999", "hi")
    one.publish("visitor:0", "first")
    await until(lambda: inboxes[9999].got and inboxes[0].got)
    assert sum(len(i.got) for i in inboxes) == 2
    for n, inbox in enumerate(inboxes):
        two.unsubscribe(f"visitor:{n}", inbox)
    await until_numsub(redis_server.url, "jivo:visitor:9999", 0)
    assert await numsub(redis_server.url, "jivo:visitor:0") == 0


async def test_x4_redis_restart_resubscribes_and_calls_on_reconnect(
    buses: tuple[RedisBus, RedisBus], redis_server: RedisServer
) -> None:
    """X4 (redis-py #2089, #2417): Redis dies and comes back on the same port; each bus
    notices, connects again by itself, subscribes its topics again and calls its on_reconnect
    listeners; while Redis was down local handlers still got their node's messages, and what
    could not be sent was dropped and counted (the database fills those gaps)."""
    one, two = buses
    reconnects = {"one": 0, "two": 0}
    one.on_reconnect(lambda: reconnects.__setitem__("one", reconnects["one"] + 1))
    two.on_reconnect(lambda: reconnects.__setitem__("two", reconnects["two"] + 1))
    here, there = Inbox(), Inbox()
    one.subscribe("agents", here)
    two.subscribe("agents", there)
    await until_numsub(redis_server.url, "jivo:agents", 2)

    redis_server.stop()
    await until(lambda: not one.connected and not two.connected, timeout=20)
    dropped = one.dropped
    one.publish("agents", "during")
    assert here.texts == ["during"] and one.dropped == dropped + 1

    await asyncio.to_thread(redis_server.start)
    await until(lambda: reconnects["one"] >= 1 and reconnects["two"] >= 1, timeout=20)
    assert one.connected and two.connected
    await until_numsub(redis_server.url, "jivo:agents", 2)
    one.publish("agents", "after")
    await until(lambda: there.texts == ["after"])
    two.publish("agents", "and back")
    await until(lambda: here.texts == ["during", "after", "and back"])


async def test_x4_redis_down_at_start_then_up(redis_server: RedisServer) -> None:
    """X4: a node whose Redis is down when it starts works alone meanwhile, and joins the
    others by itself when Redis comes."""
    redis_server.stop()
    late = RedisBus(redis_server.url, node_id="late")
    late.start()
    try:
        mine = Inbox()
        late.subscribe("agents", mine)
        late.publish("agents", "alone")
        assert mine.texts == ["alone"] and not late.connected
        await asyncio.sleep(0.3)  # a few failed attempts: the loop must go on trying
        assert not late.connected

        await asyncio.to_thread(redis_server.start)
        other = RedisBus(redis_server.url, node_id="other")
        other.start()
        try:
            await until(lambda: late.connected and other.connected, timeout=20)
            await until_numsub(redis_server.url, "jivo:agents", 1)
            other.publish("agents", "joined")
            await until(lambda: mine.texts == ["alone", "joined"])
        finally:
            await other.close()
    finally:
        await late.close()


async def test_x4_bad_redis_url_and_node_id_are_refused() -> None:
    """X4: settings that cannot work are refused with a clear message at start."""
    from server.core.config import Settings

    with pytest.raises(ValueError, match="redis://"):
        Settings(redis_url="localhost:6379")
    with pytest.raises(ValueError, match="no spaces"):
        Settings(node_id="node one")
    assert Settings(redis_url=" redis://127.0.0.1:6379/0 ").redis_url == "redis://127.0.0.1:6379/0"
    assert Settings().node_id != Settings().node_id  # host-pid-random


# ------------------------------------------------------------------ cursor order (no Redis)


async def test_x4_pushes_wait_for_the_span_that_closes_a_gap() -> None:
    """X4: event 101 (committed by this node) is not pushed before event 100 (another node's,
    still on its way): pushes go out in cursor order once the spans reach them; a push of a
    cursor already passed goes out at once."""
    out: list[int | None] = []
    order = CursorOrder(lambda _t, _x, cursor: out.append(cursor), grace=60)
    order.start(99)
    order.push("agents", "b", 101)  # this node's batch (100, 101]
    order.span(100, 101)
    assert out == []
    order.push("agents", "a", 100)  # the other node's batch (99, 100]
    assert out == []
    order.span(99, 100)
    assert out == [100, 101]
    order.push("agents", "typing", None)
    assert out == [100, 101, None]
    order.push("agents", "late", 90)
    assert out[-1] == 90 and order.late == 1
    order.close()


async def test_x4_a_gap_that_does_not_close_is_filled() -> None:
    """X4: a batch whose span never comes (its node died after the commit, or Redis dropped
    it) holds the pushes behind it only for the grace; then the database fill is asked for,
    and its read point releases them. A cut bus asks at once."""
    out: list[int | None] = []
    asked: list[str] = []
    order = CursorOrder(lambda _t, _x, cursor: out.append(cursor), grace=0.05)
    order.fill = lambda: asked.append("fill")
    order.start(10)
    order.push("agents", "x", 12)
    order.span(11, 12)
    await until(lambda: asked)
    assert out == []
    order.advance_to(12)
    assert out == [12]

    asked.clear()
    order.set_cut(True)
    order.span(13, 14)
    assert asked == ["fill"]
    order.close()


async def test_x4_a_batchs_pushes_and_its_span_go_to_redis_in_one_pipeline(
    buses: tuple[RedisBus, RedisBus], redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """X4: a receiving node holds a batch's pushes until the batch's span arrives, so the span
    rides in the same pipeline as the pushes (one Redis round trip per committed batch, not
    two). Fails with ``SPAN_TURNS = 0``: 2 pipelines per batch."""
    from redis.asyncio.client import Pipeline

    one, two = buses
    there = Inbox()
    two.subscribe("chat:1", there)
    await until_numsub(redis_server.url, "jivo:chat:1", 1)
    one.order.start(0)
    two.order.start(0)
    executed: list[int] = []
    execute = Pipeline.execute

    async def counted(self: Pipeline, *args: object, **kwargs: object) -> object:
        executed.append(len(self.command_stack))
        return await execute(self, *args, **kwargs)

    monkeypatch.setattr(Pipeline, "execute", counted)
    for cursor in range(1, 11):
        one.publish("chat:1", f"m{cursor}", cursor)
        one.committed(cursor - 1, cursor)
        await until(lambda cursor=cursor: len(there.got) == cursor)
    assert there.got == [(f"m{c}", c) for c in range(1, 11)]
    assert executed == [2] * 10  # each: the push and its span
