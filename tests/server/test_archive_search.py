"""Issue 15: the archive's text search through the database's full-text index (FTS5 on SQLite,
tsvector + GIN on PostgreSQL): the same answers on both, filled as chats are archived and, for
the chats archived before the index existed, by its migration."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import command

from server import protocol as p
from server.account import agents as agents_repo
from server.chats import archive
from server.chats import writes as chat_writes
from server.store.db import alembic_config, create_engine, create_writer_engine, migrate
from server.store.writer import GroupWriter
from server.visitors import repo as visitors_repo

ADMIN = p.AgentInfo(id=0, name="Boss", email="boss@example.com", role="admin", status="online")


async def _chat(writer: GroupWriter, site_id: int, tag: str, lines: list[str], close: bool) -> int:
    """A visitor chat with ``lines`` from the visitor, taken by agent 1, closed or not."""
    visitor = await writer.run(visitors_repo.create_visitor(site_id, tag, "127.0.0.1", "", ""))
    chat_id = 0
    for i, line in enumerate(lines):
        change = await writer.run(
            chat_writes.visitor_message(visitor, site_id, f"{tag}{i}", line, True)
        )
        chat_id = change.event.chat_id
    await writer.run(chat_writes.accept_chat(1, "Ana", chat_id))
    if close:
        await writer.run(chat_writes.close_chat(1, "Ana", chat_id))
    return chat_id


async def _found(engine: Any, text: str) -> list[int]:
    async with engine.connect() as conn:
        chats, total = await conn.run_sync(archive.search, ADMIN, p.SearchArchive(id=1, text=text))
    assert total == len(chats)
    return [c.id for c in chats]


async def _found_or_none(engine: Any) -> list[int] | None:
    """None while the archive has no index to search (before archive_fts1)."""
    try:
        return await _found(engine, "pregunta antigua")
    except sa.exc.DBAPIError:
        return None


async def _setup(engine: Any, url: str) -> tuple[GroupWriter, int]:
    writer = GroupWriter(engine, sync_engine=create_writer_engine(url))
    writer.start()
    await writer.run(agents_repo.create_agent("ana@example.com", "Ana", "x", "agent"))
    await writer.run(agents_repo.create_site("k", "Shop", [], "en"))
    async with engine.connect() as conn:
        site = await conn.run_sync(agents_repo.site_by_key, "k")
    return writer, int(site.id)


async def test_archive_search_by_words_through_the_index(db_url: str) -> None:
    engine = create_engine(db_url)
    await migrate(engine)
    writer, site_id = await _setup(engine, db_url)
    try:
        shoes = await _chat(writer, site_id, "a", ["Busco zapatos ROJOS", "talla 38"], True)
        ship = await _chat(writer, site_id, "b", ["¿Hacen envíos a Portugal?"], True)
        still_open = await _chat(writer, site_id, "c", ["zapatos verdes"], False)

        assert await _found(engine, "zapatos") == [shoes]  # the open chat is not archived
        assert await _found(engine, "ZAPAT") == [shoes]  # any case; the last word a prefix
        assert await _found(engine, "zapatos rojos") == [shoes]  # words in order...
        assert await _found(engine, "rojos zapatos") == []  # ...next to each other
        assert await _found(engine, "busco rojos") == []
        assert await _found(engine, "38") == [shoes]
        assert await _found(engine, "envíos, a portugal") == [ship]  # punctuation is no word
        assert await _found(engine, "100%_") == [] and await _found(engine, "%") == []
        await writer.run(chat_writes.close_chat(1, "Ana", still_open))  # archived: indexed now
        assert sorted(await _found(engine, "zapatos")) == sorted([shoes, still_open])
    finally:
        await writer.close()
        await engine.dispose()


async def test_the_migration_indexes_the_chats_archived_before_it(db_url: str) -> None:
    engine = create_engine(db_url)

    def downgrade_to(revision: str) -> Any:
        def run(sync_conn: sa.Connection) -> None:
            cfg = alembic_config()
            cfg.attributes["connection"] = sync_conn
            command.downgrade(cfg, revision)

        return run

    # The chat is written by today's code (its writes touch today's tables), then the schema
    # goes back to before the index, as a relay upgraded from then holds it.
    await migrate(engine)
    writer, site_id = await _setup(engine, db_url)
    try:
        old = await _chat(writer, site_id, "o", ["una pregunta antigua"], True)
    finally:
        await writer.close()
    async with engine.begin() as conn:
        await conn.run_sync(downgrade_to("routing1"))  # the schema before the index
    assert await _found_or_none(engine) is None
    await migrate(engine)
    try:
        assert await _found(engine, "pregunta antigua") == [old]
    finally:
        await engine.dispose()
