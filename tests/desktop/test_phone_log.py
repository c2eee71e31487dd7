"""P1 in the app on a busy shift, against a real relay: a softphone's ``--log-call`` for an
incoming call lands on the CRM client with that number; calls logged on the agent's other
device reach the Teléfono page's call log at once (pushed, no reload); a client without a
name is named in the log dialog as its visitor is everywhere ("Client 40"); the dialer's
contacts load page by page as the list scrolls, and its search asks the relay."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from jivo_desktop import i18n
from jivo_desktop.net.client import AgentClient
from jivo_desktop.services.crm import CONTACTS_PAGE
from jivo_desktop.ui.phone.log_dialog import LogCallDialog
from server import protocol as p
from tests.desktop.test_i18n import (
    cut_off,
    translations,  # noqa: F401 - the fixture
)
from tests.desktop.test_windows import _signed_in_app
from tests.server.test_callbacks import enable_callbacks
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until


async def test_p1_log_call_finds_the_client_and_other_devices_calls_appear_live(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path,
    translations: Path,  # noqa: F811
) -> None:  # fmt: skip
    """P1: ``--log-call 600111222 --direction in`` (the hook's message) is logged on the
    client whose phone is that number (the relay matches it), so the log dialog names the
    client; a call the agent logs on its other device, and an admin's change to it, show in
    the page's call log without a reload."""
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    await enable_callbacks(boss, country="ES", on=False)  # the site's numbers read in Spain
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect(page_url="https://shop.example/")
    rid = visitor.send_frame(lambda i: p.SetContact(id=i, name="Lucía Pérez", phone="600 11 12 22"))
    assert isinstance(await visitor.answer(rid), p.Ok)
    app = await _signed_in_app(qapp, relay, data_dir)
    other_device = AgentClient(relay.ws_url)
    await other_device.sign_in(relay.agent_email, relay.agent_password)
    window = app.main_window
    window.resize(1180, 740)
    try:
        app.calling.set_country("ES")
        app.handle_message("log-call\tin\t600111222")  # as `jivo-desktop --log-call` sends it
        await until(lambda: app.log_dialog is not None and app.log_dialog.isVisible())
        dialog = app.log_dialog
        assert isinstance(dialog, LogCallDialog)
        assert dialog.call.client_name == "Lucía Pérez" and dialog.call.client_id is not None
        assert dialog.who.text() == "Lucía Pérez · 600 11 12 22"
        # P1: nobody said how the call went yet: Save alone must not record it as answered.
        assert (dialog.outcome.currentIndex(), dialog.fields()["outcome"]) == (0, "")
        dialog.reject()
        await until(lambda: not dialog.isVisible())

        # A client without a name (a visitor who left only a phone): the visitor's name.
        nameless = Visitor(relay.ws_url, relay.site_key)
        try:
            await nameless.connect()
            rid = nameless.send_frame(lambda i: p.SetContact(id=i, phone="622 33 44 55"))
            assert isinstance(await nameless.answer(rid), p.Ok)
        finally:
            await nameless.close()
        app.handle_message("log-call\tin\t+34 622 33 44 55")
        await until(lambda: app.log_dialog is not dialog and app.log_dialog is not None
                    and app.log_dialog.isVisible())  # fmt: skip
        unnamed = app.log_dialog
        assert isinstance(unnamed, LogCallDialog) and unnamed.call.client_id is not None
        assert unnamed.who.text() == f"Client {nameless.visitor_id} · 622 33 44 55"
        i18n.apply_language("es")
        await until(lambda: unnamed.who.text().startswith(f"Cliente {nameless.visitor_id} "))
        await until(lambda: not cut_off(unnamed))
        unnamed.grab().save(str(artifacts / "phone-log-dialog-visitor-name-es.png"))
        i18n.apply_language("en")
        unnamed.reject()

        window.nav.setCurrentRow(window.PAGES.index("phone"))
        page = window.phone_page
        page.tabs.setCurrentIndex(2)
        await until(lambda: page.log.count() == 2)
        assert page.log.item(0).text().startswith(f"↙ Client {nameless.visitor_id} · 622")
        logged = await other_device.request(
            lambda i: p.LogCall(id=i, number="+442079460958", direction="out", outcome="busy")
        )
        assert isinstance(logged, p.CallLogged)
        await until(lambda: page.log.count() == 3)
        assert page.log.item(0).text().startswith("↗ +44 20 7946 0958")
        assert "Busy" in page.log.item(0).text()
        changed = await boss.request(
            lambda i: p.LogCall(
                id=i, call_id=logged.call.id, number=logged.call.number, outcome="answered",
                duration=65, note="Called back on the landline",
            )
        )  # fmt: skip
        assert isinstance(changed, p.CallLogged)
        await until(lambda: "Answered" in page.log.item(0).text())
        assert "1:05" in page.log.item(0).text() and page.log.count() == 3
        window.grab().save(str(artifacts / "phone-call-log-pushed-en.png"))
    finally:
        await app.shutdown()
        await other_device.close()
        await boss.close()
        await visitor.close()


async def test_p1_dialer_contacts_load_page_by_page_and_search_asks_the_relay(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """P1: the dialer's CRM contacts are not only the first page: scrolling to the end of
    the list loads the next page (no client twice); the search goes to the relay, so a client
    beyond the loaded pages is found."""
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    many = CONTACTS_PAGE + 10
    saved = await asyncio.gather(*(
        boss.request(lambda i, n=n: p.SaveClient(
            id=i, name=f"Contacto {n:03d}", phone=f"+34 600 000 {n:03d}"))
        for n in range(many)
    ))  # fmt: skip
    assert all(isinstance(s, p.ClientSaved) for s in saved)
    zoe = await boss.request(
        lambda i: p.SaveClient(id=i, name="Zoe Zamora", phone="+34 611 999 888")
    )
    assert isinstance(zoe, p.ClientSaved)
    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    window.resize(1180, 740)
    try:
        window.nav.setCurrentRow(window.PAGES.index("phone"))
        page = window.phone_page
        page.tabs.setCurrentIndex(1)
        contacts = page.contacts
        await until(lambda: contacts.count() == CONTACTS_PAGE)  # the first page: it scrolls
        assert contacts.verticalScrollBar().maximum() > 0
        bar = contacts.verticalScrollBar()
        bar.setValue(bar.maximum())  # the agent scrolls to the end
        await until(lambda: contacts.count() == many + 1)
        names = [contacts.item(r).text().split("\n")[0] for r in range(contacts.count())]
        assert len(set(names)) == len(names) and names[-1] == "Zoe Zamora"
        window.grab().save(str(artifacts / "phone-contacts-paged-en.png"))

        page.search.setText("zamora")  # beyond the first page: the relay finds it
        await until(lambda: contacts.count() == 1)
        assert contacts.item(0).text().startswith("Zoe Zamora")
        page.search.setText("")
        await until(lambda: contacts.count() == CONTACTS_PAGE)
    finally:
        await app.shutdown()
        await boss.close()
