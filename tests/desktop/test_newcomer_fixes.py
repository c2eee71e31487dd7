"""The newcomer's bugs on the desktop (newcomer-1.md): B9 (wording and format), B10 (the
composer back in Chat mode after a comment), B11 (the spell-check language follows the
interface language). A real relay and a scripted visitor where a chat is needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from jivo_desktop import i18n
from jivo_desktop.app import DesktopApp
from jivo_desktop.services.app_settings import AppSettings
from jivo_desktop.services.hotkeys import HotkeyService
from jivo_desktop.store import LocalStore
from jivo_desktop.ui.inbox.client_panel import ClientPanel
from jivo_desktop.ui.settings.general import GeneralSection
from jivo_desktop.ui.settings.hotkeys import HotkeysSection
from server import protocol as p
from tests.desktop.test_i18n import translations  # noqa: F401 - the fixture
from tests.desktop.test_windows import _signed_in_app
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until


class _Away:
    minutes = 10.0
    available = True

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes


class _Notify:
    kind = "toast"

    def set_type(self, kind: str) -> None:
        self.kind = kind


async def _chat(app: DesktopApp, relay: RelayHandle, url: str) -> tuple[Visitor, int]:
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect(page_url=url)
    await visitor.say("Hola, una pregunta")
    await until(lambda: len(app.chats.order) == 1)
    chat_id = app.chats.order[0]
    assert await app.chats.accept_async(chat_id)
    app.chats.select(chat_id)
    await until(lambda: app.main_window.inbox.conversation.composer.isEnabled())
    return visitor, chat_id


async def test_b10_composer_returns_to_chat_after_a_comment(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any
) -> None:
    """B10: after a comment is sent, the composer is back in Chat mode, so the next line
    goes to the visitor (who gets it), not into another private comment."""
    app = await _signed_in_app(qapp, relay, data_dir)
    inbox = app.main_window.inbox
    visitor, _chat_id = await _chat(app, relay, "https://shop.example/")
    try:
        QTest.mouseClick(inbox.conversation.reply_channel.comment_button, Qt.MouseButton.LeftButton)
        assert inbox.conversation.reply_channel.comment_mode
        QTest.keyClicks(inbox.conversation.composer, "Cliente habitual")
        QTest.keyClick(inbox.conversation.composer, Qt.Key.Key_Return)
        assert not inbox.conversation.reply_channel.comment_mode
        QTest.keyClicks(inbox.conversation.composer, "Ahora mismo lo miro")
        QTest.keyClick(inbox.conversation.composer, Qt.Key.Key_Return)
        await visitor.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.text == "Ahora mismo lo miro"
        )
        assert "Cliente habitual" not in visitor.messages()
    finally:
        await visitor.close()
        await app.shutdown()


async def test_b9_chat_header_follows_the_current_page(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any
) -> None:
    """B9: the chat header shows the page the visitor is on now ("Página actual"), not the
    page where the chat began."""
    app = await _signed_in_app(qapp, relay, data_dir)
    inbox = app.main_window.inbox
    visitor, _chat_id = await _chat(app, relay, "https://shop.example/?page=3")
    try:
        await until(lambda: inbox.conversation.header_url.text() == "https://shop.example/?page=3")
        visitor.send_frame(
            lambda _i: p.PageView(url="https://shop.example/?page=2", title="Macetas")
        )
        await until(lambda: inbox.conversation.header_url.text() == "https://shop.example/?page=2")
    finally:
        await visitor.close()
        await app.shutdown()


def test_b11_spell_check_language_follows_the_interface_language(
    qapp: Any,
    local_store: LocalStore,
    translations: Path,  # noqa: F811
) -> None:
    """B11: switching Idioma to Español switches "Check my spelling in" to Spanish at once
    (the service is told, so the Spanish dictionary loads), unless the agent chose another
    spell-check language on purpose."""
    settings = AppSettings(local_store)
    seen: list[tuple[bool, str]] = []
    settings.spelling_changed.connect(lambda on, lang: seen.append((on, lang)))
    section = GeneralSection(settings, _Away(), _Notify())
    assert settings.spelling_language == "en"
    settings.set_language("es")
    assert settings.spelling_language == "es"
    assert seen == [(True, "es")]
    assert section.spelling_language.currentData() == "es"
    # A choice of its own is kept.
    settings.set_spelling(True, "ru")
    settings.set_language("pt")
    assert settings.spelling_language == "ru"
    assert section.spelling_language.currentData() == "ru"
    section.deleteLater()


def test_b9_plural_of_pages_in_every_language(
    qapp: Any,
    translations: Path,  # noqa: F811
) -> None:
    """B9: "1 page this visit", never "1 pages"; each language's plural forms."""
    expected = {
        "en": ("1 page this visit", "2 pages this visit", "5 pages this visit"),
        "es": ("1 página en esta visita", "2 páginas en esta visita", "5 páginas en esta visita"),
        "pt": ("1 página nesta visita", "2 páginas nesta visita", "5 páginas nesta visita"),
        "ru": (
            "1 страница за этот визит",
            "2 страницы за этот визит",
            "5 страниц за этот визит",
        ),
    }
    panel = ClientPanel()
    for language, texts in expected.items():
        i18n.apply_language(language)
        assert tuple(panel.pages_text(n) for n in (1, 2, 5)) == texts, language
    panel.deleteLater()


def test_b9_archive_dates_and_hotkeys_in_the_interface_language(
    qapp: Any,
    local_store: LocalStore,
    translations: Path,  # noqa: F811
) -> None:
    """B9: the archive's date filters read with separators in the language's own order
    ("2/11/2026" in Spanish, "02.11.2026" in Russian), and the hotkeys page says
    "Control+Arriba", not "Ctrl+Up", once the interface is Spanish."""
    from jivo_desktop.services.archive import ArchiveService
    from jivo_desktop.services.chats import ChatsService
    from jivo_desktop.services.secrets import Secrets
    from jivo_desktop.services.session import SessionService
    from jivo_desktop.services.team import TeamService
    from jivo_desktop.services.translator import TranslatorService
    from jivo_desktop.ui.inbox.archive import ArchivePanel

    session = SessionService(local_store, Secrets())
    translator = TranslatorService(ChatsService(session, local_store))
    panel = ArchivePanel(ArchiveService(session), TeamService(session), translator)
    hotkeys = HotkeysSection(HotkeyService(local_store))
    from PySide6.QtCore import QDate

    panel.since.setDate(QDate(2026, 11, 2))
    for language, text in (("es", "2/11/2026"), ("ru", "02.11.2026"), ("en", "11/2/2026")):
        i18n.apply_language(language)
        qapp.processEvents()
        assert panel.since.text() == text, language
    i18n.apply_language("es")
    qapp.processEvents()
    shown = hotkeys.edits["previous"].findChild(QLineEdit)
    assert shown is not None
    assert "Arriba" in shown.text() and "Up" not in shown.text()
    panel.deleteLater()
    hotkeys.deleteLater()
