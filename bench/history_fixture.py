"""A relay database with a long history, filled fast, for ``bench/history.py``.

``fill(path, closed_chats=100_000)`` migrates a new SQLite file to the relay's schema (the
relay's own ``migrate``) and bulk-inserts with plain ``sqlite3`` (one transaction, one
``executemany`` per table):

* the history: ``closed_chats`` closed chats over the past year, each of ``EVENTS_PER_CHAT``
  events (the visitor's first message, the agent joining, messages both ways, the close), so
  100,000 chats are 1,000,000 events; a visitor each; shared among ``AGENTS`` agents;
* the working set the benchmark measures, the same in every database and stored last (so it is
  the newest, as the work of the day is): the test agent's ``PROBE_CLOSED`` closed chats with
  a message holding ``NEEDLE`` (no history text has it), an open chat of ``HISTORY_EVENTS``
  messages, and an open chat whose ``RESUME_EVENTS`` messages are the newest events of all.

With ``closed_chats=0`` the same call makes the empty database (only the working set). The
test agent is ``tests/support/relay.py``'s, and the site is the relay's demo site, so
``bench.relay_server --prefilled`` serves the file as it is. ``cached()`` keeps filled files in
the temp folder, keyed by the migrations and this module, so rounds and runs fill only once.

    python -m bench.history_fixture PATH [--chats N]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import random
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from server.account import auth
from server.account.bootstrap import DEMO_SITE_NAME
from server.store.db import MIGRATIONS, create_engine, migrate
from tests.support.relay import AGENT_EMAIL, AGENT_PASSWORD

EVENTS_PER_CHAT = 10
AGENTS = 20
PROBE_CLOSED = 20
HISTORY_EVENTS = 500
RESUME_EVENTS = 100
NEEDLE = "quokkaprobe"  # no syllable below makes a "q": no history message matches it
YEAR = 365 * 24 * 3600.0
VERSION = 1  # bump when the fill changes what it writes

_CONSONANTS = "bcdfghjklmnprstvwz"
_VOWELS = "aeiou"


@dataclass
class Probe:
    """What the benchmark needs to know about a filled database."""

    agent_email: str
    agent_password: str
    agent_id: int
    history_chat: int
    history_events: int
    resume_cursor: int
    resume_events: int
    needle: str
    needle_chats: int
    closed_chats: int
    events: int
    fill_seconds: float
    bytes: int


def _vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    words = set()
    while len(words) < size:
        n = rng.choice((1, 2, 2, 3, 3, 4))
        words.add("".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(n)))
    return sorted(words)


def _sentences(rng: random.Random, words: list[str], count: int) -> list[str]:
    """``count`` message texts of 3 to 14 words (a pool reused across chats keeps it fast)."""
    return [" ".join(rng.choices(words, k=rng.randint(3, 14))) for _ in range(count)]


async def _migrate(url: str) -> None:
    engine = create_engine(url)
    try:
        await migrate(engine)
    finally:
        await engine.dispose()


VISITOR_COLUMNS = ("id", "site_id", "token_hash", "created_at", "last_seen_at", "page_url")
CHAT_COLUMNS = (
    "id", "kind", "site_id", "visitor_id", "state", "agent_id", "last_seq", "preview",
    "created_at", "closed_at",
)  # fmt: skip
PARTICIPANT_COLUMNS = ("chat_id", "agent_id", "joined_at", "left_at")
EVENT_COLUMNS = (
    "id", "chat_id", "seq", "kind", "author", "author_id", "author_name", "text",
    "client_msg_id", "visible_to_visitor", "ts",
)  # fmt: skip
SERIAL_TABLES = ("agents", "sites", "visitors", "chats", "events")

Batch = tuple[str, tuple[str, ...], list[tuple[Any, ...]]]


class _Filler:
    """Rows of chats, their visitors, participants and events, handed out in batches."""

    def __init__(self) -> None:
        self.event_id = 0
        self.chat_id = 0
        self.visitor_id = 0
        self.events: list[tuple[Any, ...]] = []
        self.chats: list[tuple[Any, ...]] = []
        self.visitors: list[tuple[Any, ...]] = []
        self.participants: list[tuple[Any, ...]] = []

    def chat(
        self, agent_id: int, start: float, texts: list[str], *, closed: bool, joined: bool = True
    ) -> int:
        """One visitor's chat with ``agent_id``: its messages alternate visitor, agent, ...
        (``joined`` puts the agent's join after the first); ``closed`` ends it with a close."""
        self.visitor_id += 1
        self.chat_id += 1
        chat, visitor = self.chat_id, self.visitor_id
        token = hashlib.sha256(f"visitor-{visitor}".encode()).hexdigest()
        self.visitors.append((visitor, 1, token, start, start, f"https://shop.example/p/{visitor}"))
        kinds: list[tuple[str, str, str]] = []
        for k, text in enumerate(texts):
            kinds.append(("message", "visitor" if k % 2 == 0 else "agent", text))
            if k == 0 and joined:
                kinds.append(("joined", "agent", ""))
        if closed:
            kinds.append(("closed", "agent", ""))
        ts = start
        for seq, (kind, author, text) in enumerate(kinds, 1):
            self.event_id += 1
            ts += 7.0
            author_id = visitor if author == "visitor" else agent_id
            cmid = f"h{self.event_id}" if kind == "message" else None
            self.events.append(
                (self.event_id, chat, seq, kind, author, author_id, "", text, cmid, True, ts)
            )
        end = ts if closed else None
        preview = texts[-1][:200] if texts else ""
        state = "closed" if closed else "active"
        self.chats.append(
            (chat, "visitor", 1, visitor, state, agent_id, len(kinds), preview, start, end)
        )
        self.participants.append((chat, agent_id, start + 7.0, end))
        return chat

    def take(self) -> list[Batch]:
        """The rows made since the last call, in the order foreign keys need."""
        out = [
            ("visitors", VISITOR_COLUMNS, self.visitors),
            ("chats", CHAT_COLUMNS, self.chats),
            ("chat_participants", PARTICIPANT_COLUMNS, self.participants),
            ("events", EVENT_COLUMNS, self.events),
        ]
        self.events, self.chats, self.visitors, self.participants = [], [], [], []
        return out


@dataclass
class _Made:
    history_chat: int = 0
    resume_cursor: int = 0


def _rows(closed_chats: int, seed: int, made: _Made) -> Iterator[Batch]:
    """Every row of the fixture, in batches; ``made`` gets the working set's ids."""
    rng = random.Random(seed)
    words = _vocabulary(rng)
    pool = _sentences(rng, words, 20_000)
    now = time.time()
    password_hash = auth.hash_password(AGENT_PASSWORD)
    agents = [(1, AGENT_EMAIL, "Ana")] + [
        (i, f"colleague-{i}@example.com", f"Colleague {i}") for i in range(2, AGENTS + 1)
    ]
    yield (
        "agents",
        ("id", "email", "name", "password_hash", "role", "created_at"),
        [(i, email, name, password_hash, "agent", now - YEAR) for i, email, name in agents],
    )
    yield (
        "sites",
        ("id", "key", "name", "created_at"),
        [(1, auth.new_site_key(), DEMO_SITE_NAME, now - YEAR)],
    )
    filler = _Filler()
    messages = EVENTS_PER_CHAT - 2  # the join and the close are the other two
    step = YEAR / max(closed_chats, 1)
    cursor = 0
    for i in range(closed_chats):
        texts = [pool[(cursor + k) % len(pool)] for k in range(messages)]
        cursor += messages + 1
        filler.chat(i % AGENTS + 1, now - YEAR + i * step, texts, closed=True)
        if len(filler.events) >= 100_000:
            yield from filler.take()
    # The working set: the newest rows, the same in every database.
    recent = now - 3600.0
    for k in range(PROBE_CLOSED):
        texts = [pool[k], f"my order {NEEDLE} {k} did not arrive", pool[k + 1], pool[k + 2]]
        filler.chat(1, recent + k, texts, closed=True)
    made.history_chat = filler.chat(
        1, recent + 100, pool[:HISTORY_EVENTS], closed=False, joined=False
    )
    made.resume_cursor = filler.event_id
    filler.chat(1, recent + 200, pool[-RESUME_EVENTS:], closed=False, joined=False)
    yield from filler.take()


def _probe(made: _Made, closed_chats: int, events: int, started: float, size: int) -> Probe:
    return Probe(
        agent_email=AGENT_EMAIL,
        agent_password=AGENT_PASSWORD,
        agent_id=1,
        history_chat=made.history_chat,
        history_events=HISTORY_EVENTS,
        resume_cursor=made.resume_cursor,
        resume_events=RESUME_EVENTS,
        needle=NEEDLE,
        needle_chats=PROBE_CLOSED,
        closed_chats=closed_chats,
        events=events,
        fill_seconds=time.monotonic() - started,
        bytes=size,
    )


def _rebuild_fulltext(db: sqlite3.Connection) -> None:
    """An FTS5 index kept from ``events`` as external content is rebuilt from the rows just
    inserted (triggers, if the schema has them, have filled it already: rebuilding is the same)."""
    for name, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%fts5%'"
    ).fetchall():
        if "content" in sql.lower():
            db.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")


