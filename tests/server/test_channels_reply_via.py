"""C10/K1 (issue 21): the composer's reply channel on the relay. A widget chat whose visitor
left an e-mail and a phone can be answered by e-mail (real SMTP, aiosmtpd) and by SMS (our fake
Twilio), the channels listed by ``list_reply_channels``; the client's e-mail answer (real IMAP,
pymap) comes back to the same chat and makes e-mail the default; a channel the client cannot
be reached on is refused ``unreachable`` with nothing stored."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from server.store.db import read
from server.store.schema import channel_outbox, events
from tests.server.test_channels_email import mail
from tests.support import fake_twilio as ft
from tests.support.fake_twilio import fake_twilio
from tests.support.imap import ImapServer, imap_server
from tests.support.relay import RelayHandle, running_relay
from tests.support.smtp import Inbox, smtp_server
from tests.support.visitor import Visitor


@pytest.fixture
async def relay(db_url: str) -> AsyncIterator[RelayHandle]:
    """SQLite and PostgreSQL."""
    async with running_relay(db_url, channel_webhook_port=0) as handle:
        yield handle


@pytest.fixture
def imap() -> Iterator[ImapServer]:
    with imap_server() as server:
        yield server


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    with smtp_server() as served:
        yield served


async def _rows(relay: RelayHandle, table: Any) -> list[Any]:
    return list(await read(relay.relay.engine, lambda c: c.execute(sa.select(table)).all()))


async def _save(agent: AgentClient, kind: Any, settings: dict[str, str]) -> p.ChannelInfo:
    saved = await agent.request(
        lambda i: p.SaveChannel(id=i, kind=kind, site_id=1, name=kind, settings=settings)
    )
    assert isinstance(saved, p.ChannelSaved)
    return saved.channel


async def _ways(agent: AgentClient, chat_id: int) -> p.ReplyChannels:
    answer = await agent.request(lambda i: p.ListReplyChannels(id=i, chat_id=chat_id))
    assert isinstance(answer, p.ReplyChannels)
    return answer


async def _refused(agent: AgentClient, chat_id: int, via: Any) -> RelayError:
    with pytest.raises(RelayError) as refused:
        await agent.request(
            lambda i: p.SendMessage(id=i, client_msg_id=f"x-{via}", text="¿Hola?",
                                    chat_id=chat_id, via=via)
        )  # fmt: skip
    return refused.value


async def test_c10_a_widget_chat_answered_by_email_and_sms_and_refused_elsewhere(
    relay: RelayHandle, imap: ImapServer, smtp: tuple[Inbox, int]
) -> None:
    """C10/K1: reply channels of a widget chat (e-mail, SMS), unreachable ones refused."""
    inbox, smtp_port = smtp
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.admin_email, relay.admin_password)
    await agent.wait_synced()
    visitor = Visitor(relay.ws_url, relay.site_key)
    try:
        with fake_twilio() as twilio:
            await visitor.connect()
            contact = visitor.send_frame(
                lambda i: p.SetContact(id=i, name="Eva", email="eva@example.com",
                                       phone="+34 600 111 222")
            )  # fmt: skip
            await visitor.answer(contact)
            await visitor.say("¿Tienen la maceta en verde?")
            offered = await agent.wait_for(lambda f: isinstance(f, p.ChatOffered))
            chat_id = offered.chat.id
            await agent.accept(chat_id)

            # No channel yet: the widget only.
            assert (await _ways(agent, chat_id)).channels == ["chat"]
            refused = await _refused(agent, chat_id, "email")
            assert refused.code == "unreachable" and "e-mail" in refused.message

            await _save(agent, "email", {
                "address": "support@shop.example", "imap_host": "127.0.0.1",
                "imap_port": str(imap.port), "imap_security": "plain", "imap_user": imap.user,
                "imap_password": imap.password, "smtp_host": "127.0.0.1",
                "smtp_port": str(smtp_port), "smtp_security": "plain", "poll_seconds": "0.2",
            })  # fmt: skip
            await _save(agent, "sms", {
                "account_sid": ft.ACCOUNT_SID, "auth_token": ft.AUTH_TOKEN,
                "from_number": ft.FROM_NUMBER, "api_base": twilio.base,
            })  # fmt: skip
            ways = await _ways(agent, chat_id)
            assert ways.channels == ["chat", "email", "sms"] and ways.last == "chat"

            # WhatsApp: no channel, so no way; refused and nothing stored.
            before = len(await _rows(relay, events))
            refused = await _refused(agent, chat_id, "whatsapp")
            assert refused.code == "unreachable" and "WhatsApp" in refused.message
            assert len(await _rows(relay, events)) == before
            assert await _rows(relay, channel_outbox) == []

            # By e-mail: one mail to the address she left; the line is in the chat too.
            await agent.send_message(chat_id, "Sí, en verde y en azul.", via="email")
            (reply,) = await inbox.wait(1, timeout=15)
            assert reply["To"] == "eva@example.com" and reply["Subject"] == "Demo site"
            assert "Sí, en verde y en azul." in reply.get_content()
            # By SMS: to her phone, once.
            await agent.send_message(chat_id, "Le escribo también por SMS.", via="sms")
            async with asyncio.timeout(15):
                while not twilio.sent:  # noqa: ASYNC110 - the outbox row is a timer row
                    await asyncio.sleep(0.05)
            assert twilio.sent == [{"To": "+34600111222", "From": ft.FROM_NUMBER,
                                    "Body": "Le escribo también por SMS."}]  # fmt: skip

            # Her e-mail answer comes back to this chat; e-mail is now the default.
            imap.deliver(
                mail("<eva-1@example.com>", "Re: Demo site", "¡La quiero en azul!",
                     headers={"In-Reply-To": str(reply["Message-ID"])})
            )  # fmt: skip
            pushed = await agent.wait_for(
                lambda f: isinstance(f, p.EventPush) and f.event.text == "¡La quiero en azul!",
                timeout=15,
            )
            assert pushed.event.chat_id == chat_id
            ways = await _ways(agent, chat_id)
            assert ways.channels == ["chat", "email", "sms"] and ways.last == "email"
            rows = await _rows(relay, channel_outbox)
            assert sorted(r.status for r in rows) == ["sent", "sent"]
            assert len(inbox.messages) == 1 and len(twilio.sent) == 1
    finally:
        await visitor.close()
        await agent.close()


async def test_c10_the_address_left_in_the_offline_form_makes_a_chat_answerable_by_email(
    relay: RelayHandle, smtp: tuple[Inbox, int]
) -> None:
    """C10/V6: a visitor who left an e-mail in the offline form can be answered by e-mail."""
    inbox, smtp_port = smtp
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(relay.admin_email, relay.admin_password)
    await agent.wait_synced()
    visitor = Visitor(relay.ws_url, relay.site_key)
    try:
        await _save(agent, "email", {
            "address": "support@shop.example", "smtp_host": "127.0.0.1",
            "smtp_port": str(smtp_port), "smtp_security": "plain",
        })  # fmt: skip
        await visitor.connect()
        form = visitor.send_frame(
            lambda i: p.OfflineMessage(id=i, email="leo@example.com", text="Llámenme")
        )
        assert isinstance(await visitor.answer(form), p.Ok)
        await visitor.say("¿Siguen ahí?")
        offered = await agent.wait_for(lambda f: isinstance(f, p.ChatOffered))
        await agent.accept(offered.chat.id)
        ways = await _ways(agent, offered.chat.id)
        assert ways.channels == ["chat", "email"] and ways.last == "chat"
        await agent.send_message(offered.chat.id, "Sí, le escribimos.", via="email")
        (reply,) = await inbox.wait(1, timeout=15)
        assert reply["To"] == "leo@example.com"
        assert "Sí, le escribimos." in reply.get_content()
    finally:
        await visitor.close()
        await agent.close()
