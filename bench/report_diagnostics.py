"""Markdown for the diagnostic parts of the ``bench:relay`` section (no target): inside the
group writer, what one stored message costs, where the loop's time and a visitor's memory go."""

from __future__ import annotations

from typing import Any

from bench.common import median
from bench.report_format import BARE, fmt, header


def writer_breakdown(thr: dict[str, list[dict[str, Any] | None]]) -> list[str]:
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
                f"| {name} | {fmt(median(vals['batches']), 0)} | {fmt(median(vals['tx']))} "
                f"| {fmt(median(vals['size']), 1)} | {fmt(median(vals['write']))} "
                f"| {fmt(median(vals['busy']) * 100, 0)}% |"
            )
    if not rows:
        return []
    return [
        "Inside the group writer during the measured window (medians over the rounds). For the "
        "relay, timed by wrapping `GroupWriter._transaction` and each write in "
        "`bench/relay_server.py`: a write is one message; messages are stored by the "
        "prepared statements of `server/chats/fast_messages.py`, a run of them in one call "
        "whose time is shared among them (before 2026-12-03 the timing wrapped each message "
        "in a function, which turned that batching off in every benchmark). "
        "For the durable forwarder a write is one row, and its time is the "
        "batch's `executemany` divided among its rows (the rest of a transaction is the "
        'commit). "Writer busy" is the share of wall time with a transaction open.',
        "",
        *header(
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


def metrics_note(thr: dict[str, list[dict[str, Any] | None]]) -> list[str]:
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


def writer_costs_section(w: dict[str, Any]) -> list[str]:
    hops = w["relay_group_calls"]
    statements = w["relay_group_statements"]
    how = (
        f"`AsyncConnection` + aiosqlite, {hops:.0f} aiosqlite thread round trips per message"
        if hops
        else "its own thread, plain SQLAlchemy engine"
    )
    return [
        "#### What one stored message costs inside the writer",
        "",
        "`bench/writer_costs.py`: one visitor message (`chat_writes.visitor_message`, an open "
        "chat) through the relay's `GroupWriter`, with no websocket, on SQLite FULL; then the "
        "same statements built with SQLAlchemy Core on each call and run through its "
        "synchronous pysqlite engine, a whole group in one `asyncio.to_thread` call; then the "
        f"same SQL through the bare `sqlite3` module. Median of {w.get('rounds', 1)} run(s).",
        "",
        *header("path", "ms per message, one per transaction", "ms per message, groups of 50"),
        f"| relay: `GroupWriter` ({how}; {statements:.1f} statements per message) "
        f"| {fmt(w['relay_single_ms'])} | {fmt(w['relay_group_ms'])} |",
        f"| same statements, SQLAlchemy Core built per call, sync engine, one thread call per "
        f"group | {fmt(w['sync_single_ms'])} | {fmt(w['sync_group_ms'])} |",
        f"| same SQL, bare sqlite3, one thread call per group | {fmt(w['raw_single_ms'])} "
        f"| {fmt(w['raw_group_ms'], 3)} |",
        "",
        f"Per message in a group, the relay's writer takes {fmt(w['relay_group_ms'])} ms where "
        f"SQLite itself (the same SQL through bare `sqlite3`) takes "
        f"{fmt(w['raw_group_ms'], 3)} ms: the rest is the relay's Python around the SQL "
        "(SQLAlchemy's execution of each statement, the write functions, the hand-over to the "
        "writer's thread).",
        "",
    ]


def memory_diagnosis_section(d: dict[str, Any]) -> list[str]:
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
        *header("allocated in", "bytes per visitor"),
    ]
    lines += [f"| {k} | {v:.0f} |" for k, v in t["categories"] if v >= 16]
    lines += [
        "",
        "By the innermost line of the relay's own code on the allocating stack (what the relay "
        "asked for, whatever library did the allocating):",
        "",
        *header("relay line", "bytes per visitor", "objects per visitor"),
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


def profile_section(prof: dict[str, Any]) -> list[str]:
    p = prof["profile"]
    lines = [
        "#### Where the relay's event-loop thread spends its time",
        "",
        f"One extra throughput run of the relay (SQLite FULL) under cProfile, not counted above "
        f"({prof['rate']:.0f} msg/s under the profiler, {prof['seconds']:.0f} s). Own time by "
        "package, as a share of the event-loop thread's wall time (cProfile sees only that "
        "thread; the SQLite calls themselves run in aiosqlite's thread):",
        "",
        *header("package", "share"),
    ]
    lines += [f"| {k} | {v * 100:.0f}% |" for k, v in p["categories"] if v >= 0.005]
    lines += [
        "",
        "Functions by own time (share of the same wall time; waiting in epoll left out):",
        "",
        *header("function", "share", "calls"),
    ]
    lines += [f"| `{f}` | {c * 100:.1f}% | {n} |" for f, c, n in p["top_own"]]
    lines.append("")
    return lines
