"""The relay under test, in its own process: what ``jivo-relay serve --demo`` runs, plus the
test agent of ``tests/support/relay.py``, plus measurement hooks that change no relay code.

    python -m bench.relay_server --db URL --ready FILE --stats FILE [--profile FILE]
        [--agents N] [--prefilled]

Settings come from ``Settings.from_env`` (so ``JIVO_RELAY_*`` variables apply: the benchmark
raises the rate limits and chooses ``JIVO_RELAY_SQLITE_SYNCHRONOUS``). Once listening it writes
``{"port", "site_key", "pid", ...}`` to the ready file. On SIGUSR1 it writes its counters to the
stats file: the group writer's batches and writes, and the time spent in the writer's
transactions and in the writes inside them (so begin + commit = transaction - writes). With
``--profile``, the first SIGUSR1 starts cProfile on the event-loop thread and the second stops
it and dumps the stats. With ``--tracemalloc``, the first two SIGUSR1 take snapshots and the
second stats file holds the allocations between them by source line and the objects (gc) that
appeared, by type. ``--agents N`` adds N more agents, ``bench-agent-<i>@example.com`` with the
test agent's password (hashed once) and a session each, whose tokens the ready file lists
(``bench/headline.py``: its agents resume with ``authenticate``, as the app does after its first
sign-in, rather than wait for 200 argon2 checks). ``--prefilled``: the database was
filled beforehand with the test agent and the demo site in it (``bench/history_fixture.py``).
SIGTERM stops the relay.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import cProfile
import gc
import linecache
import logging
import os
import signal
import time
import tracemalloc
from pathlib import Path
from typing import Any

from bench.common import raise_nofile, write_json_atomic
from server.account import agents as agents_repo
from server.account import auth
from server.core.config import Settings
from server.core.relay import Relay
from server.store.writer import Batched
from tests.support.relay import AGENT_EMAIL, AGENT_PASSWORD


class WriterTimer:
    """Wraps one GroupWriter instance's ``run`` and ``_transaction`` (instance attributes only)."""

    def __init__(self, relay: Relay) -> None:
        self.tx_count = 0
        self.tx_seconds = 0.0
        self.write_count = 0
        self.write_seconds = 0.0
        # By the write's function (e.g. ``record_visit_page``): [count, seconds].
        self.kinds: collections.defaultdict[str, list[float]] = collections.defaultdict(
            lambda: [0, 0.0]
        )
        self._timed_runners: set[type[Batched]] = set()
        writer = relay.writer
        original_tx = writer._transaction
        original_run = writer.run

        async def timed_transaction(writes: list[Any]) -> list[Any]:
            start = time.perf_counter()
            try:
                return await original_tx(writes)
            finally:
                self.tx_count += 1
                self.tx_seconds += time.perf_counter() - start

        def timed_run(write: Any) -> Any:
            if isinstance(write, Batched):
                # Wrapped in a function it would lose its batching: its runner is timed instead.
                self._time_runner(type(write))
                return original_run(write)
            kind = self.kinds[getattr(write, "__qualname__", "?").split(".<locals>")[0]]

            def timed_write(conn: Any) -> Any:  # writes are plain functions of a Connection
                start = time.perf_counter()
                try:
                    return write(conn)
                finally:
                    elapsed = time.perf_counter() - start
                    self.write_count += 1
                    self.write_seconds += elapsed
                    kind[0] += 1
                    kind[1] += elapsed

            return original_run(timed_write)

        writer._transaction = timed_transaction  # type: ignore[method-assign]
        writer.run = timed_run  # type: ignore[method-assign]

    def _time_runner(self, cls: type[Batched]) -> None:
        """Time the runner of a batched write (once per class that defines one): a run of
        writes is one call, its time shared among them. Labelled by that class's name."""
        owner = next(c for c in cls.__mro__ if "runner" in vars(c))
        if owner in self._timed_runners:
            return
        self._timed_runners.add(owner)
        runner = vars(owner)["runner"]
        kind = self.kinds[f"{owner.__module__.rsplit('.', 1)[-1]}.{owner.__name__.lstrip('_')}"]

        def timed(conn: Any, writes: Any) -> list[Any]:
            start = time.perf_counter()
            try:
                return runner(conn, writes)
            finally:
                elapsed = time.perf_counter() - start
                self.write_count += len(writes)
                self.write_seconds += elapsed
                kind[0] += len(writes)
                kind[1] += elapsed

        setattr(owner, "runner", timed)  # noqa: B010 - a class attribute, patched


def bench_agent_email(i: int) -> str:
    return f"bench-agent-{i}@example.com"


