"""S1 on the relay: a real chat through the relay shows in ``get_stats``; what each role may
see (admins everything; an agent the team totals and their own figures; another agent's
figures refused by the relay)."""

from __future__ import annotations

import datetime as dt

import pytest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor

BEA_EMAIL, BEA_PASSWORD = "bea@example.com", "agent-password-2"


def today() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


def ask(**kw: object) -> object:
    day = today()
    return lambda i: p.GetStats(id=i, date_from=day, date_to=day, **kw)  # type: ignore[arg-type]


async def test_agent_is_refused_another_agents_figures_and_sees_team_totals(
    relay: RelayHandle,
) -> None:
    """S1: an agent asking for a colleague's figures is refused ``forbidden`` on the relay; the
    agent's own report has the team totals but only their own row and chats; an admin sees
    every agent and chat."""
    await relay.offer_to_everyone()
    bea_id = await relay.add_agent(BEA_EMAIL, BEA_PASSWORD, "Bea")
    ana, bea, boss = AgentClient(relay.ws_url), AgentClient(relay.ws_url), AgentClient(relay.ws_url)
    ana_welcome = await ana.sign_in(relay.agent_email, relay.agent_password)
    await bea.sign_in(BEA_EMAIL, BEA_PASSWORD)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    ana_id = ana_welcome.agent.id
    try:
        chats = []
        for agent, text in ((ana, "for ana"), (bea, "for bea")):
            visitor = Visitor(relay.ws_url, relay.site_key)
            await visitor.connect()
            ack = await visitor.say(text)
            assert isinstance(ack, p.MessageAcked)
            await agent.wait_for(
                lambda f, c=ack.chat_id: isinstance(f, p.ChatOffered) and f.chat.id == c
            )
            await agent.accept(ack.chat_id)
            await agent.send_message(ack.chat_id, "hello")
            await agent.close_chat(ack.chat_id)
            chats.append(ack.chat_id)
            await visitor.close()

        with pytest.raises(RelayError) as refused:
            await ana.request(ask(agent_id=bea_id))
        assert refused.value.code == "forbidden"

        mine = await ana.request(ask())
        assert isinstance(mine, p.StatsReport)
        assert (mine.summary.chats, mine.summary.answered) == (2, 2)  # the team's totals
        assert mine.summary.first_response.count == 2
        assert [a.agent_id for a in mine.agents] == [ana_id]
        assert [c.chat_id for c in mine.chats] == [chats[0]]
        own = await ana.request(ask(agent_id=ana_id))
        assert isinstance(own, p.StatsReport) and own.summary.chats == 1

        everything = await boss.request(ask())
        assert isinstance(everything, p.StatsReport)
        assert {a.agent_id for a in everything.agents} >= {ana_id, bea_id}
        assert sorted(c.chat_id for c in everything.chats) == sorted(chats)
        assert {c.reply_agent_id for c in everything.chats} == {ana_id, bea_id}
        assert all(c.messages == 2 for c in everything.chats)
        of_bea = await boss.request(ask(agent_id=bea_id))
        assert isinstance(of_bea, p.StatsReport) and of_bea.summary.chats == 1
        # Everyone signed in is online now (a status row each, written by the relay).
        assert everything.summary.online_seconds > 0

        with pytest.raises(RelayError) as bad:
            await boss.request(
                lambda i: p.GetStats(
                    id=i, date_from="2026-01-01", date_to="2026-03-01", group="hour"
                )
            )
        assert bad.value.code == "invalid"
    finally:
        for client in (ana, bea, boss):
            await client.close()


