"""A throwaway redis-server for tests: a free port on 127.0.0.1, a temp folder, no persistence.

Usage::

    with RedisServer() as redis:
        url = redis.url          # redis://127.0.0.1:PORT/0
        redis.stop()             # an outage ...
        redis.start()            # ... and the same port again

It runs as a child process (not daemonized), so the test owns its PID and it cannot outlive
the test run (stopped at exit if a test leaked it). Missing ``redis-server`` is a skip locally
and a failure under CI (``CI=true``), like PostgreSQL (``tests/support/postgres.py``).
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import tempfile
import time
import weakref
from pathlib import Path
from types import TracebackType

INSTALL_HINT = (
    "redis-server was not found on PATH. Install it with `sudo scripts/install-system-deps.sh` "
    "(Debian/Ubuntu package `redis-server`)."
)
_LIVE: weakref.WeakSet[RedisServer] = weakref.WeakSet()


def skip_unless_redis() -> None:
    import pytest

    if shutil.which("redis-server") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(INSTALL_HINT)
        pytest.skip(INSTALL_HINT)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="jivo-redis-"))
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self, timeout: float = 10.0) -> None:
        """Start (again) on the same port; returns once it answers PING."""
        assert not self.running, "already running"
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError(INSTALL_HINT)
        argv = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", str(self.folder), "--logfile",
                str(self.folder / "redis.log")]  # fmt: skip
        self.proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        _LIVE.add(self)
        deadline = time.monotonic() + timeout
        while not self._answers():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                log = self.folder / "redis.log"
                text = log.read_text()[-2000:] if log.exists() else ""
                self.stop()
                raise RuntimeError(f"redis-server did not start on {self.port}:\n{text}")
            time.sleep(0.02)

    def stop(self) -> None:
        """Kill it (SIGKILL: an outage, nothing is flushed to the clients) and wait."""
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.kill()
            self.proc.wait(10)
            self.proc = None

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def __enter__(self) -> RedisServer:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@atexit.register
def _stop_leaked() -> None:
    for server in list(_LIVE):
        server.stop()
