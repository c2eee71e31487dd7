"""Markdown for docs/performance.md from the results of ``bench/run_all.py``."""

from __future__ import annotations

from typing import Any

from bench.common import median

TARGET_P50 = 1.5
TARGET_P99 = 2.0
TARGET_THROUGHPUT = 0.40
TARGET_KIB_PER_VISITOR = 21.0
BARE = "bare forwarder"

INTRO = """\
# Performance

What the relay costs next to the least a websocket relay can do. `make bench` runs
`bench/run_all.py` (about 8 to 10 minutes) and rewrites the measured section below, between the
`bench:relay` markers; the rest of this page is kept.

The baseline is `bench/bare_forwarder.py`: a bare `websockets.asyncio` server that forwards each
text frame of a visitor socket to the agent socket and echoes it back as the "ack", with no
database, no validation and no limits. The machine that runs the benchmarks is shared and noisy,
so every target is a ratio against that baseline measured in the same run (the servers run in a
child process each, the load generators in other child processes, so no two share an event
loop), and every figure is the median of several rounds.

- **Latency**: one visitor sends 2,000 messages at 200/s, each carrying its send time
  (`time.monotonic()`); the agent records arrival minus send time. The relay's agent is the real
  `AgentClient` (`jivo_desktop/net/client.py`), the chat opened by the visitor's first message and
  accepted by the agent. Targets: p50 at most 1.5x and p99 at most 2x the bare forwarder's.
- **Throughput**: 50 visitors in 50 chats accepted by one agent, each keeping 10 unacknowledged
  messages in flight, for 10 s after a 2 s warm-up; the count is of acknowledged messages (the relay
  acknowledges after the commit, so an ack is a stored message). Target: at least 40% of the bare
  forwarder's rate with the same client code.
- **Memory**: 10,000 idle visitor sockets (each sent `visitor_hello` and got `visitor_welcome`);
  the server's VmRSS after minus before, divided by 10,000. Target: at most 21 KiB per visitor.

The relay's rate limits (10 frames/s per connection, burst 40; 50/s per IP, burst 200) would
throttle clients that all come from 127.0.0.1, so the benchmark raises them through
`JIVO_RELAY_CONN_RATE`, `JIVO_RELAY_CONN_BURST`, `JIVO_RELAY_IP_RATE` and `JIVO_RELAY_IP_BURST`
(all set to 1,000,000).
`JIVO_RELAY_SQLITE_SYNCHRONOUS` selects FULL (the default: a committed message survives a power
cut) or NORMAL (WAL: survives a crash of the relay process, may lose the last transactions on a
power cut or kernel panic).

Each relay runs on a fresh database: SQLite FULL, SQLite NORMAL, and PostgreSQL when
`tests/support/postgres.py` can start a throwaway cluster (fsync on). Diagnostics that count
toward no target follow the measurements: one throughput run of the relay under cProfile;
`bench/writer_costs.py` (one message's cost inside the group writer, against SQLAlchemy's
synchronous engine and bare `sqlite3`); and 500 idle visitors under `tracemalloc`.

Options: `.venv/bin/python bench/run_all.py --help` (`--quick` for a smoke run, `--only memory`,
`--rounds 5`, `--no-postgres`, `--no-write`).
"""


def _header(*columns: str) -> list[str]:
    return ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]


def _fmt(value: float | None, digits: int = 2) -> str:
    if value is None or value != value:
        return "-"
    return f"{value:.{digits}f}"


def _times(value: float | None) -> str:
    text = _fmt(value)
    return text if text == "-" else f"{text}x"


def _verdict(ok: bool | None) -> str:
    if ok is None:
        return "not measured"
    return "**PASS**" if ok else "**MISS**"


def _rounds(runs: list[dict[str, Any] | None], key: str) -> list[float]:
    return [r[key] for r in runs if r is not None]


