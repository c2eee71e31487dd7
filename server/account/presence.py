"""Who is online: agents (online / away / offline) on every relay node (X4).

An agent is online or away while at least one of its connections is open on any node (the
WebSocket keepalive closes a connection whose peer stopped answering), offline otherwise. The
status is per agent: the last one set on any of its connections, on any node.

Presence is ephemeral, so it crosses nodes over the bus only (DESIGN.md): each node announces
its own agents on :data:`PRESENCE_TOPIC` at each change and as a heartbeat every
``heartbeat`` seconds, and keeps every other node's last snapshot until ``expiry`` seconds
after its last announcement. A node that dies (no shutdown, no more heartbeats) thus takes its
agents offline everywhere within ``expiry``. A node starting, and a bus back after a cut
(``Bus.on_reconnect``), asks the others to announce at once.

The other ephemeral per-node state (visitors, viewers) rides on this liveness: a service's
:class:`~server.core.node_state.NodeChannel` is :meth:`Presence.attach`-ed, starts and stops
with presence, and is told when a node is gone or heard from again.

Asked on every visitor message (may a chat start? to whom is it routed?), so nothing here scans
the agents per question: the agents taking new chats are kept as a tuple, rebuilt only when an
agent's status changes (issue 15).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from server import protocol as p
from server.core.bus import Bus, LocalBus
from server.core.node_state import NodeChannel

log = logging.getLogger(__name__)

Status = Literal["online", "away"]
Entry = tuple[Status, float]
"""A status and when it was set (wall-clock time, comparable across nodes)."""

PRESENCE_TOPIC = "presence"
"""Node to node: ``{"node", "kind": "state" | "ask" | "bye", ...}`` as JSON."""
SETTLE = 1.0
"""Seconds a starting node waits for the others' answers over a bus between nodes."""
STATUSES: tuple[Status, ...] = ("online", "away")


class Left(NamedTuple):
    last_here: bool
    """The agent's last connection on this node closed."""
    changed: bool
    """Her status as every node sees it changed (she is connected to no other node)."""


class Changes(NamedTuple):
    """What another node's message changed here and nobody has pushed yet."""

    push: list[int]
    """Agents whose status colleagues must be told again."""
    announce: bool
    """Visitors must be told again whether agents are available."""
    gone: list[int]
    """Agents a dead node took offline (their drop-out rows are to be written)."""
    missed: tuple[int, ...] = ()
    """Agents whose change reached this node only in a snapshot (a heartbeat, an answer to an
    ask after a start or a bus cut), not in the message that announced it: the push that went
    with it was lost too, so this node's own clients are told again (the others' nodes do
    the same for theirs)."""
    announce_here: bool = False
    """Those changes made agents available here, or no longer: this node's visitors are told."""


@dataclass
class _Node:
    agents: dict[int, Entry] = field(default_factory=dict)
    expires: float = 0.0
    """``time.monotonic()`` after which the snapshot is dropped."""


def _no_listener(_changes: Changes) -> None:
    pass


