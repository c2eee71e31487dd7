"""Markdown for docs/performance.md from the results of ``bench/run_all.py``."""

from __future__ import annotations

from typing import Any

from bench.common import median
from bench.report_diagnostics import (
    memory_diagnosis_section,
    metrics_note,
    profile_section,
    writer_breakdown,
    writer_costs_section,
)
from bench.report_format import BARE, at_least, at_most, fmt, header, times, verdict

TARGET_P50 = 1.5  # x baseline 2 (durable forwarder), same database
TARGET_P99 = 2.0
TARGET_KIB_PER_VISITOR = 21.0
TARGET_KEEPALIVE_CORES = 0.05
"""Issue 15: 10,000 idle visitors with the widget's real keepalive use under 5% of a core."""
DURABLE_SQLITE = "durable forwarder, SQLite FULL"
DURABLE_PG = "durable forwarder, PostgreSQL"
# Each relay configuration's baseline 2: the durable forwarder on the same database.
DURABLE_OF = {"relay, SQLite FULL": DURABLE_SQLITE, "relay, PostgreSQL": DURABLE_PG}
# Issue 15's throughput targets: (relay configuration, baseline, least share of its rate).
THROUGHPUT_TARGETS = [
    ("relay, SQLite FULL", BARE, 0.40),
    ("relay, SQLite FULL", DURABLE_SQLITE, 0.80),
    ("relay, PostgreSQL", DURABLE_PG, 0.60),
]

INTRO = """\
# Performance

What the relay costs next to the least a websocket relay can do, and next to the least a
*durable* one can do. `make bench` runs `bench/run_all.py` (about 25 minutes on 2 cores) and
rewrites the measured sections below, each between its `bench:` markers; the rest of this page
is kept. `--only latency,throughput,memory,history,headline` picks benchmarks (`durable` is
latency and throughput); `--quick` is a smoke run.

Two baselines, measured in the same run as the relay, because the machine that runs the
benchmarks is shared and noisy: every target is a ratio within a round, and every figure the
median of several rounds. The servers run in a child process each, the load generators in
other child processes, so no two share an event loop.

1. `bench/bare_forwarder.py`: a bare `websockets.asyncio` server that forwards each text frame
   of a visitor socket to the agent socket and echoes it back as the "ack", with no database,
   no validation and no limits: the ceiling of the socket path.
2. `bench/durable_forwarder.py`: the same forwarder, but each message is appended (a row shaped
   like the relay's `events`, both unique constraints included) by a group commit, and
   forwarded and acknowledged only after its commit: one writer thread on plain `sqlite3` (WAL,
   `synchronous=FULL`, one `executemany` per batch), or `asyncpg` `executemany` in a
   transaction on PostgreSQL (fsync on). Pipelined per socket like the relay (up to 32 in
   flight). This is the physical floor of "ack after commit" on this disk: the relay cannot
   beat a commit, only add little to it.

- **Latency**: one visitor sends 2,000 messages at 200/s, each carrying its send time
  (`time.monotonic()`); the agent records arrival minus send time. The relay's agent is the real
  `AgentClient` (`jivo_desktop/net/client.py`), the chat opened by the visitor's first message and
  accepted by the agent. Targets (issue 15): p50 at most 1.5x and p99 at most 2x baseline 2 on
  the same database.
- **Throughput**: 50 visitors in 50 chats accepted by one agent, each keeping 10 unacknowledged
  messages in flight, for 10 s after a 2 s warm-up; the count is of acknowledged messages (the relay
  acknowledges after the commit, so an ack is a stored message). Targets: on SQLite FULL at least
  40% of baseline 1 and 80% of baseline 2; on PostgreSQL at least 60% of baseline 2.
- **Memory**: 10,000 idle visitor sockets (each sent `visitor_hello` and got `visitor_welcome`);
  the server's VmRSS after minus before, divided by 10,000. Target: at most 21 KiB per visitor.
- **Costs that grow with the work, not the history** (`bench/history.py`): resume from a cursor
  (100 missed events), opening a chat of 500 messages and an archive search by text, on a
  database holding 100,000 closed chats and 1,000,000 events (`bench/history_fixture.py` fills
  it in about 15 s with plain `sqlite3` after the relay's migrations, and caches the file in the
  temp folder by the migrations' content) against one holding only the same working set.
  Target: at most 2x.
- **Headline scenario** (`bench/headline.py`): one relay node, 10,000 visitors browsing (a page
  view every 30 s each and the widget's heartbeat), 200 agents watching the visitor list as the
  app does, 200 chats exchanging a message every 5 s each way with typing and receipts. Goal:
  delivery p99 under 50 ms; the relay's CPU is reported.

The relay's rate limits (10 frames/s per connection, burst 40; 50/s per IP, burst 200) would
throttle clients that all come from 127.0.0.1, so the benchmark raises them through
`JIVO_RELAY_CONN_RATE`, `JIVO_RELAY_CONN_BURST`, `JIVO_RELAY_IP_RATE` and `JIVO_RELAY_IP_BURST`
(all set to 1,000,000), and the per-IP limits on first frames and new visitors likewise.
`JIVO_RELAY_SQLITE_SYNCHRONOUS` selects FULL (the default: a committed message survives a power
cut) or NORMAL (WAL: survives a crash of the relay process, may lose the last transactions on a
power cut or kernel panic).

Each relay runs on a fresh database: SQLite FULL, SQLite NORMAL, and PostgreSQL when
`tests/support/postgres.py` can start a throwaway cluster (fsync on). Diagnostics that count
toward no target follow the measurements: one throughput run of the relay under cProfile;
`bench/writer_costs.py` (one message's cost inside the group writer, against SQLAlchemy's
synchronous engine and bare `sqlite3`); and 500 idle visitors under `tracemalloc`.

Options: `.venv/bin/python bench/run_all.py --help` (`--quick` for a smoke run, `--only memory`,
`--rounds 5`, `--no-postgres`, `--no-write`); `python -m bench.history` and
`python -m bench.headline` run alone too.
"""


