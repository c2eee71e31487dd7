"""In-chat actions end to end with the widget in headless Chromium and two scripted agents:
invite (C7), transfer with a note (C9), comments (C10) and block (C8). What the widget received
is read from its WebSocket (every frame the page got), so "never reaches the widget" is
checked where it matters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.async_api import Browser

from server import protocol as p
from tests.e2e.widget_support import (
    WidgetPage,
    accept_next_chat,
    agent_event,
    open_widget_page,
    signed_in_agent,
    wait_until,
)
from tests.support.relay import RelayHandle

pytestmark = pytest.mark.browser

BLOCKED_TEXT = "Sorry, you can no longer send messages in this chat."


def _received_text(wp: WidgetPage) -> str:
    return json.dumps(wp.received, ensure_ascii=False)


async def _system_row(wp: WidgetPage, text: str) -> None:
    loc = wp.page.locator("#jivo-chat-widget [data-testid=system]", has_text=text).first
    await loc.wait_for(state="visible", timeout=10_000)


async def test_invite_transfer_note_and_comments_never_reach_the_widget(
    relay: RelayHandle, browser: Browser, artifacts: Path
) -> None:
    """C7: Ana invites Boss; the visitor sees "Boss joined the chat" and both agents' answers.
    C9: Ana transfers to Boss with a note; the chat moves when Boss accepts; the note never
    arrives in the widget. C10: the agents' comments never arrive either."""
    await relay.offer_to_everyone()  # written for the rule all
    note = "NOTE-9C1: cliente VIP, descuento 20 %"
    comments = ("COMMENT-A17: parece molesto", "COMMENT-B23: ya le ofrecí envío")
    async with (
        signed_in_agent(relay, relay.agent_email, relay.agent_password) as ana,
        signed_in_agent(relay) as boss,
    ):
        boss_id = boss.welcome.agent.id  # type: ignore[union-attr]
        wp = await open_widget_page(browser, relay.demo_url)
        try:
            await wp.open()
            await wp.wait_ready()
            await wp.say("Hola, necesito ayuda con un pedido")
            offer = await accept_next_chat(ana)
            chat_id = offer.chat.id
            await ana.send_message(chat_id, comments[0], comment=True)
            await ana.invite(chat_id, boss_id)
            invitation = await boss.wait_for_type(p.InvitationOffered)
            await boss.answer_invitation(invitation.invitation.id, True)
            await _system_row(wp, "Boss joined the chat")
            await boss.send_message(chat_id, "Hola, soy Boss; le ayudo también")
            await ana.send_message(chat_id, "Y yo sigo aquí")
            await wp.wait_text("Hola, soy Boss; le ayudo también", author="agent")
            await wp.wait_text("Y yo sigo aquí", author="agent")
            await boss.leave_chat(chat_id)
            await _system_row(wp, "Boss left the chat")

            since = len(boss.received)
            await ana.transfer(chat_id, boss_id, note)
            offered = await boss.wait_for(lambda f: isinstance(f, p.InvitationOffered), since=since)
            assert offered.invitation.note == note
            await ana.send_message(chat_id, "Le paso con mi compañero")  # still Ana's
            await boss.answer_invitation(offered.invitation.id, True)
            await agent_event(boss, lambda e: e.kind == "transfer" and e.text == note)
            await boss.send_message(chat_id, comments[1], comment=True)
            await boss.send_message(chat_id, "Soy Boss, sigo yo con su pedido")
            await wp.wait_text("Soy Boss, sigo yo con su pedido", author="agent")
            await _system_row(wp, "Ana left the chat")
            await wp.shot(artifacts / "actions-widget-after-transfer.png")

            received = _received_text(wp)
            assert "Le paso con mi compañero" in received  # the check can see agents' text
            for secret in (note, "NOTE-9C1", *comments, "COMMENT-A17", "COMMENT-B23"):
                assert secret not in received
            kinds = {f["event"]["kind"] for f in wp.received if f.get("type") == "event_push"}
            assert not kinds & {"comment", "transfer"}
            page_text = await wp.page.locator("#jivo-chat-widget").inner_text()
            assert "NOTE-9C1" not in page_text and "COMMENT" not in page_text
            assert wp.errors == []
        finally:
            await wp.close()


async def test_block_visitor_reload_new_token_same_ip_then_admin_unblocks(
    relay: RelayHandle, browser: Browser, artifacts: Path
) -> None:
    """C8: once blocked, the widget says so politely and cannot write; after a reload too;
    B5: when the agent chose to block the IP address too, a new visitor (new token, same IP)
    is told that its network address is blocked; the relay refuses the agent's unblock; the
    admin unblocks and the new visitor writes again."""
    await relay.offer_to_everyone()  # written for the rule all
    async with (
        signed_in_agent(relay, relay.agent_email, relay.agent_password) as ana,
        signed_in_agent(relay) as boss,
    ):
        wp = await open_widget_page(browser, relay.demo_url)
        other: WidgetPage | None = None
        try:
            await wp.open()
            await wp.wait_ready()
            await wp.say("compre seguidores baratos!!!")
            offer = await accept_next_chat(ana)
            await ana.block(offer.chat.id, "spam", by_ip=True)
            await wp.el("notice").filter(has_text=BLOCKED_TEXT).wait_for(timeout=10_000)
            await wait_until(lambda: wp.el("input").is_disabled())
            await wp.shot(artifacts / "actions-widget-blocked.png")

            await wp.page.reload()
            await wp.el("notice").filter(has_text=BLOCKED_TEXT).wait_for(timeout=10_000)
            await wait_until(lambda: wp.el("input").is_disabled())

            other = await open_widget_page(browser, relay.demo_url)  # new context: new token
            await other.open()
            await other.el("notice").filter(has_text="network address").wait_for(timeout=10_000)
            assert await other.el("input").is_disabled()
            tokens = [
                f.get("visitor_id")
                for f in wp.received + other.received
                if f.get("type") == "visitor_welcome"
            ]
            assert len(set(tokens)) == 2  # two visitors, one IP

            from jivo_desktop.net.errors import RelayError

            blocked = await boss.blocked()
            assert len(blocked) == 1
            with pytest.raises(RelayError):
                await ana.unblock(blocked[0].id)
            await boss.unblock(blocked[0].id)
            await other.page.reload()
            await other.open()
            await other.wait_ready()
            await wait_until(lambda: other.el("input").is_enabled())  # type: ignore[union-attr]
            since = len(ana.received)
            await other.say("Perdón, ¿puedo preguntar algo?")
            await ana.wait_for(lambda f: isinstance(f, p.ChatOffered), since=since)
            assert wp.errors == [] and other.errors == []
        finally:
            await wp.close()
            if other is not None:
                await other.close()
