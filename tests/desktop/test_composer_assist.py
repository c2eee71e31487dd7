"""G2 and G5 in the real app: the composer of Centro de Atención learns what the agent sends to
a real visitor, offers it again (Tab), and underlines a misspelled word."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop.app import DesktopApp
from server import protocol as p
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until

PHRASE = "Thanks for waiting, I am checking your order now."


async def test_g2_g5_composer_learns_sent_phrases_and_checks_spelling(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """G2: a phrase sent twice to a visitor is offered after "Tha" and Tab completes it; G5:
    "wrold" gets the wavy underline in the same composer (English spell check)."""
    app = DesktopApp(qapp, data_dir)
    app.settings.set_spelling(True, "en")
    app.start()
    await app.session.sign_in_async(relay.http_url, relay.agent_email, relay.agent_password, False)
    window = app.main_window
    window.resize(1180, 740)
    await until(lambda: window.isVisible())
    inbox = window.inbox
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hello?")
    await until(lambda: app.chats.waiting())
    chat_id = app.chats.waiting()[0].id
    app.chats.accept(chat_id)
    await until(lambda: app.chats.current == chat_id and inbox.conversation.composer.isEnabled())
    for _ in range(2):
        QTest.keyClicks(inbox.conversation.composer, PHRASE)
        QTest.keyClick(inbox.conversation.composer, Qt.Key.Key_Return)
        await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == PHRASE)
    assert inbox.conversation.composer.toPlainText() == ""

    QTest.keyClicks(inbox.conversation.composer, "Tha")
    assert app.hint_assist.suggestion == PHRASE[3:]
    assert app.hint_assist.ghost.isVisible()
    window.grab().save(str(artifacts / "composer-typing-hint-en.png"))
    QTest.keyClick(inbox.conversation.composer, Qt.Key.Key_Tab)
    assert inbox.conversation.composer.toPlainText() == PHRASE

    inbox.conversation.composer.clear()
    QTest.keyClicks(inbox.conversation.composer, "hello wrold")
    await until(lambda: app.spelling.ready("en"))
    assert app.spell_assist.underlined() == []  # still typing that word
    QTest.keyClicks(inbox.conversation.composer, " ")
    await until(lambda: app.spell_assist.underlined() == ["wrold"])
    window.grab().save(str(artifacts / "composer-spell-check-en.png"))
    await visitor.close()
    await app.shutdown()
