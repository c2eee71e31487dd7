"""G7: choose the microphone; the echo test; no device: the page says so."""

from __future__ import annotations

import struct
from typing import Any

import pytest

from jivo_desktop.services.audio import AudioInput, AudioSettings, peak_level, qt_inputs
from jivo_desktop.store import LocalStore
from jivo_desktop.ui.pages.settings.audio import AudioSection


class FakeDevices:
    """A fake device list (this machine has no microphone): what QMediaDevices would list."""

    def __init__(self, *devices: AudioInput) -> None:
        self.devices = list(devices)

    def __call__(self) -> list[AudioInput]:
        return list(self.devices)


def test_g7_no_microphone_page_says_so(qtbot: Any, local_store: LocalStore) -> None:
    """G7: on this machine Qt lists no microphone: the page says so and offers no test."""
    if qt_inputs():
        pytest.skip("this machine has a microphone")
    section = AudioSection(AudioSettings(local_store))
    qtbot.addWidget(section)
    assert section.no_device.isVisibleTo(section)
    assert "No microphone" in section.no_device.text()
    assert section.device.count() == 0 and not section.device.isEnabled()
    assert not section.test_button.isEnabled()


def test_g7_choose_microphone_with_a_fake_device_list(qtbot: Any, local_store: LocalStore) -> None:
    """G7: the list shows the fake devices, the system default first chosen; a choice is stored
    and kept after a restart; when it is unplugged the default is used; unplugging all says so."""
    devices = FakeDevices(
        AudioInput("aa", "Fake USB microphone"), AudioInput("bb", "Fake headset", default=True)
    )
    audio = AudioSettings(local_store, devices)
    section = AudioSection(audio)
    qtbot.addWidget(section)
    assert [section.device.itemText(i) for i in range(2)] == ["Fake USB microphone", "Fake headset"]
    assert section.device.currentData() == "bb" and section.test_button.isEnabled()
    assert not section.no_device.isVisibleTo(section)
    section.device.setCurrentIndex(0)
    assert local_store.get("audio.input") == "aa"
    assert AudioSettings(local_store, devices).selected() == devices.devices[0]

    devices.devices = [AudioInput("bb", "Fake headset", default=True)]
    audio.devices_changed.emit()
    assert section.device.currentData() == "bb" and section.device.count() == 1
    assert local_store.get("audio.input") == "aa"  # still wanted when it comes back
    devices.devices = []
    audio.devices_changed.emit()
    assert section.no_device.isVisibleTo(section) and not section.test_button.isEnabled()


def test_g7_level_meter_reads_the_peak() -> None:
    """G7: the meter shows the peak of the recorded 16-bit samples."""
    assert peak_level(b"") == 0.0
    assert peak_level(struct.pack("<4h", 0, 100, -16384, 30)) == pytest.approx(0.5, abs=0.001)
    assert peak_level(struct.pack("<2h", -32768, 0)) == 1.0


def test_g7_echo_test_records_and_plays_back_on_a_real_sound_server(tmp_path: Any) -> None:
    """G7 with real audio devices: a PulseAudio server of the test's own (a null source as the
    microphone, a null sink as the speakers): the page lists the microphone, and the echo test
    records a second and plays it back. (Qt records nothing from PulseAudio's sine or remapped
    sources, so the recording is silence; the meter's arithmetic is tested above.)"""
    import json
    import os
    import shutil
    import subprocess
    import sys
    import time

    from tests.support.relay import ROOT

    if shutil.which("pulseaudio") is None:
        pytest.skip("pulseaudio is not installed (scripts/install-system-deps.sh)")
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    socket = tmp_path / "native"
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PULSE_COOKIE": str(tmp_path / "cookie"),
    }
    log = (tmp_path / "pulseaudio.log").open("wb")
    server = subprocess.Popen(
        [
            "pulseaudio",
            "-n",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--use-pid-file=no",
            "--log-target=stderr",
            "-L",
            f"module-native-protocol-unix socket={socket} auth-anonymous=1",
            "-L",
            "module-null-sink sink_name=speakers",
            "-L",
            "module-null-source source_name=microphone",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    try:
        deadline = time.monotonic() + 10
        while not socket.exists():
            assert server.poll() is None, (tmp_path / "pulseaudio.log").read_text()
            assert time.monotonic() < deadline, "pulseaudio did not start"
            time.sleep(0.05)
        child = subprocess.run(
            [sys.executable, "-m", "tests.desktop.echo_child"],
            cwd=ROOT,
            env={**env, "PULSE_SERVER": f"unix:{socket}", "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        server.terminate()
        server.wait(10)
        log.close()
    assert child.returncode == 0, child.stderr
    result = json.loads(child.stdout.strip().splitlines()[-1])
    assert result["devices"] == ["Null Input"], result
    assert not result["no_device_shown"] and result["button"]
    assert result["states"] == ["recording", "playing", "done"], (result, child.stderr[-2000:])
    assert result["recorded"] > 16000  # a second of 16 kHz 16-bit mono, give or take
    assert "Did you hear yourself" in result["status"]
