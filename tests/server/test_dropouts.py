"""B6, the gaps of requeueing a dropped agent's chats: after a relay crash, with a transfer
pending, and with an away colleague."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from server.chats import dropouts
from server.store.db import read
from server.store.schema import agent_dropouts, chat_invitations, sites
from tests.server.test_routing import BEA_EMAIL, BEA_PASSWORD, site_settings
from tests.support.relay import (
    AGENT_EMAIL,
    AGENT_PASSWORD,
    RelayHandle,
    RelayProcess,
    create_agent_cli,
    running_relay,
)
from tests.support.visitor import Visitor


def _offer(chat_id: int) -> Callable[[object], bool]:
    return lambda f: isinstance(f, p.ChatOffered) and f.chat.id == chat_id


def _offered_in(chat_id: int) -> Callable[[object], bool]:
    def offered(frame: object) -> bool:
        if isinstance(frame, p.ChatOffered):
            return frame.chat.id == chat_id
        if isinstance(frame, p.Welcome):
            return any(c.id == chat_id and c.state == "offered" for c in frame.chats)
        return False

    return offered


def _requeued(chat_id: int) -> Callable[[object], bool]:
    return lambda f: (
        isinstance(f, p.EventPush) and f.event.kind == "requeued" and f.event.chat_id == chat_id
    )


async def _query(db_url: str, query: sa.Select) -> list[sa.Row]:
    engine = create_async_engine(db_url)
    try:
        async with engine.connect() as db:
            return list((await db.execute(query)).all())
    finally:
        await engine.dispose()


async def _chat_with_ana(ws_url: str, site_key: str, ana: AgentClient) -> tuple[Visitor, int]:
    """A visitor writes; Ana (the only agent online) accepts and answers."""
    visitor = Visitor(ws_url, site_key)
    await visitor.connect()
    ack = await visitor.say("hola, ¿Ana?")
    assert isinstance(ack, p.MessageAcked)
    await ana.wait_for(_offer(ack.chat_id))
    await ana.accept(ack.chat_id)
    await ana.send_message(ack.chat_id, "Hola, soy Ana")
    return visitor, ack.chat_id


async def test_b6_after_a_relay_crash_a_gone_agents_chats_go_back_to_routing(
    db_url: str, tmp_path: Path
) -> None:
    """B6: the relay is SIGKILLed while Ana has an open chat (no drop-out row is written: no
    shutdown code runs). At its start the relay schedules a drop-out for every agent holding
    open chats; Ana does not come back, so after the grace period her chat is offered to Bea,
    who signed in after the restart, with its history, and the visitor is told. SQLite and
    PostgreSQL."""
    process = RelayProcess(db_url, tmp_path, env={"JIVO_RELAY_ORPHAN_GRACE": "0.5"})
    await process.start_async()
    ana = AgentClient(process.ws_url, min_backoff=0.05, max_backoff=0.3)
    bea: AgentClient | None = None
    try:
        await create_agent_cli(db_url)
        await create_agent_cli(db_url, BEA_EMAIL, BEA_PASSWORD, "Bea")
        site_key = (await _query(db_url, sa.select(sites.c.key)))[0].key
        await ana.sign_in(AGENT_EMAIL, AGENT_PASSWORD)
        await ana.wait_synced()
        visitor, chat_id = await _chat_with_ana(process.ws_url, site_key, ana)
        process.kill()
        await ana.close()  # she never comes back
        await visitor.close()
        assert await _query(db_url, sa.select(agent_dropouts)) == []  # the crash wrote none
        await process.start_async()  # same database, same port

        bea = AgentClient(process.ws_url)
        await bea.sign_in(BEA_EMAIL, BEA_PASSWORD)
        await bea.wait_synced()
        again = Visitor(process.ws_url, site_key)
        again.token = visitor.token
        await again.connect()
        # Offered live, or in her welcome when the grace ended before she signed in.
        try:
            await bea.wait_for(_offered_in(chat_id), timeout=30)
        except TimeoutError:
            raise AssertionError(process.log.read_text()[-3000:]) from None
        told = await again.wait_for(_requeued(chat_id), timeout=30)
        assert told.event.author_name == "Ana"
        await bea.accept(chat_id)
        texts = [e.text for e in await bea.history(chat_id) if e.kind == "message"]
        assert texts == ["hola, ¿Ana?", "Hola, soy Ana"]
        assert await _query(db_url, sa.select(agent_dropouts)) == []
        await again.close()
    finally:
        await ana.close()
        if bea is not None:
            await bea.close()
        process.stop()


async def _invitations(relay: RelayHandle) -> list[tuple[str, str]]:
    def query(db: sa.Connection) -> list[tuple[str, str]]:
        rows = db.execute(sa.select(chat_invitations.c.kind, chat_invitations.c.state))
        return [(str(k), str(s)) for k, s in rows]

    return await read(relay.relay.engine, query)


async def test_b6_a_pending_transfer_of_a_requeued_chat_is_cancelled(sqlite_url: str) -> None:
    """B6: Ana asks Bea to take her chat over (C9) and drops off before Bea answers. When the
    chat goes back to routing the transfer is cancelled: Bea is told (``invitation_answered``,
    cancelled: her card goes), the invitation is no longer pending, and the chat is offered to
    Bea the ordinary way, which she accepts."""
    async with running_relay(sqlite_url, orphan_grace=0.3) as relay:
        bea_id = await relay.add_agent(BEA_EMAIL, BEA_PASSWORD, "Bea")
        ana = AgentClient(relay.ws_url)
        await ana.sign_in(relay.agent_email, relay.agent_password)
        await ana.wait_synced()
        visitor, chat_id = await _chat_with_ana(relay.ws_url, relay.site_key, ana)
        bea = AgentClient(relay.ws_url)
        await bea.sign_in(BEA_EMAIL, BEA_PASSWORD)
        await bea.wait_synced()
        await ana.transfer(chat_id, bea_id, "she wants a refund")
        asked = await bea.wait_for(lambda f: isinstance(f, p.InvitationOffered))
        invitation_id = asked.invitation.id
        await ana.close()  # Ana drops off with the transfer pending

        told = await bea.wait_for(
            lambda f: isinstance(f, p.InvitationAnswered) and f.invitation_id == invitation_id,
            timeout=20,
        )
        assert (told.kind, told.outcome, told.chat_id) == ("transfer", "cancelled", chat_id)
        await bea.wait_for(_offer(chat_id))
        assert await _invitations(relay) == [("transfer", "cancelled")]
        try:
            await bea.answer_invitation(invitation_id, True)
        except RelayError as exc:
            assert "cancelled" in exc.message
        else:
            raise AssertionError("a cancelled transfer was accepted")
        await bea.accept(chat_id)
        texts = [e.text for e in await bea.history(chat_id) if e.kind == "message"]
        assert texts == ["hola, ¿Ana?", "Hola, soy Ana"]
        await visitor.close()
        await bea.close()


async def test_b6_an_away_agent_is_not_offered_a_requeued_chat(sqlite_url: str) -> None:
    """B6: Ana drops off while Boss is away and Bea online: her chat goes to Bea only. Boss
    gets no offer, neither live nor in the welcome of a reconnect while still away, also once
    the chat's round offers it to everyone; back online he sees it waiting."""
    async with running_relay(sqlite_url, orphan_grace=0.3) as relay:
        await relay.add_agent(BEA_EMAIL, BEA_PASSWORD, "Bea")
        ana = AgentClient(relay.ws_url)
        await ana.sign_in(relay.agent_email, relay.agent_password)
        await ana.wait_synced()
        visitor, chat_id = await _chat_with_ana(relay.ws_url, relay.site_key, ana)
        boss = AgentClient(relay.ws_url)
        await boss.sign_in(relay.admin_email, relay.admin_password, status="away")
        await boss.wait_synced()
        bea = AgentClient(relay.ws_url)
        await bea.sign_in(BEA_EMAIL, BEA_PASSWORD)
        await bea.wait_synced()
        await ana.close()

        first = await bea.wait_for(_offer(chat_id), timeout=20)
        assert first.chat.offer_round == 0  # least busy: Bea, never the away Boss
        await bea.request(lambda i: p.IgnoreChat(id=i, chat_id=chat_id))
        await visitor.wait_for(_requeued(chat_id))
        await bea.wait_for(lambda f: _offer(chat_id)(f) and f.chat.offer_round == 2)
        await boss.ping()  # whatever was pushed to him before is in by now
        assert not [f for f in boss.received if _offered_in(chat_id)(f)]

        await boss.close()  # his app reconnects, still away
        boss = AgentClient(relay.ws_url)
        welcome = await boss.sign_in(relay.admin_email, relay.admin_password, status="away")
        assert chat_id not in [c.id for c in welcome.chats]
        await boss.set_status("online")
        await boss.wait_for(_offer(chat_id))
        await visitor.close()
        await bea.close()
        await boss.close()


