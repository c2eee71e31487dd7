"""Summaries of the diagnostic runs of ``bench/run_all.py`` (count toward no target): a cProfile
dump of the relay's event-loop thread, and tracemalloc's allocations per idle visitor, each
grouped by the package whose code ran or allocated."""

from __future__ import annotations

import pstats
from pathlib import Path
from typing import Any

from bench.common import ROOT

CATEGORIES = [
    ("SQLAlchemy (statement building, compiling, result rows)", "/sqlalchemy/"),
    ("aiosqlite / asyncpg drivers", ("/aiosqlite/", "/asyncpg/")),
    ("websockets (framing, handshake, keepalive)", "/websockets/"),
    (
        "asyncio event loop, tasks, futures, selectors",
        ("/asyncio/", "selectors.py", "threading.py", "queue.py"),
    ),
    ("relay code (server/)", "/server/"),
    ("msgspec, prometheus_client", ("msgspec", "/prometheus_client/")),
]


IDLE = "idle: waiting in epoll for sockets or aiosqlite's thread"


def summarise_tracemalloc(stats: dict[str, Any], opened: int) -> dict[str, Any]:
    lines = stats.get("tracemalloc", {}).get("lines", [])
    by_category: dict[str, float] = {}
    by_relay_line: dict[str, list[float]] = {}
    for filename, _lineno, size, count, relay_at in lines:
        category = "other (built-ins, stdlib)"
        for name, needles in CATEGORIES:
            needles = (needles,) if isinstance(needles, str) else needles
            if any(n in filename for n in needles):
                category = name
                break
        by_category[category] = by_category.get(category, 0.0) + size
        key = relay_at or "(no relay code on the stack: websockets' own connection handling)"
        entry = by_relay_line.setdefault(key, [0.0, 0.0])
        entry[0] += size
        entry[1] += count
    per = max(opened, 1)
    top = sorted(by_relay_line.items(), key=lambda kv: -kv[1][0])[:14]
    types = stats.get("object_types", {})
    return {
        "types": sorted(
            ((k, v / per) for k, v in types.items() if v / per >= 0.9), key=lambda kv: -kv[1]
        ),
        "bytes_per_conn": sum(line[2] for line in lines) / per,
        "categories": sorted(((k, v / per) for k, v in by_category.items()), key=lambda kv: -kv[1]),
        "top": [(where, size / per, count / per) for where, (size, count) in top],
    }


def _short(filename: str) -> str:
    """A readable path: package-relative for libraries and the standard library."""
    short = filename.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
    if "/lib/python3" in short:
        short = short.split("/lib/python3", 1)[1].split("/", 1)[-1]
    return short


def summarise_profile(path: Path) -> dict[str, Any]:
    stats = pstats.Stats(str(path))
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in raw.values()) or 1e-9
    by_category: dict[str, float] = {}
    rows = []
    for (filename, line, func), (_cc, ncalls, tottime, cumtime, _callers) in raw.items():
        category = "other (built-ins, stdlib)"
        if filename == "~" and "select.epoll" in func:
            category = IDLE
        elif filename == "~" and "SimpleQueue" in func:
            category = "handing each call to aiosqlite's thread (SimpleQueue.put: GIL switch)"
        else:
            for name, needles in CATEGORIES:
                needles = (needles,) if isinstance(needles, str) else needles
                if any(n in filename for n in needles):
                    category = name
                    break
        by_category[category] = by_category.get(category, 0.0) + tottime
        rows.append((cumtime, tottime, ncalls, f"{_short(filename)}:{line}({func})"))
    top_own = sorted((r for r in rows if "select.epoll" not in r[3]), key=lambda r: -r[1])[:14]
    return {
        "total_seconds": total,
        "categories": sorted(
            ((k, v / total) for k, v in by_category.items()), key=lambda kv: -kv[1]
        ),
        "top_own": [(r[3], r[1] / total, r[2]) for r in top_own],
    }