def _rounds(runs: list[dict[str, Any] | None], key: str) -> list[float]:
    return [r[key] for r in runs if r is not None]


def _paired_ratios(
    results: dict[str, list[dict[str, Any] | None]], name: str, key: str, base: str = BARE
) -> list[float]:
    """Per-round ratio of ``name`` to the baseline ``base`` measured in the same round."""
    out = []
    for run, ref in zip(results.get(name, []), results.get(base, []), strict=False):
        if run is not None and ref is not None and ref[key]:
            out.append(run[key] / ref[key])
    return out


def _ratio(results: dict[str, list[dict[str, Any] | None]], name: str, key: str, base: str) -> Any:
    if name == base or base not in results:
        return None
    return median(_paired_ratios(results, name, key, base))


def render_section(report: dict[str, Any]) -> str:
    m = report["machine"]
    args = report["args"]
    lines = [
        "## Latest results",
        "",
        f"Measured {m['date']} on {m['nproc']} cores ({m['cpu']}), load average at the end "
        f"{m['load']}; Python {m['python']}, websockets {m['websockets']}, SQLAlchemy "
        f"{m['sqlalchemy']}, SQLite {m['sqlite']}, PostgreSQL {m['postgres']}; kernel "
        f"{m['kernel']}. Relay code at {m.get('revision', '?')}. {args['rounds']} round(s) per "
        "figure, the median shown; the whole run "
        f"took {report['elapsed'] / 60:.1f} min. PostgreSQL: {report['postgres']}.",
        "",
    ]
    verdicts: list[tuple[str, str, str, str]] = []
    results = report["results"]
    if "latency" in results:
        lines += _latency(results["latency"], args, verdicts)
    if "throughput" in results:
        thr = results["throughput"]
        lines += _throughput(thr, args, verdicts)
        lines += writer_breakdown(thr)
        lines += metrics_note(thr)
    if report.get("writer_costs"):
        lines += writer_costs_section(report["writer_costs"])
    if report.get("profile"):
        lines += profile_section(report["profile"])
    if "memory" in results:
        lines += _memory(results["memory"], args, verdicts)
        if report.get("memory_diagnosis"):
            lines += memory_diagnosis_section(report["memory_diagnosis"])
    lines[2:2] = [
        *header("target", "goal", "measured", "verdict"),
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in verdicts],
        "",
    ]
    if report.get("problems"):
        lines += ["### Runs that failed", ""] + [f"- {p}" for p in report["problems"]] + [""]
    return "\n".join(lines)


