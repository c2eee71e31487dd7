"""Issue 17 end to end: a visitor chats in the widget (headless Chromium), the agent makes a
deal and a task from the client panel of the desktop app; the task's reminder fires on time
and Open brings the chat up; the deal dragged to "won" on the board updates a second agent's
board live; an agent without access to the client is refused by the relay."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from tests.e2e.widget_support import open_widget_page
from tests.support.relay import RelayHandle
from tests.support.waiting import until

pytestmark = pytest.mark.browser


async def _app(qapp: Any, relay: RelayHandle, folder: Path, email: str, password: str):  # type: ignore[no-untyped-def]
    app = DesktopApp(qapp, folder)
    app.start()
    assert await app.session.sign_in_async(relay.http_url, email, password, False)
    return app


async def test_r1_r2_r3_c6_deal_and_task_from_the_chat_reminder_board_and_access(
    qapp: Any, relay: RelayHandle, browser: Browser, tmp_path: Path, artifacts: Path, secrets: Any
) -> None:
    """R1, R2, R3, C6, K4 across widget, relay and two apps (see the module docstring)."""
    await relay.offer_to_everyone()  # Ana is offered the chat whoever is less busy
    admin = AgentClient(relay.ws_url)
    await admin.sign_in(relay.admin_email, relay.admin_password)
    settings = await admin.request(
        lambda i: p.SaveFunnel(
            id=i, name="Ventas", visibility="own", stages=[p.StageEdit(name="Nuevo")]
        )
    )
    assert isinstance(settings, p.CrmSettings)
    new, won, _lost = settings.funnels[0].stages
    await admin.request(lambda i: p.SetCrmVisibility(id=i, clients_visibility="own"))
    await relay.add_agent("bea@example.com", "bea-password-1", "Bea")
    ana = await _app(qapp, relay, tmp_path / "ana", relay.agent_email, relay.agent_password)
    boss = await _app(qapp, relay, tmp_path / "boss", relay.admin_email, relay.admin_password)
    bea = AgentClient(relay.ws_url)
    await bea.sign_in("bea@example.com", "bea-password-1")
    wp = await open_widget_page(browser, relay.demo_url)
    try:
        await wp.open()
        await wp.wait_ready()
        await wp.say("Quiero 20 macetas para la oficina")
        await until(lambda: ana.chats.waiting())
        chat = ana.chats.waiting()[0]
        ana.chats.accept(chat.id)
        await until(lambda: ana.chats.current == chat.id)
        window = ana.main_window
        window.resize(1180, 740)
        box = window.inbox.client_panel.crm_box
        assert box is not None
        await until(lambda: box.client is not None and box.add_deal.isEnabled())
        assert box.client is not None
        client_id = box.client.id
        ana_id = ana.session.agent.id
        ana.crm.save_client(client_id, owner_id=ana_id)  # Ana's client now (C5)
        await until(lambda: any(c.id == client_id and c.owner_id == ana_id
                                for c in ana.crm.clients))  # fmt: skip

        # C6: a deal and a task from the client panel, in one step each.
        box.deal_title.setText("20 macetas")
        box.deal_value.setText("480")
        QTest.mouseClick(box.add_deal, Qt.MouseButton.LeftButton)
        await until(lambda: box.deals.count() == 1)
        box.task_title.setText("Enviar presupuesto")
        QTest.mouseClick(box.add_task, Qt.MouseButton.LeftButton)
        await until(lambda: box.tasks.count() == 1)
        (task,) = ana.crm.tasks.values()
        assert task.client_id == client_id and task.chat_id == chat.id
        window.grab().save(str(artifacts / "e2e-crm-client-panel.png"))

        # R2: the task is brought forward to a short due time: the reminder comes on time.
        window.nav.setCurrentRow(1)
        due = time.time() + 2.0
        ana.crm.save_task(task_id=task.id, title=task.title, due_at=due, client_id=client_id,
                          chat_id=chat.id)  # fmt: skip
        await until(lambda: ana.reminder_toasts.cards, timeout=15)
        late = time.time() - due
        assert -0.2 <= late < 3.0, late  # on time (the timer waits for the row's remind_at)
        (card,) = ana.reminder_toasts.cards.values()
        card.grab().save(str(artifacts / "e2e-crm-reminder.png"))
        QTest.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
        await until(lambda: window.pages.currentWidget() is window.inbox)
        assert ana.chats.current == chat.id

        # R3: dragged to "won" on Ana's board; Boss's board follows live.
        window.nav.setCurrentRow(1)
        ana_board = window.crm_page.board
        window.crm_page.show_tab("board")
        await until(lambda: ana_board.columns.get(new.id) and ana_board.columns[new.id].count())
        (deal,) = ana.crm.deals.values()
        assert deal.value_minor == 48000 and deal.client_id == client_id
        boss_board = boss.main_window.crm_page.board
        await until(lambda: boss_board.columns.get(new.id) is not None
                    and boss_board.columns[new.id].count() == 1)  # fmt: skip
        ana_board.columns[won.id].drop_deal(deal.id)
        await until(lambda: boss_board.columns[won.id].count() == 1)
        assert boss_board.columns[new.id].count() == 0
        assert "480.00 EUR" in boss_board.headers[won.id].text()
        boss.main_window.resize(1180, 740)
        boss.main_window.nav.setCurrentRow(1)
        boss.main_window.crm_page.show_tab("board")
        qapp.processEvents()
        boss.main_window.grab().save(str(artifacts / "e2e-crm-board-second-agent.png"))

        # K4: Bea may not see Ana's client: the relay refuses her, not only her list.
        page = await bea.request(lambda i: p.ListClients(id=i))
        assert isinstance(page, p.ClientPage) and client_id not in [c.id for c in page.clients]
        with pytest.raises(RelayError) as refused:
            await bea.request(lambda i: p.GetClient(id=i, client_id=client_id))
        assert refused.value.code == "not_found"
        with pytest.raises(RelayError) as refused:  # nor her deal, in an "own" funnel
            await bea.request(lambda i: p.MoveDeal(id=i, deal_id=deal.id, stage_id=new.id))
        assert refused.value.code == "not_found"
    finally:
        await wp.close()
        await admin.close()
        await bea.close()
        await ana.shutdown()
        await boss.shutdown()
