"""P2 callback requests on the relay (issue 19): the widget's number read in the site's country,
premium-rate and emergency numbers refused, the requests limited per visitor and per address,
the request offered like a chat (the toast's ChatOffered says it is a callback), a missed one
turned into a CRM task for the client, and every step on the ``call_event`` webhook."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.phone import callbacks
from tests.server.test_routing import site_settings
from tests.server.test_webhooks import receiver
from tests.support.relay import RelayHandle, running_relay
from tests.support.visitor import Visitor
from tests.support.waiting import until


class _Site:
    def __init__(self, language: str, phone_country: str = "") -> None:
        self.language = language
        self.phone_country = phone_country


@pytest.mark.parametrize(
    ("typed", "country", "e164", "code"),
    [
        ("911 23 45 67", "ES", "+34911234567", ""),
        ("+34 911-23-45-67", "US", "+34911234567", ""),
        ("(212) 555-0123", "US", "+12125550123", ""),
        ("8 (495) 123-45-67", "RU", "+74951234567", ""),
        ("11 91234-5678", "BR", "+5511912345678", ""),
        ("07400 123456", "GB", "+447400123456", ""),
        ("112", "ES", "", "number_refused"),  # emergency
        ("911", "US", "", "number_refused"),
        ("999", "GB", "", "number_refused"),
        ("190", "BR", "", "number_refused"),
        ("803 123 456", "ES", "", "number_refused"),  # premium rate
        ("+44 909 879 0000", "ES", "", "number_refused"),
        ("+1 900 200 1234", "US", "", "number_refused"),
        ("+7 809 123 45 67", "RU", "", "number_refused"),
        ("hola", "ES", "", "invalid_number"),
        ("+34 12", "ES", "", "invalid_number"),
        ("", "ES", "", "invalid_number"),
        ("1" * 40, "ES", "", "invalid_number"),
    ],
)
def test_p2_callback_number_table(typed: str, country: str, e164: str, code: str) -> None:
    """P2: what a stranger types is read in the site's country; premium-rate and emergency
    numbers are never called back."""
    if code:
        with pytest.raises(p.FrameRejected) as refused:
            callbacks.checked_number(typed, country, 7)
        assert (refused.value.code, refused.value.request_id) == (code, 7)
    else:
        assert callbacks.checked_number(typed, country, 7) == e164


def test_p2_callback_country_of_the_site() -> None:
    assert callbacks.country_of(_Site("es")) == "ES"
    assert callbacks.country_of(_Site("pt")) == "BR"
    assert callbacks.country_of(_Site("en")) == "US"
    assert callbacks.country_of(_Site("es", "MX")) == "MX"


async def _boss(relay: RelayHandle) -> AgentClient:
    boss = AgentClient(relay.ws_url)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    await boss.wait_synced()
    return boss


async def enable_callbacks(boss: AgentClient, country: str = "ES", on: bool = True) -> None:
    """P2: the admin's site setting (SaveSite keeps everything else as it was)."""
    sites = await boss.request(lambda i: p.ListSites(id=i))
    assert isinstance(sites, p.SitesList)
    s = sites.sites[0]
    saved = await boss.request(
        lambda i: p.SaveSite(
            id=i, site_id=s.id, name=s.name, language=s.language, origins=s.origins,
            callbacks=on, phone_country=country,
        )
    )  # fmt: skip
    assert isinstance(saved, p.SiteSaved)
    assert (saved.site.callbacks, saved.site.phone_country) == (on, country)


async def ask(visitor: Visitor, number: str, when: str = "") -> p.Frame:
    rid = visitor.send_frame(lambda i: p.RequestCallback(id=i, number=number, time=when))
    return await visitor.answer(rid)


@asynccontextmanager
async def _hooked(relay: RelayHandle, boss: AgentClient, url: str) -> AsyncIterator[None]:
    saved = await boss.request(lambda i: p.SaveWebhook(id=i, url=url, events=["call_event"]))
    assert isinstance(saved, p.WebhookSaved)
    yield


def _events(got: Any) -> list[dict[str, Any]]:
    return [json.loads(body) for _headers, body in got.delivered()]


