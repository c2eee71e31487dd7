"""The headline scenario (issue 15): one relay node at a busy site's working hours.

    .venv/bin/python -m bench.headline [--quick] [--no-watch] [--no-write]

10,000 visitors browsing (a page view every 30 s each, through the widget's tracker frames,
and its 25 s heartbeat), 200 agents signed in (each watching the visitor list, as the desktop
app does), and 200 open chats exchanging a message every 5 s each way, each typed first and
answered with a receipt (``bench/headline_load.py``). Reported: delivery latency of the chat
messages (send to the other side's socket) p50 / p99 each way and together, the relay's CPU
(event-loop thread + its other threads) and memory over the measured window. Goal: p99 under
50 ms. ``--quick``: 1,000 visitors, 20 agents, 20 chats, a shorter window.

The relay (``bench.relay_server``, SQLite FULL, the benchmark's raised rate limits) runs in a
child process; the browsing visitors in two more; the agents and the chats in a fourth.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    BENCH_LIMITS,
    CpuSnapshot,
    ServerProcess,
    machine,
    percentile,
    raise_nofile,
    rss_kib,
    snapshot_stats,
    write_section,
)
from bench.report_format import at_most, fmt, table, verdict

TARGET_P99_MS = 50.0
MARK_START, MARK_END = "<!-- bench:headline:start -->", "<!-- bench:headline:end -->"
FULL = {"visitors": 10_000, "agents": 200, "chats": 200, "warmup": 10.0, "duration": 60.0}
QUICK = {"visitors": 1_000, "agents": 20, "chats": 20, "warmup": 5.0, "duration": 20.0}
PAGE_EVERY, MESSAGE_EVERY = 30.0, 5.0
BROWSE_WORKERS = 2
ENV = {
    **BENCH_LIMITS,
    "JIVO_RELAY_MAX_QUEUED_FRAMES": "100000",
}

CTX = multiprocessing.get_context("spawn")


def _start(target: Callable[..., None], cfg: dict[str, Any]) -> tuple[Any, Any]:
    parent, child = CTX.Pipe()
    proc = CTX.Process(target=target, args=(cfg, child), daemon=True)
    proc.start()
    return proc, parent


def _receive(parent: Any, timeout: float, what: str) -> dict[str, Any]:
    if not parent.poll(timeout):
        raise RuntimeError(f"{what}: no report in {timeout:.0f} s")
    message: dict[str, Any] = parent.recv()
    if "crashed" in message:
        raise RuntimeError(f"{what} failed:\n{message['crashed']}")
    return message


def run(
    quick: bool = False, watch: bool = True, log: Callable[[str], None] = print
) -> dict[str, Any]:
    from bench.headline_load import browse_worker, chat_worker
    from bench.loadgen import fetch_metrics

    size = QUICK if quick else FULL
    nofile = raise_nofile()  # children inherit it: the relay holds every socket
    if nofile < size["visitors"] + size["chats"] * 2 + 500:
        raise RuntimeError(
            f"the open-file limit is {nofile} (hard limit): {size['visitors']:,} visitors need "
            "more; raise it (ulimit -Hn, or LimitNOFILE for a service) or use --quick"
        )
    workdir = Path(tempfile.mkdtemp(prefix="jivo-bench-headline-"))
    server = ServerProcess(
        "bench.relay_server",
        ["--db", f"sqlite+aiosqlite:///{workdir / 'relay.db'}", "--agents", str(size["agents"])],
        workdir,
        ENV,
    )
    workers: list[tuple[Any, Any, str]] = []
    try:
        info = server.start(timeout=120)
        pid = info["pid"]
        common = {"server": info, "warmup": size["warmup"]}
        chat_cfg = {
            **common,
            "agents": size["agents"],
            "chats": size["chats"],
            "message_every": MESSAGE_EVERY,
            "watch": watch,
        }
        started = time.monotonic()
        proc, pipe = _start(chat_worker, chat_cfg)
        workers.append((proc, pipe, "chat worker"))
        ready = _receive(pipe, 600, "chat worker")
        log(
            f"  {ready['agents']} agents connected, {ready['ready']} chats open "
            f"({ready['seconds']:.0f} s)"
        )
        per = -(-size["visitors"] // BROWSE_WORKERS)
        for w in range(BROWSE_WORKERS):
            count = min(per, size["visitors"] - w * per)
            cfg = {
                **common,
                "first": w * per,
                "count": count,
                "batch": 200,
                "page_every": PAGE_EVERY,
            }
            proc, pipe = _start(browse_worker, cfg)
            workers.append((proc, pipe, f"browse worker {w}"))
        opened, failed = 0, {}
        for _, pipe, name in workers[1:]:
            report = _receive(pipe, 900, name)
            opened += report["ready"]
            failed.update(report["failed"])
        connect_seconds = time.monotonic() - started
        log(
            f"  {opened} visitors connected ({connect_seconds:.0f} s since the start), "
            f"failed {failed}"
        )
        at = time.monotonic() + 1.0
        for _, pipe, _name in workers:
            pipe.send(("go", at, size["warmup"], size["duration"]))
        time.sleep(max(0.0, at + size["warmup"] - time.monotonic()))
        stats_before = snapshot_stats(pid, server.stats_path, timeout=60)
        metrics_before = fetch_metrics(info["http_url"])
        cpu_before = CpuSnapshot.take(pid)
        time.sleep(size["duration"])
        cpu = CpuSnapshot.take(pid).since(cpu_before, pid)
        stats_after = snapshot_stats(pid, server.stats_path, timeout=60)
        metrics_after = fetch_metrics(info["http_url"])
        rss = rss_kib(pid)
        reports = [_receive(pipe, 120, name) for _, pipe, name in workers]
        for _, pipe, _name in workers:
            pipe.send("stop")
    finally:
        for proc, _pipe, _name in workers:
            proc.join(30)
            if proc.is_alive():
                proc.kill()
        server.stop()
        problems = _log_problems(server.log_path)
        shutil.rmtree(workdir, ignore_errors=True)
    chat, browse = reports[0], reports[1:]
    sent: dict[str, int] = {}
    for r in browse:
        for k, v in r["sent"].items():
            sent[k] = sent.get(k, 0) + v
    keys = ("batches", "writes", "tx_count", "tx_seconds")
    delta: dict[str, Any] = {k: stats_after[k] - stats_before[k] for k in keys}
    before_kinds = stats_before.get("write_kinds", {})
    delta["kinds"] = {
        k: [v[0] - before_kinds.get(k, [0, 0.0])[0], v[1] - before_kinds.get(k, [0, 0.0])[1]]
        for k, v in stats_after.get("write_kinds", {}).items()
    }
    inside = {
        k: metrics_after.get(k, 0.0) - metrics_before.get(k, 0.0)
        for k in metrics_after
        if k.startswith("jivo_delivery_latency_seconds")
    }
    return {
        "size": size,
        "watch": watch,
        "opened": opened,
        "failed": failed,
        "connect_seconds": connect_seconds,
        "samples": chat["samples"],
        "counts": chat["counts"],
        "browse_sent": sent,
        "errors": {"chats": chat["errors"], "browsing": [r["errors"] for r in browse]},
        "closed": {"chats": chat["closed"], "browsing": [r["closed"] for r in browse]},
        "relay_cores": cpu,
        "relay_rss_mib": rss / 1024,
        "writer": delta,
        "inside": inside,
        "client_cores": [chat["client_cores"], *[r["client_cores"] for r in browse]],
        "machine": machine(),
        "problems": problems,
    }


def _log_problems(path: Path) -> list[str]:
    """The relay's log lines at WARNING and above, counted by their message (first 5)."""
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError:
        return []
    seen: dict[str, int] = {}
    for line in lines:
        for level in (" WARNING ", " ERROR ", " CRITICAL "):
            if level in line:
                key = line.split(level, 1)[1][:160]
                seen[key] = seen.get(key, 0) + 1
    return [f"{n} x {key}" for key, n in sorted(seen.items(), key=lambda kv: -kv[1])[:5]]


