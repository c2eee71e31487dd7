"""The agent's connection to the relay: pure asyncio, no Qt (the desktop app wraps it).

* ``sign_in`` / ``authenticate`` open the connection; the relay's token is kept for reconnects.
* Every push is handed to ``on_frame`` once: events are deduplicated by their global cursor,
  and the newest cursor is sent again on every reconnect so nothing is missed.
* ``send_message`` keeps the message in an outbox until the relay acknowledges it (after its
  commit); after a reconnect the outbox is sent again with the same ``client_msg_id``, which the
  relay deduplicates. ``send_message`` only returns once the message is stored.
* The connection keeps no history of frames (finding 2): the app sees each push once through
  ``on_frame``; :meth:`subscribe` adds listeners, and :meth:`wait_for` waits through one.
  Tests may opt in to a bounded log of received frames (``keep_frames``).
* A lost connection is retried with exponential backoff and jitter, forever, until
  ``close()``/``sign_out()`` or a refusal that retrying cannot fix (wrong password, revoked
  token, another protocol version).

The requests, one method each, are :class:`jivo_desktop.net.client.AgentClient`'s.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from jivo_desktop.net.errors import AuthError, ConnectionLost, RelayError
from jivo_desktop.net.frame_log import FrameLog
from server import protocol as p

log = logging.getLogger(__name__)

State = Literal["disconnected", "connecting", "connected", "closed"]
F = TypeVar("F", bound=p.Frame)

FINAL_CODES = frozenset({"bad_credentials", "unauthenticated", "version_mismatch"})


MAX_SEND_RETRIES = 5
"""Issue 12 item 3: a message answered ``internal`` or ``rate_limited`` is sent again at most
this many times, with a doubling delay; then it fails (the app shows it as not sent, with a
manual retry). A poison message was resent about once a second for ever."""


RATE_LIMIT_PATIENCE = 8.0
"""Seconds a request refused ``rate_limited`` is retried for before the refusal is shown."""


@dataclass
class _Outgoing:
    chat_id: int
    text: str
    future: asyncio.Future[p.MessageAcked]
    comment: bool = False
    retries: int = 0
    via: p.ReplyVia | None = None


class RelayConnection:
    """One agent's socket to the relay (see the module docstring).

    ``keep_frames``: how many received frames to keep in ``received`` (a :class:`FrameLog`)
    for tests' ``received[mark:]`` and ``wait_for(since=...)``. ``None`` takes the class
    default :attr:`default_keep_frames`, which is 0 (nothing kept) and which only the test
    suite raises; the desktop app always passes 0."""

    default_keep_frames = 0

    def __init__(
        self,
        url: str,
        *,
        reconnect: bool = True,
        min_backoff: float = 0.5,
        max_backoff: float = 5.0,
        open_timeout: float = 10.0,
        on_frame: Callable[[p.Frame], None] | None = None,
        on_state: Callable[[State], None] | None = None,
        keep_frames: int | None = None,
        retry_delay: float = 1.0,
        max_retries: int = MAX_SEND_RETRIES,
    ) -> None:
        self.url = url
        self.retry_delay = retry_delay
        """Seconds before the first resend of a message the relay could not store; doubled
        at each further resend, up to ``max_retries`` of them."""
        self.max_retries = max_retries
        self.reconnect = reconnect
        self.min_backoff = min_backoff
        self.max_backoff = max_backoff
        self.open_timeout = open_timeout
        self.on_frame = on_frame
        self.on_state = on_state
        self.token: str | None = None
        self.cursor: int | None = None
        self.welcome: p.Welcome | None = None
        self.status: Literal["online", "away"] = "online"
        self.state: State = "disconnected"
        keep = self.default_keep_frames if keep_frames is None else keep_frames
        self.received: FrameLog = FrameLog(max(0, keep))
        self._listeners: list[Callable[[p.Frame], None]] = []
        self.reconnects = 0
        self._ids = itertools.count(1)
        self._ws: ClientConnection | None = None
        self._pending: dict[int, asyncio.Future[p.Frame]] = {}
        self._parts: dict[int, list[p.ListAnswer]] = {}
        """Parts received so far of list answers still coming (by request id)."""
        self._outbox: dict[str, _Outgoing] = {}
        self._sent_ids: dict[int, str] = {}
        self._synced = asyncio.Event()
        self._runner: asyncio.Task[None] | None = None
        self._closing = False
        self.ended_by_relay = ""
        """Why the relay ended this session for good, or empty: a ``p.SignOutReason`` (the
        close's reason) or the error code of a refused reconnect (``unauthenticated``). Set
        before the state becomes ``closed``; the app words it (issue 13)."""

    # -------------------------------------------------------------- connecting

    async def sign_in(
        self, email: str, password: str, status: Literal["online", "away"] = "online"
    ) -> p.Welcome:
        self.status = status
        first = p.SignIn(
            id=next(self._ids), email=email, password=password, cursor=self.cursor, status=status
        )
        return await self._open(first)

    async def authenticate(
        self, token: str, status: Literal["online", "away"] = "online"
    ) -> p.Welcome:
        self.status = status
        return await self._open(self._auth_frame(token))

    def _auth_frame(self, token: str) -> p.Authenticate:
        return p.Authenticate(
            id=next(self._ids), token=token, cursor=self.cursor, status=self.status
        )

    async def _open(self, first: p.SignIn | p.Authenticate) -> p.Welcome:
        """First connection: errors surface to the caller; later drops are retried."""
        self._closing = False
        ws, welcome = await self._connect(first)
        self._runner = asyncio.create_task(self._run(ws), name="agent-client")
        return welcome

    async def _connect(
        self, first: p.SignIn | p.Authenticate
    ) -> tuple[ClientConnection, p.Welcome]:
        self._set_state("connecting")
        self._synced.clear()
        try:
            ws = await connect(
                self.url,
                open_timeout=self.open_timeout,
                max_size=p.MAX_CLIENT_FRAME_BYTES,
                compression=None,
            )
        except (OSError, InvalidHandshake, InvalidURI, TimeoutError):
            self._set_state("disconnected")
            raise
        try:
            await ws.send(p.encode(first))
            async with asyncio.timeout(self.open_timeout):
                frame = p.decode_server(await ws.recv())
                if isinstance(frame, p.Welcome) and frame.continued:
                    # Issue 12 item 6: a welcome with hundreds of chats comes in parts.
                    parts = [frame]
                    while parts[-1].continued:
                        part = p.decode_server(await ws.recv())
                        if not isinstance(part, p.Welcome):
                            raise ConnectionLost(f"expected welcome, got {type(part).__name__}")
                        parts.append(part)
                    frame = p.join_parts(parts)
        except (ConnectionClosed, TimeoutError, ConnectionLost) as exc:
            await ws.close()
            self._set_state("disconnected")
            raise ConnectionLost(
                f"the relay closed the connection while signing in: {exc}"
            ) from exc
        if isinstance(frame, p.Error):
            await ws.close()
            self._set_state("disconnected")
            cls = AuthError if frame.code in FINAL_CODES else RelayError
            raise cls(frame.code, frame.message, frame.retry_after)
        if not isinstance(frame, p.Welcome):
            await ws.close()
            self._set_state("disconnected")
            raise RelayError("invalid", f"expected welcome, got {type(frame).__name__}")
        self.token = frame.token
        self.welcome = frame
        self._ws = ws
        self._set_state("connected")
        self._deliver(frame)
        for cmid, out in self._outbox.items():
            self._send_outgoing(cmid, out)
        return ws, frame

    async def _run(self, ws: ClientConnection) -> None:
        """Read until the connection drops, then reconnect with backoff, until closed."""
        while True:
            await self._read(ws)
            self._ws = None
            self._fail_pending()
            if ws.close_code == p.CLOSE_SIGNED_OUT and not self._closing:
                # The relay signed this session out (an admin disabled the account).
                # Its reason is a p.SignOutReason code (the app words it, issue 13).
                self.ended_by_relay = ws.close_reason or "signed_out"
                self.token = None
            if self._closing or not self.reconnect or self.token is None:
                ended = self._closing or bool(self.ended_by_relay)
                self._set_state("closed" if ended else "disconnected")
                return
            self._set_state("disconnected")
            delay = self.min_backoff
            while True:
                await asyncio.sleep(delay * random.uniform(0.8, 1.2))
                if self._closing:
                    self._set_state("closed")
                    return
                try:
                    ws, _ = await self._connect(self._auth_frame(self.token))
                    self.reconnects += 1
                    break
                except AuthError as exc:
                    log.warning("the relay refused the saved session; sign in again")
                    self.ended_by_relay = exc.code
                    self.token = None
                    self._set_state("closed")
                    return
                except (OSError, InvalidHandshake, ConnectionLost, RelayError, TimeoutError) as exc:
                    log.info("reconnect failed (%s); next try in %.1f s", exc, delay)
                    delay = min(delay * 2, self.max_backoff)

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                try:
                    frame = p.decode_server(raw)
                except Exception:
                    log.warning("undecodable frame from the relay: %.200r", raw)
                    continue
                self._on_frame(frame)
        except ConnectionClosed:
            pass

    def _on_frame(self, frame: p.Frame) -> None:
        request_id = getattr(frame, "id", None)
        # A send of the outbox; C11's send_translated is a request answered the same way.
        if isinstance(frame, p.MessageAcked) and request_id not in self._pending:
            self._sent_ids.pop(frame.id, None)
            out = self._outbox.pop(frame.client_msg_id, None)
            if out is not None and not out.future.done():
                out.future.set_result(frame)
            return
        if isinstance(frame, p.Error) and request_id in self._sent_ids:
            cmid = self._sent_ids.pop(request_id)
            out = self._outbox.get(cmid)
            if out is None:
                return
            if frame.code in ("rate_limited", "internal") and out.retries < self.max_retries:
                delay = self.retry_delay * 2**out.retries
                out.retries += 1
                asyncio.get_running_loop().call_later(delay, self._resend, cmid)
                return
            del self._outbox[cmid]
            if not out.future.done():
                out.future.set_exception(RelayError(frame.code, frame.message))
            return
        if request_id is not None and request_id in self._pending:
            if isinstance(frame, p.ListAnswer):  # issue 12 item 6: join an answer's parts
                parts = self._parts.setdefault(request_id, [])
                parts.append(frame)
                if frame.continued:
                    return
                del self._parts[request_id]
                frame = p.join_parts(parts) if len(parts) > 1 else frame
            future = self._pending.pop(request_id)
            if not future.done():
                future.set_result(frame)
            return
        if isinstance(frame, p.EventPush):
            if self.cursor is not None and frame.event.cursor <= self.cursor:
                return  # already seen (replay overlapping a live push)
            self.cursor = frame.event.cursor
        elif isinstance(frame, p.SyncDone):
            self.cursor = max(self.cursor or 0, frame.cursor)
            self._synced.set()
        self._deliver(frame)

    def _deliver(self, frame: p.Frame) -> None:
        if self.received.limit:
            self.received.append(frame)
        for listener in list(self._listeners):
            try:
                listener(frame)
            except Exception:
                log.exception("frame listener failed")
        if self.on_frame is not None:
            try:
                self.on_frame(frame)
            except Exception:
                log.exception("on_frame failed")

    def _set_state(self, state: State) -> None:
        if state != self.state:
            self.state = state
            if self.on_state is not None:
                self.on_state(state)

    def _fail_pending(self) -> None:
        pending, self._pending = self._pending, {}
        self._parts.clear()
        for future in pending.values():
            if not future.done():
                future.set_exception(ConnectionLost("the connection dropped; retry"))
        self._sent_ids.clear()

    # -------------------------------------------------------------- requests

    async def request(self, make: Callable[[int], p.Frame], timeout: float = 30.0) -> p.Frame:
        """Send a request built by ``make(id)`` and return the response; an ``error`` answer
        raises :class:`RelayError`.

        A request refused ``rate_limited`` was dropped unread (the connection's or the IP's
        frame budget, or a limit that names a short ``retry_after``): it is sent again after a
        growing pause, for up to :data:`RATE_LIMIT_PATIENCE` seconds in all, so an agent
        clicking quickly through pages sees the page, not "you are doing this too often"."""
        waited = 0.0
        pause = 0.1
        while True:
            try:
                return await self._request_once(make, timeout)
            except RelayError as exc:
                if exc.code != "rate_limited":
                    raise
                wait = pause if exc.retry_after is None else exc.retry_after
                if waited + wait > RATE_LIMIT_PATIENCE:
                    raise
            await asyncio.sleep(wait)
            waited += wait
            pause *= 1.5

    async def _request_once(self, make: Callable[[int], p.Frame], timeout: float) -> p.Frame:
        if self._ws is None:
            raise ConnectionLost("not connected")
        request_id = next(self._ids)
        future: asyncio.Future[p.Frame] = asyncio.get_running_loop().create_future()
        self._pending[request_id] = future
        try:
            await self._ws.send(p.encode(make(request_id)))
        except ConnectionClosed as exc:
            self._pending.pop(request_id, None)
            raise ConnectionLost(str(exc)) from exc
        async with asyncio.timeout(timeout):
            frame = await future
        if isinstance(frame, p.Error):
            raise RelayError(frame.code, frame.message, frame.retry_after)
        return frame

    async def send_message(
        self,
        chat_id: int,
        text: str,
        client_msg_id: str | None = None,
        *,
        comment: bool = False,
        via: p.ReplyVia | None = None,
    ) -> p.MessageAcked:
        """Store a message on the relay; returns once it is committed (across reconnects).
        ``comment``: C10, an internal note only agents see; ``via``: C10, the reply channel
        (None: where the chat came from)."""
        cmid = client_msg_id or uuid.uuid4().hex
        existing = self._outbox.get(cmid)
        if existing is not None:
            return await asyncio.shield(existing.future)
        future: asyncio.Future[p.MessageAcked] = asyncio.get_running_loop().create_future()
        out = self._outbox[cmid] = _Outgoing(chat_id, text, future, comment, via=via)
        if self._ws is not None:
            self._send_outgoing(cmid, out)
        return await asyncio.shield(future)

    def _send_outgoing(self, cmid: str, out: _Outgoing) -> None:
        ws = self._ws
        if ws is None:
            return
        request_id = next(self._ids)
        self._sent_ids[request_id] = cmid
        frame = p.SendMessage(
            id=request_id,
            client_msg_id=cmid,
            text=out.text,
            chat_id=out.chat_id,
            comment=out.comment,
            via=out.via,
        )
        task = asyncio.get_running_loop().create_task(ws.send(p.encode(frame)))
        task.add_done_callback(_ignore_closed)

    def _resend(self, cmid: str) -> None:
        out = self._outbox.get(cmid)
        if out is not None:
            self._send_outgoing(cmid, out)

    def outbox(self) -> list[tuple[str, int, str]]:
        """Messages not yet acknowledged: (client_msg_id, chat_id, text)."""
        return [(cmid, out.chat_id, out.text) for cmid, out in self._outbox.items()]

    async def send_frame(self, frame: p.Frame) -> None:
        """Send a frame that has no answer (typing, receipts); nothing when not connected."""
        if self._ws is not None:
            with contextlib.suppress(ConnectionClosed):
                await self._ws.send(p.encode(frame))

    async def wait_synced(self, timeout: float = 10.0) -> None:
        async with asyncio.timeout(timeout):
            await self._synced.wait()

    def subscribe(self, listener: Callable[[p.Frame], None]) -> Callable[[], None]:
        """Call ``listener`` with every push from now on; returns the unsubscribe function."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(listener)

        return unsubscribe

    async def wait_for(
        self, predicate: Callable[[Any], bool], timeout: float = 10.0, since: int = 0
    ) -> Any:
        """The first push that matches ``predicate``: among the kept frames from index
        ``since`` (only when ``keep_frames`` is on), else the next one to arrive."""
        for frame in self.received[since:]:
            if predicate(frame):
                return frame
        found: asyncio.Future[Any] = asyncio.get_running_loop().create_future()

        def check(frame: p.Frame) -> None:
            if found.done():
                return
            try:
                if predicate(frame):
                    found.set_result(frame)
            except Exception as exc:
                found.set_exception(exc)

        unsubscribe = self.subscribe(check)
        try:
            async with asyncio.timeout(timeout):
                return await found
        finally:
            unsubscribe()

    async def wait_for_type(self, kind: type[F], timeout: float = 10.0, since: int = 0) -> F:
        frame: F = await self.wait_for(lambda f: isinstance(f, kind), timeout, since)
        return frame

    # -------------------------------------------------------------- closing

    async def sign_out(self) -> bool:
        """Revoke the token on the relay and close. Returns whether the relay confirmed."""
        revoked = False
        with contextlib.suppress(ConnectionLost, RelayError, TimeoutError):
            await self.request(lambda i: p.SignOut(id=i), timeout=5.0)
            revoked = True
        self.token = None
        await self.close()
        return revoked

    async def close(self) -> None:
        self._closing = True
        if self._ws is not None:
            await self._ws.close()
        if self._runner is not None:
            self._runner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._runner
            self._runner = None
        self._fail_pending()  # a request still waiting would otherwise wait out its timeout
        self._set_state("closed")
        for out in self._outbox.values():
            if not out.future.done():
                out.future.cancel()

    async def drop_connection(self) -> None:
        """Tests: break the socket as a network failure would (the client reconnects)."""
        if self._ws is not None:
            self._ws.transport.abort()


def _ignore_closed(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        exc = task.exception()
        if not isinstance(exc, ConnectionClosed):
            log.warning("send failed: %r", exc)
