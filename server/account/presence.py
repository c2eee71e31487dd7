"""Who is online: agents (online / away / offline) on this relay node."""

from __future__ import annotations

from collections import defaultdict
from typing import Literal

from server import protocol as p

Status = Literal["online", "away"]


class Presence:
    """An agent is online or away while at least one of its connections is open (the
    WebSocket keepalive closes a connection whose peer stopped answering), offline otherwise.
    The status is per agent: the last one set on any of its connections.

    Asked on every visitor message (may a chat start? to whom is it routed?), so nothing here
    scans the agents per question: the agents taking new chats are kept as a tuple, rebuilt
    only when an agent's status changes (issue 15)."""

    def __init__(self) -> None:
        self._connections: dict[int, int] = defaultdict(int)
        self._status: dict[int, Status] = {}
        self._online: tuple[int, ...] = ()

    def connect(self, agent_id: int, status: Status) -> bool:
        """Returns True when the agent's visible status changed."""
        before = self.status(agent_id)
        self._connections[agent_id] += 1
        self._set(agent_id, status)
        return before != status

    def disconnect(self, agent_id: int) -> bool:
        self._connections[agent_id] -= 1
        if self._connections[agent_id] <= 0:
            del self._connections[agent_id]
            self._set(agent_id, None)
            return True
        return False

    def set_status(self, agent_id: int, status: Status) -> bool:
        if agent_id not in self._connections:
            return False
        before = self._status.get(agent_id)
        self._set(agent_id, status)
        return before != status

    def _set(self, agent_id: int, status: Status | None) -> None:
        was_online = self._status.get(agent_id) == "online"
        if status is None:
            self._status.pop(agent_id, None)
        else:
            self._status[agent_id] = status
        if was_online != (status == "online"):
            self._online = tuple(a for a, s in self._status.items() if s == "online")

    def status(self, agent_id: int) -> p.AgentStatus:
        return self._status.get(agent_id, "offline")

    def online_count(self) -> int:
        return len(self._online)

    def online_agents(self) -> tuple[int, ...]:
        """Agents that take new chats (online, not away), in the order they connected. An
        immutable snapshot: it may be handed to the writer's thread as it is."""
        return self._online