def _fulltext_fill_postgres() -> str:
    """The archive_fts1 migration's fill of ``archive_fts`` from the archived chats' events."""
    import importlib.util

    source = next(MIGRATIONS.rglob("*_archive_fts.py"))
    spec = importlib.util.spec_from_file_location("archive_fts_migration", source)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fill_sql: str = module.POSTGRES[-1]
    assert fill_sql.lstrip().upper().startswith("INSERT INTO ARCHIVE_FTS")
    return fill_sql


def fill(path: Path, *, closed_chats: int = 100_000, seed: int = 15) -> Probe:
    """Make ``path`` (it must not exist) a migrated SQLite relay database with ``closed_chats``
    chats of history and the benchmark's working set."""
    started = time.monotonic()
    if path.exists():
        raise FileExistsError(path)
    asyncio.run(_migrate(f"sqlite+aiosqlite:///{path}"))
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")  # a fixture: durability comes from the final checkpoint
    db.execute("BEGIN")
    made = _Made()
    for table, columns, rows in _rows(closed_chats, seed, made):
        marks = ", ".join("?" for _ in columns)
        db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
    _rebuild_fulltext(db)
    db.execute("COMMIT")
    events = db.execute("SELECT count(*) FROM events").fetchone()[0]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return _probe(made, closed_chats, events, started, path.stat().st_size)


