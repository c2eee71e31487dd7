"""The bus: every push to a connection goes through it, so a second relay node (Redis pub/sub)
changes nothing above this interface.

Topics: ``agent:<id>`` (one agent's connections), ``agents`` (every agent), ``visitor:<id>``,
``visitors`` (every visitor). A message is the encoded frame plus its cursor (or None), so the
receiving connection can skip what a replay already sent without decoding it.
"""

from __future__ import annotations

import abc
import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

Handler = Callable[[str, "int | None"], None]
ReconnectListener = Callable[[], None]


def agent_topic(agent_id: int) -> str:
    return f"agent:{agent_id}"


def visitor_topic(visitor_id: int) -> str:
    return f"visitor:{visitor_id}"


def visitor_ip_topic(site_id: int, ip: str) -> str:
    """B5: every visitor connection of a site from one address (told of a block of it)."""
    return f"visitor-ip:{site_id}:{ip}"


AGENTS = "agents"
VISITORS = "visitors"
OFFERS = "offers"
"""Topic of the agents that take new chats (online, not away)."""
LIMITS_IP = "limits:ip"
LIMITS_FIRST_FRAME = "limits:first-frame"
LIMITS_CALLBACKS = "limits:callbacks"
LIMITS_CHANNEL_WEBHOOKS = "limits:channel-webhooks"
"""X4: what each client took from a node's per-IP buckets (server.core.shared_limits)."""
SITE_SETTINGS = "site-settings"
"""X4: a site's settings changed (the text is its id): every node drops what it cached of them."""
ROUTED = "routed"
"""Topic of every round of every chat's offer, whoever it goes to: the visitor tracker learns
there which visitor a chat belongs to (B2: the offers themselves go to each agent's topic)."""


class Bus(abc.ABC):
    """Several nodes (X4): the database is the log, the bus carries copies. A bus between nodes
    may lose messages while it is cut off (pub/sub is at-most-once); when it is back it calls
    every ``on_reconnect`` listener, which fills its gaps from the database (committed events
    by cursor) and announces its ephemeral state again (presence, viewers, typing)."""

    node_id: str = "local"
    """This node's id, unique among the nodes sharing the bus."""

    def on_reconnect(self, listener: ReconnectListener) -> None:
        """Call ``listener`` (on the event loop) each time the bus reconnected after a cut."""
        self._reconnect_listeners().append(listener)

    def _reconnect_listeners(self) -> list[ReconnectListener]:
        listeners: list[ReconnectListener] = self.__dict__.setdefault("_on_reconnect", [])
        return listeners

    def reconnected(self) -> None:
        """For implementations: tell every listener that the bus is back."""
        for listener in tuple(self._reconnect_listeners()):
            try:
                listener()
            except Exception:
                log.exception("reconnect listener failed")

    @abc.abstractmethod
    def subscribe(self, topic: str, handler: Handler) -> None: ...

    @abc.abstractmethod
    def unsubscribe(self, topic: str, handler: Handler) -> None: ...

    @abc.abstractmethod
    def publish(self, topic: str, text: str, cursor: int | None = None) -> None:
        """Deliver ``text`` to every handler of ``topic`` (on every node)."""

    def publish_here(self, topic: str, text: str) -> None:  # noqa: B027 - optional
        """Deliver ``text`` to this node's own handlers of ``topic`` only: what its clients
        missed while the bus was cut (another node's push lost on the way). A bus that never
        loses a message has nothing to make up, so by default this does nothing."""

    async def close(self) -> None:  # noqa: B027 - optional for implementations
        pass


class Subscriptions:
    """Each topic's handlers on this node, and delivery to them (one failing handler does not
    stop the others). An insertion-ordered set per topic: "visitors" may hold tens of
    thousands of handlers, and a disconnect must not scan them all."""

    def __init__(self) -> None:
        self._handlers: dict[str, dict[Handler, None]] = {}

    def add(self, topic: str, handler: Handler) -> bool:
        """Add ``handler``; True when ``topic`` had none before."""
        handlers = self._handlers.get(topic)
        new = handlers is None
        if handlers is None:
            handlers = self._handlers[topic] = {}
        handlers[handler] = None
        return new

    def remove(self, topic: str, handler: Handler) -> bool:
        """Remove ``handler``; True when that left ``topic`` without any."""
        handlers = self._handlers.get(topic)
        if handlers is None:
            return False
        handlers.pop(handler, None)
        if handlers:
            return False
        del self._handlers[topic]
        return True

    def deliver(self, topic: str, text: str, cursor: int | None) -> None:
        for handler in tuple(self._handlers.get(topic, ())):
            try:
                handler(text, cursor)
            except Exception:
                log.exception("push to %s failed", topic)

    def count(self, topic: str) -> int:
        return len(self._handlers.get(topic, ()))

    def topics(self) -> set[str]:
        return set(self._handlers)


class LocalBus(Bus):
    """In-process bus: one relay node (it is never cut off, so it never calls ``on_reconnect``).
    Several ``Relay`` objects in one process may share one to act as nodes of a cluster."""

    def __init__(self) -> None:
        self._subscriptions = Subscriptions()

    def subscribe(self, topic: str, handler: Handler) -> None:
        self._subscriptions.add(topic, handler)

    def unsubscribe(self, topic: str, handler: Handler) -> None:
        self._subscriptions.remove(topic, handler)

    def publish(self, topic: str, text: str, cursor: int | None = None) -> None:
        self._subscriptions.deliver(topic, text, cursor)

    def subscribers(self, topic: str) -> int:
        return self._subscriptions.count(topic)
