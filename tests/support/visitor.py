"""A protocol-level visitor (what the widget does, without a browser) for server tests and
benchmarks."""

from __future__ import annotations

import asyncio
import itertools
import uuid
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

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
