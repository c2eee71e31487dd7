"""B8 and the clipping screenshot test: at the main window's default size (1180×740), in each
of the four languages, no label, button, check box, table header section, tab or list row of
any page is cut off, and no page scrolls sideways: every sidebar page, the three views of
Centro de Atención (a chat open, in Chat and in Comment mode; the archive; offline messages),
every Ajustes section, and the dialogs the agent can open. Screenshots of each go to
tests/artifacts/clip-<lang>-<view>.png. The check (tests/desktop/clipping.py) measures each
text with the widget's own font (bold where a checked tab is bold) against the width it got."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QApplication, QWidget

from jivo_desktop.app import DesktopApp
from jivo_desktop.net.client import AgentClient
from jivo_desktop.ui.inbox.phrases import PhraseEditor
from server import protocol as p
from tests.desktop.clipping import clipped, untranslated
from tests.desktop.clipping import english_sources as _english
from tests.desktop.clipping import settle as _settle
from tests.desktop.test_i18n import translations  # noqa: F401 - the fixture
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until

LANGUAGES = ("en", "es", "pt", "ru")
DEFAULT_SIZE = QSize(1180, 740)


async def _world(app: DesktopApp, relay: RelayHandle) -> list[Visitor]:
    """Something on every page: a chat open, a blocked client, an offline message, a phrase,
    a visitor on the site, a closed chat in the archive."""
    client = app.session.client
    assert client is not None
    visitors = []
    for name in ("Marta Fernández", "Olek", "Eva", "Lucía Pérez"):
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect(page_url="https://shop.example/macetas/ceramica-grande?color=verde")
        await visitor.answer(visitor.send_frame(lambda i, n=name: p.SetContact(id=i, name=n)))
        visitors.append(visitor)
    # An earlier, closed chat with a comment: the client panel lists it under Earlier chats.
    await visitors[0].say("¿Tienen macetas grandes?")
    await until(lambda: app.chats.order)
    first = app.chats.order[0]
    assert await app.chats.accept_async(first)
    await client.send_message(first, "Quiere la maceta en verde; llamar por la tarde", comment=True)
    await client.close_chat(first)
    await until(lambda: first not in app.chats.order or _closed(app, first))
    await visitors[0].say("Hola, ¿tienen la maceta grande en verde?")
    await until(lambda: any(c != first for c in app.chats.order))
    chat_id = next(c for c in app.chats.order if c != first)
    assert await app.chats.accept_async(chat_id)
    request_id = visitors[2].send_frame(  # before the block: every visitor here has one IP
        lambda i: p.OfflineMessage(id=i, name="Eva", email="eva@example.com", text="Llámenme")
    )
    assert isinstance(await visitors[2].answer(request_id), p.Ok)
    await visitors[1].say("spam spam")
    await until(lambda: any(c not in (first, chat_id) for c in app.chats.order))
    other = next(c for c in app.chats.order if c not in (first, chat_id))
    assert await app.chats.accept_async(other)
    await visitors[3].say("¿Hacen envíos a Valparaíso? Necesito tres macetas grandes")
    await until(lambda: app.chats.waiting())  # it stays waiting: the toast
    await client.block(other, "spam")  # (after the others wrote: they share one IP here)
    await client.save_phrase("envio", "El envío tarda de 2 a 3 días.", label="Plazos de envío")
    app.chats.select(chat_id)
    await until(lambda: app.main_window.inbox.conversation.composer.isEnabled())
    await until(lambda: app.main_window.inbox.client_panel.past.count() == 1)
    return visitors


def _closed(app: DesktopApp, chat_id: int) -> bool:
    chat = app.chats.chat(chat_id)
    return chat is not None and chat.info.state == "closed"


async def _department(app: DesktopApp, agent_email: str) -> int:
    """A department, added from Equipo's agent dialog: Canales and the dialog list it."""
    page = app.main_window.team_page
    await until(lambda: any(m.email == agent_email for m in app.account.team))
    ana_id = next(m.id for m in app.account.team if m.email == agent_email)
    dialog = page.edit_agent(ana_id)
    assert dialog is not None
    dialog.new_department.setText("Atención al cliente")
    dialog.add_button.click()
    await until(lambda: dialog.departments.count() == 1)
    dialog.reject()
    return ana_id