async def test_b6_a_requeued_chat_offered_to_an_agent_who_goes_away_moves_on(
    sqlite_url: str,
) -> None:
    """B6/N3: Ana's chat is requeued and offered first to Bea alone (least busy); Bea goes
    away: the chat is offered to the online Boss at once, not after the round's time-out
    (10 minutes here), and Boss takes it."""
    async with running_relay(sqlite_url, orphan_grace=0.3) as relay:
        await site_settings(relay, timeout=600.0)
        await relay.add_agent(BEA_EMAIL, BEA_PASSWORD, "Bea")
        ana = AgentClient(relay.ws_url)
        await ana.sign_in(relay.agent_email, relay.agent_password)
        await ana.wait_synced()
        visitor, chat_id = await _chat_with_ana(relay.ws_url, relay.site_key, ana)
        boss = AgentClient(relay.ws_url)
        await boss.sign_in(relay.admin_email, relay.admin_password)
        await boss.wait_synced()
        # Boss has a chat of his own, so the requeued one goes to Bea first (least busy).
        other = Visitor(relay.ws_url, relay.site_key)
        await other.connect()
        mine = await other.say("¿alguien?")
        assert isinstance(mine, p.MessageAcked)
        await boss.wait_for(_offer(mine.chat_id))
        await boss.accept(mine.chat_id)
        bea = AgentClient(relay.ws_url)
        await bea.sign_in(BEA_EMAIL, BEA_PASSWORD)
        await bea.wait_synced()
        await ana.close()

        first = await bea.wait_for(_offer(chat_id), timeout=20)
        assert first.chat.offer_round == 0
        await bea.set_status("away")
        moved = await boss.wait_for(_offer(chat_id), timeout=20)
        assert moved.chat.offer_round == 1
        await boss.accept(chat_id)
        await visitor.close()
        await other.close()
        await bea.close()
        await boss.close()


