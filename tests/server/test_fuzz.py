"""A seeded fuzz test of the relay's input handling (issue 12 item 8 and "Tests that must
exist"; security review findings 14 and 17; issue 12 items 3, 4 and 5).

Mutated frames of every client frame type in server/protocol/ go to a running relay on
SQLite and on PostgreSQL, from an agent, from a visitor and as first frames: wrong types,
nulls, huge and negative numbers, U+0000, lone surrogates, bidi controls, very long strings,
deep nesting, binary and oversize frames. Every frame the protocol refuses must get a typed
``error`` (or a close with a code and a reason, never 1011), the relay must log no traceback,
and a normal chat running beside it must be unharmed.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import random
import re
from typing import Any

import msgspec
import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.support.relay import RelayHandle, running_relay
from tests.support.visitor import Visitor

SEED = 20261202
AGENT_FRAMES_SENT = 1200
VISITOR_FRAMES_SENT = 800
FIRST_FRAMES_SENT = 100
NORMAL_VISITOR_IP = "203.0.113.7"
"""The normal chat's visitor comes from another address (through the trusted proxy header):
a fuzzed block_client of a fuzzed chat blocks 127.0.0.1, as it should."""
FUZZ_EMAIL, FUZZ_PASSWORD = "fuzz@example.com", "fuzz-password-1"
FIRST_TAGS = {"sign_in", "authenticate", "visitor_hello", "set_password"}
LONE_SURROGATE = "\ud800"  # sent as the JSON escape \ud800 (see _encode)


class _Tracebacks(logging.Handler):
    """Every record with an exception, or at ERROR and above, from any logger."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info or record.levelno >= logging.ERROR:
            self.records.append(record)


# ---------------------------------------------------------------- frame generation


def _example(tp: msgspec.inspect.Type, rng: random.Random) -> Any:
    """A value the protocol accepts for ``tp`` (mostly; ids may name nothing)."""
    i = msgspec.inspect
    if isinstance(tp, i.IntType):
        low = tp.ge if tp.ge is not None else (tp.gt + 1 if tp.gt is not None else 1)
        return max(low, 1) if (tp.le is None or tp.le >= 1) else low
    if isinstance(tp, i.FloatType):
        return 1.5
    if isinstance(tp, i.BoolType):
        return rng.random() < 0.5
    if isinstance(tp, i.StrType):
        if tp.pattern == "^[0-9a-f]{64}$":
            return "0" * 64
        if tp.pattern:
            return "09:00"
        return "a" * max(tp.min_length or 1, 1)
    if isinstance(tp, i.LiteralType):
        return rng.choice(tp.values)
    if isinstance(tp, i.UnionType):
        options = [t for t in tp.types if not isinstance(t, i.NoneType)]
        return _example(rng.choice(options), rng) if options else None
    if isinstance(tp, i.ListType):
        return []
    if isinstance(tp, i.DictType):
        return {}
    if isinstance(tp, i.StructType):
        return _struct_example(tp, rng)
    if isinstance(tp, i.NoneType):
        return None
    return None


def _struct_example(info: msgspec.inspect.StructType, rng: random.Random) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in info.fields:
        if field.required or rng.random() < 0.5:
            out[field.encode_name] = _example(field.type, rng)
    return out


_request_ids = itertools.count(100)


def _frame_example(cls: type[p.Frame], rng: random.Random) -> dict[str, Any]:
    info = msgspec.inspect.type_info(cls)
    assert isinstance(info, msgspec.inspect.StructType)
    out = {"type": p.tag_of(cls), **_struct_example(info, rng)}
    if "id" in out:
        out["id"] = next(_request_ids)  # answers are told apart by id
    return out


def _deep(depth: int) -> str:
    """A placeholder that _encode turns into ``depth`` nested arrays (json.dumps would
    recurse)."""
    return f"__deep_{depth}__"


BAD_VALUES: list[Any] = [
    None,
    True,
    -1,
    0,
    2**31,
    2**31 - 1,
    2**32,
    2**53 + 1,
    2**63 - 1,
    2**63,
    2**64 - 1,
    -(2**63) - 1,
    10**30,
    1e308,
    -0.0,
    0.5,
    "",
    "\x00",
    "a\x00b",
    LONE_SURROGATE,
    "\u202egnp.exe",
    "\u2066x\u2069\u200f",
    "x" * 5001,
    "é" * 20000,
    [],
    {},
    [None],
    {"a": None},
    "deep",
]


