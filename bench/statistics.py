"""The statistics page's query on a big reporting log against a small one (S1, issue 18).

    .venv/bin/python -m bench.statistics [--rounds 3] [--repeats 5] [--rows 1000000] [--year]

Two SQLite databases, migrated as the relay does: the small one holds 10,000 reporting-log
rows, all inside the measured month (2,000 chats: started, offered, accepted, first reply,
closed, and each chat's report_chats row as the writer keeps it); the big one holds the same
10,000 rows plus 990,000 rows of the eleven months before (198,000 more chats).
The page's report of that month (``StatsService.build``, grouped by day, and by hour) is timed
on each, ``--repeats`` times per round after one not counted; the median is the round's figure
and the ratio big / small is taken within a round, then the median of the rounds. The target is
a ratio near 1: the work grows with the rows of the range, not with the log (docs/statistics.md).
With ``--year``: only the big log, and on it the report of the whole year (every one of its
200,000 chats, 2025-03-01 .. 2026-03-31) against the month's, same run (ratio year / month:
the work of a long range follows its chats; the target is about a second for the year).
Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server import protocol as p
from server.stats.service import StatsService
from server.store.db import create_engine, migrate

MONTH = ("2026-03-01", "2026-03-31")
YEAR = ("2025-03-01", "2026-03-31")
MONTH_START = dt.datetime(2026, 3, 1, tzinfo=dt.UTC).timestamp()
DAY = 86400.0


ROLLUP_SQL = (
    "INSERT INTO report_chats (chat_id, started_at, site_id, invited, offers, last_offer_round, "
    "accepted_at, accepted_by, taken_round, replied_at, replied_by, closed_at, messages, "
    "ignores, transfers) VALUES (?, ?, 1, 0, 1, 0, ?, ?, 0, ?, ?, ?, ?, '', '')"
)


def chat_rows(chat_id: int, start: float, rng: random.Random) -> list[tuple[object, ...]]:
    """The log rows of one answered chat; its rollup row (as the writer keeps it) is the
    last item, with the marker "rollup" first."""
    agent = rng.randint(1, 20)
    accepted = start + rng.uniform(5, 60)
    reply = accepted + rng.uniform(5, 120)
    closed = reply + rng.uniform(60, 1800)
    messages = rng.randint(2, 30)
    return [
        (start, "chat_started", chat_id, 1, None, None, None, None, ""),
        (start, "offered", chat_id, None, None, None, 0, None, "least_busy"),
        (accepted, "accepted", chat_id, 1, agent, None, None, None, ""),
        (reply, "first_reply", chat_id, 1, agent, None, None, None, ""),
        (closed, "closed", chat_id, 1, agent, None, None, messages, ""),
        ("rollup", chat_id, start, accepted, agent, reply, agent, closed, messages),
    ]


def fill(path: Path, total: int) -> None:
    rng = random.Random(18)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")  # a fixture: no durability needed while filling
    sql = (
        "INSERT INTO report_log (ts, kind, chat_id, site_id, agent_id, other_id, round, n, "
        "detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    month_chats = 2000
    rows: list[tuple[object, ...]] = []

    def flush() -> None:
        db.executemany(sql, [r for r in rows if r[0] != "rollup"])
        db.executemany(ROLLUP_SQL, [r[1:] for r in rows if r[0] == "rollup"])
        rows.clear()

    # The measured month's chats (the same in both databases), then the eleven months before;
    # numbered in the order they started, as the relay numbers chats (ids grow with time).
    starts = [MONTH_START + rng.uniform(0, 30 * DAY) for _ in range(month_chats)]
    starts += [
        MONTH_START - rng.uniform(1 * DAY, 334 * DAY) for _ in range((total - month_chats * 5) // 5)
    ]
    for chat_id, start in enumerate(sorted(starts), 1):
        rows += chat_rows(chat_id, start, rng)
        if len(rows) >= 100_000:
            flush()
    flush()
    db.execute("INSERT INTO agents (email, name, password_hash, created_at) VALUES "
               "('a@example.com', 'A', 'x', 0)")  # fmt: skip
    db.commit()
    db.execute("ANALYZE")
    db.close()


async def prepare(folder: Path, total: int) -> str:
    path = folder / f"log-{total}.db"
    url = f"sqlite+aiosqlite:///{path}"
    engine = create_engine(url)
    await migrate(engine)
    await engine.dispose()
    fill(path, total)
    return url


async def time_report(
    url: str, group: str, repeats: int, dates: tuple[str, str] = MONTH, chats: int = 2000
) -> float:
    engine = create_engine(url)
    service = StatsService(engine)
    frame = p.GetStats(id=1, date_from=dates[0], date_to=dates[1], group=group)  # type: ignore[arg-type]
    times, cpu = [], []
    try:
        for n in range(repeats + 1):
            t0, c0 = time.perf_counter(), time.process_time()
            answer = await service.build(frame, None, None)
            if n:
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
            assert answer.summary.chats == chats, answer.summary.chats
    finally:
        await engine.dispose()
    CPU.append(statistics.median(cpu))
    return statistics.median(times)


CPU: list[float] = []
"""Each time_report's median CPU time of this process (the report and the SQLite thread; a
PostgreSQL server's work is not in it): on a shared machine, what the report itself costs."""


