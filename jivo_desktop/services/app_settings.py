"""The app's own settings (Ajustes → the app), stored in the local database and announced at
once, so whoever applies them (the composition root, the composer) does it without a restart.

Keys (JSON values in ``LocalStore``): ``ui.sidebar`` (G1: "dark" | "light"), ``ui.language``
(G6: "en" | "es" | "pt" | "ru"), ``typing_hints.enabled`` (G2), ``spelling.enabled`` and
``spelling.language`` (G5). Auto-away (G3), the notification type (N4) and the sounds (N5, G8)
keep their settings in their own services.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from jivo_desktop import i18n
from jivo_desktop.store import LocalStore

SIDEBAR = "ui.sidebar"
LANGUAGE = i18n.SETTING  # "ui.language"
TYPING_HINTS = "typing_hints.enabled"
SPELLING = "spelling.enabled"
SPELLING_LANGUAGE = "spelling.language"

THEMES = ("dark", "light")
LANGUAGES = ("en", "es", "pt", "ru")
"""Interface and spell-check languages: English, Spanish, Portuguese, Russian."""


class AppSettings(QObject):
    """Signals: ``theme_changed(str)``, ``language_changed(str)``,
    ``typing_hints_changed(bool)``, ``spelling_changed(bool, str)`` (on, language)."""

    theme_changed = Signal(str)
    language_changed = Signal(str)
    typing_hints_changed = Signal(bool)
    spelling_changed = Signal(bool, str)

    def __init__(self, store: LocalStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def _choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        value = self.store.get(key, default)
        return value if value in choices else default

    # -------------------------------------------------------------- G1

    @property
    def theme(self) -> str:
        return self._choice(SIDEBAR, THEMES, "dark")

    def set_theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"sidebar theme must be one of {THEMES}, not {theme!r}")
        if theme != self.theme:
            self.store.set(SIDEBAR, theme)
            self.theme_changed.emit(theme)

    # -------------------------------------------------------------- G6

    @property
    def language(self) -> str:
        """The agent's choice, else the system's language if the app speaks it, else English."""
        return i18n.stored_language(self.store)

    def set_language(self, language: str) -> None:
        """Store the choice and switch every open window to it now (``jivo_desktop.i18n``)."""
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
        if language != self.language or self.store.get(LANGUAGE) != language:
            # B11: a spell check that spoke the old interface language follows the new one.
            follows = self.spelling_language == self.language
            i18n.set_language(self.store, language)
            self.language_changed.emit(language)
            if follows:
                self.store.set(SPELLING_LANGUAGE, language)
                self.spelling_changed.emit(self.spelling, language)

    # -------------------------------------------------------------- G2

    @property
    def typing_hints(self) -> bool:
        return bool(self.store.get(TYPING_HINTS, True))

    def set_typing_hints(self, enabled: bool) -> None:
        if bool(enabled) != self.typing_hints:
            self.store.set(TYPING_HINTS, bool(enabled))
            self.typing_hints_changed.emit(bool(enabled))

    # -------------------------------------------------------------- G5

    @property
    def spelling(self) -> bool:
        return bool(self.store.get(SPELLING, True))

    @property
    def spelling_language(self) -> str:
        """Defaults to the interface language."""
        return self._choice(SPELLING_LANGUAGE, LANGUAGES, self.language)

    def set_spelling(self, enabled: bool, language: str | None = None) -> None:
        language = language or self.spelling_language
        if language not in LANGUAGES:
            raise ValueError(f"spell-check language must be one of {LANGUAGES}")
        if bool(enabled) == self.spelling and language == self.spelling_language:
            return
        self.store.set(SPELLING, bool(enabled))
        self.store.set(SPELLING_LANGUAGE, language)
        self.spelling_changed.emit(bool(enabled), language)
