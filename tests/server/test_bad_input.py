"""Bad input: each gets a typed error frame or a close with a readable reason, the relay keeps
serving everyone else, and nothing is half-written (X3, A1, V5)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import sqlalchemy as sa
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import AuthError
from server import protocol as p
from server.store.schema import events
from tests.support.relay import RelayHandle, running_relay
from tests.support.visitor import Visitor


async def _event_count(relay: RelayHandle) -> int:
    async with relay.relay.engine.connect() as db:
        return (await db.execute(sa.select(sa.func.count()).select_from(events))).scalar() or 0


async def _closed(ws) -> tuple[int | None, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ConnectionClosed):
        async with asyncio.timeout(10):
            while True:
                await ws.recv()
    assert ws.close_code is not None
    return ws.close_code, ws.close_reason or ""


async def test_malformed_unknown_and_forbidden_frames_get_typed_errors(relay: RelayHandle) -> None:
    """Malformed JSON, an unknown type, a missing field and an agent-only frame from a visitor
    each get an error frame; the same connection keeps working afterwards."""
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.send_raw("{not json")
    err = await visitor.wait_for(lambda f: isinstance(f, p.Error))
    assert err.code == "malformed"
    mark = len(visitor.frames)
    await visitor.send_raw('{"type": "teleport", "id": 7}')
    err = await visitor.wait_for(lambda f: isinstance(f, p.Error), since=mark)
    assert (err.code, err.id) == ("unknown_type", 7)
    mark = len(visitor.frames)
    await visitor.send_raw('{"type": "send_message", "id": 8, "text": "x"}')
    err = await visitor.wait_for(lambda f: isinstance(f, p.Error), since=mark)
    assert (err.code, err.id) == ("invalid", 8) and "client_msg_id" in err.message
    mark = len(visitor.frames)
    await visitor.send_raw('{"type": "accept_chat", "id": 9, "chat_id": 1}')
    err = await visitor.wait_for(lambda f: isinstance(f, p.Error), since=mark)
    assert (err.code, err.id) == ("forbidden", 9)
    mark = len(visitor.frames)
    await visitor.send_raw("[1, 2, 3]")
    err = await visitor.wait_for(lambda f: isinstance(f, p.Error), since=mark)
    assert err.code == "malformed"
    request_id = visitor.send_frame(lambda i: p.Ping(id=i))
    assert isinstance(await visitor.answer(request_id), p.Pong)
    assert await _event_count(relay) == 0
    await visitor.close()


async def test_oversize_frame_closes_with_reason_and_others_unaffected(relay: RelayHandle) -> None:
    """A frame over 64 KiB closes that socket (1009, message too big); another visitor's chat
    goes on."""
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    good = Visitor(relay.ws_url, relay.site_key)
    await good.connect()
    bad = Visitor(relay.ws_url, relay.site_key)
    await bad.connect()
    assert bad.ws is not None
    await bad.ws.send(
        '{"type":"send_message","id":1,"client_msg_id":"a","text":"'
        + "x" * (p.MAX_FRAME_BYTES + 10)
        + '"}'
    )
    assert await bad.closed() == 1009
    assert isinstance(await good.say("still here"), p.MessageAcked)
    assert await _event_count(relay) == 1
    await agent.close()
    await good.close()


async def test_message_too_long_is_refused_and_not_stored(relay: RelayHandle) -> None:
    """A message over 5,000 characters is refused with message_too_long; nothing is stored."""
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    refused = await visitor.say("y" * (p.MAX_MESSAGE_CHARS + 1))
    assert isinstance(refused, p.Error) and refused.code == "message_too_long"
    empty = await visitor.say("   ")
    assert isinstance(empty, p.Error) and empty.code == "empty_message"
    assert await _event_count(relay) == 0
    assert isinstance(await visitor.say("z" * p.MAX_MESSAGE_CHARS), p.MessageAcked)
    await agent.close()
    await visitor.close()


async def test_flooding_connection_is_limited_then_closed(tmp_path: Path) -> None:
    """A visitor sending faster than the per-connection limit gets rate_limited errors, then is
    closed (4429); a well-behaved visitor is served throughout."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'r.db'}"
    async with running_relay(
        url, conn_rate=5, conn_burst=10, ip_rate=1000, ip_burst=1000, rate_strikes_before_close=30
    ) as relay:
        flooder = Visitor(relay.ws_url, relay.site_key)
        await flooder.connect()
        calm = Visitor(relay.ws_url, relay.site_key)
        await calm.connect()
        assert flooder.ws is not None
        for i in range(200):
            try:
                await flooder.ws.send(p.encode(p.Ping(id=1000 + i)))
            except ConnectionClosed:
                break
        assert await flooder.closed() == p.CLOSE_RATE_LIMITED
        limited = [f for f in flooder.frames if isinstance(f, p.Error)]
        assert limited and all(f.code == "rate_limited" for f in limited)
        request_id = calm.send_frame(lambda i: p.Ping(id=i))
        assert isinstance(await calm.answer(request_id), p.Pong)
        await calm.close()


