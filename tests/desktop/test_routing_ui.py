"""The desktop side of routing: the Agents list of Centro de Atención (C1), Equipo's admin menu
(T3/T4) and the site's routing settings in Ajustes → Canales (K1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.support.relay import RelayHandle
from tests.support.waiting import until


async def _signed_in_app(
    qapp: Any, relay: RelayHandle, data_dir: Path, *, admin: bool = False
) -> DesktopApp:
    app = DesktopApp(qapp, data_dir)
    app.start()
    window = app.sign_in_window
    window.relay.setText(relay.http_url)
    window.email.setText(relay.admin_email if admin else relay.agent_email)
    window.password.setText(relay.admin_password if admin else relay.agent_password)
    QTest.mouseClick(window.button, Qt.MouseButton.LeftButton)
    await until(lambda: app.main_window.isVisible())
    return app


async def test_c1_agents_list_in_inbox_opens_a_chat_with_the_colleague(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any
) -> None:
    """C1: clicking a colleague in the Agents list on the left of Centro de Atención opens a
    chat with them ("Puede chatear con sus colegas al igual que con sus visitantes"), as the
    team page does."""
    app = await _signed_in_app(qapp, relay, data_dir)
    inbox = app.main_window.inbox
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    await until(
        lambda: any("Boss" in inbox.agents.item(i).text() for i in range(inbox.agents.count()))
    )
    row = next(i for i in range(inbox.agents.count()) if "Boss" in inbox.agents.item(i).text())
    inbox.agents.itemClicked.emit(inbox.agents.item(row))
    await until(lambda: app.chats.current and app.chats.chat(app.chats.current).direct)
    assert inbox.header_name.text() == "Boss"
    opened = await boss.wait_for_type(p.ChatOpened)
    assert opened.chat.kind == "direct"
    await boss.close()
    await app.shutdown()
