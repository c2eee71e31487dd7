"""P1 on the relay: the call log. An agent logs its calls (about a CRM client or not) and
edits them; it lists only its own, an admin everyone's; the call is on the client's card
timeline; a number that is not digits, a note too long, another agent's call or a client the
agent may not see are refused."""

from __future__ import annotations

import pytest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from tests.support.relay import (
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    AGENT_EMAIL,
    AGENT_PASSWORD,
    RelayHandle,
)
from tests.support.visitor import Visitor


async def _agent(relay: RelayHandle, admin: bool = False) -> AgentClient:
    client = AgentClient(relay.ws_url)
    if admin:
        await client.sign_in(relay.admin_email, relay.admin_password)
    else:
        await client.sign_in(relay.agent_email, relay.agent_password)
    await client.wait_synced()
    return client


async def test_p1_call_log_own_calls_admin_sees_all_and_the_client_timeline(
    relay_any_db: RelayHandle,
) -> None:
    relay = relay_any_db
    agent, admin = await _agent(relay), await _agent(relay, admin=True)
    visitor = Visitor(relay.ws_url, relay.site_key)
    try:
        await visitor.connect()
        rid = visitor.send_frame(lambda i: p.SetContact(id=i, name="Lucía", phone="600111222"))
        assert isinstance(await visitor.answer(rid), p.Ok)
        found = await agent.request(lambda i: p.ListClients(id=i, query="lucía"))
        assert isinstance(found, p.ClientPage) and len(found.clients) == 1
        client_id = found.clients[0].id

        logged = await agent.request(
            lambda i: p.LogCall(id=i, number="+34600111222", client_id=client_id)
        )
        assert isinstance(logged, p.CallLogged)
        call = logged.call
        assert (call.outcome, call.direction, call.client_name) == ("", "out", "Lucía")
        assert call.agent_name == "Ana"
        # The log dialog tells how it went.
        changed = await agent.request(
            lambda i: p.LogCall(
                id=i, call_id=call.id, number=call.number, client_id=client_id,
                outcome="answered", duration=125, note="Wants a quote",
            )
        )  # fmt: skip
        assert isinstance(changed, p.CallLogged)
        assert (changed.call.id, changed.call.outcome, changed.call.duration) == (
            call.id, "answered", 125,
        )  # fmt: skip
        theirs = await admin.request(
            lambda i: p.LogCall(id=i, number="+442079460958", direction="in", outcome="busy")
        )
        assert isinstance(theirs, p.CallLogged)

        mine = await agent.request(lambda i: p.ListCalls(id=i))
        assert isinstance(mine, p.CallList)
        assert [c.id for c in mine.calls] == [call.id]  # not the admin's
        everyone = await admin.request(lambda i: p.ListCalls(id=i))
        assert isinstance(everyone, p.CallList)
        assert {c.id for c in everyone.calls} == {call.id, theirs.call.id}
        only_ana = await admin.request(lambda i: p.ListCalls(id=i, agent_id=call.agent_id))
        assert isinstance(only_ana, p.CallList) and [c.id for c in only_ana.calls] == [call.id]

        card = await agent.request(lambda i: p.GetClient(id=i, client_id=client_id))
        assert isinstance(card, p.ClientCard)
        on_card = [e for e in card.timeline if e.kind == "call"]
        assert len(on_card) == 1 and on_card[0].call is not None
        assert (on_card[0].call.outcome, on_card[0].text) == ("answered", "Wants a quote")

        # An agent cannot change another agent's call (the relay does not say it exists).
        with pytest.raises(RelayError) as refused:
            await agent.request(
                lambda i: p.LogCall(id=i, call_id=theirs.call.id, number="+442079460958")
            )
        assert refused.value.code == "not_found"
        with pytest.raises(RelayError) as refused:
            await agent.request(lambda i: p.LogCall(id=i, number="600111222", client_id=99999))
        assert refused.value.code == "not_found"
    finally:
        await visitor.close()
        await agent.close()
        await admin.close()


@pytest.mark.parametrize(
    "bad",
    [
        {"number": "call me"},
        {"number": "+34 600 111 222"},  # the app sends E.164
        {"number": "1" * 40},
        {"number": "600111222", "duration": 86401},
        {"number": "600111222", "note": "x" * 2001},
        {"number": "600111222", "outcome": "lost"},
    ],
)
async def test_p1_bad_call_log_input_is_refused(relay: RelayHandle, bad: dict[str, object]) -> None:
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.agent_email, relay.agent_password)
    try:
        with pytest.raises(RelayError) as refused:
            await agent.request(lambda i: p.LogCall(id=i, **bad))  # type: ignore[arg-type]
        assert refused.value.code in ("invalid", "malformed")
    finally:
        await agent.close()


