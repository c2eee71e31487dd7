"""G2: typing hints learned from what the agent sends, kept on this computer, offered while
typing; Tab accepts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit

from jivo_desktop.services.app_settings import AppSettings
from jivo_desktop.services.typing_hints import TypingHints
from jivo_desktop.store import LocalStore
from jivo_desktop.ui.inbox.typing_hints import TypingHintAssist

PHRASE = "Thank you for waiting, let me check your order."


class SentMessages(QObject):
    """Stands in for ChatsService's ``message_sent``."""

    message_sent = Signal(int, str)


def test_g2_frequent_phrase_offered_and_tab_accepts(qtbot: Any, local_store: LocalStore) -> None:
    """G2: a phrase sent twice is offered after three typed letters, in grey after the cursor;
    Tab completes it; a phrase sent once is not "frequent" yet; sentences of a longer message
    count on their own; the phrases survive a restart (local database)."""
    settings = AppSettings(local_store)
    chats = SentMessages()
    hints = TypingHints(settings, local_store, chats)
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.resize(520, 80)
    editor.show()
    assist = TypingHintAssist(editor, hints)

    chats.message_sent.emit(1, PHRASE)
    QTest.keyClicks(editor, "Tha")
    assert assist.suggestion == "" and not assist.ghost.isVisible()  # sent once only
    chats.message_sent.emit(2, f"Hello! {PHRASE}")  # its second sentence counts
    editor.clear()
    QTest.keyClicks(editor, "tha")
    assert assist.suggestion == PHRASE[3:]
    assert assist.ghost.isVisible() and assist.ghost.text().startswith("nk you")
    assert assist.ghost.x() >= editor.cursorRect().right()
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "tha" + PHRASE[3:]
    assert not assist.ghost.isVisible()

    editor.setPlainText("All good. Thank you f")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    assert assist.suggestion == "or waiting, let me check your order."
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert not assist.ghost.isVisible()
    QTest.keyClick(editor, Qt.Key.Key_Tab)  # nothing offered: Tab is not swallowed as a hint
    assert "order." not in editor.toPlainText()

    again = TypingHints(settings, local_store)
    assert again.suggest("Thank you") == " for waiting, let me check your order."
    settings.set_typing_hints(False)
    assert again.suggest("Thank you") == ""
    chats.message_sent.emit(3, "Something new and long enough")
    assert "Something new and long enough" not in hints.phrases  # off: nothing learned
