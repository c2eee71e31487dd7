"""Several relay nodes (issue 16, X4): what a second and a third node cost and give, against one
node measured in the same run (``make bench-nodes``).

Every node is ``bench/relay_server.py`` (the relay ``jivo-relay serve`` runs, plus counters) on
one throwaway PostgreSQL database; nodes of a cluster share a throwaway Redis
(``JIVO_RELAY_REDIS_URL``). One node runs without Redis, as a lone relay is deployed.

1. latency: visitor -> agent one way at a fixed rate, p50 and p99, with the visitor and the agent
   on one node, and with the visitor on node 1 and the agent on node 2 (every message crosses
   Redis). Target: cross-node at most 2x one node's.
2. throughput: persisted (acknowledged) messages a second from visitors spread round-robin over
   1, 2 and 3 nodes (the agent on node 1), each node's CPU per message (core-milliseconds), so
   capacity per core can be read off. All nodes and the load generator share this machine's cores.
3. gap fill: Redis stopped; 1,000 messages sent (and acknowledged) by visitors on node 1 in chats
   taken by an agent signed in on node 2 and on node 3; Redis started again. Measured: the time
   from Redis answering until each node's agent connection holds all 1,000 (exactly once), and
   from each node's bus reconnecting (its ``jivo_bus_connected`` metric) until then, which is
   the gap fill itself. Target: under 2 s for 1,000 events.

Configurations are interleaved within a round; each figure is the median over ``--rounds``
and every ratio is taken within a round, then the median.

    .venv/bin/python bench/multi_node.py [--rounds 3] [--quick] [--no-write] [--json FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sys
import time
import traceback
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import BENCH_LIMITS, ServerProcess, machine, median, write_section
from bench.run_all import Bench, log

START, END = "<!-- bench:nodes:start -->", "<!-- bench:nodes:end -->"
GAP_CHATS = 10


class Cluster:
    """``nodes`` relay processes on one new database; with ``redis`` they share the bus."""

    def __init__(self, bench: Bench, nodes: int, redis_url: str | None) -> None:
        self.bench = bench
        bench.counter += 1
        self.url = bench.pg.create_database(f"nodes_{bench.counter}")
        self.workdir = bench.workdir / f"cluster{bench.counter:03d}"
        self.servers: list[ServerProcess] = []
        self.infos: list[dict[str, Any]] = []
        self.count = nodes
        self.redis_url = redis_url

    def __enter__(self) -> Cluster:
        try:
            for i in range(self.count):
                env = {**BENCH_LIMITS, "JIVO_RELAY_NODE_ID": f"node{i + 1}"}
                if self.redis_url:
                    env["JIVO_RELAY_REDIS_URL"] = self.redis_url
                # The first node migrates and adds the accounts; the others start after it.
                extra = ["--agents", "1"] if i == 0 else ["--prefilled"]
                run_dir = self.workdir / f"node{i + 1}"
                run_dir.mkdir(parents=True)
                server = ServerProcess(
                    "bench.relay_server", ["--db", self.url, *extra], run_dir, env
                )
                self.servers.append(server)
                info = server.start()
                info["stats_path"] = str(server.stats_path)
                self.infos.append(info)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        for i, server in enumerate(self.servers):
            self.bench.stop_server(server, f"{self.count} node(s), node {i + 1}")
        shutil.rmtree(self.workdir, ignore_errors=True)


class NodesBench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.bench = Bench(args)
        self.redis: Any = None

    def start(self) -> None:
        from tests.support.redis_server import RedisServer

        self.bench.start_postgres()
        if self.bench.pg is None:
            raise SystemExit(f"PostgreSQL is needed: {self.bench.pg_note}")
        self.redis = RedisServer()
        self.redis.start()

    def stop(self) -> None:
        if self.redis is not None:
            self.redis.stop()
        self.bench.stop_postgres()
        shutil.rmtree(self.bench.workdir, ignore_errors=True)

    def guarded(self, label: str, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except Exception as exc:
            log(f"FAILED {label}: {exc}\n{traceback.format_exc()}")
            self.bench.problems.append(f"{label}: {type(exc).__name__}: {str(exc)[:300]}")
            return None

    # -------------------------------------------------------------- the three measurements

    def latency(self, cross: bool) -> dict[str, Any]:
        a = self.args
        with Cluster(self.bench, 2 if cross else 1, self.redis.url if cross else None) as c:
            cfg = {
                "kind": "relay",
                "server": c.infos[0],
                "agent_server": c.infos[-1],
                "messages": a.latency_messages,
                "rate": a.latency_rate,
                "warmup_messages": a.latency_warmup,
                "capacity_seconds": 0.5,
            }
            limit = a.latency_messages / a.latency_rate + 120
            return self.bench.client("latency_client", cfg, limit)

    def throughput(self, nodes: int) -> dict[str, Any]:
        a = self.args
        with Cluster(self.bench, nodes, self.redis.url if nodes > 1 else None) as c:
            cfg = {
                "kind": "relay",
                "server": c.infos[0],
                "servers": c.infos,
                "visitors": a.visitors,
                "window": a.window,
                "warmup": a.warmup,
                "duration": a.duration,
                "stats_path": c.infos[0]["stats_path"],
            }
            result = self.bench.client("throughput_client", cfg, a.warmup + a.duration + 180)
        acked = max(result["acked"], 1)
        result["node_core_ms_per_message"] = [
            cores["total"] * result["seconds"] * 1000 / acked for cores in result["node_cores"]
        ]
        return result

    def gap_fill(self) -> dict[str, Any]:
        with Cluster(self.bench, 3, self.redis.url) as c:
            return asyncio.run(asyncio.wait_for(_gap_fill(c, self.redis, self.args), 300))

    # -------------------------------------------------------------- driver

    def run(self) -> dict[str, Any]:
        rounds = []
        for r in range(self.args.rounds):
            log(f"round {r + 1} of {self.args.rounds}")
            only = self.args.only
            one = cross = gap = None
            through: dict[int, Any] = {}
            if "latency" in only:
                one = self.guarded("latency, one node", self.latency, False)
                cross = self.guarded("latency, across two nodes", self.latency, True)
            if "throughput" in only:
                through = {
                    n: self.guarded(f"throughput, {n} node(s)", self.throughput, n)
                    for n in (1, 2, 3)
                }
            if "gap" in only:
                gap = self.guarded("gap fill", self.gap_fill)
            rounds.append(
                {"latency_one": one, "latency_cross": cross, "throughput": through, "gap_fill": gap}
            )
            log(json.dumps(rounds[-1], default=str)[:2000])
        return {
            "rounds": rounds,
            "machine": {**machine(self.bench.pg_version), "redis": _redis_version()},
            "problems": self.bench.problems,
        }


async def _gap_fill(cluster: Cluster, redis: Any, args: argparse.Namespace) -> dict[str, Any]:
    from bench.loadgen import LeanVisitor, fetch_metrics
    from jivo_desktop.net.client import AgentClient
    from server import protocol as p

    first, second, third = cluster.infos
    per_chat = args.gap_events // GAP_CHATS
    expected = {f"G {i} {j}" for i in range(GAP_CHATS) for j in range(per_chat)}
    received: list[dict[str, int]] = [{}, {}]
    done = [asyncio.Event(), asyncio.Event()]
    done_at = [0.0, 0.0]

    def reader(k: int) -> Any:
        def on_frame(frame: p.Frame) -> None:
            if isinstance(frame, p.EventPush) and frame.event.text.startswith("G "):
                got = received[k]
                got[frame.event.text] = got.get(frame.event.text, 0) + 1
                if not done[k].is_set() and expected.issubset(got):
                    done_at[k] = time.monotonic()
                    done[k].set()

        return on_frame

    # The same agent signed in on node 2 and on node 3: both connections get its chats' events.
    agents = [
        AgentClient(info["ws_url"], on_frame=reader(k), keep_frames=10_000)
        for k, info in enumerate((second, third))
    ]
    for agent in agents:
        await agent.sign_in(first["agent_email"], first["agent_password"])
    visitors = [LeanVisitor(first["ws_url"], first["site_key"], i) for i in range(GAP_CHATS)]
    for visitor in visitors:
        await visitor.connect()
        answer = await visitor.say("hello")
        assert answer.get("type") == "message_acked", answer
        offered = await agents[0].wait_for(partial(_offers, visitor.visitor_id), timeout=30)
        await agents[0].accept(offered.chat.id)
    await asyncio.to_thread(redis.stop)
    for j in range(per_chat):
        answers = await asyncio.gather(*(v.say(f"G {v.index} {j}") for v in visitors))
        refused = [a for a in answers if a.get("type") != "message_acked"]
        assert not refused, refused[:3]
    await asyncio.to_thread(redis.start)
    up = time.monotonic()
    connected_at: list[float | None] = [None, None]

    async def watch_bus(k: int, info: dict[str, Any]) -> None:
        while connected_at[k] is None:
            metrics = await asyncio.to_thread(fetch_metrics, info["http_url"])
            if metrics.get("jivo_bus_connected") == 1.0:
                connected_at[k] = time.monotonic()
            else:
                await asyncio.sleep(0.02)

    watchers = [asyncio.create_task(watch_bus(k, info)) for k, info in enumerate((second, third))]
    try:
        async with asyncio.timeout(120):
            await asyncio.gather(done[0].wait(), done[1].wait())
    finally:
        for task in watchers:
            task.cancel()
        for visitor in visitors:
            await visitor.close()
        for agent in agents:
            await agent.close()
    return {
        "events": len(expected),
        "total_s": [at - up for at in done_at],
        "after_reconnect_s": [
            (at - c) if c is not None else None for at, c in zip(done_at, connected_at, strict=True)
        ],
        "reconnect_s": [(c - up) if c is not None else None for c in connected_at],
        "duplicates": [sum(n - 1 for n in got.values()) for got in received],
    }


def _redis_version() -> str:
    """``7.0.15`` from ``redis-server --version`` (``Redis server v=7.0.15 sha=...``)."""
    import subprocess

    try:
        out = subprocess.run(
            ["redis-server", "--version"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return next((w[2:] for w in out.split() if w.startswith("v=")), "?")


def _offers(visitor_id: int, frame: Any) -> bool:
    from server import protocol as p

    visitor = frame.chat.visitor if isinstance(frame, p.ChatOffered) else None
    return visitor is not None and visitor.id == visitor_id


# ---------------------------------------------------------------------------- report


def _med(values: list[float | None]) -> float:
    present = [v for v in values if v is not None]
    return median(present) if present else float("nan")


def summarise(results: dict[str, Any]) -> dict[str, Any]:
    rounds = results["rounds"]
    out: dict[str, Any] = {}
    for key in ("p50_ms", "p99_ms"):
        one = [r["latency_one"][key] for r in rounds if r["latency_one"] and r["latency_cross"]]
        cross = [r["latency_cross"][key] for r in rounds if r["latency_one"] and r["latency_cross"]]
        out[f"one_{key}"] = _med(list(one))
        out[f"cross_{key}"] = _med(list(cross))
        out[f"ratio_{key}"] = _med([c / o for c, o in zip(cross, one, strict=True) if o])
    for n in (1, 2, 3):
        runs = [r["throughput"][n] for r in rounds if r["throughput"].get(n)]
        out[f"rate_{n}"] = _med([t["rate"] for t in runs])
        out[f"core_ms_{n}"] = [
            _med([t["node_core_ms_per_message"][i] for t in runs]) for i in range(n)
        ]
        base = [r["throughput"][1]["rate"] for r in rounds if r["throughput"].get(1)]
        out[f"rate_ratio_{n}"] = (
            _med(
                [
                    r["throughput"][n]["rate"] / r["throughput"][1]["rate"]
                    for r in rounds
                    if r["throughput"].get(n) and r["throughput"].get(1)
                ]
            )
            if base
            else float("nan")
        )
        out[f"errors_{n}"] = sum(sum(t["errors"].values()) for t in runs)
    gaps = [r["gap_fill"] for r in rounds if r["gap_fill"]]
    out["gap_events"] = gaps[0]["events"] if gaps else 0
    out["gap_total_s"] = _med([max(g["total_s"]) for g in gaps])
    out["gap_after_reconnect_s"] = _med(
        [
            max(x for x in g["after_reconnect_s"] if x is not None)
            for g in gaps
            if any(x is not None for x in g["after_reconnect_s"])
        ]
    )
    out["gap_reconnect_s"] = _med(
        [
            max(x for x in g["reconnect_s"] if x is not None)
            for g in gaps
            if any(x is not None for x in g["reconnect_s"])
        ]
    )
    out["gap_duplicates"] = sum(sum(g["duplicates"]) for g in gaps)
    return out


def report(results: dict[str, Any], args: argparse.Namespace) -> str:
    s = summarise(results)
    m = results["machine"]
    verdict = "met" if s["ratio_p50_ms"] <= 2 and s["ratio_p99_ms"] <= 2 else "NOT met"
    gap_verdict = "met" if s["gap_after_reconnect_s"] < 2 else "NOT met"
    lines = [
        START,
        "## Several relay nodes (issue 16, X4)",
        "",
        f"`bench/multi_node.py`, {args.rounds} round(s), medians; {m['nproc']} cores "
        f"({m['cpu']}), Python {m['python']}, PostgreSQL {m['postgres']}, redis-server "
        f"{m.get('redis', '?')}, revision {m['revision']}, {m['date']}, load {m['load']}. "
        "Every node, PostgreSQL, Redis and the load generator share this machine's cores.",
        "",
        "| visitor -> agent latency | p50 ms | p99 ms |",
        "|---|---|---|",
        f"| one node (no Redis) | {s['one_p50_ms']:.2f} | {s['one_p99_ms']:.2f} |",
        f"| visitor on node 1, agent on node 2 | {s['cross_p50_ms']:.2f} | "
        f"{s['cross_p99_ms']:.2f} |",
        f"| ratio (within a round) | {s['ratio_p50_ms']:.2f}x | {s['ratio_p99_ms']:.2f}x |",
        "",
        f"Target (cross-node at most 2x one node's, p50 and p99): **{verdict}**. "
        f"{args.latency_messages} messages at {args.latency_rate:.0f}/s.",
        "",
        "| nodes | persisted messages/s | vs one node | CPU per message, each node (core-ms) "
        "| errors |",
        "|---|---|---|---|---|",
    ]
    for n in (1, 2, 3):
        cores = ", ".join(f"{c:.2f}" for c in s[f"core_ms_{n}"])
        lines.append(
            f"| {n} | {s[f'rate_{n}']:.0f} | {s[f'rate_ratio_{n}']:.2f}x | {cores} | "
            f"{s[f'errors_{n}']} |"
        )
    lines += [
        "",
        f"{args.visitors} visitors spread round-robin over the nodes, {args.window} messages in "
        f"flight each, {args.duration:.0f} s measured after {args.warmup:.0f} s; one agent on "
        "node 1 (so node 1 also receives every other node's messages over Redis). Capacity per "
        "core is 1000 / (core-ms per message) messages a second.",
        "",
        f"Gap fill after a Redis restart: {s['gap_events']} events written on node 1 while "
        f"Redis was down; every node's copy complete **{s['gap_total_s']:.2f} s** after Redis "
        f"answered again: {s['gap_reconnect_s']:.2f} s for the buses to reconnect (their backoff "
        f"with jitter, capped at 5 s) and **{s['gap_after_reconnect_s']:.2f} s** of gap fill "
        f"from the database after that. Target (gap fill under 2 s for 1,000 events): "
        f"**{gap_verdict}**. Duplicates seen by the agents: {s['gap_duplicates']}.",
    ]
    if results["problems"]:
        lines += ["", "Problems in this run:", ""] + [f"- {p}" for p in results["problems"]]
    lines.append(END)
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="small sizes, one round (a smoke run)")
    parser.add_argument("--no-write", action="store_true", help="print, do not touch the docs")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--latency-messages", type=int, default=2000)
    parser.add_argument("--latency-rate", type=float, default=200.0)
    parser.add_argument("--latency-warmup", type=int, default=100)
    parser.add_argument("--visitors", type=int, default=30)
    parser.add_argument("--window", type=int, default=10)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--duration", type=float, default=8.0)
    parser.add_argument("--gap-events", type=int, default=1000)
    parser.add_argument(
        "--only",
        default="latency,throughput,gap",
        help="comma-separated parts to run (latency, throughput, gap); a partial run prints "
        "and does not touch the docs",
    )
    args = parser.parse_args()
    args.only = set(args.only.split(","))
    if args.only - {"latency", "throughput", "gap"}:
        parser.error(f"unknown part in --only: {sorted(args.only)}")
    if args.only != {"latency", "throughput", "gap"}:
        args.no_write = True
    args.no_postgres = False
    if args.quick:
        args.rounds, args.latency_messages, args.duration, args.visitors = 1, 300, 3.0, 10
    bench = NodesBench(args)
    try:
        bench.start()
        results = bench.run()
    finally:
        bench.stop()
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))
    text = report(results, args)
    print(text)
    if not args.no_write:
        write_section(text, START, END)
    return 1 if results["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