async def test_p1_a_logged_call_without_client_finds_the_client_by_its_number(
    relay_any_db: RelayHandle,
) -> None:
    """P1: an incoming call a softphone's hook reported (E.164, no client) lands on the CRM
    client with that phone, however it was typed (read in its site's country, E.164 compared);
    a number no client has, or a client the agent may not see, is logged without a client."""
    from tests.server.test_callbacks import enable_callbacks

    relay = relay_any_db
    agent, admin = await _agent(relay), await _agent(relay, admin=True)
    visitor = Visitor(relay.ws_url, relay.site_key)
    try:
        await enable_callbacks(admin, country="ES", on=False)  # the site's country: Spain
        await visitor.connect()
        rid = visitor.send_frame(lambda i: p.SetContact(id=i, name="Lucía", phone="600 11 12 22"))
        assert isinstance(await visitor.answer(rid), p.Ok)
        found = await agent.request(lambda i: p.ListClients(id=i, query="lucía"))
        assert isinstance(found, p.ClientPage) and len(found.clients) == 1
        lucia = found.clients[0].id
        london = await admin.request(
            lambda i: p.SaveClient(id=i, name="Bruno", phone="0044 20 7946 0958")
        )
        assert isinstance(london, p.ClientSaved)
        # Same digits but not the same number: Spain has no trunk 0 ("0600..." does not read).
        other = await admin.request(lambda i: p.SaveClient(id=i, name="Cero", phone="060 011 1222"))
        assert isinstance(other, p.ClientSaved)

        async def logged(who: AgentClient, number: str) -> p.CallInfo:
            answer = await who.request(lambda i: p.LogCall(id=i, number=number, direction="in"))
            assert isinstance(answer, p.CallLogged)
            return answer.call

        call = await logged(agent, "+34600111222")
        assert (call.client_id, call.client_name) == (lucia, "Lucía")
        assert (await logged(agent, "+442079460958")).client_id == london.client.id
        assert (await logged(agent, "+34600999888")).client_id is None
        # A client without a name: the call carries its visitor (the app names it after it).
        assert call.visitor is None
        nameless = Visitor(relay.ws_url, relay.site_key)
        try:
            await nameless.connect()
            rid = nameless.send_frame(lambda i: p.SetContact(id=i, phone="622 33 44 55"))
            assert isinstance(await nameless.answer(rid), p.Ok)
            unnamed = await logged(agent, "+34622334455")
        finally:
            await nameless.close()
        assert unnamed.client_id is not None and unnamed.client_name == ""
        assert unnamed.visitor is not None and unnamed.visitor.id == nameless.visitor_id
        assert (await logged(agent, "600111222")).client_id is None  # not E.164: not guessed
        card = await agent.request(lambda i: p.GetClient(id=i, client_id=lucia))
        assert isinstance(card, p.ClientCard)
        assert [e.call.id for e in card.timeline if e.kind == "call" and e.call] == [call.id]

        # Only the clients the agent may see: the admin's own client stays hidden from it.
        mine = await admin.request(
            lambda i: p.SaveClient(
                id=i, name="Secreto", phone="+34 611 222 333", owner_id=admin.welcome.agent.id
            )
        )  # type: ignore[union-attr]
        assert isinstance(mine, p.ClientSaved)
        assert isinstance(
            await admin.request(lambda i: p.SetCrmVisibility(id=i, clients_visibility="own")),
            p.CrmSettings,
        )
        assert (await logged(agent, "+34611222333")).client_id is None
        assert (await logged(admin, "+34611222333")).client_id == mine.client.id
    finally:
        await visitor.close()
        await agent.close()
        await admin.close()


async def test_p1_a_logged_call_is_pushed_to_the_agents_devices_and_the_admins(
    sqlite_url: str,
) -> None:
    """P1: a call logged on one device reaches the agent's other devices and every admin's
    call log through the bus, on whichever node they are (an admin's change reaches the
    agent); another agent gets none."""
    from tests.server.test_cluster_presence import signed_in
    from tests.support.local_cluster import BEA_EMAIL, BEA_PASSWORD, cluster

    async with cluster(sqlite_url, 2) as nodes:
        ana = await signed_in(nodes[0], AGENT_EMAIL, AGENT_PASSWORD)
        ana_phone = await signed_in(nodes[1], AGENT_EMAIL, AGENT_PASSWORD)
        admin = await signed_in(nodes[1], ADMIN_EMAIL, ADMIN_PASSWORD)
        bea = await signed_in(nodes[0], BEA_EMAIL, BEA_PASSWORD)
        try:
            logged = await ana.request(lambda i: p.LogCall(id=i, number="+34600111222"))
            assert isinstance(logged, p.CallLogged)
            call = logged.call

            def pushed(outcome: str) -> object:
                return lambda f: (
                    isinstance(f, p.CallChanged)
                    and f.call.id == call.id
                    and f.call.outcome == outcome
                )

            for device in (ana_phone, admin):
                await device.wait_for(pushed(""))
            changed = await admin.request(
                lambda i: p.LogCall(id=i, call_id=call.id, number=call.number, outcome="busy")
            )
            assert isinstance(changed, p.CallLogged)
            for device in (ana, ana_phone):
                await device.wait_for(pushed("busy"))
            own = await bea.request(lambda i: p.LogCall(id=i, number="+34600999888"))
            assert isinstance(own, p.CallLogged)
            await bea.wait_for(lambda f: isinstance(f, p.CallChanged) and f.call.id == own.call.id)
            await admin.wait_for(
                lambda f: isinstance(f, p.CallChanged) and f.call.id == own.call.id
            )
            assert not [
                f for f in bea.received if isinstance(f, p.CallChanged) and f.call.id == call.id
            ]
        finally:
            for client in (ana, ana_phone, admin, bea):
                await client.close()
