"""V2 (manual) and V3 (automatic) invitations at the protocol level, and the rule requests that
only admins may make."""

from __future__ import annotations

import asyncio
import sys

import pytest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from tests.support.relay import AGENT_EMAIL, AGENT_PASSWORD, ROOT, RelayHandle, running_relay
from tests.support.visitor import Visitor
from tests.support.waiting import until


async def signed_in(relay: RelayHandle, email: str, password: str) -> AgentClient:
    agent = AgentClient(relay.ws_url)
    await agent.sign_in(email, password)
    await agent.wait_synced()
    return agent


async def on_site(relay: RelayHandle, token: str | None = None) -> Visitor:
    v = Visitor(relay.ws_url, relay.site_key)
    v.token = token
    assert isinstance(await v.connect(), p.VisitorWelcome)
    return v


async def view(v: Visitor, url: str, referrer: str = "") -> None:
    assert v.ws is not None
    await v.ws.send(p.encode(p.PageView(url=url, title=url.rsplit("/", 1)[-1], referrer=referrer)))


async def test_v2_manual_invitation_reply_starts_a_chat_assigned_to_the_inviter(
    relay: RelayHandle,
) -> None:
    """V2: the visitor gets the invitation; the reply is a chat already active with the agent
    who invited, never offered to the others."""
    boss = await signed_in(relay, relay.admin_email, relay.admin_password)
    ana = await signed_in(relay, AGENT_EMAIL, AGENT_PASSWORD)
    v = await on_site(relay)
    await view(v, "https://shop.example/pricing")
    await ana.request(
        lambda i: p.InviteVisitor(id=i, visitor_id=v.visitor_id or 0, text="Need help?")
    )
    invitation = await v.wait_for(lambda f: isinstance(f, p.VisitorInvitation))
    assert (invitation.text, invitation.agent_name) == ("Need help?", "Ana")
    assert invitation.rule_id is None

    boss_seen = len(boss.received)
    assert isinstance(await v.say("Yes, about prices"), p.MessageAcked)
    opened = await ana.wait_for(lambda f: isinstance(f, p.ChatOpened))
    assert opened.chat.state == "active" and opened.chat.agent_id == ana.welcome.agent.id  # type: ignore[union-attr]
    message = await ana.wait_for(
        lambda f: isinstance(f, p.EventPush) and f.event.text == "Yes, about prices"
    )
    assert message.event.chat_id == opened.chat.id
    await v.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.kind == "joined")
    await ana.send_message(opened.chat.id, "Hello, I am Ana")
    await v.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "Hello, I am Ana")
    assert not any(isinstance(f, p.ChatOffered) for f in boss.received[boss_seen:])
    for c in (v, boss, ana):
        await c.close()


async def test_v2_inviting_a_visitor_not_on_the_site_is_refused(relay: RelayHandle) -> None:
    ana = await signed_in(relay, AGENT_EMAIL, AGENT_PASSWORD)
    with pytest.raises(RelayError) as caught:
        await ana.request(lambda i: p.InviteVisitor(id=i, visitor_id=4242, text="Hi"))
    assert caught.value.code == "not_found"
    await ana.close()


async def test_v3_rules_are_admin_only(relay: RelayHandle) -> None:
    """A3/V3: an agent cannot read or change the rules; an admin can."""
    ana = await signed_in(relay, AGENT_EMAIL, AGENT_PASSWORD)
    rule = p.InvitationRule(site_id=1, message="Hi")
    for make in (
        lambda i: p.ListInvitationRules(id=i),
        lambda i: p.SaveInvitationRule(id=i, rule=rule),
        lambda i: p.DeleteInvitationRule(id=i, rule_id=1),
    ):
        with pytest.raises(RelayError) as caught:
            await ana.request(make)
        assert caught.value.code == "forbidden"
    boss = await signed_in(relay, relay.admin_email, relay.admin_password)
    saved = await boss.request(lambda i: p.SaveInvitationRule(id=i, rule=rule))
    assert isinstance(saved, p.InvitationRules)
    assert [r.message for r in saved.rules] == ["Hi"]
    assert [s.name for s in saved.sites] == ["Demo site"]
    gone = await boss.request(lambda i: p.DeleteInvitationRule(id=i, rule_id=saved.rules[0].id))
    assert isinstance(gone, p.InvitationRules) and gone.rules == []
    await ana.close()
    await boss.close()


