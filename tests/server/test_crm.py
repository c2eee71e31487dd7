"""Issue 17 on the relay: clients (R1), tasks and reminders (R2), deals and funnels (R3) and
the CRM settings (K4), with scripted agents and protocol-level visitors.

Each test names what reverting its feature breaks (see the commit message)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from server.core.config import Settings
from server.core.relay import Relay
from server.store.schema import crm_client_log, webhook_deliveries
from tests.support.relay import AGENT_EMAIL, AGENT_PASSWORD, RelayHandle, running_relay
from tests.support.visitor import Visitor
from tests.support.waiting import until


async def _agent(relay: RelayHandle, admin: bool = False) -> AgentClient:
    client = AgentClient(relay.ws_url)
    if admin:
        await client.sign_in(relay.admin_email, relay.admin_password)
    else:
        await client.sign_in(relay.agent_email, relay.agent_password)
    await client.wait_synced()
    return client


def _me(client: AgentClient) -> int:
    assert client.welcome is not None
    return client.welcome.agent.id


async def _ask(client: AgentClient, make: object) -> p.Frame:
    return await client.request(make)  # type: ignore[arg-type]


async def _visitor_with_contact(relay: RelayHandle, name: str, email: str) -> Visitor:
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    request_id = visitor.send_frame(lambda i: p.SetContact(id=i, name=name, email=email, phone=""))
    assert isinstance(await visitor.answer(request_id), p.Ok)
    return visitor


async def _clients(client: AgentClient, query: str = "") -> list[p.ClientInfo]:
    page = await _ask(client, lambda i: p.ListClients(id=i, query=query))
    assert isinstance(page, p.ClientPage)
    return page.clients


async def _rows(relay: RelayHandle, query: sa.Select) -> list[sa.Row]:  # type: ignore[type-arg]
    async with relay.relay.engine.connect() as conn:
        return list((await conn.execute(query)).all())


async def test_r1_visitors_become_clients_merged_on_same_email_and_unmerged(
    relay: RelayHandle,
) -> None:
    """R1: a visitor who chats or gives its contact is a client, found by the start of its
    name, e-mail or phone; a second visitor with the same e-mail (another case) is merged
    into it (both visitors on one client, one row in the list); the merge is undone with
    unmerge_client."""
    ana = await _agent(relay)
    one = await _visitor_with_contact(relay, "Lucía Pérez", "lucia@shop.example")
    await ana.wait_for(  # pushed live to the agents who may see it
        lambda f: isinstance(f, p.ClientChanged) and f.client.email == "lucia@shop.example"
    )
    found = await _clients(ana, "luc")
    assert [c.email for c in found] == ["lucia@shop.example"]
    assert await _clients(ana, "pérez") and await _clients(ana, "lucia@shop")
    assert await _clients(ana, "zzz") == []
    two = await _visitor_with_contact(relay, "", "LUCIA@shop.example")
    (client,) = await _clients(ana, "lucia")
    assert len(client.visitor_ids) == 2 and client.name == "Lucía Pérez"
    back = await _ask(ana, lambda i: p.UnmergeClient(id=i, client_id=client.id))
    assert isinstance(back, p.ClientSaved) and back.client.id != client.id
    assert len(await _clients(ana, "lucia")) == 2
    card = await _ask(ana, lambda i: p.GetClient(id=i, client_id=client.id))
    assert isinstance(card, p.ClientCard)
    assert any(item.kind == "log" and item.action == "unmerge" for item in card.timeline)
    chatty = Visitor(relay.ws_url, relay.site_key)  # no contact given, but it chats
    await chatty.connect()
    assert isinstance(await chatty.say("hola"), p.MessageAcked)
    assert len(await _clients(ana)) == 3
    await ana.wait_for(lambda f: isinstance(f, p.ClientChanged) and f.client.visitor_ids == [
        chatty.visitor_id])  # fmt: skip
    for c in (one, two, chatty):
        await c.close()
    await ana.close()


async def test_r1_k4_agent_without_access_is_refused_on_the_relay(relay: RelayHandle) -> None:
    """R1/K4: with "agents see their own clients", Ana gets neither Boss's client in the list
    nor its card nor an edit of it (``not_found`` from the relay, not only hidden), and no
    push about it; a deal in an "own" funnel likewise."""
    ana, boss = await _agent(relay), await _agent(relay, admin=True)
    await _ask(boss, lambda i: p.SetCrmVisibility(id=i, clients_visibility="own"))
    saved = await _ask(boss, lambda i: p.SaveClient(id=i, name="Secreto SA", owner_id=_me(boss)))
    assert isinstance(saved, p.ClientSaved)
    secret = saved.client.id
    assert [c.id for c in await _clients(ana)] == []
    assert [c.id for c in await _clients(boss)] == [secret]
    for make in (
        lambda i: p.GetClient(id=i, client_id=secret),
        lambda i: p.SaveClient(id=i, client_id=secret, notes="mine now"),
        lambda i: p.SaveTask(id=i, title="call", due_at=time.time() + 600, client_id=secret),
    ):
        with pytest.raises(RelayError) as refused:
            await _ask(ana, make)
        assert refused.value.code == "not_found"
    settings = await _ask(
        boss,
        lambda i: p.SaveFunnel(
            id=i, name="Ventas", visibility="own", stages=[p.StageEdit(name="Nuevo")]
        ),
    )
    assert isinstance(settings, p.CrmSettings)
    funnel = settings.funnels[0]
    deal = await _ask(
        boss, lambda i: p.SaveDeal(id=i, title="Big", funnel_id=funnel.id, client_id=secret)
    )
    assert isinstance(deal, p.DealSaved)
    listed = await _ask(ana, lambda i: p.ListDeals(id=i, funnel_id=funnel.id))
    assert isinstance(listed, p.DealList) and listed.deals == []
    with pytest.raises(RelayError) as refused:
        await _ask(
            ana, lambda i: p.MoveDeal(id=i, deal_id=deal.deal.id, stage_id=funnel.stages[1].id)
        )
    assert refused.value.code == "not_found"
    assert not any(isinstance(f, p.ClientChanged | p.DealChanged) for f in ana.received)
    with pytest.raises(RelayError) as refused:  # settings are for admins only
        await _ask(ana, lambda i: p.SetCrmVisibility(id=i, clients_visibility="all"))
    assert refused.value.code == "forbidden"
    await ana.close()
    await boss.close()


async def test_r1_concurrent_edits_of_a_merge_lose_no_field(relay_any_db: RelayHandle) -> None:
    """R1 bad input: while Boss merges B into A, Ana edits B's company and Boss's other
    session edits A's notes, all at once: A ends with both (the edit of B follows the merge),
    and where both had a value the log keeps the one that lost. On SQLite and PostgreSQL."""
    relay = relay_any_db
    ana, boss, boss2 = await _agent(relay), await _agent(relay, True), await _agent(relay, True)
    a = await _ask(boss, lambda i: p.SaveClient(id=i, name="Ana Cliente", phone="+34 600 111"))
    b = await _ask(boss, lambda i: p.SaveClient(id=i, name="A. Cliente", email="ac@x.example"))
    assert isinstance(a, p.ClientSaved) and isinstance(b, p.ClientSaved)
    a_id, b_id = a.client.id, b.client.id
    for _ in range(3):  # several rounds: any order of the three writes in the group commit
        results = await asyncio.gather(
            _ask(ana, lambda i: p.SaveClient(id=i, client_id=b_id, company="Acme")),
            _ask(boss, lambda i: p.MergeClients(id=i, into_id=a_id, from_id=b_id)),
            _ask(boss2, lambda i: p.SaveClient(id=i, client_id=a_id, notes="VIP")),
        )
        assert all(isinstance(r, p.ClientSaved) for r in results)
        card = await _ask(ana, lambda i: p.GetClient(id=i, client_id=a_id))
        assert isinstance(card, p.ClientCard)
        c = card.client
        assert (c.company, c.notes, c.email, c.phone) == ("Acme", "VIP", "ac@x.example",
                                                          "+34 600 111")  # fmt: skip
        assert c.name == "A. Cliente"  # B's name was written last (also after an unmerge)
        logged = await _rows(
            relay,
            sa.select(crm_client_log.c.old, crm_client_log.c.new).where(
                crm_client_log.c.client_id == a_id, crm_client_log.c.field == "name"
            ),
        )
        assert ("Ana Cliente", "A. Cliente") in [tuple(r) for r in logged]
        back = await _ask(boss, lambda i: p.UnmergeClient(id=i, client_id=a_id))
        assert isinstance(back, p.ClientSaved) and back.client.id == b_id
        await _ask(boss, lambda i: p.SaveClient(id=i, client_id=b_id, company=""))
        await _ask(boss, lambda i: p.SaveClient(id=i, client_id=a_id, notes=""))
    for client in (ana, boss, boss2):
        await client.close()


async def test_r2_reminder_fires_once_after_a_restart_and_at_sign_in(tmp_path: Path) -> None:
    """R2: a task due in 1.5 s is written, the relay stops before the due time and starts
    again on the same database: the reminder fires once (one ``task_due`` to the assignee, one
    firing over both runs), with its ``task_due`` webhook row. Ana was offline at the due
    time: she gets it when she signs in, and again until she dismisses it."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'relay.db'}"
    async with running_relay(url) as relay:
        ana = await _agent(relay)
        boss = await _agent(relay, admin=True)
        await _ask(
            boss, lambda i: p.SaveWebhook(id=i, url="http://127.0.0.1:9/", events=["task_due"])
        )
        with pytest.raises(RelayError) as refused:
            await _ask(ana, lambda i: p.SaveTask(id=i, title="old", due_at=time.time() - 3600))
        assert refused.value.code == "due_in_past"
        saved = await _ask(
            ana, lambda i: p.SaveTask(id=i, title="Llamar a Lucía", due_at=time.time() + 1.5)
        )
        assert isinstance(saved, p.TaskSaved)
        await ana.close()
        await boss.close()
        first_run = relay.relay.crm.reminders
        site_key = relay.site_key
    assert first_run.fired == 0
    await asyncio.sleep(max(0.0, saved.task.due_at - time.time()))  # the due time passes
    settings = Settings(host="127.0.0.1", port=0, database_url=url, first_frame_burst=1e5)
    async with Relay(settings) as again:  # the same database, its agents and site
        relay = RelayHandle(again, site_key)
        await until(lambda: relay.relay.crm.reminders.fired == 1)
        ana = await _agent(relay)
        due = await ana.wait_for_type(p.TaskDue)
        assert due.task.id == saved.task.id and due.task.title == "Llamar a Lucía"
        await ana.close()
        ana = await _agent(relay)  # not dismissed: told again
        await ana.wait_for_type(p.TaskDue)
        await _ask(ana, lambda i: p.DismissReminder(id=i, task_id=saved.task.id))
        await ana.close()
        ana = await _agent(relay)
        await ana.request(lambda i: p.Ping(id=i))
        assert not any(isinstance(f, p.TaskDue) for f in ana.received)
        hooks = await _rows(relay, sa.select(webhook_deliveries.c.event))
        assert [r.event for r in hooks] == ["task_due"]
        assert relay.relay.crm.reminders.fired == 1
        await ana.close()


