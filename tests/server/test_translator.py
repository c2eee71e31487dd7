"""C11 on the relay: the translator's settings (admins; the key never leaves the relay), both
directions against a fake LibreTranslate-API server, every translation stored once with its
message, and a backend that is off, failing or hanging answered with a clear error."""

from __future__ import annotations

import asyncio
import time

import pytest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from tests.support.fake_libretranslate import fake_libretranslate
from tests.support.relay import RelayHandle, running_relay
from tests.support.visitor import Visitor

SPANISH = "Hola, ¿tienen envío a Sevilla?"


async def _agent(relay: RelayHandle, admin: bool = False) -> AgentClient:
    client = AgentClient(relay.ws_url)
    if admin:
        await client.sign_in(relay.admin_email, relay.admin_password)
    else:
        await client.sign_in(relay.agent_email, relay.agent_password)
    return client


async def _chat(relay: RelayHandle, agent: AgentClient, text: str) -> tuple[Visitor, int, int]:
    """A visitor who wrote ``text``; the agent accepted: (visitor, chat id, the message's seq)."""
    await relay.offer_to_everyone()  # the admin is online too: Ana takes it
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    acked = await visitor.say(text)
    assert isinstance(acked, p.MessageAcked)
    offer = await agent.wait_for_type(p.ChatOffered)
    await agent.accept(offer.chat.id)
    return visitor, offer.chat.id, acked.seq


async def test_c11_translator_settings_admin_only_and_key_stays_on_the_relay(
    relay: RelayHandle,
) -> None:
    """C11: with no backend a translation is refused ``translator_off`` (a clear message, not
    silence); only admins read and set the translator; the API key is stored on the relay and
    no frame carries it back (``key_set`` says there is one); a bad URL is refused."""
    ana = await _agent(relay)
    boss = await _agent(relay, admin=True)
    try:
        visitor, chat_id, seq = await _chat(relay, ana, SPANISH)
        with pytest.raises(RelayError) as off:
            await ana.translate_messages(chat_id, [seq], "en")
        assert off.value.code == "translator_off" and "Integrations" in off.value.message
        with pytest.raises(RelayError) as forbidden:
            await ana.translator()
        assert forbidden.value.code in ("admin_only", "forbidden")
        with pytest.raises(RelayError):
            await ana.save_translator("libretranslate", "http://127.0.0.1:9", "k")

        assert (await boss.translator()) == p.TranslatorInfo()
        with pytest.raises(RelayError) as bad:
            await boss.save_translator("libretranslate", "ftp://translate.example", "k")
        assert bad.value.code == "invalid"
        info = await boss.save_translator("libretranslate", "http://127.0.0.1:9/", "s3cret-key")
        assert info.key_set and info.url == "http://127.0.0.1:9/"
        again = await boss.save_translator("libretranslate", "http://127.0.0.1:9/")  # keeps it
        assert again.key_set
        assert (await boss.translator()).key_set
        raw = await boss.request(lambda i: p.GetTranslator(id=i))
        assert "s3cret-key" not in p.encode(raw) and '"key_set":true' in p.encode(raw)
        off_again = await boss.save_translator("")
        assert off_again.backend == "" and off_again.key_set  # off, the key kept for later
        await visitor.close()
    finally:
        await ana.close()
        await boss.close()


