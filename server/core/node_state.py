"""X4: one kind of ephemeral per-node state, shared with the other relay nodes over pub/sub.

Some live state exists only on the node that holds the sockets: the visitors on the site (V1),
the agents viewing a chat (C18). Each such service keeps its own part and tells the other nodes
through a :class:`NodeChannel`: messages on one bus topic, each tagged with the sending node's
id, which the receiving service merges into a table per node. The channel does the rest, the
same way for every service:

- a node whose channel starts, or whose bus is back after a cut (``Bus.on_reconnect``), asks
  every node for its full state (``ask``) and sends its own (``state``);
- when presence finds a node gone (its goodbye, or no heartbeat for the presence expiry:
  :meth:`server.account.presence.Presence.attach`), the service's ``gone`` listener drops that
  node's part; if the node is heard from again, it is asked for its full state again.

Node liveness is presence's (one heartbeat for everything), not the channel's. Nothing is
encoded or sent while no other node can listen (one node on a :class:`LocalBus`).

A message on the topic is ``<kind>\\n<node>\\n<to>\\n<body>``; ``to`` is a node id, or empty for
every node. ``body`` is whatever the service encodes (JSON).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from server.core.bus import Bus, LocalBus

log = logging.getLogger(__name__)

Received = Callable[[str, str], None]
"""(sending node, body)"""
Gone = Callable[[str], None]
"""(node)"""

ASK = "ask"
STATE = "state"
"""The sender's full state: it replaces what the receiver holds of that node."""


def _always() -> bool:
    return True


class NodeChannel:
    def __init__(
        self, bus: Bus, topic: str, *, node_id: str, full_state: Callable[[], str]
    ) -> None:
        self.bus = bus
        self.topic = topic
        self.node_id = node_id
        self._full_state = full_state
        self._handlers: dict[str, Received] = {}
        self._gone: list[Gone] = []
        self._started = False
        self._hooked = False
        self._lost: set[str] = set()
        """Nodes found gone: asked for their state when heard from again."""
        self.is_leader: Callable[[], bool] = _always
        """The live node with the smallest id (presence's): it pushes what a node's death
        changed, once."""

    def on(self, kind: str, handler: Received) -> None:
        """``handler(node, body)`` for each ``kind`` message from another node (``state``: a
        node's full state)."""
        self._handlers[kind] = handler

    def on_gone(self, listener: Gone) -> None:
        self._gone.append(listener)

    @property
    def active(self) -> bool:
        """Another node may listen: worth encoding a message for."""
        if not self._started:
            return False
        return not isinstance(self.bus, LocalBus) or self.bus.subscribers(self.topic) > 1

    def send(self, kind: str, body: str, *, to: str = "") -> None:
        if self.active:
            self.bus.publish(self.topic, f"{kind}\n{self.node_id}\n{to}\n{body}")

    # -------------------------------------------------------------- lifecycle (presence)

    def start(self) -> None:
        if self._started:
            return
        self.bus.subscribe(self.topic, self._received)
        if not self._hooked:
            self.bus.on_reconnect(self.ask)  # the bus has no way to remove a listener
            self._hooked = True
        self._started = True
        self.ask()

    def stop(self) -> None:
        if self._started:
            self._started = False
            self.bus.unsubscribe(self.topic, self._received)

    def ask(self, node: str = "") -> None:
        """Ask ``node`` (every node) for its full state; a general ask sends this node's too
        (the others may have dropped it while this node was cut off)."""
        if not self._started:
            return
        self.send(ASK, "", to=node)
        if not node:
            self.send(STATE, self._full_state())

    def node_gone(self, node: str) -> None:
        self._lost.add(node)
        for listener in tuple(self._gone):
            try:
                listener(node)
            except Exception:
                log.exception("%s: dropping node %s failed", self.topic, node)

    def node_back(self, node: str) -> None:
        """Presence hears again from a node it had found gone (a cut, not a death)."""
        if node in self._lost:
            self._lost.discard(node)
            self.ask(node)

    # -------------------------------------------------------------- receiving

    def _received(self, text: str, _cursor: int | None) -> None:
        try:
            kind, node, to, body = text.split("\n", 3)
        except ValueError:
            log.warning("%s: bad message ignored: %.200s", self.topic, text)
            return
        if node == self.node_id or (to and to != self.node_id):
            return
        if node in self._lost:
            self.node_back(node)  # heard from before its heartbeat: asked for the rest
        if kind == ASK:
            self.send(STATE, self._full_state())
            return
        handler = self._handlers.get(kind)
        if handler is None:
            return
        try:
            handler(node, body)
        except Exception:
            log.exception("%s: %s message from %s failed", self.topic, kind, node)
