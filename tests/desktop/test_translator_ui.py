"""C11 in the app, against a fake LibreTranslate-API server: the admin sets the translator in
Ajustes → Integraciones (the key stays on the relay), the agent switches it on in a chat from
the composer's tool row, reads the visitor's Spanish in English with the original one click
away, sees the reply in Spanish before sending, and both after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop import i18n
from jivo_desktop.app import DesktopApp
from jivo_desktop.net.client import AgentClient
from jivo_desktop.services.translator import TranslatorAdmin
from jivo_desktop.ui.inbox.models import MessageRole
from jivo_desktop.ui.settings.translator import TranslatorBox
from server import protocol as p
from server.store.db import read
from server.translate import repo as translate_repo
from tests.support.fake_libretranslate import fake_libretranslate
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until

SPANISH = "Hola, ¿tienen envío a Sevilla?"


async def test_c11_admin_sets_the_translator_in_integrations(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """C11: Ajustes → Integraciones → Translator: an admin chooses the LibreTranslate-compatible
    server, its URL and key, and saves; the relay stores the key, the box only says one is set;
    a wrong URL is refused with the relay's reason. Screenshots in all four languages."""
    app = DesktopApp(qapp, data_dir)
    app.start()
    await app.session.sign_in_async(relay.http_url, relay.admin_email, relay.admin_password, False)
    box = TranslatorBox(TranslatorAdmin(app.session))
    box.resize(620, 300)
    box.show()
    try:
        await until(lambda: box.admin.loaded)
        assert box.backend.currentIndex() == 0  # off
        box.backend.setCurrentIndex(1)
        box.url.setText("ftp://nowhere.example")
        QTest.mouseClick(box.save, Qt.MouseButton.LeftButton)
        await until(lambda: box.status.text().startswith("Not saved"))
        box.url.setText("http://127.0.0.1:5000")
        box.key.setText("the-key")
        QTest.mouseClick(box.save, Qt.MouseButton.LeftButton)
        await until(lambda: box.status.text() == "Translator saved.")
        config = await read(relay.relay.engine, translate_repo.config)
        assert (config.backend, config.url, config.api_key) == (
            "libretranslate",
            "http://127.0.0.1:5000",
            "the-key",
        )
        assert box.key.text() == "" and "key is set" in box.key.placeholderText()
        for language in ("en", "es", "pt", "ru"):
            i18n.apply_language(language)
            qapp.processEvents()
            box.grab().save(str(artifacts / f"settings-translator-{language}.png"))
        assert box.title() == "Переводчик"
    finally:
        i18n.apply_language("en")
        box.close()
        await app.shutdown()


