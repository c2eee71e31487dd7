"""The relay: one WebSocket endpoint for agents and visitors, plus the HTTP routes.

The first frame decides the role (``sign_in``/``authenticate`` or ``visitor_hello``), as in the
websockets tutorial: authenticate, register the connection with the bus, replay what the client
missed, then serve its frames in order until it leaves (unregistering in ``finally``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import msgspec
import sqlalchemy as sa
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from server import __version__
from server import protocol as p
from server.account import agents as agents_repo
from server.account import auth
from server.account import departments as departments_repo
from server.account import repo as account_repo
from server.account import sign_in as sign_in_repo
from server.account.presence import Presence
from server.account.service import AccountService
from server.actions.blocks import refusal as brepo_refusal
from server.actions.blocks import unless_blocked
from server.actions.service import ACTION_FRAMES, ActionService
from server.chats import reads as chat_reads
from server.chats.routing import Router
from server.chats.service import OFFERS, ChatService
from server.core import bus as topics
from server.core.bus import Bus, LocalBus
from server.core.clientip import client_ip, parse_trusted
from server.core.config import Settings
from server.core.connection import Conn
from server.core.executors import Saturated
from server.core.health import WatchedWriter, WriterHealth
from server.core.http import HttpRoutes
from server.core.limits import IpLimiter
from server.core.metrics import Metrics
from server.core.shutdown import bounded, close_handlers
from server.core.streaming import streaming_connection
from server.files import repo as files_repo
from server.files.service import FileService
from server.integrations.webhooks import Webhooks
from server.ops.logs import Caps, LogService
from server.ops.retention import Retention
from server.store.db import create_engine, create_writer_engine, migrate, read
from server.store.schema import sites
from server.store.writer import GroupWriter
from server.visitors import repo as visitors_repo
from server.visitors.geo import GeoLocator
from server.visitors.invitations import Invitations
from server.visitors.offline import OFFLINE_FRAMES, OfflineService
from server.visitors.tracker import WATCHERS, VisitorTracker
from server.visitors.visit_source import browser_and_os

log = logging.getLogger(__name__)

REPLAY_PAGE = 500
MAX_MESSAGES_IN_FLIGHT = 32
"""Messages of one connection waiting for their commit before its reading pauses."""
DEMO_SITE_NAME = "Demo site"
SNEAK_PEEK_CACHE_SECONDS = 5.0

ROLE_FRAMES: tuple[type[p.Frame], ...] = (
    *p.ADMIN_FRAMES,
    p.UnblockClient,
    p.ListBlocked,
    p.BlockClient,
    p.BlockPreview,
    p.ListInvitationRules,
    p.SaveInvitationRule,
    p.DeleteInvitationRule,
    p.ListLogs,
    p.SearchArchive,
    p.History,
    p.ViewChat,
    p.FileLink,
)
"""Finding 6: the agent frames whose answer depends on the sender's role (admins may do or
see more). Each is preceded by a fresh read of the role (:meth:`AccountService.check`)."""

first_frame_decoder: Any = msgspec.json.Decoder(
    p.SignIn | p.Authenticate | p.VisitorHello | p.SetPassword
)


class Relay:
    """A relay node. ``async with Relay(settings) as relay`` serves on ``relay.port``."""

    def __init__(self, settings: Settings, *, bus: Bus | None = None) -> None:
        self.settings = settings
        self.bus = bus or LocalBus()
        self.metrics = Metrics()
        self.presence = Presence()
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
        self.chats = ChatService(
            self.engine, self.writer, self.bus, self.metrics, settings.max_message_chars
        )
        self.actions = ActionService(
            self.engine,
            self.writer,
            self.bus,
            self.chats,
            settings.invitation_timeout,
            same_ip_visitors=self._same_ip_visitors,
        )
        self.router = Router(
            self.engine,
            self.writer,
            self.bus,
            self.presence.online_agents,
            on_missed=lambda _chat_id: self.webhooks.wake(),  # its row is in the miss's commit
            orphan_grace=settings.orphan_grace,
        )
        self.chats.router = self.router
        self.ip_limiter = IpLimiter(settings.ip_rate, settings.ip_burst)
        # Finding 10: first frames and new visitor rows, per client IP (an IPv6 /64).
        self.first_frame_limiter = IpLimiter(settings.first_frame_rate, settings.first_frame_burst)
        self.new_visitor_limiter = IpLimiter(
            settings.new_visitors_per_hour / 3600.0, settings.new_visitors_per_hour
        )
        # Finding 5: contact forms and offline messages per visitor (each may cost a webhook
        # POST and a database row); keyed by visitor id, idle ones forgotten as for IPs.
        self.form_limiter = IpLimiter(
            settings.visitor_form_rate, settings.visitor_form_burst, max_ips=20_000
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
            on_open_changed=lambda: self._announce_availability(None),
        )
        self.files = FileService(settings, self.engine, self.writer, self.chats)
        self.offline = OfflineService(  # V6
            self.engine,
            self.writer,
            self.bus,
            settings,
            base_url=lambda: self.settings.public_url or self.http_url,
        )
        self.files.client_ip = self._client_ip
        self._sneak_peek: dict[int, tuple[bool, float]] = {}
        self.trusted_proxies = parse_trusted(settings.trusted_proxies)
        self.geo = GeoLocator(settings.geoip_city_db)
        self.tracker = VisitorTracker(
            self.bus,
            self.geo,
            push_interval=settings.visitors_push_interval,
            linger=settings.visitor_linger,
            visit_timeout=settings.visit_timeout,
        )
        self.invitations = Invitations(
            self.engine, self.tracker, self.bus, lambda: self.presence.online_count() > 0
        )
        self.logs = LogService(
            self.engine,
            self.writer,
            self.files.root / "logs",
            Caps(
                per_agent=settings.logs_per_agent,
                total_bytes=settings.logs_max_total_bytes,
                max_age=settings.logs_retention_days * 86400.0,
            ),
        )
        self.logs.session_lifetime = self.session_lifetime
        self.sign_in = sign_in_repo.Policy(
            free_email=settings.sign_in_free_failures,
            free_ip=settings.sign_in_free_failures_ip,
            max_delay=settings.sign_in_max_delay,
            base_delay=settings.sign_in_base_delay,
            window=settings.sign_in_window,
        )
        # Finding 10, and the sessions' (7) and log bundles' (11) pruning in the same run.
        self.retention = Retention(
            self.writer, settings, also=[self.account.prune, self.logs.prune]
        )
        self.demo_site_key: str | None = None
        self.port = 0
        self._server: Server | None = None
        self._handlers: set[asyncio.Task[None]] = set()  # running connection handlers

    # -------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        await migrate(self.engine)
        await asyncio.to_thread(self.files.start)
        self.writer.start()
        self.logs.start()
        await self.actions.start()
        self.webhooks.start()
        self.retention.start()
        await self.account.start()
        self.router.start()  # reloads the deadlines of the chats being offered
        self.demo_site_key = await self._find_demo_site()
        await asyncio.to_thread(self._load_visitor_data)
        await self.invitations.load()
        routes = HttpRoutes(
            demo_site_key=lambda: self.demo_site_key,
            health=self._healthy,
            metrics=self.metrics.render,
            download_url=self.settings.app_download_url,
            files=self.files.serve,
            log_download=self.logs.download,
            metrics_token=self.settings.metrics_token,
            downloads=self.files.downloads,
            client_ip=self._client_ip,
        )
        self._server = await serve(
            self._handle,
            self.settings.host,
            self.settings.port,
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
        sock = next(iter(self._server.sockets))
        self.port = sock.getsockname()[1]
        log.info("relay listening on %s:%s", self.settings.host, self.port)

    def _load_visitor_data(self) -> None:
        """The IP databases and the user-agent rules, loaded before the first visitor."""
        self.geo.load()
        browser_and_os("Mozilla/5.0")

    async def stop(self) -> None:
        """Stop serving, then each service; every step bounded (``server.core.shutdown``)."""
        if self._server is not None:
            self.files.downloads.close()
            self._server.close()
            await close_handlers(self._server.wait_closed(), self._handlers)
            self._server = None
        for name, service in (
            ("logs", self.logs),
            ("actions", self.actions),
            ("retention", self.retention),
            ("account", self.account),
            ("webhooks", self.webhooks),
            ("router", self.router),
        ):
            await bounded(name, service.stop())
        self.tracker.close()
        self.geo.close()
        await bounded("group writer", self.writer.close())
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
    def ws_url(self) -> str:
        return f"ws://{self.settings.host}:{self.port}/ws"

    async def _healthy(self) -> bool:
        if not self.write_health.healthy:
            return False  # finding 16: reads may work while every write fails (a full disk)
        try:
            async with self.engine.connect() as conn:
                await conn.execute(sa.text("SELECT 1"))
            return True
        except Exception:
            log.exception("health check failed")
            return False

    # -------------------------------------------------------------- administration

    async def create_agent(self, email: str, name: str, password: str, role: str = "agent") -> int:
        password_hash = await auth.hash_password_async(password)
        return await self.writer.run(
            agents_repo.create_agent(auth.normalise_email(email), name, password_hash, role)
        )

    async def add_site(
        self, name: str, origins: list[str] | tuple[str, ...] = (), language: str = "en"
    ) -> str:
        key = auth.new_site_key()
        await self.writer.run(agents_repo.create_site(key, name, list(origins), language))
        return key

    async def _find_demo_site(self) -> str | None:
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(sa.select(sites.c.key).where(sites.c.name == DEMO_SITE_NAME))
            ).first()
        return row.key if row else None

    async def bootstrap_demo(self) -> tuple[str, str] | None:
        """Create the demo site and, on an empty relay, a demo admin. Returns the admin's
        e-mail and password when it was created now (printed once), else None."""
        if self.demo_site_key is None:
            self.demo_site_key = await self.add_site(DEMO_SITE_NAME, [])
        async with self.engine.connect() as conn:
            if await conn.run_sync(agents_repo.all_agents):
                return None
        email, password = "admin@example.com", auth.new_password()
        await self.create_agent(email, "Demo Admin", password, role="admin")
        return email, password

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
            await self._visitor(conn, first)
        else:
            assert isinstance(first, p.SignIn | p.Authenticate)
            await self._agent(conn, first)

    async def _serve_frames(
        self,
        conn: Conn,
        decoder: Any,
        dispatch: Callable[[p.Frame, float], Any],
    ) -> None:
        """Read frames in order: limits, decoding, dispatch; an error frame for each refusal.

        Messages are pipelined: the next frame is read while a message waits for its group
        commit (a connection would otherwise get one message per commit). Their writes are
        queued in arrival order, so they are stored, acknowledged and pushed in that order."""
        in_flight: set[asyncio.Task[None]] = set()
        try:
            await self._read_frames(conn, decoder, dispatch, in_flight)
        finally:
            self.files.forget(conn)
            if in_flight:
                await asyncio.gather(*in_flight, return_exceptions=True)

    async def _read_frames(
        self,
        conn: Conn,
        decoder: Any,
        dispatch: Callable[[p.Frame, float], Any],
        in_flight: set[asyncio.Task[None]],
    ) -> None:
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
                task = asyncio.create_task(self._dispatch(conn, dispatch, frame, received, raw))
                in_flight.add(task)
                task.add_done_callback(in_flight.discard)
            else:
                await self._dispatch(conn, dispatch, frame, received, raw)

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
        conn: Conn,
        dispatch: Callable[[p.Frame, float], Any],
        frame: p.Frame,
        received: float,
        raw: str | bytes,
    ) -> None:
        try:
            await dispatch(frame, received)
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

    # -------------------------------------------------------------- agents

    @property
    def session_lifetime(self) -> tuple[float, float]:
        return (self.settings.session_max_age, self.settings.session_idle_timeout)

    async def _refuse_sign_in(
        self, conn: Conn, code: p.ErrorCode, message: str, request_id: int, retry: float | None
    ) -> None:
        self.metrics.errors.labels(code).inc()
        retry_after = None if retry is None else round(max(retry, 0.1), 1)
        conn.send(p.Error(code=code, message=message, id=request_id, retry_after=retry_after))
        await conn.close(p.CLOSE_UNAUTHENTICATED, message[:100])

    async def _password_sign_in(self, conn: Conn, first: p.SignIn) -> tuple[Any, str] | None:
        """Finding 4: the failure buckets are checked (and the attempt counted) before argon2;
        argon2 runs on its own bounded pool, and a full pool is a refusal, not a queue."""
        email = auth.normalise_email(first.email)
        wait = await self.writer.run(sign_in_repo.begin_attempt(conn.ip, email, self.sign_in))
        if wait > 0:
            await self._refuse_sign_in(
                conn, "rate_limited",
                f"too many wrong passwords: try again in {max(1, round(wait))} s", first.id, wait,
            )  # fmt: skip
            return None
        row = await read(self.engine, agents_repo.agent_by_email, email)
        try:
            ok = await auth.verify_password(row.password_hash if row else None, first.password)
        except Saturated:
            await self._refuse_sign_in(
                conn, "busy", "the relay is checking many passwords: try again", first.id, 1.0
            )
            return None
        if not ok or row is None or row.disabled:
            await self._refuse_sign_in(
                conn, "bad_credentials", "wrong e-mail or password", first.id, None
            )
            return None
        token = auth.new_token()
        await self.writer.run(sign_in_repo.succeeded(conn.ip, email))
        await self.writer.run(agents_repo.create_session(row.id, auth.token_hash(token)))
        return row, token

    async def _sign_in(
        self, conn: Conn, first: p.SignIn | p.Authenticate
    ) -> tuple[Any, str, bool] | None:
        """The account row, the session token, and whether it is a script's API token."""
        if isinstance(first, p.SignIn):
            signed = await self._password_sign_in(conn, first)
            return None if signed is None else (*signed, False)
        hashed = auth.token_hash(first.token)
        api = False
        row = await read(self.engine, agents_repo.agent_by_token, hashed, self.session_lifetime)
        if row is None:  # K3: a script's API token acts as the admin who made it
            row = await read(self.engine, account_repo.agent_by_api_token, hashed)
            api = row is not None
        if row is None or row.disabled:
            conn.error(
                p.FrameRejected("unauthenticated", "the session expired: sign in again", first.id)
            )
            await conn.close(p.CLOSE_UNAUTHENTICATED, "unknown, expired or revoked token")
            return None
        if not api:
            await self.writer.run(
                agents_repo.touch_session(hashed)
            )  # finding 7: idle time restarts
        return row, first.token, api

    async def _agent(self, conn: Conn, first: p.SignIn | p.Authenticate) -> None:
        signed = await self._sign_in(conn, first)
        if signed is None:
            return
        row, token, api_token = signed
        agent_id: int = row.id
        conn.role = "agent"
        status = first.status
        agent = agents_repo.agent_info(row, status)

        conn.hold_pushes()
        subscriptions = [(topics.agent_topic(agent_id), conn.push), (topics.AGENTS, conn.push)]
        if status == "online":
            subscriptions.append((OFFERS, conn.push))
        for topic, handler in subscriptions:
            self.bus.subscribe(topic, handler)
        session_hash = None if api_token else auth.token_hash(token)
        kick = self.account.watch(conn, agent_id, session_hash)
        # Finding 7: an open connection ends with its session's absolute lifetime too.
        expiry = None
        if session_hash is not None:
            began = float(getattr(row, "session_created_at", None) or time.time())
            left = max(0.0, began + self.settings.session_max_age - time.time())
            expiry = asyncio.get_running_loop().call_later(
                left, lambda: _spawn(conn.close(p.CLOSE_SIGNED_OUT, "session_expired"))
            )
        online_before = self.presence.online_count()
        if self.presence.connect(agent_id, status):
            self._publish_presence(agent)
        self._announce_availability(online_before)
        self.metrics.connections.labels("agent").inc()
        try:
            await self.router.agent_back(agent_id)  # B6: back in time, her chats stay hers
            rows, chats, upto = await read(self.engine, chat_reads.agent_snapshot, agent_id)
            if status != "online":  # B6/N3: away takes no new chats, not in a welcome either
                chats = [c for c in chats if c.state != "offered"]
            agents = [agents_repo.agent_info(r, self.presence.status(r.id)) for r in rows]
            del rows
            for chat in chats:  # issue 12 item 6: hundreds of waiting chats stay small
                chat.preview = chat.preview[: p.WELCOME_PREVIEW_CHARS]
            conn.send(
                p.Welcome(
                    id=first.id,
                    token=token,
                    agent=agent,
                    agents=agents,
                    chats=chats,
                    server_version=__version__,
                    departments=await read(self.engine, departments_repo.list_departments),
                )
            )
            if first.cursor is not None:
                upto = await self._replay(
                    conn,
                    lambda db, after: chat_reads.agent_replay(
                        db, agent_id, after or 0, REPLAY_PAGE
                    ),
                    first.cursor,
                )
            conn.send(p.SyncDone(cursor=upto))
            conn.release_pushes(upto)
            await self.actions.greet(conn, agent_id)  # C7/C9: invitations still waiting

            async def dispatch(frame: p.Frame, received: float) -> None:
                nonlocal agent
                if isinstance(frame, ROLE_FRAMES):
                    # A3, finding 6: the one role check. Every frame whose answer depends on
                    # the role reads the account first, so a role changed a moment ago (on any
                    # node) counts at once; admin frames are refused here for non-admins.
                    me = await self.account.check(frame, agent_id)
                    if me.role != agent.role:
                        agent = p.AgentInfo(
                            id=agent.id,
                            name=agent.name,
                            email=agent.email,
                            role=me.role,
                            status=agent.status,
                        )
                match frame:
                    case p.SendMessage() if frame.comment:
                        await self.actions.comment(conn, frame, agent, received)
                    case p.SendMessage():
                        await self.chats.agent_message(conn, frame, agent, received)
                    case p.AcceptChat():
                        await self.chats.accept(conn, frame, agent)  # with its webhook row
                        self.webhooks.wake()
                    case p.CloseChat():
                        await self.chats.close(conn, frame, agent)
                    case p.Typing():
                        await self.chats.agent_typing(frame, agent)
                    case p.History():
                        await self.chats.history(conn, frame, agent)
                    case p.OpenDirectChat():
                        await self.chats.open_direct(conn, frame, agent)
                    case p.Receipt():
                        await self.chats.agent_receipt(frame, agent)
                    case p.SetStatus():
                        agent = await self._set_status(conn, agent, frame)
                    case p.Ping():
                        conn.send(p.Pong(id=frame.id))
                    case p.IgnoreChat():
                        await self.router.ignore(conn, frame, agent)
                    case p.SetAssignedAgent():
                        await self.router.set_assigned_agent(conn, frame)
                    case p.SearchArchive():
                        await self.chats.search_archive(conn, frame, agent)
                    case p.UploadFile():
                        await self.files.begin(conn, frame, "agent", agent.id, agent.name)
                    case p.FileLink():
                        conn.send(await self.files.link(frame, "agent", agent.id, agent.role))
                    case p.SetSneakPeek():
                        await self._set_sneak_peek(conn, frame, agent)
                    case (
                        p.WatchVisitors()
                        | p.GetVisitor()
                        | p.InviteVisitor()
                        | p.ListInvitationRules()
                        | p.SaveInvitationRule()
                        | p.DeleteInvitationRule()
                    ):
                        await self._visitors_request(conn, frame, agent)
                    case p.UploadLogs():
                        await self.logs.receive(conn, frame, agent)
                    case p.ListLogs():
                        await self.logs.list(conn, frame, agent)
                    case p.SignOut() if api_token:
                        # Finding 7: a script's token is not a session; refused rather than
                        # silently answered "ok" while the token keeps working.
                        raise p.FrameRejected(
                            "invalid",
                            "this connection uses an API token: sign_out does not end it; an "
                            "admin revokes it (revoke_api_token, Ajustes → Integraciones)",
                        )
                    case p.SignOut():
                        await self.writer.run(agents_repo.revoke_session(auth.token_hash(token)))
                        conn.send(p.Ok(id=frame.id))
                        await conn.close(p.CLOSE_SIGNED_OUT, "signed_out")
                    case _ if isinstance(frame, ACTION_FRAMES):
                        await self.actions.dispatch(conn, frame, agent)
                    case _ if isinstance(frame, OFFLINE_FRAMES):
                        await self.offline.dispatch(conn, frame, agent)  # V6
                    case _ if self.account.handles(frame):
                        await self.account.handle(conn, frame, agent_id)  # A3: admins checked
                    case _:
                        raise p.FrameRejected("forbidden", f"{type(frame).__name__} not allowed")

            await self._serve_frames(conn, p.agent_decoder, dispatch)
        except ConnectionClosed:
            pass
        finally:
            self.actions.forget(conn, agent_id)
            self.logs.forget(conn)
            self.account.unwatch(conn, agent_id, kick)
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
                (WATCHERS, conn.push),
            ):
                self.bus.unsubscribe(topic, handler)
            online_before = self.presence.online_count()
            if self.presence.disconnect(agent_id):
                # B6: her chats go back to routing after a grace period (stored before her
                # colleagues see her offline).
                await self.router.agent_gone(agent_id)
                self._publish_presence(
                    p.AgentInfo(
                        id=agent.id,
                        name=agent.name,
                        email=agent.email,
                        role=agent.role,
                        status="offline",
                    )
                )
            self._announce_availability(online_before)
            self.metrics.connections.labels("agent").dec()

    async def _set_status(self, conn: Conn, agent: p.AgentInfo, frame: p.SetStatus) -> p.AgentInfo:
        online_before = self.presence.online_count()
        self.presence.set_status(agent.id, frame.status)
        agent = p.AgentInfo(
            id=agent.id, name=agent.name, email=agent.email, role=agent.role, status=frame.status
        )
        if frame.status == "online":
            self.bus.subscribe(OFFERS, conn.push)  # a set: subscribing twice is harmless
        else:
            self.bus.unsubscribe(OFFERS, conn.push)
        conn.send(p.Ok(id=frame.id))
        if frame.status == "away":
            await self.router.agent_away(agent.id)  # B6/N3: her personal offers move on
        if frame.status == "online":
            # Back from away: the chats that waited meanwhile show up as offers now.
            for chat in await read(self.engine, chat_reads.offered_chats, agent.id):
                conn.send(p.ChatOffered(chat=chat))
        self._publish_presence(agent)
        self._announce_availability(online_before)
        return agent

    def _publish_presence(self, agent: p.AgentInfo) -> None:
        self.bus.publish(topics.AGENTS, p.encode(p.AgentPresence(agent=agent)))

    def _agents_available(self) -> bool:
        """Visitors may start a chat: an agent is online and it is working hours (K5)."""
        return self.presence.online_count() > 0 and self.account.is_open()

    def _announce_availability(self, online_before: int | None) -> None:
        """``online_before`` None: the working hours began or ended."""
        online_now = self.presence.online_count()
        if online_before is None or (online_before > 0) != (online_now > 0):
            self.bus.publish(
                topics.VISITORS, p.encode(p.AgentsAvailable(online=self._agents_available()))
            )

    async def _replay(
        self, conn: Conn, page: Callable[[Any, int | None], Any], after: int | None
    ) -> int:
        """Send every event after ``after`` in pages (flushing between pages, so a long gap
        does not pile up in memory); returns the newest cursor sent."""
        while True:
            events = await read(self.engine, page, after)
            for event in events:
                conn.send(p.EventPush(event=event))
                after = event.cursor
            if len(events) < REPLAY_PAGE:
                return after or 0
            await conn.flush()

    # -------------------------------------------------------------- visitors

    async def _visitor(self, conn: Conn, hello: p.VisitorHello) -> None:
        token_hash = auth.token_hash(hello.visitor_token) if hello.visitor_token else None

        def look_up(db: sa.Connection) -> tuple[Any, Any]:
            site = agents_repo.site_by_key(db, hello.site_key)
            found = None
            if site is not None and token_hash is not None:
                found = visitors_repo.visitor_by_token(db, site.id, token_hash)
            return site, found

        site, visitor_row = await read(self.engine, look_up)
        if site is None or not site.enabled:
            reason = (
                "unknown site key" if site is None else "the chat is switched off for this site"
            )
            conn.error(p.FrameRejected("unknown_site", reason, hello.id))
            await conn.close(p.CLOSE_FORBIDDEN, reason)
            return
        # Plain values only from here: this coroutine lives as long as the visitor stays, and a
        # Row keeps its result metadata alive (measured 3.5 KiB a visitor with the connection).
        site_id, site_name, site_language = int(site.id), str(site.name), str(site.language)
        allowed_origins = str(site.allowed_origins)
        sneak_peek = bool(site.sneak_peek)
        del site
        if not _origin_allowed(conn.ws, allowed_origins):
            conn.error(
                p.FrameRejected(
                    "origin_not_allowed", "this page's origin is not allowed for the site", hello.id
                )
            )
            await conn.close(p.CLOSE_FORBIDDEN, "origin not allowed")
            return
        if visitor_row is None and not self.new_visitor_limiter.take(conn.ip):  # finding 10
            self.metrics.errors.labels("rate_limited").inc()
            reason = "too many new visitors from this address: retry later"
            conn.error(p.FrameRejected("rate_limited", reason, hello.id))
            await conn.close(p.CLOSE_RATE_LIMITED, reason)
            return
        if visitor_row is None:
            token = auth.new_token()
            visitor_id = await self.writer.run(
                visitors_repo.create_visitor(
                    site_id, auth.token_hash(token), conn.ip, hello.page_url, hello.page_title
                )
            )
        else:
            token, visitor_id = hello.visitor_token or "", int(visitor_row.id)
        del visitor_row
        conn.role = "visitor"
        arrived = False
        conn.hold_pushes()
        ip_topic = topics.visitor_ip_topic(site_id, conn.ip)
        self.bus.subscribe(topics.visitor_topic(visitor_id), conn.push)
        self.bus.subscribe(ip_topic, conn.push)
        self.bus.subscribe(topics.VISITORS, conn.push)
        self.metrics.connections.labels("visitor").inc()
        try:

            def snapshot(
                db: sa.Connection,
            ) -> tuple[p.ChatInfo | None, int, Any, list[p.DepartmentRef]]:
                return (
                    chat_reads.open_chat_info(db, visitor_id),
                    chat_reads.max_cursor(db),
                    visitors_repo.visitor_row(db, visitor_id),
                    departments_repo.site_department_refs(db, site_id),  # T4
                )

            chat, upto, row, departments = await read(self.engine, snapshot)
            picked = row.department_id if departments else None
            headers = conn.ws.request.headers if conn.ws.request else {}
            visit = self.tracker.arrive(
                row,
                site_name=site_name,
                ip=conn.ip,
                user_agent=str(headers.get("User-Agent", "")),
                chat=chat,
                page=(hello.page_url, hello.page_title),
            )
            arrived = True
            del row
            await self.writer.run(visitors_repo.start_visit(visitor_id, visit.values))
            conn.send(
                p.VisitorWelcome(
                    id=hello.id,
                    visitor_token=token,
                    visitor_id=visitor_id,
                    agents_online=self._agents_available(),
                    chat=chat,
                    site_name=site_name,
                    language=site_language,
                    sneak_peek=sneak_peek,
                    departments=departments,
                    department_id=picked,
                )
            )
            replayed = await self._replay(
                conn,
                lambda db, after: chat_reads.visitor_replay(db, visitor_id, after, REPLAY_PAGE),
                hello.cursor,
            )
            upto = max(upto, replayed)
            conn.send(p.SyncDone(cursor=upto))
            conn.release_pushes(upto)
            del chat
            blocked = await self.actions.block_kind(site_id, visitor_id, conn.ip)
            if blocked is not None:  # C8: the widget says so and stops writing
                conn.send(p.VisitorBlocked(by_ip=blocked == "ip"))

            async def dispatch(frame: p.Frame, received: float) -> None:
                match frame:
                    case p.SendMessage():
                        if frame.chat_id is not None or frame.comment:
                            raise p.FrameRejected(
                                "forbidden", "visitors write to their own chat", frame.id
                            )
                        invited_by = self.invitations.invited_by(visitor_id)
                        if invited_by and self.presence.status(invited_by[0]) == "offline":
                            invited_by = None  # the inviting agent left: offered as usual
                        await self.chats.visitor_message(
                            conn,
                            frame,
                            visitor_id,
                            site_id,
                            self._agents_available() or invited_by is not None,
                            received,
                            invited_by=invited_by,
                        )
                    case p.Typing():
                        await self.chats.visitor_typing(visitor_id, frame.active)
                    case p.Receipt():
                        if frame.chat_id is not None:
                            raise p.FrameRejected("forbidden", "visitors mark their own chat")
                        await self.chats.visitor_receipt(visitor_id, frame)
                    case p.PageView():
                        visit_values = self.tracker.page_view(visitor_id, frame)
                        await self.writer.run(
                            visitors_repo.record_visit_page(visitor_id, frame, visit_values)
                        )
                    case p.PageHidden():
                        self.tracker.hidden(visitor_id, frame.hidden, id(conn))  # B3
                    case p.InvitationClosed():
                        self.invitations.closed(visitor_id, frame.invitation_id)
                    case p.ChooseDepartment():  # T4
                        await self.writer.run(
                            departments_repo.choose_department(
                                visitor_id, site_id, frame.department_id
                            )
                        )
                        conn.send(p.Ok(id=frame.id))
                    case p.SetContact():
                        self._visitor_form_allowed(visitor_id, frame.id)  # finding 5
                        await self.writer.run(
                            visitors_repo.set_contact(
                                visitor_id, site_id, frame.name, frame.email, frame.phone
                            )
                        )  # with its client_updated webhook row (coalesced per visitor)
                        self.webhooks.wake()
                        self.tracker.contact(visitor_id, frame.name, frame.email, frame.phone)
                        conn.send(p.Ok(id=frame.id))
                        await self._announce_chat_update(visitor_id)
                    case p.OfflineMessage():
                        if len(frame.text) > self.settings.max_message_chars:
                            raise p.FrameRejected(
                                "message_too_long", "the message is too long", frame.id
                            )
                        self._visitor_form_allowed(visitor_id, frame.id)  # finding 5
                        message_id = await self.writer.run(
                            unless_blocked(  # C8
                                site_id,
                                visitor_id,
                                conn.ip,
                                visitors_repo.store_offline_message(
                                    site_id,
                                    visitor_id,
                                    frame.name,
                                    frame.email,
                                    frame.text,
                                    self.settings.max_offline_messages,  # V6: bounded
                                ),
                            )
                        )
                        conn.send(p.Ok(id=frame.id))
                        self.webhooks.wake()  # the offline_message row is in that commit
                        await self.offline.added(message_id)  # V6: agents see it now
                    case p.Ping():
                        conn.send(p.Pong(id=frame.id))
                    case p.UploadFile():
                        if frame.chat_id is not None:
                            raise p.FrameRejected(
                                "forbidden", "visitors send to their own chat", frame.id
                            )
                        blocked = await self.actions.block_kind(site_id, visitor_id, conn.ip)
                        if blocked is not None:  # C8, B5
                            raise brepo_refusal(blocked)
                        await self.files.begin(conn, frame, "visitor", visitor_id, "")
                    case p.FileLink():
                        conn.send(await self.files.link(frame, "visitor", visitor_id))
                    case p.Draft():
                        await self._draft(visitor_id, site_id, frame.text)
                    case _:
                        raise p.FrameRejected("forbidden", f"{type(frame).__name__} not allowed")

            await self._serve_frames(conn, p.visitor_decoder, dispatch)
        except ConnectionClosed:
            pass
        finally:
            self.bus.unsubscribe(topics.visitor_topic(visitor_id), conn.push)
            self.bus.unsubscribe(ip_topic, conn.push)
            self.bus.unsubscribe(topics.VISITORS, conn.push)
            self.metrics.connections.labels("visitor").dec()
            if arrived:
                self.tracker.depart(visitor_id, id(conn))
                await self.writer.run(visitors_repo.visitor_left(visitor_id))

    def _same_ip_visitors(self, site_id: int, ip: str, visitor_id: int) -> int:
        """B5: other visitors of the site on ``ip`` now (on this node's live list)."""
        return sum(
            1
            for vid, live in self.tracker.live.items()
            if vid != visitor_id
            and live.info.online
            and live.info.ip == ip
            and live.info.site_id == site_id
        )

    def _visitor_form_allowed(self, visitor_id: int, request_id: int) -> None:
        if not self.form_limiter.take(f"v{visitor_id}"):
            raise p.FrameRejected(
                "rate_limited", "too many contact forms or offline messages: wait a minute",
                request_id,
            )  # fmt: skip

    def _client_ip(self, ws: ServerConnection) -> str:
        forwarded = ws.request.headers.get("X-Forwarded-For") if ws.request else None
        return client_ip(_peer_ip(ws), forwarded, self.trusted_proxies)

    async def _visitors_request(self, conn: Conn, frame: p.Frame, agent: p.AgentInfo) -> None:
        """V1, V2, C4 and (admins) the V3 rules."""
        match frame:
            case p.WatchVisitors():
                if frame.watch:
                    self.bus.subscribe(WATCHERS, conn.push)
                    conn.send(p.Ok(id=frame.id))
                    for delta in self.tracker.snapshot():
                        conn.send(delta)
                else:
                    self.bus.unsubscribe(WATCHERS, conn.push)
                    conn.send(p.Ok(id=frame.id))
            case p.GetVisitor():
                row, site_name, pages = await read(
                    self.engine, visitors_repo.visitor_details, frame.visitor_id
                )
                if row is None:
                    raise p.FrameRejected("not_found", "no such visitor", frame.id)
                live = self.tracker.live.get(frame.visitor_id)
                info = live.info if live else visitors_repo.visitor_info_from_row(row, site_name)
                del row
                conn.send(
                    p.VisitorDetails(id=frame.id, visitor=info, history=pages, now=time.time())
                )
            case p.InviteVisitor():
                self.invitations.invite(agent, frame.visitor_id, frame.text)
                conn.send(p.Ok(id=frame.id))
            case p.ListInvitationRules() | p.SaveInvitationRule() | p.DeleteInvitationRule():
                if agent.role != "admin":
                    raise p.FrameRejected("forbidden", "only admins change invitation rules")
                if isinstance(frame, p.SaveInvitationRule):
                    await self.writer.run(visitors_repo.save_invitation_rule(frame.rule))
                elif isinstance(frame, p.DeleteInvitationRule):
                    await self.writer.run(visitors_repo.delete_invitation_rule(frame.rule_id))
                if not isinstance(frame, p.ListInvitationRules):
                    await self.invitations.load()
                rules, sites = await read(self.engine, visitors_repo.invitation_rules_and_sites)
                conn.send(p.InvitationRules(id=frame.id, rules=rules, sites=sites))

    # -------------------------------------------------------------- sneak peek (C17)

    async def _set_sneak_peek(self, conn: Conn, frame: p.SetSneakPeek, agent: p.AgentInfo) -> None:
        if agent.role != "admin":
            raise p.FrameRejected("forbidden", "only admins change site settings", frame.id)
        await self.set_sneak_peek(frame.site_id, frame.enabled, request_id=frame.id)
        conn.send(p.Ok(id=frame.id))

    async def set_sneak_peek(
        self, site_id: int, enabled: bool, *, request_id: int | None = None
    ) -> None:
        """Turn sneak peek on or off for a site (widgets learn it when they next connect; drafts
        of a site where it is off are dropped from now on)."""
        if not await self.writer.run(files_repo.set_sneak_peek(site_id, enabled)):
            raise p.FrameRejected("not_found", "no such site", request_id)
        self._sneak_peek[site_id] = (enabled, time.monotonic())

    async def _site_sneak_peek(self, site_id: int) -> bool:
        # Cached a few seconds: drafts come several times a second per visitor, and another
        # node's change must still be seen soon.
        cached = self._sneak_peek.get(site_id)
        if cached is not None and time.monotonic() - cached[1] < SNEAK_PEEK_CACHE_SECONDS:
            return cached[0]
        enabled = await read(self.engine, files_repo.sneak_peek, site_id)
        self._sneak_peek[site_id] = (enabled, time.monotonic())
        return enabled

    async def _draft(self, visitor_id: int, site_id: int, text: str) -> None:
        if not await self._site_sneak_peek(site_id):
            return  # never forwarded when the site has it off, whatever a widget sends
        chat, members = await read(self.engine, chat_reads.open_chat_with_members, visitor_id)
        if chat is None:
            return
        push = p.encode(
            p.DraftChanged(chat_id=chat.id, text=text[: self.settings.max_message_chars])
        )
        if chat.state == "offered":
            self.bus.publish(OFFERS, push)
        for agent_id in members:
            self.bus.publish(topics.agent_topic(agent_id), push)

    async def _announce_chat_update(self, visitor_id: int) -> None:
        info = await read(self.engine, chat_reads.open_chat_info, visitor_id)
        if info is not None:
            self.bus.publish(topics.AGENTS, p.encode(p.ChatStateChanged(chat=info)))


_background: set[asyncio.Task[Any]] = set()


def _spawn(coro: Any) -> None:
    task = asyncio.get_running_loop().create_task(coro)
    _background.add(task)
    task.add_done_callback(_background.discard)


def _peer_ip(ws: ServerConnection) -> str:
    address = ws.remote_address
    return str(address[0]) if address else ""


def _peek_id(raw: str | bytes) -> int | None:
    try:
        value = msgspec.json.decode(raw)
    except Exception:
        return None
    request_id = value.get("id") if isinstance(value, dict) else None
    return request_id if isinstance(request_id, int) else None


def _origin_allowed(ws: ServerConnection, allowed: str) -> bool:
    """A browser always sends Origin. Allowed: the site's origins, and the relay's own origin
    (its demo page). Clients that are not browsers send none and are not refused for it: they
    could forge any Origin anyway, so the check guards against other websites only."""
    origin = ws.request.headers.get("Origin") if ws.request else None
    if origin is None:
        return True
    origin = origin.rstrip("/").lower()
    if origin in {o.strip().rstrip("/").lower() for o in allowed.split("\n") if o.strip()}:
        return True
    host = ws.request.headers.get("Host", "").lower() if ws.request else ""
    return bool(host) and urlsplit(origin).netloc == host