def _tracemalloc_diff(before: tracemalloc.Snapshot, after: tracemalloc.Snapshot) -> dict[str, Any]:
    """Python allocations that appeared between two snapshots: by the line that allocated them,
    and by the innermost line of the relay's own code (``server/``) on the allocating stack,
    with that line's source text (line numbers drift as the code changes)."""
    lines = []
    for stat in after.compare_to(before, "traceback"):
        if stat.size_diff <= 0:
            continue
        frames = list(stat.traceback)[::-1]  # tracemalloc lists the oldest first
        inner = frames[0]
        relay = next((f for f in frames if f"{os.sep}server{os.sep}" in f.filename), None)
        relay_at = ""
        if relay is not None:
            source = linecache.getline(relay.filename, relay.lineno).strip()
            relay_at = f"{relay.filename.rsplit(os.sep + 'server' + os.sep, 1)[-1]}:{relay.lineno}"
            relay_at = f"server/{relay_at}: {source}"
        lines.append((inner.filename, inner.lineno, stat.size_diff, stat.count_diff, relay_at))
    return {"lines": lines}


def _object_types() -> collections.Counter[str]:
    gc.collect()
    return collections.Counter(
        f"{type(o).__module__}.{type(o).__qualname__}" for o in gc.get_objects()
    )


async def main(args: argparse.Namespace) -> None:
    raise_nofile()
    if args.tracemalloc:
        tracemalloc.start(12)
    snapshots: list[tracemalloc.Snapshot] = []
    types: list[collections.Counter[str]] = []
    settings = Settings.from_env(host="127.0.0.1", port=0, database_url=args.db)
    relay = Relay(settings)
    timer = WriterTimer(relay)
    await relay.start()
    if not args.prefilled:
        await relay.create_agent(AGENT_EMAIL, "Ana", AGENT_PASSWORD, "agent")
    await relay.bootstrap_demo()
    tokens: list[str] = []
    if args.agents:
        password_hash = await auth.hash_password_async(AGENT_PASSWORD)
        for i in range(args.agents):
            email = bench_agent_email(i)
            agent_id = await relay.writer.run(
                agents_repo.create_agent(email, f"Agent {i}", password_hash, "agent")
            )
            token = auth.new_token()
            await relay.writer.run(agents_repo.create_session(agent_id, auth.token_hash(token)))
            tokens.append(token)
    seq = 0
    profiler: cProfile.Profile | None = None
    profiling_done = False

    def dump_stats() -> None:
        nonlocal seq, profiler, profiling_done
        if args.profile and not profiling_done:
            if profiler is None:
                profiler = cProfile.Profile()
                profiler.enable()
            else:
                profiler.disable()
                profiler.dump_stats(args.profile)
                profiler, profiling_done = None, True
        extra: dict[str, Any] = {}
        if args.tracemalloc and len(snapshots) < 2:
            types.append(_object_types())
            snapshots.append(tracemalloc.take_snapshot())
            if len(snapshots) == 2:
                extra["tracemalloc"] = _tracemalloc_diff(*snapshots)
                extra["object_types"] = {
                    k: v - types[0].get(k, 0) for k, v in types[1].items() if v > types[0].get(k, 0)
                }
        seq += 1
        write_json_atomic(
            args.stats,
            {
                "seq": seq,
                "time": time.monotonic(),
                "batches": relay.writer.batches,
                "writes": relay.writer.writes,
                "tx_count": timer.tx_count,
                "tx_seconds": timer.tx_seconds,
                "write_count": timer.write_count,
                "write_seconds": timer.write_seconds,
                "write_kinds": {k: list(v) for k, v in timer.kinds.items()},
                "messages": sum(
                    relay.metrics.messages.labels(a)._value.get() for a in ("visitor", "agent")
                ),
                **extra,
            },
        )

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGUSR1, dump_stats)
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    write_json_atomic(
        args.ready,
        {
            "pid": os.getpid(),
            "port": relay.port,
            "ws_url": relay.ws_url,
            "http_url": relay.http_url,
            "site_key": relay.demo_site_key,
            "agent_email": AGENT_EMAIL,
            "agent_password": AGENT_PASSWORD,
            "database_url": settings.database_url,
            "agent_tokens": tokens,
            "sqlite_synchronous": settings.sqlite_synchronous,
            "limits": [
                settings.conn_rate,
                settings.conn_burst,
                settings.ip_rate,
                settings.ip_burst,
            ],
        },
    )
    try:
        await stop.wait()
    finally:
        await relay.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--ready", type=Path, required=True)
    parser.add_argument("--stats", type=Path, required=True)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--agents", type=int, default=0)
    parser.add_argument("--prefilled", action="store_true")
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    asyncio.run(main(parser.parse_args()))