def render(r: dict[str, Any]) -> str:
    size, samples = r["size"], r["samples"]
    both = samples["visitor_to_agent"] + samples["agent_to_visitor"]
    p99 = percentile(both, 99)
    rows = []
    for label, values in (
        ("visitor to agent", samples["visitor_to_agent"]),
        ("agent to visitor", samples["agent_to_visitor"]),
        ("both", both),
    ):
        rows.append(
            (
                label,
                f"{len(values):,}",
                fmt(percentile(values, 50)),
                fmt(percentile(values, 99)),
                fmt(max(values) if values else None),
            )
        )
    counts, duration = r["counts"], size["duration"]
    sent = counts.get("visitor_to_agent sent", 0) + counts.get("agent_to_visitor sent", 0)
    lost = sent - len(both)
    cores, m = r["relay_cores"], r["machine"]
    writer = r["writer"]
    batch = writer["writes"] / writer["batches"] if writer["batches"] else float("nan")
    tx_ms = writer["tx_seconds"] / writer["tx_count"] * 1000 if writer["tx_count"] else None
    inside = r["inside"]
    count = inside.get("jivo_delivery_latency_seconds_count", 0.0)
    under = inside.get('jivo_delivery_latency_seconds_bucket{le="0.05"}', 0.0)
    relay_side = (
        f"The relay's own histogram (`jivo_delivery_latency_seconds`: a message frame's arrival "
        f"to its push) over the window: {count:.0f} messages, mean "
        f"{inside.get('jivo_delivery_latency_seconds_sum', 0.0) / count * 1000:.1f} ms, "
        f"{under / count:.0%} under 50 ms."
        if count
        else ""
    )
    deltas = counts.get("visitors_delta frames", 0) / duration / size["agents"]
    delta_mib = counts.get("visitors_delta bytes", 0) / duration / 2**20
    watching = (
        f"each agent watching the visitor list ({deltas:.1f} `visitors_delta` a second per "
        f"agent, {delta_mib:.1f} MiB/s to all of them)"
        if r["watch"]
        else "no agent watching the visitor list (`--no-watch`)"
    )
    return "\n".join(
        [
            MARK_START,
            "## Headline scenario (issue 15)",
            "",
            *table(
                ("target", "goal", "measured", "verdict"),
                [
                    (
                        "chat message delivery p99, both ways",
                        f"< {TARGET_P99_MS:.0f} ms",
                        f"{fmt(p99)} ms",
                        verdict(at_most(p99, TARGET_P99_MS)),
                    )
                ],
            ),
            "",
            f"Measured {m['date']} with `python -m bench.headline` (2 cores shared by the relay "
            f"and its load generators, Python {m['python']}, SQLite {m['sqlite']} FULL, relay "
            f"code at {m['revision']}). One relay node; {r['opened']:,} visitors browsing (a "
            f"`page_view` every {PAGE_EVERY:.0f} s each and the widget's 25 s `ping`: "
            f"{r['browse_sent'].get('page_view', 0) / duration:.0f} page views and "
            f"{r['browse_sent'].get('ping', 0) / duration:.0f} pings a second), {size['agents']} "
            f"agents, {watching}; {size['chats']} chats, a message every {MESSAGE_EVERY:.0f} s "
            f"each way, typed for 1 s first, answered with a receipt. {duration:.0f} s measured "
            f"after {size['warmup']:.0f} s of warm-up; the set-up (agents, chats, "
            f"{r['opened']:,} visitors connecting) took {r['connect_seconds']:.0f} s. Latency is "
            "from the sender's send to the other side's socket, in ms.",
            "",
            *table(("direction", "messages", "p50 ms", "p99 ms", "max ms"), rows),
            "",
            f"Relay CPU over the window: {cores['main']:.2f} cores on the event-loop thread + "
            f"{cores['other']:.2f} on its other threads (the writer's) = {cores['total']:.2f} of "
            f"the machine's 2; RSS {r['relay_rss_mib']:.0f} MiB at the end. The group writer "
            f"committed {writer['writes'] / duration:.0f} writes a second in "
            f"{writer['batches'] / duration:.1f} transactions (mean batch {fmt(batch, 1)}, "
            f"{fmt(tx_ms)} ms each, open {writer['tx_seconds'] / duration:.0%} of the time). "
            f"{relay_side} Load "
            f"generators' CPU: {', '.join(fmt(c) for c in r['client_cores'])} cores (chats, "
            "then each browsing process). Messages sent in the window and not delivered by its "
            f"end: {lost}; sockets the relay closed, by close code: {r['closed']}; error frames: "
            f"{r['errors']}.",
            *_writer_kinds(writer, duration),
            *(
                ["", "The relay's log during the run (most frequent first):", ""]
                + [f"- `{line}`" for line in r.get("problems", [])]
                if r.get("problems")
                else []
            ),
            MARK_END,
        ]
    )


def _writer_kinds(writer: dict[str, Any], duration: float) -> list[str]:
    """The group writer's time over the window by kind of write (``bench/relay_server.py``
    times each write inside its transaction): what fills the one writer."""
    kinds = sorted(writer.get("kinds", {}).items(), key=lambda kv: -kv[1][1])
    rows = [
        (
            f"`{name}`",
            f"{count / duration:.0f}",
            fmt(seconds / count * 1000, 3),
            f"{seconds / duration:.0%}",
        )
        for name, (count, seconds) in kinds
        if count
    ]
    if not rows:
        return []
    return [
        "",
        "The group writer's time by kind of write over the window (each write timed inside its "
        "transaction; the rest of a transaction's time is begin and commit):",
        "",
        *table(("write", "per second", "ms each", "share of the window"), rows),
    ]


def run_and_write(
    quick: bool, *, write: bool, watch: bool = True, log: Callable[[str], None] = print
) -> str:
    section = render(run(quick, watch, log))
    print(section)
    if write:
        write_section(section, MARK_START, MARK_END)
    return section


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-watch", action="store_true", help="agents do not watch visitors")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    run_and_write(args.quick, write=not args.no_write, watch=not args.no_watch)
