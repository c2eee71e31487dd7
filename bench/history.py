"""Costs that grow with the work, not with the history (issue 15).

    .venv/bin/python -m bench.history [--rounds 3] [--quick] [--no-write]

Three agent operations, each timed on a relay whose database holds a year of history (100,000
closed chats, 1,000,000 events: ``bench/history_fixture.py``) and on one holding only the same
working set, in the same round; the target is full / empty at most 2x:

* **resume**: an agent that missed ``RESUME_EVENTS`` events reconnects: from sending
  ``authenticate`` with its ``cursor`` on an open socket until ``sync_done`` (the welcome, the
  replayed events, the sync);
* **history**: ``history`` of a chat of 500 messages (``limit`` 500) until ``history_page``;
* **archive search**: ``search_archive`` by a word that 20 closed chats hold, until
  ``archive_page`` (its ``total`` is checked: 20 in both databases).

The relay (``bench.relay_server --prefilled``) runs in a child process on a fresh copy of the
database: SQLite FULL (the cached file copied), then PostgreSQL when ``tests/support/postgres.py``
can start a throwaway cluster (filled with ``COPY`` once per run, copied as a template); the agent
is a protocol-level client in another process. Each operation runs
``REPEATS`` times after 2 not counted; the median is the round's figure, ratios are taken within
a round, then the median of the rounds.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
from websockets.asyncio.client import ClientConnection, connect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import BENCH_LIMITS, ServerProcess, machine, median, run_child, write_section
from bench.history_fixture import Probe, cached, fill_postgres
from bench.report_format import at_most, fmt, table, times, verdict
from server import protocol as p

REPEATS = 15
TARGET = 2.0
OPS = ("resume", "history", "search")
LABELS = {
    "resume": "resume from cursor (100 missed events) until `sync_done`",
    "history": "open a chat of 500 messages (`history`, limit 500)",
    "search": "archive search by text (`search_archive`, 20 matching chats)",
}
MARK_START, MARK_END = "<!-- bench:history:start -->", "<!-- bench:history:end -->"
# A chat of an agent who is not connected goes back to routing after orphan_grace (B6): the
# repeated reconnects must not change the chats under measurement.
ENV = {**BENCH_LIMITS, "JIVO_RELAY_ORPHAN_GRACE": "100000", "JIVO_RELAY_RETENTION_INTERVAL": "1e9"}

_decode = msgspec.json.decode


# ---------------------------------------------------------------------------- the agent


async def _open(url: str) -> ClientConnection:
    return await connect(url, compression=None, max_size=None, open_timeout=60)


async def _until(ws: ClientConnection, done: Callable[[dict[str, Any]], bool]) -> list[Any]:
    frames = []
    async with asyncio.timeout(60):
        while True:
            frame = _decode(await ws.recv())
            frames.append(frame)
            if frame.get("type") == "error":
                raise RuntimeError(f"the relay refused: {frame}")
            if done(frame):
                return frames


def _synced(frame: dict[str, Any]) -> bool:
    return frame.get("type") == "sync_done"


async def _agent(cfg: dict[str, Any]) -> dict[str, Any]:
    url, probe = cfg["ws_url"], cfg["probe"]
    main = await _open(url)
    await main.send(
        p.encode(p.SignIn(id=1, email=probe["agent_email"], password=probe["agent_password"]))
    )
    token = (await _until(main, lambda f: f.get("type") == "welcome"))[-1]["token"]
    await _until(main, _synced)
    next_id = [100]

    async def resume() -> float:
        ws = await _open(url)
        try:
            started = time.perf_counter()
            await ws.send(
                p.encode(p.Authenticate(id=1, token=token, cursor=probe["resume_cursor"]))
            )
            frames = await _until(ws, _synced)
            elapsed = time.perf_counter() - started
        finally:
            with contextlib.suppress(Exception):
                await ws.close()
        replayed = sum(1 for f in frames if f.get("type") == "event_push")
        if replayed != probe["resume_events"]:
            raise RuntimeError(f"resume replayed {replayed}, not {probe['resume_events']}")
        return elapsed

    async def ask(frame: p.Frame, request_id: int, answer: str) -> tuple[float, dict[str, Any]]:
        started = time.perf_counter()
        await main.send(p.encode(frame))
        frames = await _until(main, lambda f: f.get("type") == answer and f.get("id") == request_id)
        return time.perf_counter() - started, frames[-1]

    async def history() -> float:
        next_id[0] += 1
        frame = p.History(id=next_id[0], chat_id=probe["history_chat"], limit=500)
        elapsed, page = await ask(frame, next_id[0], "history_page")
        if len(page["events"]) != probe["history_events"]:
            raise RuntimeError(f"history gave {len(page['events'])} events")
        return elapsed

    async def search() -> float:
        next_id[0] += 1
        elapsed, page = await ask(
            p.SearchArchive(id=next_id[0], text=probe["needle"]), next_id[0], "archive_page"
        )
        if page["total"] != probe["needle_chats"]:
            raise RuntimeError(f"search found {page['total']}, not {probe['needle_chats']}")
        return elapsed

    out: dict[str, Any] = {}
    for name, op in (("resume", resume), ("history", history), ("search", search)):
        for _ in range(2):
            await op()
        samples = [await op() * 1000 for _ in range(cfg["repeats"])]
        out[name] = {"median_ms": median(samples), "min_ms": min(samples), "max_ms": max(samples)}
    await main.close()
    return out


def agent_client(cfg: dict[str, Any]) -> dict[str, Any]:
    """Child-process entry: the three operations against the relay in ``cfg``."""
    return asyncio.run(asyncio.wait_for(_agent(cfg), 600))


# ---------------------------------------------------------------------------- the driver


class Databases:
    """The two databases of one engine, and a fresh copy of either for each round."""

    label = ""

    def probe(self, name: str) -> Probe:
        raise NotImplementedError

    def serve(self, name: str, run_dir: Path) -> str:
        """A fresh copy of database ``name`` (``empty`` or ``full``); its URL."""
        raise NotImplementedError

    def close(self) -> None:
        pass


class SqliteDatabases(Databases):
    label = "SQLite FULL"

    def __init__(self, closed: int, log: Callable[[str], None]) -> None:
        self.files: dict[str, tuple[Path, Probe]] = {}
        for name, chats in (("empty", 0), ("full", closed)):
            started = time.monotonic()
            path, probe, filled = cached(chats)
            how = f"filled in {probe.fill_seconds:.1f} s" if filled else "cached"
            log(
                f"  SQLite {name}: {probe.events:,} events, {probe.bytes / 2**20:.0f} MiB, "
                f"{how} ({time.monotonic() - started:.1f} s)"
            )
            self.files[name] = (path, probe)

    def probe(self, name: str) -> Probe:
        return self.files[name][1]

    def serve(self, name: str, run_dir: Path) -> str:
        db = run_dir / "relay.db"
        shutil.copyfile(self.files[name][0], db)
        return f"sqlite+aiosqlite:///{db}"


class PostgresDatabases(Databases):
    """A throwaway cluster (fsync on); each database filled once, copied per round as a
    ``TEMPLATE`` (a file-level copy)."""

    label = "PostgreSQL"

    def __init__(self, closed: int, log: Callable[[str], None]) -> None:
        from tests.support.postgres import PostgresCluster

        self.cluster = PostgresCluster().start()
        self.probes: dict[str, Probe] = {}
        self.copies = 0
        try:
            for name, chats in (("empty", 0), ("full", closed)):
                url = self.cluster.create_database(f"history_{name}")
                self.probes[name] = asyncio.run(fill_postgres(url, closed_chats=chats))
                probe = self.probes[name]
                log(
                    f"  PostgreSQL {name}: {probe.events:,} events, "
                    f"{probe.bytes / 2**20:.0f} MiB, filled in {probe.fill_seconds:.1f} s"
                )
        except BaseException:
            self.cluster.stop()
            raise

    def probe(self, name: str) -> Probe:
        return self.probes[name]

    def serve(self, name: str, run_dir: Path) -> str:
        import asyncpg

        self.copies += 1
        copy = f"history_{name}_{self.copies}"

        async def create() -> None:
            conn = await asyncpg.connect(self.cluster.dsn("postgres"))
            try:
                await conn.execute(f"CREATE DATABASE {copy} TEMPLATE history_{name}")
            finally:
                await conn.close()

        asyncio.run(create())
        return self.cluster.url(copy)

    def close(self) -> None:
        self.cluster.stop()


def _measure(dbs: Databases, name: str, workdir: Path, repeats: int) -> dict[str, Any]:
    run_dir = Path(tempfile.mkdtemp(prefix="round-", dir=workdir))
    url = dbs.serve(name, run_dir)
    env = {**ENV, "JIVO_RELAY_FILES_DIR": str(run_dir / "files")}
    server = ServerProcess("bench.relay_server", ["--db", url, "--prefilled"], run_dir, env)
    try:
        info = server.start(timeout=120)
        cfg = {"ws_url": info["ws_url"], "probe": dbs.probe(name).__dict__, "repeats": repeats}
        return run_child(agent_client, cfg, 600)
    finally:
        server.stop()
        shutil.rmtree(run_dir, ignore_errors=True)


def run(
    rounds: int = 3,
    quick: bool = False,
    log: Callable[[str], None] = print,
    postgres: bool = True,
) -> dict[str, Any]:
    closed = 10_000 if quick else 100_000
    repeats = 5 if quick else REPEATS
    engines: list[Callable[[int, Callable[[str], None]], Databases]] = [SqliteDatabases]
    if postgres:
        engines.append(PostgresDatabases)
    out: dict[str, Any] = {"engines": {}, "problems": []}
    workdir = Path(tempfile.mkdtemp(prefix="jivo-bench-history-"))
    try:
        for make in engines:
            try:
                dbs = make(closed, log)
            except Exception as exc:  # PostgreSQL not installed, or cannot run here
                out["problems"].append(f"{make.label}: not measured: {type(exc).__name__}: {exc}")
                log(out["problems"][-1])
                continue
            results: dict[str, list[dict[str, Any]]] = {"empty": [], "full": []}
            try:
                for r in range(1 if quick else rounds):
                    for name in ["empty", "full"] if r % 2 == 0 else ["full", "empty"]:
                        result = _measure(dbs, name, workdir, repeats)
                        results[name].append(result)
                        log(
                            f"  {dbs.label} round {r + 1} {name}: "
                            + ", ".join(f"{op} {result[op]['median_ms']:.2f} ms" for op in OPS)
                        )
            finally:
                dbs.close()
            out["engines"][dbs.label] = {
                "results": results,
                "probes": {name: dbs.probe(name).__dict__ for name in ("empty", "full")},
            }
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return out | {"machine": machine(), "rounds": 1 if quick else rounds, "repeats": repeats}


def render(report: dict[str, Any]) -> str:
    verdicts, tables = [], []
    for label, engine in report["engines"].items():
        res = engine["results"]
        rows = []
        for op in OPS:
            ratios = [
                f[op]["median_ms"] / e[op]["median_ms"]
                for f, e in zip(res["full"], res["empty"], strict=True)
            ]
            ratio = median(ratios)
            e_ms = median([e[op]["median_ms"] for e in res["empty"]])
            f_ms = median([f[op]["median_ms"] for f in res["full"]])
            rounds = ", ".join(times(x) for x in ratios)
            rows.append((LABELS[op], fmt(e_ms), fmt(f_ms), times(ratio), rounds))
            verdict_row = (f"{LABELS[op]}, {label}", f"<= {TARGET:.0f}x empty", times(ratio))
            verdicts.append((*verdict_row, verdict(at_most(ratio, TARGET))))
        full, empty = engine["probes"]["full"], engine["probes"]["empty"]
        tables += [
            f"{label}: the full database holds {full['closed_chats']:,} closed chats and "
            f"{full['events']:,} events ({full['bytes'] / 2**20:.0f} MiB, filled in "
            f"{full['fill_seconds']:.0f} s), the empty one {empty['events']:,} events.",
            "",
            *table(("operation", "empty ms", "full ms", "full / empty", "rounds"), rows),
            "",
        ]
    m = report["machine"]
    problems = [f"- {p}" for p in report["problems"]]
    return "\n".join(
        [
            MARK_START,
            "## Costs that grow with the work, not the history (issue 15)",
            "",
            *table(("operation", "goal", "full / empty", "verdict"), verdicts),
            "",
            f"Measured {m['date']} with `python -m bench.history` (2 cores shared, Python "
            f"{m['python']}, SQLite {m['sqlite']}, PostgreSQL with fsync on, relay code at "
            f"{m['revision']}), {report['rounds']} round(s), each the median of "
            f"{report['repeats']} runs of every operation after 2 not counted. The databases are "
            "filled by `bench/history_fixture.py` (SQLite: cached in the temp folder); the empty "
            "one holds only the working set: the test agent's open chat of 500 messages, an "
            "open chat whose 100 messages are the newest events, and 20 closed chats with the "
            "word searched for. The agent is a protocol-level client in its own process, the "
            "relay (`bench.relay_server`) in another.",
            "",
            *tables,
            *problems,
            MARK_END,
        ]
    )


def run_and_write(
    rounds: int,
    quick: bool,
    *,
    write: bool,
    log: Callable[[str], None] = print,
    postgres: bool = True,
) -> str:
    section = render(run(rounds, quick, log, postgres))
    print(section)
    if write:
        write_section(section, MARK_START, MARK_END)
    return section


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="10,000 chats, one round")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    run_and_write(args.rounds, args.quick, write=not args.no_write, postgres=not args.no_postgres)
