"""Synthesise the app's notification sounds (N5): ``python resources/sounds/make_sounds.py``.

Both are plain 16-bit mono 44.1 kHz WAV files, short enough for ``QSoundEffect`` to keep in
memory. The output is deterministic, so running this again changes nothing in git.

* ``new_chat.wav``: a rising two-note chime (G5 then C6), bell-like: each note is a sine with a
  little of its octave and twelfth, a 6 ms attack (no click) and an exponential decay.
* ``new_message.wav``: one soft, short blip (E6) that glides down a little, much quieter.
* ``bell.wav``, ``knock.wav``, ``pop.wav``: other choices in Ajustes → Sounds (G8): one long
  bell note (E6), two low knocks (G4), a short pop (B5).
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
HERE = Path(__file__).resolve().parent


def note(freq: float, start: float, length: float, decay: float, level: float) -> list[tuple]:
    """One bell-like note as (start, length, function of t) for :func:`render`."""

    def sample(t: float) -> float:
        attack = min(1.0, t / 0.006)
        envelope = attack * math.exp(-t / decay)
        tone = (
            math.sin(2 * math.pi * freq * t)
            + 0.25 * math.sin(2 * math.pi * 2 * freq * t)
            + 0.08 * math.sin(2 * math.pi * 3 * freq * t)
        )
        return level * envelope * tone / 1.33

    return [(start, length, sample)]


def blip(freq: float, length: float, level: float) -> list[tuple]:
    """A short sine that glides down by a few percent: soft, not a beep."""

    def sample(t: float) -> float:
        attack = min(1.0, t / 0.008)
        envelope = attack * math.exp(-t / 0.045)
        # The phase of a linear glide from freq to 0.94 * freq over ``length``.
        glide = freq * (t - 0.03 * t * t / length)
        return level * envelope * math.sin(2 * math.pi * glide)

    return [(0.0, length, sample)]


def render(parts: list[tuple], total: float) -> bytes:
    count = int(total * RATE)
    fade = int(0.02 * RATE)  # the last 20 ms fade to exact silence: no click at the end
    frames = bytearray()
    for i in range(count):
        t = i / RATE
        value = sum(f(t - start) for start, length, f in parts if start <= t < start + length)
        if i > count - fade:
            value *= (count - i) / fade
        value = max(-1.0, min(1.0, value))
        frames += struct.pack("<h", round(value * 32767))
    return bytes(frames)


def write(name: str, data: bytes) -> Path:
    path = HERE / name
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(data)
    return path


def main() -> None:
    chime = note(783.99, 0.0, 0.42, 0.11, 0.55) + note(1046.50, 0.13, 0.29, 0.12, 0.6)
    write("new_chat.wav", render(chime, 0.42))
    write("new_message.wav", render(blip(1318.51, 0.16, 0.35), 0.16))
    write("bell.wav", render(note(1318.51, 0.0, 0.45, 0.14, 0.6), 0.45))
    knock = note(392.0, 0.0, 0.13, 0.03, 0.75) + note(392.0, 0.15, 0.13, 0.03, 0.75)
    write("knock.wav", render(knock, 0.3))
    write("pop.wav", render(blip(987.77, 0.12, 0.5), 0.12))


if __name__ == "__main__":
    main()