async def test_p2_callback_request_offered_taken_and_call_event(relay_any_db: RelayHandle) -> None:
    """P2: the site's setting reaches the widget; the request is a chat offered with its
    number (the toast), answered again on a retry (stored once), taken like a chat; the
    webhook tells ``requested`` and ``taken``."""
    relay = relay_any_db
    with receiver(failures=0) as (got, url):
        boss = await _boss(relay)
        visitor = Visitor(relay.ws_url, relay.site_key)
        try:
            async with _hooked(relay, boss, url):
                off = await visitor.connect()
                assert isinstance(off, p.VisitorWelcome) and not off.callbacks
                refused = await ask(visitor, "911 23 45 67")
                assert isinstance(refused, p.Error) and refused.code == "callbacks_off"
                await visitor.close()

                await enable_callbacks(boss)
                visitor = Visitor(relay.ws_url, relay.site_key)
                welcome = await visitor.connect()
                assert isinstance(welcome, p.VisitorWelcome) and welcome.callbacks
                mark = len(boss.received)
                asked = await ask(visitor, "911 23 45 67", "mañana por la tarde")
                assert isinstance(asked, p.CallbackRequested), asked
                assert asked.number == "+34911234567"
                offer = await boss.wait_for(
                    lambda f: isinstance(f, p.ChatOffered) and f.chat.id == asked.chat_id,
                    since=mark,
                )
                assert offer.chat.callback_number == "+34911234567"
                assert offer.chat.callback_time == "mañana por la tarde"
                assert offer.chat.visitor is not None
                assert offer.chat.visitor.phone == "+34911234567"  # the client panel's Call
                again = await ask(visitor, "+34 911 234 567", "mañana por la tarde")
                assert isinstance(again, p.CallbackRequested)
                assert again.chat_id == asked.chat_id  # a retry: the same request
                other = await ask(visitor, "600 111 222")
                assert isinstance(other, p.Error) and other.code == "chat_open"
                chat_message = await visitor.say("hola")  # the request is a chat
                assert isinstance(chat_message, p.MessageAcked)
                assert chat_message.chat_id == asked.chat_id

                await boss.accept(asked.chat_id)
                await until(lambda: len(got.delivered()) == 2, timeout=10)
                sent = _events(got)
                assert [e["event"] for e in sent] == ["call_event", "call_event"]
                assert [e["data"]["kind"] for e in sent] == ["requested", "taken"]
                assert sent[0]["data"]["number"] == "+34911234567"
                assert sent[0]["data"]["time"] == "mañana por la tarde"
                assert sent[0]["data"]["client_id"] is not None
                assert sent[1]["data"]["agent"]["name"] == "Boss"
        finally:
            await visitor.close()
            await boss.close()


async def test_p2_callback_limits_per_visitor_and_per_address(sqlite_url: str) -> None:
    """P2 bad input: a visitor asking for callbacks in a loop is refused after its hourly
    count (kept in the database), an address after its own (the relay's token buckets);
    refused numbers are answered plainly and store nothing."""
    limits = {"callbacks_per_visitor_hour": 1, "callbacks_per_ip_hour": 2.0}
    async with running_relay(sqlite_url, **limits) as relay:
        boss = await _boss(relay)
        first, second = Visitor(relay.ws_url, relay.site_key), Visitor(relay.ws_url, relay.site_key)
        try:
            await enable_callbacks(boss)
            await first.connect()
            for number, code in [("112", "number_refused"), ("806 123 456", "number_refused"),
                                 ("llámame", "invalid_number")]:  # fmt: skip
                refused = await ask(first, number)
                assert isinstance(refused, p.Error) and refused.code == code, (number, refused)
            asked = await ask(first, "911 23 45 67")
            assert isinstance(asked, p.CallbackRequested)
            await boss.accept(asked.chat_id)
            await boss.close_chat(asked.chat_id)
            looped = await ask(first, "911 23 45 68")
            assert isinstance(looped, p.Error) and looped.code == "rate_limited"
            assert "callback" in looped.message
            await second.connect()
            elsewhere = await ask(second, "911 23 45 69")  # the address has used its two
            assert isinstance(elsewhere, p.Error) and elsewhere.code == "rate_limited"
        finally:
            await first.close()
            await second.close()
            await boss.close()


async def test_p2_missed_callback_becomes_a_crm_task(relay_any_db: RelayHandle) -> None:
    """P2 with N3: a callback nobody takes walks the ladder to missed; it becomes a CRM task
    for the client (due now, with its reminder), and the webhook says ``missed``."""
    relay = relay_any_db
    with receiver(failures=0) as (got, url):
        boss = await _boss(relay)
        visitor = Visitor(relay.ws_url, relay.site_key)
        try:
            async with _hooked(relay, boss, url):
                await enable_callbacks(boss)
                await site_settings(relay, timeout=0.2)  # short rounds: missed within a second
                await visitor.connect()
                asked = await ask(visitor, "911 23 45 67", "after 5 pm")
                assert isinstance(asked, p.CallbackRequested)
                missed = await visitor.wait_for(
                    lambda f: isinstance(f, p.EventPush) and f.event.kind == "missed", timeout=15
                )
                assert missed.event.text == callbacks.MISSED_MARK  # not the offline form
                tasks = await boss.request(lambda i: p.ListTasks(id=i))
                assert isinstance(tasks, p.TaskList)
                [task] = [t for t in tasks.tasks if t.chat_id == asked.chat_id]
                assert task.title == "Call back +34911234567"
                assert task.note == "Preferred time: after 5 pm"
                assert task.client_id is not None and task.notify and not task.done
                # Its reminder fires now for its assignee (the first admin: no owner yet).
                due = await boss.wait_for(
                    lambda f: isinstance(f, p.TaskDue) and f.task.id == task.id, timeout=10
                )
                assert due.task.assignee_id == task.assignee_id
                card = await boss.request(lambda i: p.GetClient(id=i, client_id=task.client_id))
                assert isinstance(card, p.ClientCard)
                assert card.client.phone == "+34911234567"  # R1: the client has the number
                await until(lambda: len(got.delivered()) == 2, timeout=10)
                sent = [e["data"] for e in _events(got)]
                assert [d["kind"] for d in sent] == ["requested", "missed"]
                assert sent[1]["task_id"] == task.id
        finally:
            await visitor.close()
            await boss.close()
