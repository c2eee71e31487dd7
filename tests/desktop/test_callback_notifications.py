"""P2 with N4: a callback request as a native notification (freedesktop, through a recording
stand-in for the D-Bus router, as tests/desktop/test_notifications.py): its title says it is a
callback request, its first button is Call, and Call goes the toast's way (accept, dial, log)
instead of only opening the chat."""

from __future__ import annotations

from typing import Any

from jivo_desktop.net.client import AgentClient
from jivo_desktop.platform.notify import FreedesktopNotifier
from jivo_desktop.services.notifications import SETTING
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.store import LocalStore
from server import protocol as p
from tests.desktop.test_notifications import Agent, FakeRouter
from tests.server.test_callbacks import ask, enable_callbacks
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until


async def test_p2_native_notification_of_a_callback_request_calls(
    qapp: Any, relay: RelayHandle, local_store: LocalStore, secrets: Secrets
) -> None:
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    await enable_callbacks(boss, "ES")
    await boss.close()
    local_store.set(SETTING, "native")
    router = FakeRouter()
    notifier = FreedesktopNotifier()
    agent = Agent(local_store, secrets, notifier)
    called: list[int] = []
    agent.toasts.on_call = called.append
    assert await notifier.start(router)
    await agent.sign_in(relay)
    visitor = Visitor(relay.ws_url, relay.site_key)
    try:
        await visitor.connect()
        asked = await ask(visitor, "911 23 45 67", "por la tarde")
        assert isinstance(asked, p.CallbackRequested)
        await until(lambda: len(router.calls("Notify")) == 1)
        _app, _replaces, _icon, title, body, actions, _hints, _timeout = router.calls("Notify")[
            0
        ].body
        assert title == f"Callback request: Client {visitor.visitor_id}"
        assert "+34911234567 · por la tarde" in body
        assert actions == ["accept", "Call", "ignore", "Ignore"]
        await until(lambda: notifier._by_chat.get(asked.chat_id))
        router.emit("ActionInvoked", "us", (notifier._by_chat[asked.chat_id], "accept"))
        await until(lambda: called == [asked.chat_id])
        assert agent.accepted == []  # not the plain Accept: the app's call path takes it
    finally:
        await visitor.close()
        await agent.stop()
