"""P1 in the app, against a real relay and a REAL URI handler: the test registers its own
softphone for tel: and sip: in a temporary XDG data folder (a .desktop file whose program
writes the URI it was given to a file, made the default with xdg-mime) and checks what the
dialer, the client panel and the CRM card hand it; with no handler (callto:) the app says so
and how to set one. Screenshots of the dialer and Ajustes → Calls in the four languages."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from jivo_desktop import i18n
from jivo_desktop.app import DesktopApp
from jivo_desktop.net.client import AgentClient
from jivo_desktop.platform.single_instance import SingleInstance
from jivo_desktop.platform.url_handlers import FOUND, MISSING, XdgUrlHandlers
from jivo_desktop.ui.phone.log_dialog import LogCallDialog
from server import protocol as p
from tests.desktop.test_i18n import (
    cut_off,
    translations,  # noqa: F401 - the fixture
)
from tests.desktop.test_windows import _signed_in_app
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until

HANDLER = "jivo-test-softphone.desktop"
LOG_TITLE = {"en": "Log call", "es": "Registrar llamada", "pt": "Registrar chamada",
             "ru": "Записать звонок"}  # fmt: skip
TITLES = {"en": "Phone", "es": "Teléfono", "pt": "Telefone", "ru": "Телефон"}


class Softphone:
    """The calls a registered program received: one URI a line."""

    def __init__(self, log: Path) -> None:
        self.log = log

    def calls(self) -> list[str]:
        return self.log.read_text().split() if self.log.exists() else []

    async def next_call(self, before: int) -> str:
        await until(lambda: len(self.calls()) > before, timeout=15)
        return self.calls()[before]


@pytest.fixture
def softphone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xvfb_display: str) -> Softphone:
    """A softphone for tel: and sip: (not callto:), known only to this test's XDG folders.
    xdg-open hands a URI to a scheme's handler only in a graphical session: DISPLAY is the
    module's Xvfb."""
    for tool in ("xdg-mime", "xdg-open", "update-desktop-database"):
        if subprocess.run(["which", tool], capture_output=True).returncode:
            pytest.skip(f"{tool} is not installed")
    data, config = tmp_path / "xdg-data", tmp_path / "xdg-config"
    apps = data / "applications"
    apps.mkdir(parents=True)
    config.mkdir()
    log = tmp_path / "calls.txt"
    script = tmp_path / "softphone.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{log}"\n')
    script.chmod(0o755)
    (apps / HANDLER).write_text(
        "[Desktop Entry]\nType=Application\nName=Test softphone\n"
        f"Exec={script} %u\nNoDisplay=true\n"
        "MimeType=x-scheme-handler/tel;x-scheme-handler/sip;\n"
    )
    env = {"XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(config),
           "XDG_DATA_DIRS": str(tmp_path / "no-system-apps"), "DISPLAY": xvfb_display}  # fmt: skip
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    for key in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "BROWSER"):
        monkeypatch.delenv(key, raising=False)
    subprocess.run(["update-desktop-database", str(apps)], check=True)
    mimes = ["x-scheme-handler/tel", "x-scheme-handler/sip"]
    subprocess.run(["xdg-mime", "default", HANDLER, *mimes], check=True)
    return Softphone(log)


def test_p1_handler_lookup_finds_the_registered_softphone(softphone: Softphone) -> None:
    """P1: the XDG backend names the program for tel: and sip:, and knows none for callto:."""
    handlers = XdgUrlHandlers()
    assert handlers.check("tel").state == FOUND and handlers.check("tel").app == HANDLER
    assert handlers.check("sip").state == FOUND
    assert handlers.check("callto").state == MISSING


