"""Run in a child process by tests/desktop/test_audio.py: the Audio page against the sound
server named by PULSE_SERVER (Qt's audio backend connects once per process, so the test's own
process, started without one, cannot see it). Prints one JSON line with what happened."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def main() -> int:
    app = QApplication(sys.argv[:1])
    from jivo_desktop.services.audio import AudioSettings
    from jivo_desktop.store import LocalStore
    from jivo_desktop.ui.pages.settings.audio import AudioSection

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
        section.echo.start(str(section.device.currentData()), 1.0)
        QTimer.singleShot(15000, app.quit)
        app.exec()
    result = {
        "devices": devices,
        "no_device_shown": section.no_device.isVisibleTo(section),
        "button": ready,
        "states": states,
        "meter_max": max(meter, default=0),
        "recorded": len(section.echo._recorded),
        "status": section.status.text(),
    }
    print(json.dumps(result), flush=True)
    section.echo.stop()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