async def test_c11_both_directions_stored_once(relay_any_db: RelayHandle) -> None:
    relay = relay_any_db  # SQLite and PostgreSQL (its upsert / compare-and-set)
    """C11 against the fake LibreTranslate API: the visitor's Spanish shows in English with its
    language detected; a second agent opening the chat gets the stored text with no new request
    to the backend; the agent's English reply is previewed and sent in the visitor's language
    (detected), the visitor receives the Spanish, and the agent's own words stay reachable as
    the message's translation into English (``original``), again without a backend request."""
    with fake_libretranslate() as fake:
        ana = await _agent(relay)
        boss = await _agent(relay, admin=True)
        try:
            await boss.save_translator("libretranslate", fake.url, fake.api_key)
            visitor, chat_id, seq = await _chat(relay, ana, SPANISH)
            [shown] = await ana.translate_messages(chat_id, [seq], "en")
            assert shown.text == "Hello, do you ship to Seville?" and shown.source == "es"
            assert not shown.original
            assert len(fake.calls) == 1 and fake.calls[0]["source"] == "auto"

            # a second agent (the admin reads any visitor chat) and the first one again
            [same] = await boss.translate_messages(chat_id, [seq], "en")
            assert same == shown
            assert await ana.translate_messages(chat_id, [seq], "en") == [shown]
            assert len(fake.calls) == 1, "a stored translation was asked for again"

            preview = await ana.translate_text(chat_id, "Yes, in two days.")
            assert (preview.text, preview.source, preview.target) == (
                "Sí, en dos días.",
                "en",
                "es",
            )
            acked = await ana.send_translated(chat_id, "Yes, in two days.", source="en")
            got = await visitor.wait_for(
                lambda f: (
                    isinstance(f, p.EventPush)
                    and f.event.kind == "message"
                    and f.event.author == "agent"
                )
            )
            assert got.event.text == "Sí, en dos días."
            calls = len(fake.calls)
            [mine] = await ana.translate_messages(chat_id, [acked.seq], "en")
            assert (mine.text, mine.original, mine.source) == ("Yes, in two days.", True, "en")
            [theirs] = await boss.translate_messages(chat_id, [acked.seq], "es")
            assert theirs.text == "Sí, en dos días."
            assert len(fake.calls) == calls  # both stored with the message when it was sent
            history = await boss.history(chat_id)
            assert [e.text for e in history if e.kind == "message"] == [SPANISH, "Sí, en dos días."]
            await visitor.close()
        finally:
            await ana.close()
            await boss.close()


async def test_c11_stored_only_reads_and_never_translates(relay: RelayHandle) -> None:
    """C11, the archive's read: ``stored_only`` answers the translations stored with the
    messages and makes none: a language nothing was stored in answers nothing, the backend gets
    no request, and with the translator off since, what is stored still reads."""
    with fake_libretranslate() as fake:
        ana = await _agent(relay)
        boss = await _agent(relay, admin=True)
        try:
            await boss.save_translator("libretranslate", fake.url, fake.api_key)
            visitor, chat_id, seq = await _chat(relay, ana, SPANISH)
            [shown] = await ana.translate_messages(chat_id, [seq], "en")
            assert len(fake.calls) == 1
            assert await ana.translate_messages(chat_id, [seq], "pt", stored_only=True) == []
            assert len(fake.calls) == 1, "stored_only asked the backend"
            await boss.save_translator("")
            assert await ana.translate_messages(chat_id, [seq], "en", stored_only=True) == [shown]
            assert len(fake.calls) == 1
            await visitor.close()
        finally:
            await ana.close()
            await boss.close()


async def test_c11_backend_down_or_hanging_is_a_message(sqlite_url: str) -> None:
    """C11: a backend answering 500, or a wrong key, is ``translator_failed`` with what it said;
    one that hangs is ``translator_failed`` after the relay's time-out (1 s here), not a hang;
    nothing is stored, so the next try (backend back) translates."""
    with fake_libretranslate() as fake:
        async with running_relay(sqlite_url, translator_timeout=1.0) as relay:
            ana = await _agent(relay)
            boss = await _agent(relay, admin=True)
            try:
                await boss.save_translator("libretranslate", fake.url, "wrong-key")
                visitor, chat_id, seq = await _chat(relay, ana, SPANISH)
                with pytest.raises(RelayError) as refused:
                    await ana.translate_messages(chat_id, [seq], "en")
                assert refused.value.code == "translator_failed"
                assert "403" in refused.value.message

                await boss.save_translator("libretranslate", fake.url, fake.api_key)
                fake.mode = "down"
                with pytest.raises(RelayError) as down:
                    await ana.translate_messages(chat_id, [seq], "en")
                assert down.value.code == "translator_failed" and "500" in down.value.message

                fake.mode, fake.hang_seconds = "hang", 4.0
                started = time.monotonic()
                with pytest.raises(RelayError) as hung:
                    await asyncio.wait_for(ana.translate_text(chat_id, "Thank you!"), 5)
                assert hung.value.code == "translator_failed"
                assert time.monotonic() - started < 3.5

                fake.mode = "ok"
                [shown] = await ana.translate_messages(chat_id, [seq], "en")
                assert shown.text == "Hello, do you ship to Seville?"
                await visitor.close()
            finally:
                await ana.close()
                await boss.close()
