"""The archive: closed and missed chats, searched by text, visitor, agent, date and state."""

from __future__ import annotations

import time

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.server.test_routing import BEA_EMAIL, BEA_PASSWORD, new_chat, site_settings
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor


async def search(agent: AgentClient, **filters: object) -> p.ArchivePage:
    page = await agent.request(lambda i: p.SearchArchive(id=i, **filters))  # type: ignore[arg-type]
    assert isinstance(page, p.ArchivePage)
    return page


async def test_archive_search_by_each_filter(relay_any_db: RelayHandle) -> None:
    """Archive (N3, C3): closed and missed chats found by message text, visitor, agent, date
    and state, in pages; an agent sees the missed chats and its own closed ones, an admin all;
    an archived conversation is readable (history) but not writable."""
    relay = relay_any_db
    await site_settings(relay, rule="all", timeout=0.2)
    bea_id = await relay.add_agent(BEA_EMAIL, BEA_PASSWORD, "Bea")
    ana, bea, boss = AgentClient(relay.ws_url), AgentClient(relay.ws_url), AgentClient(relay.ws_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)
    await bea.sign_in(BEA_EMAIL, BEA_PASSWORD)
    ana_id = ana.welcome.agent.id if ana.welcome else 0
    start = time.time()

    # A chat Ana takes and closes, with a named visitor.
    lucia = Visitor(relay.ws_url, relay.site_key)
    await lucia.connect()
    lucia.send_frame(lambda i: p.SetContact(id=i, name="Lucía Pérez", email="lucia@shop.es"))
    ack = await lucia.say("Busco zapatos rojos")
    closed_id = ack.chat_id
    await ana.accept(closed_id)
    await ana.send_message(closed_id, "Tenemos talla 38")
    await ana.close_chat(closed_id)
    # A chat Bea takes and closes.
    other, other_id = await new_chat(relay, "¿Hacen envíos a Portugal?")
    await bea.accept(other_id)
    await bea.close_chat(other_id)
    # A chat nobody answers: missed once the short offer rounds run out.
    quiet, missed_id = await new_chat(relay, "hola, ¿hay alguien?")
    await quiet.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.kind == "missed", 15)

    await boss.sign_in(relay.admin_email, relay.admin_password)
    everything = await search(boss)
    assert [c.id for c in everything.chats] == [missed_id, other_id, closed_id]
    assert everything.total == 3
    assert {c.id: c.state for c in everything.chats} == {
        missed_id: "missed",
        other_id: "closed",
        closed_id: "closed",
    }
    assert [c.id for c in (await search(boss, text="ZAPATOS")).chats] == [closed_id]
    assert [c.id for c in (await search(boss, text="38")).chats] == [closed_id]
    assert [c.id for c in (await search(boss, visitor="lucía")).chats] == [closed_id]
    assert [c.id for c in (await search(boss, visitor="shop.es")).chats] == [closed_id]
    assert [c.id for c in (await search(boss, visitor=str(other.visitor_id))).chats] == [other_id]
    assert [c.id for c in (await search(boss, agent_id=bea_id)).chats] == [other_id]
    assert [c.id for c in (await search(boss, agent_id=ana_id)).chats] == [closed_id]
    assert [c.id for c in (await search(boss, state="missed")).chats] == [missed_id]
    assert (await search(boss, since=start - 60, until=start + 3600)).total == 3
    assert (await search(boss, until=start - 60)).total == 0
    assert (await search(boss, since=time.time() + 60)).total == 0
    assert (await search(boss, text="100%_")).total == 0  # LIKE wildcards are literal
    page = await search(boss, offset=1, limit=1)
    assert [c.id for c in page.chats] == [other_id] and page.total == 3

    # Ana: her closed chat and the missed one, not Bea's.
    assert [c.id for c in (await search(ana)).chats] == [missed_id, closed_id]
    events = await ana.history(closed_id)
    assert [e.text for e in events if e.kind == "message"] == [
        "Busco zapatos rojos", "Tenemos talla 38",
    ]  # fmt: skip
    assert any(e.kind == "missed" for e in await ana.history(missed_id))
    for agent in (ana, bea, boss):
        await agent.close()
    for visitor in (lucia, other, quiet):
        await visitor.close()