def _latency(
    lat: dict[str, list[dict[str, Any] | None]],
    args: dict[str, Any],
    verdicts: list[tuple[str, str, str, str]],
) -> list[str]:
    lines = [
        "### 1. Latency, visitor to agent",
        "",
        f"{args['latency_messages']} messages at {args['latency_rate']:.0f}/s (after "
        f"{args['latency_warmup']} not counted), one chat. Ratios are p50 / p99 against each "
        "baseline measured in the same round (baseline 2: the durable forwarder on the same "
        "database; the targets), then the median of the rounds. Rounds are listed as p50 / "
        'p99 in ms. "First / last 10%" is the mean latency of the first and of the last tenth '
        "of the messages: a last tenth much slower than the first means the server fell behind "
        'the offered rate and a queue grew. "One connection, max msg/s" is measured right after, '
        "on the same socket: the visitor sends as fast as answers allow (10 in flight) for "
        f"{args.get('capacity_seconds', 2):.0f} s; it is the most one visitor can get through.",
        "",
        *header(
            "server",
            "p50 ms",
            "p99 ms",
            "vs bare",
            "vs durable",
            "rounds (p50 / p99)",
            "first / last 10% mean ms",
            "one connection, max msg/s",
            "server CPU (cores)",
        ),
    ]
    for name, runs in lat.items():
        ok_runs = [r for r in runs if r is not None]
        p50 = median(_rounds(runs, "p50_ms"))
        p99 = median(_rounds(runs, "p99_ms"))
        ref = DURABLE_OF.get(name)
        vs_bare = f"{times(_ratio(lat, name, 'p50_ms', BARE))} / "
        vs_bare += times(_ratio(lat, name, "p99_ms", BARE))
        r50 = _ratio(lat, name, "p50_ms", ref) if ref else None
        r99 = _ratio(lat, name, "p99_ms", ref) if ref else None
        vs_durable = f"{times(r50)} / {times(r99)}" if ref else "-"
        rounds = ", ".join(
            f"{r['p50_ms']:.2f} / {r['p99_ms']:.2f}"
            + ("" if r["received"] == r["sent"] else f" ({r['sent'] - r['received']} lost!)")
            for r in ok_runs
        )
        failed = len(runs) - len(ok_runs)
        if failed:
            rounds += f", {failed} failed"
        cores = median([r["server_cores"]["total"] for r in ok_runs])
        drift = ", ".join(
            f"{fmt(r.get('first_tenth_mean_ms'), 1)} / {fmt(r.get('last_tenth_mean_ms'), 1)}"
            for r in ok_runs
        )
        capacity = ", ".join(fmt(r.get("capacity_per_s"), 0) for r in ok_runs)
        lines.append(
            f"| {name} | {fmt(p50)} | {fmt(p99)} | {vs_bare if name != BARE else '-'} "
            f"| {vs_durable} | {rounds} | {drift} | {capacity} | {fmt(cores)} |"
        )
        if ref:
            for key, ratio, goal in (("p50", r50, TARGET_P50), ("p99", r99, TARGET_P99)):
                verdicts.append(
                    (
                        f"latency {key}, {name}",
                        f"<= {goal}x durable forwarder, same database",
                        times(ratio),
                        verdict(at_most(ratio, goal)),
                    )
                )
    lines.append("")
    return lines


def _throughput(
    thr: dict[str, list[dict[str, Any] | None]],
    args: dict[str, Any],
    verdicts: list[tuple[str, str, str, str]],
) -> list[str]:
    lines = [
        "### 2. Throughput, persisted messages a second",
        "",
        f"{args['visitors']} visitors, window {args['window']}, {args['duration']:.0f} s "
        f"measured after {args['warmup']:.0f} s of warm-up. Ratios are against each baseline "
        "measured in the same round (the durable forwarder on the same database). CPU is in "
        "cores over the measured window (the server's event-loop thread + its other threads, "
        "i.e. the database driver's or writer's); a load generator near 1.0 would be the limit "
        "itself.",
        "",
        *header(
            "server",
            "msgs/s",
            "vs bare",
            "vs durable",
            "rounds",
            "ack RTT p50 / p99 ms",
            "mean commit batch",
            "server CPU loop + other",
            "client CPU",
        ),
    ]
    for name, runs in thr.items():
        ok_runs = [r for r in runs if r is not None]
        rate = median(_rounds(runs, "rate"))
        vs_bare = _ratio(thr, name, "rate", BARE)
        ref = DURABLE_OF.get(name)
        vs_durable = _ratio(thr, name, "rate", ref) if ref else None
        rounds = ", ".join(f"{r['rate']:.0f}" for r in ok_runs)
        if len(ok_runs) < len(runs):
            rounds += f", {len(runs) - len(ok_runs)} failed"
        batch = "-"
        if name != BARE:
            sizes = [
                r["server_delta"]["writes"] / r["server_delta"]["batches"]
                for r in ok_runs
                if r["server_delta"].get("batches")
            ]
            batch = fmt(median(sizes), 1)
        rtt = (
            f"{fmt(median(_rounds(runs, 'ack_rtt_p50_ms')), 1)} / "
            f"{fmt(median(_rounds(runs, 'ack_rtt_p99_ms')), 1)}"
        )
        loop = median([r["server_cores"]["main"] for r in ok_runs])
        other = median([r["server_cores"]["other"] for r in ok_runs])
        client = median([r["client_cores"] for r in ok_runs])
        lines.append(
            f"| {name} | {fmt(rate, 0)} | {_percent(vs_bare)} | {_percent(vs_durable)} "
            f"| {rounds} | {rtt} | {batch} | {fmt(loop)} + {fmt(other)} | {fmt(client)} |"
        )
    for name, base, share in THROUGHPUT_TARGETS:
        if name not in thr:
            continue
        ratio = _ratio(thr, name, "rate", base)
        verdicts.append(
            (
                f"throughput, {name}",
                f">= {share:.0%} of {base}",
                _percent(ratio),
                verdict(at_least(ratio, share)),
            )
        )
    lines.append("")
    errors = {
        name: [r["errors"] for r in runs if r is not None and r["errors"]]
        for name, runs in thr.items()
    }
    errors = {k: v for k, v in errors.items() if v}
    if errors:
        lines += [f"Error frames during the throughput runs: {errors}.", ""]
    return lines