async def test_b6_start_up_drop_outs_keep_earlier_rows_and_skip_connected_agents(
    sqlite_url: str,
) -> None:
    """B6 after a crash: the start-up write gives a row only to agents holding open chats who
    have none and are not connected; a row written before the crash keeps its earlier time."""
    async with running_relay(sqlite_url, orphan_grace=600) as relay:
        bea_id = await relay.add_agent(BEA_EMAIL, BEA_PASSWORD, "Bea")
        ana = AgentClient(relay.ws_url)
        welcome = await ana.sign_in(relay.agent_email, relay.agent_password)
        await ana.wait_synced()
        visitor, _chat = await _chat_with_ana(relay.ws_url, relay.site_key, ana)
        bea = AgentClient(relay.ws_url)
        await bea.sign_in(BEA_EMAIL, BEA_PASSWORD)
        await bea.wait_synced()
        other = Visitor(relay.ws_url, relay.site_key)
        await other.connect()
        ack = await other.say("¿Bea?")
        assert isinstance(ack, p.MessageAcked)
        await bea.wait_for(_offer(ack.chat_id))
        await bea.accept(ack.chat_id)
        await ana.close()
        # Her drop-out row is written before her colleagues see her offline (availability.py).
        await bea.wait_for(
            lambda f: (
                isinstance(f, p.AgentPresence)
                and f.agent.id == welcome.agent.id
                and f.agent.status == "offline"
            )
        )
        before = await _rows(relay)

        noted = await relay.relay.writer.run(
            dropouts.note_dropouts_at_start(before[welcome.agent.id] + 1000, [bea_id])
        )
        assert noted == []
        assert await _rows(relay) == before
        noted = await relay.relay.writer.run(
            dropouts.note_dropouts_at_start(before[welcome.agent.id] + 1000, [])
        )
        assert noted == [bea_id]
        assert (await _rows(relay))[welcome.agent.id] == before[welcome.agent.id]
        await visitor.close()
        await other.close()
        await bea.close()


async def _rows(relay: RelayHandle) -> dict[int, float]:
    def query(db: sa.Connection) -> dict[int, float]:
        rows = db.execute(sa.select(agent_dropouts.c.agent_id, agent_dropouts.c.due_at))
        return {int(a): float(d) for a, d in rows}

    return await read(relay.relay.engine, query)
