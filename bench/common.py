"""Helpers shared by the benchmark driver, the servers under test and the load generators:
process control, /proc readings, percentiles, the machine a result was measured on."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import platform
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CLK_TCK = os.sysconf("SC_CLK_TCK")

# Rate limits raised for every benchmark run: all clients come from 127.0.0.1, and the defaults
# (10 frames/s per connection, burst 40; 50/s per IP, burst 200) would measure the limiter.
BENCH_LIMITS = {
    "JIVO_RELAY_CONN_RATE": "1000000",
    "JIVO_RELAY_CONN_BURST": "1000000",
    "JIVO_RELAY_IP_RATE": "1000000",
    "JIVO_RELAY_IP_BURST": "1000000",
    # Finding 10's per-IP limits on new connections and new visitors.
    "JIVO_RELAY_FIRST_FRAME_RATE": "1000000",
    "JIVO_RELAY_FIRST_FRAME_BURST": "1000000",
    "JIVO_RELAY_NEW_VISITORS_PER_HOUR": "1000000",
}


def raise_nofile() -> int:
    """Raise this process's open-file limit to the hard limit (children inherit it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:
        hard = 1 << 20
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def _stat_cpu(path: Path) -> float:
    # Fields after the command (which may contain spaces) start after the last ')'.
    fields = path.read_text().rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])
    return (utime + stime) / CLK_TCK


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) used by a process so far."""
    return _stat_cpu(Path(f"/proc/{pid}/stat"))


def thread_cpu(pid: int) -> dict[int, float]:
    """CPU seconds per thread of a process (tid -> seconds); the main thread has tid == pid."""
    out: dict[int, float] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            out[int(task.name)] = _stat_cpu(task / "stat")
        except (FileNotFoundError, ProcessLookupError):
            pass
    return out


@dataclass
class CpuSnapshot:
    wall: float
    threads: dict[int, float]

    @classmethod
    def take(cls, pid: int) -> CpuSnapshot:
        return cls(time.monotonic(), thread_cpu(pid))

    def since(self, before: CpuSnapshot, pid: int) -> dict[str, float]:
        """Cores used between two snapshots: the main (event-loop) thread and the others."""
        wall = max(self.wall - before.wall, 1e-9)
        main = self.threads.get(pid, 0.0) - before.threads.get(pid, 0.0)
        total = sum(self.threads.values()) - sum(
            v for t, v in before.threads.items() if t in self.threads
        )
        return {"main": main / wall, "other": max(total - main, 0.0) / wall, "total": total / wall}


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def median(values: list[float]) -> float:
    clean = sorted(v for v in values if v == v)
    if not clean:
        return float("nan")
    mid = len(clean) // 2
    return clean[mid] if len(clean) % 2 else (clean[mid - 1] + clean[mid]) / 2


@dataclass
class ServerProcess:
    """A server under test in a child process: ``python -m bench.relay_server`` or
    ``python -m bench.bare_forwarder``. It writes a ready file (JSON) once it listens, and its
    stats file (JSON with a growing ``seq``) on SIGUSR1."""

    module: str
    args: list[str]
    workdir: Path
    env: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen[bytes] | None = None
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def ready_path(self) -> Path:
        return self.workdir / f"{self.module.rsplit('.', 1)[-1]}.ready"

    @property
    def stats_path(self) -> Path:
        return self.workdir / f"{self.module.rsplit('.', 1)[-1]}.stats"

    @property
    def log_path(self) -> Path:
        return self.workdir / f"{self.module.rsplit('.', 1)[-1]}.log"

    def start(self, timeout: float = 60.0) -> dict[str, Any]:
        self.ready_path.unlink(missing_ok=True)
        self.stats_path.unlink(missing_ok=True)
        argv = [
            sys.executable,
            "-m",
            self.module,
            "--ready",
            str(self.ready_path),
            "--stats",
            str(self.stats_path),
            *self.args,
        ]
        env = {**os.environ, **self.env}
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=log)
        deadline = time.monotonic() + timeout
        while not self.ready_path.exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                tail = self.log_path.read_text(errors="replace")[-3000:]
                raise RuntimeError(f"{self.module} did not start:\n{tail}")
            time.sleep(0.05)
        self.info = json.loads(self.ready_path.read_text())
        return self.info

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def stop(self, timeout: float = 30.0) -> bool:
        """SIGTERM, then SIGKILL after ``timeout``; returns True when it had to kill."""
        if self.proc is None or self.proc.poll() is not None:
            return False
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
            return True
        return False

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


def snapshot_stats(pid: int, stats_path: Path | str, timeout: float = 10.0) -> dict[str, Any]:
    """Ask a server under test (SIGUSR1) to write its stats file; wait for the new version."""
    stats_path = Path(stats_path)
    before = _read_seq(stats_path)
    os.kill(pid, signal.SIGUSR1)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            stats: dict[str, Any] = json.loads(stats_path.read_text())
        except (FileNotFoundError, json.JSONDecodeError):
            stats = {}
        if stats.get("seq", -1) > before:
            return stats
        time.sleep(0.01)
    raise TimeoutError(f"no stats from {pid}")


def _read_seq(path: Path) -> int:
    try:
        return int(json.loads(path.read_text()).get("seq", -1))
    except (FileNotFoundError, json.JSONDecodeError):
        return -1


def _child_entry(fn: Callable[[dict[str, Any]], dict[str, Any]], cfg: Any, queue: Any) -> None:
    import traceback

    try:
        queue.put((True, fn(cfg)))
    except BaseException:
        queue.put((False, traceback.format_exc()))


def run_child(
    fn: Callable[[dict[str, Any]], dict[str, Any]], cfg: dict[str, Any], timeout: float
) -> dict[str, Any]:
    """``fn(cfg)`` in a new (spawned) process, for a load generator that must not share the
    driver's event loop; its result, or RuntimeError with the child's traceback."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child_entry, args=(fn, cfg, queue), daemon=True)
    proc.start()
    try:
        ok, result = queue.get(timeout=timeout)
    except Exception as exc:
        proc.kill()
        raise RuntimeError(f"{fn.__name__} gave no result in {timeout:.0f} s") from exc
    finally:
        proc.join(10)
        if proc.is_alive():
            proc.kill()
    if not ok:
        raise RuntimeError(f"{fn.__name__} failed:\n{result}")
    assert isinstance(result, dict)
    return result


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data))
    os.replace(tmp, path)


def write_section(text: str, start: str, end: str) -> None:
    """Put ``text`` (which begins with ``start`` and ends with ``end``) into
    docs/performance.md in place of the block between those markers, or append it."""
    path = ROOT / "docs" / "performance.md"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    if start in current and end in current:
        before = current.split(start)[0]
        after = current.split(end)[1]
        current = before + text + after
    else:
        current = current.rstrip() + "\n\n" + text + "\n"
    path.write_text(current, encoding="utf-8")


def machine(pg_version: str = "") -> dict[str, str]:
    """What a result was measured on and with: for the report's header line."""
    import msgspec
    import sqlalchemy
    import websockets

    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": str(os.cpu_count()),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "websockets": websockets.__version__,
        "sqlalchemy": sqlalchemy.__version__,
        "msgspec": msgspec.__version__,
        "sqlite": sqlite3.sqlite_version,
        "postgres": pg_version or "-",
        "kernel": platform.release(),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "revision": _revision(),
    }


def _revision() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "server"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        return head + (" with uncommitted changes under server/" if dirty else "")
    except Exception:
        return "?"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"
