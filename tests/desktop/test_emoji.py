"""C13 in the app: the emoji catalogue (search by name in the interface language, categories,
recently used first) and the picker under the composer, in colour, in all four languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from jivo_desktop import i18n
from jivo_desktop.app import DesktopApp
from jivo_desktop.services import emoji as emoji_service
from jivo_desktop.services.emoji import EmojiService, category, search
from jivo_desktop.ui.common.emoji_font import colour_emoji_family
from server import protocol as p
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until


class DictStore(dict):  # type: ignore[type-arg]
    def set(self, key: str, value: Any) -> None:
        self[key] = value


def test_c13_search_by_name_in_es_pt_ru() -> None:
    """C13: the picker's search finds an emoji by its name in Spanish, Portuguese and Russian
    (accents optional, any word of the name), and the English name where the language has
    none that matches."""
    assert "🐶" in search("perro", "es")
    assert "❤️" in search("corazon rojo", "es")  # "corazón rojo", typed without the accent
    assert search("pizza", "es")[0] == "🍕"
    assert "🐶" in search("cachorro", "pt")
    assert "❤️" in search("coração", "pt")
    assert "🐶" in search("собака", "ru") or "🐶" in search("собаки", "ru")
    assert "😀" in search("улыбается", "ru")
    assert "🐶" in search("dog", "en")
    assert "🐶" not in search("perro", "en")  # English names in English only
    assert search("dog", "es")  # fallback: the English name still finds it
    assert search("", "es") == [] and search("zzzqqq", "ru") == []


def test_c13_categories_and_recent_first() -> None:
    """C13: every emoji has a tab (faces in smileys, a dog in nature, a flag in flags), no
    skin-tone duplicates, and the recently used ones come first, most recent first, capped."""
    assert category("😀") == "smileys" and category("👍") == "people"
    assert category("🐶") == "nature" and category("🍕") == "food"
    assert category("✈️") == "travel" and category("⚽") == "activities"
    assert category("💡") == "objects" and category("🇪🇸") == "flags"
    service = EmojiService(DictStore())
    smileys = service.in_category("smileys", "en")
    assert smileys[0] == "😀"
    every = [c for name in service.categories() for c in service.in_category(name, "en")]
    assert len(every) == len(set(every)) > 1500
    assert not any(0x1F3FB <= ord(x) <= 0x1F3FF for c in every for x in c)
    assert service.recent() == []
    for char in ["😀", "🐶", "😀", "🍕"]:
        service.used(char)
    assert service.recent() == ["🍕", "😀", "🐶"]
    for char in smileys[:40]:
        service.used(char)
    assert len(service.recent()) == emoji_service.MAX_RECENT


def _colourful_pixels(image: QImage) -> int:
    """Pixels of a saturated colour: a black-and-white emoji font has none."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = QColor(image.pixel(x, y))
            if colour.hsvSaturation() > 120 and colour.value() > 80:
                count += 1
    return count


async def test_c13_emoji_picker_in_the_composer(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """C13: in the tool row under the composer, Emoji (tooltip with its shortcut) and Ctrl+E
    open the picker; typing a name in the interface language (es, pt, ru, en) and Enter insert
    the emoji; the visitor receives it; the next opening shows it first among the recent ones.
    The picker draws in colour (the colour emoji font). Screenshots in all four languages."""
    app = DesktopApp(qapp, data_dir)
    app.start()
    await app.session.sign_in_async(relay.http_url, relay.agent_email, relay.agent_password, False)
    window = app.main_window
    window.resize(1180, 740)
    await until(lambda: window.isVisible())
    pane = window.inbox.conversation
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    try:
        await visitor.say("hola")
        await until(lambda: app.chats.waiting())
        chat_id = app.chats.waiting()[0].id
        app.chats.accept(chat_id)
        await until(lambda: app.chats.current == chat_id and pane.composer.isEnabled())
        assert pane.emoji_button.isVisible()
        assert "Ctrl+E" in pane.emoji_button.toolTip()
        window.grab().save(str(artifacts / "composer-tool-row-en.png"))
        assert colour_emoji_family() == "Noto Color Emoji"

        picker = pane.emoji_picker
        words = {"es": "perro", "pt": "cachorro", "ru": "собака", "en": "dog"}
        for language, word in words.items():
            assert i18n.apply_language(language) == language
            await until(lambda: pane.emoji_button.text() != "")
            window.activateWindow()  # shortcuts work in the active window
            await until(lambda: window.isActiveWindow())
            pane.composer.setFocus()
            QTest.keyClick(pane.composer, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
            await until(lambda: picker.isVisible())
            assert picker.search.hasFocus() or picker.search.isVisible()
            await until(lambda: picker.grid.count() > 0)
            shot = picker.grab().toImage()
            shot.save(str(artifacts / f"composer-emoji-picker-{language}.png"))
            assert _colourful_pixels(shot) > 200, "the emoji are not drawn in colour"
            picker.search.insert(word)  # QTest.keyClicks aborts on Cyrillic letters
            assert "🐶" in picker.shown_emojis() or "🐕" in picker.shown_emojis()
            picker.grab().save(str(artifacts / f"composer-emoji-search-{language}.png"))
            first = picker.shown_emojis()[0]
            QTest.keyClick(picker.search, Qt.Key.Key_Return)
            await until(lambda: not picker.isVisible())
            assert pane.composer.toPlainText() == first
            QTest.keyClick(pane.composer, Qt.Key.Key_Return)
            await visitor.wait_for(
                lambda f, e=first: isinstance(f, p.EventPush) and f.event.text == e
            )
            # recently used first: the next opening starts on that tab, with it first
            pane.open_emoji_picker()
            await until(lambda: picker.isVisible())
            assert picker.tabs.currentIndex() == 0 and picker.shown_emojis()[0] == first
            QTest.keyClick(picker.search, Qt.Key.Key_Escape)
            await until(lambda: not picker.isVisible())
            window.grab().save(str(artifacts / f"composer-tool-row-{language}.png"))
    finally:
        i18n.apply_language("en")
        await visitor.close()
        await app.shutdown()
