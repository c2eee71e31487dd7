"""The chat actions in the desktop app, end to end: the widget in Chromium, the relay, the app
(Ana) and a scripted colleague (Boss). Quick phrase by shortcut (C12), comment (C10), invite
and collision control (C7, C18), transfer with Ctrl+T and a note (C9), an invitation offer in
the app, and block with Ctrl+B and its confirmation (C8). Screenshots go to tests/artifacts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from jivo_desktop.ui.inbox.block_dialog import BlockDialog
from jivo_desktop.ui.inbox.colleague_dialog import ColleagueDialog
from jivo_desktop.ui.notifications.invitation_toast import visible_cards
from server import protocol as p
from tests.e2e.widget_support import open_widget_page, signed_in_agent
from tests.support.relay import RelayHandle
from tests.support.screens import grab_with_popup
from tests.support.waiting import until

pytestmark = pytest.mark.browser

PHRASE = "¡Hola! Soy Ana, ¿en qué puedo ayudarle?"
NOTE = "NOTE-T77: quiere devolver la maceta, ya tiene el número de pedido"
COMMENT = "COMMENT-C55: cliente habitual, trato preferente"


async def test_chat_actions_in_the_app(
    qapp: Any, relay: RelayHandle, browser: Browser, tmp_path: Path, artifacts: Path, secrets: Any
) -> None:
    """C12, C10, C7, C18, C9 (Ctrl+T), C8 (Ctrl+B) from the app's toolbar and composer; the
    widget never receives the note or the comment; the blocked visitor cannot write."""
    await relay.offer_to_everyone()  # written for the rule all
    app = DesktopApp(qapp, tmp_path / "ana")
    app.start()
    assert await app.session.sign_in_async(
        relay.http_url, relay.agent_email, relay.agent_password, False
    )
    window = app.main_window
    window.resize(1280, 760)
    inbox = window.inbox
    bar = inbox.conversation.chat_actions_bar
    async with signed_in_agent(relay) as boss:
        boss_id = boss.welcome.agent.id  # type: ignore[union-attr]
        wp = await open_widget_page(browser, relay.demo_url)
        try:
            # C12: a colleague adds a phrase; it reaches this app live.
            await boss.save_phrase("hi", PHRASE)
            await until(lambda: any(x.shortcut == "hi" for x in app.phrases.phrases))

            await wp.open()
            await wp.wait_ready()
            await wp.say("Hola, ¿me ayudan con una devolución?")
            await until(lambda: app.chats.waiting())
            chat_id = app.chats.waiting()[0].id
            assert await app.chats.accept_async(chat_id)
            await until(
                lambda: (
                    inbox.conversation.composer.isEnabled() and bar.buttons["transfer"].isEnabled()
                )
            )
            await until(lambda: inbox.conversation.messages_model.rowCount() >= 2)
            for name in ("invite", "transfer", "block", "leave"):
                assert bar.buttons[name].isVisible()
            assert "Ctrl+T" in bar.buttons["transfer"].toolTip()
            assert "Ctrl+B" in bar.buttons["block"].toolTip()
            bar.grab().save(str(artifacts / "actions-toolbar.png"))

            # C12: "/hi" in the composer offers the phrase; Enter takes it, Enter sends it.
            inbox.conversation.composer.setFocus()
            QTest.keyClicks(inbox.conversation.composer, "/h")
            await until(lambda: inbox.conversation.phrase_popup.isVisible())
            assert inbox.conversation.phrase_popup.count() == 1
            grab_with_popup(
                window, inbox.conversation.phrase_popup, artifacts / "actions-phrase-popup.png"
            )
            QTest.keyClick(inbox.conversation.composer, Qt.Key.Key_Return)
            assert inbox.conversation.composer.toPlainText() == PHRASE
            assert not inbox.conversation.phrase_popup.isVisible()
            QTest.keyClick(inbox.conversation.composer, Qt.Key.Key_Return)
            await wp.wait_text(PHRASE, author="agent")

            # C10: a comment, a bubble of its own kind; never in the widget.
            QTest.mouseClick(
                inbox.conversation.reply_channel.comment_button, Qt.MouseButton.LeftButton
            )
            assert inbox.conversation.reply_channel.comment_mode
            QTest.keyClicks(inbox.conversation.composer, COMMENT)
            QTest.keyClick(inbox.conversation.composer, Qt.Key.Key_Return)
            chat = app.chats.chat(chat_id)
            assert chat is not None
            await until(
                lambda: any(m.kind == "comment" and m.state == "sent" for m in chat.messages)
            )
            QTest.mouseClick(
                inbox.conversation.reply_channel.chat_button, Qt.MouseButton.LeftButton
            )

            # C7: invite Boss from the toolbar's dialog; C18: Boss viewing and typing shows.
            bar.open_invite()
            dialog = bar.dialog
            assert isinstance(dialog, ColleagueDialog)
            await until(lambda: dialog.list.count() == 1)
            dialog.select_agent(boss_id)
            QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
            invitation = await boss.wait_for_type(p.InvitationOffered)
            assert invitation.invitation.kind == "invite"
            await boss.answer_invitation(invitation.invitation.id, True)
            await wp.page.locator(
                "#jivo-chat-widget [data-testid=system]", has_text="Boss joined the chat"
            ).first.wait_for(timeout=10_000)
            await boss.view_chat(chat_id, True)
            await until(lambda: "Boss is viewing" in inbox.conversation.collision.text())
            await boss.typing(chat_id, True)
            await until(lambda: "Boss is typing" in inbox.conversation.collision.text())
            await boss.send_message(chat_id, "Nota para Ana", comment=True)
            await until(lambda: sum(m.kind == "comment" for m in chat.messages) == 2)
            window.grab().save(str(artifacts / "actions-comment-and-collision.png"))
            await boss.typing(chat_id, False)
            await boss.leave_chat(chat_id)
            await until(lambda: chat.info.members == [app.chats.me])

            # C9: Ctrl+T opens the transfer dialog; Boss declines, then accepts.
            window.shortcuts["transfer"].activated.emit()
            dialog = bar.dialog
            assert isinstance(dialog, ColleagueDialog) and dialog.mode == "transfer"
            await until(lambda: dialog.list.count() == 1 and "chat" in dialog.list.item(0).text())
            assert "Boss" in dialog.list.item(0).text() and "online" in dialog.list.item(0).text()
            dialog.note.setPlainText(NOTE)
            dialog.grab().save(str(artifacts / "actions-transfer-dialog.png"))
            QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
            offer = await boss.wait_for(
                lambda f: isinstance(f, p.InvitationOffered) and f.invitation.kind == "transfer"
            )
            assert offer.invitation.note == NOTE
            await boss.answer_invitation(offer.invitation.id, False)
            await until(lambda: "declined" in inbox.conversation.action_notice.text())
            assert chat_id in app.chats.chats  # still Ana's

            window.shortcuts["transfer"].activated.emit()
            dialog = bar.dialog
            assert isinstance(dialog, ColleagueDialog)
            await until(lambda: dialog.list.count() == 1)
            dialog.note.setPlainText(NOTE)
            since = len(boss.received)
            QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
            offer = await boss.wait_for(lambda f: isinstance(f, p.InvitationOffered), since=since)
            await boss.answer_invitation(offer.invitation.id, True)
            await until(lambda: chat_id not in app.chats.chats)  # moved to Boss

            # The colleague's offer in the app: Boss transfers it back; Ana accepts in the card.
            await boss.transfer(chat_id, app.chats.me or 0, "Te lo devuelvo")
            await until(lambda: visible_cards(app.invitation_toasts))
            card = visible_cards(app.invitation_toasts)[0]
            card.grab().save(str(artifacts / "actions-invitation-card.png"))
            QTest.mouseClick(card.accept_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
            await until(lambda: app.chats.current == chat_id)
            await until(lambda: bar.buttons["block"].isEnabled())

            # C8: Ctrl+B asks first; Block closes the chat; the widget can no longer write.
            window.shortcuts["block"].activated.emit()
            box = bar.block_box
            assert isinstance(box, BlockDialog) and box.isVisible()
            QTest.mouseClick(box.block_button, Qt.MouseButton.LeftButton)
            await (
                wp.el("notice").filter(has_text="no longer send messages").wait_for(timeout=10_000)
            )
            await until(lambda: chat_id not in app.chats.chats)
            assert await wp.el("input").is_disabled()

            received = json.dumps(wp.received, ensure_ascii=False)
            assert PHRASE in received
            for secret in (NOTE, "NOTE-T77", COMMENT, "COMMENT-C55", "Nota para Ana"):
                assert secret not in received
            assert wp.errors == []
        finally:
            await wp.close()
            await app.shutdown()


async def test_ctrl_w_leaves_the_chat_to_a_colleague_still_in_it(
    qapp: Any, relay: RelayHandle, browser: Browser, tmp_path: Path, secrets: Any
) -> None:
    """C3/C7: Ctrl+W does what the Leave button does: after the question, Ana leaves a chat
    that Boss is also in; the chat goes on with Boss (the visitor's chat is not closed)."""
    await relay.offer_to_everyone()  # written for the rule all
    app = DesktopApp(qapp, tmp_path / "ana")
    app.start()
    assert await app.session.sign_in_async(
        relay.http_url, relay.agent_email, relay.agent_password, False
    )
    window = app.main_window
    inbox = window.inbox
    async with signed_in_agent(relay) as boss:
        boss_id = boss.welcome.agent.id  # type: ignore[union-attr]
        wp = await open_widget_page(browser, relay.demo_url)
        try:
            await wp.open()
            await wp.wait_ready()
            await wp.say("Hola")
            await until(lambda: app.chats.waiting())
            chat_id = app.chats.waiting()[0].id
            assert await app.chats.accept_async(chat_id)
            await until(lambda: inbox.conversation.chat_actions_bar.buttons["invite"].isEnabled())
            inbox.conversation.chat_actions_bar.open_invite()
            dialog = inbox.conversation.chat_actions_bar.dialog
            assert isinstance(dialog, ColleagueDialog)
            await until(lambda: dialog.list.count() == 1)
            dialog.select_agent(boss_id)
            QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
            invitation = await boss.wait_for_type(p.InvitationOffered)
            await boss.answer_invitation(invitation.invitation.id, True)
            chat = app.chats.chat(chat_id)
            assert chat is not None
            await until(lambda: len(chat.info.members) == 2)

            window.shortcuts["close"].activated.emit()
            box = await until(
                lambda: (
                    inbox.conversation.leave_dialog
                    if inbox.conversation.leave_dialog.isVisible()
                    else None
                )
            )
            next(b for b in box.buttons() if b.text() == "Leave chat").click()
            await until(lambda: chat_id not in app.chats.chats)
            left = await boss.wait_for(
                lambda f: isinstance(f, p.EventPush) and f.event.kind in ("left", "closed")
            )
            assert left.event.kind == "left"  # Boss carries on: the chat is not closed
            await wp.page.locator(
                "#jivo-chat-widget [data-testid=system]", has_text="left the chat"
            ).first.wait_for(timeout=10_000)
        finally:
            await wp.close()
            await app.shutdown()
