"""Run the relay benchmarks and write their results into docs/performance.md (``make bench``).

Against two baselines measured in the same run, because this machine is shared and noisy (every
target is a ratio): the bare websockets forwarder (``bench/bare_forwarder.py``, baseline 1) and
the same forwarder storing each message by a group commit before answering it
(``bench/durable_forwarder.py``, baseline 2, on SQLite FULL and on PostgreSQL):

1. latency: one-way visitor-to-agent latency at a fixed rate, p50 and p99;
2. throughput: persisted (acknowledged) messages a second from many visitors, each keeping a
   window of unacknowledged messages;
3. memory: RSS per idle visitor connection with 10,000 of them open;
4. history (``bench/history.py``): resume, history and archive search on a database holding
   1,000,000 events against an empty one;
5. headline (``bench/headline.py``): 10,000 browsing visitors, 200 agents, 200 chats.

The servers run in child processes and the load generators in other child processes, so no two
share an event loop. Each measurement runs ``--rounds`` times (configurations interleaved in a
rotating order) and the median is reported; ratios are taken within a round, then the median.

    .venv/bin/python bench/run_all.py [--rounds 3] [--quick]
        [--only latency,throughput,memory,history,headline]

``--only durable`` is latency and throughput (every configuration, both baselines included).
Latency, throughput and memory rewrite the ``bench:relay`` section of docs/performance.md;
history and headline each rewrite their own.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    BENCH_LIMITS,
    ROOT,
    ServerProcess,
    machine,
    median,
    process_cpu,
    raise_nofile,
    rss_kib,
    snapshot_stats,
)
from bench.diagnostics import summarise_profile, summarise_tracemalloc

DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:relay:start -->", "<!-- bench:relay:end -->"

CTX = multiprocessing.get_context("spawn")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------------------- configurations


class Config:
    def __init__(self, name: str, kind: str, db: str = "", synchronous: str = "FULL") -> None:
        self.name = name
        self.kind = kind  # "bare", "durable" or "relay"
        self.db = db  # "sqlite" or "postgres"
        self.synchronous = synchronous

    def __repr__(self) -> str:
        return self.name


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.workdir = Path(tempfile.mkdtemp(prefix="jivo-bench-"))
        self.pg: Any = None
        self.pg_note = ""
        self.pg_version = ""
        self.counter = 0
        self.problems: list[str] = []

    # -------------------------------------------------------------- servers

    def start_postgres(self) -> None:
        if self.args.no_postgres:
            self.pg_note = "skipped (--no-postgres)"
            return
        try:
            from tests.support.postgres import PostgresCluster

            started = time.monotonic()
            self.pg = PostgresCluster().start()
            self.pg_note = (
                f"throwaway cluster (fsync=on), started in {time.monotonic() - started:.1f} s"
            )
            assert self.pg.bin_dir is not None
            out = os.popen(f"{self.pg.bin_dir / 'postgres'} --version").read()
            found = re.search(r"PostgreSQL\)\s+(\S+)", out)
            self.pg_version = found.group(1) if found else out.strip()
        except Exception as exc:  # not installed, or cannot run here
            self.pg = None
            self.pg_note = f"not measured: {type(exc).__name__}: {str(exc).splitlines()[0]}"
            log(f"PostgreSQL unavailable: {self.pg_note}")

    def stop_postgres(self) -> None:
        if self.pg is not None:
            try:
                self.pg.stop()
            except Exception:
                log("stopping PostgreSQL failed:\n" + traceback.format_exc())

    def configs(self) -> list[Config]:
        out = [
            Config("bare forwarder", "bare"),
            Config("durable forwarder, SQLite FULL", "durable", "sqlite", "FULL"),
            Config("relay, SQLite FULL", "relay", "sqlite", "FULL"),
            Config("relay, SQLite NORMAL", "relay", "sqlite", "NORMAL"),
        ]
        if self.pg is not None:
            out.insert(2, Config("durable forwarder, PostgreSQL", "durable", "postgres"))
            out.append(Config("relay, PostgreSQL", "relay", "postgres"))
        return out

    def server(self, config: Config, extra: list[str] | None = None) -> ServerProcess:
        self.counter += 1
        run_dir = self.workdir / f"run{self.counter:03d}"
        run_dir.mkdir()
        if config.kind == "bare":
            return ServerProcess("bench.bare_forwarder", [], run_dir)
        if config.kind == "durable":
            if config.db == "postgres":
                self.pg.create_database(f"bench_{self.counter}")
                where = ["--postgres", self.pg.dsn(f"bench_{self.counter}")]
            else:
                where = ["--sqlite", str(run_dir / "durable.db")]
            return ServerProcess("bench.durable_forwarder", where, run_dir)
        if config.db == "postgres":
            url = self.pg.create_database(f"bench_{self.counter}")
        else:
            url = f"sqlite+aiosqlite:///{run_dir / 'relay.db'}"
        env = {**BENCH_LIMITS, "JIVO_RELAY_SQLITE_SYNCHRONOUS": config.synchronous}
        return ServerProcess("bench.relay_server", ["--db", url, *(extra or [])], run_dir, env)

    # -------------------------------------------------------------- clients

    def client(self, name: str, cfg: dict[str, Any], timeout: float) -> dict[str, Any]:
        queue = CTX.Queue()
        proc = CTX.Process(target=_entry(), args=(name, cfg, queue), daemon=True)
        proc.start()
        try:
            ok, result = queue.get(timeout=timeout)
        except Exception as exc:
            proc.kill()
            raise RuntimeError(f"{name} gave no result in {timeout:.0f} s") from exc
        finally:
            proc.join(10)
            if proc.is_alive():
                proc.kill()
        if not ok:
            raise RuntimeError(f"{name} failed:\n{result}")
        assert isinstance(result, dict)
        return result

    def run_one(self, bench: str, config: Config, fn: Any) -> dict[str, Any] | None:
        server = self.server(config)
        try:
            info = server.start()
            info["stats_path"] = str(server.stats_path)
            return fn(config, server, info)
        except Exception as exc:
            message = f"{bench} / {config.name}: {type(exc).__name__}: {exc}"
            log("FAILED " + message + "\n" + traceback.format_exc())
            self.problems.append(message.splitlines()[0][:300])
            return None
        finally:
            self.stop_server(server, f"{bench} / {config.name}")

    def stop_server(self, server: ServerProcess, label: str) -> None:
        """Stop a server under test; report a slow stop and any traceback in its log."""
        started = time.monotonic()
        killed = server.stop()
        if killed:
            self.problems.append(
                f"{label}: the server did not stop within 30 s of SIGTERM and was killed"
            )
        elif time.monotonic() - started > 10:
            self.problems.append(
                f"{label}: the server took {time.monotonic() - started:.0f} s to stop"
            )
        try:
            text = server.log_path.read_text(errors="replace")
        except OSError:
            text = ""
        for marker in ("Traceback", " ERROR ", " CRITICAL "):
            if marker in text:
                at = text.index(marker)
                excerpt = " / ".join(text[at : at + 600].splitlines()[:6])
                self.problems.append(f"{label}: server log has {marker.strip()}: {excerpt}")
                log(f"server log of {label}:\n{text[at : at + 3000]}")
                break
        shutil.rmtree(server.workdir, ignore_errors=True)

    # -------------------------------------------------------------- benchmarks

    def latency(
        self, config: Config, server: ServerProcess, info: dict[str, Any]
    ) -> dict[str, Any]:
        a = self.args
        cfg = {
            "kind": config.kind,
            "server": info,
            "messages": a.latency_messages,
            "rate": a.latency_rate,
            "warmup_messages": a.latency_warmup,
            "capacity_seconds": a.capacity_seconds,
        }
        return self.client("latency_client", cfg, a.latency_messages / a.latency_rate + 120)

    def throughput(
        self, config: Config, server: ServerProcess, info: dict[str, Any]
    ) -> dict[str, Any]:
        a = self.args
        cfg = {
            "kind": config.kind,
            "server": info,
            "visitors": a.visitors,
            "window": a.window,
            "warmup": a.warmup,
            "duration": a.duration,
            "stats_path": str(server.stats_path),
        }
        return self.client("throughput_client", cfg, a.warmup + a.duration + 180)

    def memory(
        self,
        config: Config,
        server: ServerProcess,
        info: dict[str, Any],
        connections: int | None = None,
        workers_count: int | None = None,
        diagnose: bool = False,
    ) -> dict[str, Any]:
        a = self.args
        pid = info["pid"]
        connections = connections or a.connections
        workers_count = workers_count or a.memory_workers
        self.client("warm_up_visitors", {"server": info, "count": 50}, 90)
        time.sleep(1.0)
        if diagnose:
            snapshot_stats(pid, server.stats_path, timeout=300)
        before = rss_kib(pid)
        workers = []
        per = -(-connections // workers_count)
        started = time.monotonic()
        for w in range(workers_count):
            count = min(per, connections - w * per)
            parent, child = CTX.Pipe()
            cfg = {
                "server": info,
                "first": w * per,
                "count": count,
                "batch": a.batch,
                "connect_timeout": 240,
                "idle_timeout": 120,
            }
            proc = CTX.Process(target=_memory_worker(), args=(cfg, child), daemon=True)
            proc.start()
            workers.append((proc, parent))
        reports = []
        try:
            for _proc, parent in workers:
                if not parent.poll(300):
                    raise RuntimeError("a memory worker did not report in 300 s")
                reports.append(parent.recv())
            connect_seconds = time.monotonic() - started
            time.sleep(2.0)  # idle: let pending writes, replies and GC settle
            after = rss_kib(pid)
            time.sleep(1.0)
            after2 = rss_kib(pid)
            diagnosis = snapshot_stats(pid, server.stats_path, timeout=300) if diagnose else None
            relay = config.kind == "relay" and not diagnose
            idle_cpu, silent_cpu = self.keepalive_cpu(pid, workers) if relay else (None, None)
            gauge = None
            if config.kind == "relay":
                from bench.loadgen import fetch_metrics

                gauge = fetch_metrics(info["http_url"]).get('jivo_connections{role="visitor"}')
        finally:
            for _proc, parent in workers:
                try:
                    parent.send("stop")
                except Exception:
                    pass
            for proc, _ in workers:
                proc.join(30)
                if proc.is_alive():
                    proc.kill()
        opened = sum(r["opened"] for r in reports)
        failed: dict[str, int] = {}
        for r in reports:
            for k, v in r["failed"].items():
                failed[k] = failed.get(k, 0) + v
        rss_after = max(after, after2)
        return {
            "opened": opened,
            "failed": failed,
            "rss_before_kib": before,
            "rss_after_kib": rss_after,
            "kib_per_conn": (rss_after - before) / max(opened, 1),
            "connect_seconds": connect_seconds,
            "keepalive_cores": idle_cpu,
            "silent_cores": silent_cpu,
            "visitor_gauge": gauge,
            "tracemalloc": summarise_tracemalloc(diagnosis, opened) if diagnosis else None,
        }

    @staticmethod
    def keepalive_cpu(pid: int, workers: list[tuple[Any, Any]]) -> tuple[float, float]:
        """Issue 15's idle cost: the server's CPU (cores) over one 25 s interval with every
        visitor silent (the server's own websocket pings still run), then over one while
        every open visitor sends the widget's keepalive, measured after 5 s of ramp (each
        visitor's first ping comes at a random moment of its first interval)."""
        from bench.loadgen import KEEPALIVE

        def cores() -> float:
            cpu, start = process_cpu(pid), time.monotonic()
            time.sleep(KEEPALIVE)
            return (process_cpu(pid) - cpu) / (time.monotonic() - start)

        silent = cores()
        for _proc, parent in workers:
            parent.send("keepalive")
        time.sleep(5.0)
        return cores(), silent

    def memory_diagnosis(self) -> dict[str, Any] | None:
        """500 visitors on a relay under tracemalloc: which lines allocate per connection."""
        config = Config("relay, SQLite FULL (tracemalloc)", "relay", "sqlite", "FULL")
        server = self.server(config, ["--tracemalloc"])
        try:
            # Under tracemalloc every import and the migrations run several times slower: on
            # 2026-12-02 and 12-03 the relay was not up within the usual 60 s.
            info = server.start(timeout=300.0)
            return self.memory(config, server, info, 500, 1, diagnose=True)
        except Exception as exc:
            log("memory diagnosis failed:\n" + traceback.format_exc())
            self.problems.append(f"memory diagnosis: {type(exc).__name__}: {exc}"[:300])
            return None
        finally:
            self.stop_server(server, "memory under tracemalloc")

    def writer_costs(self) -> dict[str, Any] | None:
        """``bench/writer_costs.py`` in a child process: one message's cost inside the writer."""
        run_dir = self.workdir / "writer-costs"
        run_dir.mkdir()
        out = run_dir / "out.json"
        argv = [
            sys.executable,
            "-m",
            "bench.writer_costs",
            "--db-dir",
            str(run_dir),
            "--out",
            str(out),
        ]
        try:
            runs = []
            for _ in range(self.args.rounds):
                subprocess.run(argv, cwd=ROOT, check=True, timeout=300, capture_output=True)
                runs.append(json.loads(out.read_text()))
                for db in run_dir.glob("writer.db*"):
                    db.unlink()
            result: dict[str, Any] = dict(runs[0])
            for key, value in runs[0].items():
                if isinstance(value, float):
                    result[key] = median([r[key] for r in runs])
            result["rounds"] = len(runs)
            return result
        except Exception as exc:
            detail = getattr(exc, "stderr", b"") or b""
            log(f"writer costs failed: {exc}\n{detail.decode(errors='replace')[-2000:]}")
            self.problems.append(f"writer costs: {type(exc).__name__}: {exc}"[:300])
            return None

    def profile_throughput(self) -> dict[str, Any] | None:
        """One extra relay run (SQLite FULL) under cProfile (event-loop thread only)."""
        config = Config("relay, SQLite FULL (cProfile)", "relay", "sqlite", "FULL")
        profile = self.workdir / "relay.prof"
        server = self.server(config, ["--profile", str(profile)])
        try:
            info = server.start()
            a = self.args
            cfg = {
                "kind": "relay",
                "server": info,
                "visitors": a.visitors,
                "window": a.window,
                "warmup": 1.0,
                "duration": min(a.duration, 5.0),
                "stats_path": str(server.stats_path),
            }
            result = self.client("throughput_client", cfg, 200)
            server.stop()
            result["profile"] = summarise_profile(profile)
            return result
        except Exception as exc:
            log("profile run failed:\n" + traceback.format_exc())
            self.problems.append(f"profile run: {type(exc).__name__}: {exc}"[:300])
            return None
        finally:
            self.stop_server(server, "throughput under cProfile")


def _entry() -> Any:
    from bench.loadgen import client_entry

    return client_entry


def _memory_worker() -> Any:
    from bench.loadgen import memory_worker

    return memory_worker


# ---------------------------------------------------------------------------- driver


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="latency,throughput,memory,history,headline")
    parser.add_argument("--quick", action="store_true", help="small sizes, one round (a smoke run)")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="print, do not touch the docs")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--latency-messages", type=int, default=2000)
    parser.add_argument("--latency-rate", type=float, default=200.0)
    parser.add_argument("--latency-warmup", type=int, default=100)
    parser.add_argument("--capacity-seconds", type=float, default=2.0)
    parser.add_argument("--visitors", type=int, default=50)
    parser.add_argument("--window", type=int, default=10)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--connections", type=int, default=10_000)
    parser.add_argument("--memory-workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=250)
    args = parser.parse_args()
    if args.quick:
        args.rounds = 1
        args.latency_messages, args.duration, args.connections = 400, 3.0, 1000
    only = set(args.only.split(","))
    if "durable" in only:
        only |= {"latency", "throughput"}
    nofile = raise_nofile()
    bench = Bench(args)
    started = time.monotonic()
    results: dict[str, dict[str, list[dict[str, Any] | None]]] = {}
    profile: dict[str, Any] | None = None
    writer: dict[str, Any] | None = None
    diagnosis: dict[str, Any] | None = None
    log(f"work folder {bench.workdir}; open-file limit {nofile}")
    try:
        if only & {"latency", "throughput"}:
            bench.start_postgres()
        configs = bench.configs()
        plan = [
            ("latency", bench.latency, configs),
            ("throughput", bench.throughput, configs),
            (
                "memory",
                bench.memory,
                [
                    c
                    for c in configs
                    if c.kind != "durable" and c.db != "postgres" and c.synchronous == "FULL"
                ],
            ),
        ]
        for name, fn, cfgs in plan:
            if name not in only:
                continue
            results[name] = {c.name: [] for c in cfgs}
            for r in range(args.rounds):
                order = cfgs[r % len(cfgs) :] + cfgs[: r % len(cfgs)]
                for config in order:
                    log(f"{name} round {r + 1}/{args.rounds}: {config.name}")
                    result = bench.run_one(name, config, fn)
                    results[name][config.name].append(result)
                    log(f"  -> {brief(name, result)}")
            if name == "throughput" and not args.no_profile:
                log("throughput under cProfile (relay, SQLite FULL): not counted")
                profile = bench.profile_throughput()
                log("writer costs (bench/writer_costs.py)")
                writer = bench.writer_costs()
                log(f"  -> {writer}")
            if name == "memory" and not args.no_profile:
                log("500 visitors on a relay under tracemalloc: not counted")
                diagnosis = bench.memory_diagnosis()
    finally:
        bench.stop_postgres()
        shutil.rmtree(bench.workdir, ignore_errors=True)
    elapsed = time.monotonic() - started
    report = {
        "results": results,
        "profile": profile,
        "writer_costs": writer,
        "memory_diagnosis": diagnosis,
        "args": vars(args) | {"json": str(args.json) if args.json else None},
        "machine": machine(bench.pg_version),
        "elapsed": elapsed,
        "problems": bench.problems,
        "postgres": bench.pg_note,
    }
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, default=str))
    if only & {"latency", "throughput", "memory"}:
        section = render(report)
        print(section)
        if not args.no_write:
            write_doc(section)
            log(f"wrote {DOC.relative_to(ROOT)}")
    run_sections(args, only)
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0


