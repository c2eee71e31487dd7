"""One app per user (G9's `--accept` travels this way): claim, hand over a message, stale sockets.

Each test uses its own server name, so tests never meet the developer's running app.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from jivo_desktop.platform import single_instance as single_instance_module
from jivo_desktop.platform.single_instance import (
    MAX_MESSAGE_BYTES,
    SingleInstance,
    default_server_name,
)

REPO = Path(__file__).resolve().parents[2]

_CRASHING_INSTANCE = """
import sys, time
from PySide6.QtCore import QCoreApplication
from jivo_desktop.platform.single_instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance()
print("claimed" if instance.claim(sys.argv[1]) else "refused", flush=True)
time.sleep(60)
"""


@pytest.fixture
def name() -> str:
    return f"jivo-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def instances(qapp: object) -> Iterator[list[SingleInstance]]:
    """Every SingleInstance the test makes, closed at the end (removes the socket files)."""
    made: list[SingleInstance] = []
    yield made
    for instance in made:
        instance.close()


def _new(instances: list[SingleInstance]) -> SingleInstance:
    instance = SingleInstance()
    instances.append(instance)
    return instance


def _socket_path(name: str) -> Path:
    return Path(name) if os.path.isabs(name) else Path(QDir.tempPath()) / name


def test_second_claim_hands_its_message_to_the_first(
    qtbot: QtBot, instances: list[SingleInstance], name: str
) -> None:
    """G9: the second launch (`--accept`) is refused and its message reaches the first."""
    first = _new(instances)
    assert first.claim(name) is True
    assert first.is_primary

    second = _new(instances)
    with qtbot.waitSignal(first.message_received, timeout=5000) as received:
        assert second.claim(name, "accept") is False
    assert received.args == ["accept"]
    assert not second.is_primary


def test_claim_succeeds_again_after_the_first_closes(
    qtbot: QtBot, instances: list[SingleInstance], name: str
) -> None:
    first = _new(instances)
    assert first.claim(name)
    first.close()
    assert not first.is_primary

    again = _new(instances)
    assert again.claim(name) is True
    with qtbot.waitSignal(again.message_received, timeout=5000) as received:
        assert _new(instances).claim(name, "activate") is False
    assert received.args == ["activate"]


@pytest.mark.os_only("linux", "macos")  # a named pipe leaves no file behind
def test_stale_socket_of_a_killed_instance_is_replaced(
    qtbot: QtBot, instances: list[SingleInstance], name: str
) -> None:
    """A crashed instance leaves its socket file; the next launch must not take it for alive."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _CRASHING_INSTANCE, name],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "claimed"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()
    assert _socket_path(name).exists(), "the killed instance should have left its socket"

    survivor = _new(instances)
    assert survivor.claim(name) is True
    with qtbot.waitSignal(survivor.message_received, timeout=5000) as received:
        assert _new(instances).claim(name, "accept") is False
    assert received.args == ["accept"]


def test_launch_racing_a_starting_instance_does_not_take_its_place(
    qtbot: QtBot, instances: list[SingleInstance], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two quick launches: the later one's first connect found nobody, but by the time it
    listens the first instance is up. It must hand over its message, not replace the socket."""
    first = _new(instances)
    assert first.claim(name)

    real_send = SingleInstance._send
    attempts: list[str] = []

    def send_missing_the_first_try(target: str, message: str) -> bool:
        attempts.append(message)
        return False if len(attempts) == 1 else real_send(target, message)

    monkeypatch.setattr(SingleInstance, "_send", staticmethod(send_missing_the_first_try))
    late = _new(instances)
    with qtbot.waitSignal(first.message_received, timeout=5000) as received:
        assert late.claim(name, "accept") is False
    assert received.args == ["accept"]
    assert attempts == ["accept", "accept"]
    monkeypatch.undo()

    # The first instance still owns the name.
    with qtbot.waitSignal(first.message_received, timeout=5000) as received:
        assert _new(instances).claim(name, "activate") is False
    assert received.args == ["activate"]


def test_messages_arrive_in_order(qtbot: QtBot, instances: list[SingleInstance], name: str) -> None:
    first = _new(instances)
    assert first.claim(name)
    got: list[str] = []
    first.message_received.connect(got.append)
    sender = _new(instances)
    assert sender.send("activate", name)
    assert sender.send("accept", name)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
    assert got == ["activate", "accept"]


def test_raw_peer_without_newline_and_with_two_lines(
    qtbot: QtBot, instances: list[SingleInstance], name: str
) -> None:
    first = _new(instances)
    assert first.claim(name)
    got: list[str] = []
    first.message_received.connect(got.append)

    peer = QLocalSocket()
    peer.connectToServer(name)
    assert peer.waitForConnected(2000)
    peer.write(b"activate\naccept")  # the last one ends at the disconnect
    assert peer.waitForBytesWritten(2000)
    peer.disconnectFromServer()
    qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
    assert got == ["activate", "accept"]


def test_over_long_message_is_dropped(
    qtbot: QtBot, instances: list[SingleInstance], name: str
) -> None:
    first = _new(instances)
    assert first.claim(name)
    got: list[str] = []
    first.message_received.connect(got.append)

    peer = QLocalSocket()
    peer.connectToServer(name)
    assert peer.waitForConnected(2000)
    peer.write(b"x" * (MAX_MESSAGE_BYTES * 4))
    peer.waitForBytesWritten(2000)
    # The instance hangs up on it.
    qtbot.waitUntil(
        lambda: peer.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=5000
    )
    assert got == []
    with pytest.raises(ValueError):
        first.send("y" * MAX_MESSAGE_BYTES, name)


@pytest.mark.os_only("linux", "macos")  # Unix socket file permissions
def test_socket_is_private_to_its_user(instances: list[SingleInstance], name: str) -> None:
    """Another user on the machine must not be able to send "accept" to this agent's app."""
    first = _new(instances)
    assert first.claim(name)
    mode = stat.S_IMODE(_socket_path(name).stat().st_mode)
    assert mode & 0o077 == 0, oct(mode)


def test_default_name_is_per_user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Two users on one machine get different names; XDG_RUNTIME_DIR holds the socket."""
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(single_instance_module, "_user_tag", lambda: "1000")
    alice = default_server_name()
    monkeypatch.setattr(single_instance_module, "_user_tag", lambda: "1001")
    bob = default_server_name()
    assert alice != bob
    assert alice.endswith("1000") and bob.endswith("1001")

    runtime = tmp_path / "run"
    runtime.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    if sys.platform != "win32":
        assert default_server_name() == str(runtime / "jivo-desktop-1001.sock")


def test_real_default_name_contains_the_user() -> None:
    name = default_server_name()
    if hasattr(os, "getuid"):
        assert f"-{os.getuid()}" in name
    assert "jivo-desktop" in name