async def test_c11_translated_chat_in_the_app(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """C11: Translator in the tool row (tooltip with its shortcut); with no backend the chat
    says so; with the fake LibreTranslate server the visitor's Spanish shows in English and a
    click shows the original; the reply is previewed in Spanish, sent in Spanish (the visitor
    receives it) and shows the agent's words with what the visitor read."""
    with fake_libretranslate() as fake:
        app = DesktopApp(qapp, data_dir)
        app.start()
        await app.session.sign_in_async(
            relay.http_url, relay.agent_email, relay.agent_password, False
        )
        window = app.main_window
        window.resize(1180, 740)
        pane = window.inbox.conversation
        visitor = Visitor(relay.ws_url, relay.site_key)
        boss = AgentClient(relay.ws_url)
        try:
            await visitor.connect()
            await visitor.say(SPANISH)
            await until(lambda: app.chats.waiting())
            chat_id = app.chats.waiting()[0].id
            app.chats.accept(chat_id)
            await until(lambda: app.chats.current == chat_id and pane.composer.isEnabled())
            assert pane.translator_button.isVisible()
            assert "Ctrl+Shift+L" in pane.translator_button.toolTip()

            QTest.mouseClick(pane.translator_button, Qt.MouseButton.LeftButton)
            assert pane.translator_button.isChecked()
            await until(lambda: pane.translate_problem.isVisible())
            assert "Settings → Integrations" in pane.translate_problem.text()

            await boss.sign_in(relay.admin_email, relay.admin_password)
            await boss.save_translator("libretranslate", fake.url, fake.api_key)
            QTest.mouseClick(pane.translator_button, Qt.MouseButton.LeftButton)  # off
            QTest.mouseClick(pane.translator_button, Qt.MouseButton.LeftButton)  # on again
            first = pane.messages_model.index(0, 0)
            message = first.data(MessageRole)
            assert message.text == SPANISH
            await until(
                lambda: "Hello, do you ship to Seville?" in pane.delegate.shown_text(message)
            )
            assert "Translated from es" in pane.delegate.shown_text(message)
            assert not pane.translate_problem.isVisible()
            pane.messages.clicked.emit(first)  # the original, one click away
            await until(lambda: "Original · click" in pane.delegate.shown_text(message))
            assert SPANISH in pane.delegate.shown_text(message)
            window.grab().save(str(artifacts / "translator-original-en.png"))
            pane.messages.clicked.emit(first)
            await until(lambda: "Seville" in pane.delegate.shown_text(message))

            pane.composer.setFocus()
            QTest.keyClicks(pane.composer, "Yes, in two days.")
            await until(lambda: pane.translate_preview.isVisible(), timeout=5)
            assert "Sí, en dos días." in pane.translate_preview.text()
            window.grab().save(str(artifacts / "translator-preview-en.png"))
            QTest.keyClick(pane.composer, Qt.Key.Key_Return)
            got = await visitor.wait_for(
                lambda f: (
                    isinstance(f, p.EventPush)
                    and f.event.kind == "message"
                    and f.event.author == "agent"
                )
            )
            assert got.event.text == "Sí, en dos días."
            chat = app.chats.chat(chat_id)
            assert chat is not None

            def mine() -> Any:
                return next((m for m in chat.messages if m.mine and m.kind == "message"), None)

            await until(lambda: mine() is not None)
            await until(lambda: "Yes, in two days." in pane.delegate.shown_text(mine()))
            assert "Sí, en dos días." in pane.delegate.shown_text(mine())
            await until(lambda: pane.messages_model.rowCount() >= 3)
            window.grab().save(str(artifacts / "translator-chat-en.png"))
            # the interface in another language: the chat is fetched again in it (pt here)
            for language in ("es", "pt", "ru"):
                i18n.apply_language(language)
                await until(lambda: pane.translator.translation(chat_id, message.seq) is not None)
                qapp.processEvents()
                window.grab().save(str(artifacts / f"translator-chat-{language}.png"))
            assert any(c.get("target") == "pt" for c in fake.calls)
        finally:
            i18n.apply_language("en")
            await boss.close()
            await visitor.close()
            await app.shutdown()


async def test_c11_archive_shows_the_stored_translation(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """C11 "each translation is stored with its message, so history, archive and every agent
    see the same text": a chat translated live, then closed, opened in Archivo shows the
    visitor's Spanish in English read from the relay (the app's own copy dropped first, as
    after a restart), the original one click away; the backend gets no new request, not even
    in a language nothing was stored in (the interface switched to Portuguese)."""
    with fake_libretranslate() as fake:
        app = DesktopApp(qapp, data_dir)
        app.start()
        await app.session.sign_in_async(
            relay.http_url, relay.agent_email, relay.agent_password, False
        )
        window = app.main_window
        window.resize(1180, 740)
        inbox = window.inbox
        pane = inbox.conversation
        visitor = Visitor(relay.ws_url, relay.site_key)
        boss = AgentClient(relay.ws_url)
        try:
            await visitor.connect()
            await visitor.say(SPANISH)
            await until(lambda: app.chats.waiting())
            chat_id = app.chats.waiting()[0].id
            app.chats.accept(chat_id)
            await until(lambda: app.chats.current == chat_id and pane.composer.isEnabled())
            await boss.sign_in(relay.admin_email, relay.admin_password)
            await boss.save_translator("libretranslate", fake.url, fake.api_key)
            QTest.mouseClick(pane.translator_button, Qt.MouseButton.LeftButton)
            live = pane.messages_model.index(0, 0).data(MessageRole)
            await until(lambda: "Seville" in pane.delegate.shown_text(live))
            calls = len(fake.calls)
            assert app.session.client is not None
            await app.session.client.close_chat(chat_id)
            await until(
                lambda: (
                    chat_id not in app.chats.order or app.chats.chat(chat_id).info.state == "closed"
                )  # type: ignore[union-attr]
            )
            pane.translator._translations.clear()  # as after a restart: only the relay has it

            inbox.show_archive.click()
            panel = inbox.archive_panel
            archive = inbox.archive
            await until(lambda: any(c.id == chat_id for c in archive.results))
            archive.open(chat_id)
            await until(lambda: archive.chat_id == chat_id and archive.messages)
            row = next(i for i, m in enumerate(archive.messages) if m.kind == "message" and m.seq)
            index = panel.messages_model.index(row, 0)
            message = index.data(MessageRole)
            assert message.text == SPANISH
            await until(
                lambda: "Hello, do you ship to Seville?" in panel.delegate.shown_text(message)
            )
            assert "Translated from es" in panel.delegate.shown_text(message)
            qapp.processEvents()
            window.grab().save(str(artifacts / "archive-translated-en.png"))
            panel.messages.clicked.emit(index)  # the original, one click away
            assert SPANISH in panel.delegate.shown_text(message)
            assert "Original · click" in panel.delegate.shown_text(message)
            panel.messages.clicked.emit(index)
            assert "Seville" in panel.delegate.shown_text(message)

            answers: list[int] = []
            pane.translator.changed.connect(answers.append)
            i18n.apply_language("pt")  # nothing stored in Portuguese: the original, no request
            await until(lambda: chat_id in answers)
            assert SPANISH in panel.delegate.shown_text(message)
            assert "Traduzido" not in panel.delegate.shown_text(message)
            assert len(fake.calls) == calls, "opening the archive asked the backend"
        finally:
            i18n.apply_language("en")
            await boss.close()
            await visitor.close()
            await app.shutdown()
