"""Sounds (N5, G8): a chime for a new chat, a soft blip for a new visitor message in my chats,
and (off unless chosen) a sound for a new visitor on the site.

Settings: ``sounds.enabled`` (default on), ``sounds.volume`` (0..1), and per event
``sounds.<event>`` (which of :data:`SOUNDS`) and ``sounds.<event>.enabled``. A machine without
any audio output (a server, a CI runner, a muted VM) stays silent: no dialog, no exception, one
line in the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Protocol

from PySide6.QtCore import QObject, QUrl

from jivo_desktop.paths import resource
from jivo_desktop.services.chats import ChatsService
from jivo_desktop.store import LocalStore
from server import protocol as p

log = logging.getLogger(__name__)

ENABLED = "sounds.enabled"
VOLUME = "sounds.volume"
DEFAULT_VOLUME = 0.8
SOUNDS = {
    "new_chat": "new_chat.wav",
    "new_message": "new_message.wav",
    "bell": "bell.wav",
    "knock": "knock.wav",
    "pop": "pop.wav",
}
"""The sounds there are to choose from (files in resources/sounds)."""
EVENTS = {"new_chat": "new_chat", "new_message": "new_message", "new_visitor": "pop"}
"""Each event and its default sound."""
EVENTS_ON = {"new_chat": True, "new_message": True, "new_visitor": False}


class Player(Protocol):
    """What is needed of a ``QSoundEffect`` (tests pass their own)."""

    def setVolume(self, volume: float) -> None: ...

    def play(self) -> None: ...


def audio_outputs_present() -> bool:
    from PySide6.QtMultimedia import QMediaDevices

    return bool(QMediaDevices.audioOutputs())


def _sound_effect(name: str, parent: QObject) -> Player:
    from PySide6.QtMultimedia import QSoundEffect

    effect = QSoundEffect(parent)
    effect.setSource(QUrl.fromLocalFile(str(resource("sounds", SOUNDS[name]))))
    return effect


class SoundService(QObject):
    """Plays ``new_chat`` on ``chats.offered``, ``new_message`` on ``chats.visitor_message``,
    and ``new_visitor`` when ``on_new_visitor()`` is called (by the visitors' service).

    ``effects``: players by sound name, instead of ``QSoundEffect`` objects made on first use;
    ``audio_available``: the check for an output device (``QMediaDevices.audioOutputs()``).
    Both are for tests. ``played`` lists what was played, in order (a short tail of it)."""

    def __init__(
        self,
        chats: ChatsService,
        store: LocalStore,
        *,
        effects: Mapping[str, Player] | None = None,
        audio_available: Callable[[], bool] = audio_outputs_present,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._effects: dict[str, Player] = dict(effects or {})
        self._audio_available = audio_available
        self._said_no_audio = False
        self.played: list[str] = []
        chats.offered.connect(self._on_chats_offered)
        chats.visitor_message.connect(self._on_chats_visitor_message)

    # -------------------------------------------------------------- settings (G8)

    @property
    def enabled(self) -> bool:
        return bool(self.store.get(ENABLED, True))

    def set_enabled(self, enabled: bool) -> None:
        self.store.set(ENABLED, bool(enabled))

    @property
    def volume(self) -> float:
        try:
            value = float(self.store.get(VOLUME, DEFAULT_VOLUME))
        except (TypeError, ValueError):
            return DEFAULT_VOLUME
        return min(1.0, max(0.0, value))

    def set_volume(self, volume: float) -> None:
        self.store.set(VOLUME, min(1.0, max(0.0, float(volume))))

    def sound(self, event: str) -> str:
        """The sound chosen for an event of :data:`EVENTS`."""
        value = self.store.get(f"sounds.{event}", EVENTS[event])
        return value if value in SOUNDS else EVENTS[event]

    def set_sound(self, event: str, sound: str) -> None:
        if event not in EVENTS or sound not in SOUNDS:
            raise ValueError(f"unknown event or sound: {event!r}, {sound!r}")
        self.store.set(f"sounds.{event}", sound)

    def event_enabled(self, event: str) -> bool:
        return bool(self.store.get(f"sounds.{event}.enabled", EVENTS_ON[event]))

    def set_event_enabled(self, event: str, enabled: bool) -> None:
        if event not in EVENTS:
            raise ValueError(f"unknown event {event!r}")
        self.store.set(f"sounds.{event}.enabled", bool(enabled))

    @property
    def audio_available(self) -> bool:
        return bool(self._audio_available())

    # -------------------------------------------------------------- playing

    def play(self, event: str) -> bool:
        """Play the sound of an event of :data:`EVENTS`; False when it stayed silent (off, no
        device, volume 0)."""
        if event not in EVENTS:
            raise ValueError(f"unknown sound {event!r}")
        if not self.enabled or not self.event_enabled(event):
            return False
        if self._play(self.sound(event)):
            self.played = [*self.played[-19:], event]
            return True
        return False

    def preview(self, sound: str) -> bool:
        """The play button of Ajustes: a sound of :data:`SOUNDS` at the set volume, even for an
        event switched off."""
        if sound not in SOUNDS:
            raise ValueError(f"unknown sound {sound!r}")
        return self._play(sound)

    def _play(self, name: str) -> bool:
        volume = self.volume
        if volume <= 0.0:
            return False
        if not self._audio_available():
            if not self._said_no_audio:
                log.info("no audio output device: notification sounds stay silent")
                self._said_no_audio = True
            return False
        self._said_no_audio = False  # a device came: say it again if it goes
        effect = self._effects.get(name)
        if effect is None:
            effect = self._effects[name] = _sound_effect(name, self)
        effect.setVolume(volume)
        effect.play()
        return True

    def on_new_visitor(self, *_args: object) -> None:
        """N5: a visitor came to the site (connect the visitors' service's signal here)."""
        self.play("new_visitor")

    def _on_chats_offered(self, _info: p.ChatInfo) -> None:
        self.play("new_chat")

    def _on_chats_visitor_message(self, _chat_id: int) -> None:
        self.play("new_message")
