"""V6 in the app: the "Offline messages" list in Centro de Atención, pushed live with the
visitor's details, answered by e-mail through the relay's mailer (a real SMTP server in the
test), and marked handled. A real relay; a scripted visitor leaves the offline form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from server import protocol as p
from tests.desktop.test_windows import _signed_in_app
from tests.support.relay import RelayHandle
from tests.support.smtp import smtp_server
from tests.support.visitor import Visitor
from tests.support.waiting import until


async def _offline_message(relay: RelayHandle, name: str, email: str, text: str) -> Visitor:
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect(page_url="https://shop.example/macetas")
    request_id = visitor.send_frame(
        lambda i: p.OfflineMessage(id=i, name=name, email=email, text=text)
    )
    assert isinstance(await visitor.answer(request_id), p.Ok)
    return visitor


async def test_v6_offline_messages_list_reply_by_email_and_mark_handled(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any, artifacts: Path
) -> None:
    """V6: a visitor's offline message appears at once in Centro de Atención → Offline
    messages (the switch counts it), with the visitor's e-mail, page and text as plain text;
    the agent's answer goes by e-mail to the visitor and the message is then handled; another
    one is marked handled with the button."""
    app = await _signed_in_app(qapp, relay, data_dir)
    window = app.main_window
    window.resize(1180, 740)
    inbox = window.inbox
    eva = await _offline_message(
        relay, "Eva <b>Ruiz</b>", "eva@example.com", "¿Tienen la maceta grande?\n<i>verde</i>"
    )
    luis = None
    try:
        await until(lambda: inbox.show_offline.text().endswith("(1)"))
        QTest.mouseClick(inbox.show_offline, Qt.MouseButton.LeftButton)
        panel = inbox.offline_panel
        assert inbox.views.currentWidget() is panel
        await until(lambda: panel.list.count() == 1)
        panel.list.setCurrentRow(0)
        assert panel.title.text() == "Eva <b>Ruiz</b>"  # plain text, never rich text
        assert panel.text.textFormat() == Qt.TextFormat.PlainText
        assert panel.text.text() == "¿Tienen la maceta grande?\n<i>verde</i>"
        assert panel.fields["email"].text() == "eva@example.com"
        assert panel.fields["page"].toolTip() == "https://shop.example/macetas"
        qapp.processEvents()  # the layout settles before the picture
        window.grab().save(str(artifacts / "offline-messages.png"))

        with smtp_server() as (smtp, port):
            settings = relay.relay.settings
            settings.smtp_host, settings.smtp_port, settings.smtp_security = (
                "127.0.0.1",
                port,
                "none",
            )
            panel.reply.setPlainText("Sí, nos queda una en verde.")
            QTest.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
            (mail,) = await smtp.wait(1)
        assert mail["To"] == "eva@example.com"
        assert "Sí, nos queda una en verde." in str(mail.get_content())
        await until(lambda: panel.list.count() == 0)
        assert inbox.show_offline.text() == "Offline messages"

        luis = await _offline_message(relay, "", "luis@example.com", "Llámenme")
        await until(lambda: panel.list.count() == 1)
        panel.list.setCurrentRow(0)
        assert panel.title.text() == "luis@example.com"
        QTest.mouseClick(panel.handled_button, Qt.MouseButton.LeftButton)
        await until(lambda: panel.list.count() == 0)
        panel.show_handled.setChecked(True)
        await until(lambda: panel.list.count() == 2)
        assert all(panel.list.item(i).text().startswith("✓") for i in range(2))
    finally:
        await eva.close()
        if luis is not None:
            await luis.close()
        await app.shutdown()


async def test_v6_reply_without_smtp_says_so_and_keeps_the_text(
    qapp: Any, relay: RelayHandle, data_dir: Path, secrets: Any
) -> None:
    """V6: with no SMTP server on the relay, the agent is told in words (not a raw relay
    string), the answer stays in the box and the message stays unhandled."""
    app = await _signed_in_app(qapp, relay, data_dir)
    inbox = app.main_window.inbox
    visitor = await _offline_message(relay, "Eva", "eva@example.com", "Hola")
    try:
        QTest.mouseClick(inbox.show_offline, Qt.MouseButton.LeftButton)
        panel = inbox.offline_panel
        await until(lambda: panel.list.count() == 1)
        panel.list.setCurrentRow(0)
        panel.reply.setPlainText("Le escribimos mañana")
        QTest.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
        await until(lambda: panel.problem.isVisibleTo(panel))
        assert "SMTP" in panel.problem.text() and "JIVO_RELAY" not in panel.problem.text()
        assert panel.reply.toPlainText() == "Le escribimos mañana"
        assert panel.list.count() == 1
    finally:
        await visitor.close()
        await app.shutdown()
