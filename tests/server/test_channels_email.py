"""C10/K1 (issue 21): the e-mail channel against a real IMAP server (pymap) and a real SMTP
server (aiosmtpd), both on 127.0.0.1. A client writes; the chat is offered to the agent like a
widget chat, showing its channel; the agent's reply goes out by SMTP threaded on the client's
mail; the client's answer (by In-Reply-To, and Outlook-style by the subject fallback) lands in
the same chat; a mail fetched twice is one message; a deleted chat is not imported again."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any

import pytest
import sqlalchemy as sa

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.crm import clients as crm_clients
from server.store.db import read
from server.store.schema import (
    channel_messages,
    channel_outbox,
    channels,
    chats,
    event_translations,
    events,
    metadata,
)
from tests.support.imap import ImapServer, imap_server
from tests.support.relay import RelayHandle
from tests.support.smtp import Inbox, smtp_server


def mail(
    message_id: str,
    subject: str,
    body: str,
    *,
    sender: str = "Eva Ruiz <eva@example.com>",
    headers: dict[str, str] | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "support@shop.example"
    msg["Subject"] = subject
    msg["Message-ID"] = message_id
    msg["Date"] = formatdate(usegmt=True)  # now: older mail than retention keeps is skipped
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    return bytes(msg)


@pytest.fixture
def imap() -> Iterator[ImapServer]:
    with imap_server() as server:
        yield server


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    with smtp_server() as served:
        yield served


class Mailbox:
    """The relay's e-mail channel as the test drives it."""

    def __init__(self, relay: RelayHandle, channel_id: int) -> None:
        self.relay = relay
        self.channel_id = channel_id

    async def row(self) -> Any:
        def fetch(conn: sa.Connection) -> Any:
            return conn.execute(sa.select(channels).where(channels.c.id == self.channel_id)).one()

        return await read(self.relay.relay.engine, fetch)

    async def polled(self, times: int = 2) -> None:
        """Wait for ``times`` polls to end: the second of two starts after this call, so it
        sees every mail delivered before."""
        seen = (await self.row()).poll_at
        for _ in range(times):
            for _attempt in range(1000):
                now = (await self.row()).poll_at
                if now != seen:
                    seen = now
                    break
                self.relay.relay.channels.wake()
                await _pause()
            else:
                raise AssertionError("the channel did not poll")

    async def forget_bookmark(self, state: dict[str, Any]) -> None:
        """As a relay that crashed before saving where it had read to."""

        def write(conn: sa.Connection) -> None:
            conn.execute(
                sa.update(channels)
                .where(channels.c.id == self.channel_id)
                .values(state=json.dumps(state), poll_at=0)
            )

        await self.relay.relay.writer.run(write)


async def _pause() -> None:
    await asyncio.sleep(0.02)  # the poll is a timer row: nothing to await but its next run


async def _count(relay: RelayHandle, query: Any) -> int:
    return int(await read(relay.relay.engine, lambda c: c.execute(query).scalar_one()))


@pytest.fixture
async def agent(relay_any_db: RelayHandle) -> AsyncIterator[AgentClient]:
    client = AgentClient(relay_any_db.ws_url)
    await client.sign_in(relay_any_db.admin_email, relay_any_db.admin_password)
    await client.wait_synced()
    yield client
    await client.close()


async def _add_channel(agent: AgentClient, imap: ImapServer, smtp_port: int) -> p.ChannelInfo:
    saved = await agent.request(
        lambda i: p.SaveChannel(
            id=i,
            kind="email",
            site_id=1,
            name="Soporte",
            settings={
                "address": "support@shop.example",
                "imap_host": "127.0.0.1",
                "imap_port": str(imap.port),
                "imap_security": "plain",
                "imap_user": imap.user,
                "imap_password": imap.password,
                "smtp_host": "127.0.0.1",
                "smtp_port": str(smtp_port),
                "smtp_security": "plain",
                "poll_seconds": "0.2",
            },
        )
    )
    assert isinstance(saved, p.ChannelSaved)
    return saved.channel


