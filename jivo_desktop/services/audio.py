"""G7: the microphone to use (``audio.input``, a device id) and the microphone echo test: a few
seconds recorded with ``QAudioSource``, then played back with ``QAudioSink``, with the level
reported all along for a meter. No device: the list is empty and the test cannot start."""

from __future__ import annotations

import logging
import struct
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QTimer, Signal

from jivo_desktop.store import LocalStore

log = logging.getLogger(__name__)

SETTING = "audio.input"
ECHO_SECONDS = 3


@dataclass(frozen=True)
class AudioInput:
    id: str
    name: str
    default: bool = False


def qt_inputs() -> list[AudioInput]:
    """The microphones Qt sees on this machine."""
    from PySide6.QtMultimedia import QMediaDevices

    default = QMediaDevices.defaultAudioInput()
    default_id = bytes(default.id().data()).hex() if not default.isNull() else ""
    found = []
    for device in QMediaDevices.audioInputs():
        ident = bytes(device.id().data()).hex()
        found.append(AudioInput(ident, device.description(), ident == default_id))
    return found


def peak_level(data: bytes) -> float:
    """The peak of 16-bit little-endian samples, 0..1."""
    count = len(data) // 2
    if count == 0:
        return 0.0
    samples = struct.unpack(f"<{count}h", data[: count * 2])
    return min(1.0, max(abs(s) for s in samples) / 32767)


class AudioSettings(QObject):
    """Signals: ``devices_changed()`` (a microphone came or went), ``selected_changed(str)``."""

    devices_changed = Signal()
    selected_changed = Signal(str)

    def __init__(
        self,
        store: LocalStore,
        devices: Callable[[], list[AudioInput]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._devices = devices or qt_inputs
        self._media: QObject | None = None
        self._watch = devices is None

    def inputs(self) -> list[AudioInput]:
        self.watch()
        return self._devices()

    def watch(self) -> None:
        """Start reporting device changes (``devices_changed``), once. QtMultimedia (with FFmpeg
        and the sound server's client: about 40 MiB and a third of a second, issue 15) loads
        here, when Ajustes > Audio is first built, not at the app's start."""
        if not self._watch:
            return
        self._watch = False
        from PySide6.QtMultimedia import QMediaDevices

        media = QMediaDevices(self)
        media.audioInputsChanged.connect(self.devices_changed)
        self._media = media

    def selected(self) -> AudioInput | None:
        """The chosen microphone if it is connected, else the system's default, else the first."""
        inputs = self.inputs()
        wanted = self.store.get(SETTING, "")
        for device in inputs:
            if device.id == wanted:
                return device
        return next((d for d in inputs if d.default), inputs[0] if inputs else None)

    def select(self, device_id: str) -> None:
        if device_id != self.store.get(SETTING, ""):
            self.store.set(SETTING, device_id)
            self.selected_changed.emit(device_id)


class EchoTest(QObject):
    """Record ``seconds`` from a microphone, then play it back. Signals: ``level(float)`` (0..1,
    many times a second), ``state_changed(str)``: "recording", "playing", "done" or "failed"."""

    level = Signal(float)
    state_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = "idle"
        self._recorded = bytearray()
        self._source: object | None = None
        self._sink: object | None = None
        self._io: QIODevice | None = None
        self._buffer: QBuffer | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._recording = QTimer(self)
        self._recording.setSingleShot(True)
        self._recording.timeout.connect(self._play)

    def _set(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)

    def start(self, device_id: str, seconds: float = ECHO_SECONDS) -> bool:
        from PySide6.QtMultimedia import QAudioFormat, QAudioSource, QMediaDevices

        device = next(
            (d for d in QMediaDevices.audioInputs() if bytes(d.id().data()).hex() == device_id),
            None,
        )
        if device is None:
            self._set("failed")
            return False
        fmt = QAudioFormat()
        fmt.setSampleRate(16000)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if not device.isFormatSupported(fmt):
            log.info("echo test: %s cannot record 16 kHz mono 16-bit", device.description())
            self._set("failed")
            return False
        self._format = fmt
        self._recorded = bytearray()
        source = QAudioSource(device, fmt, self)
        self._source = source
        self._io = source.start()
        self._io.readyRead.connect(self._on_io_ready_read)
        self._set("recording")
        self._recording.start(int(seconds * 1000))
        return True

    def _on_io_ready_read(self) -> None:
        if self._io is None:
            return
        data = bytes(self._io.readAll().data())
        self._recorded += data
        self.level.emit(peak_level(data))

    def _play(self) -> None:
        from PySide6.QtMultimedia import QAudio, QAudioSink, QMediaDevices

        if self._source is not None:
            self._source.stop()  # type: ignore[attr-defined]
        self._io = None
        output = QMediaDevices.defaultAudioOutput()
        if output.isNull() or not self._recorded:
            self._set("failed" if output.isNull() else "done")
            return
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(bytes(self._recorded)))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        sink = QAudioSink(output, self._format, self)
        self._sink = sink

        def on_state(state: object) -> None:
            if state == QAudio.State.IdleState:
                sink.stop()
                self._timer.stop()
                self.level.emit(0.0)
                self._set("done")

        sink.stateChanged.connect(on_state)
        sink.start(self._buffer)
        self._timer.start()
        self._set("playing")

    def _on_timer_timeout(self) -> None:
        if self._buffer is None:
            return
        at = self._buffer.pos()
        self.level.emit(peak_level(bytes(self._recorded[max(0, at - 1600) : at])))

    def stop(self) -> None:
        self._timer.stop()
        self._recording.stop()
        for device in (self._source, self._sink):
            if device is not None:
                device.stop()  # type: ignore[attr-defined]
        self._source = self._sink = None
        self._io = None
