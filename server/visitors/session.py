"""A visitor's widget connection from its ``visitor_hello`` to its close.

The hello names the site (and, for a returning visitor, its token): look both up, check the
page's origin, make a new visitor (rate-limited per IP, finding 10), subscribe, then the welcome
(its open chat, the site's departments), the replay and C8's blocked notice; then the relay
serves its frames. On the way out the tracker and the database learn that it left.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine
from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from server import protocol as p
from server.account import agents as agents_repo
from server.account import auth
from server.account import departments as departments_repo
from server.account.availability import Availability
from server.actions.service import ActionService
from server.chats import reads as chat_reads
from server.chats.replay import REPLAY_PAGE, GapFill, replay
from server.core import bus as topics
from server.core.bus import Bus
from server.core.config import Settings
from server.core.limits import IpLimiter
from server.core.metrics import Metrics
from server.core.sessions import VisitorSession
from server.store.db import read
from server.store.writer import GroupWriter
from server.visitors import repo as visitors_repo
from server.visitors.tracker import VisitorTracker

if TYPE_CHECKING:
    from server.core.connection import Conn

ServeFrames = Callable[[VisitorSession], Awaitable[None]]
"""The relay's read loop: serves the session's frames until the connection closes."""


class VisitorSessions:
    def __init__(
        self,
        engine: AsyncEngine,
        writer: GroupWriter,
        bus: Bus,
        metrics: Metrics,
        settings: Settings,
        *,
        tracker: VisitorTracker,
        availability: Availability,
        actions: ActionService,
        gap_fill: GapFill | None = None,
    ) -> None:
        self.engine = engine
        self.writer = writer
        self.bus = bus
        self.metrics = metrics
        self.tracker = tracker
        self.availability = availability
        self.actions = actions
        self.gap_fill = gap_fill or GapFill(engine, enabled=False)
        # Finding 10: new visitor rows per client IP (an IPv6 /64).
        self.new_visitor_limiter = IpLimiter(
            settings.new_visitors_per_hour / 3600.0, settings.new_visitors_per_hour
        )

    async def serve(self, conn: Conn, hello: p.VisitorHello, serve_frames: ServeFrames) -> None:
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
        callbacks = bool(site.callbacks)  # P2
        del site
        if not origin_allowed(conn.ws, allowed_origins):
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
        since = self.gap_fill.rounds
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
            del row, headers
            await self.writer.run(visitors_repo.start_visit(visitor_id, visit.values))
            del visit  # issue 15: an idle visitor's session keeps none of its arrival's values
            conn.send(
                p.VisitorWelcome(
                    id=hello.id,
                    visitor_token=token,
                    visitor_id=visitor_id,
                    agents_online=self.availability.agents_available(),
                    chat=chat,
                    site_name=site_name,
                    language=site_language,
                    sneak_peek=sneak_peek,
                    callbacks=callbacks,
                    departments=departments,
                    department_id=picked,
                )
            )

            def page(db: Any, after: int | None) -> Any:
                return chat_reads.visitor_replay(db, visitor_id, after, REPLAY_PAGE)

            replayed = await replay(self.engine, conn, page, hello.cursor)
            upto = max(upto, replayed)
            conn.send(p.SyncDone(cursor=upto))
            conn.release_pushes(upto)
            self.gap_fill.track(conn, page, since)  # X4: refilled if the bus is cut
            del chat, departments
            blocked = await self.actions.block_kind(site_id, visitor_id, conn.ip)
            if blocked is not None:  # C8: the widget says so and stops writing
                conn.send(p.VisitorBlocked(by_ip=blocked == "ip"))
            await serve_frames(VisitorSession(conn, visitor_id, site_id))
        except ConnectionClosed:
            pass
        finally:
            self.gap_fill.forget(conn)
            self.bus.unsubscribe(topics.visitor_topic(visitor_id), conn.push)
            self.bus.unsubscribe(ip_topic, conn.push)
            self.bus.unsubscribe(topics.VISITORS, conn.push)
            self.metrics.connections.labels("visitor").dec()
            if arrived:
                self.tracker.depart(visitor_id, id(conn))
                await self.writer.run(visitors_repo.visitor_left(visitor_id))


def origin_allowed(ws: ServerConnection, allowed: str) -> bool:
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
