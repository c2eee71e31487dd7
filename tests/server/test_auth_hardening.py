"""Sign-in, roles, sessions and webhooks hardened (issue 11, security review 1: findings 4, 5,
6, 7, 12 and 21), against a real relay on 127.0.0.1 and a real SQLite database."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from websockets.asyncio.client import connect

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from server.account import sign_in as sign_in_repo
from server.chats import writes as chat_writes
from server.core import executors
from server.store.schema import agent_sessions, chats, sign_in_failures, webhook_deliveries
from server.visitors import repo as visitors_repo
from tests.support.relay import RelayHandle, running_relay
from tests.support.visitor import Visitor
from tests.support.waiting import until


async def _first_answer(url: str, first: p.Frame, ip: str | None = None) -> p.Frame:
    """Open a socket (from ``ip`` through the trusted-proxy header), send ``first``, return the
    relay's first answer."""
    headers = {"X-Forwarded-For": ip} if ip else {}
    async with connect(url, additional_headers=headers, compression=None) as ws:
        await ws.send(p.encode(first))
        return p.decode_server(await ws.recv())


@contextlib.asynccontextmanager
async def _signed(relay: RelayHandle, email: str, password: str) -> AsyncIterator[AgentClient]:
    client = AgentClient(relay.ws_url)
    await client.sign_in(email, password)
    await client.wait_synced()
    try:
        yield client
    finally:
        await client.close()


async def _count(relay: RelayHandle, query: Any) -> int:
    async with relay.relay.engine.connect() as db:
        return int((await db.execute(query)).scalar_one())


# ---------------------------------------------------------------- finding 4


async def test_finding4_wrong_passwords_are_refused_before_argon2(db_url: str) -> None:
    """Finding 4: 24 concurrent wrong sign-ins for one e-mail cost argon2 only for the first
    ``sign_in_free_failures`` (counted when let through, before the slow check); the rest get
    a typed ``rate_limited`` with ``retry_after``, and never reach argon2. A good sign-in from
    another address meanwhile goes straight through (argon2 once, not queued behind 24)."""
    # A first wait long enough that no slow machine sees it end during the test.
    async with running_relay(
        db_url, trusted_proxies="127.0.0.1", sign_in_base_delay=600.0
    ) as relay:
        before = executors.ARGON2.calls
        bad = [
            _first_answer(
                relay.ws_url, p.SignIn(id=1, email=relay.agent_email, password=f"wrong-{n}"),
                "10.0.0.1",
            )
            for n in range(24)
        ]  # fmt: skip
        answers = await asyncio.gather(*bad)
        codes = [a.code for a in answers if isinstance(a, p.Error)]
        assert len(codes) == 24
        assert codes.count("bad_credentials") == 5
        assert codes.count("rate_limited") == 19
        assert all(
            a.retry_after and a.retry_after > 0
            for a in answers
            if isinstance(a, p.Error) and a.code == "rate_limited"
        )
        assert executors.ARGON2.calls - before == 5  # the 19 refused never reached argon2

        good = await _first_answer(
            relay.ws_url,
            p.SignIn(id=1, email=relay.admin_email, password=relay.admin_password),
            "10.0.0.2",
        )
        assert isinstance(good, p.Welcome)
        assert executors.ARGON2.calls - before == 6
        # The e-mail's bucket holds the five failures (the delay grows from there), in the
        # database, so every relay node sees them.
        _ip_key, email_key = sign_in_repo.keys("10.0.0.1", relay.agent_email)
        failures = sa.select(sign_in_failures.c.failures).where(sign_in_failures.c.key == email_key)
        assert await _count(relay, failures) == 5


