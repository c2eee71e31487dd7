"""The frame registry: which handler serves each frame a client sends, and the role it needs.

Each domain service marks its handlers with :func:`serves`, the role next to the handler::

    class ActionService:
        @serves(p.LeaveChat)                      # role="agent": any signed-in agent
        async def leave(self, s: AgentSession, frame: p.LeaveChat) -> None: ...
        @serves(p.BlockPreview, fresh_role=True)  # the answer depends on the role (finding 6)
        ...

The relay builds one :class:`FrameRegistry` from its service instances and dispatches every
frame after the first by its type (:meth:`FrameRegistry.dispatch`). That is THE role check
(A3): before an ``admin`` or ``fresh_role`` handler runs, the sender's account is read again
(a role changed a moment ago, on any node, counts at once); a disabled account is refused
``unauthenticated``, a non-admin sending an admin frame ``forbidden``. A frame no handler serves
to the sender's side is refused ``forbidden`` too. ``server.core.relay.ADMIN_FRAMES`` is
derived from the declarations (:func:`declared_frames`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from server import protocol as p
from server.core.sessions import AgentSession, VisitorSession

log = logging.getLogger(__name__)

Role = Literal["visitor", "agent", "admin"]
"""Who may send a frame: a visitor's widget; any signed-in agent; only an admin."""
Session = AgentSession | VisitorSession
Handler = Callable[[Any, Any], Awaitable[None]]
F = TypeVar("F", bound=Callable[..., Any])

_MARK = "__serves__"
_received: ContextVar[float] = ContextVar("frame_received")


@dataclass(frozen=True, slots=True)
class Declaration:
    """One ``@serves`` entry: ``where`` names the handler (``module.Class.method``)."""

    frame: type[p.Frame]
    role: Role
    fresh_role: bool
    where: str


_declared: list[Declaration] = []
"""Every declaration made so far, for :func:`declared_frames`."""


def serves(*frame_types: type[p.Frame], role: Role = "agent", fresh_role: bool = False) -> Any:
    """Mark a service method ``async (self, session, frame) -> None`` as the handler of
    ``frame_types`` for senders of ``role``. ``fresh_role``: the answer depends on the sender's
    role, which is read again before the handler runs (always so for ``role="admin"``)."""
    if not frame_types:
        raise TypeError("serves() needs at least one frame type")
    if role == "visitor" and fresh_role:
        raise TypeError("visitors have no role to read again")

    def mark(handler: F) -> F:
        where = f"{handler.__module__}.{handler.__qualname__}"
        found = tuple(
            Declaration(frame, role, fresh_role or role == "admin", where) for frame in frame_types
        )
        setattr(handler, _MARK, getattr(handler, _MARK, ()) + found)
        _declared.extend(found)
        return handler

    return mark


def declared_frames(role: Role) -> frozenset[type[p.Frame]]:
    """The frames the relay's services (modules under ``server.``) declare for ``role``, as far
    as they are imported (``server.core.relay`` imports them all)."""
    return frozenset(d.frame for d in _declared if d.role == role and d.where.startswith("server."))


def received_at() -> float:
    """``time.perf_counter()`` when the frame being handled was read. Per task: each pipelined
    message is handled in its own task and sees its own time."""
    return _received.get()


@dataclass(frozen=True, slots=True)
class Route:
    frame: type[p.Frame]
    role: Role
    fresh_role: bool
    handler: Handler
    where: str


class FrameRegistry:
    """The handlers of the given service instances (their ``@serves`` methods, bound), one per
    frame type and side; a second handler for the same frame and side is refused here, at
    start. ``read_account(agent_id)`` reads an agent's account row (None when gone)."""

    def __init__(
        self, services: Iterable[object], *, read_account: Callable[[int], Awaitable[Any]]
    ) -> None:
        self._read_account = read_account
        self._routes: dict[tuple[type[p.Frame], str], Route] = {}
        for service in services:
            for name in dir(type(service)):
                for d in getattr(getattr(type(service), name, None), _MARK, ()):
                    self._add(Route(d.frame, d.role, d.fresh_role, getattr(service, name), d.where))

    def _add(self, route: Route) -> None:
        key = (route.frame, _side(route.role))
        other = self._routes.get(key)
        if other is not None:
            raise RuntimeError(
                f"two handlers for {route.frame.__name__} ({key[1]}s): {other.where} and "
                f"{route.where}"
            )
        self._routes[key] = route

    def route(self, frame_type: type[p.Frame], role: Role) -> Route | None:
        """The route serving ``frame_type`` to senders of ``role``'s side (visitors, or agents
        and admins), None when there is none. Whether an agent is an admin is not decided here:
        :meth:`dispatch` reads the role fresh for admin routes."""
        return self._routes.get((frame_type, _side(role)))

    def frames(self, role: Role) -> frozenset[type[p.Frame]]:
        """The frames declared for exactly ``role`` (``"admin"``: only admins may send them)."""
        return frozenset(r.frame for r in self._routes.values() if r.role == role)

    async def dispatch(self, session: Session, frame: p.Frame, received: float) -> None:
        _received.set(received)
        route = self.route(type(frame), session.role)
        if route is None:
            raise p.FrameRejected("forbidden", f"{type(frame).__name__} not allowed")
        if route.fresh_role:
            assert isinstance(session, AgentSession)
            await self._check_role(session, route)
        await route.handler(session, frame)

    async def _check_role(self, session: AgentSession, route: Route) -> None:
        """A3, finding 6: the one role check, against the account as stored now."""
        me = await self._read_account(session.agent_id)
        if me is None or me.disabled:
            raise p.FrameRejected("unauthenticated", "this account is disabled")
        if route.role == "admin" and me.role != "admin":
            log.info("agent %s refused %s (not an admin)", me.id, route.frame.__name__)
            raise p.FrameRejected("forbidden", "only administrators may do this")
        session.account = me
        if me.role != session.role:
            session.with_role(me.role)


def _side(role: Role) -> str:
    """Visitors and agents have separate routes (``send_message`` is served to both)."""
    return "visitor" if role == "visitor" else "agent"
