"""Load generators. Each entry point runs in its own process (spawned by ``bench/run_all.py``),
never in the server's, and runs the same code against the relay and the bare forwarder: only the
agent's sign-in and the relay's chat set-up (a first message, the agent accepting the offer)
differ, and neither is measured.

The visitor side is a lean protocol-level visitor (the frames of ``tests/support/visitor.py``,
without its frame log, so that a long run does not grow a list it scans). The relay's agent is
the real :class:`jivo_desktop.net.client.AgentClient`; the forwarders' agent (bare and durable,
``cfg["kind"]`` other than ``"relay"``) is a bare reader.
Every loop is bounded by a count and by a deadline.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from typing import Any

import msgspec
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from bench.common import CpuSnapshot, percentile, raise_nofile, snapshot_stats
from jivo_desktop.net.client import AgentClient
from server import protocol as p

# What answers a send: the relay's ack, or the forwarder's echo of the frame itself.
ACK_TYPES = frozenset({"message_acked", "send_message"})
_decode = msgspec.json.Decoder().decode


class LeanVisitor:
    def __init__(
        self,
        ws_url: str,
        site_key: str,
        index: int,
        on_answer: Callable[[LeanVisitor, dict[str, Any], float], None] | None = None,
    ) -> None:
        self.ws_url = ws_url
        self.site_key = site_key
        self.index = index
        self.on_answer = on_answer
        self.ws: ClientConnection | None = None
        self.visitor_id = 0
        self.next_id = 1
        self.sent_at: dict[int, float] = {}
        self.waiters: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.errors: Counter[str] = Counter()
        self.reader: asyncio.Task[None] | None = None
        self.closed_code: int | None = None

    async def connect(self, *, read: bool = True) -> None:
        self.ws = await connect(
            self.ws_url,
            compression=None,
            max_size=4 * p.MAX_FRAME_BYTES,
            open_timeout=60,
            ping_interval=None,
        )
        hello = p.VisitorHello(
            id=self.next_id,
            site_key=self.site_key,
            page_url=f"https://shop.example/p/{self.index}",
            page_title="Bench",
        )
        self.next_id += 1
        await self.ws.send(p.encode(hello))
        async with asyncio.timeout(60):
            welcome = _decode(await self.ws.recv())
        if welcome.get("type") != "visitor_welcome":
            raise RuntimeError(f"visitor {self.index}: expected visitor_welcome, got {welcome}")
        self.visitor_id = int(welcome["visitor_id"])
        if read:
            self.reader = asyncio.create_task(self._read(self.ws))

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                now = time.monotonic()
                frame = _decode(raw)
                kind = frame.get("type")
                if kind in ACK_TYPES or kind == "error":
                    if kind == "error":
                        self.errors[str(frame.get("code"))] += 1
                    request_id = frame.get("id")
                    waiter = self.waiters.pop(request_id, None)
                    if waiter is not None and not waiter.done():
                        waiter.set_result(frame)
                    if self.on_answer is not None:
                        self.on_answer(self, frame, now)
        except ConnectionClosed as exc:
            self.closed_code = exc.rcvd.code if exc.rcvd else None

    async def send(self, text: str) -> int:
        assert self.ws is not None
        request_id = self.next_id
        self.next_id += 1
        frame = p.SendMessage(id=request_id, client_msg_id=f"{self.index}-{request_id}", text=text)
        self.sent_at[request_id] = time.monotonic()
        await self.ws.send(p.encode(frame))
        return request_id

    async def say(self, text: str, timeout: float = 30.0) -> dict[str, Any]:
        """Send and wait for the answer (set-up only)."""
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.waiters[self.next_id] = future
        await self.send(text)
        async with asyncio.timeout(timeout):
            return await future

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                async with asyncio.timeout(5):
                    await self.ws.close()
        if self.reader is not None:
            self.reader.cancel()
            with contextlib.suppress(BaseException):
                await self.reader


class BareAgent:
    """The forwarder's agent: sends the relay's ``sign_in`` frame, then reads raw frames."""

    def __init__(self, ws_url: str, on_text: Callable[[str, float], None]) -> None:
        self.ws_url = ws_url
        self.on_text = on_text
        self.ws: ClientConnection | None = None
        self.reader: asyncio.Task[None] | None = None
        self.reconnects = 0

    async def sign_in(self, email: str, password: str) -> None:
        self.ws = await connect(
            self.ws_url, compression=None, max_size=4 * p.MAX_FRAME_BYTES, open_timeout=30
        )
        await self.ws.send(p.encode(p.SignIn(id=1, email=email, password=password)))
        welcome = _decode(await self.ws.recv())
        assert welcome.get("type") == "welcome", welcome
        self.reader = asyncio.create_task(self._read(self.ws))

    async def _read(self, ws: ClientConnection) -> None:
        with contextlib.suppress(ConnectionClosed):
            async for raw in ws:
                frame = _decode(raw)
                text = frame.get("text")
                if text is not None:
                    self.on_text(text, time.monotonic())

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                async with asyncio.timeout(5):
                    await self.ws.close()
        if self.reader is not None:
            self.reader.cancel()
            with contextlib.suppress(BaseException):
                await self.reader


async def _agent(cfg: dict[str, Any], on_text: Callable[[str, float], None]) -> Any:
    info = cfg.get("agent_server") or cfg["server"]  # another node's (bench/multi_node.py)
    if cfg["kind"] != "relay":
        agent = BareAgent(info["ws_url"], on_text)
        await agent.sign_in("bench@example.com", "x")
        return agent

    def on_frame(frame: p.Frame) -> None:
        if isinstance(frame, p.EventPush):
            event = frame.event
            if event.kind == "message" and event.author == "visitor":
                on_text(event.text, time.monotonic())

    client = AgentClient(info["ws_url"], reconnect=False, on_frame=on_frame, keep_frames=10_000)
    await client.sign_in(info["agent_email"], info["agent_password"])
    return client


async def _open_chats(cfg: dict[str, Any], agent: Any, visitors: list[LeanVisitor]) -> None:
    """Relay only: each visitor's first message offers a chat; the agent accepts every one."""
    if cfg["kind"] != "relay":
        return

    async def one(v: LeanVisitor) -> None:
        since = 0
        answer = await v.say("hello, I have a question")
        if answer.get("type") != "message_acked":
            raise RuntimeError(f"first message refused: {answer}")
        offered = await agent.wait_for(
            lambda f: isinstance(f, p.ChatOffered) and _visitor_of(f.chat) == v.visitor_id,
            timeout=30,
            since=since,
        )
        await agent.accept(offered.chat.id)

    await asyncio.gather(*(one(v) for v in visitors))


