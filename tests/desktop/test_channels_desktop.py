"""C10/K1 in the app (issue 21): a chat that came by e-mail shows its channel in the chat list
("E-mail" where the widget's show nothing), in the header (channel, mailbox, the client's
address) and on the composer's channel button, in each language; the agent's answer typed in
the composer goes out as an e-mail (a real SMTP server, aiosmtpd). Ajustes → Reply channels:
an admin adds an e-mail channel (its password stays on the relay), sends a test message and
sees the provider's error. Screenshots desktop-<lang>-channel-email.png and
desktop-<lang>-reply-channels(-whatsapp).png at the default window size."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jivo_desktop import i18n
from jivo_desktop.store import LocalStore
from server import protocol as p
from server.channels import repo as channel_repo
from server.store.schema import channels, sites
from tests.desktop.test_i18n import _signed_in, cut_off, translations  # noqa: F401 - the fixture
from tests.desktop.test_routing_ui import _signed_in_app
from tests.support.relay import RelayHandle
from tests.support.smtp import smtp_server
from tests.support.waiting import until

CHANNEL_LABEL = {"en": "E-mail", "es": "Correo electrónico", "pt": "E-mail", "ru": "Эл. почта"}


async def _email_channel(relay: RelayHandle, smtp_port: int) -> int:
    def site_id(db: sa.Connection) -> int:
        return int(
            db.execute(sa.select(sites.c.id).where(sites.c.key == relay.site_key)).scalar_one()
        )

    async with relay.relay.engine.connect() as conn:
        sid = await conn.run_sync(site_id)
    frame = p.SaveChannel(
        id=1,
        kind="email",
        site_id=sid,
        name="Soporte",
        settings={
            "address": "support@shop.example",
            "smtp_host": "127.0.0.1",
            "smtp_port": str(smtp_port),
            "smtp_security": "plain",
        },
    )
    row = await relay.relay.writer.run(channel_repo.save_channel(frame))
    return int(row.id)


@pytest.mark.parametrize("lang", ["en", "es", "pt", "ru"])
async def test_c10_k1_email_chat_shows_its_channel_and_the_reply_goes_by_email(
    qapp: Any,
    relay: RelayHandle,
    data_dir: Path,
    secrets: Any,
    translations: Path,  # noqa: F811 - the fixture
    artifacts: Path,
    lang: str,
) -> None:
    """C10/K1: the e-mail chat in the list, header and composer row; the reply by SMTP."""
    store = LocalStore(data_dir / "local.db")
    store.set(i18n.SETTING, lang)
    store.close()
    with smtp_server() as (inbox, smtp_port):
        channel_id = await _email_channel(relay, smtp_port)
        app = await _signed_in(qapp, relay, data_dir)
        window = app.main_window
        conversation = window.inbox.conversation
        # The way the IMAP poll hands a mail over (tests/server/test_channels_email.py
        # drives the poll itself against a real IMAP server).
        mail = channel_repo.Inbound(
            provider_id="<m1@example.com>",
            address="eva@example.com",
            email="eva@example.com",
            name="Eva Ruiz",
            subject="Maceta verde",
            text="¿Tienen la maceta grande en verde?",
        )
        assert await relay.relay.channels.receive(channel_id, mail)
        await until(lambda: len(app.chats.order) == 1)
        chat_id = app.chats.order[0]
        assert app.chats.chat(chat_id).info.channel == "email"
        assert await app.chats.accept_async(chat_id)
        app.chats.select(chat_id)
        await until(lambda: conversation.composer.isEnabled())
        await until(lambda: conversation.messages_model.rowCount() >= 2)  # joined, her mail
        assert conversation.reply_channel.chat_button.text() == CHANNEL_LABEL[lang]
        assert conversation.header_url.text().startswith(CHANNEL_LABEL[lang])
        assert "Soporte" in conversation.header_url.text()
        assert "eva@example.com" in conversation.header_url.text()
        delegate = window.inbox.chat_delegate
        assert delegate.channel_names.label("email") == CHANNEL_LABEL[lang]
        # The list's channel tag fits beside the name (it is measured, never cut off).
        assert delegate.tag_width(CHANNEL_LABEL[lang], window.inbox.chat_list.font()) < 200
        window.grab().save(str(artifacts / f"desktop-{lang}-channel-email.png"))

        QTest.keyClicks(conversation.composer, "Yes, we have it in green.")
        QTest.keyClick(conversation.composer, Qt.Key.Key_Return)
        (reply,) = await inbox.wait(1, timeout=15)
        assert reply["To"] == "eva@example.com" and reply["In-Reply-To"] == "<m1@example.com>"
        assert reply["Subject"] == "Re: Maceta verde"
        await app.shutdown()


@pytest.mark.parametrize("lang", ["en", "es", "pt", "ru"])
async def test_c10_k1_admin_adds_an_email_channel_and_tests_it(
    qapp: Any,
    relay: RelayHandle,
    data_dir: Path,
    secrets: Any,
    translations: Path,  # noqa: F811 - the fixture
    artifacts: Path,
    lang: str,
) -> None:
    """K1: Ajustes → Reply channels: add an e-mail channel, the test message's failure shown
    (this SMTP server offers no STARTTLS, and the app never sends a password in clear) and
    kept as the channel's last error; add a WhatsApp channel, its webhook address shown;
    nothing cut off."""
    store = LocalStore(data_dir / "local.db")
    store.set(i18n.SETTING, lang)
    store.close()
    with smtp_server() as (_inbox, smtp_port):
        app = await _signed_in_app(qapp, relay, data_dir, admin=True)
        window = app.main_window
        window.nav.setCurrentRow(6)
        settings = window.settings_page
        settings.show_section("reply_channels")
        section = settings.sections["reply_channels"]
        await until(lambda: section.site.count() >= 1)
        assert not section.fields["bot_token"].isVisibleTo(section)  # e-mail's fields only
        section.name.setText("Soporte")
        values = {
            "address": "support@shop.example",
            "imap_host": "127.0.0.1",
            "smtp_host": "127.0.0.1",
            "smtp_port": str(smtp_port),
            "user": "support",
            "password": "imap-secret",
        }
        for key, value in values.items():
            section.fields[key].setText(value)
        QTest.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
        await until(lambda: section.list.count() == 1 and section.test_button.isEnabled())
        (shown,) = section.admin.channels
        assert shown.kind == "email" and "imap-secret" not in p.encode(
            p.ChannelsList(id=1, channels=[shown])
        )
        assert shown.secrets_set == ["imap_password", "smtp_password"]
        assert shown.settings["smtp_security"] == "starttls"  # never plain from the app

        # Its first poll (no IMAP server answers on 993 here) fails too: let it, so that the
        # last error below is the test message's.
        async def polled() -> bool:
            async with relay.relay.engine.connect() as conn:
                return bool((await conn.execute(sa.select(channels.c.poll_at))).scalar())

        for _ in range(500):
            if await polled():
                break
            await asyncio.sleep(0.02)  # a timer row: nothing to await but the row
        section.test_to.setText("eva@example.com")
        QTest.mouseClick(section.test_button, Qt.MouseButton.LeftButton)
        await until(lambda: section.admin.channels and section.admin.channels[0].last_error)
        await until(lambda: "STARTTLS" in section.last_error.text())
        assert "STARTTLS" in section.status.text()
        async with relay.relay.engine.connect() as conn:
            row = (await conn.execute(sa.select(channels))).one()
        assert "STARTTLS" in row.last_error
        layout = window.centralWidget().layout()  # type: ignore[union-attr]
        layout.activate()
        assert cut_off(window) == []
        window.grab().save(str(artifacts / f"desktop-{lang}-reply-channels.png"))

        # WhatsApp: its own fields, and the webhook address to give Meta.
        relay.relay.settings.channel_webhook_port = 0
        await relay.relay.channel_webhooks.start()
        QTest.mouseClick(section.new_button, Qt.MouseButton.LeftButton)
        section.kind.setCurrentIndex(section.kind.findData("whatsapp"))
        assert section.fields["app_secret"].isVisibleTo(section)
        assert not section.fields["imap_host"].isVisibleTo(section)
        section.name.setText("WhatsApp")
        for key, value in {
            "phone_number_id": "1098765",
            "access_token": "EAAG-x",
            "app_secret": "meta-secret",
            "verify_token": "verify-me",
        }.items():
            section.fields[key].setText(value)  # fmt: skip
        QTest.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
        await until(lambda: section.list.count() == 2 and section.webhook_url.isVisibleTo(section))
        assert section.webhook_url.text() == relay.relay.channel_webhook_url + "/channels/2/webhook"
        assert section.fields["app_secret"].text() == ""  # write-only: never shown back
        assert cut_off(window) == []
        window.grab().save(str(artifacts / f"desktop-{lang}-reply-channels-whatsapp.png"))
        await app.shutdown()