async def test_c10_k1_email_channel_opens_chat_replies_threaded_and_imports_once(
    relay_any_db: RelayHandle, agent: AgentClient, imap: ImapServer, smtp: tuple[Inbox, int]
) -> None:
    """C10/K1: e-mail in by IMAP, out by SMTP, threaded both ways, each mail imported once
    (SQLite and PostgreSQL)."""
    relay = relay_any_db
    inbox, smtp_port = smtp
    imap.deliver(mail("<old@example.com>", "Old mail", "From before the channel existed"))
    channel = await _add_channel(agent, imap, smtp_port)
    # Secrets stay on the relay: the admin sees that they are set, never their value.
    assert "imap_password" not in channel.settings and "smtp_password" not in channel.settings
    assert channel.secrets_set == ["imap_password"]
    assert imap.password not in p.encode(p.ChannelSaved(id=1, channel=channel))
    box = Mailbox(relay, channel.id)
    await box.polled()
    baseline = json.loads((await box.row()).state)
    assert baseline["next_uid"] > 0  # the old mail is where the channel starts, not imported

    # 1. The client writes: a chat is offered like a widget chat, showing its channel.
    imap.deliver(mail("<m1@example.com>", "Maceta verde", "¿Tienen la maceta grande en verde?"))
    offered = await agent.wait_for(
        lambda f: isinstance(f, p.ChatOffered) and f.chat.channel == "email", timeout=15
    )
    chat = offered.chat
    assert chat.channel_name == "Soporte" and chat.visitor is not None
    assert chat.visitor.email == "eva@example.com" and chat.visitor.name == "Eva Ruiz"
    assert chat.preview == "¿Tienen la maceta grande en verde?"
    await agent.accept(chat.id)

    # 2. The agent replies: one mail to the client, threaded on hers.
    await agent.send_message(chat.id, "Sí, la tenemos en verde.")
    (reply,) = await inbox.wait(1, timeout=15)
    assert reply["To"] == "eva@example.com"
    assert reply["Subject"] == "Re: Maceta verde"
    assert reply["In-Reply-To"] == "<m1@example.com>"
    assert "<m1@example.com>" in str(reply["References"])
    reply_id = str(reply["Message-ID"])
    assert reply_id.endswith("@shop.example>")
    assert "Sí, la tenemos en verde." in reply.get_content()

    # 3. Her answer (In-Reply-To our reply, another subject) lands in the same chat, quote cut.
    imap.deliver(
        mail(
            "<m2@example.com>",
            "Pedido",  # she changed the subject: only the headers thread it
            "¡Perfecto, la compro!\n\nOn Fri, Dec 4, 2026 Soporte wrote:\n> Sí, la tenemos",
            headers={"In-Reply-To": reply_id, "References": f"<m1@example.com> {reply_id}"},
        )
    )
    pushed = await agent.wait_for(
        lambda f: isinstance(f, p.EventPush) and f.event.text == "¡Perfecto, la compro!",
        timeout=15,
    )
    assert pushed.event.chat_id == chat.id and pushed.event.author == "visitor"

    # 4. Outlook-style: no In-Reply-To nor References, "RE:" subject: the fallback threads it.
    imap.deliver(
        mail(
            "<outlook-3@example.com>",
            "RE: Maceta verde",
            "¿Y el envío?\n\n-----Original Message-----\nFrom: Soporte\nSí, la tenemos",
            headers={"Thread-Index": "AQHZ1234"},
        )
    )
    pushed = await agent.wait_for(
        lambda f: isinstance(f, p.EventPush) and f.event.text == "¿Y el envío?", timeout=15
    )
    assert pushed.event.chat_id == chat.id

    # 5. Another subject is another conversation: a new chat, the same CRM client (R1).
    imap.deliver(mail("<m4@example.com>", "Factura", "¿Me mandan la factura?"))
    other = await agent.wait_for(
        lambda f: isinstance(f, p.ChatOffered) and f.chat.preview == "¿Me mandan la factura?",
        timeout=15,
    )
    assert other.chat.id != chat.id and other.chat.channel == "email"
    assert other.chat.visitor is not None and chat.visitor is not None
    first_client = await read(relay.relay.engine, crm_clients.client_of_visitor, chat.visitor.id)
    assert first_client is not None
    assert first_client == await read(
        relay.relay.engine, crm_clients.client_of_visitor, other.chat.visitor.id
    )

    # 6. The same mails fetched again (the bookmark lost, as after a crash): nothing new.
    stored = await _count(relay, sa.select(sa.func.count()).select_from(events))
    await box.forget_bookmark(baseline)
    await box.polled()
    assert await _count(relay, sa.select(sa.func.count()).select_from(events)) == stored
    inbound = (
        sa.select(sa.func.count())
        .select_from(channel_messages)
        .where(channel_messages.c.direction == "in")
    )
    assert await _count(relay, inbound) == 4
    # 7. ... even the one whose chat was deleted since: it is not resurrected.
    await _delete_chat(relay, other.chat.id)
    stored = await _count(relay, sa.select(sa.func.count()).select_from(events))
    await box.forget_bookmark(baseline)
    await box.polled()
    assert await _count(relay, inbound) == 4
    assert await _count(relay, sa.select(sa.func.count()).select_from(events)) == stored
    assert json.loads((await box.row()).state)["next_uid"] > baseline["next_uid"]
    assert await _count(relay, sa.select(sa.func.count()).select_from(chats)) == 1

    # The reply went once and is marked sent.
    sent = await read(relay.relay.engine, lambda c: c.execute(sa.select(channel_outbox)).all())
    assert [(r.status, r.attempts) for r in sent] == [("sent", 1)]
    assert len(inbox.messages) == 1

    # Ajustes → Reply channels' "send a test message" goes through the channel's own SMTP.
    tested = await agent.request(
        lambda i: p.TestChannel(id=i, channel_id=channel.id, to="owner@shop.example")
    )
    assert isinstance(tested, p.ChannelTested) and tested.ok, tested.error
    (_reply, test) = await inbox.wait(2, timeout=15)
    assert test["To"] == "owner@shop.example" and test["From"] == "support@shop.example"


async def _delete_chat(relay: RelayHandle, chat_id: int) -> None:
    """No admin deletes chats yet: the rows go as such a deletion (or a future retention) would
    remove them."""

    def write(conn: sa.Connection) -> None:
        ids = sa.select(events.c.id).where(events.c.chat_id == chat_id)
        conn.execute(sa.delete(event_translations).where(event_translations.c.event_id.in_(ids)))
        for table in metadata.sorted_tables[::-1]:  # every row that names the chat, then it
            column = table.c.get("chat_id")
            if column is not None and table is not channel_messages:
                conn.execute(sa.delete(table).where(column == chat_id))
        conn.execute(sa.delete(chats).where(chats.c.id == chat_id))

    await relay.relay.writer.run(write)