def _visitor_of(chat: p.ChatInfo) -> int | None:
    return chat.visitor.id if chat.visitor is not None else None


def _fetch_metrics(http_url: str) -> dict[str, float]:
    with urllib.request.urlopen(f"{http_url}/metrics", timeout=10) as response:
        text = response.read().decode()
    out: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, _, value = line.rpartition(" ")
        out[name] = float(value)
    return out


def fetch_metrics(http_url: str) -> dict[str, float]:
    try:
        return _fetch_metrics(http_url)
    except Exception:
        return {}


# ---------------------------------------------------------------------------- latency


def latency_client(cfg: dict[str, Any]) -> dict[str, Any]:
    raise_nofile()
    return asyncio.run(asyncio.wait_for(_latency(cfg), cfg["messages"] / cfg["rate"] + 90))


async def _latency(cfg: dict[str, Any]) -> dict[str, Any]:
    n, rate, warmup = cfg["messages"], cfg["rate"], cfg["warmup_messages"]
    arrived: dict[int, float] = {}
    all_arrived = asyncio.Event()

    def on_text(text: str, now: float) -> None:
        if text.startswith("L "):
            _, index, sent = text.split(" ")
            arrived[int(index)] = now - float(sent)
            if int(index) == n - 1 or len(arrived) >= n + warmup:
                all_arrived.set()

    agent = await _agent(cfg, on_text)
    visitor = LeanVisitor(cfg["server"]["ws_url"], cfg["server"]["site_key"], 0)
    await visitor.connect()
    await _open_chats(cfg, agent, [visitor])
    server_pid = cfg["server"]["pid"]
    cpu_before = CpuSnapshot.take(server_pid)
    client_cpu = time.process_time()
    start = time.monotonic()
    late = 0
    for k in range(warmup + n):
        index = k - warmup  # negative: warm-up, not recorded
        target = start + k / rate
        delay = target - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        elif delay < -0.005:
            late += 1
        await visitor.send(f"L {index} {time.monotonic():.9f}")
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(15):
            await all_arrived.wait()
    wall = time.monotonic() - start
    server_cpu = CpuSnapshot.take(server_pid).since(cpu_before, server_pid)
    client_cores = (time.process_time() - client_cpu) / wall
    samples = [arrived[i] * 1000 for i in range(n) if i in arrived]
    tenth = max(1, len(samples) // 10)
    capacity = await _one_connection_capacity(visitor, cfg.get("capacity_seconds", 2.0))
    reconnects = getattr(agent, "reconnects", 0)
    await visitor.close()
    await agent.close()
    return {
        "first_tenth_mean_ms": sum(samples[:tenth]) / tenth if samples else float("nan"),
        "last_tenth_mean_ms": sum(samples[-tenth:]) / tenth if samples else float("nan"),
        "capacity_per_s": capacity,
        "p50_ms": percentile(samples, 50),
        "p90_ms": percentile(samples, 90),
        "p99_ms": percentile(samples, 99),
        "max_ms": max(samples) if samples else float("nan"),
        "received": len(samples),
        "sent": n,
        "late_sends": late,
        "errors": dict(visitor.errors),
        "agent_reconnects": reconnects,
        "server_cores": server_cpu,
        "client_cores": client_cores,
    }


async def _one_connection_capacity(visitor: LeanVisitor, seconds: float, window: int = 10) -> float:
    """Answered messages a second from this one connection sending as fast as answers allow
    (``window`` in flight): how many messages a second one visitor can get through at most."""
    credits = asyncio.Semaphore(window)
    answered = [0]
    end = [float("inf")]

    drained = asyncio.Event()

    def on_answer(v: LeanVisitor, frame: dict[str, Any], now: float) -> None:
        if v.sent_at.pop(frame.get("id", -1), None) is None:
            return
        if now < end[0]:
            answered[0] += 1
        elif not v.sent_at:
            drained.set()
        credits.release()

    visitor.sent_at.clear()
    visitor.on_answer = on_answer
    start = time.monotonic()
    end[0] = start + seconds
    sent = 0
    while time.monotonic() < end[0] and sent < 1_000_000:
        try:
            async with asyncio.timeout(max(end[0] - time.monotonic(), 0.001)):
                await credits.acquire()
        except TimeoutError:
            break
        await visitor.send(f"C {sent}")
        sent += 1
    elapsed = time.monotonic() - start
    # Let what is in flight be answered (not counted) before the socket closes.
    if visitor.sent_at:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(10):
                await drained.wait()
    visitor.on_answer = None
    return answered[0] / elapsed


# ---------------------------------------------------------------------------- throughput


def throughput_client(cfg: dict[str, Any]) -> dict[str, Any]:
    raise_nofile()
    limit = cfg["warmup"] + cfg["duration"] + 120
    return asyncio.run(asyncio.wait_for(_throughput(cfg), limit))


async def _throughput(cfg: dict[str, Any]) -> dict[str, Any]:
    info = cfg["server"]
    window, count = cfg["window"], cfg["visitors"]
    delivered = [0]
    window_open = [float("inf"), float("-inf")]
    acked = [0]
    rtts: list[float] = []
    credits: dict[int, asyncio.Semaphore] = {}

    def on_text(text: str, now: float) -> None:
        if window_open[0] <= now < window_open[1]:
            delivered[0] += 1

    def on_answer(v: LeanVisitor, frame: dict[str, Any], now: float) -> None:
        sent = v.sent_at.pop(frame.get("id", -1), None)
        if sent is None:
            return
        if window_open[0] <= now < window_open[1] and frame.get("type") != "error":
            acked[0] += 1
            if len(rtts) < 200_000:
                rtts.append(now - sent)
        semaphore = credits.get(v.index)
        if semaphore is not None:
            semaphore.release()

    agent = await _agent(cfg, on_text)
    servers = cfg.get("servers") or [info]  # several nodes: the visitors spread over them
    visitors = [
        LeanVisitor(servers[i % len(servers)]["ws_url"], info["site_key"], i, on_answer)
        for i in range(count)
    ]
    await asyncio.gather(*(v.connect() for v in visitors))
    await _open_chats(cfg, agent, visitors)
    for v in visitors:
        credits[v.index] = asyncio.Semaphore(window)
    stop = asyncio.Event()
    text = "x" * cfg.get("text_chars", 40)

    async def pump(v: LeanVisitor) -> None:
        semaphore = credits[v.index]
        sent = 0
        while not stop.is_set() and sent < 10_000_000:
            await semaphore.acquire()
            if stop.is_set():
                return
            try:
                await v.send(text)
            except ConnectionClosed:
                return
            sent += 1

    pumps = [asyncio.create_task(pump(v)) for v in visitors]
    await asyncio.sleep(cfg["warmup"])
    before = await asyncio.to_thread(snapshot_stats, info["pid"], cfg["stats_path"])
    cpu_before = [CpuSnapshot.take(s["pid"]) for s in servers]
    client_cpu = time.process_time()
    window_open[0] = time.monotonic()
    window_open[1] = window_open[0] + cfg["duration"]
    await asyncio.sleep(cfg["duration"])
    after = await asyncio.to_thread(snapshot_stats, info["pid"], cfg["stats_path"])
    measured = time.monotonic() - window_open[0]
    node_cpu = [
        CpuSnapshot.take(s["pid"]).since(b, s["pid"])
        for s, b in zip(servers, cpu_before, strict=True)
    ]
    server_cpu = node_cpu[0]
    client_cores = (time.process_time() - client_cpu) / measured
    stop.set()
    for semaphore in credits.values():
        semaphore.release()
    await asyncio.wait(pumps, timeout=10)
    await asyncio.sleep(0.5)  # let the last answers arrive before closing
    metrics = (
        await asyncio.to_thread(fetch_metrics, info["http_url"]) if cfg["kind"] == "relay" else {}
    )
    errors: Counter[str] = Counter()
    closed = 0
    for v in visitors:
        errors.update(v.errors)
        closed += v.closed_code is not None
    reconnects = getattr(agent, "reconnects", 0)
    await asyncio.gather(*(v.close() for v in visitors))
    await agent.close()
    rtts_ms = [r * 1000 for r in rtts]
    delta = {k: after[k] - before[k] for k in after if isinstance(after[k], int | float)}
    return {
        "acked": acked[0],
        "seconds": measured,
        "rate": acked[0] / measured,
        "delivered_to_agent": delivered[0],
        "ack_rtt_p50_ms": percentile(rtts_ms, 50),
        "ack_rtt_p99_ms": percentile(rtts_ms, 99),
        "errors": dict(errors),
        "visitors_closed": closed,
        "agent_reconnects": reconnects,
        "server_cores": server_cpu,
        "node_cores": node_cpu,
        "client_cores": client_cores,
        "server_delta": delta,
        "metrics": {
            k: v
            for k, v in metrics.items()
            if k.startswith(("jivo_commit_batch_size_", "jivo_delivery_latency_seconds_"))
            and "bucket" not in k
        },
    }


# ---------------------------------------------------------------------------- memory


def memory_worker(cfg: dict[str, Any], pipe: Any) -> None:
    """Open ``count`` idle visitors in batches; report; stay idle until told to stop."""
    raise_nofile()
    try:
        asyncio.run(_memory_worker(cfg, pipe))
    finally:
        pipe.close()


async def _memory_worker(cfg: dict[str, Any], pipe: Any) -> None:
    info = cfg["server"]
    first, count, batch = cfg["first"], cfg["count"], cfg["batch"]
    visitors: list[LeanVisitor] = []
    failures: Counter[str] = Counter()
    start = time.monotonic()
    deadline = start + cfg["connect_timeout"]
    for offset in range(0, count, batch):
        if time.monotonic() > deadline:
            failures["deadline"] += count - offset
            break
        group = [
            LeanVisitor(info["ws_url"], info["site_key"], first + offset + i)
            for i in range(min(batch, count - offset))
        ]
        results = await asyncio.gather(
            *(v.connect(read=False) for v in group), return_exceptions=True
        )
        for v, result in zip(group, results, strict=True):
            if isinstance(result, BaseException):
                failures[type(result).__name__] += 1
            else:
                visitors.append(v)
    pipe.send(
        {"opened": len(visitors), "failed": dict(failures), "seconds": time.monotonic() - start}
    )
    # Idle until the driver has measured (bounded wait); then, when asked, the widget's
    # keepalive (a ping every 25 s at a random phase, replies not read) until told to stop;
    # then drop every socket at once.
    if await asyncio.to_thread(pipe.poll, cfg["idle_timeout"]) and pipe.recv() == "keepalive":
        pinging = [asyncio.create_task(_keepalive(v)) for v in visitors if v.ws is not None]
        await asyncio.to_thread(pipe.poll, cfg["idle_timeout"])
        for task in pinging:
            task.cancel()
        await asyncio.gather(*pinging, return_exceptions=True)
    for v in visitors:
        if v.ws is not None:
            v.ws.transport.abort()
    await asyncio.sleep(0.1)


KEEPALIVE = 25.0
"""The widget's ping interval (server/widget/widget.js)."""


async def _keepalive(v: LeanVisitor) -> None:
    assert v.ws is not None
    await asyncio.sleep(random.uniform(0, KEEPALIVE))
    while True:
        await v.ws.send(p.encode(p.Ping(id=v.next_id)))
        v.next_id += 1
        await asyncio.sleep(KEEPALIVE)


def warm_up_visitors(cfg: dict[str, Any]) -> dict[str, Any]:
    """Open and close a few visitors so first-use costs are not counted per connection."""

    async def run() -> None:
        info = cfg["server"]
        group = [LeanVisitor(info["ws_url"], info["site_key"], -1 - i) for i in range(cfg["count"])]
        await asyncio.gather(*(v.connect() for v in group))
        await asyncio.gather(*(v.close() for v in group))

    asyncio.run(asyncio.wait_for(run(), 60))
    return {"pid": os.getpid()}


def client_entry(name: str, cfg: dict[str, Any], queue: Any) -> None:
    """multiprocessing target: run ``name`` and put ``(True, result)`` or ``(False, traceback)``."""
    import traceback

    try:
        queue.put((True, globals()[name](cfg)))
    except BaseException:
        queue.put((False, traceback.format_exc()))
