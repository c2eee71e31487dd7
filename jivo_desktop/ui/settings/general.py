"""Ajustes → General: sidebar colour (G1), typing hints (G2), auto-away (G3), notification type
(N4), spell check (G5) and the interface language (G6). Every change is stored and applied at
once by the services; this widget only shows and forwards."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.i18n import LANGUAGES as LANGUAGE_NAMES
from jivo_desktop.services.app_settings import LANGUAGES, AppSettings
from jivo_desktop.ui.common.plain import PlainLabel

AWAY_MINUTES = (0, 5, 10, 15, 30, 60)
NOTIFICATION_KINDS = ("toast", "native", "none")


class AutoAway(Protocol):
    @property
    def available(self) -> bool: ...

    @property
    def minutes(self) -> float: ...

    def set_minutes(self, minutes: float) -> None: ...


class Notifications(Protocol):
    kind: str

    def set_type(self, kind: str) -> None: ...


class GeneralSection(QWidget):
    """``idle_reason``: why idle time is unknown here (shown under auto-away), asked again on
    every language switch."""

    def __init__(
        self,
        settings: AppSettings,
        auto_away: AutoAway,
        notifications: Notifications,
        idle_reason: Callable[[], str] = lambda: "",
        startup: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.auto_away = auto_away
        self.notifications = notifications
        self.idle_reason = idle_reason
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setVerticalSpacing(14)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.captions = {key: PlainLabel() for key in ("theme", "hints", "away", "notify", "spell")}
        self.captions["language"] = PlainLabel()
        self.captions["startup"] = PlainLabel()

        # G1
        self.dark = QRadioButton()
        self.light = QRadioButton()
        self.theme_group = QButtonGroup(self)
        self.theme_group.addButton(self.dark)
        self.theme_group.addButton(self.light)
        (self.light if settings.theme == "light" else self.dark).setChecked(True)
        self.dark.toggled.connect(self._on_theme_toggled)
        themes = QHBoxLayout()
        themes.addWidget(self.dark)
        themes.addWidget(self.light)
        themes.addStretch(1)
        form.addRow(self.captions["theme"], themes)

        # G2
        self.typing_hints = QCheckBox()
        self.typing_hints.setChecked(settings.typing_hints)
        self.typing_hints.toggled.connect(settings.set_typing_hints)
        form.addRow(self.captions["hints"], self.typing_hints)

        # G3
        self.away = QComboBox()
        current = round(auto_away.minutes)
        minutes = sorted({*AWAY_MINUTES, current})
        for value in minutes:
            self.away.addItem("", value)
        self.away.setCurrentIndex(self.away.findData(current))
        self.away.currentIndexChanged.connect(self._on_away_current_index_changed)
        form.addRow(self.captions["away"], self.away)
        self.away_note = PlainLabel()
        self.away_note.setObjectName("FieldLabel")
        self.away_note.setWordWrap(True)
        self.away_note.setVisible(not auto_away.available)
        form.addRow("", self.away_note)

        # N4
        self.notification = QComboBox()
        for kind in NOTIFICATION_KINDS:
            self.notification.addItem("", kind)
        self.notification.setCurrentIndex(max(0, self.notification.findData(notifications.kind)))
        self.notification.currentIndexChanged.connect(self._on_notification_current_index_changed)
        form.addRow(self.captions["notify"], self.notification)

        # G5
        self.spelling = QCheckBox()
        self.spelling.setChecked(settings.spelling)
        self.spelling_language = QComboBox()
        for code in LANGUAGES:
            self.spelling_language.addItem(LANGUAGE_NAMES[code], code)
        self.spelling_language.setCurrentIndex(
            self.spelling_language.findData(settings.spelling_language)
        )
        self.spelling_language.setEnabled(settings.spelling)
        self.spelling.toggled.connect(self._on_spelling_changed)
        self.spelling_language.currentIndexChanged.connect(self._on_spelling_changed)
        settings.spelling_changed.connect(self._on_settings_spelling_changed)
        spelling = QHBoxLayout()
        spelling.addWidget(self.spelling)
        spelling.addWidget(self.spelling_language)
        spelling.addStretch(1)
        form.addRow(self.captions["spell"], spelling)

        # G6: each language in its own name, so anyone finds theirs.
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.language.currentIndexChanged.connect(self._on_language_current_index_changed)
        form.addRow(self.captions["language"], self.language)

        # Start at login (the installers' autostart setting), when the composition root has one.
        self.startup = startup
        if startup is not None:
            form.addRow(self.captions["startup"], startup)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addLayout(form)
        self.retranslate()

    def retranslate(self) -> None:
        captions = {
            "theme": self.tr("Sidebar colour"),
            "hints": self.tr("Typing hints"),
            "away": self.tr("Away when idle"),
            "notify": self.tr("Notifications"),
            "spell": self.tr("Spell check"),
            "language": self.tr("Language"),
            "startup": self.tr("Startup"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.dark.setText(self.tr("Dark"))
        self.light.setText(self.tr("Light"))
        self.typing_hints.setText(self.tr("Suggest my frequent phrases while I type (Tab)"))
        self.typing_hints.setToolTip(self.tr("The phrases are kept on this computer only."))
        for i in range(self.away.count()):
            minutes = int(self.away.itemData(i))
            self.away.setItemText(
                i, self.tr("Off") if minutes == 0 else self.tr("After {0} minutes").format(minutes)
            )
        reason = self.idle_reason()
        self.away_note.setText(
            self.tr("Not possible on this computer: {0}").format(reason)
            if reason
            else self.tr("This computer does not tell the app how long you have been idle.")
        )
        texts = {
            "toast": self.tr("Jivo Live pop-up"),
            "native": self.tr("The system's notifications"),
            "none": self.tr("None"),
        }
        for i, kind in enumerate(NOTIFICATION_KINDS):
            self.notification.setItemText(i, texts[kind])
        self.spelling.setText(self.tr("Check my spelling in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_theme_toggled(self) -> None:
        self.settings.set_theme("dark" if self.dark.isChecked() else "light")

    def _on_away_current_index_changed(self, index: int) -> None:
        self.auto_away.set_minutes(float(self.away.itemData(index)))

    def _on_notification_current_index_changed(self, index: int) -> None:
        self.notifications.set_type(str(self.notification.itemData(index)))

    def _on_spelling_changed(self) -> None:
        on = self.spelling.isChecked()
        self.spelling_language.setEnabled(on)
        self.settings.set_spelling(on, str(self.spelling_language.currentData()))

    def _on_settings_spelling_changed(self, enabled: bool, language: str) -> None:
        """B11: the spell-check language changed elsewhere (it follows the interface's)."""
        for widget in (self.spelling, self.spelling_language):
            widget.blockSignals(True)
        self.spelling.setChecked(enabled)
        self.spelling_language.setCurrentIndex(self.spelling_language.findData(language))
        self.spelling_language.setEnabled(enabled)
        for widget in (self.spelling, self.spelling_language):
            widget.blockSignals(False)

    def _on_language_current_index_changed(self, index: int) -> None:
        self.settings.set_language(str(self.language.itemData(index)))