async def test_v3_rule_invites_after_time_on_a_matching_page_and_closed_stays_closed(
    relay: RelayHandle,
) -> None:
    """V3: URL pattern + referrer + time on the page; the reply is offered as usual; a closed
    invitation does not come back in the same visit, even on a new page load."""
    boss = await signed_in(relay, relay.admin_email, relay.admin_password)
    rule = p.InvitationRule(
        site_id=1,
        message="Questions about shoes?",
        agent_name="Sofía",
        url_pattern="*/shoes*",
        referrer_pattern="google",
        min_seconds_on_page=1,
    )
    await boss.request(lambda i: p.SaveInvitationRule(id=i, rule=rule))

    v = await on_site(relay)
    await view(v, "https://shop.example/", "https://www.google.com/")
    await view(v, "https://shop.example/about", "https://shop.example/")
    await asyncio.sleep(1.3)  # longer than the rule's time: the page does not match
    assert not any(isinstance(f, p.VisitorInvitation) for f in v.frames)
    started = asyncio.get_running_loop().time()
    await view(v, "https://shop.example/shoes/red", "https://shop.example/about")
    invitation = await v.wait_for(lambda f: isinstance(f, p.VisitorInvitation))
    assert asyncio.get_running_loop().time() - started >= 0.9
    assert (invitation.text, invitation.agent_name) == ("Questions about shoes?", "Sofía")

    assert v.ws is not None
    await v.ws.send(p.encode(p.InvitationClosed(invitation_id=invitation.invitation_id)))
    token = v.token
    await v.close()
    v2 = await on_site(relay, token)  # the next page of the same visit
    await view(v2, "https://shop.example/shoes/blue", "https://shop.example/shoes/red")
    await asyncio.sleep(1.5)
    assert not any(isinstance(f, p.VisitorInvitation) for f in v2.frames)

    # Another visitor from a search engine replies: the chat is offered as usual.
    other = await on_site(relay)
    await view(other, "https://shop.example/shoes", "https://www.google.com/")
    await other.wait_for(lambda f: isinstance(f, p.VisitorInvitation), timeout=5)
    await other.say("Do you have size 44?")
    offer = await boss.wait_for(lambda f: isinstance(f, p.ChatOffered))
    assert offer.chat.visitor.id == other.visitor_id  # type: ignore[union-attr]
    for c in (v2, other, boss):
        await c.close()


async def test_v3_cli_adds_a_rule(relay: RelayHandle, sqlite_url: str) -> None:
    """An admin adds a rule with `jivo-relay add-invitation`; the relay uses it."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "server", "--db", sqlite_url, "add-invitation", "Demo site",
        "Welcome back!", "--min-visits", "1", "--url", "/welcome", "--agent-name", "Bot",
        cwd=str(ROOT), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    out, _ = await proc.communicate()
    assert proc.returncode == 0, out.decode()
    assert b"invitation rule" in out
    await relay.relay.invitations.load()  # the relay process reads rules on start and on change
    ana = await signed_in(relay, AGENT_EMAIL, AGENT_PASSWORD)  # someone to answer
    v = await on_site(relay)
    await view(v, "https://shop.example/welcome")
    invitation = await v.wait_for(lambda f: isinstance(f, p.VisitorInvitation))
    assert (invitation.text, invitation.agent_name) == ("Welcome back!", "Bot")
    await v.close()
    await ana.close()


async def test_v3_no_automatic_invitation_while_no_agent_is_online(relay: RelayHandle) -> None:
    """V3: with nobody online the reply would meet the offline form: no invitation then."""
    boss = await signed_in(relay, relay.admin_email, relay.admin_password)
    rule = p.InvitationRule(site_id=1, message="Hi there", url_pattern="/offline-test")
    await boss.request(lambda i: p.SaveInvitationRule(id=i, rule=rule))
    await boss.close()
    await until(lambda: relay.relay.presence.online_count() == 0)
    v = await on_site(relay)
    await view(v, "https://shop.example/offline-test")
    await until(lambda: relay.relay.tracker.live[v.visitor_id or 0].info.session_pages == 1)
    await until(lambda: relay.relay.tracker.live[v.visitor_id or 0].rule_timer is None)
    assert not relay.relay.tracker.live[v.visitor_id or 0].shown_rules
    assert not any(isinstance(f, p.VisitorInvitation) for f in v.frames)
    await v.close()


async def test_v3_rule_on_visit_count(sqlite_url: str) -> None:
    """V3: a rule for returning visitors shows on the second visit, not the first."""
    async with running_relay(sqlite_url, visit_timeout=0.0, visitor_linger=0.05) as relay:
        boss = await signed_in(relay, relay.admin_email, relay.admin_password)
        rule = p.InvitationRule(site_id=1, message="Nice to see you again", min_visits=2)
        await boss.request(lambda i: p.SaveInvitationRule(id=i, rule=rule))
        v = await on_site(relay)
        await view(v, "https://shop.example/")
        await asyncio.sleep(0.3)
        assert not any(isinstance(f, p.VisitorInvitation) for f in v.frames)
        token, vid = v.token, v.visitor_id
        await v.close()
        await until(lambda: vid not in relay.relay.tracker.live, 5)
        v2 = await on_site(relay, token)
        await view(v2, "https://shop.example/")
        invitation = await v2.wait_for(lambda f: isinstance(f, p.VisitorInvitation))
        assert invitation.text == "Nice to see you again"
        await v2.close()
        await boss.close()