async def test_finding4_per_ip_bucket_and_growing_delay(sqlite_url: str) -> None:
    """Finding 4: one IP trying many e-mails is stopped by the IP's bucket; the delay grows
    with each failure past the free ones (1, 2, 4 s ... at most ``sign_in_max_delay``); a
    success gives the IP its attempt back; old counts are pruned."""
    assert [sign_in_repo._delay(n, 3, 60.0) for n in (0, 2, 3, 4, 5, 9, 40)] == [
        0.0, 0.0, 1.0, 2.0, 4.0, 60.0, 60.0,
    ]  # fmt: skip
    async with running_relay(
        sqlite_url,
        trusted_proxies="127.0.0.1",
        sign_in_free_failures_ip=3,
        sign_in_base_delay=600.0,
    ) as relay:
        ok = await _first_answer(
            relay.ws_url,
            p.SignIn(id=1, email=relay.admin_email, password=relay.admin_password),
            "10.0.0.9",
        )
        assert isinstance(ok, p.Welcome)  # a success does not count against the IP
        codes = []
        for n in range(5):
            answer = await _first_answer(
                relay.ws_url, p.SignIn(id=1, email=f"x{n}@example.com", password="nope"),
                "10.0.0.9",
            )  # fmt: skip
            assert isinstance(answer, p.Error)
            codes.append(answer.code)
        assert codes == ["bad_credentials"] * 3 + ["rate_limited"] * 2
        assert await _count(relay, sa.select(sa.func.count()).select_from(sign_in_failures)) > 0
        await relay.relay.writer.run(sign_in_repo.prune(-1.0))  # everything counts as old
        assert await _count(relay, sa.select(sa.func.count()).select_from(sign_in_failures)) == 0


async def test_finding4_bounded_pools_refuse_when_full() -> None:
    """Finding 4: each named pool runs at most ``workers`` calls with ``queue`` more waiting,
    and refuses the next one at once (never an unbounded queue); the pools are separate, so a
    full webhook pool leaves argon2 free."""
    pool = executors.BoundedExecutor("test", workers=1, queue=1)
    release = threading.Event()
    first = asyncio.ensure_future(pool.run(release.wait, 30))
    second = asyncio.ensure_future(pool.run(release.wait, 30))
    await until(lambda: pool.pending == 2)
    with pytest.raises(executors.Saturated):
        await pool.run(time.time)
    assert pool.refused == 1
    release.set()
    assert await first and await second
    assert await pool.run(lambda: 7) == 7
    names = {executors.ARGON2.name, executors.FILES.name, executors.SMTP.name}
    assert names | {executors.WEBHOOKS.name} == {"argon2", "files", "smtp", "webhooks"}


