"""In-chat actions on the relay with scripted agents and a protocol-level visitor: invite (C7),
transfer (C9), block (C8), comment (C10), quick phrases (C12), collision control (C18)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import pytest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from server.core.config import Settings
from server.core.relay import Relay
from tests.support.relay import RelayHandle, running_relay
from tests.support.visitor import Visitor
from tests.support.waiting import until


@contextlib.asynccontextmanager
async def _team(relay: RelayHandle) -> AsyncIterator[tuple[AgentClient, AgentClient]]:
    await relay.offer_to_everyone()  # both are offered each new chat
    ana, boss = AgentClient(relay.ws_url), AgentClient(relay.ws_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    try:
        yield ana, boss
    finally:
        await ana.close()
        await boss.close()


async def _chat_with(
    relay: RelayHandle, ana: AgentClient, text: str = "hola"
) -> tuple[Visitor, int]:
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say(text)
    offer = await ana.wait_for_type(p.ChatOffered)
    await ana.accept(offer.chat.id)
    return visitor, offer.chat.id


def _me(client: AgentClient) -> int:
    assert client.welcome is not None
    return client.welcome.agent.id


def _visitor_saw(visitor: Visitor, needle: str) -> bool:
    return any(needle in str(f) for f in visitor.frames)


async def test_invite_colleague_both_write_visitor_sees_join(relay_any_db: RelayHandle) -> None:
    """C7: Ana invites Boss without leaving; Boss gets the offer, accepts; the visitor sees
    "Boss joined"; both agents write and see each other's messages; Leave by one keeps the
    chat open for the other (C3 with colleagues)."""
    relay = relay_any_db
    async with _team(relay) as (ana, boss):
        visitor, chat_id = await _chat_with(relay, ana)
        await ana.invite(chat_id, _me(boss))
        offer = await boss.wait_for_type(p.InvitationOffered)
        assert offer.invitation.kind == "invite" and offer.invitation.from_name == "Ana"
        chat = await boss.answer_invitation(offer.invitation.id, True)
        assert chat is not None and sorted(chat.members) == sorted([_me(ana), _me(boss)])
        answered = await ana.wait_for_type(p.InvitationAnswered)
        assert answered.outcome == "accepted"
        joined = await visitor.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.kind == "joined"
            and f.event.author_name == "Boss"
        )  # fmt: skip
        assert joined
        await boss.send_message(chat_id, "Soy el jefe")
        await ana.send_message(chat_id, "Y yo Ana")
        await ana.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "Soy el jefe")
        await boss.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "Y yo Ana")
        await until(lambda: {"Soy el jefe", "Y yo Ana"} <= set(visitor.messages()))
        await ana.leave_chat(chat_id)
        await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.kind == "left")
        await boss.send_message(chat_id, "Sigo aquí")  # still open for Boss
        await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "Sigo aquí")
        await visitor.close()


async def test_transfer_with_note_moves_only_when_accepted(relay_any_db: RelayHandle) -> None:
    """C9: the note reaches the colleague and the agents' history, never the visitor; until the
    colleague accepts, the first agent keeps the chat; a decline is told to the first agent."""
    relay = relay_any_db
    note = "VIP: quiere factura con NIF, nota secreta 7731"
    async with _team(relay) as (ana, boss):
        visitor, chat_id = await _chat_with(relay, ana)
        await ana.transfer(chat_id, _me(boss), note)
        offer = await boss.wait_for_type(p.InvitationOffered)
        assert offer.invitation.note == note and offer.invitation.kind == "transfer"
        # An agent who connects meanwhile (another device) is offered it too.
        boss2 = AgentClient(relay.ws_url)
        await boss2.sign_in(relay.admin_email, relay.admin_password)
        again = await boss2.wait_for_type(p.InvitationOffered)
        assert again.invitation.id == offer.invitation.id
        await boss2.close()
        await ana.send_message(chat_id, "Todavía contesto yo")  # Ana keeps it meanwhile
        await boss.answer_invitation(offer.invitation.id, False)
        declined = await ana.wait_for_type(p.InvitationAnswered)
        assert declined.outcome == "declined" and declined.agent_name == "Boss"

        since = len(ana.received)
        await ana.transfer(chat_id, _me(boss), note)
        second = await boss.wait_for(
            lambda f: isinstance(f, p.InvitationOffered) and f.invitation.id != offer.invitation.id
        )
        chat = await boss.answer_invitation(second.invitation.id, True)
        assert chat is not None and chat.agent_id == _me(boss) and chat.members == [_me(boss)]
        await ana.wait_for(
            lambda f: isinstance(f, p.InvitationAnswered) and f.outcome == "accepted", since=since
        )
        kinds = [e.kind for e in await boss.history(chat_id)]
        assert kinds[-3:] == ["joined", "transfer", "left"]
        assert any(e.text == note for e in await boss.history(chat_id))
        with pytest.raises(RelayError) as info:
            await ana.send_message(chat_id, "ya no es mío")
        assert info.value.code == "not_in_chat"
        await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.kind == "left")
        # Nothing of the note ever reached the visitor, live or replayed after a reconnect.
        again = Visitor(relay.ws_url, relay.site_key)
        again.token = visitor.token
        await again.connect()
        await again.wait_for(lambda f: isinstance(f, p.SyncDone))
        for v in (visitor, again):
            assert not _visitor_saw(v, "7731")
            assert all(e.kind != "transfer" for e in v.events())
        await visitor.close()
        await again.close()


async def test_transfer_times_out(sqlite_url: str) -> None:
    """C9: an unanswered transfer expires; the first agent is told and keeps the chat."""
    async with (
        running_relay(sqlite_url, invitation_timeout=0.3) as relay,
        _team(relay) as (
            ana,
            boss,
        ),
    ):
        visitor, chat_id = await _chat_with(relay, ana)
        await ana.transfer(chat_id, _me(boss), "¿lo coges?")
        offer = await boss.wait_for_type(p.InvitationOffered)
        expired = await ana.wait_for_type(p.InvitationAnswered)
        assert expired.outcome == "expired"
        await boss.wait_for_type(p.InvitationAnswered)  # Boss's offer goes away too
        with pytest.raises(RelayError):
            await boss.answer_invitation(offer.invitation.id, True)
        await ana.send_message(chat_id, "sigo yo")
        await visitor.close()


async def test_block_by_visitor_and_ip_and_admin_unblock(relay_any_db: RelayHandle) -> None:
    """C8, B5: a visitor blocked with its IP ticked cannot write (also after reconnecting, and
    with a new visitor token from the same IP, told with the distinct ``ip_blocked``); the
    relay refuses an agent's unblock (admin only); the admin lists and unblocks, then the
    visitor writes again."""
    relay = relay_any_db
    async with _team(relay) as (ana, boss):
        visitor, chat_id = await _chat_with(relay, ana, "spam spam")
        await ana.block(chat_id, "spam", spam=True, by_ip=True)
        await visitor.wait_for(lambda f: isinstance(f, p.VisitorBlocked))
        refused = await visitor.say("más spam")
        assert isinstance(refused, p.Error) and refused.code == "blocked"
        # Reconnect with the same token: told at once, still refused.
        same = Visitor(relay.ws_url, relay.site_key)
        same.token = visitor.token
        await same.connect()
        await same.wait_for(lambda f: isinstance(f, p.VisitorBlocked))
        assert (await same.say("hola?")).code == "blocked"  # type: ignore[attr-defined]
        # A brand-new visitor token from the same IP.
        fresh = Visitor(relay.ws_url, relay.site_key)
        await fresh.connect()
        assert fresh.visitor_id != visitor.visitor_id
        told = await fresh.wait_for(lambda f: isinstance(f, p.VisitorBlocked))
        assert told.by_ip  # type: ignore[attr-defined]
        assert (await fresh.say("soy otro")).code == "ip_blocked"  # type: ignore[attr-defined]
        upload = fresh.send_frame(
            lambda rid: p.UploadFile(
                id=rid, client_msg_id="f1", name="a.txt", size=3, sha256="0" * 64
            )
        )
        assert (await fresh.answer(upload)).code == "ip_blocked"  # type: ignore[attr-defined]

        with pytest.raises(RelayError) as info:
            await ana.blocked()
        assert info.value.code == "admin_only"
        blocked = await boss.blocked()
        assert len(blocked) == 1 and blocked[0].visitor_id == visitor.visitor_id
        assert blocked[0].ip == "127.0.0.1" and blocked[0].blocked_by == "Ana"
        assert blocked[0].reason == "spam" and blocked[0].spam and blocked[0].by_ip
        with pytest.raises(RelayError) as info:
            await ana.unblock(blocked[0].id)
        assert info.value.code == "admin_only"
        await boss.unblock(blocked[0].id)
        assert await boss.blocked() == []
        assert isinstance(await fresh.say("ya puedo"), p.MessageAcked)
        for v in (visitor, same, fresh):
            await v.close()


async def test_comment_only_agents_see(relay_any_db: RelayHandle) -> None:
    """C10: a comment is stored in the conversation for agents; the visitor never gets it,
    live or in the replay; a visitor cannot send one."""
    relay = relay_any_db
    async with _team(relay) as (ana, _boss):
        visitor, chat_id = await _chat_with(relay, ana)
        ack = await ana.send_message(chat_id, "Cliente difícil, nota interna 4242", comment=True)
        await ana.send_message(chat_id, "¿En qué le ayudo?")
        await visitor.wait_for(
            lambda f: isinstance(f, p.EventPush) and f.event.text.startswith("¿En")
        )
        events = await ana.history(chat_id)
        comment = next(e for e in events if e.seq == ack.seq)
        assert comment.kind == "comment" and comment.author_name == "Ana"
        again = Visitor(relay.ws_url, relay.site_key)
        again.token = visitor.token
        await again.connect()
        await again.wait_for(lambda f: isinstance(f, p.SyncDone))
        for v in (visitor, again):
            assert not _visitor_saw(v, "4242")
        assert visitor.ws is not None
        await visitor.ws.send(
            p.encode(p.SendMessage(id=77, client_msg_id="x1", text="hack", comment=True))
        )
        refused = await visitor.answer(77)
        assert isinstance(refused, p.Error) and refused.code == "forbidden"
        await visitor.close()
        await again.close()


async def test_quick_phrases_shared_and_pushed(relay: RelayHandle) -> None:
    """C12: phrases are stored on the relay, shared by the team, pushed live to every agent;
    a shortcut is unique; edit and delete work."""
    async with _team(relay) as (ana, boss):
        phrases = await ana.save_phrase("/Hi", "¡Hola! ¿En qué puedo ayudarle?")
        assert [(x.shortcut, x.text) for x in phrases] == [("hi", "¡Hola! ¿En qué puedo ayudarle?")]
        pushed = await boss.wait_for_type(p.PhrasesChanged)
        assert pushed.phrases == phrases
        with pytest.raises(RelayError) as info:
            await boss.save_phrase("hi", "otra")
        assert info.value.code == "duplicate"
        edited = await boss.save_phrase("hola", "Buenas tardes", phrase_id=phrases[0].id)
        assert [(x.shortcut, x.text) for x in edited] == [("hola", "Buenas tardes")]
        assert await ana.phrases() == edited
        assert await ana.delete_phrase(edited[0].id) == []


async def test_collision_viewers_and_typing(relay: RelayHandle) -> None:
    """C18: an agent opening a chat is shown to the others in it as viewing; typing by a
    colleague is shown too; a closed connection stops viewing."""
    async with _team(relay) as (ana, boss):
        visitor, chat_id = await _chat_with(relay, ana)
        await ana.invite(chat_id, _me(boss))
        offer = await boss.wait_for_type(p.InvitationOffered)
        await boss.answer_invitation(offer.invitation.id, True)
        await boss.view_chat(chat_id, True)
        seen = await ana.wait_for(
            lambda f: isinstance(f, p.ChatViewers) and f.agent_ids == [_me(boss)]
        )
        assert seen.chat_id == chat_id
        await boss.typing(chat_id, True)
        typing: Any = await ana.wait_for(
            lambda f: isinstance(f, p.TypingChanged) and f.who == "agent"
        )
        assert typing.agent_id == _me(boss) and typing.active
        since = len(ana.received)
        await boss.close()
        await ana.wait_for(
            lambda f: isinstance(f, p.ChatViewers) and f.agent_ids == [], since=since
        )
        await visitor.close()


async def test_pending_transfer_expires_after_a_relay_restart(sqlite_url: str) -> None:
    """C9: the invitation's time-out is kept in the database: after a restart the relay still
    expires it, tells the first agent, and the colleague is offered it again meanwhile."""
    # Long enough for the restart and Ana's sign-in on a loaded machine: Ana must be connected
    # when it expires to be told.
    async with (
        running_relay(sqlite_url, invitation_timeout=6.0) as relay,
        _team(relay) as (ana, boss),
    ):
        visitor, chat_id = await _chat_with(relay, ana)
        await ana.transfer(chat_id, _me(boss), "antes del reinicio")
        await boss.wait_for_type(p.InvitationOffered)
        await visitor.close()
    settings = Settings(host="127.0.0.1", port=0, database_url=sqlite_url)
    async with Relay(settings) as restarted:  # the same database, a new process's state
        ana, boss = AgentClient(restarted.ws_url), AgentClient(restarted.ws_url)
        await ana.sign_in(relay.agent_email, relay.agent_password)
        await boss.sign_in(relay.admin_email, relay.admin_password)
        again = await boss.wait_for_type(p.InvitationOffered)
        assert again.invitation.note == "antes del reinicio"
        expired = await ana.wait_for_type(p.InvitationAnswered, timeout=15)
        assert expired.outcome == "expired" and expired.invitation_id == again.invitation.id
        await ana.close()
        await boss.close()


async def test_c12_quick_phrase_has_a_label_and_a_shortcut(relay_any_db: RelayHandle) -> None:
    """C12: a phrase has a label (the guide's "etiqueta") besides its shortcut and text; the
    label is stored, edited, pushed to colleagues and bounded in length."""
    relay = relay_any_db
    async with _team(relay) as (ana, boss):
        saved = await ana.save_phrase("envio", "El envío tarda 2-3 días.", label="Plazos  de envío")
        assert [(x.label, x.shortcut) for x in saved] == [("Plazos de envío", "envio")]
        pushed = await boss.wait_for_type(p.PhrasesChanged)
        assert pushed.phrases[0].label == "Plazos de envío"
        edited = await boss.save_phrase(
            "envio", "El envío tarda 2 días.", phrase_id=saved[0].id, label="Envío"
        )
        assert edited[0].label == "Envío" and edited[0].text == "El envío tarda 2 días."
        with pytest.raises(RelayError) as info:
            await ana.save_phrase("x", "y", label="L" * (p.MAX_PHRASE_LABEL + 1))
        assert info.value.code == "invalid"