async def test_p1_dialer_client_panel_and_crm_card_call_through_the_real_handler(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path,
    softphone: Softphone, translations: Path,  # noqa: F811
) -> None:  # fmt: skip
    """P1: the dialer formats as the agent types (default country from Ajustes → Calls) and
    Call hands tel:+E.164 to the softphone; the call is in Recent calls; a SIP template gives
    sip:+E.164@pbx; the client panel's Call and the CRM card's Call dial the visitor's number;
    the CRM's clients with a phone are the dialer's contacts, with search; an emergency number
    is refused; with nothing registered for callto: the app says so and explains how to set a
    handler (nothing is silently lost). The dialer in en, es, pt, ru."""
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect(page_url="https://shop.example/")
    request_id = visitor.send_frame(
        lambda i: p.SetContact(id=i, name="Lucía Pérez", phone="600 11 12 22")
    )
    assert isinstance(await visitor.answer(request_id), p.Ok)
    app = await _signed_in_app(qapp, relay, data_dir)
    await visitor.say("¿Me llaman?")
    window = app.main_window
    window.resize(1180, 740)
    calling = app.calling
    try:
        calling.set_country("ES")
        assert calling.method == "tel"

        # The dialer: the pad, formatting as typed, Call.
        window.nav.setCurrentRow(window.PAGES.index("phone"))
        page = window.phone_page
        assert window.pages.currentWidget() is page
        assert not page.call_button.isEnabled()
        for key in "911234567":
            QTest.mouseClick(page.keys[key], Qt.MouseButton.LeftButton)
        assert page.number.text() == "911 23 45 67"
        assert page.call_button.isEnabled()
        assert "+34 911 23 45 67" in page.status.text()
        QTest.mouseClick(page.call_button, Qt.MouseButton.LeftButton)
        assert await softphone.next_call(0) == "tel:+34911234567"
        await until(lambda: page.recent.count() == 1)
        assert "911 23 45 67" in page.recent.item(0).text()

        # A premium-rate number is marked; an emergency number is refused, nothing dialled.
        page.number.clear()
        QTest.keyClicks(page.number, "803123456")
        assert page.number.text() == "803 12 34 56"
        assert "Premium-rate" in page.status.text()
        # One click on a premium number elsewhere (a visitor's) is refused, with why.
        assert not calling.call("+34 803 123 456", name="Troll")
        assert page.problem.isVisible() and "premium-rate" in page.problem.text()
        page.set_number("112")
        assert not page.call_button.isEnabled()
        assert "emergency" in page.status.text()
        assert not calling.call("112")
        assert len(softphone.calls()) == 1

        # A SIP URI template.
        calling.set_method("sip", "sip:{number}@pbx.example")
        page.set_number("+44 20 7946 0958")
        QTest.keyClick(page.number, Qt.Key.Key_Return)
        assert await softphone.next_call(1) == "sip:+442079460958@pbx.example"
        calling.set_method("tel")

        # Contacts from the CRM (the visitor who gave a phone), with search.
        page.tabs.setCurrentIndex(1)
        page.search.setText("lucía")
        await until(lambda: page.contacts.count() == 1)
        assert page.contacts.item(0).text().startswith("Lucía Pérez")
        assert "600 11 12 22" in page.contacts.item(0).text()
        page.contacts.itemActivated.emit(page.contacts.item(0))  # Enter / double-click
        assert await softphone.next_call(2) == "tel:+34600111222"
        await until(lambda: page.recent.count() == 3)
        assert calling.recent()[0].name == "Lucía Pérez" and calling.recent()[0].client_id

        # Pictures of the dialer in the four languages.
        page.set_number("911234567")
        page.tabs.setCurrentIndex(0)
        for language in ("en", "es", "pt", "ru"):
            i18n.apply_language(language)
            await until(lambda language=language: page.heading.text() == TITLES[language])
            assert window.nav.item(window.PAGES.index("phone")).text() == TITLES[language]
            assert not cut_off(page), cut_off(page)
            window.grab().save(str(artifacts / f"phone-dialer-{language}.png"))
        window.nav.setCurrentRow(window.PAGES.index("settings"))
        settings = window.settings_page
        settings.show_section("calls")
        section = settings.sections["calls"]
        await until(lambda: HANDLER in section.handler.text())  # type: ignore[attr-defined]
        caption = {"en": "Calls go out through", "es": "Las llamadas salen por",
                   "pt": "As chamadas saem por", "ru": "Звонки идут через"}  # fmt: skip
        method = section.captions["method"]  # type: ignore[attr-defined]
        for language in ("en", "es", "pt", "ru"):
            i18n.apply_language(language)
            await until(lambda language=language: method.text() == caption[language])
            await until(lambda: not cut_off(section))
            window.grab().save(str(artifacts / f"phone-settings-calls-{language}.png"))
        i18n.apply_language("en")

        # Click-to-call from the client panel (the chat's visitor gave a phone).
        await until(lambda: len(app.chats.order) == 1)
        chat = app.chats.waiting()[0]
        app.chats.select(chat.id)
        panel = window.inbox.client_panel
        await until(lambda: panel.call_button.isVisible())
        QTest.mouseClick(panel.call_button, Qt.MouseButton.LeftButton)
        assert await softphone.next_call(3) == "tel:+34600111222"

        # ... and from the CRM card.
        window.nav.setCurrentRow(window.PAGES.index("crm"))
        clients = window.crm_page.clients
        clients.search.setText("lucía")
        await until(lambda: clients.list.count() == 1)
        clients.list.setCurrentRow(0)
        card = clients.card
        await until(lambda: card.card is not None and card.call_button.isVisible())
        QTest.mouseClick(card.call_button, Qt.MouseButton.LeftButton)
        assert await softphone.next_call(4) == "tel:+34600111222"

        # Nothing opens callto: here: the app says so and how to set one up.
        calling.set_method("callto")
        window.nav.setCurrentRow(window.PAGES.index("phone"))
        page.set_number("911234567")
        QTest.mouseClick(page.call_button, Qt.MouseButton.LeftButton)
        await until(lambda: window.no_handler_box is not None and window.no_handler_box.isVisible())
        box = window.no_handler_box
        assert box is not None
        assert "No program on this computer opens callto: links" in box.text()
        assert "xdg-mime default" in box.text()
        assert page.problem.isVisible() and "callto:" in page.problem.text()
        box.grab().save(str(artifacts / "phone-no-handler.png"))
        box.close()
        assert len(softphone.calls()) == 5
        assert os.environ["XDG_DATA_HOME"].endswith("xdg-data")
    finally:
        await app.shutdown()
        await visitor.close()


