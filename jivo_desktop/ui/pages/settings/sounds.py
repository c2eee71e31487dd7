"""Ajustes → Sounds (G8, N5): the sound of a new chat, a new message and (optional) a new
visitor on the site, each with a play button; the volume; all sounds on or off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.sounds import EVENTS, SOUNDS, SoundService


class SoundsSection(QWidget):
    def __init__(self, sounds: SoundService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sounds = sounds
        sound_names = {
            "new_chat": self.tr("Chime"),
            "new_message": self.tr("Blip"),
            "bell": self.tr("Bell"),
            "knock": self.tr("Knock"),
            "pop": self.tr("Pop"),
        }
        event_names = {
            "new_chat": self.tr("New chat"),
            "new_message": self.tr("New message in my chats"),
            "new_visitor": self.tr("New visitor on the site"),
        }
        self.master = QCheckBox(self.tr("Play notification sounds"))
        self.master.setChecked(sounds.enabled)
        self.master.toggled.connect(self._on_master_toggled)

        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(sounds.volume * 100))
        self.volume.setMinimumWidth(200)
        self.volume.valueChanged.connect(self._on_volume_value_changed)
        self.volume_value = QLabel(f"{self.volume.value()} %")
        self.volume_value.setMinimumWidth(44)
        volume = QHBoxLayout()
        volume.addWidget(QLabel(self.tr("Volume")))
        volume.addWidget(self.volume)
        volume.addWidget(self.volume_value)
        volume.addStretch(1)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(3, 1)
        self.switches: dict[str, QCheckBox] = {}
        self.choices: dict[str, QComboBox] = {}
        self.play_buttons: dict[str, QPushButton] = {}
        for row, event in enumerate(EVENTS):
            switch = QCheckBox(event_names[event])
            switch.setChecked(sounds.event_enabled(event))
            switch.toggled.connect(lambda on, e=event: self.sounds.set_event_enabled(e, on))
            choice = QComboBox()
            for sound in SOUNDS:
                choice.addItem(sound_names.get(sound, sound), sound)
            choice.setCurrentIndex(choice.findData(sounds.sound(event)))
            choice.currentIndexChanged.connect(lambda _i, e=event: self._on_choice_changed(e))
            play = QPushButton(self.tr("▶ Play"))
            play.setToolTip(self.tr("Play this sound now"))
            play.clicked.connect(lambda _=False, e=event: self._on_play_clicked(e))
            grid.addWidget(switch, row, 0)
            grid.addWidget(choice, row, 1)
            grid.addWidget(play, row, 2)
            self.switches[event] = switch
            self.choices[event] = choice
            self.play_buttons[event] = play

        self.no_device = QLabel(
            self.tr("No audio output device was found: the app stays silent until there is one.")
        )
        self.no_device.setObjectName("FieldLabel")
        self.no_device.setWordWrap(True)
        self.no_device.setVisible(not sounds.audio_available)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.master)
        layout.addLayout(volume)
        layout.addLayout(grid)
        layout.addWidget(self.no_device)
        self._on_master_toggled(sounds.enabled)

    def _on_master_toggled(self, on: bool) -> None:
        self.sounds.set_enabled(on)
        for widget in (*self.switches.values(), *self.choices.values()):
            widget.setEnabled(on)

    def _on_volume_value_changed(self, value: int) -> None:
        self.sounds.set_volume(value / 100)
        self.volume_value.setText(f"{value} %")

    def _on_choice_changed(self, event: str) -> None:
        self.sounds.set_sound(event, str(self.choices[event].currentData()))

    def _on_play_clicked(self, event: str) -> None:
        played = self.sounds.preview(str(self.choices[event].currentData()))
        self.no_device.setVisible(not played and not self.sounds.audio_available)