async def fill_postgres(url: str, *, closed_chats: int = 100_000, seed: int = 15) -> Probe:
    """The same on PostgreSQL: ``url`` (``postgresql+asyncpg://...``) names an empty database;
    migrated, then filled with ``COPY`` (asyncpg ``copy_records_to_table``), the id sequences
    moved past the ids written."""
    import asyncpg

    started = time.monotonic()
    await _migrate(url)
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        made = _Made()
        async with conn.transaction():
            for table, columns, rows in _rows(closed_chats, seed, made):
                await conn.copy_records_to_table(table, records=rows, columns=list(columns))
            for table in SERIAL_TABLES:
                await conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
            # COPY fires no trigger: the archive's full-text rows as the migration's own fill
            # of an existing archive makes them (its last statement).
            await conn.execute(_fulltext_fill_postgres())
        await conn.execute("VACUUM ANALYZE")  # what autovacuum would do after a bulk load
        events = await conn.fetchval("SELECT count(*) FROM events")
        size = await conn.fetchval("SELECT pg_database_size(current_database())")
    finally:
        await conn.close()
    return _probe(made, closed_chats, int(events), started, int(size))


def _cache_key(closed_chats: int) -> str:
    digest = hashlib.sha256(f"{VERSION}:{closed_chats}".encode())
    digest.update(Path(__file__).read_bytes())
    for source in sorted(MIGRATIONS.rglob("*.py")):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def cached(closed_chats: int, cache_dir: Path | None = None) -> tuple[Path, Probe, bool]:
    """A filled database file for ``closed_chats`` (made now unless a file for the same
    migrations and fill is kept); returns it, its probe and whether it was filled now. Copy the
    file before serving it: the relay writes to it."""
    folder = cache_dir or Path(tempfile.gettempdir()) / "jivo-bench-cache"
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / f"history-{closed_chats}-{_cache_key(closed_chats)}"
    path, meta = stem.with_suffix(".db"), stem.with_suffix(".json")
    if path.exists() and meta.exists():
        return path, Probe(**json.loads(meta.read_text())), False
    for old in folder.glob(f"history-{closed_chats}-*"):
        old.unlink()
    partial = stem.with_suffix(".partial")
    for leftover in folder.glob(f"{partial.name}*"):
        leftover.unlink()
    probe = fill(partial, closed_chats=closed_chats)
    shutil.move(partial, path)
    meta.write_text(json.dumps(asdict(probe)))
    return path, probe, True


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--chats", type=int, default=100_000)
    args = parser.parse_args()
    print(json.dumps(asdict(fill(args.path, closed_chats=args.chats)), indent=1))
