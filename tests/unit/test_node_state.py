"""X4: NodeChannel, the one way per-node ephemeral state (visitors, viewers) crosses nodes, on
an in-process bus shared by two "nodes"."""

from __future__ import annotations

import pytest

from server.core.bus import LocalBus
from server.core.node_state import STATE, NodeChannel

pytestmark = pytest.mark.timeout(10)


class Node:
    def __init__(self, bus: LocalBus, node_id: str) -> None:
        self.state = "[]"
        self.got: list[tuple[str, str, str]] = []
        self.channel = NodeChannel(bus, "test:nodes", node_id=node_id, full_state=self.full)
        for kind in (STATE, "delta"):
            self.channel.on(kind, lambda node, body, kind=kind: self.got.append((kind, node, body)))
        self.gone: list[str] = []
        self.channel.on_gone(self.gone.append)

    def full(self) -> str:
        return self.state


class RecordingBus(LocalBus):
    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    def publish(self, topic: str, text: str, cursor: int | None = None) -> None:
        self.sent.append(text)
        super().publish(topic, text, cursor)


def test_x4_a_lone_node_sends_nothing() -> None:
    """X4: one node on a LocalBus: no other node can listen, nothing is encoded or sent."""
    bus = RecordingBus()
    alone = Node(bus, "a")
    alone.channel.start()
    assert not alone.channel.active
    alone.channel.send("delta", "x")
    alone.channel.ask()
    assert bus.sent == []
    other = Node(bus, "b")
    other.channel.start()
    assert alone.channel.active and bus.sent  # now there is someone to tell


def test_x4_start_asks_for_full_states_and_a_node_back_is_asked_again() -> None:
    """X4: a starting node gets every node's full state and sends its own; a message meant for
    one node reaches only it; a node found gone, once heard from again, is asked for its whole
    state (what it held was dropped meanwhile)."""
    bus = LocalBus()
    a, b = Node(bus, "a"), Node(bus, "b")
    a.state, b.state = '["a1"]', '["b1"]'
    a.channel.start()
    assert a.got == []  # nobody else yet
    b.channel.start()
    assert (STATE, "a", '["a1"]') in b.got  # a answered b's ask
    assert (STATE, "b", '["b1"]') in a.got  # b sent its own on start

    a.got.clear()
    b.channel.send("delta", "only for c", to="c")
    assert a.got == []

    a.channel.node_gone("b")
    assert a.gone == ["b"]
    b.state = '["b2"]'
    b.channel.send("delta", '["b2"]')
    assert a.got == [(STATE, "b", '["b2"]'), ("delta", "b", '["b2"]')]
    a.got.clear()
    b.channel.send("delta", "again")
    assert a.got == [("delta", "b", "again")]  # asked once

    b.channel.stop()
    a.got.clear()
    a.channel.ask()
    assert a.got == []  # a stopped node answers nothing
