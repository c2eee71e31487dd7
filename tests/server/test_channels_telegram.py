"""C10/K1 (issue 21): the Telegram channel against a fake Bot API of our own (getUpdates and
sendMessage over real HTTP): an update delivered twice reaches the app once; the reply reaches
the client once, even when the relay stops between sending it and hearing back (the Bot API
has no idempotency key: the reply is then marked failed, never sent twice); a wrong bot token
is refused by the provider and nothing is stored."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from jivo_desktop.net.client import AgentClient
from server import protocol as p
from server.channels import service as channel_service
from server.core.config import Settings
from server.core.relay import Relay
from server.store.db import read
from server.store.schema import channel_messages, channel_outbox, channels, chats, events
from tests.support.fake_telegram import FakeTelegram, fake_telegram
from tests.support.relay import RelayHandle, running_relay


async def _rows(relay: Relay, table: Any) -> list[Any]:
    return list(await read(relay.engine, lambda c: c.execute(sa.select(table)).all()))


async def _eventually(check: Any, timeout: float = 15.0) -> Any:
    """A timer row's effect: nothing to await but the row itself."""
    async with asyncio.timeout(timeout):
        while True:
            value = await check()
            if value:
                return value
            await asyncio.sleep(0.05)


async def _save(agent: AgentClient, fake: FakeTelegram, token: str) -> p.ChannelInfo:
    saved = await agent.request(
        lambda i: p.SaveChannel(
            id=i,
            kind="telegram",
            site_id=1,
            name="Bot",
            settings={"bot_token": token, "api_base": fake.base, "poll_seconds": "0.2"},
        )
    )
    assert isinstance(saved, p.ChannelSaved)
    return saved.channel


