"""Load generators of the headline scenario (``bench/headline.py``), each in its own process.

* ``browse_worker``: visitors that browse. Each sends ``visitor_hello``, then what the widget
  sends on a site it stays open on: a ``page_view`` every ``page_every`` seconds (single-page
  navigation: the widget's tracker, with the previous page as referrer) and its heartbeat
  ``ping`` every 25 s, each at a random phase.
* ``chat_worker``: the agents and the chats. Every agent resumes its session
  (``authenticate``, as the app does after its first sign-in) and, as the app does on every
  ``welcome``, sends ``watch_visitors``; then each chat's visitor
  writes a first message and the agent the chat is offered to accepts it. During the run each
  chat exchanges a message every ``message_every`` seconds each way, each typed for a second
  first (``typing`` true, then false and the message, as the widget and the app send them); the
  receiver answers with a ``receipt``, as both do. A message carries its send time; the other
  side records its delivery latency.

Both take ``cfg`` and a pipe: they report once connected (``{"ready": ...}``), wait for
``("go", at, warmup, duration)``, run until ``at + warmup + duration``, report their results and
wait for ``"stop"``. Samples and counts cover the measured window only. Clocks: every process
reads the same ``time.monotonic()`` (one machine).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import msgspec
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from bench.common import raise_nofile
from server import protocol as p

HEARTBEAT = 25.0  # the widget's ping interval
_decode = msgspec.json.decode
_EVENT = '{"type":"event_push"'
_DELTA = '{"type":"visitors_delta"'


class Window:
    def __init__(self, at: float, warmup: float, duration: float) -> None:
        self.start = at + warmup
        self.end = self.start + duration

    def __contains__(self, t: float) -> bool:
        return self.start <= t < self.end


class Socket:
    """A protocol-level client socket: frames out, a reader task calling ``on_frame(raw, now)``."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.ws: ClientConnection | None = None
        self.reader: asyncio.Task[None] | None = None
        self.next_id = 1
        self.errors: Counter[str] = Counter()
        self.closed = False
        self.close_code = ""

    async def open(self, first: Callable[[int], p.Frame], answer: str) -> dict[str, Any]:
        self.ws = await connect(
            self.url, compression=None, max_size=None, open_timeout=120, ping_interval=None
        )
        await self.send_frame(first(self.take_id()))
        async with asyncio.timeout(120):
            while True:
                frame = _decode(await self.ws.recv())
                if frame.get("type") == answer:
                    return frame  # type: ignore[no-any-return]
                if frame.get("type") == "error":
                    raise RuntimeError(f"refused: {frame}")

    def take_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def listen(self, on_frame: Callable[[str, float], None]) -> None:
        self.reader = asyncio.create_task(self._read(on_frame))

    async def _read(self, on_frame: Callable[[str, float], None]) -> None:
        assert self.ws is not None
        try:
            async for raw in self.ws:
                text = raw if isinstance(raw, str) else raw.decode()
                if text.startswith('{"type":"error"'):
                    self.errors[str(_decode(text).get("code"))] += 1
                on_frame(text, time.monotonic())
        except ConnectionClosed as exc:
            self.close_code = str(exc.rcvd.code if exc.rcvd else "no close frame")
        self.closed = True

    async def send_frame(self, frame: p.Frame) -> None:
        assert self.ws is not None
        with contextlib.suppress(ConnectionClosed):
            await self.ws.send(p.encode(frame))

    async def close(self) -> None:
        if self.reader is not None:
            self.reader.cancel()
        if self.ws is not None:
            self.ws.transport.abort()


async def _sleep_until(t: float) -> None:
    delay = t - time.monotonic()
    if delay > 0:
        await asyncio.sleep(delay)


async def _wait_go(pipe: Any) -> Window:
    message = await asyncio.to_thread(_recv, pipe, 1800)
    _, at, warmup, duration = message
    return Window(at, warmup, duration)


def _recv(pipe: Any, timeout: float) -> Any:
    if not pipe.poll(timeout):
        raise TimeoutError("no word from the driver")
    return pipe.recv()


def _run(main: Callable[[dict[str, Any], Any], Any], cfg: dict[str, Any], pipe: Any) -> None:
    raise_nofile()
    try:
        asyncio.run(main(cfg, pipe))
    except BaseException:
        import traceback

        with contextlib.suppress(Exception):
            pipe.send({"crashed": traceback.format_exc()})
        raise
    finally:
        pipe.close()


# ---------------------------------------------------------------------------- browsing visitors


