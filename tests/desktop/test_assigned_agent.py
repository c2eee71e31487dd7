"""C5 from the client panel: choosing the client's assigned agent routes its next chat there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jivo_desktop.net.client import AgentClient
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.store import LocalStore
from jivo_desktop.ui.inbox.assigned_agent import AssignedAgentBox
from server import protocol as p
from tests.desktop.test_toast import signed_in
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until


async def test_assigned_agent_chosen_in_the_panel_gets_the_next_chat(
    qapp: Any, relay: RelayHandle, local_store: LocalStore, secrets: Secrets, artifacts: Path
) -> None:
    """C5: Ana takes a chat, picks herself as the client's agent in the client panel; the
    relay stores it; the client's next chat is offered to Ana alone (round 0), not to the
    colleague who is online too. Choosing "Nobody" clears it."""
    await relay.offer_to_everyone()  # written for the rule all
    session, chats = await signed_in(relay, local_store, secrets)
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    ana_id = session.agent.id if session.agent else 0
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hola")
    chat_id = await until(lambda: next(iter(chats.chats), 0))
    assert await chats.accept_async(chat_id)
    box = AssignedAgentBox(chats, chats.team)
    box.show_chat(chats.chats[chat_id])
    assert not box.isHidden()
    assert box.combo.currentData() is None  # "Nobody"
    index = box.combo.findData(ana_id)
    box.combo.setCurrentIndex(index)
    box.combo.activated.emit(index)
    await until(lambda: chats.chats[chat_id].info.visitor.assigned_agent_id == ana_id)
    box.resize(240, 60)
    box.grab().save(str(artifacts / "assigned-agent.png"))

    chats.close_chat(chat_id)
    await until(lambda: chat_id not in chats.chats)
    mark = len(boss.received)
    await visitor.say("vuelvo a escribir")
    offer = await until(lambda: next((c for c in chats.chats.values() if c.offered), None))
    assert offer.info.offer_round == 0 and offer.info.visitor.assigned_agent_id == ana_id
    await boss.ping()
    assert not [f for f in boss.received[mark:] if isinstance(f, p.ChatOffered)]

    box.show_chat(offer)
    assert box.combo.currentData() == ana_id
    box.combo.setCurrentIndex(0)
    box.combo.activated.emit(0)
    await until(lambda: chats.chats[offer.id].info.visitor.assigned_agent_id is None)
    box.deleteLater()
    await boss.close()
    await session.shutdown()
    await visitor.close()