def run_sections(args: argparse.Namespace, only: set[str]) -> None:
    """The benchmarks that write a section of their own (a failure is logged, not fatal)."""
    if "history" in only:
        from bench import history

        log("history: costs on 1,000,000 stored events against an empty database")
        try:
            history.run_and_write(
                args.rounds,
                args.quick,
                write=not args.no_write,
                log=log,
                postgres=not args.no_postgres,
            )
        except Exception:
            log("history failed:\n" + traceback.format_exc())
    if "headline" in only:
        from bench import headline

        log("headline: 10,000 visitors browsing, 200 agents, 200 chats")
        try:
            headline.run_and_write(args.quick, write=not args.no_write, log=log)
        except Exception:
            log("headline failed:\n" + traceback.format_exc())


def brief(name: str, r: dict[str, Any] | None) -> str:
    if r is None:
        return "failed"
    if name == "latency":
        return (
            f"p50 {r['p50_ms']:.2f} ms, p99 {r['p99_ms']:.2f} ms, {r['received']}/{r['sent']}, "
            f"server {r['server_cores']['total']:.2f} cores, client {r['client_cores']:.2f}"
        )
    if name == "throughput":
        return (
            f"{r['rate']:.0f} msg/s, rtt p50 {r['ack_rtt_p50_ms']:.1f} ms, errors {r['errors']}, "
            f"server {r['server_cores']['main']:.2f}+{r['server_cores']['other']:.2f} cores, "
            f"client {r['client_cores']:.2f}, delta {r['server_delta']}"
        )
    return (
        f"{r['kib_per_conn']:.1f} KiB/conn ({r['opened']} open, failed {r['failed']}, "
        f"{r['connect_seconds']:.0f} s to connect, gauge {r['visitor_gauge']})"
    )


# ---------------------------------------------------------------------------- report


def render(report: dict[str, Any]) -> str:
    from bench.report import render_section

    return render_section(report)


def write_doc(section: str) -> None:
    from bench.report import INTRO

    text = DOC.read_text() if DOC.exists() else INTRO
    block = f"{START}\n{section.rstrip()}\n{END}"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        text = head + block + tail
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(text)


if __name__ == "__main__":
    raise SystemExit(main())
