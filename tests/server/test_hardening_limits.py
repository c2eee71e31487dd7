"""Bounds on what anonymous clients can make the relay hold or do: security review findings 10,
13, 17 and 21 (IPv6), issue 12 items 4 and 5."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from server.actions.blocks import is_blocked
from server.core.limits import IpLimiter, client_key
from server.store.schema import visitors
from server.visitors import visit_source
from tests.support.relay import RelayHandle, running_relay
from tests.support.visitor import Visitor


async def _visitor_rows(relay: RelayHandle) -> int:
    async with relay.relay.engine.connect() as db:
        return (await db.execute(sa.select(sa.func.count()).select_from(visitors))).scalar() or 0


async def test_invitation_closed_keeps_only_ids_of_rules_shown(tmp_path: Path) -> None:
    """Finding 13: 3,000 invitation_closed frames with made-up ids leave the visitor's
    closed_invitations empty (it held 3,000 entries)."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'r.db'}"
    limits = {"conn_rate": 10**6, "conn_burst": 10**6, "ip_rate": 10**6, "ip_burst": 10**6}
    async with running_relay(url, **limits) as relay:
        await _close_made_up_invitations(relay)


async def _close_made_up_invitations(relay: RelayHandle) -> None:
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    assert visitor.ws is not None and visitor.visitor_id is not None
    for n in range(3000):
        await visitor.ws.send(p.encode(p.InvitationClosed(invitation_id=n + 1)))
    request_id = visitor.send_frame(lambda i: p.Ping(id=i))
    assert isinstance(await visitor.answer(request_id), p.Pong)  # every frame was read
    live = relay.relay.tracker.live[visitor.visitor_id]
    assert live.closed_invitations == set()
    live.shown_rules.add(7)  # a rule this visit showed can still be closed
    await visitor.ws.send(p.encode(p.InvitationClosed(invitation_id=7)))
    request_id = visitor.send_frame(lambda i: p.Ping(id=i))
    await visitor.answer(request_id)
    assert live.closed_invitations == {7}
    await visitor.close()


def test_ipv6_clients_count_by_their_64() -> None:
    """Finding 21: the addresses of one IPv6 /64 are one client for limits and blocks; IPv4
    (and IPv4-mapped IPv6) addresses stay themselves."""
    assert client_key("2001:db8:1:2::1") == client_key("2001:db8:1:2:ffff:1:2:3")
    assert client_key("2001:db8:1:2::1") == "2001:db8:1:2::/64"
    assert client_key("2001:db8:1:3::1") != client_key("2001:db8:1:2::1")
    assert client_key("203.0.113.9") == "203.0.113.9"
    assert client_key("::ffff:203.0.113.9") == "203.0.113.9"
    assert client_key("") == "" and client_key("garbage") == "garbage"
    limiter = IpLimiter(rate=0.0, burst=3)
    taken = [limiter.take(f"2001:db8:1:2::{n:x}") for n in range(1, 10)]
    assert taken == [True] * 3 + [False] * 6  # one bucket for the whole /64
    assert len(limiter) == 1


def test_ip_limiter_dict_stays_bounded() -> None:
    """Finding 21: `_forget_full` only dropped full buckets, so clients that keep their
    buckets busy grew the dict past max_ips; now it never holds more than max_ips."""
    limiter = IpLimiter(rate=0.0, burst=2, max_ips=100)
    for n in range(1000):
        limiter.take(f"10.0.{n // 256}.{n % 256}")  # each bucket used, never full again
        assert len(limiter) <= 100
    assert limiter.take("10.9.9.9")  # a new client still gets its bucket


async def test_ipv6_block_covers_the_whole_64(relay: RelayHandle) -> None:
    """Finding 21: a visitor blocked from one IPv6 address (B5: the agent chose to block the
    address too) is blocked from any address of its /64 (it escaped the block by changing the
    last 64 bits)."""
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    assert visitor.visitor_id is not None
    async with relay.relay.engine.begin() as db:
        await db.execute(
            sa.update(visitors).where(visitors.c.id == visitor.visitor_id).values(ip="2001:db8::5")
        )
    await visitor.say("hi")
    offer = await agent.wait_for_type(p.ChatOffered)
    await agent.accept(offer.chat.id)
    await agent.block(offer.chat.id, "spam", by_ip=True)
    site_id = offer.chat.site_id or 0
    async with relay.relay.engine.connect() as db:
        assert await db.run_sync(is_blocked, site_id, 10**6, "2001:db8::77:1")
        assert not await db.run_sync(is_blocked, site_id, 10**6, "2001:db8:0:1::1")
    await agent.close()
    await visitor.close()


