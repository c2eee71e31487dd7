"""V6 on the relay: offline messages listed for agents (pushed live, with the visitor's
details), marked handled, answered by e-mail through the relay's mailer (a real SMTP server,
aiosmtpd); and the client panel's earlier chats of a returning client with their comments."""

from __future__ import annotations

import pytest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from tests.support.relay import RelayHandle
from tests.support.smtp import smtp_server
from tests.support.visitor import Visitor


async def _leave_offline_message(relay: RelayHandle, text: str) -> Visitor:
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect(page_url="https://shop.example/contacto")
    request_id = visitor.send_frame(
        lambda i: p.OfflineMessage(id=i, name="Eva Ruiz", email="eva@example.com", text=text)
    )
    assert isinstance(await visitor.answer(request_id), p.Ok)
    return visitor


async def test_v6_offline_messages_pushed_listed_handled_and_answered_by_email(
    relay_any_db: RelayHandle,
) -> None:
    """V6: an agent sees a new offline message at once (with the visitor's details), lists
    it, answers it by e-mail (the SMTP server gets the answer, quoting the visitor's text, to
    the visitor's address); it is then handled, for every agent; it can be reopened."""
    relay = relay_any_db
    ana, boss = AgentClient(relay.ws_url), AgentClient(relay.ws_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    visitor = await _leave_offline_message(relay, "¿Tienen la maceta grande en verde?")
    try:
        added = await ana.wait_for_type(p.OfflineMessageAdded)
        message = added.message
        assert (message.name, message.email) == ("Eva Ruiz", "eva@example.com")
        assert message.text == "¿Tienen la maceta grande en verde?" and not message.handled
        assert message.visitor is not None and message.visitor.id == visitor.visitor_id
        assert message.visitor.page_url == "https://shop.example/contacto"
        assert message.site_name
        assert [m.id for m in await boss.offline_messages()] == [message.id]

        with smtp_server() as (inbox, port):
            settings = relay.relay.settings
            settings.smtp_host, settings.smtp_port, settings.smtp_security = (
                "127.0.0.1",
                port,
                "none",
            )
            await ana.reply_offline(message.id, "Sí, nos queda una. ¿Se la reservamos?")
            (mail,) = await inbox.wait(1)
        assert mail["To"] == "eva@example.com"
        body = str(mail.get_content())
        assert "Sí, nos queda una. ¿Se la reservamos?" in body
        assert "> ¿Tienen la maceta grande en verde?" in body
        changed = await boss.wait_for_type(p.OfflineMessageChanged)
        assert changed.message.handled and changed.message.handled_by == "Ana"
        assert changed.message.replied_at is not None
        assert await boss.offline_messages() == []
        assert [m.id for m in await boss.offline_messages(handled=True)] == [message.id]
        await boss.mark_offline_handled(message.id, False)
        assert [m.id for m in await ana.offline_messages()] == [message.id]
    finally:
        await visitor.close()
        await ana.close()
        await boss.close()


async def test_v6_reply_without_smtp_is_refused_and_stays_unhandled(
    relay: RelayHandle,
) -> None:
    """V6: with no SMTP server set, an answer is refused with ``mail_failed`` (the agent is
    told), and the message stays in the list of unhandled ones."""
    ana = AgentClient(relay.ws_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)
    visitor = await _leave_offline_message(relay, "Llámenme, por favor")
    try:
        (message,) = await ana.offline_messages()
        with pytest.raises(RelayError) as info:
            await ana.reply_offline(message.id, "Le llamamos mañana")
        assert info.value.code == "mail_failed"
        assert [m.id for m in await ana.offline_messages()] == [message.id]
        with pytest.raises(RelayError) as missing:
            await ana.mark_offline_handled(message.id + 1000)
        assert missing.value.code == "not_found"
    finally:
        await visitor.close()
        await ana.close()


async def test_v6_visitors_cannot_read_offline_messages(relay: RelayHandle) -> None:
    """V6: the frames are agents' only; a visitor sending one is refused."""
    visitor = await _leave_offline_message(relay, "hola")
    try:
        refused = await visitor.answer(visitor.send_frame(lambda i: p.ListOfflineMessages(id=i)))
        assert isinstance(refused, p.Error) and refused.code == "forbidden"
    finally:
        await visitor.close()


async def test_returning_client_earlier_chats_with_comments(relay_any_db: RelayHandle) -> None:
    """Comments "en caso de que el mismo cliente le contacte más tarde": when a client comes
    back, the agent answering them gets their earlier chats with the comments in them; an
    agent who never chatted with the client is refused, an admin is not."""
    relay = relay_any_db
    ana = AgentClient(relay.ws_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("Quiero devolver una maceta")
    first = await ana.wait_for_type(p.ChatOffered)
    await ana.accept(first.chat.id)
    await ana.send_message(first.chat.id, "Prefiere que le llamemos por la tarde", comment=True)
    await ana.close_chat(first.chat.id)
    eve = AgentClient(relay.ws_url)
    try:
        await visitor.say("Hola otra vez")
        second = await ana.wait_for(
            lambda f: isinstance(f, p.ChatOffered) and f.chat.id != first.chat.id
        )
        await ana.accept(second.chat.id)
        assert visitor.visitor_id is not None
        earlier = await ana.client_history(visitor.visitor_id)
        assert [c.chat.id for c in earlier] == [first.chat.id]
        assert [e.text for e in earlier[0].comments] == ["Prefiere que le llamemos por la tarde"]
        assert earlier[0].chat.state == "closed"

        await relay.add_agent("eve@example.com", "eve-password-1", "Eve")
        await eve.sign_in("eve@example.com", "eve-password-1")
        with pytest.raises(RelayError) as info:
            await eve.client_history(visitor.visitor_id)
        assert info.value.code == "forbidden"
        boss = AgentClient(relay.ws_url)
        await boss.sign_in(relay.admin_email, relay.admin_password)
        assert len(await boss.client_history(visitor.visitor_id)) == 1
        await boss.close()
    finally:
        await eve.close()
        await visitor.close()
        await ana.close()


async def test_v6_one_visitor_cannot_flood_the_offline_list(sqlite_url: str) -> None:
    """V6, bounded anonymous input: one visitor may have a few offline messages waiting
    (``max_offline_messages``); the next is refused with ``rate_limited`` until an agent
    handles one."""
    from tests.support.relay import running_relay

    async with running_relay(sqlite_url, max_offline_messages=2) as relay:
        ana = AgentClient(relay.ws_url)
        await ana.sign_in(relay.agent_email, relay.agent_password)
        visitor = await _leave_offline_message(relay, "uno")
        try:
            answers = []
            for text in ("dos", "tres"):
                request_id = visitor.send_frame(
                    lambda i, t=text: p.OfflineMessage(id=i, email="eva@example.com", text=t)
                )
                answers.append(await visitor.answer(request_id))
            assert isinstance(answers[0], p.Ok)
            assert isinstance(answers[1], p.Error) and answers[1].code == "rate_limited"
            waiting = await ana.offline_messages()
            assert sorted(m.text for m in waiting) == ["dos", "uno"]
            await ana.mark_offline_handled(waiting[0].id)
            request_id = visitor.send_frame(
                lambda i: p.OfflineMessage(id=i, email="eva@example.com", text="tres")
            )
            assert isinstance(await visitor.answer(request_id), p.Ok)
        finally:
            await visitor.close()
            await ana.close()
