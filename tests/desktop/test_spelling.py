"""G5: spell check in the message input, with pyspellchecker's shipped dictionaries."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from jivo_desktop.services.app_settings import AppSettings
from jivo_desktop.services.spelling import SpellService, load_dictionary
from jivo_desktop.store import LocalStore
from jivo_desktop.ui.inbox.spelling import SpellCheckAssist


def _position_of(editor: QPlainTextEdit, index: int) -> Any:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(index)
    return editor.cursorRect(cursor).center()


def test_g5_spanish_holaa_is_underlined_and_hola_suggested(
    qtbot: Any, local_store: LocalStore
) -> None:
    """G5: in Spanish, "holaa" gets the wavy underline and its menu offers "hola"; choosing it
    replaces the word; "add to dictionary" is remembered on this computer. The dictionary
    loads in another thread."""
    settings = AppSettings(local_store)
    settings.set_spelling(True, "es")
    threads: list[threading.Thread] = []

    def loader(language: str) -> Any:
        threads.append(threading.current_thread())
        return load_dictionary(language)

    spelling = SpellService(settings, local_store, loader=loader)
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.resize(400, 100)
    assist = SpellCheckAssist(editor, spelling)
    editor.setPlainText("holaa amigo, gracias")
    qtbot.waitUntil(lambda: spelling.ready("es"))
    assert threads and threads[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: assist.underlined() == ["holaa"])

    menu = assist.menu_at(_position_of(editor, 2))
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "hola", texts
    assert "Add “holaa” to the dictionary" in texts
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "hola amigo, gracias"
    assert assist.underlined() == []
    assert assist.menu_at(_position_of(editor, 2)).actions()[0].text() != "hola"

    editor.setPlainText("Holaa Jivoo")
    qtbot.waitUntil(lambda: assist.underlined() == ["Holaa", "Jivoo"])
    menu = assist.menu_at(_position_of(editor, 1))
    assert menu.actions()[0].text() == "Hola"  # the word's own capitalisation
    add = next(a for a in assist.menu_at(_position_of(editor, 8)).actions() if "Add" in a.text())
    add.trigger()
    assert assist.underlined() == ["Holaa"]
    again = SpellService(settings, local_store)
    again.prepare()
    qtbot.waitUntil(lambda: again.ready("es"))
    assert not again.misspelled("jivoo") and again.misspelled("holaa")


def test_g5_off_and_language_switch(qtbot: Any, local_store: LocalStore) -> None:
    """G5: switched off, nothing is marked; another language marks by its own dictionary."""
    settings = AppSettings(local_store)
    settings.set_spelling(True, "ru")
    spelling = SpellService(settings, local_store)
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    assist = SpellCheckAssist(editor, spelling)
    editor.setPlainText("привет приветт")
    qtbot.waitUntil(lambda: assist.underlined() == ["приветт"])
    settings.set_spelling(False)
    assert assist.underlined() == []
    settings.set_spelling(True, "en")
    qtbot.waitUntil(lambda: assist.underlined() == [])
    editor.setPlainText("hello wrold")
    qtbot.waitUntil(lambda: assist.underlined() == ["wrold"])
    assert "world" in spelling.suggestions("wrold")