def _bad(rng: random.Random) -> Any:
    value = rng.choice(BAD_VALUES)
    if value == "deep":
        return _deep(rng.choice([50, 200, 1500, 5000]))
    return value


def _mutate(frame: dict[str, Any], rng: random.Random) -> dict[str, Any] | Any:
    frame = dict(frame)
    roll = rng.random()
    keys = [k for k in frame if k != "type"]
    if roll < 0.55 and keys:
        frame[rng.choice(keys)] = _bad(rng)
    elif roll < 0.65 and keys:
        del frame[rng.choice(keys)]
    elif roll < 0.72:
        frame[rng.choice(["x", "\x00", "é" * 40, "id2"])] = _bad(rng)
    elif roll < 0.8:
        frame["type"] = rng.choice([_bad(rng), "x" * 300, "Ping", "ping\x00", "сообщение" * 30])
    elif roll < 0.86:
        return _bad(rng)  # not an object at all
    elif roll < 0.9 and keys:
        key = rng.choice(keys)
        value = frame[key]
        if isinstance(value, dict) and value:
            inner = dict(value)
            inner[rng.choice(list(inner))] = _bad(rng)
            frame[key] = inner
        else:
            frame[key] = _bad(rng)
    # else: the frame as it is (valid, or with ids that name nothing)
    return frame


def _encode(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    # json.dumps cannot write a lone surrogate into UTF-8 text: send its escape instead.
    text = text.replace(LONE_SURROGATE, "\\ud800")
    return re.sub(r'"__deep_(\d+)__"', lambda m: "[" * int(m[1]) + "1" + "]" * int(m[1]), text)


def _frames(classes: tuple[type[p.Frame], ...], count: int, rng: random.Random) -> list[Any]:
    """Mutated frames, with some junk that is not JSON at all, binary frames and oversize ones."""
    out: list[Any] = []
    classes = tuple(c for c in classes if p.tag_of(c) not in FIRST_TAGS)
    for n in range(count):
        roll = rng.random()
        if roll < 0.03:
            out.append(rng.choice(["{", "}", "", "nul", "[[[", "\x00", '{"type":']))
        elif roll < 0.05:
            out.append(bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 64))))
        elif roll < 0.06:
            out.append(_encode({"type": "ping", "id": 1}).encode())  # valid JSON in binary
        else:
            cls = classes[n % len(classes)]
            out.append(_encode(_mutate(_frame_example(cls, rng), rng)))
    return out


# ---------------------------------------------------------------- sending and checking


