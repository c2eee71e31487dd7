"""A real IMAP4rev1 server for the tests: pymap (its in-memory ``dict`` backend) as a
subprocess on a free 127.0.0.1 port, one mailbox user. Mail "arrives" by IMAP APPEND, as a
mail server's delivery would put it in the INBOX."""

from __future__ import annotations

import contextlib
import imaplib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

USER = "support@shop.example"
PASSWORD = "imap-secret"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ImapServer:
    port: int
    user: str = USER
    password: str = PASSWORD

    def deliver(self, raw: bytes) -> None:
        """Put a mail in the INBOX."""
        imap = imaplib.IMAP4("127.0.0.1", self.port, timeout=10)
        try:
            imap.login(self.user, self.password)
            typ, data = imap.append("INBOX", None, None, raw)
            assert typ == "OK", data
        finally:
            imap.logout()


@contextlib.contextmanager
def imap_server() -> Iterator[ImapServer]:
    port = _free_port()
    pymap = Path(sys.executable).with_name("pymap")
    proc = subprocess.Popen(
        [str(pymap), "--host", "127.0.0.1", "--port", str(port), "--no-tls",
         "dict", "--demo-data", "--demo-user", USER, "--demo-password", PASSWORD],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                    if sock.recv(100).startswith(b"* OK"):
                        break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("pymap did not start") from None
                time.sleep(0.05)
        yield ImapServer(port)
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
