"""A protocol-level visitor (what the widget does, without a browser) for server tests and
benchmarks."""

from __future__ import annotations

import asyncio
import itertools
import random
import uuid
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from server import protocol as p


class Visitor:
    def __init__(self, ws_url: str, site_key: str, *, origin: str | None = None) -> None:
        self.ws_url = ws_url
        self.site_key = site_key
        self.origin = origin
        self.token: str | None = None
        self.visitor_id: int | None = None
        self.cursor: int | None = None
        self.welcome: p.VisitorWelcome | None = None
        self.ws: ClientConnection | None = None
        self.frames: list[p.Frame] = []
        self._ids = itertools.count(1)
        self._arrived = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None
        self.close_code: int | None = None

    async def connect(self, page_url: str = "https://shop.example/", **kw: Any) -> p.Frame:
        """Open the socket and say hello; returns the first answer (welcome or error)."""
        headers = {"Origin": self.origin} if self.origin else {}
        headers.update(kw.pop("additional_headers", None) or {})
        self.ws = await connect(self.ws_url, additional_headers=headers, compression=None, **kw)
        hello = p.VisitorHello(
            id=next(self._ids),
            site_key=self.site_key,
            visitor_token=self.token,
            cursor=self.cursor,
            page_url=page_url,
            page_title="Shop",
        )
        await self.ws.send(p.encode(hello))
        first = p.decode_server(await self.ws.recv())
        if isinstance(first, p.VisitorWelcome):
            self.welcome = first
            self.token = first.visitor_token
            self.visitor_id = first.visitor_id
            self._reader = asyncio.create_task(self._read(self.ws))
        return first

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                frame = p.decode_server(raw)
                if isinstance(frame, p.EventPush):
                    if self.cursor is not None and frame.event.cursor <= self.cursor:
                        continue
                    self.cursor = frame.event.cursor
                self.frames.append(frame)
                self._arrived.set()
        except ConnectionClosed as exc:
            self.close_code = exc.rcvd.code if exc.rcvd else None
        else:
            self.close_code = ws.close_code

    async def closed(self, timeout: float = 10.0) -> int | None:
        """Wait until the relay closed the socket; returns the close code it sent."""
        assert self._reader is not None
        await asyncio.wait_for(asyncio.shield(self._reader), timeout)
        return self.close_code

    async def send_raw(self, data: str | bytes) -> None:
        assert self.ws is not None
        await self.ws.send(data)

    def send_frame(self, make: Any) -> int:
        request_id = next(self._ids)
        assert self.ws is not None
        asyncio.get_running_loop().create_task(self.ws.send(p.encode(make(request_id))))
        return request_id

    async def say(self, text: str, client_msg_id: str | None = None) -> p.Frame:
        """Send a message and wait for its answer (``message_acked`` or ``error``)."""
        cmid = client_msg_id or uuid.uuid4().hex
        request_id = next(self._ids)
        assert self.ws is not None
        await self.ws.send(p.encode(p.SendMessage(id=request_id, client_msg_id=cmid, text=text)))
        return await self.answer(request_id)

    async def answer(self, request_id: int, timeout: float = 10.0) -> p.Frame:
        return await self.wait_for(lambda f: getattr(f, "id", None) == request_id, timeout)

    async def wait_for(self, predicate: Any, timeout: float = 10.0, since: int = 0) -> Any:
        async with asyncio.timeout(timeout):
            index = since
            while True:
                while index < len(self.frames):
                    frame = self.frames[index]
                    index += 1
                    if predicate(frame):
                        return frame
                self._arrived.clear()
                await self._arrived.wait()

    def events(self) -> list[p.Event]:
        return [f.event for f in self.frames if isinstance(f, p.EventPush)]

    def messages(self) -> list[str]:
        return [e.text for e in self.events() if e.kind == "message"]

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)


