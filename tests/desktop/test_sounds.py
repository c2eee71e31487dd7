"""Sounds (N5): a chime for a new chat, a blip for a new visitor message, against a real relay;
silent and harmless on a machine without an audio device."""

from __future__ import annotations

import logging
import struct
import wave
from typing import Any

import pytest

from jivo_desktop.paths import resource
from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.services.session import SessionService
from jivo_desktop.services.sounds import SOUNDS, SoundService, audio_outputs_present
from jivo_desktop.store import LocalStore
from tests.support.relay import RelayHandle
from tests.support.visitor import Visitor
from tests.support.waiting import until


class FakeEffect:
    def __init__(self) -> None:
        self.plays: list[float] = []
        self.volume = 1.0

    def setVolume(self, volume: float) -> None:
        self.volume = volume

    def play(self) -> None:
        self.plays.append(self.volume)


async def agent(relay: RelayHandle, store: LocalStore, secrets: Secrets):
    session = SessionService(store, secrets)
    chats = ChatsService(session, store)
    return session, chats


async def test_no_audio_device_means_silence_without_errors(
    qapp: Any,
    relay: RelayHandle,
    local_store: LocalStore,
    secrets: Secrets,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """N5: offscreen there is no audio output: a new chat plays nothing, raises nothing, shows
    no dialog, and says so once in the log."""
    if audio_outputs_present():
        pytest.skip("this machine has an audio output device")
    session, chats = await agent(relay, local_store, secrets)
    sounds = SoundService(chats, local_store)
    offers: list[object] = []
    chats.offered.connect(offers.append)
    await session.sign_in_async(relay.http_url, relay.agent_email, relay.agent_password, False)
    caplog.set_level(logging.INFO, logger="jivo_desktop.services.sounds")
    visitors = []
    for text in ("hola", "buenas"):
        visitor = Visitor(relay.ws_url, relay.site_key)
        await visitor.connect()
        await visitor.say(text)
        visitors.append(visitor)
    await until(lambda: len(offers) == 2)
    assert sounds.played == [] and sounds._effects == {}  # no QSoundEffect was even made
    assert sounds.play("new_message") is False
    notes = [r for r in caplog.records if "no audio output" in r.getMessage()]
    assert len(notes) == 1
    await session.shutdown()
    for visitor in visitors:
        await visitor.close()


def test_the_sound_files_are_short_valid_wavs() -> None:
    """N5: both sounds are 16-bit mono 44.1 kHz WAVs under half a second, audible, not
    clipped, starting and ending at silence (no click)."""
    for name, filename in SOUNDS.items():
        path = resource("sounds", filename)
        assert path.is_file(), name
        with wave.open(str(path)) as wav:
            assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 44100)
            frames = wav.getnframes()
            assert 0.05 < frames / 44100 < 0.5
            samples = struct.unpack(f"<{frames}h", wav.readframes(frames))
        peak = max(abs(s) for s in samples)
        assert 0.2 * 32767 < peak < 0.98 * 32767, name
        assert abs(samples[0]) < 200 and abs(samples[-1]) < 200, name


async def test_new_chat_and_new_message_play_their_sounds(
    qapp: Any, relay: RelayHandle, local_store: LocalStore, secrets: Secrets
) -> None:
    """N5/G8: with an audio device, an offer plays "new chat"; a visitor message in my chat
    plays "new message"; the volume setting applies; switched off, nothing plays."""
    session, chats = await agent(relay, local_store, secrets)
    effects = {"new_chat": FakeEffect(), "new_message": FakeEffect()}
    sounds = SoundService(chats, local_store, effects=effects, audio_available=lambda: True)
    assert sounds.enabled and sounds.volume == 0.8
    await session.sign_in_async(relay.http_url, relay.agent_email, relay.agent_password, False)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hola")
    await until(lambda: effects["new_chat"].plays)
    assert effects["new_chat"].plays == [0.8] and effects["new_message"].plays == []

    chat_id = next(iter(chats.chats))
    assert await chats.accept_async(chat_id)
    sounds.set_volume(0.3)
    await visitor.say("¿me ayuda?")
    await until(lambda: effects["new_message"].plays)
    assert effects["new_message"].plays == [0.3]
    assert sounds.played == ["new_chat", "new_message"]

    sounds.set_enabled(False)
    await visitor.say("¿hola?")
    await until(lambda: chats.chats[chat_id].info.preview == "¿hola?")
    assert effects["new_message"].plays == [0.3]
    assert local_store.get("sounds.enabled") is False
    sounds.set_volume(7)
    assert sounds.volume == 1.0
    await session.shutdown()
    await visitor.close()


def test_g8_sounds_section_chooses_plays_and_stores(qtbot: Any, local_store: LocalStore) -> None:
    """G8/N5: each event's sound is chosen in Ajustes and played by its play button at the set
    volume; the new-visitor sound is off until switched on; all of it is stored."""
    from PySide6.QtCore import QObject, Signal

    from jivo_desktop.ui.settings.sounds import SoundsSection

    class Chats(QObject):
        offered = Signal(object)
        visitor_message = Signal(int)

    effects = {name: FakeEffect() for name in SOUNDS}
    chats = Chats()
    sounds = SoundService(chats, local_store, effects=effects, audio_available=lambda: True)  # type: ignore[arg-type]
    section = SoundsSection(sounds)
    qtbot.addWidget(section)
    assert not section.no_device.isVisibleTo(section)
    section.volume.setValue(40)
    section.choices["new_chat"].setCurrentIndex(section.choices["new_chat"].findData("bell"))
    section.play_buttons["new_chat"].click()
    assert effects["bell"].plays == [0.4]
    chats.offered.emit(None)
    assert effects["bell"].plays == [0.4, 0.4] and sounds.played == ["new_chat"]

    sounds.on_new_visitor()
    assert sounds.played == ["new_chat"]  # off by default
    section.switches["new_visitor"].setChecked(True)
    sounds.on_new_visitor()
    assert effects["pop"].plays == [0.4] and sounds.played[-1] == "new_visitor"
    section.play_buttons["new_message"].click()  # plays even with the event switched off
    section.switches["new_message"].setChecked(False)
    chats.visitor_message.emit(1)
    assert effects["new_message"].plays == [0.4]

    again = SoundService(Chats(), local_store, effects=effects, audio_available=lambda: True)  # type: ignore[arg-type]
    assert again.sound("new_chat") == "bell" and again.volume == 0.4
    assert again.event_enabled("new_visitor") and not again.event_enabled("new_message")
    section.master.setChecked(False)
    assert not section.choices["new_chat"].isEnabled() and not again.play("new_chat")


def test_g8_sounds_section_without_a_device_says_so(qtbot: Any, local_store: LocalStore) -> None:
    """N5: with no audio output the section says the app stays silent; Play does nothing."""
    from PySide6.QtCore import QObject, Signal

    from jivo_desktop.ui.settings.sounds import SoundsSection

    class Chats(QObject):
        offered = Signal(object)
        visitor_message = Signal(int)

    effects = {name: FakeEffect() for name in SOUNDS}
    sounds = SoundService(Chats(), local_store, effects=effects, audio_available=lambda: False)  # type: ignore[arg-type]
    section = SoundsSection(sounds)
    qtbot.addWidget(section)
    assert section.no_device.isVisibleTo(section)
    section.play_buttons["new_chat"].click()
    assert all(not e.plays for e in effects.values())
