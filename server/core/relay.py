"""The relay: one WebSocket endpoint for agents and visitors, plus the HTTP routes.

The first frame decides the role (``sign_in``/``authenticate``, ``visitor_hello`` or
``set_password``), as in the websockets tutorial; the session then runs in its domain
(``server.account.agent_session``, ``server.visitors.session``), and every later frame comes
back through :meth:`Relay._serve_frames`: limits, decoding, and dispatch by the frame's type
through the one :class:`~server.core.frames.FrameRegistry` (which also checks the role).
This module builds the services, starts and stops them, and accepts the sockets.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import msgspec
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from server import __version__
from server import protocol as p
from server.account import bootstrap
from server.account import repo as account_repo
from server.account.agent_session import AgentSessions
from server.account.availability import Availability
from server.account.presence import Presence
from server.account.service import AccountService
from server.actions.service import ActionService
from server.channels.service import ChannelService
from server.channels.webhook_http import WebhookServer
from server.chats.chat_frames import ChatFrames
from server.chats.replay import GapFill, max_cursor
from server.chats.routing import Router
from server.chats.service import ChatService
from server.core import bus as topics
from server.core import frames, nodes
from server.core.bus import Bus, LocalBus
from server.core.clientip import connection_ip, parse_trusted
from server.core.config import Settings
from server.core.connection import Conn
from server.core.console_http import ConsoleRoutes
from server.core.executors import Saturated
from server.core.health import WatchedWriter, WriterHealth, healthy
from server.core.http import HttpRoutes
from server.core.metrics import Metrics
from server.core.sessions import AgentSession, VisitorSession
from server.core.shared_limits import SharedIpLimiter
from server.core.shutdown import bounded, close_handlers
from server.core.streaming import streaming_connection
from server.crm.service import CrmService
from server.files.file_frames import FileFrames
from server.files.service import FileService
from server.gifs.service import GifService
from server.integrations.webhooks import Webhooks
from server.ops.logs import Caps, LogService
from server.ops.retention import Retention
from server.phone.callback_frames import CallbackFrames
from server.phone.service import PhoneService
from server.pointer.service import PointerService
from server.stats.recorder import Recorder
from server.stats.service import StatsService
from server.store.db import create_engine, create_writer_engine, migrate, read
from server.store.writer import GroupWriter
from server.translate.service import TranslateService
from server.visitors.geo import GeoLocator
from server.visitors.invitations import Invitations
from server.visitors.offline import OfflineService
from server.visitors.session import VisitorSessions
from server.visitors.sneak_peek import SneakPeek
from server.visitors.tracker import VisitorTracker
from server.visitors.visitor_frames import VisitorFrames
from server.visitors.visitors_page import VisitorsPage

log = logging.getLogger(__name__)

MAX_MESSAGES_IN_FLIGHT = 32
"""Messages of one connection waiting for their commit before its reading pauses."""

ADMIN_FRAMES = frames.declared_frames("admin")
"""A3: the frames only admins may send, as the services declare them (every service module is
imported above)."""

first_frame_decoder: Any = msgspec.json.Decoder(
    p.SignIn | p.Authenticate | p.VisitorHello | p.SetPassword
)


class Relay:
    """A relay node. ``async with Relay(settings) as relay`` serves on ``relay.port``."""

    def __init__(self, settings: Settings, *, bus: Bus | None = None) -> None:
        self.settings = settings
        self.bus = bus or nodes.make_bus(settings)
        self.metrics = Metrics()
        self.presence = Presence(
            self.bus,
            node_id=settings.node_id,  # X4: unique per node (host-pid-random by default)
            heartbeat=settings.presence_heartbeat,
            expiry=settings.presence_expiry,
        )
        self.engine = create_engine(
            settings.database_url, sqlite_synchronous=settings.sqlite_synchronous
        )
        self.write_health = WriterHealth(settings.health_write_failures)
        self.writer: GroupWriter = WatchedWriter(
            self.engine,
            health=self.write_health,
            max_batch=settings.group_commit_max,
            on_batch=self.metrics.commit_batch.observe,
            sync_engine=create_writer_engine(
                settings.database_url, sqlite_synchronous=settings.sqlite_synchronous
            ),
        )
        # X4: what a cut bus lost is filled from the database (server.core.nodes).
        self.gap_fill = GapFill(self.engine, enabled=not isinstance(self.bus, LocalBus))
        self.redis_bus = nodes.join(self.bus, self.writer, self.gap_fill, self.metrics)
        self.geo = GeoLocator(settings.geoip_city_db)
        self.tracker = VisitorTracker(
            self.bus,
            self.geo,
            push_interval=settings.visitors_push_interval,
            linger=settings.visitor_linger,
            visit_timeout=settings.visit_timeout,
            node_id=settings.node_id,
        )
        self.presence.attach(self.tracker.nodes)  # X4: visitors on every node
        self.chats = ChatService(
            self.engine, self.writer, self.bus, self.metrics, settings.max_message_chars
        )
        self.actions = ActionService(
            self.engine,
            self.writer,
            self.bus,
            self.chats,
            settings.invitation_timeout,
            same_ip_visitors=self.tracker.same_ip_visitors,
            node_id=settings.node_id,
        )
        self.presence.attach(self.actions.viewer_nodes)  # X4: C18 viewers on every node
        self.router = Router(
            self.engine,
            self.writer,
            self.bus,
            self.presence.online_agents,
            on_missed=lambda _chat_id: self._on_missed(),
            orphan_grace=settings.orphan_grace,
            connected=self.presence.connected_agents,
            settled=self.presence.settled,
        )
        self.chats.router = self.router
        # X4: a client's frames and first frames are counted over every node.
        self.ip_limiter = SharedIpLimiter(
            settings.ip_rate,
            settings.ip_burst,
            bus=self.bus,
            node_id=settings.node_id,
            topic=topics.LIMITS_IP,
        )
        # Finding 10: first frames per client IP (an IPv6 /64).
        self.first_frame_limiter = SharedIpLimiter(
            settings.first_frame_rate,
            settings.first_frame_burst,
            bus=self.bus,
            node_id=settings.node_id,
            topic=topics.LIMITS_FIRST_FRAME,
        )
        self.webhooks = Webhooks(self.engine, self.writer, settings)
        # Finding 21: the chat_finished row is written in the close's own transaction
        # (chat_writes.append_event); after the commit the dispatcher only has to be woken.
        self.chats.on_closed = lambda _change: self.webhooks.wake()
        self.account = AccountService(
            self.engine,
            self.writer,
            self.bus,
            settings,
            status_of=self.presence.status,
            base_url=lambda: self.settings.public_url or self.http_url,
            on_open_changed=lambda: self.availability.announce(None),
        )
        self.availability = Availability(
            self.engine, self.bus, self.presence, self.router, self.account.is_open
        )
        self.files = FileService(settings, self.engine, self.writer, self.chats)
        self.gifs = GifService(self.engine, self.writer, self.files, settings.gif_timeout)
        trusted_proxies = parse_trusted(settings.trusted_proxies)
        self._client_ip = lambda ws: connection_ip(ws, trusted_proxies)
        self.files.client_ip = self._client_ip
        self.offline = OfflineService(  # V6
            self.engine,
            self.writer,
            self.bus,
            settings,
            base_url=lambda: self.settings.public_url or self.http_url,
        )
        self.invitations = Invitations(
            self.engine, self.tracker, self.bus, lambda: self.presence.online_count() > 0
        )
        # S1: the reporting log's rows for changes that commit nothing else.
        self.stats_recorder = Recorder(self.writer)
        self.availability.on_status = self.stats_recorder.status
        self.invitations.on_sent = lambda site_id, agent_id, how: self.stats_recorder.record(
            "invitation_sent", site_id=site_id, agent_id=agent_id, detail=how
        )
        self.logs = LogService(
            self.engine, self.writer, self.files.root / "logs", Caps.of(settings)
        )
        self.sneak_peek = SneakPeek(self.engine, self.writer, self.bus, settings.max_message_chars)
        # Finding 10, and the sessions' (7) and log bundles' (11) pruning in the same run.
        self.retention = Retention(
            self.writer, settings, also=[self.account.prune, self.logs.prune]
        )
        self.agent_sessions = AgentSessions(
            self.engine,
            self.writer,
            self.bus,
            self.metrics,
            settings,
            availability=self.availability,
            account=self.account,
            actions=self.actions,
            logs=self.logs,
            gap_fill=self.gap_fill,
        )
        self.logs.session_lifetime = self.agent_sessions.sign_in.session_lifetime
        self.visitor_sessions = VisitorSessions(
            self.engine,
            self.writer,
            self.bus,
            self.metrics,
            settings,
            tracker=self.tracker,
            availability=self.availability,
            actions=self.actions,
            gap_fill=self.gap_fill,
        )
        wake_webhooks = self.webhooks.wake
        self.crm = CrmService(self.engine, self.writer, self.bus, wake_webhooks)  # issue 17
        self.agent_sessions.greeters.append(self.crm.greet)  # R2: reminders while away
        self.chats.on_new_chat = self.crm.visitor_changed  # R1: pushed live
        # C10/K1: reply channels (issue 21); an agent's reply in one wakes its outbox.
        self.channels = ChannelService(
            self.engine,
            self.writer,
            self.chats,
            base_url=lambda: self.settings.public_url or self.http_url,
            lease=settings.channel_lease,
            backoff=settings.channel_backoff,
            message_days=settings.channel_message_days,
            webhook_base=lambda: self.channel_webhook_url,
        )
        # Anonymous POSTs: a rate per client address over all nodes.
        self.channel_webhook_limiter = SharedIpLimiter(
            settings.channel_webhook_rate, settings.channel_webhook_burst, bus=self.bus,
            node_id=settings.node_id, topic=topics.LIMITS_CHANNEL_WEBHOOKS, max_ips=20_000,
        )  # fmt: skip
        self.channel_webhooks = WebhookServer(
            self.channels.webhook,
            settings.host,
            max(0, settings.channel_webhook_port),
            limiter=self.channel_webhook_limiter,
            trusted_proxies=trusted_proxies,
        )
        self.chats.on_channel_reply = self.channels.wake_outbox
        visitor_frames = VisitorFrames(
            self.engine,
            self.writer,
            self.bus,
            settings,
            tracker=self.tracker,
            invitations=self.invitations,
            offline=self.offline,
            wake_webhooks=wake_webhooks,
        )
        visitor_frames.on_contact = self.crm.visitor_changed
        self.callback_frames = CallbackFrames(  # P2: the widget's callback requests
            self.engine, self.writer, self.chats, self.bus, settings, wake_webhooks
        )
        # THE list of the services that serve frames (their @serves methods): a new domain
        # adds its service here, and nothing else in the relay.
        self.frames = frames.FrameRegistry(
            [
                self.agent_sessions,
                ChatFrames(
                    self.chats, self.actions, self.availability, self.invitations, wake_webhooks
                ),
                self.router,
                self.actions,
                self.availability,
                FileFrames(self.files, self.actions),
                self.sneak_peek,
                VisitorsPage(self.engine, self.writer, self.bus, self.tracker, self.invitations),
                visitor_frames,
                self.offline,
                self.logs,
                self.account,
                StatsService(self.engine),
                TranslateService(self.engine, self.writer, self.chats, settings.translator_timeout),
                self.gifs,
                PointerService(self.engine, self.writer, self.chats),
                self.crm,
                PhoneService(self.engine, self.writer, self.bus),  # issue 19: the call log
                self.callback_frames,
                self.channels,
            ],
            read_account=lambda agent_id: read(self.engine, account_repo.agent_by_id, agent_id),
        )
        self.demo_site_key: str | None = None
        self.port = 0
        self.console_port = 0
        """X5: where the agent console listens (0 while off)."""
        self._server: Server | None = None
        self._console: Server | None = None
        self._handlers: set[asyncio.Task[None]] = set()  # running connection handlers

    def _on_missed(self) -> None:
        """A chat was missed: its webhook row is in the miss's commit, and (P2) a missed
        callback's CRM task with its reminder due now: the timers look again."""
        self.webhooks.wake()
        self.crm.reminders.changed()

    # -------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        await migrate(self.engine)
        if self.redis_bus is not None:
            self.redis_bus.order.start(await read(self.engine, max_cursor))
            self.redis_bus.start()  # connects in the background: Redis may come later
        await self.files.start()
        self.writer.start()
        self.logs.start()
        await self.actions.start()
        self.crm.start()
        self.webhooks.start()
        self.channels.start()
        if self.settings.channel_webhook_port >= 0:
            await self.channel_webhooks.start()
        self.retention.start()
        await self.account.start()
        self.ip_limiter.start()
        self.first_frame_limiter.start()
        self.callback_frames.ip_limiter.start()
        self.channel_webhook_limiter.start()
        self.presence.start()  # before the router: its start waits for the others' presence
        self.router.start()  # reloads the deadlines of the chats being offered
        self.demo_site_key = await bootstrap.find_demo_site(self.engine)
        await asyncio.to_thread(self.tracker.load)
        await self.invitations.load()
        routes = HttpRoutes(
            demo_site_key=lambda: self.demo_site_key,
            health=lambda: healthy(self.engine, self.write_health),
            metrics=self.metrics.render,
            download_url=self.settings.app_download_url,
            files=self.files.serve,
            gif_previews=self.gifs.serve_preview,
            log_download=self.logs.download,
            metrics_token=self.settings.metrics_token,
            downloads=self.files.downloads,
            client_ip=self._client_ip,
        )
        self._server = await self._serve(self.settings.port, routes)
        if self.settings.console_port >= 0:  # X5: the console, with the WebSocket on its origin
            console = ConsoleRoutes(files=self.files.serve)
            self._console = await self._serve(self.settings.console_port, console)
            self.console_port = next(iter(self._console.sockets)).getsockname()[1]
            log.info("agent console on %s", self.console_url)
        sock = next(iter(self._server.sockets))
        self.port = sock.getsockname()[1]
        log.info("relay listening on %s:%s", self.settings.host, self.port)

    async def _serve(self, port: int, routes: HttpRoutes | ConsoleRoutes) -> Server:
        """A listening socket speaking the relay's protocol, with ``routes`` for plain GETs."""
        return await serve(
            self._handle,
            self.settings.host,
            port,
            process_request=routes,
            max_size=self.settings.max_frame_bytes,
            # Compression state costs ~100 KiB per connection; chat frames are small.
            compression=None,
            ping_interval=self.settings.ping_interval,
            ping_timeout=self.settings.ping_timeout,
            close_timeout=self.settings.close_timeout,
            server_header=f"jivo-relay/{__version__}",
            # Finding 8: downloads stream from disk; the handshake has its own 10 s limit there
            # (websockets' open_timeout would cut a slow download).
            open_timeout=None,
            create_connection=streaming_connection(
                self.files.downloads, self.settings.download_stall_timeout
            ),
        )

    async def stop(self) -> None:
        """Stop serving, then each service; every step bounded (``server.core.shutdown``)."""
        if self._server is not None:
            self.files.downloads.close()
            self._server.close()
            closed = [self._server.wait_closed()]
            if self._console is not None:
                self._console.close()
                closed.append(self._console.wait_closed())
            await close_handlers(asyncio.gather(*closed), self._handlers)
            self._server = self._console = None
        for name, service in (
            ("presence", self.presence),
            ("availability", self.availability),
            ("statistics log", self.stats_recorder),  # its last status rows, before the writer
            ("logs", self.logs),
            ("actions", self.actions),
            ("crm", self.crm),
            ("retention", self.retention),
            ("account", self.account),
            ("webhooks", self.webhooks),
            ("channel webhooks", self.channel_webhooks),
            ("channels", self.channels),
            ("router", self.router),
            ("files", self.files),
            ("frame limits", self.ip_limiter),
            ("first-frame limits", self.first_frame_limiter),
            ("callback limits", self.callback_frames.ip_limiter),
            ("channel webhook limits", self.channel_webhook_limiter),
        ):
            await bounded(name, service.stop())
        self.tracker.close()
        self.sneak_peek.close()
        self.geo.close()
        await bounded("group writer", self.writer.close())
        await bounded("gap fill", self.gap_fill.close())
        await bounded("bus", self.bus.close())
        await bounded("engine", self.engine.dispose())

    async def __aenter__(self) -> Relay:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def serve_forever(self) -> None:
        assert self._server is not None
        await self._server.serve_forever()

    @property
    def http_url(self) -> str:
        return f"http://{self.settings.host}:{self.port}"

    @property
    def channel_webhook_url(self) -> str:
        """Where providers POST (C10/K1); empty when the endpoint is off."""
        if self.settings.channel_webhook_port < 0:
            return ""
        if self.settings.channel_webhook_url:
            return self.settings.channel_webhook_url
        return f"http://{self.settings.host}:{self.channel_webhooks.port}"

    @property
    def console_url(self) -> str:
        """X5: the agent console's page; empty when it is off."""
        return f"http://{self.settings.host}:{self.console_port}/agent" if self.console_port else ""

    @property
    def ws_url(self) -> str:
        return f"ws://{self.settings.host}:{self.port}/ws"

    # -------------------------------------------------------------- administration

    async def create_agent(self, email: str, name: str, password: str, role: str = "agent") -> int:
        return await bootstrap.create_agent(self.writer, email, name, password, role)

    async def add_site(
        self, name: str, origins: list[str] | tuple[str, ...] = (), language: str = "en"
    ) -> str:
        return await bootstrap.add_site(self.writer, name, origins, language)

    async def bootstrap_demo(self) -> tuple[str, str] | None:
        """Create the demo site and, on an empty relay, a demo admin. Returns the admin's
        e-mail and password when it was created now (printed once), else None."""
        self.demo_site_key, created = await bootstrap.demo(self.engine, self.writer)
        return created

    async def set_sneak_peek(self, site_id: int, enabled: bool) -> None:
        """C17 for a site, as an admin's ``set_sneak_peek`` does (:meth:`SneakPeek.set`)."""
        await self.sneak_peek.set(site_id, enabled)

    # -------------------------------------------------------------- connections

    async def _handle(self, ws: ServerConnection) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        try:
            await self._handle_connection(ws)
        finally:
            self._handlers.discard(task)

    async def _handle_connection(self, ws: ServerConnection) -> None:
        conn = Conn(ws, self._client_ip(ws), self.settings)
        try:
            async with asyncio.timeout(self.settings.auth_timeout):
                raw = await ws.recv()
        except TimeoutError:
            await conn.close(p.CLOSE_AUTH_TIMEOUT, "no authentication frame in time")
            return
        except ConnectionClosed:
            return
        if not self.first_frame_limiter.take(conn.ip):  # finding 10: before any lookup
            self.metrics.errors.labels("rate_limited").inc()
            conn.error(
                p.FrameRejected("rate_limited", "too many connections: retry later", _peek_id(raw))
            )
            await conn.close(p.CLOSE_RATE_LIMITED, "too many connections from this address")
            return
        try:
            first = p.decode_client(raw, first_frame_decoder)
        except p.FrameRejected as exc:
            if exc.code == "forbidden":
                exc = p.FrameRejected(
                    "unauthenticated",
                    "the first frame must be sign_in, authenticate, visitor_hello or set_password",
                    exc.request_id,
                )
            self.metrics.errors.labels(exc.code).inc()
            conn.error(exc)
            await conn.close(p.CLOSE_UNAUTHENTICATED, exc.message)
            return
        if first.protocol != p.PROTOCOL_VERSION:  # type: ignore[attr-defined]
            message = (
                f"this relay speaks protocol {p.PROTOCOL_VERSION}, "
                f"the client {first.protocol}: update the app"  # type: ignore[attr-defined]
            )
            conn.error(p.FrameRejected("version_mismatch", message, first.id))  # type: ignore[attr-defined]
            await conn.close(p.CLOSE_VERSION_MISMATCH, "protocol version mismatch")
            return
        if isinstance(first, p.SetPassword):
            await self.account.set_password(conn, first)
        elif isinstance(first, p.VisitorHello):
            await self.visitor_sessions.serve(conn, first, self._serve_frames)
        else:
            assert isinstance(first, p.SignIn | p.Authenticate)
            await self.agent_sessions.serve(conn, first, self._serve_frames)

    async def _serve_frames(self, session: AgentSession | VisitorSession) -> None:
        """Read the session's frames in order: limits, decoding, dispatch (through the
        registry); an error frame for each refusal.

        Messages are pipelined: the next frame is read while a message waits for its group
        commit (a connection would otherwise get one message per commit). Their writes are
        queued in arrival order, so they are stored, acknowledged and pushed in that order."""
        in_flight: set[asyncio.Task[None]] = set()
        try:
            await self._read_frames(session, in_flight)
        finally:
            self.files.forget(session.conn)
            if in_flight:
                await asyncio.gather(*in_flight, return_exceptions=True)

    async def _read_frames(
        self, session: AgentSession | VisitorSession, in_flight: set[asyncio.Task[None]]
    ) -> None:
        conn = session.conn
        decoder = p.visitor_decoder if session.role == "visitor" else p.agent_decoder
        closing: asyncio.Task[None] | None = None
        async for raw in conn.ws:
            if closing is not None:
                # Keep reading (and dropping) until the client's close frame arrives: a
                # full receive queue would stop the socket being read and stall the close.
                continue
            received = time.perf_counter()
            if isinstance(raw, bytes) and self.files.receiving(conn):
                # C14: an upload's bytes, bounded by the size its upload_file announced.
                await self._upload_chunk(conn, raw)
                continue
            if not conn.allow(self.ip_limiter):
                self.metrics.errors.labels("rate_limited").inc()
                if conn.strikes >= self.settings.rate_strikes_before_close:
                    closing = asyncio.create_task(
                        conn.close(p.CLOSE_RATE_LIMITED, "too many frames: slow down")
                    )
                    continue
                request_id = _peek_id(raw)
                conn.error(
                    p.FrameRejected("rate_limited", "too many frames: slow down", request_id)
                )
                continue
            try:
                frame = p.decode_client(raw, decoder)
                if isinstance(frame, p.SignIn | p.Authenticate | p.VisitorHello | p.SetPassword):
                    raise p.FrameRejected("invalid", "already authenticated", frame.id)
            except p.FrameRejected as exc:
                self.metrics.errors.labels(exc.code).inc()
                conn.error(exc)
                continue
            if isinstance(frame, p.SendMessage):
                if len(in_flight) >= MAX_MESSAGES_IN_FLIGHT:
                    await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
                task = asyncio.create_task(self._dispatch(session, frame, received, raw))
                in_flight.add(task)
                task.add_done_callback(in_flight.discard)
            else:
                await self._dispatch(session, frame, received, raw)

    async def _upload_chunk(self, conn: Conn, raw: bytes) -> None:
        try:
            await self.files.chunk(conn, raw)
        except p.FrameRejected as exc:
            self.metrics.errors.labels(exc.code).inc()
            conn.error(exc)
        except ConnectionClosed:
            pass
        except Exception:
            log.exception("upload from %s failed", conn.ip)
            self.metrics.errors.labels("internal").inc()
            conn.error(p.FrameRejected("internal", "the relay failed to store the file; retry"))

    async def _dispatch(
        self,
        session: AgentSession | VisitorSession,
        frame: p.Frame,
        received: float,
        raw: str | bytes,
    ) -> None:
        conn = session.conn
        try:
            await self.frames.dispatch(session, frame, received)
        except p.FrameRejected as exc:
            if exc.request_id is None:  # refused deep down: answer the request it came from
                exc.request_id = getattr(frame, "id", None)
            self.metrics.errors.labels(exc.code).inc()
            conn.error(exc)
        except ConnectionClosed:
            pass  # the reader sees the close too
        except Saturated as exc:  # finding 4: a full pool refuses, the request may be retried
            self.metrics.errors.labels("busy").inc()
            conn.error(p.FrameRejected("busy", f"{exc}: try again", _peek_id(raw)))
        except Exception:
            log.exception("frame from %s failed", conn.ip)
            self.metrics.errors.labels("internal").inc()
            conn.error(p.FrameRejected("internal", "the relay failed; retry", _peek_id(raw)))


def _peek_id(raw: str | bytes) -> int | None:
    try:
        value = msgspec.json.decode(raw)
    except Exception:
        return None
    request_id = value.get("id") if isinstance(value, dict) else None
    return request_id if isinstance(request_id, int) else None
