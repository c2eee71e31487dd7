"""G7: choose the microphone; the echo test; no device: the page says so."""

from __future__ import annotations

import struct
from typing import Any

import pytest

from jivo_desktop.services.audio import AudioInput, AudioSettings, peak_level, qt_inputs
from jivo_desktop.store import LocalStore
from jivo_desktop.ui.settings.audio import AudioSection


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


TONE_HZ = 440
TONE_AMPLITUDE = 12000  # of 32767


def _tone(seconds: float, rate: int = 16000) -> bytes:
    """A 440 Hz sine, 16-bit mono: what the "room" hears, so what the microphone records."""
    import math

    count = int(seconds * rate)
    return struct.pack(
        f"<{count}h",
        *(round(TONE_AMPLITUDE * math.sin(2 * math.pi * TONE_HZ * i / rate)) for i in range(count)),
    )


def test_g7_echo_test_records_and_plays_back_on_a_real_sound_server(tmp_path: Any) -> None:
    """G7 with real audio devices: a PulseAudio server of the test's own, with a temporary HOME
    and XDG_RUNTIME_DIR (PLATFORM.md). A 440 Hz tone plays into a null sink "room"; the
    microphone is a source on that sink's monitor; the speakers are a second null sink, whose
    monitor the test records. The page lists the microphone, the echo test records the tone
    and plays it back: what comes out of the speakers is the same tone (frequency and level)."""
    import json
    import os
    import shutil
    import subprocess
    import sys
    import time

    from tests.desktop.echo_child import dominant_frequency, peak
    from tests.support.relay import ROOT

    for tool in ("pulseaudio", "pacat", "parecord"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (scripts/install-system-deps.sh)")
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    socket = tmp_path / "native"
    script = tmp_path / "test.pa"
    script.write_text(
        f"load-module module-native-protocol-unix socket={socket} auth-anonymous=1\n"
        "load-module module-null-sink sink_name=room sink_properties=device.description=Room\n"
        "load-module module-null-sink sink_name=speakers "
        "sink_properties=device.description=Speakers\n"
        # Qt lists no monitor source as a microphone: a plain source on the room's monitor.
        "load-module module-remap-source master=room.monitor source_name=microphone "
        "source_properties=device.description=Microphone\n"
        "set-default-sink speakers\n"
        "set-default-source microphone\n"
    )
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PULSE_COOKIE": str(tmp_path / "cookie"),
    }
    client_env = {**env, "PULSE_SERVER": f"unix:{socket}"}
    tone = tmp_path / "tone.raw"
    tone.write_bytes(_tone(30))
    raw = ["--raw", "--format=s16le", "--rate=16000", "--channels=1"]
    log = (tmp_path / "pulseaudio.log").open("wb")
    server = subprocess.Popen(
        ["pulseaudio", "-n", "-F", str(script), "--daemonize=no", "--exit-idle-time=-1",
         "--use-pid-file=no", "--log-target=stderr"],
        env=env, stdout=subprocess.DEVNULL, stderr=log,
    )  # fmt: skip
    helpers: list[subprocess.Popen[bytes]] = []
    heard = tmp_path / "speakers.raw"
    try:
        deadline = time.monotonic() + 10
        while not socket.exists():
            assert server.poll() is None, (tmp_path / "pulseaudio.log").read_text()
            assert time.monotonic() < deadline, "pulseaudio did not start"
            time.sleep(0.05)
        with heard.open("wb") as out:
            helpers.append(
                subprocess.Popen(
                    ["parecord", "--device=speakers.monitor", *raw], env=client_env, stdout=out
                )
            )
        helpers.append(
            subprocess.Popen(
                ["pacat", "--playback", "--device=room", *raw, str(tone)], env=client_env
            )
        )
        child = subprocess.run(
            [sys.executable, "-m", "tests.desktop.echo_child", "2"],
            cwd=ROOT,
            env={**client_env, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        for proc in [*helpers, server]:
            proc.terminate()
            proc.wait(10)
        log.close()
    assert child.returncode == 0, child.stderr
    result = json.loads(child.stdout.strip().splitlines()[-1])
    assert result["devices"] == ["Microphone"], result
    assert not result["no_device_shown"] and result["button"]
    assert result["states"] == ["recording", "playing", "done"], (result, child.stderr[-2000:])
    assert "Did you hear yourself" in result["status"]
    # Enough sound to tell its frequency (a quarter of a second, 110 periods of the tone): on a
    # loaded machine Qt's audio source starts late, so the 2-s recording can hold well under
    # half of it; what is checked is that what was recorded is the tone, below.
    assert result["recorded"] > 8000, result
    # Tone in: the echo test recorded the room's tone, at its level.
    assert abs(result["recorded_hz"] - TONE_HZ) <= 10, result
    assert abs(result["recorded_peak"] - TONE_AMPLITUDE) <= TONE_AMPLITUDE * 0.1, result
    assert result["meter_max"] > 0, result
    # The same tone out of the speakers.
    played = heard.read_bytes()
    assert abs(dominant_frequency(played) - TONE_HZ) <= 10, (len(played), result)
    assert abs(peak(played) - TONE_AMPLITUDE) <= TONE_AMPLITUDE * 0.1, (peak(played), result)
