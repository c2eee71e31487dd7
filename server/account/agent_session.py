"""An agent's connection from its sign-in to its close, and the frames about the session itself
(``ping``, ``sign_out``).

After the sign-in (``server.account.sign_in_flow``): subscribe to the agent's topics, count it
online, send the welcome and replay what it missed, then let the relay serve its frames; on the
way out undo all of it (``finally``), as in the websockets tutorial.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine
from websockets.exceptions import ConnectionClosed

from server import __version__
from server import protocol as p
from server.account import agents as agents_repo
from server.account import departments as departments_repo
from server.account.availability import Availability
from server.account.service import AccountService
from server.account.sign_in_flow import SignInFlow
from server.actions.service import ActionService
from server.chats import reads as chat_reads
from server.chats.replay import REPLAY_PAGE, GapFill, replay
from server.chats.service import OFFERS
from server.core import bus as topics
from server.core.bus import Bus
from server.core.config import Settings
from server.core.frames import serves
from server.core.metrics import Metrics
from server.core.sessions import AgentSession
from server.ops.logs import LogService
from server.store.db import read
from server.store.writer import GroupWriter
from server.visitors.tracker import watchers_topic

if TYPE_CHECKING:
    from server.core.connection import Conn

ServeFrames = Callable[[AgentSession], Awaitable[None]]
"""The relay's read loop: serves the session's frames until the connection closes."""


class AgentSessions:
    def __init__(
        self,
        engine: AsyncEngine,
        writer: GroupWriter,
        bus: Bus,
        metrics: Metrics,
        settings: Settings,
        *,
        availability: Availability,
        account: AccountService,
        actions: ActionService,
        logs: LogService,
        gap_fill: GapFill | None = None,
    ) -> None:
        self.engine = engine
        self.writer = writer
        self.bus = bus
        self.metrics = metrics
        self.sign_in = SignInFlow(engine, writer, settings, metrics)
        self.availability = availability
        self.presence = availability.presence
        self.router = availability.router
        self.account = account
        self.actions = actions
        self.greeters: list[Callable[[Conn, int], Awaitable[None]]] = []
        """Run after ``welcome`` and the replay, each with the connection and the agent."""
        self.logs = logs
        self.gap_fill = gap_fill or GapFill(engine, enabled=False)
        self.watch_topic = watchers_topic(settings.node_id)  # the tracker's (X4: this node's)

    async def serve(
        self, conn: Conn, first: p.SignIn | p.Authenticate, serve_frames: ServeFrames
    ) -> None:
        signed = await self.sign_in.sign_in(conn, first)
        if signed is None:
            return
        row, agent_id, status = signed.row, int(signed.row.id), first.status
        conn.role = "agent"
        s = AgentSession(conn, agents_repo.agent_info(row, status), signed.token, signed.api_token)

        since = self.gap_fill.rounds
        conn.hold_pushes()
        subscriptions = [(topics.agent_topic(agent_id), conn.push), (topics.AGENTS, conn.push)]
        if status == "online":
            subscriptions.append((OFFERS, conn.push))
        for topic, handler in subscriptions:
            self.bus.subscribe(topic, handler)
        session_hash = s.session_hash
        kick = self.account.watch(conn, agent_id, session_hash)
        expiry = self.sign_in.expire(conn, signed)
        del signed
        self.availability.connected(s.agent, status)
        self.metrics.connections.labels("agent").inc()
        try:
            await self._welcome(s, first, row, since)
            del row
            await serve_frames(s)
        except ConnectionClosed:
            pass
        finally:
            self.gap_fill.forget(conn)
            self.actions.forget(conn, agent_id)
            self.logs.forget(conn)
            self.account.unwatch(agent_id, kick)
            if expiry is not None:
                expiry.cancel()
            if session_hash is not None:
                # Connected until now counts as use: the idle lifetime starts from here.
                with contextlib.suppress(Exception):
                    await self.writer.run(agents_repo.touch_session(session_hash))
            for topic, handler in (
                (topics.agent_topic(agent_id), conn.push),
                (topics.AGENTS, conn.push),
                (OFFERS, conn.push),
                (self.watch_topic, conn.push),
            ):
                self.bus.unsubscribe(topic, handler)
            await self.availability.disconnected(s.agent)
            self.metrics.connections.labels("agent").dec()

    async def _welcome(
        self, s: AgentSession, first: p.SignIn | p.Authenticate, row: Any, since: int
    ) -> None:
        """The welcome (her chats, colleagues, departments), the replay from her cursor, and the
        invitations still waiting for her answer."""
        conn, agent_id = s.conn, s.agent_id
        await self.router.agent_back(agent_id)  # B6: back in time, her chats stay hers
        rows, chats, upto = await read(self.engine, chat_reads.agent_snapshot, agent_id)
        if first.status != "online":  # B6/N3: away takes no new chats, not in a welcome either
            chats = [c for c in chats if c.state != "offered"]
        agents = [agents_repo.agent_info(r, self.presence.status(r.id)) for r in rows]
        del rows
        for chat in chats:  # issue 12 item 6: hundreds of waiting chats stay small
            chat.preview = chat.preview[: p.WELCOME_PREVIEW_CHARS]
        conn.send(
            p.Welcome(
                id=first.id,
                token=s.token,
                agent=s.agent,
                agents=agents,
                chats=chats,
                server_version=__version__,
                departments=await read(self.engine, departments_repo.list_departments),
            )
        )

        def page(db: Any, after: int | None) -> Any:
            return chat_reads.agent_replay(db, agent_id, after or 0, REPLAY_PAGE)

        if first.cursor is not None:
            upto = await replay(self.engine, conn, page, first.cursor)
        conn.send(p.SyncDone(cursor=upto))
        conn.release_pushes(upto)
        self.gap_fill.track(conn, page, since)  # X4: refilled if the bus is cut
        await self.actions.greet(conn, agent_id)  # C7/C9: invitations still waiting
        for greet in self.greeters:  # other domains' (R2: reminders that fired meanwhile)
            await greet(conn, agent_id)

    # -------------------------------------------------------------- the session's own frames

    @serves(p.Ping)
    async def ping(self, s: AgentSession, frame: p.Ping) -> None:
        s.conn.send(p.Pong(id=frame.id))

    @serves(p.SignOut)
    async def sign_out(self, s: AgentSession, frame: p.SignOut) -> None:
        if s.api_token:
            # Finding 7: a script's token is not a session; refused rather than silently
            # answered "ok" while the token keeps working.
            raise p.FrameRejected(
                "invalid",
                "this connection uses an API token: sign_out does not end it; an admin revokes "
                "it (revoke_api_token, Ajustes → Integraciones)",
            )
        assert s.session_hash is not None
        await self.writer.run(agents_repo.revoke_session(s.session_hash))
        s.conn.send(p.Ok(id=frame.id))
        await s.conn.close(p.CLOSE_SIGNED_OUT, "signed_out")

    @serves(p.SignOutOthers)
    async def sign_out_others(self, s: AgentSession, frame: p.SignOutOthers) -> None:
        if s.api_token:
            raise p.FrameRejected(
                "invalid", "this connection uses an API token, not a session: sign in first"
            )
        assert s.session_hash is not None
        # Stored first, so a node that missed the kick still refuses the revoked tokens.
        await self.writer.run(agents_repo.revoke_sessions(s.agent_id, s.session_hash))
        self.account.kick_others(s.agent_id, s.session_hash)
        s.conn.send(p.Ok(id=frame.id))
