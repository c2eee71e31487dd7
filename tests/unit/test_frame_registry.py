"""Issue 14, A3: the frame registry routes by frame type and side, refuses a second handler for
a frame at start, and is the one role check (a fresh read for admin and fresh-role routes)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from server import protocol as p
from server.core.frames import FrameRegistry, declared_frames, received_at, serves
from server.core.relay import ADMIN_FRAMES
from server.core.sessions import AgentSession, VisitorSession


class Chats:
    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    @serves(p.Ping)
    async def agent_ping(self, s: AgentSession, frame: p.Ping) -> None:
        self.calls.append(("agent", received_at()))

    @serves(p.Ping, role="visitor")
    async def visitor_ping(self, s: VisitorSession, frame: p.Ping) -> None:
        self.calls.append(("visitor", s.visitor_id))

    @serves(p.TeamLoad, role="admin")  # an agent frame in the relay: this module's own rule
    async def team_load(self, s: AgentSession, frame: p.TeamLoad) -> None:
        self.calls.append(("admin", s.account.name))

    @serves(p.History, fresh_role=True)
    async def history(self, s: AgentSession, frame: p.History) -> None:
        self.calls.append(("history", s.role))


class AlsoPing:
    @serves(p.Ping)
    async def ping(self, s: AgentSession, frame: p.Ping) -> None:
        pass


def _agent(role: str = "agent") -> AgentSession:
    info = p.AgentInfo(id=7, name="Ana", email="ana@example.com", role=role, status="online")  # type: ignore[arg-type]
    return AgentSession(conn=None, agent=info, token="t", api_token=False)  # type: ignore[arg-type]


def _registry(chats: Chats, account: dict[str, Any] | None) -> FrameRegistry:
    async def read_account(_agent_id: int) -> Any:
        return None if account is None else SimpleNamespace(id=7, name="Ana", **account)

    return FrameRegistry([chats], read_account=read_account)


async def test_routes_by_side_and_time_of_receipt() -> None:
    chats = Chats()
    registry = _registry(chats, {"role": "agent", "disabled": False})
    await registry.dispatch(_agent(), p.Ping(id=1), 12.5)
    await registry.dispatch(VisitorSession(conn=None, visitor_id=3, site_id=1), p.Ping(id=2), 0)  # type: ignore[arg-type]
    assert chats.calls == [("agent", 12.5), ("visitor", 3)]
    with pytest.raises(p.FrameRejected) as refused:
        await registry.dispatch(
            VisitorSession(conn=None, visitor_id=3, site_id=1),  # type: ignore[arg-type]
            p.History(id=3, chat_id=1),
            0,
        )
    assert (refused.value.code, refused.value.message) == ("forbidden", "History not allowed")
    assert registry.frames("admin") == {p.TeamLoad}
    assert registry.frames("visitor") == {p.Ping}


def test_two_handlers_for_one_frame_are_refused_at_start() -> None:
    with pytest.raises(RuntimeError, match="two handlers for Ping"):
        FrameRegistry([Chats(), AlsoPing()], read_account=lambda _id: None)  # type: ignore[arg-type, return-value]


async def test_admin_routes_read_the_role_fresh() -> None:
    chats = Chats()
    agent = _agent()
    demoted = _registry(chats, {"role": "agent", "disabled": False})
    with pytest.raises(p.FrameRejected) as refused:
        await demoted.dispatch(_agent("admin"), p.TeamLoad(id=1), 0)
    assert refused.value.code == "forbidden"
    disabled = _registry(chats, {"role": "admin", "disabled": True})
    with pytest.raises(p.FrameRejected) as refused:
        await disabled.dispatch(agent, p.TeamLoad(id=1), 0)
    assert refused.value.code == "unauthenticated"
    gone = _registry(chats, None)
    with pytest.raises(p.FrameRejected) as refused:
        await gone.dispatch(agent, p.History(id=1, chat_id=1), 0)
    assert refused.value.code == "unauthenticated"
    promoted = _registry(chats, {"role": "admin", "disabled": False})
    await promoted.dispatch(agent, p.TeamLoad(id=1), 0)  # promoted a moment ago
    assert agent.role == "admin"
    await _registry(chats, {"role": "agent", "disabled": False}).dispatch(
        agent, p.History(id=2, chat_id=1), 0
    )
    assert chats.calls == [("admin", "Ana"), ("history", "agent")]  # and demoted again


def test_admin_frames_are_derived_from_the_relays_services_only() -> None:
    assert declared_frames("admin") == ADMIN_FRAMES
    assert p.TeamLoad not in ADMIN_FRAMES  # declared admin above, but not by a relay service
    assert p.SetSneakPeek in ADMIN_FRAMES and p.ListSites in ADMIN_FRAMES