class _Peer:
    """One fuzzing socket: reads everything, remembers errors and answers by id."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.frames: list[p.Frame] = []
        self.arrived = asyncio.Event()
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        try:
            async for raw in self.ws:
                self.frames.append(p.decode_server(raw))
                self.arrived.set()
        except ConnectionClosed:
            pass
        self.arrived.set()

    async def wait(self, predicate: Any, since: int, what: Any = "") -> Any:
        try:
            return await self._wait(predicate, since)
        except TimeoutError:
            tail = [f for f in self.frames[since:] if not isinstance(f, p.EventPush)][-5:]
            raise AssertionError(f"no answer to {str(what)[:300]!r}: {tail}") from None

    async def _wait(self, predicate: Any, since: int) -> Any:
        async with asyncio.timeout(15):
            index = since
            while True:
                while index < len(self.frames):
                    index += 1
                    if predicate(self.frames[index - 1]):
                        return self.frames[index - 1]
                if self.reader.done():
                    return None
                self.arrived.clear()
                await self.arrived.wait()


def _check_close(ws: ClientConnection, what: str) -> None:
    code, reason = ws.close_code, ws.close_reason
    assert code is not None and code != 1011, f"{what}: closed {code} {reason!r}"
    assert code in (1000, 1001) or reason, f"{what}: closed {code} without a reason"


async def _fuzz_socket(
    open_peer: Any, decoder: Any, frames: list[Any], stats: dict[str, int]
) -> None:
    ids = itertools.count(10**9)
    peer: _Peer = await open_peer()
    for data in frames:
        if peer.reader.done():
            _check_close(peer.ws, "fuzzed socket")
            stats["closes"] += 1
            peer = await open_peer()
        try:
            expected = p.decode_client(data, decoder)
        except p.FrameRejected as exc:
            expected = exc
        too_big = len(data.encode() if isinstance(data, str) else data) > p.MAX_FRAME_BYTES
        mark = len(peer.frames)
        try:
            await peer.ws.send(data)
        except ConnectionClosed:
            continue
        if too_big:
            await asyncio.wait_for(asyncio.shield(peer.reader), 15)
            assert peer.ws.close_code == 1009 and peer.ws.close_reason
            stats["oversize"] += 1
            continue
        if isinstance(expected, p.FrameRejected):
            binary = isinstance(data, bytes)
            err = await peer.wait(
                lambda f, i=expected.request_id, binary=binary: (
                    isinstance(f, p.Error) and (f.id == i or binary)
                ),
                mark,
                data,
            )
            if err is None:  # the relay closed instead: only with a code and reason
                _check_close(peer.ws, f"after {str(data)[:80]!r}")
                continue
            # Binary frames are an upload's bytes while a fuzzed upload_file is open.
            assert err.code == expected.code or isinstance(data, bytes), (data[:200], err)
            stats["refused"] += 1
            continue
        # A valid frame (its ids may name nothing): whatever it does, a ping right after
        # is answered (typed errors only; the socket stays usable or closes with a reason).
        stats["valid"] += 1
        ping_id = next(ids)
        try:
            await peer.ws.send(p.encode(p.Ping(id=ping_id)))
        except ConnectionClosed:
            continue
        got = await peer.wait(lambda f, i=ping_id: getattr(f, "id", None) == i, mark, data)
        if got is None:
            _check_close(peer.ws, f"after {str(data)[:80]!r}")
    await peer.ws.close()
    await peer.reader


async def _normal_chat(relay: RelayHandle, stop: asyncio.Event) -> tuple[int, list[str], list[str]]:
    """A visitor and Ana talk while the fuzzing goes on; returns the messages each side saw."""
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    await agent.wait_synced()
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect(additional_headers={"X-Forwarded-For": NORMAL_VISITOR_IP})
    assert isinstance(await visitor.say("first"), p.MessageAcked)
    offer = await agent.wait_for(  # the fuzzed visitor's chats are offered too
        lambda f: (
            isinstance(f, p.ChatOffered)
            and f.chat.visitor is not None
            and f.chat.visitor.id == visitor.visitor_id
        )
    )
    chat_id = offer.chat.id
    await agent.accept(chat_id)
    sent = 0
    while (not stop.is_set() or sent < 10) and sent < 150:
        sent += 1
        ack = await visitor.say(f"visitor {sent}")
        assert isinstance(ack, p.MessageAcked), ack
        await agent.send_message(chat_id, f"agent {sent}")
        await asyncio.sleep(0)
    await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == f"agent {sent}")
    await agent.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == f"visitor {sent}")
    events = await agent.history(chat_id, limit=500)
    await agent.close()
    await visitor.close()
    texts = [e.text for e in events if e.kind == "message"]
    return sent, texts, visitor.messages()


async def _first_frames(relay: RelayHandle, rng: random.Random, stats: dict[str, int]) -> None:
    """New sockets whose first frame is mutated (and frames that cannot authenticate)."""
    classes = (p.SignIn, p.Authenticate, p.VisitorHello, p.SetPassword, p.Ping, p.SendMessage)
    for n in range(FIRST_FRAMES_SENT):
        cls = classes[n % len(classes)]
        base = _frame_example(cls, rng)
        if cls is p.VisitorHello:
            base["site_key"] = relay.site_key
        if cls is p.SignIn:
            base.update(email=FUZZ_EMAIL, password="wrong")  # never a real argon2 success
        frame = _mutate(base, rng) if rng.random() < 0.8 else base
        async with connect(relay.ws_url, compression=None) as ws:
            data = _encode(frame)
            if len(data) > p.MAX_FRAME_BYTES:
                data = data[:1000]
            await ws.send(data if rng.random() < 0.9 else data.encode())
            try:
                async with asyncio.timeout(15):
                    first = p.decode_server(await ws.recv())
            except ConnectionClosed:
                first = None
            if not isinstance(first, p.Welcome | p.VisitorWelcome):
                if first is not None:
                    assert isinstance(first, p.Error), first
                try:
                    async with asyncio.timeout(15):
                        while True:
                            await ws.recv()
                except ConnectionClosed:
                    pass
                _check_close(ws, f"first frame {data[:80]!r}")
                stats["first_refused"] += 1


@pytest.mark.timeout(120)
async def test_fuzzed_frames_get_typed_answers_and_no_tracebacks(db_url: str) -> None:
    """Issue 12 item 8 / "Tests that must exist" (findings 14, 17; items 3, 4, 5): a few
    thousand seeded mutations of every client frame type, before and after authentication,
    as agent and as visitor, while a normal chat runs beside them: each refused frame gets its
    typed error (or a close with a reason, never 1011), zero tracebacks are logged, and the
    normal chat loses nothing."""
    rng = random.Random(SEED)
    catcher = _Tracebacks()
    logging.getLogger().addHandler(catcher)
    try:
        async with running_relay(
            db_url,
            conn_rate=100_000,
            conn_burst=100_000,
            ip_rate=100_000,
            ip_burst=100_000,
            trusted_proxies="127.0.0.1",
        ) as relay:
            await relay.add_agent(FUZZ_EMAIL, FUZZ_PASSWORD, "Fuzz")

            async def open_agent() -> _Peer:
                ws = await connect(relay.ws_url, compression=None, max_size=2**22)
                peer = _Peer(ws)
                # A fresh session each time: a fuzzed sign_out may have revoked the last one.
                await ws.send(p.encode(p.SignIn(id=1, email=FUZZ_EMAIL, password=FUZZ_PASSWORD)))
                assert isinstance(await peer.wait(lambda f: True, 0), p.Welcome)
                return peer

            async def open_visitor() -> _Peer:
                ws = await connect(relay.ws_url, compression=None, max_size=2**22)
                peer = _Peer(ws)
                await ws.send(p.encode(p.VisitorHello(id=1, site_key=relay.site_key)))
                assert isinstance(await peer.wait(lambda f: True, 0), p.VisitorWelcome)
                return peer

            stats = dict.fromkeys(["refused", "valid", "closes", "oversize", "first_refused"], 0)
            agent_frames = _frames(p.AGENT_FRAMES, AGENT_FRAMES_SENT, rng)
            agent_frames.insert(100, _encode({"type": "ping", "id": 1, "x": "y" * 70_000}))
            visitor_frames = _frames(p.VISITOR_FRAMES, VISITOR_FRAMES_SENT, rng)
            visitor_frames.insert(50, b"\x00" * (p.MAX_FRAME_BYTES + 1))
            stop = asyncio.Event()
            chat = asyncio.create_task(_normal_chat(relay, stop))
            try:
                await asyncio.gather(
                    _fuzz_socket(open_agent, p.agent_decoder, agent_frames, stats),
                    _fuzz_socket(open_visitor, p.visitor_decoder, visitor_frames, stats),
                    _first_frames(relay, rng, stats),
                )
            finally:
                stop.set()
            sent, agent_saw, visitor_saw = await chat
    finally:
        logging.getLogger().removeHandler(catcher)
    tracebacks = [
        f"{r.name}: {r.getMessage()}\n{logging.Formatter().formatException(r.exc_info)}"
        if r.exc_info
        else f"{r.name}: {r.getMessage()}"
        for r in catcher.records
    ]
    assert not tracebacks, "\n\n".join(tracebacks[:5])
    assert stats["refused"] > 1000 and stats["valid"] > 100 and stats["oversize"] == 2, stats
    assert stats["first_refused"] > FIRST_FRAMES_SENT // 2, stats
    expected = ["first"] + [t for n in range(1, sent + 1) for t in (f"visitor {n}", f"agent {n}")]
    assert agent_saw == expected
    assert [t for t in visitor_saw if t.startswith("agent")] == [
        f"agent {n}" for n in range(1, sent + 1)
    ]
