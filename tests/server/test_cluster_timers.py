"""X4: timers held in the database and fired by exactly one node (several ``Relay`` objects on
one database and one bus): the ignore ladder's rounds, invitation and transfer time-outs; a
dead node's pending timers are fired by another node."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import sqlalchemy as sa

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.chats import ladder
from server.core.relay import Relay
from server.store.schema import chat_invitations, routing_steps, sites
from tests.server.test_cluster_presence import me, signed_in
from tests.server.test_webhooks import receiver
from tests.support.local_cluster import BEA_EMAIL, BEA_PASSWORD, cluster, die, rows, site_key
from tests.support.relay import ADMIN_EMAIL, ADMIN_PASSWORD, AGENT_EMAIL, AGENT_PASSWORD
from tests.support.visitor import Visitor
from tests.support.waiting import until


async def site_rule(relay: Relay, **values: object) -> None:
    key = site_key([relay])
    (site,) = await rows(relay, sa.select(sites.c.id).where(sites.c.key == key))
    await relay.writer.run(ladder.update_site(site.id, **values))  # type: ignore[arg-type]


async def steps(relay: Relay, chat_id: int) -> list[tuple[str, int, str]]:
    found = await rows(
        relay,
        sa.select(routing_steps.c.step, routing_steps.c.round, routing_steps.c.reason)
        .where(routing_steps.c.chat_id == chat_id)
        .order_by(routing_steps.c.id),
    )
    return [(r.step, r.round, r.reason) for r in found]


def answer_to(invitation_id: int) -> Callable[[object], bool]:
    return lambda f: isinstance(f, p.InvitationAnswered) and f.invitation_id == invitation_id


def offer_of(chat_id: int) -> Callable[[object], bool]:
    return lambda f: isinstance(f, p.ChatOffered) and f.chat.id == chat_id


def missed(chat_id: int) -> Callable[[object], bool]:
    return lambda f: (
        isinstance(f, p.EventPush) and f.event.kind == "missed" and f.event.chat_id == chat_id
    )


async def test_x4_ladder_rounds_fire_once_with_every_nodes_timer_and_after_a_death(
    db_url: str,
) -> None:
    """X4, N3: three nodes' timers all watch the same chats. A chat nobody answers times out
    round by round (1, 2, 3, missed): each step is one row of ``routing_steps`` and one
    node's time-out. Then node 1, which routed a second chat, dies right after its first
    offer: the other nodes fire its rounds, each once."""
    async with cluster(db_url, 3) as (one, two, three):
        await site_rule(one, rule="all", timeout=1.0)
        ana = await signed_in(two, AGENT_EMAIL, AGENT_PASSWORD)
        bea = await signed_in(three, BEA_EMAIL, BEA_PASSWORD)
        expected = [
            ("offered", 1, "all"),
            ("offered", 2, "timeout"),
            ("offered", 3, "timeout"),
            ("missed", 3, "timeout"),
        ]
        for dead in (None, one):
            visitor = Visitor(one.ws_url, site_key([one]))
            await visitor.connect()
            if dead is not None:
                # Its timer goes first (its router still routes the new chat), so that a slow
                # machine cannot let it fire round 1 before its death.
                await dead.router.stop()
            ack = await visitor.say("¿hola?")
            assert isinstance(ack, p.MessageAcked)
            chat_id = ack.chat_id
            for agent in (ana, bea):
                await agent.wait_for(offer_of(chat_id))
            before = [node.router.timeouts for node in (one, two, three)]
            if dead is not None:
                await die(dead)
            await visitor.wait_for(missed(chat_id), timeout=20)
            assert await steps(one, chat_id) == expected
            fired = [
                node.router.timeouts - b for node, b in zip((one, two, three), before, strict=True)
            ]
            assert sum(fired) == 3, fired
            if dead is not None:
                assert fired[0] == 0, fired  # the dead node fired none of them
            await visitor.close()
        for agent in (ana, bea):
            await agent.close()


async def test_x4_invitation_and_transfer_time_outs_fire_once_after_their_node_died(
    db_url: str,
) -> None:
    """X4, C7/C9: on node 1 Ana invites Boss (node 2) into her chat and offers Bea (node 3) a
    transfer; node 1 dies at once. Both time-outs still fire, once each, on the surviving
    nodes: Boss and Bea are each told their question expired, once, and the rows say so."""
    async with cluster(db_url, 3, invitation_timeout=1.0) as (one, two, three):
        ana = await signed_in(one, AGENT_EMAIL, AGENT_PASSWORD)
        boss = await signed_in(two, ADMIN_EMAIL, ADMIN_PASSWORD, "away")
        bea = await signed_in(three, BEA_EMAIL, BEA_PASSWORD, "away")
        visitor = Visitor(one.ws_url, site_key([one]))
        await visitor.connect()
        ack = await visitor.say("hola")
        assert isinstance(ack, p.MessageAcked)
        chat_id = ack.chat_id
        await ana.wait_for(lambda f: isinstance(f, p.ChatOffered) and f.chat.id == chat_id)
        await ana.accept(chat_id)
        # Its timer goes first, so that a slow machine cannot let it fire before its death.
        await one.actions.stop()
        await ana.invite(chat_id, me(boss), "¿me ayudas?")
        await ana.transfer(chat_id, me(bea), "te lo paso")
        await die(one)
        invited = await boss.wait_for_type(p.InvitationOffered)
        offered = await bea.wait_for_type(p.InvitationOffered)
        for client, offer in ((boss, invited), (bea, offered)):
            answered = await client.wait_for(answer_to(offer.invitation.id), timeout=15)
            assert answered.outcome == "expired"
        assert one.actions.expired == 0
        assert two.actions.expired + three.actions.expired == 2
        states = await rows(
            two,
            sa.select(chat_invitations.c.kind, chat_invitations.c.state).order_by(
                chat_invitations.c.id
            ),
        )
        assert [(r.kind, r.state) for r in states] == [
            ("invite", "expired"),
            ("transfer", "expired"),
        ]
        # Each was told once (Ana's socket on the dead node still gets both answers too).
        for invitation_id in (invited.invitation.id, offered.invitation.id):
            await ana.wait_for(answer_to(invitation_id))
        for client in (boss, bea, ana):
            told = [f for f in client.received if isinstance(f, p.InvitationAnswered)]
            ids = sorted(f.invitation_id for f in told)
            expect = (
                sorted([invited.invitation.id, offered.invitation.id])
                if client is ana
                else [invited.invitation.id if client is boss else offered.invitation.id]
            )
            assert ids == expect, told
        clients: list[AgentClient] = [ana, boss, bea]
        for client in clients:
            await client.close()
        await visitor.close()


async def test_x4_a_webhook_delivery_is_claimed_by_one_node(db_url: str) -> None:
    """X4, K3: three nodes' dispatchers all look for the due delivery at once (each woken): the
    receiver gets it once; after a failed attempt its retry is sent once too."""
    with receiver(failures=1) as (got, url):
        async with cluster(db_url, 3, webhook_backoff=0.2) as nodes:
            admin = await signed_in(nodes[0], ADMIN_EMAIL, ADMIN_PASSWORD, "away")
            saved = await admin.request(
                lambda i: p.SaveWebhook(id=i, url=url, events=["offline_message"])
            )
            assert isinstance(saved, p.WebhookSaved)
            visitor = Visitor(nodes[1].ws_url, site_key(nodes))
            await visitor.connect()
            rid = visitor.send_frame(
                lambda i: p.OfflineMessage(id=i, email="m@example.com", text="¿Abren?", name="M")
            )
            assert isinstance(await visitor.answer(rid), p.Ok)
            for node in nodes:
                node.webhooks.wake()
            await until(lambda: sum(node.webhooks.attempts for node in nodes) >= 2, timeout=15)
            assert [code for code, _, _ in got.calls] == [500, 200], got.calls
            assert sum(node.webhooks.attempts for node in nodes) == 2
            await visitor.close()
            await admin.close()


async def test_x4_two_nodes_advancing_the_same_round_write_it_once(db_url: str) -> None:
    """X4, N3: two nodes' timers that both read the same due round each ask their writer to
    advance it at the same moment; the chat's row is locked and its round checked again, so one
    write opens the next round and the other does nothing: one ``routing_steps`` row."""
    async with cluster(db_url, 2) as (one, two):
        await site_rule(one, rule="all", timeout=60.0)
        ana = await signed_in(two, AGENT_EMAIL, AGENT_PASSWORD)
        visitor = Visitor(one.ws_url, site_key([one]))
        await visitor.connect()
        ack = await visitor.say("¿hola?")
        assert isinstance(ack, p.MessageAcked)
        chat_id = ack.chat_id
        await ana.wait_for(offer_of(chat_id))
        online = one.presence.online_agents()
        assert online == two.presence.online_agents() == (me(ana),)
        results = await asyncio.gather(
            one.writer.run(ladder.advance(chat_id, 1, online, "timeout")),
            two.writer.run(ladder.advance(chat_id, 1, online, "timeout")),
        )
        assert sorted(r is None for r in results) == [False, True], results
        assert await steps(one, chat_id) == [("offered", 1, "all"), ("offered", 2, "timeout")]
        await ana.close()
        await visitor.close()
