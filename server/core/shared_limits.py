"""Per-IP limits that hold across relay nodes (X4).

A client may spread its sockets over several nodes behind a load balancer; each node's own
buckets would then let it through N times as fast. Asking Redis on every frame would put a
round trip on the hottest path, so each node keeps its buckets as before and tells the others,
once a ``interval``, how many tokens each client took from it; the others take as many from
their own bucket of that client. A client's rate over all nodes is then the limit, give or take
one interval's worth (a burst lands on one node before the others hear of it).

What it sends is a hint over the bus: a lost one lets a client a little more through, never
less. With one node nobody else listens, and nothing is encoded or sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter

import msgspec

from server.core.bus import Bus, LocalBus
from server.core.limits import IpLimiter, TokenBucket, client_key

log = logging.getLogger(__name__)

MAX_CLIENTS_PER_REPORT = 10_000
"""A report names at most this many clients (the busiest); the rest wait for the next one."""


class _Report(msgspec.Struct, frozen=True):
    node: str
    used: dict[str, int]


_encode = msgspec.json.Encoder().encode
_decode = msgspec.json.Decoder(_Report).decode


class SharedIpLimiter(IpLimiter):
    """An :class:`IpLimiter` whose clients' use is shared with the other nodes on ``bus``."""

    def __init__(
        self,
        rate: float,
        burst: float,
        *,
        bus: Bus,
        node_id: str,
        topic: str,
        interval: float = 1.0,
        max_ips: int = 100_000,
    ) -> None:
        super().__init__(rate, burst, max_ips)
        self.bus = bus
        self.node_id = node_id
        self.topic = topic
        self.interval = interval
        self._used: Counter[str] = Counter()
        self._task: asyncio.Task[None] | None = None
        self.reports_sent = 0
        self.reports_applied = 0

    def start(self) -> None:
        self.bus.subscribe(self.topic, self._on_report)
        self._task = asyncio.get_running_loop().create_task(self._run(), name=self.topic)

    async def stop(self) -> None:
        self.bus.unsubscribe(self.topic, self._on_report)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def take(self, ip: str) -> bool:
        ok = super().take(ip)
        if ok:
            self._used[client_key(ip)] += 1
        return ok

    def report(self) -> None:
        """Tell the other nodes what each client took here since the last report."""
        used, self._used = self._used, Counter()
        if not used or not self._others_listen():
            return
        if len(used) > MAX_CLIENTS_PER_REPORT:
            used = Counter(dict(used.most_common(MAX_CLIENTS_PER_REPORT)))
        self.bus.publish(self.topic, _encode(_Report(self.node_id, dict(used))).decode())
        self.reports_sent += 1

    def _others_listen(self) -> bool:
        # A LocalBus that only this limiter listens on is one node: nobody to tell. (Nodes in
        # one process may share a LocalBus, as the tests' clusters do.)
        return not isinstance(self.bus, LocalBus) or self.bus.subscribers(self.topic) > 1

    def _on_report(self, text: str, _cursor: int | None) -> None:
        try:
            report = _decode(text)
        except msgspec.DecodeError:
            log.warning("ignored a malformed limits report on %s", self.topic)
            return
        if report.node == self.node_id:
            return
        now = time.monotonic()
        for key, n in report.used.items():
            if n <= 0:
                continue
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) >= self.max_ips:
                    self._forget_full()
                bucket = self._buckets[key] = TokenBucket(self.rate, self.burst)
            # May go below zero: this node then refuses the client until it has refilled.
            bucket.tokens, bucket.stamp = bucket.level(now) - n, now
        self.reports_applied += 1

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                self.report()
            except Exception:
                log.exception("limits report on %s failed", self.topic)
