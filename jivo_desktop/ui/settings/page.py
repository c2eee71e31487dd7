"""Ajustes: the sections listed on the left, the chosen one on the right.

Every section is a plain widget of its own module, built with the services it changes; the
composition root adds them (``add_section``), so this page knows none of them. Each section
sits in a scroll area: a small window or a long translation never cuts a control off.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.ui.common.plain import PlainLabel


class SettingsPage(QWidget):
    """Signals: ``section_changed(str)`` (the key of the section shown)."""

    section_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nav = QListWidget()
        self.nav.setObjectName("SettingsNav")
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.stack = QStackedWidget()
        self.sections: dict[str, QWidget] = {}
        self._keys: list[str] = []
        self._titles: dict[str, Callable[[], str]] = {}
        self._headings: dict[str, QLabel] = {}
        self.empty = PlainLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        self.title = title = PlainLabel()
        title.setObjectName("PanelTitle")
        title.setContentsMargins(14, 14, 14, 6)
        left = QWidget()
        left.setObjectName("SettingsLeft")
        left.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        left.setFixedWidth(210)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(title)
        left_layout.addWidget(self.nav, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(left)
        layout.addWidget(self.stack, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        self.empty.setText(self.tr("No settings yet."))
        for row, key in enumerate(self._keys):
            text = self._titles[key]()
            self._headings[key].setText(text)
            item = self.nav.item(row)
            if item is not None:
                item.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def add_section(self, key: str, title: str | Callable[[], str], widget: QWidget) -> None:
        """Append a section (or replace the one with the same key). ``title``: a function
        giving it in the current language (asked again on a language switch), or a text."""
        title_of = title if callable(title) else (lambda text=title: text)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(32, 24, 32, 24)
        heading = PlainLabel(title_of())
        heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        body_layout.addWidget(heading)
        body_layout.addWidget(widget)
        body_layout.addStretch(1)
        scroll.setWidget(body)
        if key in self.sections:
            row = self._keys.index(key)
            old = self.stack.widget(row + 1)
            self.stack.insertWidget(row + 1, scroll)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            item = self.nav.item(row)
            assert item is not None
            item.setText(title_of())
        else:
            self._keys.append(key)
            self.stack.addWidget(scroll)
            self.nav.addItem(QListWidgetItem(title_of()))
        self.sections[key] = widget
        self._titles[key] = title_of
        self._headings[key] = heading
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def show_section(self, key: str) -> None:
        self.nav.setCurrentRow(self._keys.index(key))

    def set_section_visible(self, key: str, visible: bool) -> None:
        """Show or hide a section in the list (the account's admin-only ones, A3); a hidden
        section that is on screen gives way to the first one."""
        row = self._keys.index(key)
        item = self.nav.item(row)
        assert item is not None
        item.setHidden(not visible)
        if not visible and self.nav.currentRow() == row:
            self.nav.setCurrentRow(0)

    def is_section_visible(self, key: str) -> bool:
        item = self.nav.item(self._keys.index(key))
        return item is not None and not item.isHidden()

    @property
    def current(self) -> str:
        row = self.nav.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else ""

    def _on_nav_current_row_changed(self, row: int) -> None:
        self.stack.setCurrentIndex(row + 1 if row >= 0 else 0)
        if row >= 0:
            self.section_changed.emit(self._keys[row])
