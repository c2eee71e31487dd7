"""The quick-phrase manager (C12) and the blocked-clients dialog (C8) in the app, against a real
relay: add, edit with the pencil, delete; an admin unblocks; an agent has no such menu entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from jivo_desktop.net.client import AgentClient
from jivo_desktop.ui.inbox.block_dialog import BlockDialog
from jivo_desktop.ui.inbox.blocked_dialog import BlockedClientsList, BlockedDialog
from jivo_desktop.ui.inbox.phrases import PhraseEditor, PhraseManager
from server import protocol as p
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until


async def _app(
    qapp: Any, relay: RelayHandle, folder: Path, email: str, password: str
) -> DesktopApp:
    app = DesktopApp(qapp, folder)
    app.start()
    assert await app.session.sign_in_async(relay.http_url, email, password, False)
    return app


async def test_phrase_manager_add_edit_delete_reaches_colleagues(
    qapp: Any, relay: RelayHandle, tmp_path: Path, secrets: Any, artifacts: Path
) -> None:
    """C12: a phrase added, edited (pencil) and deleted in the manager is stored on the relay
    and pushed live to a colleague."""
    app = await _app(qapp, relay, tmp_path / "boss", relay.admin_email, relay.admin_password)
    ana = AgentClient(relay.ws_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)
    try:
        bar = app.main_window.inbox.conversation.chat_actions_bar
        bar.open_phrases()
        manager = bar.dialog
        assert isinstance(manager, PhraseManager)
        QTest.mouseClick(manager.add_button, Qt.MouseButton.LeftButton)
        editor = manager.editor
        assert isinstance(editor, PhraseEditor)
        editor.text.setPlainText("Gracias por escribirnos. ¡Buen día!")
        editor.shortcut.setText("/bye")
        editor._on_buttons_accepted()
        await until(lambda: manager.list.count() == 1)
        pushed = await ana.wait_for_type(p.PhrasesChanged)
        assert [(x.shortcut, x.text) for x in pushed.phrases] == [
            ("bye", "Gracias por escribirnos. ¡Buen día!")
        ]
        manager.resize(460, 380)
        manager.grab().save(str(artifacts / "actions-phrase-manager.png"))

        QTest.mouseClick(manager.edit_button, Qt.MouseButton.LeftButton)
        editor = manager.editor
        assert isinstance(editor, PhraseEditor) and editor.shortcut.text() == "bye"
        editor.text.setPlainText("Gracias, ¡hasta pronto!")
        editor._on_buttons_accepted()
        await until(
            lambda: app.phrases.phrases and app.phrases.phrases[0].text.startswith("Gracias,")
        )
        manager.search.setText("pronto")
        assert manager.list.count() == 1
        QTest.mouseClick(manager.delete_button, Qt.MouseButton.LeftButton)
        await until(lambda: not app.phrases.phrases and manager.list.count() == 0)
        assert await ana.phrases() == []
        manager.close()
    finally:
        await ana.close()
        await app.shutdown()


async def test_admin_unblocks_from_the_dialog_agent_has_no_entry(
    qapp: Any, relay: RelayHandle, tmp_path: Path, secrets: Any, artifacts: Path
) -> None:
    """C8: the blocked clients are listed for an admin, who unblocks one; after that the
    visitor writes again. An agent's app does not offer the list."""
    await relay.offer_to_everyone()  # written for the rule all
    boss = await _app(qapp, relay, tmp_path / "boss", relay.admin_email, relay.admin_password)
    ana = await _app(qapp, relay, tmp_path / "ana", relay.agent_email, relay.agent_password)
    visitor = Visitor(relay.ws_url, relay.site_key)
    try:
        assert not ana.main_window.inbox.conversation.chat_actions_bar.blocked_action.isVisible()
        assert boss.main_window.inbox.conversation.chat_actions_bar.blocked_action.isVisible()
        await visitor.connect()
        await visitor.say("spam")
        await until(lambda: ana.chats.waiting())
        chat_id = ana.chats.waiting()[0].id
        assert await ana.chats.accept_async(chat_id)
        ana.actions.block(chat_id)
        await visitor.wait_for(lambda f: isinstance(f, p.VisitorBlocked))

        bar = boss.main_window.inbox.conversation.chat_actions_bar
        bar.open_blocked()
        dialog = bar.dialog
        assert isinstance(dialog, BlockedDialog)
        await until(lambda: dialog.list.count() == 1)
        assert "127.0.0.1" in dialog.list.item(0).text() and "Ana" in dialog.list.item(0).text()
        dialog.grab().save(str(artifacts / "actions-blocked-clients.png"))
        QTest.mouseClick(dialog.unblock_button, Qt.MouseButton.LeftButton)
        await until(lambda: dialog.list.count() == 0 and dialog.empty.isVisible())
        assert isinstance(await visitor.say("¿ya puedo?"), p.MessageAcked)
        dialog.close()
    finally:
        await visitor.close()
        await ana.shutdown()
        await boss.shutdown()


