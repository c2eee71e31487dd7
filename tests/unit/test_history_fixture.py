"""bench/history_fixture.py makes a database the relay accepts, with the working set the history
benchmark measures (no timing here: the benchmark measures, this checks what it measures on)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import sqlalchemy as sa

from bench.history_fixture import EVENTS_PER_CHAT, fill
from server import protocol as p
from server.chats import archive
from server.chats import reads as chat_reads
from server.store.db import create_engine, migrate


def test_filled_database_is_at_head_and_holds_the_working_set(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    probe = fill(path, closed_chats=30)
    # 30 chats of history, 20 closed probe chats of 4 messages + join + close, 500 + 100.
    assert probe.events == 30 * EVENTS_PER_CHAT + probe.needle_chats * 6 + 500 + 100

    async def migrate_again() -> None:  # at head already: the relay starts on it unchanged
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        try:
            await migrate(engine)
        finally:
            await engine.dispose()

    asyncio.run(migrate_again())
    engine = sa.create_engine(f"sqlite:///{path}")
    agent = p.AgentInfo(id=probe.agent_id, name="Ana", email="", role="agent", status="online")
    with engine.connect() as conn:
        history = chat_reads.history(conn, probe.history_chat, None, 500)
        assert [e.seq for e in history] == list(range(1, probe.history_events + 1))
        replay = chat_reads.agent_replay(conn, probe.agent_id, probe.resume_cursor, 1000)
        assert len(replay) == probe.resume_events
        found, total = archive.search(conn, agent, p.SearchArchive(id=1, text=probe.needle))
        assert total == probe.needle_chats == len(found)
        open_chats = chat_reads.chats_for_agent(conn, probe.agent_id)
        assert sorted(c.id for c in open_chats) == [probe.history_chat, probe.history_chat + 1]
    engine.dispose()
