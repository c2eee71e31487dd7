"""The windows offscreen with real services and a real relay (A1, A4, C1, C2, C3, G11, T1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from jivo_desktop.app import DesktopApp
from server import protocol as p
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until


async def _signed_in_app(qapp: Any, relay: RelayHandle, data_dir: Path) -> DesktopApp:
    app = DesktopApp(qapp, data_dir)
    app.start()
    window = app.sign_in_window
    assert window.isVisible()
    window.relay.setText(relay.http_url)
    window.email.setText(relay.agent_email)
    window.password.setText(relay.agent_password)
    QTest.mouseClick(window.button, Qt.MouseButton.LeftButton)
    await until(lambda: app.main_window.isVisible())
    return app


async def test_sign_in_window_shows_errors_then_signs_in(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """A1: a wrong password shows a clear message in the window; the right one opens the main
    window; A4: signing out returns to the sign-in window."""
    app = DesktopApp(qapp, data_dir)
    app.start()
    window = app.sign_in_window
    window.resize(420, 360)
    window.relay.setText(relay.http_url)
    window.email.setText(relay.agent_email)
    window.password.setText("wrong")
    QTest.mouseClick(window.button, Qt.MouseButton.LeftButton)
    await until(lambda: window.error.isVisible())
    assert window.error.text() == "Wrong e-mail or password."
    window.grab().save(str(artifacts / "desktop-sign-in-error.png"))
    window.password.setText(relay.agent_password)
    QTest.keyClick(window.password, Qt.Key.Key_Return)
    await until(lambda: app.main_window.isVisible())
    assert not window.isVisible()
    assert app.main_window.agent_name.text() == "Ana"
    app.main_window.sign_out_button.click()
    await until(lambda: window.isVisible() and not app.main_window.isVisible())
    await app.shutdown()


async def test_main_window_chat_flow_drafts_and_leave(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """C1/C2/C3: chats appear on the left, the conversation in the centre, the client on the
    right; Accept, answer with Enter; each chat keeps its draft when switching; Leave chat."""
    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    window.resize(1180, 740)
    inbox = window.inbox
    visitors = []
    for i, name in enumerate(("Marta", "Olek")):
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect(page_url=f"https://shop.example/item/{i}")
        request_id = visitor.send_frame(lambda rid, name=name: p.SetContact(id=rid, name=name))
        await visitor.answer(request_id)
        await visitor.say(f"Hola, soy {name}")
        visitors.append(visitor)
    await until(lambda: len(app.chats.order) == 2)
    first, second = app.chats.waiting()
    app.chats.select(first.id)
    assert inbox.conversation.offer_bar.isVisible() and not inbox.conversation.composer.isEnabled()
    QTest.mouseClick(inbox.conversation.accept_button, Qt.MouseButton.LeftButton)
    await until(lambda: app.chats.chat(first.id).info.state == "active")  # type: ignore[union-attr]
    await until(lambda: inbox.conversation.composer.isEnabled())
    assert inbox.conversation.header_name.text() == "Marta"
    assert inbox.client_panel.fields["name"].text() == "Marta"
    inbox.conversation.composer.setFocus()
    inbox.conversation.composer.insertPlainText("Buenos días")  # QTest.keyClicks is ASCII-only
    QTest.keyClick(inbox.conversation.composer, Qt.Key.Key_Return)
    await visitors[0].wait_for(
        lambda f: isinstance(f, p.EventPush) and f.event.text == "Buenos días"
    )
    assert inbox.conversation.composer.toPlainText() == ""
    await until(lambda: inbox.conversation.messages_model.rowCount() >= 3)

    # C2: drafts per chat, kept when switching.
    QTest.keyClicks(inbox.conversation.composer, "draft for Marta")
    app.chats.accept(second.id)
    await until(lambda: app.chats.current == second.id)
    assert inbox.conversation.composer.toPlainText() == ""
    QTest.keyClicks(inbox.conversation.composer, "draft for Olek")
    app.chats.select(first.id)
    assert inbox.conversation.composer.toPlainText() == "draft for Marta"
    app.chats.select(second.id)
    assert inbox.conversation.composer.toPlainText() == "draft for Olek"
    await until(lambda: inbox.conversation.messages_model.rowCount() >= 2)
    window.grab().save(str(artifacts / "desktop-main-window.png"))

    # Ctrl+Up / Ctrl+Down move through the list (G9).
    window.shortcuts["previous"].activated.emit()
    assert app.chats.current == first.id

    # C3: leave the chat, after a question (Ctrl+W asks the same); Cancel keeps it.
    window.shortcuts["close"].activated.emit()
    dialog = await until(
        lambda: (
            inbox.conversation.leave_dialog if inbox.conversation.leave_dialog.isVisible() else None
        )
    )
    assert "Marta" in dialog.text()
    dialog.grab().save(str(artifacts / "desktop-leave-confirm.png"))
    dialog.button(QMessageBox.StandardButton.Cancel).click()
    await until(lambda: not dialog.isVisible())
    assert first.id in app.chats.chats
    QTest.mouseClick(inbox.conversation.leave, Qt.MouseButton.LeftButton)
    dialog = await until(
        lambda: (
            inbox.conversation.leave_dialog if inbox.conversation.leave_dialog.isVisible() else None
        )
    )
    leave = next(b for b in dialog.buttons() if b.text() == "Leave chat")
    leave.click()
    await until(lambda: first.id not in app.chats.chats)
    await visitors[0].wait_for(lambda f: isinstance(f, p.EventPush) and f.event.kind == "closed")
    for visitor in visitors:
        await visitor.close()
    await app.shutdown()


async def test_away_switch_and_team_page(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """G11/T1: the switch sets away (yellow) and back; colleagues appear with live status."""
    from jivo_desktop.net.client import AgentClient

    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    await until(lambda: any(a.status == "online" and a.name == "Boss" for a in app.team.ordered()))
    QTest.mouseClick(window.status_switch, Qt.MouseButton.LeftButton)
    assert app.session.status == "away" and "Away" in window.status_switch.text()
    await boss.wait_for(
        lambda f: (
            isinstance(f, p.AgentPresence) and f.agent.name == "Ana" and f.agent.status == "away"
        )
    )
    window.nav.setCurrentRow(2)
    assert window.pages.currentWidget() is window.team_page
    assert window.team_page.list.count() == 2
    window.resize(900, 520)
    window.grab().save(str(artifacts / "desktop-team.png"))
    window.nav.setCurrentRow(3)  # Teléfono: the dialer (issue 19)
    assert window.pages.currentWidget() is window.phone_page
    await boss.close()
    await app.shutdown()


async def test_click_a_colleague_to_chat(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """T2: clicking a colleague on the team page opens a chat with them in Centro de
    Atención; what the colleague writes arrives there."""
    from jivo_desktop.net.client import AgentClient

    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    await until(lambda: any(a.name == "Boss" and a.status == "online" for a in app.team.ordered()))
    window.nav.setCurrentRow(2)
    page = window.team_page
    row = next(i for i in range(page.list.count()) if "Boss" in page.list.item(i).text())
    item = page.list.item(row)
    page.list.itemClicked.emit(item)
    await until(lambda: app.chats.current and app.chats.chat(app.chats.current).direct)
    assert window.pages.currentWidget() is window.inbox
    assert window.inbox.conversation.header_name.text() == "Boss"
    opened = await boss.wait_for_type(p.ChatOpened)
    await boss.send_message(opened.chat.id, "¿Me ayudas con un cliente?")
    await until(lambda: window.inbox.conversation.messages_model.rowCount() == 1)
    window.inbox.conversation.composer.insertPlainText("Claro")
    QTest.keyClick(window.inbox.conversation.composer, Qt.Key.Key_Return)
    await boss.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "Claro")
    await boss.close()
    await app.shutdown()


async def test_receipts_show_in_the_conversation(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any
) -> None:
    """C19: the agent's message goes sending -> sent -> delivered -> read as the relay and the
    visitor's widget confirm it; the visitor learns that the agent has read the chat."""
    app = await _signed_in_app(qapp, relay, data_dir)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hola")
    chat_id = await until(lambda: app.chats.waiting() and app.chats.waiting()[0].id)
    app.chats.set_window_active(True)
    assert await app.chats.accept_async(chat_id)
    await until(lambda: app.chats.chat(chat_id).loaded)  # type: ignore[union-attr]
    seen = await visitor.wait_for(lambda f: isinstance(f, p.ReceiptChanged))
    assert seen.reader == "agent" and seen.read_seq >= 1
    app.chats.send(chat_id, "¿En qué le ayudo?")
    chat = app.chats.chat(chat_id)
    assert chat is not None
    await until(lambda: chat.messages[-1].state == "sent")
    seq = chat.messages[-1].seq
    assert seq is not None
    visitor.send_frame(lambda _i: p.Receipt(seq=seq, read=False))
    await until(lambda: chat.messages[-1].state == "delivered")
    visitor.send_frame(lambda _i: p.Receipt(seq=seq, read=True))
    await until(lambda: chat.messages[-1].state == "read")
    await visitor.close()
    await app.shutdown()
