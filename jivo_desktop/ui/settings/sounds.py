"""Ajustes → Sounds (G8, N5): the sound of a new chat, a new message and (optional) a new
visitor on the site, each with a play button; the volume; all sounds on or off."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.sounds import EVENTS, SOUNDS, SoundService
from jivo_desktop.ui.common.plain import PlainLabel


class SoundsSection(QWidget):
    def __init__(self, sounds: SoundService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sounds = sounds
        self.master = QCheckBox()
        self.master.setChecked(sounds.enabled)
        self.master.toggled.connect(self._on_master_toggled)

        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(sounds.volume * 100))
        self.volume.setMinimumWidth(200)
        self.volume.valueChanged.connect(self._on_volume_value_changed)
        self.volume_value = PlainLabel(f"{self.volume.value()} %")
        self.volume_value.setMinimumWidth(44)
        volume = QHBoxLayout()
        self.volume_label = PlainLabel()
        volume.addWidget(self.volume_label)
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
            switch = QCheckBox()
            switch.setChecked(sounds.event_enabled(event))
            switch.toggled.connect(lambda on, e=event: self.sounds.set_event_enabled(e, on))
            choice = QComboBox()
            # Fit the names in the current language, not the first shown ("Campanilla").
            choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            for sound in SOUNDS:
                choice.addItem(sound, sound)
            choice.setCurrentIndex(choice.findData(sounds.sound(event)))
            choice.currentIndexChanged.connect(lambda _i, e=event: self._on_choice_changed(e))
            play = QPushButton()
            play.clicked.connect(lambda _=False, e=event: self._on_play_clicked(e))
            grid.addWidget(switch, row, 0)
            grid.addWidget(choice, row, 1)
            grid.addWidget(play, row, 2)
            self.switches[event] = switch
            self.choices[event] = choice
            self.play_buttons[event] = play

        self.no_device = PlainLabel()
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
        self.retranslate()

    def retranslate(self) -> None:
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
        self.master.setText(self.tr("Play notification sounds"))
        self.volume_label.setText(self.tr("Volume"))
        for event, switch in self.switches.items():
            switch.setText(event_names[event])
            choice = self.choices[event]
            for i in range(choice.count()):
                choice.setItemText(i, sound_names.get(str(choice.itemData(i)), ""))
            self.play_buttons[event].setText(self.tr("▶ Play"))
            self.play_buttons[event].setToolTip(self.tr("Play this sound now"))
        self.no_device.setText(
            self.tr("No audio output device was found: the app stays silent until there is one.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