class Presence:
    def __init__(
        self,
        bus: Bus | None = None,
        *,
        node_id: str = "",
        heartbeat: float = 10.0,
        expiry: float = 30.0,
    ) -> None:
        if heartbeat <= 0 or expiry <= heartbeat:
            raise ValueError("presence: the expiry must be longer than the heartbeat (> 0)")
        self.bus = bus
        self.node_id = node_id or uuid.uuid4().hex[:12]
        self.heartbeat = heartbeat
        self.expiry = expiry
        self.on_change: Callable[[Changes], None] = _no_listener
        """Told of changes another node's message (or its silence) made (Availability)."""
        self._connections: dict[int, int] = {}
        self._local: dict[int, Entry] = {}
        self._remote: dict[str, _Node] = {}
        self._where: dict[int, set[str]] = {}
        """Agent -> the other nodes that hold her."""
        self._status: dict[int, Status] = {}
        self._online: tuple[int, ...] = ()
        self._task: asyncio.Task[None] | None = None
        self._asked_at = 0.0
        self._subscribed = False
        self._told_gone: dict[str, set[int]] = {}
        """Silent nodes whose agents this node told everyone were offline."""
        self._changed: set[int] | None = None
        """Agents changed here since the last announcement (None: none is scheduled)."""
        self._channels: list[NodeChannel] = []

    def attach(self, channel: NodeChannel) -> None:
        """X4: ``channel`` starts and stops with presence, and learns from it which nodes are
        gone (one heartbeat for every kind of per-node state)."""
        channel.is_leader = self.is_leader
        self._channels.append(channel)
        if self._subscribed:
            channel.start()

    # -------------------------------------------------------------- this node's connections

    def connect(self, agent_id: int, status: Status) -> bool:
        """Returns True when the agent's visible status changed."""
        self._connections[agent_id] = self._connections.get(agent_id, 0) + 1
        return self._local_change(agent_id, (status, time.time()))

    def disconnect(self, agent_id: int) -> Left:
        left = self._connections.get(agent_id, 0) - 1
        if left > 0:
            self._connections[agent_id] = left
            return Left(False, False)
        self._connections.pop(agent_id, None)
        return Left(True, self._local_change(agent_id, None))

    def set_status(self, agent_id: int, status: Status) -> bool:
        if agent_id not in self._connections:
            return False
        return self._local_change(agent_id, (status, time.time()))

    def _local_change(self, agent_id: int, entry: Entry | None) -> bool:
        before = self.status(agent_id)
        if entry is None:
            self._local.pop(agent_id, None)
        else:
            self._local[agent_id] = entry
        self._merge(agent_id)
        self._changed_here(agent_id)
        return before != self.status(agent_id)

    def _changed_here(self, agent_id: int) -> None:
        """Announce soon: the changes of one turn of the loop (a relay's restart reconnects
        every agent at once) go out in one message."""
        if self._changed is not None:
            self._changed.add(agent_id)
            return
        self._changed = {agent_id}
        try:
            asyncio.get_running_loop().call_soon(self._flush)
        except RuntimeError:  # no loop: announce at once
            self._flush()

    def _flush(self) -> None:
        changed, self._changed = self._changed or set(), None
        self._announce({a: self.status(a) for a in changed})

    # -------------------------------------------------------------- questions

    def status(self, agent_id: int) -> p.AgentStatus:
        return self._status.get(agent_id, "offline")

    def online_count(self) -> int:
        return len(self._online)

    def online_agents(self) -> tuple[int, ...]:
        """Agents that take new chats (online, not away) on any node, in the order they came
        online. An immutable snapshot: it may be handed to the writer's thread as it is."""
        return self._online

    def connected_agents(self) -> frozenset[int]:
        """Agents connected to any node, online or away (not for the per-message path)."""
        return frozenset(self._status)

    def is_leader(self) -> bool:
        """The live node with the smallest id: it pushes what a dead node's silence changed."""
        return min((self.node_id, *self._remote)) == self.node_id

    # -------------------------------------------------------------- merging

    def _merge(self, agent_id: int) -> None:
        best = self._local.get(agent_id)
        for node in self._where.get(agent_id, ()):
            entry = self._remote[node].agents[agent_id]
            if best is None or entry[1] > best[1]:
                best = entry
        was_online = self._status.get(agent_id) == "online"
        if best is None:
            self._status.pop(agent_id, None)
        else:
            self._status[agent_id] = best[0]
        if was_online != (best is not None and best[0] == "online"):
            self._online = tuple(a for a, s in self._status.items() if s == "online")

    def _replace(self, node: str, agents: dict[int, Entry] | None) -> list[int]:
        """Another node's new snapshot (None: the node is gone); returns the agents whose
        merged status changed."""
        old = self._remote.pop(node, None)
        before = old.agents if old is not None else {}
        if agents is not None:
            self._remote[node] = _Node(agents, time.monotonic() + self.expiry)
        after = agents or {}
        changed = []
        for agent_id in before.keys() | after.keys():
            holders = self._where.setdefault(agent_id, set())
            if agent_id in after:
                holders.add(node)
            else:
                holders.discard(node)
            if not holders:
                del self._where[agent_id]
            status = self.status(agent_id)
            self._merge(agent_id)
            if self.status(agent_id) != status:
                changed.append(agent_id)
        return changed

    # -------------------------------------------------------------- the bus

    def _publish(self, message: dict[str, Any]) -> None:
        if self.bus is not None and self._subscribed:
            self.bus.publish(PRESENCE_TOPIC, json.dumps({"node": self.node_id, **message}))

    def _announce(self, changed: dict[int, p.AgentStatus] | None = None) -> None:
        """This node's agents; ``changed``: what this node now sees for the agents whose
        status just changed here (a node that sees otherwise tells colleagues again)."""
        self._publish(
            {
                "kind": "state",
                "agents": [[a, s, ts] for a, (s, ts) in self._local.items()],
                "changed": [[a, s] for a, s in (changed or {}).items()],
                "online": self.online_count() > 0,
            }
        )

    def _received(self, text: str, _cursor: int | None) -> None:
        try:
            message = json.loads(text)
            node = str(message["node"])
            kind = message["kind"]
            if node == self.node_id:
                return
            if kind == "ask":
                self._announce()
            elif kind == "bye":
                self._gone(node)
            elif kind == "state":
                self._state(node, message)
        except (ValueError, KeyError, TypeError, IndexError):
            log.warning("bad presence message ignored: %.200s", text)

    def _state(self, node: str, message: dict[str, Any]) -> None:
        agents: dict[int, Entry] = {}
        for agent_id, status, ts in message["agents"]:
            if status in STATUSES:
                agents[int(agent_id)] = (status, float(ts))
        count_before = self.online_count()
        new = node not in self._remote
        changed = self._replace(node, agents)
        if new:
            for channel in self._channels:
                channel.node_back(node)
        # The sender pushed what it saw; two nodes changing one agent at once may both have
        # seen the other still holding her: then whoever sees otherwise pushes again.
        told = {int(a): seen for a, seen in message["changed"]}
        push = [a for a, seen in told.items() if self.status(a) != seen]
        available = self.online_count() > 0
        announce = bool(told) and available != bool(message["online"])
        back = self._told_gone.pop(node, None)
        if back is not None:
            # This node told everyone the node's agents went offline (it was silent: a cut
            # bus, not a death): whoever is back is told back.
            push += [a for a in changed if a in back and a not in told]
            announce = announce or (count_before > 0) != available
        # A change no message told (the bus was cut when it happened, or this node was not on
        # it yet): its push was lost as well, for this node's clients.
        missed = tuple(a for a in changed if a not in told and a not in push)
        announce_here = bool(missed) and not announce and (count_before > 0) != available
        if push or announce or missed:
            self.on_change(Changes(push, announce, [], missed, announce_here))

    def _gone(self, node: str) -> None:
        """A node said goodbye or stopped heartbeating: its agents leave its snapshot."""
        if node not in self._remote:
            return
        count_before = self.online_count()
        changed = self._replace(node, None)
        log.info("presence: node %s gone (%d agent(s) changed)", node, len(changed))
        for channel in self._channels:
            channel.node_gone(node)
        if not self.is_leader():
            return
        self._told_gone[node] = set(changed)
        gone = [a for a in changed if self.status(a) == "offline"]
        announce = (count_before > 0) != (self.online_count() > 0)
        if changed or announce:
            self.on_change(Changes(changed, announce, gone))

    # -------------------------------------------------------------- lifecycle

    def start(self) -> None:
        """Listen to the other nodes, ask them to announce, and heartbeat."""
        if self.bus is None or self._task is not None:
            return
        self.bus.subscribe(PRESENCE_TOPIC, self._received)
        self._subscribed = True
        self.bus.on_reconnect(self._ask)
        self._ask()
        for channel in self._channels:
            channel.start()
        self._task = asyncio.create_task(self._run(), name="presence")

    def _ask(self) -> None:
        if not self._subscribed:
            return
        self._asked_at = time.monotonic()
        self._publish({"kind": "ask"})
        self._announce()

    async def settled(self) -> None:
        """After the first round of the other nodes' answers (bounded). The in-process bus
        delivers them during the ask itself; a bus between nodes gets ``SETTLE`` seconds."""
        if self.bus is None or isinstance(self.bus, LocalBus):
            return
        wait = self._asked_at + SETTLE - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)

    async def stop(self, *, bye: bool = True) -> None:
        """Stop heartbeating; ``bye`` False leaves the others to expire this node (as when it
        dies: tests)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        for channel in self._channels:
            channel.stop()
        if self._subscribed and self.bus is not None:
            if bye:
                self._publish({"kind": "bye"})
            self.bus.unsubscribe(PRESENCE_TOPIC, self._received)
            self._subscribed = False

    async def _run(self) -> None:
        next_beat = time.monotonic() + self.heartbeat
        while True:
            now = time.monotonic()
            try:
                if now >= next_beat:
                    next_beat = now + self.heartbeat
                    self._announce()
                for node in [n for n, snap in self._remote.items() if snap.expires <= now]:
                    self._gone(node)
            except Exception:
                log.exception("presence heartbeat failed")
            wake = min([next_beat, *(snap.expires for snap in self._remote.values())])
            await asyncio.sleep(max(0.01, wake - time.monotonic()))
