"""Ajustes: the sections listed on the left, the chosen one on the right.

Every section is a plain widget of its own module, built with the services it changes; the
composition root adds them (``add_section``), so this page knows none of them. Each section
sits in a scroll area: a small window or a long translation never cuts a control off.

A section may be given as a function that builds it: it is then built when it is first shown
or first asked for (``sections[key]``), not at the app's start (issue 15: building every
section, the sound devices' check among them, cost the start ~15 MiB and a quarter second).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
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

SectionFactory = Callable[[], QWidget]


class Sections(Mapping[str, QWidget]):
    """The page's sections by key, in the list's order; one added as a factory is built when
    first looked up here."""

    def __init__(self) -> None:
        self._built: dict[str, QWidget] = {}
        self._factories: dict[str, tuple[SectionFactory, QVBoxLayout]] = {}
        self._order: list[str] = []

    def put(self, key: str, widget: QWidget | SectionFactory, body: QVBoxLayout) -> None:
        if key not in self._order:
            self._order.append(key)
        self._built.pop(key, None)
        self._factories.pop(key, None)
        if isinstance(widget, QWidget):
            body.insertWidget(1, widget)  # under the heading, above the stretch
            self._built[key] = widget
        else:
            self._factories[key] = (widget, body)

    def built(self, key: str) -> bool:
        return key in self._built

    def __getitem__(self, key: str) -> QWidget:
        widget = self._built.get(key)
        if widget is None:
            factory, body = self._factories.pop(key)  # KeyError: no such section
            widget = self._built[key] = factory()
            body.insertWidget(1, widget)
        return widget

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)


class SettingsPage(QWidget):
    """Signals: ``section_changed(str)`` (the key of the section shown)."""

    section_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nav = QListWidget()
        self.nav.setObjectName("SettingsNav")
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.stack = QStackedWidget()
        self.sections = Sections()
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

    def add_section(
        self, key: str, title: str | Callable[[], str], widget: QWidget | SectionFactory
    ) -> None:
        """Append a section (or replace the one with the same key). ``title``: a function
        giving it in the current language (asked again on a language switch), or a text.
        ``widget``: the section, or a function that builds it when it is first needed."""
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
        body_layout.addStretch(1)
        self.sections.put(key, widget, body_layout)
        scroll.setWidget(body)
        if key in self._keys:
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
        self._titles[key] = title_of
        self._headings[key] = heading
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)
        elif self.isVisible() and self.current == key:
            self._build_current()

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

    def showEvent(self, event: QShowEvent) -> None:
        self._build_current()
        super().showEvent(event)

    def _build_current(self) -> None:
        if self.current:
            self.sections[self.current]  # looking it up builds it

    def _on_nav_current_row_changed(self, row: int) -> None:
        if row >= 0 and self.isVisible():
            self._build_current()
        self.stack.setCurrentIndex(row + 1 if row >= 0 else 0)
        if row >= 0:
            self.section_changed.emit(self._keys[row])
