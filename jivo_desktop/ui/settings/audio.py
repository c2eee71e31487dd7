"""Ajustes → Audio (G7): the microphone, and an echo test that records a few seconds and plays
them back with a level meter. No microphone: the page says so."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.audio import ECHO_SECONDS, AudioSettings, EchoTest
from jivo_desktop.ui.common.plain import PlainLabel


class AudioSection(QWidget):
    def __init__(
        self, audio: AudioSettings, echo: EchoTest | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        audio.watch()  # the sound server's client first: it connects while the page is built
        self.audio = audio
        self.echo = echo or EchoTest(self)
        self.device = QComboBox()
        self.device.setMinimumWidth(280)
        self.device.currentIndexChanged.connect(self._on_device_current_index_changed)
        self.no_device = PlainLabel()
        self.no_device.setWordWrap(True)
        self.no_device.setObjectName("Banner")
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self._on_test_clicked)
        self.meter = QProgressBar()
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(10)
        self.meter.setMinimumWidth(200)
        self.status = PlainLabel(
            self.tr(
                "Speak after pressing the button: {0} seconds are recorded, then played back."
            ).format(ECHO_SECONDS)
        )
        self.status.setObjectName("FieldLabel")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.device_label = PlainLabel()
        form.addRow(self.device_label, self.device)
        test = QHBoxLayout()
        test.addWidget(self.test_button)
        test.addWidget(self.meter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.no_device)
        layout.addLayout(form)
        layout.addLayout(test)
        layout.addWidget(self.status)
        self.echo.level.connect(self._on_echo_level)
        self.echo.state_changed.connect(self._on_echo_state_changed)
        audio.devices_changed.connect(self.refresh)
        self.refresh()
        self.retranslate()

    def retranslate(self) -> None:
        self.no_device.setText(
            self.tr("No microphone was found. Connect one: it appears here by itself.")
        )
        self.device_label.setText(self.tr("Microphone"))
        self.test_button.setText(self.tr("Test the microphone"))
        self._on_echo_state_changed(self.echo.state)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        inputs = self.audio.inputs()
        selected = self.audio.selected()
        self.device.blockSignals(True)
        self.device.clear()
        for device in inputs:
            self.device.addItem(device.name, device.id)
        if selected is not None:
            self.device.setCurrentIndex(self.device.findData(selected.id))
        self.device.blockSignals(False)
        have = bool(inputs)
        self.no_device.setVisible(not have)
        self.device.setEnabled(have)
        self.test_button.setEnabled(have and self.echo.state in ("idle", "done", "failed"))

    def _on_device_current_index_changed(self, index: int) -> None:
        if index >= 0:
            self.audio.select(str(self.device.itemData(index)))

    def _on_test_clicked(self) -> None:
        selected = self.audio.selected()
        if selected is not None:
            self.test_button.setEnabled(False)
            self.echo.start(selected.id)

    def _on_echo_level(self, level: float) -> None:
        self.meter.setValue(round(level * 100))

    def _on_echo_state_changed(self, state: str) -> None:
        texts = {
            "idle": self.tr(
                "Speak after pressing the button: {0} seconds are recorded, then played back."
            ).format(ECHO_SECONDS),
            "recording": self.tr("Recording… speak now."),
            "playing": self.tr("Playing back what was recorded…"),
            "done": self.tr("Done. Did you hear yourself? If not, choose another microphone."),
            "failed": self.tr("The microphone could not be used. Choose another one."),
        }
        self.status.setText(texts.get(state, ""))
        if state in ("done", "failed"):
            self.meter.setValue(0)
            self.test_button.setEnabled(bool(self.audio.inputs()))