async def test_c10_k1_telegram_once_both_ways_across_a_relay_stop(tmp_path: Path) -> None:
    """C10/K1: inbound once (update_id), the reply once, even across a stop mid-send."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'relay.db'}"
    overrides: dict[str, Any] = {"channel_lease": 0.5, "channel_backoff": 0.1}
    with fake_telegram() as fake:
        async with running_relay(url, **overrides) as handle:
            relay = handle.relay
            agent = AgentClient(handle.ws_url)
            await agent.sign_in(handle.admin_email, handle.admin_password)
            await agent.wait_synced()
            channel = await _save(agent, fake, fake.token)
            assert channel.settings == {"api_base": fake.base, "poll_seconds": "0.2"}
            assert channel.secrets_set == ["bot_token"]

            fake.client_writes(777, "Hola, ¿tienen envío?", twice=True)  # delivered twice
            offered = await agent.wait_for(
                lambda f: isinstance(f, p.ChatOffered) and f.chat.channel == "telegram"
            )
            chat = offered.chat
            assert chat.visitor is not None and chat.visitor.name == "Eva"
            await agent.accept(chat.id)
            await _eventually(lambda: _done_polls(fake, 3))
            visitor_lines = [
                e for e in await _rows(relay, events) if e.author == "visitor"
            ]  # fmt: skip
            assert [e.text for e in visitor_lines] == ["Hola, ¿tienen envío?"]

            await agent.send_message(chat.id, "Sí, a todo el país.")
            await _eventually(lambda: _sent(fake, 1))
            assert fake.sent == [{"chat_id": "777", "text": "Sí, a todo el país."}]

            # The relay stops after the provider got the reply, before it heard back.
            fake.stall_sends = True
            await agent.send_message(chat.id, "Llega en 48 horas.")
            await _eventually(lambda: _sent(fake, 2))
            await agent.close()
        fake.release.set()
        fake.stall_sends = False

        settings = Settings(host="127.0.0.1", port=0, database_url=url, **overrides)
        async with Relay(settings) as again:  # the same database, the row's lease runs out

            async def settled() -> list[Any]:
                rows = await _rows(again, channel_outbox)
                return rows if all(r.status != "pending" for r in rows) else []

            rows = await _eventually(settled)
            assert [r.status for r in rows] == ["sent", "failed"]
            assert rows[1].last_error == channel_service.UNKNOWN_OUTCOME
            (row,) = await _rows(again, channels)
            assert row.last_error == channel_service.UNKNOWN_OUTCOME  # Ajustes → Canales
        assert [m["text"] for m in fake.sent] == ["Sí, a todo el país.", "Llega en 48 horas."]


async def _done_polls(fake: FakeTelegram, n: int) -> bool:
    return fake.calls.count("getUpdates") >= n


async def _sent(fake: FakeTelegram, n: int) -> bool:
    return len(fake.sent) >= n


async def test_c10_k1_telegram_wrong_token_refused_nothing_stored(relay: RelayHandle) -> None:
    """C10/K1: a wrong bot token: the provider refuses every call, the channel shows the
    error (Ajustes → Canales), no chat and no message is stored, the test message fails."""
    with fake_telegram() as fake:
        agent = AgentClient(relay.ws_url)
        await agent.sign_in(relay.admin_email, relay.admin_password)
        fake.client_writes(777, "Hola")
        channel = await _save(agent, fake, "999:wrong")

        async def failed() -> Any:
            (row,) = await _rows(relay.relay, channels)
            return row if row.last_error else None

        row = await _eventually(failed)
        assert row.last_error == "Telegram: HTTP 401 Unauthorized"
        assert await _rows(relay.relay, chats) == []
        assert await _rows(relay.relay, channel_messages) == []
        tested = await agent.request(lambda i: p.TestChannel(id=i, channel_id=channel.id, to="7"))
        assert isinstance(tested, p.ChannelTested) and not tested.ok
        assert "401" in tested.error and fake.sent == []
        await agent.close()


async def test_c10_k1_telegram_webhook_secret_token_and_retries(tmp_path: Path) -> None:
    """C10/K1: with a webhook secret the bot is pushed to (setWebhook's secret_token): an
    update without the right X-Telegram-Bot-Api-Secret-Token is refused with nothing stored;
    Telegram's retry of an update is one message; no getUpdates is made meanwhile."""
    import json
    import urllib.error
    import urllib.request

    def post(url: str, update: dict[str, Any], secret: str | None) -> int:
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        request = urllib.request.Request(
            url, data=json.dumps(update).encode(), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)

    url = f"sqlite+aiosqlite:///{tmp_path / 'relay.db'}"
    with fake_telegram() as fake:
        async with running_relay(url, channel_webhook_port=0) as handle:
            agent = AgentClient(handle.ws_url)
            await agent.sign_in(handle.admin_email, handle.admin_password)
            await agent.wait_synced()
            saved = await agent.request(
                lambda i: p.SaveChannel(
                    id=i, kind="telegram", site_id=1, name="Bot",
                    settings={"bot_token": fake.token, "api_base": fake.base,
                              "webhook_secret": "s3cret-token", "poll_seconds": "0.2"},
                )
            )  # fmt: skip
            assert isinstance(saved, p.ChannelSaved)
            hook = saved.channel.webhook_url
            assert hook.endswith(f"/channels/{saved.channel.id}/webhook")
            fake.client_writes(42, "Hola por webhook")
            update = fake.updates[0]
            for wrong in (None, "guess"):
                assert await asyncio.to_thread(post, hook, update, wrong) == 401
            assert await _rows(handle.relay, channel_messages) == []
            for _retry in range(2):
                assert await asyncio.to_thread(post, hook, update, "s3cret-token") == 200
            offered = await agent.wait_for(
                lambda f: isinstance(f, p.ChatOffered) and f.chat.channel == "telegram"
            )
            assert offered.chat.preview == "Hola por webhook"
            lines = [e.text for e in await _rows(handle.relay, events) if e.author == "visitor"]
            assert lines == ["Hola por webhook"]
            assert "getUpdates" not in fake.calls
            await agent.close()