def browse_worker(cfg: dict[str, Any], pipe: Any) -> None:
    _run(_browse, cfg, pipe)


async def _browse(cfg: dict[str, Any], pipe: Any) -> None:
    info, first, count = cfg["server"], cfg["first"], cfg["count"]
    rng = random.Random(first)
    visitors: list[Socket] = []
    failures: Counter[str] = Counter()
    started = time.monotonic()
    for offset in range(0, count, cfg["batch"]):
        group = [Socket(info["ws_url"]) for _ in range(min(cfg["batch"], count - offset))]

        def hello(request_id: int, n: int = first + offset) -> p.Frame:
            return p.VisitorHello(
                id=request_id,
                site_key=info["site_key"],
                page_url=f"https://shop.example/p/{n}",
                page_title="Shop",
            )

        done = await asyncio.gather(
            *(v.open(hello, "visitor_welcome") for v in group), return_exceptions=True
        )
        for v, result in zip(group, done, strict=True):
            if isinstance(result, BaseException):
                failures[type(result).__name__] += 1
            else:
                v.listen(lambda raw, now: None)
                visitors.append(v)
    pipe.send(
        {"ready": len(visitors), "failed": dict(failures), "seconds": time.monotonic() - started}
    )
    window = await _wait_go(pipe)
    sent: Counter[str] = Counter()

    async def browse(index: int, v: Socket) -> None:
        page_at = window.start - cfg["warmup"] + rng.uniform(0, cfg["page_every"])
        ping_at = window.start - cfg["warmup"] + rng.uniform(0, HEARTBEAT)
        page, url = 0, f"https://shop.example/p/{first + index}"
        while min(page_at, ping_at) < window.end:
            if page_at <= ping_at:
                await _sleep_until(page_at)
                page += 1
                previous, url = url, f"https://shop.example/p/{first + index}/{page}"
                await v.send_frame(p.PageView(url=url, title=f"Item {page}", referrer=previous))
                if page_at in window:
                    sent["page_view"] += 1
                page_at += cfg["page_every"]
            else:
                await _sleep_until(ping_at)
                await v.send_frame(p.Ping(id=v.take_id()))
                if ping_at in window:
                    sent["ping"] += 1
                ping_at += HEARTBEAT

    cpu = time.process_time()
    await asyncio.gather(*(browse(i, v) for i, v in enumerate(visitors)))
    wall = max(time.monotonic() - (window.start - cfg["warmup"]), 1e-9)
    errors: Counter[str] = Counter()
    for v in visitors:
        errors.update(v.errors)
    pipe.send(
        {
            "sent": dict(sent),
            "errors": dict(errors),
            "closed": dict(Counter(v.close_code for v in visitors if v.closed)),
            "client_cores": (time.process_time() - cpu) / wall,
        }
    )
    await asyncio.to_thread(pipe.poll, 120)
    for v in visitors:
        await v.close()


# ---------------------------------------------------------------------------- agents and chats


def chat_worker(cfg: dict[str, Any], pipe: Any) -> None:
    _run(_chats, cfg, pipe)


class Chat:
    def __init__(self, index: int, visitor: Socket) -> None:
        self.index = index
        self.visitor = visitor
        self.agent: Socket | None = None
        self.chat_id = 0