def _percent(ratio: float | None) -> str:
    return "-" if ratio is None or ratio != ratio else f"{ratio * 100:.0f}%"


def _cpu_pair(run: dict[str, Any]) -> str:
    silent = run.get("silent_cores")
    return f"{'-' if silent is None else f'{silent:.3f}'} / {run['keepalive_cores']:.3f}"


def _memory(
    mem: dict[str, list[dict[str, Any] | None]],
    args: dict[str, Any],
    verdicts: list[tuple[str, str, str, str]],
) -> list[str]:
    lines = [
        "### 3. Memory per idle visitor connection",
        "",
        f"{args['connections']:,} visitors opened by {args['memory_workers']} client "
        f"processes in batches of {args['batch']}; RSS of the server process.",
        "",
        *header(
            "server",
            "KiB per visitor",
            "rounds",
            "RSS before -> after (MiB)",
            "opened",
            "seconds to connect",
            "CPU silent / with keepalive (cores)",
        ),
    ]
    for name, runs in mem.items():
        ok_runs = [r for r in runs if r is not None]
        per = median(_rounds(runs, "kib_per_conn"))
        rounds = ", ".join(f"{r['kib_per_conn']:.1f}" for r in ok_runs)
        if len(ok_runs) < len(runs):
            rounds += f", {len(runs) - len(ok_runs)} failed"
        rss = ", ".join(
            f"{r['rss_before_kib'] / 1024:.0f} -> {r['rss_after_kib'] / 1024:.0f}" for r in ok_runs
        )
        opened = ", ".join(
            str(r["opened"]) + (f" (failed {r['failed']})" if r["failed"] else "") for r in ok_runs
        )
        secs = ", ".join(f"{r['connect_seconds']:.0f}" for r in ok_runs)
        alive = [r["keepalive_cores"] for r in ok_runs if r.get("keepalive_cores") is not None]
        cores = median(alive) if alive else float("nan")
        pairs = [_cpu_pair(r) for r in ok_runs if r.get("keepalive_cores") is not None]
        lines.append(
            f"| {name} | {fmt(per, 1)} | {rounds} | {rss} | {opened} | {secs} | "
            f"{', '.join(pairs) or '-'} |"
        )
        if name != BARE and alive:
            verdicts.append(
                (
                    f"CPU of {args['connections']:,} visitors with the widget's keepalive, {name}",
                    f"< {TARGET_KEEPALIVE_CORES:.0%} of a core",
                    f"{cores:.1%} of a core",
                    verdict(cores < TARGET_KEEPALIVE_CORES),
                )
            )
        if name != BARE:
            verdicts.append(
                (
                    f"memory per idle visitor, {name}",
                    f"<= {TARGET_KIB_PER_VISITOR:.0f} KiB",
                    f"{fmt(per, 1)} KiB",
                    verdict(at_most(per, TARGET_KIB_PER_VISITOR)),
                )
            )
    base = median(_rounds(mem.get(BARE, []), "kib_per_conn"))
    relay = [median(_rounds(runs, "kib_per_conn")) for n, runs in mem.items() if n != BARE]
    if relay and base == base:
        lines += [
            "",
            f"The relay's own cost above a bare websockets connection: about "
            f'{fmt(relay[0] - base, 1)} KiB per visitor. "CPU silent / with keepalive": '
            "the server's CPU over one 25 s interval with every visitor silent (the relay's own "
            "websocket pings, every 20 s per connection, still run), then over one while every "
            "open visitor sends the widget's `ping` every 25 s at a random phase (after 5 s of "
            "ramp), per round.",
        ]
    lines.append("")
    return lines