async def test_finding4_full_argon2_pool_answers_busy(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding 4: when argon2's pool and queue are full, a sign-in is refused at once with a
    typed ``busy`` (and ``retry_after``), instead of waiting in an unbounded queue."""
    async with running_relay(sqlite_url) as relay:
        monkeypatch.setattr(executors.ARGON2, "limit", 0)
        answer = await _first_answer(
            relay.ws_url, p.SignIn(id=1, email=relay.agent_email, password=relay.agent_password)
        )
        assert isinstance(answer, p.Error) and answer.code == "busy" and answer.retry_after


# ---------------------------------------------------------------- finding 5


class _HungReceiver:
    """A TCP listener that accepts webhook POSTs and never answers."""

    def __init__(self) -> None:
        self.open = 0
        self.peak = 0
        self.writers: list[asyncio.StreamWriter] = []
        self.server: asyncio.Server | None = None

    async def _accept(self, _reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.open += 1
        self.peak = max(self.peak, self.open)
        self.writers.append(writer)

    async def __aenter__(self) -> str:
        self.server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/hook"

    async def __aexit__(self, *exc: object) -> None:
        for writer in self.writers:
            writer.close()
        assert self.server is not None
        self.server.close()


async def test_finding5_hung_webhook_does_not_stall_sign_in(sqlite_url: str) -> None:
    """Finding 5: with a webhook receiver that never answers, 30 contact saves and 10 offline
    messages of one visitor are rate-limited per visitor, the client_updated rows coalesce per
    visitor, and the relay holds at most ``webhook_concurrency`` (2) POSTs to it, on the
    webhook pool; argon2's pool stays empty, so a sign-in goes through at once."""
    hung = _HungReceiver()
    async with (
        hung as url,
        running_relay(sqlite_url, webhook_timeout=30.0) as relay,
        _signed(relay, relay.admin_email, relay.admin_password) as boss,
    ):
        await boss.request(
            lambda i: p.SaveWebhook(id=i, url=url, events=["client_updated", "offline_message"])
        )
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        answers = []
        for n in range(30):
            rid = visitor.send_frame(
                lambda i, n=n: p.SetContact(id=i, name=f"Ann {n}", email="ann@example.com")
            )
            answers.append(await visitor.answer(rid))
        for n in range(10):
            rid = visitor.send_frame(
                lambda i, n=n: p.OfflineMessage(id=i, name="Ann", email="a@b.example", text=f"{n}")
            )
            answers.append(await visitor.answer(rid))
        refused = [a for a in answers if isinstance(a, p.Error)]
        assert refused and all(a.code == "rate_limited" for a in refused)
        assert len(answers) - len(refused) <= 10  # burst 5 each, at most a token more
        client_rows = await _count(
            relay,
            sa.select(sa.func.count())
            .select_from(webhook_deliveries)
            .where(webhook_deliveries.c.event == "client_updated"),
        )
        saved = sum(1 for a in answers[:30] if isinstance(a, p.Ok))
        # At most the two in flight and one waiting with the latest values; not one per save.
        assert client_rows <= 3 < saved
        await until(lambda: hung.open == 2)  # the two POSTs this webhook may have at once
        assert executors.ARGON2.pending == 0
        async with _signed(relay, relay.agent_email, relay.agent_password) as ana:
            assert ana.welcome is not None
        assert hung.peak == 2 and executors.WEBHOOKS.pending <= 2
        await visitor.close()


# ---------------------------------------------------------------- finding 6


async def test_finding6_demoted_admin_loses_every_admin_power_at_once(sqlite_url: str) -> None:
    """Finding 6: an admin demoted while connected is refused, on that same open connection,
    every admin-only decision the review lists: list_blocked, unblock_client, the invitation
    rules (list, save), list_logs, set_sneak_peek, the archive of others' chats, the history
    of any visitor chat, and block_client on any chat."""
    async with running_relay(sqlite_url) as relay:
        await relay.offer_to_everyone()  # written for the rule all: both chats reach Ana
        boss2_id = await relay.add_agent("boss2@example.com", "boss2-password", "Boss2", "admin")
        async with (
            _signed(relay, relay.admin_email, relay.admin_password) as boss,
            _signed(relay, relay.agent_email, relay.agent_password) as ana,
            _signed(relay, "boss2@example.com", "boss2-password") as boss2,
        ):
            # Ana's closed chat (archive) and Ana's open chat (history, block).
            old = Visitor(relay.ws_url, relay.site_key)
            await old.connect()
            await old.say("hola")
            offer = await ana.wait_for_type(p.ChatOffered)
            await ana.accept(offer.chat.id)
            await ana.close_chat(offer.chat.id)
            live = Visitor(relay.ws_url, relay.site_key)
            await live.connect()
            await live.say("otra vez")
            offer2 = await ana.wait_for(
                lambda f: isinstance(f, p.ChatOffered) and f.chat.id != offer.chat.id
            )
            open_chat = offer2.chat.id  # type: ignore[attr-defined]
            await ana.accept(open_chat)
            rule = p.InvitationRule(site_id=1, message="¿Le ayudo?")

            # Still an admin: all of it works on boss2's connection.
            assert isinstance(await boss2.request(lambda i: p.ListBlocked(id=i)), p.BlockedList)
            assert isinstance(
                await boss2.request(lambda i: p.ListInvitationRules(id=i)), p.InvitationRules
            )
            assert isinstance(await boss2.request(lambda i: p.ListLogs(id=i)), p.LogList)
            page = await boss2.request(lambda i: p.SearchArchive(id=i))
            assert isinstance(page, p.ArchivePage) and page.total == 1
            assert await boss2.history(open_chat)

            await boss.request(lambda i: p.UpdateAgent(id=i, agent_id=boss2_id, role="agent"))

            refusals: dict[str, str] = {}

            async def refused(name: str, make: Any) -> None:
                with pytest.raises(RelayError) as info:
                    await boss2.request(make)
                refusals[name] = info.value.code

            await refused("list_blocked", lambda i: p.ListBlocked(id=i))
            await refused("unblock_client", lambda i: p.UnblockClient(id=i, block_id=1))
            await refused("list_invitation_rules", lambda i: p.ListInvitationRules(id=i))
            await refused("save_invitation_rule", lambda i: p.SaveInvitationRule(id=i, rule=rule))
            await refused("list_logs", lambda i: p.ListLogs(id=i))
            await refused("set_sneak_peek", lambda i: p.SetSneakPeek(id=i, site_id=1, enabled=True))
            await refused("history", lambda i: p.History(id=i, chat_id=open_chat))
            await refused("block_client", lambda i: p.BlockClient(id=i, chat_id=open_chat))
            assert refusals == {
                "list_blocked": "admin_only",
                "unblock_client": "admin_only",
                "list_invitation_rules": "forbidden",
                "save_invitation_rule": "forbidden",
                "list_logs": "forbidden",
                "set_sneak_peek": "forbidden",
                "history": "not_in_chat",
                "block_client": "not_in_chat",
            }
            page = await boss2.request(lambda i: p.SearchArchive(id=i))
            assert isinstance(page, p.ArchivePage) and page.total == 0  # only its own chats
            rules = await boss.request(lambda i: p.ListInvitationRules(id=i))
            assert isinstance(rules, p.InvitationRules) and rules.rules == []  # nothing saved
            await old.close()
            await live.close()


# ---------------------------------------------------------------- finding 7


async def test_finding7_sessions_expire_and_are_pruned(sqlite_url: str) -> None:
    """Finding 7: a session older than ``session_max_age`` or unused for longer than
    ``session_idle_timeout`` no longer authenticates; using it restarts the idle time; the
    pruning job (one DELETE, safe on any number of nodes) removes ended and revoked rows."""
    async with running_relay(
        sqlite_url, session_max_age=1000.0, session_idle_timeout=100.0
    ) as relay:
        tokens = []
        for _ in range(3):
            async with _signed(relay, relay.agent_email, relay.agent_password) as ana:
                assert ana.token is not None
                tokens.append(ana.token)
        old, idle, fresh = tokens
        now = time.time()
        from server.account import auth

        async with relay.relay.engine.begin() as db:
            await db.execute(
                sa.update(agent_sessions)
                .where(agent_sessions.c.token_hash == auth.token_hash(old))
                .values(created_at=now - 2000.0, last_used_at=now)
            )
            await db.execute(
                sa.update(agent_sessions)
                .where(agent_sessions.c.token_hash == auth.token_hash(idle))
                .values(last_used_at=now - 200.0)
            )
            await db.execute(
                sa.update(agent_sessions)
                .where(agent_sessions.c.token_hash == auth.token_hash(fresh))
                .values(last_used_at=now - 90.0)
            )
        for token in (old, idle):
            answer = await _first_answer(relay.ws_url, p.Authenticate(id=1, token=token))
            assert isinstance(answer, p.Error) and answer.code == "unauthenticated"
        assert isinstance(
            await _first_answer(relay.ws_url, p.Authenticate(id=1, token=fresh)), p.Welcome
        )
        used = await _count(
            relay,
            sa.select(agent_sessions.c.last_used_at).where(
                agent_sessions.c.token_hash == auth.token_hash(fresh)
            ),
        )
        assert used >= int(now)  # the idle time starts again
        total = sa.select(sa.func.count()).select_from(agent_sessions)
        before = await _count(relay, total)
        assert await relay.relay.account.prune() == 2
        assert await _count(relay, total) == before - 2


async def test_finding7_open_connection_ends_with_its_session(
    sqlite_url: str, tmp_path: Path
) -> None:
    """Finding 7: a connection that stays open past its session's absolute lifetime is closed
    (signed out: the app asks for the password again); closing a connection counts as use of
    its session, so an agent connected for days is not "idle" at its next reconnect."""
    from server.account import auth

    async with running_relay(sqlite_url) as relay:
        async with _signed(relay, relay.agent_email, relay.agent_password) as ana:
            assert ana.token is not None and ana.welcome is not None
            hashed, ana_id = auth.token_hash(ana.token), ana.welcome.agent.id
            async with relay.relay.engine.begin() as db:
                await db.execute(
                    sa.update(agent_sessions)
                    .where(agent_sessions.c.token_hash == hashed)
                    .values(last_used_at=1.0)
                )
        used = sa.select(agent_sessions.c.last_used_at).where(agent_sessions.c.token_hash == hashed)
        # The relay's side of the close stores the use before it shows the agent offline.
        await until(lambda: relay.relay.presence.status(ana_id) == "offline")
        assert await _count(relay, used) > 1
    short = f"sqlite+aiosqlite:///{tmp_path / 'short.db'}"
    async with running_relay(short, session_max_age=1.0) as relay:
        client = AgentClient(relay.ws_url, reconnect=True)
        await client.sign_in(relay.agent_email, relay.agent_password)
        await until(lambda: client.state == "closed", timeout=30)
        assert client.ended_by_relay == "session_expired"  # issue 13: a SignOutReason
        await client.close()


async def test_finding7_password_change_ends_other_sessions(sqlite_url: str) -> None:
    """Finding 7: a password change revokes the agent's other sessions and closes their
    connections; the session that changed it stays signed in."""
    async with (
        running_relay(sqlite_url) as relay,
        _signed(relay, relay.agent_email, relay.agent_password) as first,
        _signed(relay, relay.agent_email, relay.agent_password) as second,
    ):
        stolen = second.token
        assert stolen is not None and first.token is not None
        changed = await first.request(
            lambda i: p.SaveMyAccount(
                id=i, name="Ana", email=relay.agent_email,
                old_password=relay.agent_password, new_password="a-new-password-2",
            )
        )  # fmt: skip
        assert isinstance(changed, p.MyAccount)
        await until(lambda: second.ended_by_relay or second.state != "connected")
        answer = await _first_answer(relay.ws_url, p.Authenticate(id=1, token=stolen))
        assert isinstance(answer, p.Error) and answer.code == "unauthenticated"
        await first.ping()  # still connected
        again = await _first_answer(relay.ws_url, p.Authenticate(id=1, token=first.token))
        assert isinstance(again, p.Welcome)


async def test_a4_sign_out_others_ends_every_other_session(sqlite_url: str) -> None:
    """A4: ``sign_out_others`` (a browser left signed in on a shared computer) revokes the
    agent's other sessions and closes their connections with ``signed_out_elsewhere``; the
    asking session stays; another agent's session is untouched; an API token is refused."""
    async with (
        running_relay(sqlite_url) as relay,
        _signed(relay, relay.agent_email, relay.agent_password) as here,
        _signed(relay, relay.agent_email, relay.agent_password) as left_open,
        _signed(relay, relay.admin_email, relay.admin_password) as colleague,
    ):
        forgotten = left_open.token
        assert forgotten is not None and here.token is not None
        assert isinstance(await here.request(lambda i: p.SignOutOthers(id=i)), p.Ok)
        await until(lambda: left_open.ended_by_relay)
        assert left_open.ended_by_relay == "signed_out_elsewhere"
        answer = await _first_answer(relay.ws_url, p.Authenticate(id=1, token=forgotten))
        assert isinstance(answer, p.Error) and answer.code == "unauthenticated"
        await here.ping()  # still connected, and its token still works
        again = await _first_answer(relay.ws_url, p.Authenticate(id=1, token=here.token))
        assert isinstance(again, p.Welcome)
        await colleague.ping()
        assert not colleague.ended_by_relay

        created = await colleague.request(lambda i: p.CreateApiToken(id=i, name="script"))
        assert isinstance(created, p.ApiTokenCreated)
        script = AgentClient(relay.ws_url)
        await script.authenticate(created.token)
        with pytest.raises(RelayError) as info:
            await script.request(lambda i: p.SignOutOthers(id=i))
        assert info.value.code == "invalid"
        await script.close()


async def test_finding7_sign_out_with_an_api_token_is_refused(sqlite_url: str) -> None:
    """Finding 7: ``sign_out`` on an API-token connection is refused (``invalid``: it is not a
    session; an admin revokes the token), instead of an "ok" that revoked nothing."""
    async with (
        running_relay(sqlite_url) as relay,
        _signed(relay, relay.admin_email, relay.admin_password) as boss,
    ):
        created = await boss.request(lambda i: p.CreateApiToken(id=i, name="script"))
        assert isinstance(created, p.ApiTokenCreated)
        script = AgentClient(relay.ws_url)
        await script.authenticate(created.token)
        with pytest.raises(RelayError) as info:
            await script.request(lambda i: p.SignOut(id=i))
        assert info.value.code == "invalid"
        await script.close()
        # A real session's sign_out still revokes it.
        assert boss.token is not None
        token = boss.token
        assert await boss.sign_out()
        answer = await _first_answer(relay.ws_url, p.Authenticate(id=1, token=token))
        assert isinstance(answer, p.Error) and answer.code == "unauthenticated"


# ---------------------------------------------------------------- finding 12


async def test_finding12_replay_leaves_out_chats_the_agent_left(db_url: str) -> None:
    """Finding 12: an agent that transferred a chat and reconnects with its old cursor gets
    no event of that chat written after it left (a colleague's comment, the visitor's next
    message), as ``history`` refuses the chat too."""
    async with (
        running_relay(db_url) as relay,
        _signed(relay, relay.agent_email, relay.agent_password) as ana,
        _signed(relay, relay.admin_email, relay.admin_password) as boss,
    ):
        await relay.offer_to_everyone()  # written for the rule all: Ana is offered the chat
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        await visitor.say("hola")
        offer = await ana.wait_for_type(p.ChatOffered)
        chat_id = offer.chat.id
        await ana.accept(chat_id)
        await ana.transfer(chat_id, boss.welcome.agent.id)  # type: ignore[union-attr]
        invitation = await boss.wait_for_type(p.InvitationOffered)
        await boss.answer_invitation(invitation.invitation.id, True)
        await ana.wait_for(lambda f: isinstance(f, p.InvitationAnswered))
        token, cursor = ana.token, ana.cursor
        assert token is not None and cursor is not None
        await boss.send_message(chat_id, "INTERNAL: looks like a fraudster", comment=True)
        await visitor.say("my card number is 4111")
        await boss.wait_for(lambda f: isinstance(f, p.EventPush) and "4111" in f.event.text)
        headers: dict[str, str] = {}
        frames: list[p.Frame] = []
        async with connect(relay.ws_url, additional_headers=headers) as ws:
            await ws.send(p.encode(p.Authenticate(id=1, token=token, cursor=0)))
            while True:
                frame = p.decode_server(await ws.recv())
                frames.append(frame)
                if isinstance(frame, p.SyncDone):
                    break
        texts = [f.event.text for f in frames if isinstance(f, p.EventPush)]
        assert "hola" in texts  # what it saw while in the chat is still replayed
        assert not any("INTERNAL" in t or "4111" in t for t in texts)
        await visitor.close()


# ---------------------------------------------------------------- finding 21


async def test_finding21_webhook_rows_commit_with_their_action(db_url: str) -> None:
    """Finding 21: the delivery row is written by the action's own write, in its transaction
    (a crash between the two can no longer lose it): the contact saved, the offline message,
    the chat accepted and closed. Each write is run alone here, in one transaction."""
    async with (
        running_relay(db_url) as relay,
        _signed(relay, relay.admin_email, relay.admin_password) as boss,
    ):
        await boss.request(
            lambda i: p.SaveWebhook(
                id=i,
                url="http://127.0.0.1:9/hook",
                events=["client_updated", "offline_message", "chat_accepted", "chat_finished"],
            )
        )
        await relay.relay.webhooks.stop()  # nothing delivers: only the rows are looked at
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        await visitor.say("hola")
        chat = await boss.wait_for_type(p.ChatOffered)
        vid, agent = visitor.visitor_id, boss.welcome.agent  # type: ignore[union-attr]
        assert vid is not None and agent is not None
        engine = relay.relay.engine

        async def events_after(write: Any) -> list[str]:
            async with engine.begin() as db:
                before = (
                    await db.execute(sa.select(sa.func.max(webhook_deliveries.c.id)))
                ).scalar()
                await db.run_sync(write)
                rows = await db.execute(
                    sa.select(webhook_deliveries.c.event).where(
                        webhook_deliveries.c.id > (before or 0)
                    )
                )
                return [r.event for r in rows]

        assert await events_after(
            visitors_repo.set_contact(vid, 1, "Ann", "ann@example.com", "")
        ) == ["client_updated"]  # one, with its CRM client (R1)
        assert await events_after(
            visitors_repo.store_offline_message(1, vid, "Ann", "ann@example.com", "call me")
        ) == ["offline_message"]
        assert await events_after(
            chat_writes.accept_chat(agent.id, agent.name, chat.chat.id, webhook=True)
        ) == ["chat_accepted"]
        assert await events_after(chat_writes.close_chat(agent.id, agent.name, chat.chat.id)) == [
            "chat_finished"
        ]
        state = await _count(relay, sa.select(sa.func.count()).where(chats.c.state == "closed"))
        assert state == 1
        await visitor.close()


async def test_finding21_set_assigned_agent_refuses_disabled_or_unknown(sqlite_url: str) -> None:
    """Finding 21: an agent may bind a client only to an enabled agent: a disabled or unknown
    agent id is refused, and the client keeps its binding."""
    async with (
        running_relay(sqlite_url) as relay,
        _signed(relay, relay.admin_email, relay.admin_password) as boss,
    ):
        gone = await relay.add_agent("gone@example.com", "gone-password", "Gone")
        await boss.request(lambda i: p.UpdateAgent(id=i, agent_id=gone, disabled=True))
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        vid = visitor.visitor_id
        assert vid is not None
        for agent_id, code in ((gone, "invalid"), (9999, "not_found")):
            with pytest.raises(RelayError) as info:
                await boss.request(
                    lambda i, a=agent_id: p.SetAssignedAgent(id=i, visitor_id=vid, agent_id=a)
                )
            assert info.value.code == code
        me = boss.welcome.agent.id  # type: ignore[union-attr]
        await boss.request(lambda i: p.SetAssignedAgent(id=i, visitor_id=vid, agent_id=me))
        await visitor.close()
