"""X4: the bus between relay nodes, over Redis pub/sub.

``publish`` stays synchronous (the :class:`~server.core.bus.Bus` API): the message goes to this
node's handlers at once and into a bounded queue that one task sends to Redis (pipelined). A
message that finds the queue full, or Redis cut off, is dropped and counted: pub/sub is at most
once anyway, and the database fills the gaps (:class:`server.chats.replay.GapFill`).

A message on Redis is ``<node id>\\n<cursor or empty>\\n<text>`` on the channel ``<prefix><topic>``;
a node ignores its own copies, so no handler gets one twice. The node is subscribed to a
topic's channel only while a local handler wants the topic (the first handler subscribes, the
last one's leaving unsubscribes; changes go to Redis in batches from one task). Every node is
also subscribed to ``<prefix>_spans``, where each commit that wrote events is announced
(:meth:`committed`, for :mod:`server.core.cursor_order`).

The reconnect loop is ours, not redis-py's: its asyncio ``PubSub`` has failed to resubscribe
after a reconnect (redis-py #2089, #2417). Each connection gets a fresh client with redis-py's
retries off; on any error the tasks stop, the bus waits (0.1 s doubling to 5 s, with jitter),
connects again, subscribes every current topic, and calls :meth:`Bus.reconnected` (also after
the first connection: what was committed before it is filled from the database too). Redis
down at start only delays that: the relay serves meanwhile, as one node.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections import deque

import redis.asyncio as aioredis
from redis.asyncio.client import PubSub
from redis.backoff import NoBackoff
from redis.retry import Retry

from server.core.bus import Bus, Handler, Subscriptions
from server.core.cursor_order import CursorOrder

log = logging.getLogger(__name__)

BACKOFF_FIRST = 0.1
BACKOFF_CAP = 5.0
PING_EVERY = 2.0
"""Seconds between pings on the subscriber connection while it is quiet."""
DEAD_AFTER = 3 * PING_EVERY
"""Seconds without anything from Redis (not even a pong) after which the connection is dead."""
TIMEOUT = 5.0
"""Connect and command time-out."""
SUBSCRIBE_CHUNK = 1000
PUBLISH_BATCH = 256
MAX_QUEUE = 10_000
SPAN_TURNS = 3
"""Loop turns the publisher waits after a wake-up: :meth:`RedisBus.committed` sends a span
three turns after the commit, so it goes to Redis in the same pipeline as the batch's pushes
(one round trip instead of two before a receiving node may let the pushes through)."""


class RedisBus(Bus):
    def __init__(
        self, url: str, *, node_id: str, prefix: str = "jivo:", max_queue: int = MAX_QUEUE
    ) -> None:
        if not node_id or any(c.isspace() for c in node_id):
            raise ValueError(f"the node id {node_id!r} must be non-empty, without spaces")
        self.node_id = node_id
        self._url = url
        self._prefix = prefix
        self._spans_channel = f"{prefix}_spans"
        self._subscriptions = Subscriptions()
        self._queue: deque[tuple[str, str]] = deque()
        self._max_queue = max_queue
        self._wake = asyncio.Event()
        self._changed = asyncio.Event()
        self._on_server: set[str] = set()  # topics subscribed on the current connection
        self._task: asyncio.Task[None] | None = None
        self._closing = False
        self.order = CursorOrder(self._subscriptions.deliver)
        self.order.cut = True  # until connected
        self.connected = False
        self._warned = False
        self.connections = 0
        """Times the bus connected (the first one included)."""
        self.dropped = 0
        """Messages not sent to Redis (queue full, or Redis cut off)."""

    # -------------------------------------------------------------- the Bus API

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._supervise(), name="redis-bus")

    async def close(self) -> None:
        self.order.close()
        # Every loop also ends on this flag: a cancel can be lost in Python 3.11 (a TaskGroup
        # or a timeout that races it, redis-py's internals), and the task must end anyway.
        self._closing = True
        self._changed.set()
        self._wake.set()
        if self._task is not None:
            self._task.cancel()
            await asyncio.wait([self._task])  # not ``await``: a cancel of close() stays one
            self._task = None

    def subscribe(self, topic: str, handler: Handler) -> None:
        if self._subscriptions.add(topic, handler):
            self._changed.set()

    def unsubscribe(self, topic: str, handler: Handler) -> None:
        if self._subscriptions.remove(topic, handler):
            self._changed.set()

    def subscribers(self, topic: str) -> int:
        return self._subscriptions.count(topic)

    def publish(self, topic: str, text: str, cursor: int | None = None) -> None:
        self.order.push(topic, text, cursor)
        self._send(
            self._prefix + topic, f"{self.node_id}\n{'' if cursor is None else cursor}\n{text}"
        )

    def publish_here(self, topic: str, text: str) -> None:
        self._subscriptions.deliver(topic, text, None)

    def committed(self, prev: int, last: int) -> None:
        """The group writer committed events ``(prev, last]``. Told before the writer answers
        its callers; the span goes out after the pushes they make on being answered."""
        loop = asyncio.get_running_loop()
        # Each caller resumes in its own turn of the loop (call_soon order) and pushes there;
        # two more turns leave room for a wrapper task between the writer and a caller.
        loop.call_soon(loop.call_soon, loop.call_soon, self._span_out, prev, last)

    # -------------------------------------------------------------- inside

    def _span_out(self, prev: int, last: int) -> None:
        self.order.span(prev, last)
        self._send(self._spans_channel, f"{self.node_id}\n{prev}\n{last}")

    def _send(self, channel: str, data: str) -> None:
        if not self.connected or len(self._queue) >= self._max_queue:
            self.dropped += 1
            return
        self._queue.append((channel, data))
        self._wake.set()

    def _received(self, channel: bytes, data: bytes) -> None:
        node, _, rest = data.decode().partition("\n")
        if node == self.node_id:
            return
        first, _, second = rest.partition("\n")
        name = channel.decode()
        if name == self._spans_channel:
            self.order.span(int(first), int(second))
        elif name.startswith(self._prefix):
            self.order.push(name[len(self._prefix) :], second, int(first) if first else None)

    def _set_connected(self, connected: bool) -> None:
        if connected == self.connected:
            return
        self.connected = connected
        if not connected:
            self.dropped += len(self._queue)
            self._queue.clear()
        self.order.set_cut(not connected)

    async def _supervise(self) -> None:
        delay = BACKOFF_FIRST
        while not self._closing:
            connections = self.connections
            try:
                await self._session()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if self._closing:
                    return  # a cancel that Python 3.11's TaskGroup turned into its error
                if self.connections != connections or not self._warned:
                    log.warning("Redis bus cut off (%s): reconnecting", _describe(exc))
                    self._warned = True
                else:
                    log.debug("Redis bus still cut off (%s)", _describe(exc))
            self._set_connected(False)
            if self.connections != connections:
                delay = BACKOFF_FIRST
            await asyncio.sleep(delay * random.uniform(0.5, 1.5))
            delay = min(delay * 2, BACKOFF_CAP)

    async def _session(self) -> None:
        client = aioredis.Redis.from_url(
            self._url,
            retry=Retry(NoBackoff(), 0),
            socket_connect_timeout=TIMEOUT,
            socket_timeout=TIMEOUT,
            health_check_interval=0,
        )
        pubsub = client.pubsub()
        try:
            await pubsub.subscribe(self._spans_channel)
            self._on_server = set()
            await self._sync(pubsub)
            await client.ping()
            self.connections += 1
            self._warned = False
            self._set_connected(True)
            log.info("Redis bus connected as node %s", self.node_id)
            self.reconnected()
            async with asyncio.TaskGroup() as tasks:
                tasks.create_task(self._read(pubsub))
                tasks.create_task(self._subscriber(pubsub))
                tasks.create_task(self._publisher(client))
        except* Exception as group:
            raise group.exceptions[0] from None
        finally:
            self._set_connected(False)
            for closing in (pubsub.aclose, client.aclose):
                with contextlib.suppress(Exception):
                    async with asyncio.timeout(1.0):
                        await closing()

    async def _sync(self, pubsub: PubSub) -> None:
        """Make the connection's subscriptions what the local handlers want."""
        self._changed.clear()
        wanted = self._subscriptions.topics()
        new = [self._prefix + t for t in wanted - self._on_server]
        gone = [self._prefix + t for t in self._on_server - wanted]
        for i in range(0, len(new), SUBSCRIBE_CHUNK):
            await pubsub.subscribe(*new[i : i + SUBSCRIBE_CHUNK])
        for i in range(0, len(gone), SUBSCRIBE_CHUNK):
            await pubsub.unsubscribe(*gone[i : i + SUBSCRIBE_CHUNK])
        self._on_server = wanted

    async def _subscriber(self, pubsub: PubSub) -> None:
        """The one task that writes on the subscriber connection: subscription changes, and a
        ping when there were none for a while (the reader watches for its pong)."""
        while not self._closing:
            try:
                async with asyncio.timeout(PING_EVERY):
                    await self._changed.wait()
            except TimeoutError:
                await pubsub.ping()
                continue
            if not self._closing:
                await self._sync(pubsub)

    async def _read(self, pubsub: PubSub) -> None:
        loop = asyncio.get_running_loop()
        heard = loop.time()
        while not self._closing:
            message = await pubsub.get_message(timeout=PING_EVERY)
            now = loop.time()
            if message is None:
                if now - heard > DEAD_AFTER:
                    raise ConnectionError(f"nothing from Redis for {now - heard:.0f} s")
                continue
            heard = now
            if message["type"] == "message":
                try:
                    self._received(message["channel"], message["data"])
                except Exception:
                    log.exception("bad message on the Redis bus")

    async def _publisher(self, client: aioredis.Redis) -> None:
        queue = self._queue
        while not self._closing:
            if not queue:
                self._wake.clear()
                await self._wake.wait()
                for _ in range(SPAN_TURNS):
                    await asyncio.sleep(0)  # the batch's span joins its pushes in one pipeline
                continue
            batch = [queue.popleft() for _ in range(min(len(queue), PUBLISH_BATCH))]
            try:
                async with client.pipeline(transaction=False) as pipe:
                    for channel, data in batch:
                        pipe.publish(channel, data)
                    await pipe.execute()
            except BaseException:
                self.dropped += len(batch)
                raise


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
