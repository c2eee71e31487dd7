"""Run in a child process by tests/desktop/test_audio.py: the Audio page against the sound
server named by PULSE_SERVER (Qt's audio backend connects once per process, so the test's own
process, started without one, cannot see it). Prints one JSON line with what happened,
including the dominant frequency and the peak of what the echo test recorded."""

from __future__ import annotations

import json
import math
import struct
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

RATE = 16000  # the echo test records 16 kHz mono 16-bit


def samples(data: bytes) -> list[int]:
    count = len(data) // 2
    return list(struct.unpack(f"<{count}h", data[: count * 2]))


def peak(data: bytes) -> int:
    return max((abs(s) for s in samples(data)), default=0)


def dominant_frequency(data: bytes, low: int = 100, high: int = 2000, step: int = 10) -> int:
    """The strongest frequency (Goertzel, every ``step`` Hz) in the loud part of 16 kHz
    16-bit mono ``data``; 0 for silence."""
    values = samples(data)
    loud = [i for i, v in enumerate(values) if abs(v) > 1000]
    if len(loud) < RATE // 50:
        return 0
    part = values[loud[0] : loud[-1] + 1][: RATE // 4]

    def power(freq: int) -> float:
        coeff = 2 * math.cos(2 * math.pi * freq / RATE)
        a = b = 0.0
        for v in part:
            a, b = v + coeff * a - b, a
        return a * a + b * b - coeff * a * b

    return max(range(low, high, step), key=power)


def main() -> int:
    app = QApplication(sys.argv[:1])
    from jivo_desktop.services.audio import AudioSettings
    from jivo_desktop.store import LocalStore
    from jivo_desktop.ui.settings.audio import AudioSection

    store = LocalStore(Path(tempfile.mkdtemp()) / "local.db")
    section = AudioSection(AudioSettings(store))
    states: list[str] = []
    meter: list[int] = []
    section.echo.state_changed.connect(states.append)
    section.meter.valueChanged.connect(meter.append)
    section.echo.state_changed.connect(lambda s: s in ("done", "failed") and app.quit())
    devices = [section.device.itemText(i) for i in range(section.device.count())]
    ready = section.test_button.isEnabled()
    if ready:
        # Pressed as a person would, with the page up a moment (its event loop running), not
        # in the same instant the page was built: started at once, Qt's first audio source of
        # the process often delivered only a few buffers (seen once the app's start no longer
        # spent ~0.3 s importing SQLAlchemy, issue 15).
        QTimer.singleShot(
            300,
            lambda: section.echo.start(
                str(section.device.currentData()), float((sys.argv[1:2] and sys.argv[1]) or 1)
            ),
        )
        QTimer.singleShot(15000, app.quit)
        app.exec()
    result = {
        "devices": devices,
        "no_device_shown": section.no_device.isVisibleTo(section),
        "button": ready,
        "states": states,
        "meter_max": max(meter, default=0),
        "recorded": len(section.echo._recorded),
        "recorded_hz": dominant_frequency(bytes(section.echo._recorded)),
        "recorded_peak": peak(bytes(section.echo._recorded)),
        "status": section.status.text(),
    }
    print(json.dumps(result), flush=True)
    section.echo.stop()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