def _views(app: DesktopApp, ana_id: int) -> list[tuple[str, Callable[[], QWidget]]]:
    window = app.main_window
    inbox = window.inbox
    bar = inbox.conversation.chat_actions_bar

    def page(row: int) -> Callable[[], QWidget]:
        def show() -> QWidget:
            window.nav.setCurrentRow(row)
            return window

        return show

    def chats(comment: bool) -> Callable[[], QWidget]:
        def show() -> QWidget:
            window.nav.setCurrentRow(0)
            inbox.show_chats.setChecked(True)
            (
                inbox.conversation.reply_channel.comment_button
                if comment
                else inbox.conversation.reply_channel.chat_button
            ).setChecked(True)
            return window

        return show

    def inbox_view(button: Any) -> Callable[[], QWidget]:
        def show() -> QWidget:
            window.nav.setCurrentRow(0)
            button.setChecked(True)
            return window

        return show

    def section(key: str) -> Callable[[], QWidget]:
        def show() -> QWidget:
            window.nav.setCurrentRow(window.pages.indexOf(window.settings_page))
            window.settings_page.show_section(key)
            return window

        return show

    def dialog(open_it: Callable[[], None]) -> Callable[[], QWidget]:
        def show() -> QWidget:
            window.nav.setCurrentRow(0)
            inbox.show_chats.setChecked(True)
            open_it()
            assert bar.dialog is not None
            return bar.dialog

        return show

    def phrase_editor() -> QWidget:
        editor = PhraseEditor(app.phrases, app.phrases.phrases[0] if app.phrases.phrases else None)
        editor.show()
        return editor

    def block_box() -> QWidget:
        bar.confirm_block()
        return bar.block_box

    def leave_box() -> QWidget:
        inbox.conversation.ask_leave(inbox.conversation.shown_chat)
        assert inbox.conversation.leave_dialog is not None
        return inbox.conversation.leave_dialog

    def toast() -> QWidget:
        found = app.toasts.toast(app.chats.waiting()[0].id)
        assert found is not None
        return found

    def history_popup() -> QWidget:
        window.nav.setCurrentRow(0)
        inbox.show_chats.setChecked(True)
        panel = inbox.client_panel
        panel.history.show_pages(
            [p.PageVisit(url="https://shop.example/macetas", title="Macetas de cerámica", ts=0)],
            panel.mapToGlobal(panel.rect().topLeft()),
        )
        return panel.history

    def agent_dialog() -> QWidget:
        window.nav.setCurrentRow(2)
        found = window.team_page.edit_agent(ana_id)
        assert found is not None
        return found

    views: list[tuple[str, Callable[[], QWidget]]] = [
        ("chats", chats(False)),
        ("chats-comment", chats(True)),
        ("archive", inbox_view(inbox.show_archive)),
        ("offline", inbox_view(inbox.show_offline)),
    ]
    for row, name in ((1, "crm"), (2, "team"), (3, "phone"), (4, "visitors"), (5, "stats")):
        views.append((name, page(row)))
    for key in window.settings_page.sections:
        if window.settings_page.is_section_visible(key):
            views.append((f"settings-{key}", section(key)))
    views += [
        ("dialog-phrases", dialog(bar.open_phrases)),
        ("dialog-phrase-editor", phrase_editor),
        ("dialog-blocked", dialog(bar.open_blocked)),
        ("dialog-invite", dialog(bar.open_invite)),
        ("dialog-transfer", dialog(bar.open_transfer)),
        ("dialog-block", block_box),
        ("dialog-leave", leave_box),
        ("dialog-agent", agent_dialog),
        ("toast", toast),
        ("history", history_popup),
        ("sign-in", lambda: _shown(app.sign_in_window)),
    ]
    return views


async def _ready(name: str, widget: QWidget) -> None:
    """Lists filled from the relay are measured once their rows are there."""
    from PySide6.QtWidgets import QListWidget

    if name in (
        "dialog-blocked",
        "dialog-phrases",
        "dialog-invite",
        "dialog-transfer",
        "dialog-agent",
    ):
        lists = widget.findChildren(QListWidget)
        await until(lambda: any(w.count() for w in lists), timeout=5)


def _shown(widget: QWidget) -> QWidget:
    widget.resize(widget.sizeHint().expandedTo(widget.size()))
    widget.show()
    return widget


async def test_b8_nothing_is_clipped_at_the_default_size_in_any_language(
    qapp: QApplication,
    relay: RelayHandle,
    data_dir: Path,
    secrets: Any,
    translations: Path,  # noqa: F811
    artifacts: Path,
) -> None:
    """B8, the clipping screenshot test: every page, Ajustes section and dialog, in English,
    Spanish, Portuguese and Russian, at the default window size; nothing cut off."""
    app = DesktopApp(qapp, data_dir)
    app.start()
    assert await app.session.sign_in_async(
        relay.http_url, relay.admin_email, relay.admin_password, False
    )
    window = app.main_window
    window.resize(1180, 740)  # the window's default size
    visitors = await _world(app, relay)
    ana = AgentClient(relay.ws_url)  # a colleague online: the invite and transfer lists
    await ana.sign_in(relay.agent_email, relay.agent_password)
    problems: dict[str, list[str]] = {}
    try:
        ana_id = await _department(app, relay.agent_email)
        await until(lambda: app.main_window.inbox.offline.unhandled == 1)
        english = {language: _english(language) for language in LANGUAGES if language != "en"}
        for language in LANGUAGES:
            app.settings.set_language(language)
            for name, show in _views(app, ana_id):
                widget = show()
                _settle(widget)
                await _ready(name, widget)
                _settle(widget)
                found = clipped(widget)
                if language != "en":
                    found += untranslated(widget, english[language])
                if widget is window and window.size() != DEFAULT_SIZE:
                    inbox = window.inbox
                    parts = {
                        "centre": inbox.centre.minimumSizeHint().width(),
                        "client panel": inbox.client_panel.minimumSizeHint().width(),
                        "chat list": inbox.chat_list.parentWidget().minimumSizeHint().width(),  # type: ignore[union-attr]
                        "page": window.pages.currentWidget().minimumSizeHint().width(),
                    }
                    found.append(f"the window grew to {window.width()}×{window.height()} {parts}")
                widget.grab().save(str(artifacts / f"clip-{language}-{name}.png"))
                if found:
                    problems[f"{language} {name}"] = found
                if widget is not window and name != "toast":
                    widget.close()
                    QCoreApplication.processEvents()
        app.settings.set_language("en")
        report = "\n".join(f"{view}: {p}" for view, found in problems.items() for p in found)
        (artifacts / "clip-report.txt").write_text(report + "\n")
        assert problems == {}, report
    finally:
        for visitor in visitors:
            await visitor.close()
        await ana.close()
        await app.shutdown()
