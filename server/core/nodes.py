"""X4: how a relay node joins the others: the bus it uses, and what that bus is wired to.

Without a Redis URL the node is alone on a :class:`~server.core.bus.LocalBus` and ``redis`` is
not even imported. With one, the :class:`~server.core.redis_bus.RedisBus` is told each commit's
cursor span by the group writer (pushes in cursor order on every node,
``server.core.cursor_order``), asks :class:`~server.chats.replay.GapFill` to fill what a gap or
a cut lost, and shows its state in the node's metrics.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from prometheus_client import Gauge

from server.chats.replay import GapFill
from server.core.bus import Bus, LocalBus
from server.core.config import Settings
from server.core.metrics import Metrics
from server.store.writer import GroupWriter

if TYPE_CHECKING:
    from server.core.redis_bus import RedisBus


def make_bus(settings: Settings) -> Bus:
    if not settings.redis_url:
        return LocalBus()  # one node: redis is not even imported
    from server.core.redis_bus import RedisBus

    return RedisBus(settings.redis_url, node_id=settings.node_id)


def redis_bus_of(bus: Bus) -> RedisBus | None:
    module = sys.modules.get("server.core.redis_bus")  # loaded if a RedisBus was made
    return bus if module is not None and isinstance(bus, module.RedisBus) else None


def _bus_metrics(metrics: Metrics, bus: RedisBus | None) -> None:
    connected = Gauge(
        "jivo_bus_connected",
        "1 while the bus to the other nodes is connected (always 1 for a single node)",
        registry=metrics.registry,
    )
    dropped = Gauge(
        "jivo_bus_dropped",
        "Messages not passed to the other nodes (Redis cut off or too slow); the database "
        "fills their gaps",
        registry=metrics.registry,
    )
    late = Gauge(
        "jivo_bus_late_pushes",
        "Event pushes that reached this node after the commit span that ordered them (sent at "
        "once, possibly after a newer event)",
        registry=metrics.registry,
    )
    if bus is None:
        connected.set(1)
        return
    connected.set_function(lambda: 1.0 if bus.connected else 0.0)
    dropped.set_function(lambda: float(bus.dropped))
    late.set_function(lambda: float(bus.order.late))


def join(bus: Bus, writer: GroupWriter, gap_fill: GapFill, metrics: Metrics) -> RedisBus | None:
    """Wire ``bus`` to the node's writer and gap fill; returns it if it is a RedisBus."""
    bus.on_reconnect(gap_fill.request)
    redis_bus = redis_bus_of(bus)
    if redis_bus is not None:
        writer.on_commit = redis_bus.committed
        redis_bus.order.fill = gap_fill.request
        gap_fill.on_point = redis_bus.order.advance_to
    _bus_metrics(metrics, redis_bus)
    return redis_bus
