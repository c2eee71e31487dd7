"""The session of one connection after its first frame: what every frame handler receives.

An :class:`AgentSession` is an agent (or a script with an API token) signed in on one
connection; a :class:`VisitorSession` is a visitor's widget on one connection. Handlers read the
sender from here instead of from closures of the relay (``server.core.frames``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import msgspec

from server import protocol as p
from server.account import auth

if TYPE_CHECKING:
    from server.core.connection import Conn


@dataclass(eq=False, slots=True)
class AgentSession:
    """One agent connection. ``agent`` is replaced when its status changes (``set_status``)
    or a fresh read finds another role (the dispatcher, finding 6)."""

    conn: Conn
    agent: p.AgentInfo
    token: str
    api_token: bool
    """K3: a script's API token, not a session (no lifetime, ``sign_out`` refused)."""
    account: Any = None
    """The sender's account row, read for the frame being handled by the dispatcher before a
    ``fresh_role`` (or admin) handler runs; None before the first such frame."""

    @property
    def agent_id(self) -> int:
        return self.agent.id

    @property
    def role(self) -> Literal["agent", "admin"]:
        return self.agent.role

    @property
    def session_hash(self) -> str | None:
        """Finding 7: the stored session this connection signed in with (None: an API
        token)."""
        return None if self.api_token else auth.token_hash(self.token)

    def with_role(self, role: Literal["agent", "admin"]) -> None:
        self.agent = msgspec.structs.replace(self.agent, role=role)

    def with_status(self, status: p.AgentStatus) -> None:
        self.agent = msgspec.structs.replace(self.agent, status=status)


@dataclass(eq=False, slots=True)
class VisitorSession:
    """One visitor's widget. Plain values only: it lives as long as the visitor stays, and
    visitors are many."""

    conn: Conn
    visitor_id: int
    site_id: int

    @property
    def role(self) -> Literal["visitor"]:
        return "visitor"
