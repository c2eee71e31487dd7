"""The emoji picker's catalogue (C13): every fully-qualified emoji of the ``emoji`` package
(without skin-tone variants, which would multiply the people by six), grouped in categories,
searchable by name in the agent's interface language (the package has en, es, pt and ru names),
with the ones this agent used recently first. Recents are local (one list per machine, like
the guide's typing hints): what an agent likes to send is nobody else's business.

The package has no Unicode groups, so :func:`category` places an emoji by the code-point
block of its first character, which follows Unicode's groups closely enough for browsing
(search is exact either way)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any, Protocol

import emoji as emoji_data
from PySide6.QtCore import QObject, Signal

RECENT_KEY = "emoji.recent"
MAX_RECENT = 24
MAX_RESULTS = 120
LANGUAGES = ("en", "es", "pt", "ru")

CATEGORIES = (
    "smileys",
    "people",
    "nature",
    "food",
    "travel",
    "activities",
    "objects",
    "symbols",
    "flags",
)
"""The picker's tabs, in Unicode's order (the recent ones come before them)."""

# (first, last, category): first match wins, so the exceptions inside a block come first.
_BLOCKS: tuple[tuple[int, int, str], ...] = (
    (0x1F1E6, 0x1F1FF, "flags"),
    (0x1F3F3, 0x1F3F4, "flags"),
    (0x1F6A9, 0x1F6A9, "flags"),
    (0x1F3C1, 0x1F3C1, "flags"),
    (0x1F38C, 0x1F38C, "flags"),
    (0x1F440, 0x1F450, "people"),  # hands first in their tab
    (0x1F645, 0x1F64F, "people"),  # gestures, inside the faces' block
    (0x1F600, 0x1F64F, "smileys"),
    (0x1F918, 0x1F91F, "people"),  # hands
    (0x1F926, 0x1F926, "people"),
    (0x1F910, 0x1F92F, "smileys"),
    (0x1F970, 0x1F97A, "smileys"),
    (0x1F9D0, 0x1F9D0, "smileys"),
    (0x1FAE0, 0x1FAEF, "smileys"),
    (0x1F479, 0x1F480, "smileys"),  # ogre, ghost, alien, skull
    (0x1F4A9, 0x1F4A9, "smileys"),
    (0x1F48B, 0x1F48B, "smileys"),
    (0x1F493, 0x1F49F, "smileys"),  # hearts
    (0x1F4A2, 0x1F4AB, "smileys"),
    (0x1F5A4, 0x1F5A4, "smileys"),
    (0x1F90D, 0x1F90E, "smileys"),
    (0x1FA75, 0x1FA77, "smileys"),
    (0x2763, 0x2764, "smileys"),
    (0x2639, 0x263A, "smileys"),
    (0x1F464, 0x1F487, "people"),
    (0x1F574, 0x1F57A, "people"),
    (0x1F590, 0x1F596, "people"),
    (0x1F6A3, 0x1F6A3, "people"),
    (0x1F6B4, 0x1F6B6, "people"),
    (0x1F6C0, 0x1F6C0, "people"),
    (0x1F6CC, 0x1F6CC, "people"),
    (0x1F930, 0x1F939, "people"),
    (0x1F93C, 0x1F93E, "people"),
    (0x1F9B0, 0x1F9B9, "people"),
    (0x1F9BB, 0x1F9BF, "people"),
    (0x1F9CD, 0x1F9CF, "people"),
    (0x1F9D1, 0x1F9DF, "people"),
    (0x1FAC0, 0x1FAC5, "people"),
    (0x1FAF0, 0x1FAF8, "people"),
    (0x1F3C3, 0x1F3C4, "people"),
    (0x1F3C7, 0x1F3CC, "people"),
    (0x261D, 0x261D, "people"),
    (0x26F9, 0x26F9, "people"),
    (0x270A, 0x270D, "people"),
    (0x1F400, 0x1F43F, "nature"),
    (0x1F330, 0x1F344, "nature"),
    (0x1F490, 0x1F490, "nature"),
    (0x1F4AE, 0x1F4AE, "nature"),
    (0x1F940, 0x1F940, "nature"),
    (0x1F54A, 0x1F54A, "nature"),
    (0x1F577, 0x1F578, "nature"),
    (0x1F980, 0x1F9AE, "nature"),
    (0x1FAB0, 0x1FABF, "nature"),
    (0x2618, 0x2618, "nature"),
    (0x1F345, 0x1F37F, "food"),
    (0x1FAD0, 0x1FADF, "food"),
    (0x1F950, 0x1F96F, "food"),
    (0x1F9C0, 0x1F9CB, "food"),
    (0x2615, 0x2615, "food"),
    (0x1F942, 0x1F944, "food"),
    (0x1F300, 0x1F32C, "travel"),  # sky and weather, the globes
    (0x1F3D4, 0x1F3F0, "travel"),
    (0x1F680, 0x1F6FF, "travel"),
    (0x2600, 0x2604, "travel"),
    (0x26C4, 0x26C8, "travel"),
    (0x26E9, 0x26FD, "travel"),
    (0x2708, 0x2708, "travel"),
    (0x1F380, 0x1F3D3, "activities"),
    (0x1F93A, 0x1F94F, "activities"),
    (0x1F9E9, 0x1F9E9, "activities"),
    (0x1FA80, 0x1FA8F, "activities"),
    (0x26BD, 0x26BE, "activities"),
    (0x2660, 0x2667, "activities"),
    (0x1F4A0, 0x1F53D, "objects"),
    (0x1F56F, 0x1F5FF, "objects"),
    (0x1F9F0, 0x1F9FF, "objects"),
    (0x1FA70, 0x1FAFF, "objects"),
    (0x231A, 0x23FF, "objects"),
    (0x2328, 0x2328, "objects"),
    (0x260E, 0x260E, "objects"),
    (0x2702, 0x2712, "objects"),
)


def _block(char: str) -> int:
    code = ord(char[0])
    for index, (first, last, _name) in enumerate(_BLOCKS):
        if first <= code <= last:
            return index
    return len(_BLOCKS)


def category(char: str) -> str:
    """The picker tab an emoji belongs to (one of :data:`CATEGORIES`)."""
    index = _block(char)
    return _BLOCKS[index][2] if index < len(_BLOCKS) else "symbols"


def _fold(text: str) -> str:
    """Lower case without accents ("Corazón" and "corazon" match), "_" as a space."""
    text = unicodedata.normalize("NFKD", text.replace("_", " ").strip(": ").casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def display_name(char: str, language: str) -> str:
    """The emoji's name in ``language`` ("cara sonriendo"), English where that has none."""
    info = _catalogue(language).names.get(char, {})
    name = info.get(language) or info.get("en") or ""
    return name.replace("_", " ").strip(": ")


