"""C16 on the relay, against a fake GIF provider (Klipy's Tenor-compatible API and GIPHY's):
the provider set by admins (the key stays on the relay), search and previews proxied by the
relay, the chosen GIF stored as a file of the chat (C14 path and limits), and clear errors."""

from __future__ import annotations

import asyncio
import urllib.request

import pytest

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import RelayError
from server import protocol as p
from tests.support.fake_gifs import RED_GIF, fake_gifs
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor


async def _agents(relay: RelayHandle) -> tuple[AgentClient, AgentClient]:
    ana, boss = AgentClient(relay.ws_url), AgentClient(relay.ws_url)
    await ana.sign_in(relay.agent_email, relay.agent_password)
    await boss.sign_in(relay.admin_email, relay.admin_password)
    return ana, boss


async def _chat(relay: RelayHandle, ana: AgentClient) -> tuple[Visitor, int]:
    await relay.offer_to_everyone()
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hola")
    offer = await ana.wait_for_type(p.ChatOffered)
    await ana.accept(offer.chat.id)
    return visitor, offer.chat.id


def _get(url: str) -> tuple[int, bytes, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read(), response.headers["Content-Type"]


async def test_c16_gifs_off_then_klipy_search_preview_and_send(relay: RelayHandle) -> None:
    """C16: no provider: ``gifs_off``; only admins set one and the key never comes back; Klipy
    (Tenor's API) search and trending go through the relay; a preview is served by the relay
    from the provider; the chosen GIF is fetched by the relay and stored as a file of the chat
    (image/gif, named after its title), pushed to the visitor and kept in the history."""
    with fake_gifs() as fake:
        ana, boss = await _agents(relay)
        try:
            visitor, chat_id = await _chat(relay, ana)
            with pytest.raises(RelayError) as off:
                await ana.search_gifs("happy")
            assert off.value.code == "gifs_off" and "Integrations" in off.value.message
            with pytest.raises(RelayError):
                await ana.save_gif_provider("klipy", "k", fake.url)
            with pytest.raises(RelayError) as no_key:
                await boss.save_gif_provider("klipy", "", fake.url)
            assert no_key.value.code == "invalid"
            info = await boss.save_gif_provider("klipy", fake.key, fake.url)
            assert info.key_set and info.provider == "klipy"
            raw = await boss.request(lambda i: p.GetGifProvider(id=i))
            assert fake.key not in p.encode(raw)

            found = await ana.search_gifs("happy")
            assert [g.title for g in found] == ["Happy dance"]
            assert (found[0].width, found[0].height) == (480, 270)
            assert any(r.startswith("/v2/search?") and "q=happy" in r for r in fake.requests)
            assert len(await ana.search_gifs("")) == 3  # trending
            assert any(r.startswith("/v2/featured?") for r in fake.requests)
            assert found[0].preview.startswith("/gifs/preview/")
            # the relay runs in this process: fetch from a thread
            status, body, kind = await asyncio.to_thread(
                _get, relay.http_url.rstrip("/") + found[0].preview
            )
            assert (status, body, kind) == (200, RED_GIF, "image/gif")

            stored = await ana.send_gif(chat_id, found[0].token)
            assert stored.file.name == "Happy dance.gif"
            assert stored.file.content_type == "image/gif" and stored.file.size == len(RED_GIF)
            pushed = await visitor.wait_for(
                lambda f: isinstance(f, p.EventPush) and f.event.kind == "file"
            )
            assert pushed.event.file.id == stored.file.id
            history = await boss.history(chat_id)
            assert [e.file.name for e in history if e.kind == "file" and e.file] == [
                "Happy dance.gif"
            ]
            assert await ana.download_file(stored.file.id) == RED_GIF
            await visitor.close()
        finally:
            await ana.close()
            await boss.close()


async def test_c16_giphy_and_clear_errors(relay: RelayHandle) -> None:
    """C16: GIPHY's API works the same way; a wrong key is ``gif_failed`` naming the 403; a GIF
    over 10 MB is ``file_too_large`` (C14's limit) and nothing is stored; a token the relay did
    not sign is refused; a provider that is down is ``gif_failed``."""
    with fake_gifs() as fake:
        ana, boss = await _agents(relay)
        try:
            visitor, chat_id = await _chat(relay, ana)
            await boss.save_gif_provider("giphy", "wrong", fake.url)
            with pytest.raises(RelayError) as refused:
                await ana.search_gifs("thank")
            assert refused.value.code == "gif_failed" and "403" in refused.value.message
            await boss.save_gif_provider("giphy", fake.key, fake.url)
            found = await ana.search_gifs("thank")
            assert [g.title for g in found] == ["Thank you"]
            assert any(r.startswith("/v1/gifs/search?") for r in fake.requests)
            trending = await ana.search_gifs("")
            assert trending[0].title == "Happy dance"
            assert any(r.startswith("/v1/gifs/trending?") for r in fake.requests)

            [huge] = await ana.search_gifs("huge")
            with pytest.raises(RelayError) as big:
                await ana.send_gif(chat_id, huge.token)
            assert big.value.code == "file_too_large"
            body, _, mac = found[0].token.partition(".")
            with pytest.raises(RelayError) as forged:
                await ana.send_gif(chat_id, body + "." + mac[::-1])
            assert forged.value.code == "invalid"
            history = await ana.history(chat_id)
            assert not [e for e in history if e.kind == "file"]

            fake.down = True
            with pytest.raises(RelayError) as down:
                await ana.search_gifs("thank")
            assert down.value.code == "gif_failed"
            await visitor.close()
        finally:
            await ana.close()
            await boss.close()