async def test_s1_a_dead_nodes_agent_gets_one_offline_row(sqlite_url: str) -> None:
    """S1 with X4: Ana's node dies without its shutdown (no disconnect is ever seen there):
    the surviving leader writes her ``offline`` status row, once, so her online time stops
    at the node's death instead of running on."""
    import asyncio

    import sqlalchemy as sa

    from server.store.db import read
    from server.store.schema import report_log
    from tests.server.test_cluster_presence import eventually
    from tests.support.local_cluster import EXPIRY, cluster, die
    from tests.support.relay import AGENT_EMAIL, AGENT_PASSWORD
    from tests.support.waiting import until

    async with cluster(sqlite_url, 3) as (one, two, _three):
        ana = AgentClient(two.ws_url)
        welcome = await ana.sign_in(AGENT_EMAIL, AGENT_PASSWORD)
        ana_id = welcome.agent.id
        await until(lambda: one.presence.status(ana_id) == "online")

        def statuses(db: sa.Connection) -> list[str]:
            query = (
                sa.select(report_log.c.detail)
                .where(report_log.c.kind == "status", report_log.c.agent_id == ana_id)
                .order_by(report_log.c.id)
            )
            return list(db.execute(query).scalars())

        await die(two)
        await until(lambda: one.presence.status(ana_id) == "offline", timeout=EXPIRY + 5)

        async def written() -> bool:
            return await read(one.engine, statuses) == ["online", "offline"]

        await eventually(written)
        await asyncio.sleep(EXPIRY)  # nor a second one from the other survivor
        assert await read(one.engine, statuses) == ["online", "offline"]
        await ana.close()


async def test_s1_retention_deletes_reporting_rows_past_report_log_days(sqlite_url: str) -> None:
    """S1, finding 10's rule (every anonymous input bounded): visitors make reporting rows
    (chats started, offline messages), so the retention job deletes rows older than
    ``report_log_days``, in batches, and keeps the newer ones."""
    import sqlalchemy as sa

    from server.stats import log as stats_log
    from server.store.db import read
    from server.store.schema import report_chats, report_log
    from tests.support.relay import running_relay

    day, now = 86400.0, 2_000_000_000.0
    async with running_relay(sqlite_url, report_log_days=30, retention_batch=4) as handle:
        relay = handle.relay

        def fill(conn: sa.Connection) -> None:
            for n in range(10):
                stats_log.record(conn, "chat_started", ts=now - 40 * day, chat_id=n + 1)
                stats_log.record(conn, "closed", ts=now - 31 * day, chat_id=n + 1, n=2)
            stats_log.record(conn, "chat_started", ts=now - 29 * day, chat_id=99)

        await relay.writer.run(fill)
        deleted = await relay.retention.run_once(now)
        assert deleted["report_log"] == 30  # 20 log rows and 10 chats' rollup rows

        def left(conn: sa.Connection) -> list[list[int]]:
            return [
                list(conn.execute(sa.select(table.c.chat_id)).scalars())
                for table in (report_log, report_chats)
            ]

        assert await read(relay.engine, left) == [[99], [99]]


async def test_s1_rule_invitations_sent_and_answered(relay: RelayHandle) -> None:
    """S1/V3: two visitors get a rule's invitation; one replies with the invitation open (an
    answered invitation), the other closes it first and then writes (not an answer): sent 2,
    answered 1, conversion 0.5, with the chat of the answer as the answered row's chat."""
    import sqlalchemy as sa

    from server.store.db import read
    from server.store.schema import report_log

    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    rule = p.InvitationRule(site_id=1, message="Questions?", url_pattern="*/shoes*")
    await boss.request(lambda i: p.SaveInvitationRule(id=i, rule=rule))
    chats = []
    for closes_first in (False, True):
        v = Visitor(relay.ws_url, relay.site_key)
        await v.connect()
        assert v.ws is not None
        await v.ws.send(p.encode(p.PageView(url="https://shop.example/shoes", title="Shoes")))
        invitation = await v.wait_for(lambda f: isinstance(f, p.VisitorInvitation))
        if closes_first:
            await v.ws.send(p.encode(p.InvitationClosed(invitation_id=invitation.invitation_id)))
            await v.ws.send(p.encode(p.Ping(id=77)))
            await v.wait_for(lambda f: isinstance(f, p.Pong))  # the close was served
        ack = await v.say("hola")
        assert isinstance(ack, p.MessageAcked)
        chats.append(ack.chat_id)
        await v.close()

    def answered(db: sa.Connection) -> list[tuple[int | None, str]]:
        query = sa.select(report_log.c.chat_id, report_log.c.detail).where(
            report_log.c.kind == "invitation_answered"
        )
        return [(r.chat_id, r.detail) for r in db.execute(query)]

    assert await read(relay.relay.engine, answered) == [(chats[0], "rule")]
    await relay.relay.stats_recorder.flush()
    report = await boss.request(ask())
    assert isinstance(report, p.StatsReport)
    s = report.summary
    assert (s.invitations_sent, s.invitations_answered, s.conversion) == (2, 1, 0.5)
    await boss.close()
