"""Issue 12 item 6: a team's quick phrases too big for one push reach the app all the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jivo_desktop.app import DesktopApp
from jivo_desktop.net.client import AgentClient
from server import protocol as p
from tests.support.relay import running_relay
from tests.support.waiting import until

PHRASES = 60


async def test_phrases_over_the_page_budget_are_fetched_by_the_app(
    qapp: Any, sqlite_url: str, tmp_path: Path, secrets: Any
) -> None:
    """Issue 12 item 6: ``phrases_changed`` pushed the whole list, so 60 phrases of 5,000
    characters made a frame over the 256 KiB every agent's app accepts (its connection
    dropped on each change), and so did the ``phrase_list`` answer. Over MAX_PAGE_BYTES the
    push says ``reload`` with no list; the app asks ``list_phrases``, whose answer comes in
    parts, shows every phrase, and its connection never drops."""
    limits = {"conn_rate": 10**5, "conn_burst": 10**5, "ip_rate": 10**5, "ip_burst": 10**5}
    async with running_relay(sqlite_url, **limits) as relay:
        app = DesktopApp(qapp, tmp_path / "ana")
        app.start()
        states: list[str] = []
        app.session.connection_changed.connect(states.append)
        assert await app.session.sign_in_async(
            relay.http_url, relay.agent_email, relay.agent_password, False
        )
        boss = AgentClient(relay.ws_url, reconnect=False)
        await boss.sign_in(relay.admin_email, relay.admin_password)
        try:
            texts = [f"{n:02d} " + "ж" * (p.MAX_MESSAGE_CHARS - 3) for n in range(PHRASES)]
            for n, text in enumerate(texts):
                saved = await boss.save_phrase(f"long{n}", text)
            assert len(saved) == PHRASES
            await boss.wait_for(lambda f: isinstance(f, p.PhrasesChanged) and f.reload)
            await until(lambda: len(app.phrases.phrases) == PHRASES, timeout=30)
            assert sorted(x.text for x in app.phrases.phrases) == texts
            assert app.session.client is not None
            await app.session.client.ping()
            assert app.session.client.reconnects == 0 and "disconnected" not in states, states
            assert boss.state == "connected"
        finally:
            await boss.close()
            await app.shutdown()