class ResumingVisitor(Visitor):
    """A visitor that reconnects by itself, as widget.js does: when its socket drops it opens
    a new one (backoff with jitter, through the same address: a balancer picks a node), says
    hello with its token and cursor (the relay replays what came after it, then
    ``sync_done``), and after ``sync_done`` sends every message not yet acknowledged again
    with the same ``client_msg_id`` (the relay stores it once). A passing refusal
    (``internal``, ``rate_limited``) is sent again after a doubling delay.

    ``wire`` is every event push's cursor as it came off the wire, before the dedupe (a
    duplicate or an older event after a newer one shows there); ``acked`` the messages the
    relay acknowledged, in send order."""

    RETRY_CODES = frozenset({"internal", "rate_limited", "unavailable"})

    def __init__(
        self,
        ws_url: str,
        site_key: str,
        *,
        min_backoff: float = 0.05,
        max_backoff: float = 0.5,
    ) -> None:
        super().__init__(ws_url, site_key)
        self.min_backoff = min_backoff
        self.max_backoff = max_backoff
        self.wire: list[int] = []
        self.acked: list[p.MessageAcked] = []
        self.reconnects = 0
        self._outbox: dict[str, tuple[str, asyncio.Future[p.MessageAcked]]] = {}
        self._sent: dict[int, str] = {}  # request id -> client_msg_id, on this connection
        self._tries: dict[str, int] = {}
        self._runner: asyncio.Task[None] | None = None
        self._closing = False

    async def start(self) -> p.VisitorWelcome:
        """The first connection (its failure is the caller's); later drops are retried."""
        first = await self.connect()
        assert isinstance(first, p.VisitorWelcome), first
        self._runner = asyncio.create_task(self._run(), name="resuming-visitor")
        return first

    async def _run(self) -> None:
        while not self._closing:
            assert self._reader is not None
            await asyncio.gather(self._reader, return_exceptions=True)
            self._sent.clear()
            delay = self.min_backoff
            while not self._closing:
                await asyncio.sleep(delay * random.uniform(0.8, 1.2))
                try:
                    first = await self.connect()
                except (OSError, InvalidHandshake, ConnectionClosed, TimeoutError):
                    delay = min(delay * 2, self.max_backoff)
                    continue
                if isinstance(first, p.VisitorWelcome):
                    self.reconnects += 1
                    break
                if self.ws is not None:
                    await self.ws.close()
                delay = min(delay * 2, self.max_backoff)

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                frame = p.decode_server(raw)
                if isinstance(frame, p.EventPush):
                    self.wire.append(frame.event.cursor)
                    if self.cursor is not None and frame.event.cursor <= self.cursor:
                        continue
                    self.cursor = frame.event.cursor
                elif isinstance(frame, p.SyncDone):
                    self.cursor = max(self.cursor or 0, frame.cursor)
                    for cmid in list(self._outbox):
                        self._send(cmid)
                elif isinstance(frame, p.MessageAcked):
                    self._acked(frame)
                elif isinstance(frame, p.Error) and frame.id in self._sent:
                    self._refused(frame)
                self.frames.append(frame)
                self._arrived.set()
        except ConnectionClosed as exc:
            self.close_code = exc.rcvd.code if exc.rcvd else None

    async def send_message(self, text: str, client_msg_id: str | None = None) -> p.MessageAcked:
        """Send and wait for the acknowledgement, across reconnects and passing refusals."""
        cmid = client_msg_id or uuid.uuid4().hex
        future: asyncio.Future[p.MessageAcked] = asyncio.get_running_loop().create_future()
        self._outbox[cmid] = (text, future)
        self._send(cmid)
        return await asyncio.shield(future)

    def _send(self, cmid: str) -> None:
        ws = self.ws
        if cmid not in self._outbox or ws is None or self._reader is None or self._reader.done():
            return  # sent again after the next sync_done
        text, _ = self._outbox[cmid]
        request_id = next(self._ids)
        self._sent[request_id] = cmid
        frame = p.SendMessage(id=request_id, client_msg_id=cmid, text=text)
        task = asyncio.get_running_loop().create_task(ws.send(p.encode(frame)))
        task.add_done_callback(lambda t: t.cancelled() or t.exception())

    def _acked(self, frame: p.MessageAcked) -> None:
        self._sent.pop(frame.id, None)
        entry = self._outbox.pop(frame.client_msg_id, None)
        if entry is not None and not entry[1].done():
            self.acked.append(frame)
            entry[1].set_result(frame)

    def _refused(self, frame: p.Error) -> None:
        assert frame.id is not None
        cmid = self._sent.pop(frame.id)
        entry = self._outbox.get(cmid)
        if entry is None:
            return
        if frame.code in self.RETRY_CODES:
            tries = self._tries[cmid] = self._tries.get(cmid, 0) + 1
            delay = min(0.1 * 2**tries, 2.0)
            asyncio.get_running_loop().call_later(delay, self._send, cmid)
            return
        del self._outbox[cmid]
        if not entry[1].done():
            entry[1].set_exception(AssertionError(f"message refused: {frame.code} {frame.message}"))

    def unacked(self) -> list[str]:
        return [text for text, _ in self._outbox.values()]

    async def close(self) -> None:
        self._closing = True
        if self._runner is not None:
            self._runner.cancel()
            await asyncio.gather(self._runner, return_exceptions=True)
        await super().close()
        for _, future in self._outbox.values():
            future.cancel()