async def test_p1_log_dialog_stores_the_outcome_on_the_timeline_and_log_call_from_a_hook(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path,
    softphone: Softphone, translations: Path,  # noqa: F811
) -> None:  # fmt: skip
    """P1: a call from the CRM card is logged on the relay at once (number, client, agent);
    the log dialog opens, and its outcome, duration and note land on the client's timeline.
    ``jivo-desktop --log-call NUMBER --direction in`` (a softphone's hook) reaches the
    running app through the single-instance channel: an incoming call, logged, dialog open.
    The dialog in en, es, pt, ru."""
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect(page_url="https://shop.example/")
    rid = visitor.send_frame(lambda i: p.SetContact(id=i, name="Lucía Pérez", phone="600111222"))
    assert isinstance(await visitor.answer(rid), p.Ok)
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    instance = SingleInstance()
    name = f"jivo-test-{uuid.uuid4().hex[:12]}"
    try:
        app.calling.set_country("ES")
        window.nav.setCurrentRow(window.PAGES.index("crm"))
        clients = window.crm_page.clients
        clients.search.setText("lucía")
        await until(lambda: clients.list.count() == 1)
        clients.list.setCurrentRow(0)
        card = clients.card
        await until(lambda: card.card is not None and card.call_button.isVisible())
        QTest.mouseClick(card.call_button, Qt.MouseButton.LeftButton)
        assert await softphone.next_call(0) == "tel:+34600111222"
        await until(lambda: app.log_dialog is not None and app.log_dialog.isVisible())
        dialog = app.log_dialog
        assert isinstance(dialog, LogCallDialog)
        assert dialog.who.text() == "Lucía Pérez · 600 11 12 22"
        listed = await boss.request(lambda i: p.ListCalls(id=i))
        assert isinstance(listed, p.CallList) and len(listed.calls) == 1  # logged at once
        assert (listed.calls[0].outcome, listed.calls[0].agent_name) == ("", "Ana")
        for language in ("en", "es", "pt", "ru"):
            i18n.apply_language(language)
            await until(lambda language=language: dialog.windowTitle() == LOG_TITLE[language])
            await until(lambda: not cut_off(dialog))
            dialog.grab().save(str(artifacts / f"phone-log-dialog-{language}.png"))
        i18n.apply_language("en")
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("answered"))
        dialog.minutes.setValue(2)
        dialog.seconds.setValue(5)
        dialog.note.setPlainText("Quiere un presupuesto <b>ya</b>")
        QTest.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        await until(lambda: not dialog.isVisible())
        listed = await boss.request(lambda i: p.ListCalls(id=i))
        assert isinstance(listed, p.CallList) and len(listed.calls) == 1
        call = listed.calls[0]
        assert (call.outcome, call.duration, call.direction) == ("answered", 125, "out")
        assert call.client_name == "Lucía Pérez"
        # On the client's timeline, as plain text.
        await until(lambda: any("Answered" in card.timeline.item(r).text()
                                for r in range(card.timeline.count())))  # fmt: skip
        row = next(r for r in range(card.timeline.count())
                   if "Answered" in card.timeline.item(r).text())  # fmt: skip
        assert "2:05" in card.timeline.item(row).text()
        assert "Quiere un presupuesto <b>ya</b>" in card.timeline.item(row).text()

        # A softphone's hook: a second `jivo-desktop --log-call` hands it to this app.
        assert instance.claim(name)
        instance.message_received.connect(app.handle_message)
        hook = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "jivo_desktop", "--log-call", "+44 20 7946 0958",
            "--direction", "in", "--instance", name,
        )  # fmt: skip
        assert await asyncio.wait_for(hook.wait(), 30) == 0
        await until(lambda: app.log_dialog is not None and app.log_dialog is not dialog
                    and app.log_dialog.isVisible(), timeout=15)  # fmt: skip
        incoming = app.log_dialog
        assert isinstance(incoming, LogCallDialog)
        assert incoming.direction.currentData() == "in"
        assert incoming.call.number == "+442079460958"
        incoming.outcome.setCurrentIndex(incoming.outcome.findData("busy"))
        incoming.accept()
        await until(lambda: not incoming.isVisible())
        listed = await boss.request(lambda i: p.ListCalls(id=i))
        assert isinstance(listed, p.CallList)
        assert [(c.number, c.direction, c.outcome) for c in listed.calls] == [
            ("+442079460958", "in", "busy"), ("+34600111222", "out", "answered"),
        ]  # fmt: skip
        # The dialer's Call log tab: the relay's list (the agent's own calls).
        window.nav.setCurrentRow(window.PAGES.index("phone"))
        page = window.phone_page
        page.tabs.setCurrentIndex(2)
        await until(lambda: page.log.count() == 2)
        assert page.log.item(0).text().startswith("↙ +44 20 7946 0958")
        assert "Busy" in page.log.item(0).text()
        assert "Lucía Pérez · 600 11 12 22" in page.log.item(1).text()
        window.grab().save(str(artifacts / "phone-call-log-en.png"))
    finally:
        instance.close()
        await app.shutdown()
        await boss.close()
        await visitor.close()


async def test_p1_log_call_before_the_sign_in_is_logged_once_signed_in(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any
) -> None:
    """P1: ``--log-call`` that starts the app (or reaches it before the relay answered) is
    kept and logged once signed in, not lost; an emergency number from a hook is dropped."""
    app = DesktopApp(qapp, data_dir)
    app.start()
    try:
        app.calling.set_country("ES")
        app.handle_message("log-call\tin\t112")  # refused: never logged
        app.handle_message("log-call\tin\t+34 91 123 45 67")
        window = app.sign_in_window
        window.relay.setText(relay.http_url)
        window.email.setText(relay.agent_email)
        window.password.setText(relay.agent_password)
        QTest.mouseClick(window.button, Qt.MouseButton.LeftButton)
        await until(lambda: app.log_dialog is not None and app.log_dialog.isVisible())
        dialog = app.log_dialog
        assert isinstance(dialog, LogCallDialog)
        assert (dialog.call.number, dialog.call.direction) == ("+34911234567", "in")
        assert [c.number for c in app.call_log.calls] == ["+34911234567"]
    finally:
        await app.shutdown()
