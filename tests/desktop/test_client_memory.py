"""Finding 2: the app's relay client keeps no history of the frames it received."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping
from typing import Any

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.frame_log import FrameLog
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.services.session import SessionService
from jivo_desktop.store import LocalStore
from server import protocol as p
from tests.support.relay import running_relay
from tests.support.visitor import Visitor
from tests.support.waiting import until

TYPING_FRAMES = 2_000


def _retained(root: object, kind: type) -> int:
    """How many ``kind`` objects are reachable from ``root``'s attributes and containers."""
    seen: set[int] = set()
    found = 0
    stack: list[Any] = [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, (str, bytes, int, float, bool, type(None))):
            continue
        seen.add(id(obj))
        if isinstance(obj, kind):
            found += 1
            continue
        if isinstance(obj, Mapping):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif isinstance(obj, (FrameLog, list, tuple, set, frozenset)) or (
            isinstance(obj, Iterable) and type(obj).__name__ == "deque"
        ):
            stack.extend(list(obj))
        elif obj is root:
            stack.extend(vars(obj).values())
    return found


async def test_app_client_keeps_no_frames_after_2000_typing_pushes(
    qapp: Any, sqlite_url: str, local_store: LocalStore, secrets: Secrets
) -> None:
    """Finding 2: after a visitor's 2,000 typing frames reach the agent's app, the app's
    AgentClient holds none of them (on 1ebce85 ``received`` held every one)."""
    fast = {"conn_rate": 10_000.0, "conn_burst": 10_000.0, "ip_rate": 10_000.0}
    async with running_relay(sqlite_url, ip_burst=10_000.0, **fast) as relay:
        session = SessionService(local_store, secrets)
        typing_seen: list[int] = []
        offers: list[int] = []

        def count(frame: p.Frame) -> None:
            if isinstance(frame, p.TypingChanged):
                typing_seen.append(1)
            elif isinstance(frame, p.ChatOffered):
                offers.append(frame.chat.id)

        session.frame_received.connect(count)
        assert await session.sign_in_async(
            relay.http_url, relay.agent_email, relay.agent_password, False
        )
        client = session.client
        assert client is not None
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        await visitor.say("hola")
        await until(lambda: offers)
        for i in range(TYPING_FRAMES):
            await visitor.send_raw(p.encode(p.Typing(active=i % 2 == 0)))
        await until(lambda: len(typing_seen) >= TYPING_FRAMES, timeout=60)

        assert _retained(client, p.TypingChanged) == 0
        assert len(client.received) == 0
        assert client._listeners == []  # wait_for unsubscribed
        await visitor.close()
        await session.shutdown()


async def test_wait_for_subscribes_and_the_test_log_is_bounded() -> None:
    """Finding 2: ``wait_for`` waits through a subscription it removes afterwards, and the
    opt-in test log keeps at most ``keep_frames`` frames while its indexes stay absolute."""
    client = AgentClient("ws://127.0.0.1:9/ws", keep_frames=3)
    waiter = asyncio.ensure_future(client.wait_for(lambda f: isinstance(f, p.Pong)))
    await asyncio.sleep(0)
    assert len(client._listeners) == 1
    for i in range(5):
        client._deliver(p.Pong(id=i + 1))
    assert (await waiter).id == 1
    assert client._listeners == []
    assert len(client.received) == 5 and [f.id for f in client.received] == [3, 4, 5]
    assert [f.id for f in client.received[4:]] == [5]
    assert (await client.wait_for(lambda f: f.id == 4, since=2)).id == 4

    silent = AgentClient("ws://127.0.0.1:9/ws", keep_frames=0)
    silent._deliver(p.Pong(id=1))
    assert len(silent.received) == 0 and list(silent.received) == []
