"""Sounds (N5): a chime for a new chat, a soft blip for a new visitor message in my chats.

Settings: ``sounds.enabled`` (default on) and ``sounds.volume`` (0..1). A machine without any
audio output (a server, a CI runner, a muted VM) stays silent: no dialog, no exception, one line
in the log.
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
NEW_VISITOR = "sounds.new_visitor"
"""N5/G8: a sound when a visitor comes onto the site (off unless the agent turns it on)."""
SOUNDS = {
    "new_chat": "new_chat.wav",
    "new_message": "new_message.wav",
    "new_visitor": "new_visitor.wav",
}


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
    """Plays ``new_chat`` on ``chats.offered`` and ``new_message`` on ``chats.visitor_message``.

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

    # -------------------------------------------------------------- playing

    def play(self, name: str) -> bool:
        """Play one of :data:`SOUNDS`; False when it stayed silent (off, no device, volume 0)."""
        if name not in SOUNDS:
            raise ValueError(f"unknown sound {name!r}")
        volume = self.volume
        if not self.enabled or volume <= 0.0:
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
        self.played = [*self.played[-19:], name]
        return True

    def _on_chats_offered(self, _info: p.ChatInfo) -> None:
        self.play("new_chat")

    def _on_chats_visitor_message(self, _chat_id: int) -> None:
        self.play("new_message")

    @property
    def new_visitor_enabled(self) -> bool:
        return bool(self.store.get(NEW_VISITOR, False))

    def set_new_visitor_enabled(self, enabled: bool) -> None:
        self.store.set(NEW_VISITOR, bool(enabled))

    def on_new_visitor(self, _visitor_id: int) -> None:
        """N5: a visitor came onto the site (VisitorsService.arrived)."""
        if self.new_visitor_enabled:
            self.play("new_visitor")