async def test_r2_reminder_reaches_the_online_assignee_snooze_and_done(relay: RelayHandle) -> None:
    """R2/C6: Boss gives Ana a task on a client due in 1 s: Ana (online) gets ``task_due``
    once; Snooze brings it back later; Done ends it. Admins see every task, Ana hers."""
    ana, boss = await _agent(relay), await _agent(relay, admin=True)
    client = await _ask(boss, lambda i: p.SaveClient(id=i, name="Lucía"))
    assert isinstance(client, p.ClientSaved)
    saved = await _ask(
        boss,
        lambda i: p.SaveTask(
            id=i, title="Llamar", due_at=time.time() + 1.0, assignee_id=_me(ana),
            client_id=client.client.id,
        ),
    )  # fmt: skip
    assert isinstance(saved, p.TaskSaved)
    due = await ana.wait_for_type(p.TaskDue)
    assert due.task.client_name == "Lucía"
    snoozed = await _ask(ana, lambda i: p.SnoozeTask(id=i, task_id=saved.task.id, minutes=1))
    assert isinstance(snoozed, p.TaskSaved)
    done = await _ask(ana, lambda i: p.CompleteTask(id=i, task_id=saved.task.id))
    assert isinstance(done, p.TaskSaved) and done.task.done
    mine = await _ask(ana, lambda i: p.ListTasks(id=i, include_done=True))
    assert isinstance(mine, p.TaskList) and [t.id for t in mine.tasks] == [saved.task.id]
    own = await _ask(ana, lambda i: p.SaveTask(id=i, title="mine", due_at=time.time() + 999))
    assert isinstance(own, p.TaskSaved)
    other = AgentClient(relay.ws_url)
    await relay.add_agent("bea@example.com", "bea-password-1", "Bea")
    await other.sign_in("bea@example.com", "bea-password-1")
    theirs = await _ask(other, lambda i: p.ListTasks(id=i, include_done=True))
    assert isinstance(theirs, p.TaskList) and theirs.tasks == []
    with pytest.raises(RelayError):
        await _ask(other, lambda i: p.CompleteTask(id=i, task_id=own.task.id))
    assert relay.relay.crm.reminders.fired == 1
    for c in (ana, boss, other):
        await c.close()


