"""The interface language (G6): English, Spanish, Portuguese (Brazil) or Russian through Qt's
translation system.

``resources/i18n/jivo_<lang>.ts`` are the sources (in git); ``make translations`` builds the
``.qm`` files next to them (``pyside6-lrelease``), and ``make i18n-update`` runs ``pyside6-lupdate``
over ``jivo_desktop/`` to pick up new strings. Qt's own ``qtbase_<lang>.qm`` (shipped with
PySide6) translates the standard dialogs' buttons.

``apply_language()`` swaps the installed translators; Qt then sends every widget a
``LanguageChange`` event and each window re-sets its texts in ``retranslate()``. The choice is
stored in the local settings under :data:`SETTING` (``"en"``, ``"es"``, ``"pt"``, ``"ru"``); with
none stored, the system's language when it is one of the four, else English.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from jivo_desktop import paths

log = logging.getLogger(__name__)

SETTING = "ui.language"
DEFAULT = "en"
# Each language's own name (shown in the language selector untranslated, as is the custom).
LANGUAGES = {"en": "English", "es": "Español", "pt": "Português", "ru": "Русский"}
# The full locale each language stands for (Brazilian Portuguese; Qt's qtbase has pt_BR).
LOCALES = {"en": "en_US", "es": "es_ES", "pt": "pt_BR", "ru": "ru_RU"}

_installed: list[QTranslator] = []
_current = DEFAULT


class SettingsStore(Protocol):
    def get(self, key: str, default: Any = None) -> Any: ...
    def set(self, key: str, value: Any) -> None: ...


def translations_dir() -> Path:
    """``resources/i18n`` of the checkout or of the PyInstaller bundle."""
    return paths.resource("i18n")


def qm_path(language: str) -> Path:
    return translations_dir() / f"jivo_{language}.qm"


def system_language() -> str:
    """The system's language if the app speaks it, else English. ``JIVO_DESKTOP_LANGUAGE``
    stands in for the system's (the tests pin English with it)."""
    override = os.environ.get("JIVO_DESKTOP_LANGUAGE", "")
    if override in LANGUAGES:
        return override
    for name in (QLocale.system().name(), *QLocale.system().uiLanguages()):
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT


def stored_language(store: SettingsStore) -> str:
    """The agent's choice, or the system's language when there is none (or it is unknown)."""
    value = store.get(SETTING)
    return value if isinstance(value, str) and value in LANGUAGES else system_language()


def current_language() -> str:
    return _current


def city_name(city: str, names: dict[str, str] | None = None) -> str:
    """A city in the interface language where the city database has it ("Nueva York" in
    Spanish), else the relay's name for it."""
    if names:
        return (names.get(_current) or city or names.get(DEFAULT) or "").strip()
    return city.strip()


def locale() -> QLocale:
    """The interface language's locale (B9: dates and numbers written as its speakers do)."""
    return QLocale(LOCALES.get(_current, LOCALES[DEFAULT]))


def date_format() -> str:
    """The short date format of the interface language, always with separators (B9)."""
    text = locale().dateFormat(QLocale.FormatType.ShortFormat)
    # Qt's short formats use two-digit years in some locales ("dd/MM/yy"): keep four.
    if "yyyy" not in text:
        text = text.replace("yy", "yyyy")
    return text


def apply_language(language: str) -> str:
    """Install the translators for ``language`` (replacing the previous ones) and return the
    language now in effect: English when ``language`` is unknown or its ``.qm`` is not built."""
    global _current
    app = QCoreApplication.instance()
    if language not in LANGUAGES:
        log.warning("unknown interface language %r: using English", language)
        language = DEFAULT
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    if language != DEFAULT:
        ours = QTranslator()
        if ours.load(str(qm_path(language))):
            qt = QTranslator()
            if qt.load(
                QLocale(LOCALES[language]),
                "qtbase",
                "_",
                QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            ):
                _installed.append(qt)
            _installed.append(ours)  # installed last, so asked first
        else:
            log.warning("no %s (run `make translations`): using English", qm_path(language))
            language = DEFAULT
    for translator in _installed:
        if app is not None:
            app.installTranslator(translator)
    _current = language
    log.info("interface language: %s", language)
    return language


def set_language(store: SettingsStore, language: str) -> str:
    """The agent chose ``language``: store it and switch every open window now."""
    store.set(SETTING, language)
    return apply_language(language)