async def test_per_ip_limit_spans_connections(tmp_path: Path) -> None:
    """Many sockets from one IP share one budget: together they hit rate_limited even though
    each stays under its own limit."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'r.db'}"
    async with running_relay(url, conn_rate=100, conn_burst=100, ip_rate=1, ip_burst=20) as relay:
        visitors = [Visitor(relay.ws_url, relay.site_key) for _ in range(5)]
        for v in visitors:
            await v.connect()
        for v in visitors:
            for _ in range(8):
                v.send_frame(lambda i: p.Ping(id=i))
        waits = [
            asyncio.create_task(
                v.wait_for(lambda f: isinstance(f, p.Error) and f.code == "rate_limited")
            )
            for v in visitors
        ]
        done, pending = await asyncio.wait(waits, timeout=10, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        assert done, "no connection of the flooding IP was limited"
        for v in visitors:
            await v.close()


async def test_no_auth_frame_in_time_is_closed(tmp_path: Path) -> None:
    """A socket that sends nothing is closed (4408) once the authentication time is up."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'r.db'}"
    async with running_relay(url, auth_timeout=0.3) as relay:
        async with connect(relay.ws_url) as ws:
            code, reason = await _closed(ws)
        assert code == p.CLOSE_AUTH_TIMEOUT and "authentication" in reason


async def test_first_frame_must_authenticate(relay: RelayHandle) -> None:
    async with connect(relay.ws_url) as ws:
        await ws.send(p.encode(p.Ping(id=1)))
        err = p.decode_server(await ws.recv())
        assert isinstance(err, p.Error) and err.code == "unauthenticated"
        code, _ = await _closed(ws)
        assert code == p.CLOSE_UNAUTHENTICATED


async def test_wrong_password_and_unknown_email(relay: RelayHandle) -> None:
    """A1: a wrong password (or an unknown e-mail) is refused with the same readable error."""
    for email, password in (
        (relay.agent_email, "wrong"),
        ("nobody@example.com", relay.agent_password),
    ):
        client = AgentClient(relay.ws_url, reconnect=False)
        with pytest.raises(AuthError) as info:
            await client.sign_in(email, password)
        assert info.value.code == "bad_credentials"
        assert "wrong e-mail or password" in info.value.message


async def test_revoked_token_cannot_resume(relay: RelayHandle) -> None:
    """A4: after sign-out the old token is refused."""
    client = AgentClient(relay.ws_url)
    await client.sign_in(relay.agent_email, relay.agent_password)
    token = client.token
    assert token
    await client.sign_out()
    again = AgentClient(relay.ws_url)
    with pytest.raises(AuthError) as info:
        await again.authenticate(token)
    assert info.value.code == "unauthenticated"


async def test_unknown_site_key_and_wrong_origin(relay: RelayHandle) -> None:
    """V5: an unknown site key and a page on an origin the site does not allow are refused
    (4403); an allowed origin and the relay's own origin are served."""
    stranger = Visitor(relay.ws_url, "no-such-key")
    err = await stranger.connect()
    assert isinstance(err, p.Error) and err.code == "unknown_site"
    assert stranger.ws is not None
    await asyncio.wait_for(stranger.ws.wait_closed(), 5)
    assert stranger.ws.close_code == p.CLOSE_FORBIDDEN

    key = await relay.add_site("Shop", ["https://shop.example"])
    evil = Visitor(relay.ws_url, key, origin="https://evil.example")
    err = await evil.connect()
    assert isinstance(err, p.Error) and err.code == "origin_not_allowed"
    assert evil.ws is not None
    await asyncio.wait_for(evil.ws.wait_closed(), 5)
    assert evil.ws.close_code == p.CLOSE_FORBIDDEN

    good = Visitor(relay.ws_url, key, origin="https://shop.example")
    assert isinstance(await good.connect(), p.VisitorWelcome)
    own = Visitor(relay.ws_url, key, origin=relay.http_url)
    assert isinstance(await own.connect(), p.VisitorWelcome)
    await good.close()
    await own.close()


async def test_version_mismatch_is_explained(relay: RelayHandle) -> None:
    async with connect(relay.ws_url) as ws:
        await ws.send(p.encode(p.SignIn(id=1, email="a@b.c", password="x", protocol=99)))
        err = p.decode_server(await ws.recv())
        assert isinstance(err, p.Error) and err.code == "version_mismatch"
        assert "update" in err.message
        code, _ = await _closed(ws)
        assert code == p.CLOSE_VERSION_MISMATCH


async def test_agent_cannot_write_in_a_chat_it_has_not_accepted(relay: RelayHandle) -> None:
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hi")
    offer = await agent.wait_for_type(p.ChatOffered)
    from jivo_desktop.net.errors import RelayError

    with pytest.raises(RelayError) as info:
        await agent.send_message(offer.chat.id, "sneaky")
    assert info.value.code == "not_in_chat"
    with pytest.raises(RelayError) as info:
        await agent.send_message(424242, "nowhere")
    assert info.value.code == "not_found"
    assert await _event_count(relay) == 1
    await agent.close()
    await visitor.close()