async def test_r3_deal_moves_live_to_won_stage_in_use_and_money_in_minor_units(
    relay: RelayHandle,
) -> None:
    """R3/K4: an admin makes a funnel (open stages, then fixed won/lost); Ana creates a deal
    (value in cents with its currency; a float is refused) and moves it to "won": Boss's board
    gets each change live, with a ``deal_changed`` webhook row each. A stage with deals
    cannot be deleted; a funnel with deals is deleted only by moving them."""
    ana, boss = await _agent(relay), await _agent(relay, admin=True)
    await _ask(
        boss, lambda i: p.SaveWebhook(id=i, url="http://127.0.0.1:9/", events=["deal_changed"])
    )
    settings = await _ask(
        boss,
        lambda i: p.SaveFunnel(
            id=i, name="Ventas",
            stages=[p.StageEdit(name="Nuevo"), p.StageEdit(name="Propuesta", time_limit_hours=1)],
        ),
    )  # fmt: skip
    assert isinstance(settings, p.CrmSettings)
    (funnel,) = settings.funnels
    assert [s.kind for s in funnel.stages] == ["open", "open", "won", "lost"]
    new, offer, won, _lost = funnel.stages
    with pytest.raises(RelayError) as refused:
        await ana.request(
            lambda i: p.SaveDeal(id=i, title="x", funnel_id=funnel.id, value_minor=1.5)
        )  # type: ignore[arg-type]
    assert refused.value.code == "invalid"
    deal = await _ask(
        ana,
        lambda i: p.SaveDeal(
            id=i, title="Tienda", funnel_id=funnel.id, value_minor=1234567, currency="EUR"
        ),
    )
    assert isinstance(deal, p.DealSaved)
    assert deal.deal.stage_id == new.id and deal.deal.owner_id == _me(ana)
    seen = await boss.wait_for(lambda f: isinstance(f, p.DealChanged) and f.deal.id == deal.deal.id)
    assert seen.deal.value_minor == 1234567
    moved = await _ask(ana, lambda i: p.MoveDeal(id=i, deal_id=deal.deal.id, stage_id=won.id))
    assert isinstance(moved, p.DealSaved)
    await boss.wait_for(lambda f: isinstance(f, p.DealChanged) and f.deal.stage_id == won.id)
    await _ask(ana, lambda i: p.MoveDeal(id=i, deal_id=deal.deal.id, stage_id=new.id))
    with pytest.raises(RelayError) as refused:
        await _ask(
            boss,
            lambda i: p.SaveFunnel(id=i, funnel_id=funnel.id, name="Ventas",
                                   stages=[p.StageEdit(name="Propuesta", stage_id=offer.id)]),
        )  # fmt: skip
    assert refused.value.code == "in_use"
    with pytest.raises(RelayError) as refused:
        await _ask(boss, lambda i: p.DeleteFunnel(id=i, funnel_id=funnel.id))
    assert refused.value.code == "in_use"
    other = await _ask(
        boss, lambda i: p.SaveFunnel(id=i, name="Otro", stages=[p.StageEdit(name="Uno")])
    )
    assert isinstance(other, p.CrmSettings)
    target = other.funnels[1].stages[0]
    after = await _ask(
        boss, lambda i: p.DeleteFunnel(id=i, funnel_id=funnel.id, move_to_stage_id=target.id)
    )
    assert isinstance(after, p.CrmSettings) and [f.name for f in after.funnels] == ["Otro"]
    moved_to = other.funnels[1].id
    listed = await _ask(ana, lambda i: p.ListDeals(id=i, funnel_id=moved_to))
    assert isinstance(listed, p.DealList) and [d.stage_id for d in listed.deals] == [target.id]
    hooks = await _rows(relay, sa.select(webhook_deliveries.c.event))
    assert [r.event for r in hooks].count("deal_changed") >= 3
    await ana.close()
    await boss.close()