class _Catalogue:
    def __init__(self, language: str) -> None:
        wanted = [lang for lang in ("en", language) if lang in LANGUAGES]
        if language != "en" and language in LANGUAGES:
            emoji_data.config.load_language(language)
        qualified = emoji_data.STATUS["fully_qualified"]
        self.names: dict[str, dict[str, str]] = {}
        self.by_category: dict[str, list[str]] = {name: [] for name in CATEGORIES}
        self.folded: list[tuple[str, str, str]] = []  # (char, name in language, English name)
        data: dict[str, dict[str, Any]] = emoji_data.EMOJI_DATA
        # Block by block, so each tab starts with its best-known part (the faces: 😀 first).
        for char in sorted(data, key=lambda c: (_block(c), [ord(x) for x in c])):
            info = data[char]
            if info.get("status") != qualified or any(0x1F3FB <= ord(c) <= 0x1F3FF for c in char):
                continue
            names = {lang: str(info[lang]) for lang in wanted if lang in info}
            self.names[char] = names
            self.by_category[category(char)].append(char)
            self.folded.append((char, _fold(names.get(language, "")), _fold(names.get("en", ""))))


@lru_cache(maxsize=4)
def _catalogue(language: str) -> _Catalogue:
    return _Catalogue(language)


def search(query: str, language: str) -> list[str]:
    """Emoji whose name in ``language`` matches ``query`` (each word of it starts a word of the
    name), those whose name starts with it first; English names after, as a fallback the
    agent may also know."""
    words = _fold(query).split()
    if not words:
        return []
    starts: list[str] = []
    others: list[str] = []
    english: list[str] = []
    for char, name, en in _catalogue(language).folded:
        if _matches(words, name):
            (starts if name.startswith(words[0]) else others).append(char)
        elif language != "en" and _matches(words, en):
            english.append(char)
    return (starts + others + english)[:MAX_RESULTS]


def _matches(words: list[str], name: str) -> bool:
    parts = name.split()
    return bool(parts) and all(any(p.startswith(w) for p in parts) for w in words)


class SettingsStore(Protocol):
    def get(self, key: str, default: Any = None) -> Any: ...
    def set(self, key: str, value: Any) -> None: ...


class EmojiService(QObject):
    """Signals: ``recent_changed()`` when the recently used list changed."""

    recent_changed = Signal()

    def __init__(self, store: SettingsStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def categories(self) -> tuple[str, ...]:
        return CATEGORIES

    def in_category(self, name: str, language: str) -> list[str]:
        return list(_catalogue(language).by_category[name])

    def search(self, query: str, language: str) -> list[str]:
        return search(query, language)

    def name(self, char: str, language: str) -> str:
        return display_name(char, language)

    def recent(self) -> list[str]:
        value = self.store.get(RECENT_KEY, [])
        if not isinstance(value, list):
            return []
        return [c for c in value if isinstance(c, str) and c in emoji_data.EMOJI_DATA][:MAX_RECENT]

    def used(self, char: str) -> None:
        """The agent inserted ``char``: it goes first among the recent ones."""
        recent = [char] + [c for c in self.recent() if c != char]
        self.store.set(RECENT_KEY, recent[:MAX_RECENT])
        self.recent_changed.emit()