async def year_against_month(big: str, rows: int, rounds: int, repeats: int) -> None:
    for group in ("day", "month"):
        ratios = []
        for r in range(rounds):
            m = await time_report(big, group, repeats)
            y = await time_report(big, group, repeats, YEAR, rows // 5)
            ratios.append(y / m)
            print(
                f"{group} round {r + 1}: month (2,000 chats) {m * 1000:.1f} ms "
                f"(CPU {CPU[-2] * 1000:.1f} ms), year ({rows // 5:,} chats) {y * 1000:.1f} ms "
                f"(CPU {CPU[-1] * 1000:.1f} ms), ratio {y / m:.1f}"
            )
        print(f"{group}: median ratio year / month {statistics.median(ratios):.1f}")


async def on_postgres(sqlite_file: Path, args: argparse.Namespace) -> None:
    """The same log copied into a migrated PostgreSQL database (COPY), then the same runs."""
    import asyncpg

    from tests.support.postgres import PostgresCluster

    cluster = PostgresCluster().start()
    try:
        url = cluster.create_database("bench_stats")
        engine = create_engine(url)
        await migrate(engine)
        await engine.dispose()
        source = sqlite3.connect(sqlite_file)
        target = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
        try:
            for table in ("report_log", "report_chats", "agents"):
                names = [r[1] for r in source.execute(f"PRAGMA table_info({table})")]
                rows = source.execute(f"SELECT {', '.join(names)} FROM {table}").fetchall()
                types = dict(
                    await target.fetch(
                        "SELECT column_name, data_type FROM information_schema.columns "
                        "WHERE table_name = $1",
                        table,
                    )
                )
                flags = [n for n, name in enumerate(names) if types[name] == "boolean"]
                if flags:  # SQLite keeps booleans as 0 / 1
                    rows = [
                        tuple(
                            bool(v) if n in flags and v is not None else v for n, v in enumerate(r)
                        )
                        for r in rows
                    ]
                await target.copy_records_to_table(table, records=rows, columns=names)
            await target.execute("ANALYZE")
            version = await target.fetchval("SHOW server_version")
        finally:
            await target.close()
            source.close()
        print(f"PostgreSQL {version}:")
        await year_against_month(url, args.rows, args.rounds, args.repeats)
    finally:
        cluster.stop()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--year", action="store_true", help="a year's report against a month's")
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="with --year: also on PostgreSQL (a throwaway cluster)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-stats-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        if args.year:
            big = await prepare(folder, args.rows)
            print(f"filled in {time.perf_counter() - t0:.1f} s")
            print("SQLite:")
            await year_against_month(big, args.rows, args.rounds, args.repeats)
            if args.postgres:
                await on_postgres(folder / f"log-{args.rows}.db", args)
            return
        small = await prepare(folder, 10_000)
        big = await prepare(folder, args.rows)
        print(f"filled in {time.perf_counter() - t0:.1f} s")
        for group in ("day", "hour"):
            ratios = []
            for r in range(args.rounds):
                s = await time_report(small, group, args.repeats)
                b = await time_report(big, group, args.repeats)
                ratios.append(b / s)
                print(
                    f"{group} round {r + 1}: 10,000 rows {s * 1000:.1f} ms, "
                    f"{args.rows:,} rows {b * 1000:.1f} ms, ratio {b / s:.2f}"
                )
            print(f"{group}: median ratio {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    asyncio.run(main())