async def test_r2_x4_reminders_fire_once_over_three_nodes(db_url: str) -> None:
    """R2/X4: three nodes on one database and bus all run the reminder timer; ten tasks due
    together each fire exactly once over the nodes (one ``task_due`` each to Ana, on
    whichever node she is), on SQLite and on PostgreSQL."""
    from tests.server.test_cluster_presence import signed_in
    from tests.support.local_cluster import cluster

    async with cluster(db_url, 3) as nodes:
        ana = await signed_in(nodes[1], AGENT_EMAIL, AGENT_PASSWORD)
        due = time.time() + 1.5
        ids = []
        for n in range(10):
            saved = await ana.request(lambda i, n=n: p.SaveTask(id=i, title=f"t{n}", due_at=due))
            assert isinstance(saved, p.TaskSaved)
            ids.append(saved.task.id)
        await until(lambda: sum(r.crm.reminders.fired for r in nodes) == 10, timeout=20)
        await until(lambda: len([f for f in ana.received if isinstance(f, p.TaskDue)]) >= 10)
        await ana.request(lambda i: p.Ping(id=i))  # anything late would be here by now
        fired = sorted(f.task.id for f in ana.received if isinstance(f, p.TaskDue))
        assert fired == sorted(ids)
        assert sum(r.crm.reminders.fired for r in nodes) == 10
        await ana.close()


