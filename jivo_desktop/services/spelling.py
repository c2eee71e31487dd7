"""G5: spell checking for English, Spanish, Portuguese and Russian.

The dictionaries are the word-frequency lists that ship inside ``pyspellchecker`` (nothing is
fetched at run time). One is loaded on first need (the first text in the composer, a change of
language) in a worker thread, so neither the start of the app nor a change of language waits
for it; until it is there, nothing is marked. Words the
agent adds ("add to dictionary") are stored in the local database, per language.

Those lists hold mostly base forms (measured: the Spanish one has "gracia" but not "gracias",
the Russian one 20 thousand words), so an inflected form of a listed word counts as known:
plurals and the usual English endings by rule, Russian by its stem. A typo inside a word is
still caught; one in an ending may pass.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from jivo_desktop.services.app_settings import LANGUAGES, AppSettings
from jivo_desktop.store import LocalStore

log = logging.getLogger(__name__)

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
"""A word: letters of any script, with inner apostrophes (don't, d'água)."""
PERSONAL = "spelling.words."


# (ending, what replaces it) pairs: "gracias" is known when "gracia" is.
INFLECTIONS = {
    "en": (
        ("'s", ""),
        ("s", ""),
        ("es", ""),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("er", ""),
        ("est", ""),
    ),
    "es": (("s", ""), ("es", ""), ("ces", "z")),
    "pt": (("s", ""), ("es", ""), ("ões", "ão"), ("ães", "ão"), ("is", "l"), ("ns", "m")),
}
RU_ENDINGS = sorted(
    [
        "а",
        "я",
        "о",
        "е",
        "ё",
        "ы",
        "и",
        "у",
        "ю",
        "ь",
        "й",
        "ой",
        "ей",
        "ом",
        "ем",
        "ам",
        "ям",
        "ах",
        "ях",
        "ами",
        "ями",
        "ого",
        "его",
        "ому",
        "ему",
        "ую",
        "юю",
        "ая",
        "яя",
        "ое",
        "ее",
        "ые",
        "ие",
        "ых",
        "их",
        "ым",
        "им",
        "ыми",
        "ими",
        "ть",
        "ться",
        "ет",
        "ит",
        "ут",
        "ют",
        "ат",
        "ят",
        "ешь",
        "ишь",
        "ем",
        "им",
        "ете",
        "ите",
        "ил",
        "ила",
        "ило",
        "или",
        "ся",
        "сь",
        "ов",
        "ев",
        "ий",
        "ый",
        "ую",
    ],
    key=len,
    reverse=True,
)


def _ru_stem(word: str) -> str:
    for ending in ("ся", "сь"):
        if word.endswith(ending) and len(word) - 2 >= 4:
            word = word[:-2]
            break
    for ending in RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


class Dictionary:
    """A pyspellchecker list and the inflection rules of its language."""

    def __init__(self, language: str, checker: Any) -> None:
        self.language = language
        self.checker = checker
        self.words: Any = checker.word_frequency.dictionary
        self.stems = {_ru_stem(w) for w in self.words} if language == "ru" else set()

    def known(self, word: str) -> bool:
        if word in self.words:
            return True
        if self.language == "ru":
            return len(word) >= 5 and _ru_stem(word) in self.stems
        for ending, base in INFLECTIONS.get(self.language, ()):
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) >= 2 and stem + base in self.words:
                return True
        return False

    def candidates(self, word: str) -> set[str]:
        """Known words one edit away. (Two edits, pyspellchecker's default, took 0.3 to 1.4 s
        for a 5 to 8 letter word here: too slow for a right-click.)"""
        return set(self.checker.known(self.checker.edit_distance_1(word)))

    def frequency(self, word: str) -> float:
        return float(self.checker.word_usage_frequency(word))


def load_dictionary(language: str) -> Dictionary:
    from spellchecker import SpellChecker

    return Dictionary(language, SpellChecker(language=language, distance=1))


class SpellService(QObject):
    """Signals: ``changed()`` whenever what counts as misspelled may have changed (a dictionary
    loaded, the language or the on/off switch changed, a word was added)."""

    changed = Signal()
    _loaded = Signal(str, object)  # from the loading thread, queued to this object's thread

    def __init__(
        self,
        settings: AppSettings,
        store: LocalStore,
        *,
        loader: Callable[[str], Any] = load_dictionary,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.store = store
        self._loader = loader
        self._checkers: dict[str, Any] = {}
        self._loading: set[str] = set()
        self._personal: dict[str, set[str]] = {}
        self._cache: dict[str, bool] = {}
        self._loaded.connect(self._on_loaded)
        settings.spelling_changed.connect(self._on_settings_spelling_changed)

    # -------------------------------------------------------------- state

    @property
    def enabled(self) -> bool:
        return self.settings.spelling

    @property
    def language(self) -> str:
        return self.settings.spelling_language

    def ready(self, language: str | None = None) -> bool:
        return (language or self.language) in self._checkers

    def prepare(self) -> None:
        """Start loading the current language's dictionary (in a thread) if spell check is on."""
        if self.enabled:
            self._load(self.language)

    def _load(self, language: str) -> None:
        if language in self._checkers or language in self._loading or language not in LANGUAGES:
            return
        self._loading.add(language)

        def work() -> None:
            try:
                checker = self._loader(language)
            except Exception:
                log.exception("the %s dictionary could not be loaded", language)
                checker = None
            try:
                self._loaded.emit(language, checker)
            except RuntimeError:  # the app ended while the dictionary loaded
                pass

        threading.Thread(target=work, name=f"spelling-{language}", daemon=True).start()

    def _on_loaded(self, language: str, checker: Any) -> None:
        self._loading.discard(language)
        if checker is None:
            return
        self._checkers[language] = checker
        log.info("spell check: %s dictionary loaded", language)
        if language == self.language:
            self._cache.clear()
            self.changed.emit()

    def _on_settings_spelling_changed(self, enabled: bool, language: str) -> None:
        self._cache.clear()
        if enabled:
            self._load(language)
        self.changed.emit()

    # -------------------------------------------------------------- checking

    def words(self, text: str) -> list[tuple[int, int, str]]:
        """(start, length, word) of every word of ``text``."""
        return [(m.start(), m.end() - m.start(), m.group()) for m in WORD.finditer(text)]

    def misspelled(self, word: str) -> bool:
        """True only when spell check is on, the dictionary is loaded and does not know the
        word (in any case), and the agent did not add it."""
        if not self.enabled or len(word) < 2:
            return False
        checker = self._checkers.get(self.language)
        if checker is None:
            return False
        cached = self._cache.get(word)
        if cached is None:
            lower = word.lower().replace("’", "'")
            cached = lower not in self._personal_words() and not checker.known(lower)
            self._cache[word] = cached
        return cached

    def suggestions(self, word: str, limit: int = 5) -> list[str]:
        """The likeliest corrections first, in the word's own capitalisation."""
        checker = self._checkers.get(self.language)
        if checker is None:
            return []
        candidates = checker.candidates(word.lower())
        ranked = sorted(candidates, key=lambda w: (-checker.frequency(w), w))
        ranked = [w for w in ranked if w != word.lower()][:limit]
        if word[:1].isupper():
            upper = word.isupper() and len(word) > 1
            ranked = [w.upper() if upper else w[:1].upper() + w[1:] for w in ranked]
        return ranked

    # -------------------------------------------------------------- the agent's own words

    def _personal_words(self) -> set[str]:
        words = self._personal.get(self.language)
        if words is None:
            stored = self.store.get(PERSONAL + self.language, [])
            words = self._personal[self.language] = {str(w) for w in stored}
        return words

    def add_word(self, word: str) -> None:
        words = self._personal_words()
        words.add(word.lower().replace("’", "'"))
        self.store.set(PERSONAL + self.language, sorted(words))
        self._cache.clear()
        self.changed.emit()