async def test_first_frames_are_limited_per_ip(tmp_path: Path) -> None:
    """Finding 10 (and 17: hellos are throttled): over the first-frame burst, a hello from the
    same IP gets rate_limited and a close with a reason before anything is looked up."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'r.db'}"
    async with running_relay(url, first_frame_rate=0.001, first_frame_burst=5) as relay:
        for _ in range(5):
            v = Visitor(relay.ws_url, relay.site_key)
            assert isinstance(await v.connect(), p.VisitorWelcome)
            await v.close()
        refused = Visitor(relay.ws_url, relay.site_key)
        first = await refused.connect()
        assert isinstance(first, p.Error) and first.code == "rate_limited" and first.id == 1
        with pytest.raises(ConnectionClosed):
            await refused.ws.recv()  # type: ignore[union-attr]
        assert refused.ws is not None and refused.ws.close_code == p.CLOSE_RATE_LIMITED
        assert refused.ws.close_reason
        with pytest.raises(RelayError):  # sign_in is a first frame too
            await AgentClient(relay.ws_url).sign_in(relay.agent_email, relay.agent_password)


async def test_new_visitors_are_capped_per_ip(tmp_path: Path) -> None:
    """Finding 10: 100 hellos without a token from one IP made 100 visitor rows; now over the
    hourly cap the hello is refused (rate_limited) and no row is made, while a returning
    visitor (with its token) still comes in."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'r.db'}"
    async with running_relay(url, new_visitors_per_hour=10) as relay:
        returning = Visitor(relay.ws_url, relay.site_key)
        await returning.connect()
        await returning.close()
        before = await _visitor_rows(relay)
        answers = []
        for _ in range(30):
            v = Visitor(relay.ws_url, relay.site_key)
            answers.append(await v.connect())
            await v.close()
        welcomed = [a for a in answers if isinstance(a, p.VisitorWelcome)]
        refused = [a for a in answers if isinstance(a, p.Error)]
        assert len(welcomed) == 9 and {e.code for e in refused} == {"rate_limited"}
        assert await _visitor_rows(relay) == before + 9
        assert isinstance(await returning.connect(), p.VisitorWelcome)
        await returning.close()


def test_user_agent_is_parsed_from_its_first_300_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Finding 17: a made-up User-Agent of thousands of characters is cut to 300 before the
    ua-parser regexes run on the event loop (1,000 were parsed, 7 ms each)."""
    import ua_parser

    seen: list[int] = []
    real = ua_parser.parse

    def parse(text: str):  # type: ignore[no-untyped-def]
        seen.append(len(text))
        return real(text)

    monkeypatch.setattr(ua_parser, "parse", parse)
    ua = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 " + "x" * 5000
    browser, os_name = visit_source.browser_and_os(ua)
    assert seen == [300]
    assert browser == "Firefox 128" and os_name == "Linux"


async def test_long_unknown_type_gets_its_error_then_a_clean_close(relay: RelayHandle) -> None:
    """Issue 12 item 5: a first frame with a long unknown type got its typed error, then the
    close with a reason over 123 bytes raised and the socket closed 1011. Now the reason is
    cut on a UTF-8 boundary and the close code is the relay's own."""
    async with connect(relay.ws_url, compression=None) as ws:
        await ws.send('{"type": "' + "й" * 500 + '", "id": 3}')
        err = p.decode_server(await ws.recv())
        assert isinstance(err, p.Error) and err.code == "unknown_type" and err.id == 3
        with pytest.raises(ConnectionClosed):
            await ws.recv()
        assert ws.close_code == p.CLOSE_UNAUTHENTICATED
        assert ws.close_reason and len(ws.close_reason.encode()) <= 123
    assert p.close_reason("é" * 100).encode() == ("é" * 61).encode()


OUT_OF_RANGE: list[dict[str, object]] = [
    {"type": "accept_chat", "chat_id": 2**63},
    {"type": "accept_chat", "chat_id": 2**31},
    {"type": "history", "chat_id": 2**31},
    {"type": "history", "chat_id": 1, "before_seq": 2**40},
    {"type": "ignore_chat", "chat_id": 2**63 - 1},
    {"type": "block_client", "chat_id": -(2**63)},
    {"type": "get_visitor", "visitor_id": 2**32},
    {"type": "open_direct_chat", "agent_id": 0},
    {"type": "search_archive", "agent_id": 2**31},
    {"type": "search_archive", "offset": 2**62},
    {"type": "receipt", "seq": 2**31, "chat_id": 1},
    {"type": "authenticate", "token": "x"},
]


async def test_out_of_range_ids_are_invalid_not_internal(relay_any_db: RelayHandle) -> None:
    """Issue 12 item 4: an id of 2**63 (SQLite) or past PostgreSQL's INTEGER in any request
    was an `internal` error with a traceback; now the protocol answers `invalid`."""
    relay = relay_any_db
    async with connect(relay.ws_url, compression=None) as ws:
        sign_in = p.SignIn(id=1, email=relay.agent_email, password=relay.agent_password)
        await ws.send(p.encode(sign_in))
        assert isinstance(p.decode_server(await ws.recv()), p.Welcome)
        for n, frame in enumerate(OUT_OF_RANGE):
            await ws.send(json.dumps({**frame, "id": 100 + n}))
            async with asyncio.timeout(10):
                while True:
                    answer = p.decode_server(await ws.recv())
                    if getattr(answer, "id", None) == 100 + n:
                        break
            assert isinstance(answer, p.Error) and answer.code == "invalid", (frame, answer)