async def test_r3_a_deal_past_its_stage_limit_is_stale(relay: RelayHandle) -> None:
    """R3: a deal that has sat in an open stage longer than the stage's limit is marked
    stale (from when it entered the stage); moving it on clears the mark; won/lost never are."""
    from server.store.schema import crm_deals

    boss = await _agent(relay, admin=True)
    settings = await _ask(
        boss,
        lambda i: p.SaveFunnel(
            id=i, name="Ventas", stages=[p.StageEdit(name="Nuevo", time_limit_hours=24),
                                        p.StageEdit(name="Propuesta")],
        ),
    )  # fmt: skip
    assert isinstance(settings, p.CrmSettings)
    (funnel,) = settings.funnels
    new, offer, _won, _lost = funnel.stages
    saved = await _ask(boss, lambda i: p.SaveDeal(id=i, title="Viejo", funnel_id=funnel.id))
    assert isinstance(saved, p.DealSaved) and not saved.deal.stale
    two_days_ago = time.time() - 48 * 3600
    await relay.relay.writer.run(
        lambda c: c.execute(sa.update(crm_deals).values(stage_since=two_days_ago))
    )
    listed = await _ask(boss, lambda i: p.ListDeals(id=i, funnel_id=funnel.id))
    assert isinstance(listed, p.DealList) and [d.stale for d in listed.deals] == [True]
    moved = await _ask(boss, lambda i: p.MoveDeal(id=i, deal_id=saved.deal.id, stage_id=offer.id))
    assert isinstance(moved, p.DealSaved) and not moved.deal.stale
    assert new.time_limit_hours == 24
    await boss.close()


async def test_r1_list_filters_by_owner_tag_and_stage_and_pages_by_keyset(
    relay: RelayHandle,
) -> None:
    """R1: the list filters by owner (0: nobody's), tag and funnel stage, sorts by name either
    way, and pages by the ``next`` cursor without repeating or skipping a client."""
    boss = await _agent(relay, admin=True)
    boss_id = _me(boss)
    ids = {}
    for n, name in enumerate(["Carla", "Alba", "Bruno", "Dora", "Elio"]):
        saved = await _ask(
            boss,
            lambda i, n=n, name=name: p.SaveClient(
                id=i, name=name, tags=["vip"] if n % 2 else [], owner_id=boss_id if n < 2 else None
            ),
        )
        assert isinstance(saved, p.ClientSaved)
        ids[name] = saved.client.id
    settings = await _ask(
        boss, lambda i: p.SaveFunnel(id=i, name="V", stages=[p.StageEdit(name="Nuevo")])
    )
    assert isinstance(settings, p.CrmSettings)
    funnel = settings.funnels[0]
    await _ask(boss, lambda i: p.SaveDeal(id=i, title="d", funnel_id=funnel.id,
                                          client_id=ids["Dora"]))  # fmt: skip

    async def names(**filters: object) -> list[str]:
        page = await _ask(boss, lambda i: p.ListClients(id=i, **filters))  # type: ignore[arg-type]
        assert isinstance(page, p.ClientPage)
        return [c.name for c in page.clients]

    assert await names() == ["Alba", "Bruno", "Carla", "Dora", "Elio"]
    assert await names(descending=True) == ["Elio", "Dora", "Carla", "Bruno", "Alba"]
    assert await names(owner_id=boss_id) == ["Alba", "Carla"]
    assert await names(owner_id=0) == ["Bruno", "Dora", "Elio"]
    assert await names(tag="vip") == ["Alba", "Dora"]
    assert await names(stage_id=funnel.stages[0].id) == ["Dora"]
    seen, after = [], ""
    while True:
        page = await _ask(boss, lambda i, after=after: p.ListClients(id=i, limit=2, after=after))
        assert isinstance(page, p.ClientPage)
        seen += [c.name for c in page.clients]
        if not page.next:
            break
        after = page.next
    assert seen == ["Alba", "Bruno", "Carla", "Dora", "Elio"]
    await boss.close()
