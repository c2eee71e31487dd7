"""HAProxy in front of relay nodes for tests (issue 16, X4): the Debian package's ``haproxy``,
its configuration written to a temporary folder, run in the foreground as a child
(``haproxy -f cfg -db``) on a free port of 127.0.0.1, stopped at the end.

Round-robin, no sticky sessions, WebSocket upgrade (``timeout tunnel``), a health check on each
node's ``/healthz``; a connection to a dead node is retried on another (``option redispatch``).
Each answer names the node that served it in ``X-Jivo-Node`` (tests: which node a socket is on).
The same configuration, for production, is in docs/deploy.md section 6.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

from tests.support.postgres import free_port, running_under_ci

NODE_HEADER = "X-Jivo-Node"
INSTALL_HINT = "haproxy is not installed: run scripts/install-system-deps.sh (Debian package)"


def haproxy_available() -> bool:
    return shutil.which("haproxy") is not None


def skip_unless_haproxy() -> None:
    """Skip the calling test without haproxy, except under CI (there the start fails)."""
    if haproxy_available() or running_under_ci():
        return
    import pytest

    pytest.skip(INSTALL_HINT)


def config_text(port: int, servers: Sequence[tuple[str, int]]) -> str:
    """The test configuration: ``servers`` are (name, port) on 127.0.0.1."""
    lines = [
        "global",
        "    maxconn 2000",
        "defaults",
        "    mode http",
        "    timeout connect 2s",
        "    timeout client 60s",
        "    timeout server 60s",
        "    timeout tunnel 1h",  # an upgraded WebSocket: its idle time-out
        "    timeout client-fin 5s",
        "    option redispatch 1",  # a connection that failed is retried on another node
        "    retries 3",
        "frontend relay",
        f"    bind 127.0.0.1:{port}",
        "    default_backend nodes",
        "backend nodes",
        "    balance roundrobin",
        # The relay's HTTP side (websockets) speaks HTTP/1.1 only: HAProxy's default check is
        # HTTP/1.0, which it refuses.
        "    option httpchk",
        "    http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host relay",
        "    http-check expect status 200",
        "    default-server inter 300ms fall 2 rise 1",
        f"    http-response set-header {NODE_HEADER} %[srv_name]",
        *(f"    server {name} 127.0.0.1:{node_port} check" for name, node_port in servers),
        "",
    ]
    return "\n".join(lines)


class HAProxy:
    def __init__(self, servers: Sequence[tuple[str, int]]) -> None:
        self.servers = list(servers)
        self.folder = Path(tempfile.mkdtemp(prefix="jivo-haproxy-"))
        self.config = self.folder / "haproxy.cfg"
        self.log = self.folder / "haproxy.log"
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    def start(self, timeout: float = 20.0) -> None:
        """Start on a free port (another try on a port taken meanwhile); returns once it
        answers ``/healthz`` through a node."""
        last = ""
        for _ in range(5):
            self.port = free_port()
            self.config.write_text(config_text(self.port, self.servers))
            with self.log.open("ab") as log:
                self.proc = subprocess.Popen(
                    ["haproxy", "-f", str(self.config), "-db"],
                    stdout=log,
                    stderr=log,
                    stdin=subprocess.DEVNULL,
                )
            if self._wait_ready(timeout):
                return
            last = self.log.read_text(errors="replace")
            self.stop()
            if "cannot bind" not in last.lower() and "address already in use" not in last.lower():
                break
        raise RuntimeError(f"haproxy did not start:\n{last[-3000:]}")

    def _wait_ready(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is None or self.proc.poll() is not None:
                return False
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(self.http_url + "/healthz", timeout=2) as answer,
            ):
                if answer.status == 200:
                    return True
            time.sleep(0.05)
        return False

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.asynccontextmanager
async def running_haproxy(servers: Sequence[tuple[str, int]]) -> AsyncIterator[HAProxy]:
    """HAProxy in front of ``servers`` (name, port on 127.0.0.1), for the ``async with``."""
    proxy = HAProxy(servers)
    try:
        await asyncio.to_thread(proxy.start)
        yield proxy
    finally:
        await asyncio.to_thread(proxy.close)