def _paired_ratios(
    results: dict[str, list[dict[str, Any] | None]], name: str, key: str
) -> list[float]:
    """Per-round ratio of ``name`` to the bare forwarder measured in the same round."""
    out = []
    for run, base in zip(results.get(name, []), results.get(BARE, []), strict=False):
        if run is not None and base is not None and base[key]:
            out.append(run[key] / base[key])
    return out


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
        lat = results["latency"]
        lines += [
            "### 1. Latency, visitor to agent",
            "",
            f"{args['latency_messages']} messages at {args['latency_rate']:.0f}/s (after "
            f"{args['latency_warmup']} not counted), one chat. Rounds are listed as p50 / p99 "
            "in ms. "
            '"First / last 10%" is the mean latency of the first and of the last 200 messages: '
            "a last tenth much slower than the first means the server fell behind the offered "
            'rate and a queue grew. "One connection, max msg/s" is measured right after, on '
            f"the same socket: the visitor sends as fast as answers allow (10 in flight) for "
            f"{args.get('capacity_seconds', 2):.0f} s; it is the most one visitor can get through.",
            "",
            *_header(
                "server",
                "p50 ms",
                "p99 ms",
                "p50 ratio",
                "p99 ratio",
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
            r50 = median(_paired_ratios(lat, name, "p50_ms")) if name != BARE else None
            r99 = median(_paired_ratios(lat, name, "p99_ms")) if name != BARE else None
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
                f"{_fmt(r.get('first_tenth_mean_ms'), 1)} / {_fmt(r.get('last_tenth_mean_ms'), 1)}"
                for r in ok_runs
            )
            capacity = ", ".join(_fmt(r.get("capacity_per_s"), 0) for r in ok_runs)
            lines.append(
                f"| {name} | {_fmt(p50)} | {_fmt(p99)} | {_times(r50)} | {_times(r99)} | {rounds} "
                f"| {drift} | {capacity} | {_fmt(cores)} |"
            )
            if name != BARE:
                ok50 = None if r50 is None or r50 != r50 else r50 <= TARGET_P50
                ok99 = None if r99 is None or r99 != r99 else r99 <= TARGET_P99
                verdicts.append(
                    (
                        f"latency p50, {name}",
                        f"<= {TARGET_P50}x bare",
                        f"{_fmt(r50)}x",
                        _verdict(ok50),
                    )
                )
                verdicts.append(
                    (
                        f"latency p99, {name}",
                        f"<= {TARGET_P99}x bare",
                        f"{_fmt(r99)}x",
                        _verdict(ok99),
                    )
                )
        lines.append("")

    if "throughput" in results:
        thr = results["throughput"]
        lines += [
            "### 2. Throughput, persisted messages a second",
            "",
            f"{args['visitors']} visitors, window {args['window']}, {args['duration']:.0f} s "
            f"measured after {args['warmup']:.0f} s of warm-up. CPU is in cores over the "
            "measured window (the relay's event-loop thread + its other threads, i.e. the "
            "database driver's); a load generator near 1.0 would be the limit itself.",
            "",
            *_header(
                "server",
                "msgs/s",
                "ratio",
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
            ratio = median(_paired_ratios(thr, name, "rate")) if name != BARE else None
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
                batch = _fmt(median(sizes), 1)
            rtt = (
                f"{_fmt(median(_rounds(runs, 'ack_rtt_p50_ms')), 1)} / "
                f"{_fmt(median(_rounds(runs, 'ack_rtt_p99_ms')), 1)}"
            )
            loop = median([r["server_cores"]["main"] for r in ok_runs])
            other = median([r["server_cores"]["other"] for r in ok_runs])
            client = median([r["client_cores"] for r in ok_runs])
            lines.append(
                f"| {name} | {_fmt(rate, 0)} | {_fmt(ratio)} | {rounds} | {rtt} | {batch} "
                f"| {_fmt(loop)} + {_fmt(other)} | {_fmt(client)} |"
            )
            if name != BARE:
                ok = None if ratio is None or ratio != ratio else ratio >= TARGET_THROUGHPUT
                verdicts.append(
                    (
                        f"throughput, {name}",
                        f">= {TARGET_THROUGHPUT:.0%} of bare",
                        f"{_fmt(None if ratio is None else ratio * 100, 0)}%",
                        _verdict(ok),
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
        lines += _writer_breakdown(thr)
        lines += _metrics_note(thr)

    if report.get("writer_costs"):
        lines += _writer_costs_section(report["writer_costs"])
    if report.get("profile"):
        lines += _profile_section(report["profile"])

    if "memory" in results:
        mem = results["memory"]
        lines += [
            "### 3. Memory per idle visitor connection",
            "",
            f"{args['connections']:,} visitors opened by {args['memory_workers']} client "
            f"processes in batches of {args['batch']}; RSS of the server process.",
            "",
            *_header(
                "server",
                "KiB per visitor",
                "rounds",
                "RSS before -> after (MiB)",
                "opened",
                "seconds to connect",
            ),
        ]
        for name, runs in mem.items():
            ok_runs = [r for r in runs if r is not None]
            per = median(_rounds(runs, "kib_per_conn"))
            rounds = ", ".join(f"{r['kib_per_conn']:.1f}" for r in ok_runs)
            if len(ok_runs) < len(runs):
                rounds += f", {len(runs) - len(ok_runs)} failed"
            rss = ", ".join(
                f"{r['rss_before_kib'] / 1024:.0f} -> {r['rss_after_kib'] / 1024:.0f}"
                for r in ok_runs
            )
            opened = ", ".join(
                str(r["opened"]) + (f" (failed {r['failed']})" if r["failed"] else "")
                for r in ok_runs
            )
            secs = ", ".join(f"{r['connect_seconds']:.0f}" for r in ok_runs)
            lines.append(f"| {name} | {_fmt(per, 1)} | {rounds} | {rss} | {opened} | {secs} |")
            if name != BARE:
                ok = None if per != per else per <= TARGET_KIB_PER_VISITOR
                verdicts.append(
                    (
                        f"memory per idle visitor, {name}",
                        f"<= {TARGET_KIB_PER_VISITOR:.0f} KiB",
                        f"{_fmt(per, 1)} KiB",
                        _verdict(ok),
                    )
                )
        base = median(_rounds(mem.get(BARE, []), "kib_per_conn"))
        relay = [median(_rounds(runs, "kib_per_conn")) for n, runs in mem.items() if n != BARE]
        if relay and base == base:
            lines += [
                "",
                f"The relay's own cost above a bare websockets connection: about "
                f"{_fmt(relay[0] - base, 1)} KiB per visitor.",
            ]
        lines.append("")
        if report.get("memory_diagnosis"):
            lines += _memory_diagnosis_section(report["memory_diagnosis"])

    lines[2:2] = [
        *_header("target", "goal", "measured", "verdict"),
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in verdicts],
        "",
    ]
    if report.get("problems"):
        lines += ["### Runs that failed", ""] + [f"- {p}" for p in report["problems"]] + [""]
    return "\n".join(lines)


def _writer_breakdown(thr: dict[str, list[dict[str, Any] | None]]) -> list[str]:
    rows = []
    for name, runs in thr.items():
        if name == BARE:
            continue
        vals: dict[str, list[float]] = {}
        for r in runs:
            if r is None:
                continue
            d = r["server_delta"]
            secs = r["seconds"]
            if not d.get("batches") or not d.get("write_count"):
                continue
            tx = d["tx_seconds"] / d["tx_count"] * 1000
            writes = d["write_seconds"] / d["write_count"] * 1000
            vals.setdefault("tx", []).append(tx)
            vals.setdefault("write", []).append(writes)
            vals.setdefault("size", []).append(d["writes"] / d["batches"])
            vals.setdefault("busy", []).append(d["tx_seconds"] / secs)
            vals.setdefault("batches", []).append(d["batches"] / secs)
        if vals:
            rows.append(
                f"| {name} | {_fmt(median(vals['batches']), 0)} | {_fmt(median(vals['tx']))} "
                f"| {_fmt(median(vals['size']), 1)} | {_fmt(median(vals['write']))} "
                f"| {_fmt(median(vals['busy']) * 100, 0)}% |"
            )
    if not rows:
        return []
    return [
        "Inside the relay's group writer during the measured window (timed by wrapping "
        "`GroupWriter._transaction` and each write in `bench/relay_server.py`; medians over the "
        "rounds). A write is one message's statements (`repo.visitor_message`: 5 statements "
        "through the async driver), timed from its start to its end inside the transaction; "
        '"writer busy" is the share of wall time with a transaction open.',
        "",
        *_header(
            "server",
            "batches/s",
            "ms per transaction",
            "writes per batch",
            "ms per write",
            "writer busy",
        ),
        *rows,
        "",
    ]


def _metrics_note(thr: dict[str, list[dict[str, Any] | None]]) -> list[str]:
    means = []
    for name, runs in thr.items():
        for r in runs:
            if r is None or name == BARE:
                continue
            count = r["metrics"].get("jivo_commit_batch_size_count", 0.0)
            total = r["metrics"].get("jivo_commit_batch_size_sum", 0.0)
            means.append((name, total / count if count else None, count))
    if not means:
        return []
    if all(m[1] is None for m in means):
        return [
            "`/metrics` read at the end of each relay run: `jivo_commit_batch_size` has no "
            "observation, so the mean batch size above comes from the writer's own counters "
            "(`GroupWriter.batches`, `GroupWriter.writes`) over the measured window.",
            "",
        ]
    by_name: dict[str, list[float]] = {}
    for name, mean, _ in means:
        if mean is not None:
            by_name.setdefault(name, []).append(mean)
    listed = "; ".join(
        f"{name}: {', '.join(f'{m:.1f}' for m in vals)}" for name, vals in by_name.items()
    )
    return [
        "`jivo_commit_batch_size` from `/metrics` at the end of each relay run (sum / count, so "
        "including the set-up's single writes: sign-in, 50 visitors, 50 accepts), per round: "
        f"{listed}. The group commit works: tens of messages share each transaction; the "
        "table above gives the measured window alone.",
        "",
    ]


def _writer_costs_section(w: dict[str, Any]) -> list[str]:
    hops = w["relay_group_calls"]
    statements = w["relay_group_statements"]
    return [
        "#### What one stored message costs inside the writer",
        "",
        "`bench/writer_costs.py`: one visitor message (`repo.visitor_message`, an open chat) "
        "through the relay's `GroupWriter`, with no websocket, on SQLite FULL; then the same "
        "statements through SQLAlchemy's synchronous pysqlite engine with a whole group in one "
        "`asyncio.to_thread` call; then the same SQL through the bare `sqlite3` module. "
        f"Median of {w.get('rounds', 1)} run(s).",
        "",
        *_header("path", "ms per message, one per transaction", "ms per message, groups of 50"),
        f"| relay: `GroupWriter` + `AsyncConnection` + aiosqlite ({statements:.0f} statements, "
        f"{hops:.0f} aiosqlite thread round trips per message) | {_fmt(w['relay_single_ms'])} "
        f"| {_fmt(w['relay_group_ms'])} |",
        f"| same statements, SQLAlchemy sync engine, one thread call per group "
        f"| {_fmt(w['sync_single_ms'])} | {_fmt(w['sync_group_ms'])} |",
        f"| same SQL, bare sqlite3, one thread call per group | {_fmt(w['raw_single_ms'])} "
        f"| {_fmt(w['raw_group_ms'], 3)} |",
        "",
        f"Per message in a group: about {_fmt(w['relay_group_ms'] - w['sync_group_ms'])} ms go to "
        f"aiosqlite's {hops:.0f} thread round trips "
        f"({', '.join(f'{k} {v:.0f}' for k, v in w['relay_group_call_kinds'].items() if v >= 1)}), "
        f"about {_fmt(w['sync_group_ms'] - w['raw_group_ms'])} ms to SQLAlchemy building, "
        f"caching and executing {statements:.0f} Core statements and their result rows, and "
        f"{_fmt(w['raw_group_ms'], 3)} ms to SQLite itself.",
        "",
    ]


def _memory_diagnosis_section(d: dict[str, Any]) -> list[str]:
    t = d.get("tracemalloc")
    if not t:
        return []
    lines = [
        "#### Where an idle visitor's memory goes",
        "",
        f"A relay (SQLite FULL) under `tracemalloc` with {d['opened']:,} idle visitors, not "
        f"counted above: {d['kib_per_conn']:.1f} KiB of RSS per visitor, of which Python "
        f"allocations traced are {t['bytes_per_conn'] / 1024:.1f} KiB (the rest: allocator "
        "overhead and fragmentation, tracemalloc's own bookkeeping).",
        "",
        "By the package whose code made the allocation:",
        "",
        *_header("allocated in", "bytes per visitor"),
    ]
    lines += [f"| {k} | {v:.0f} |" for k, v in t["categories"] if v >= 16]
    lines += [
        "",
        "By the innermost line of the relay's own code on the allocating stack (what the relay "
        "asked for, whatever library did the allocating):",
        "",
        *_header("relay line", "bytes per visitor", "objects per visitor"),
    ]
    lines += [
        f"| `{where.replace('|', '/')}` | {size:.0f} | {count:.1f} |"
        for where, size, count in t["top"]
    ]
    if t.get("types"):
        lines += [
            "",
            "Objects alive per idle visitor (`gc.get_objects()`, by type; one or more per "
            "visitor):",
            "",
            ", ".join(f"`{k}` {v:.1f}" for k, v in t["types"]),
        ]
    lines.append("")
    return lines


def _profile_section(prof: dict[str, Any]) -> list[str]:
    p = prof["profile"]
    lines = [
        "#### Where the relay's event-loop thread spends its time",
        "",
        f"One extra throughput run of the relay (SQLite FULL) under cProfile, not counted above "
        f"({prof['rate']:.0f} msg/s under the profiler, {prof['seconds']:.0f} s). Own time by "
        "package, as a share of the event-loop thread's wall time (cProfile sees only that "
        "thread; the SQLite calls themselves run in aiosqlite's thread):",
        "",
        *_header("package", "share"),
    ]
    lines += [f"| {k} | {v * 100:.0f}% |" for k, v in p["categories"] if v >= 0.005]
    lines += [
        "",
        "Functions by own time (share of the same wall time; waiting in epoll left out):",
        "",
        *_header("function", "share", "calls"),
    ]
    lines += [f"| `{f}` | {c * 100:.1f}% | {n} |" for f, c, n in p["top_own"]]
    lines.append("")
    return lines