async def _chats(cfg: dict[str, Any], pipe: Any) -> None:
    info = cfg["server"]
    url = info["ws_url"]
    started = time.monotonic()
    window = Window(float("inf"), 0, 0)
    samples: dict[str, list[float]] = {"visitor_to_agent": [], "agent_to_visitor": []}
    counts: Counter[str] = Counter()
    pending_offer: list[asyncio.Future[tuple[int, Socket]]] = []
    receipts: set[asyncio.Task[None]] = set()

    def receipt(sock: Socket, frame: p.Frame) -> None:
        task = asyncio.create_task(sock.send_frame(frame))
        receipts.add(task)
        task.add_done_callback(receipts.discard)

    def stamp(raw: str, now: float, author: str, key: str) -> tuple[int, int] | None:
        event = _decode(raw)["event"]
        text = event.get("text", "")
        if event.get("author") != author or not text.startswith("H "):
            return None
        _, sent = text.split(" ", 2)[:2]
        if float(sent) in window:
            samples[key].append((now - float(sent)) * 1000)
            counts[key + " received"] += 1
        return event["chat_id"], event["seq"]

    # -- agents: resume their sessions, watch visitors (as the app does), accept their offers
    agents = [Socket(url) for _ in range(cfg["agents"])]

    async def sign_in(n: int, agent: Socket) -> None:
        token = info["agent_tokens"][n]
        await agent.open(lambda i: p.Authenticate(id=i, token=token), "welcome")

        def on_frame(raw: str, now: float, agent: Socket = agent) -> None:
            if raw.startswith(_DELTA):
                counts["visitors_delta frames"] += now in window
                counts["visitors_delta bytes"] += len(raw) if now in window else 0
            elif raw.startswith(_EVENT):
                got = stamp(raw, now, "visitor", "visitor_to_agent")
                if got is not None:
                    receipt(agent, p.Receipt(chat_id=got[0], seq=got[1]))
            elif raw.startswith('{"type":"chat_offered"'):
                chat_id = _decode(raw)["chat"]["id"]
                if pending_offer and not pending_offer[0].done():
                    pending_offer[0].set_result((chat_id, agent))

        agent.listen(on_frame)
        if cfg["watch"]:
            await agent.send_frame(p.WatchVisitors(id=agent.take_id()))

    for start in range(0, len(agents), 10):
        await asyncio.gather(
            *(sign_in(n, agents[n]) for n in range(start, min(start + 10, len(agents))))
        )

    # -- chats: each visitor's first message is offered to one agent (least busy), who takes it
    chats: list[Chat] = []
    for k in range(cfg["chats"]):
        visitor = Socket(url)
        await visitor.open(
            lambda i: p.VisitorHello(
                id=i, site_key=info["site_key"], page_url="https://shop.example/cart"
            ),
            "visitor_welcome",
        )
        chat = Chat(k, visitor)

        def on_visitor(raw: str, now: float, chat: Chat = chat) -> None:
            if raw.startswith(_EVENT):
                got = stamp(raw, now, "agent", "agent_to_visitor")
                if got is not None:
                    receipt(chat.visitor, p.Receipt(seq=got[1], read=True))

        offer: asyncio.Future[tuple[int, Socket]] = asyncio.get_running_loop().create_future()
        pending_offer[:] = [offer]
        visitor.listen(on_visitor)
        await visitor.send_frame(
            p.SendMessage(id=visitor.take_id(), client_msg_id=f"c{k}-0", text="hello")
        )
        async with asyncio.timeout(60):
            chat.chat_id, chat.agent = await offer
        await chat.agent.send_frame(p.AcceptChat(id=chat.agent.take_id(), chat_id=chat.chat_id))
        chats.append(chat)
    await asyncio.sleep(1.0)  # the last accepts are stored before the run starts
    pipe.send({"ready": len(chats), "agents": len(agents), "seconds": time.monotonic() - started})
    window = await _wait_go(pipe)

    async def talk(chat: Chat) -> None:
        assert chat.agent is not None
        rng = random.Random(chat.index)
        every = cfg["message_every"]
        t = window.start - cfg["warmup"] + rng.uniform(1.0, every)
        n = 0
        while t < window.end:
            for side, who, delay in (
                (chat.visitor, "visitor", 0.0),
                (chat.agent, "agent", every / 2),
            ):
                at = t + delay
                await _sleep_until(at - 1.0)
                chat_id = chat.chat_id if who == "agent" else None
                await side.send_frame(p.Typing(active=True, chat_id=chat_id))
                await _sleep_until(at)
                await side.send_frame(p.Typing(active=False, chat_id=chat_id))
                n += 1
                now = time.monotonic()
                await side.send_frame(
                    p.SendMessage(
                        id=side.take_id(),
                        client_msg_id=f"c{chat.index}-{n}",
                        text=f"H {now:.6f} message {n}",
                        chat_id=chat_id,
                    )
                )
                if now in window:
                    counts[f"{who}_to_{'agent' if who == 'visitor' else 'visitor'} sent"] += 1
            t += every

    cpu = time.process_time()
    await asyncio.gather(*(talk(c) for c in chats))
    await asyncio.sleep(2.0)  # the last deliveries
    wall = max(time.monotonic() - (window.start - cfg["warmup"]), 1e-9)
    errors: Counter[str] = Counter()
    for s in agents + [c.visitor for c in chats]:
        errors.update(s.errors)
    pipe.send(
        {
            "samples": samples,
            "counts": dict(counts),
            "errors": dict(errors),
            "closed": dict(
                Counter(s.close_code for s in agents + [c.visitor for c in chats] if s.closed)
            ),
            "client_cores": (time.process_time() - cpu) / wall,
        }
    )
    await asyncio.to_thread(pipe.poll, 120)
    for s in agents + [c.visitor for c in chats]:
        await s.close()
