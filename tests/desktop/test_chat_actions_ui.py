"""The quick-phrase manager (C12) and the blocked-clients dialog (C8) in the app, against a real
relay: add, edit with the pencil, delete; an admin unblocks; an agent has no such menu entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from jivo_desktop.net.client import AgentClient
from jivo_desktop.ui.blocked_dialog import BlockedDialog
from jivo_desktop.ui.phrases import PhraseEditor, PhraseManager
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
        bar = app.main_window.inbox.chat_actions_bar
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
        assert not ana.main_window.inbox.chat_actions_bar.blocked_action.isVisible()
        assert boss.main_window.inbox.chat_actions_bar.blocked_action.isVisible()
        await visitor.connect()
        await visitor.say("spam")
        await until(lambda: ana.chats.waiting())
        chat_id = ana.chats.waiting()[0].id
        assert await ana.chats.accept_async(chat_id)
        ana.actions.block(chat_id)
        await visitor.wait_for(lambda f: isinstance(f, p.VisitorBlocked))

        bar = boss.main_window.inbox.chat_actions_bar
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