async def test_b5_c8_two_block_actions_reason_and_ip_only_by_choice(
    qapp: Any, relay: RelayHandle, tmp_path: Path, secrets: Any, artifacts: Path
) -> None:
    """B5 and C8: the block dialog has the guide's two actions ("Bloquear al cliente",
    "Bloquear o Spam") and a reason; it says how many live visitors share the IP address and
    blocks the address only when ticked. A visitor on the same IP keeps writing after a block
    without it; with it, the others are told it is their address (``ip_blocked``). Ajustes →
    Blocked clients shows each block's action, reason and whether the address is blocked."""
    boss = await _app(qapp, relay, tmp_path / "boss", relay.admin_email, relay.admin_password)
    visitors = [Visitor(relay.ws_url, relay.site_key) for _ in range(3)]
    first, second, third = visitors
    try:
        for visitor in visitors:
            await visitor.connect()  # all on 127.0.0.1, like an office behind one address
        await first.say("hola")
        await until(lambda: boss.chats.waiting())
        chat_id = boss.chats.waiting()[0].id
        assert await boss.chats.accept_async(chat_id)

        dialog = BlockDialog(boss.actions, chat_id, "Cliente <b>1</b>")
        dialog.show()
        await until(lambda: dialog.by_ip.isEnabled())
        assert "127.0.0.1" in dialog.by_ip.text() and not dialog.by_ip.isChecked()
        assert dialog.ip_note.text().startswith("2 other visitor")
        assert dialog.question.textFormat() == Qt.TextFormat.PlainText
        dialog.grab().save(str(artifacts / "actions-block-dialog.png"))
        dialog.reason.setText("grosero")
        QTest.mouseClick(dialog.block_button, Qt.MouseButton.LeftButton)
        await first.wait_for(lambda f: isinstance(f, p.VisitorBlocked))
        assert (await first.say("otra vez")).code == "blocked"  # type: ignore[attr-defined]
        # The others on that address were not blocked: what they send arrives.
        assert isinstance(await second.say("sigo aquí"), p.MessageAcked)
        await until(lambda: any(c.id != chat_id for c in boss.chats.waiting()))
        other = next(c.id for c in boss.chats.waiting() if c.id != chat_id)
        assert await boss.chats.accept_async(other)

        dialog = BlockDialog(boss.actions, other, "Cliente 2")
        dialog.show()
        await until(lambda: dialog.by_ip.isEnabled())
        dialog.by_ip.setChecked(True)
        dialog.reason.setText("enlaces de spam")
        QTest.mouseClick(dialog.spam_button, Qt.MouseButton.LeftButton)
        told = await third.wait_for(lambda f: isinstance(f, p.VisitorBlocked))
        assert told.by_ip
        assert (await third.say("¿hola?")).code == "ip_blocked"  # type: ignore[attr-defined]

        blocked = boss.main_window.findChild(BlockedClientsList)
        assert blocked is not None
        boss.actions.refresh_blocked()
        await until(lambda: blocked.list.count() == 2)
        rows = [blocked.list.item(i).text() for i in range(2)]
        assert "Spam: enlaces de spam" in rows[0] and "127.0.0.1 is blocked too" in rows[0]
        assert "Blocked: grosero" in rows[1] and "(not blocked)" in rows[1]
    finally:
        for visitor in visitors:
            await visitor.close()
        await boss.shutdown()


async def test_c12_quick_phrases_button_in_the_composer_searches_labels_and_inserts(
    qapp: Any, relay: RelayHandle, tmp_path: Path, secrets: Any, artifacts: Path
) -> None:
    """C12: the phrase editor has a label (etiqueta) beside the shortcut; the "Quick phrases"
    button in the composer's bottom row opens the search, which finds a phrase by its label,
    and Insert puts the phrase into the composer."""
    app = await _app(qapp, relay, tmp_path / "boss", relay.admin_email, relay.admin_password)
    visitor = Visitor(relay.ws_url, relay.site_key)
    try:
        inbox = app.main_window.inbox
        editor = PhraseEditor(app.phrases, None)
        editor.label.setText("Plazos de envío")
        editor.text.setPlainText("El envío tarda de 2 a 3 días laborables.")
        editor.shortcut.setText("envio")
        editor._on_buttons_accepted()
        await until(lambda: app.phrases.phrases and app.phrases.phrases[0].label)
        assert app.phrases.phrases[0].label == "Plazos de envío"
        await visitor.connect()
        await visitor.say("¿Cuánto tarda el envío?")
        await until(lambda: app.chats.order)
        chat_id = app.chats.order[0]
        assert await app.chats.accept_async(chat_id)
        app.chats.select(chat_id)
        await until(lambda: inbox.conversation.composer.isEnabled())
        assert (
            inbox.conversation.tools_row.isVisibleTo(inbox)
            and inbox.conversation.phrases_button.text()
        )
        QTest.mouseClick(inbox.conversation.phrases_button, Qt.MouseButton.LeftButton)
        manager = inbox.conversation.chat_actions_bar.dialog
        assert isinstance(manager, PhraseManager) and manager.insert_button.isVisible()
        manager.search.setText("plazos")
        assert manager.list.count() == 1
        assert "Plazos de envío" in manager.list.item(0).text()
        manager.grab().save(str(artifacts / "actions-phrase-search.png"))
        QTest.mouseClick(manager.insert_button, Qt.MouseButton.LeftButton)
        assert (
            inbox.conversation.composer.toPlainText() == "El envío tarda de 2 a 3 días laborables."
        )
    finally:
        await visitor.close()
        await app.shutdown()
