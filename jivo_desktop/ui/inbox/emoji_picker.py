"""The emoji picker of the composer's tool row (C13): a search field (names in the interface
language), a tab per category with the recently used ones first, and a grid. Opens with the
Emoji button or Ctrl+E; typing searches, Down goes to the grid, arrows move, Enter (or a click)
inserts, Escape closes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop import i18n
from jivo_desktop.services.emoji import EmojiService
from jivo_desktop.ui.common.emoji_font import emoji_font
from jivo_desktop.ui.common.plain import PlainLabel, plain_tooltip

TAB_ICONS = {
    "recent": "🕘",
    "smileys": "😀",
    "people": "👋",
    "nature": "🐶",
    "food": "🍕",
    "travel": "✈️",
    "activities": "⚽",
    "objects": "💡",
    "symbols": "🔣",
    "flags": "🏁",
}
CELL = 38


class EmojiPicker(QFrame):
    """Signals: ``picked(str)`` with the emoji the agent chose (the picker then closes)."""

    picked = Signal(str)

    def __init__(self, emoji: EmojiService, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.emoji = emoji
        self.setObjectName("EmojiPicker")
        self.setStyleSheet(
            "QFrame#EmojiPicker { background: white; border: 1px solid #c5d0cb; }"
            "QListWidget { border: none; }"
            "QListWidget::item:selected { background: #dcefe7; border-radius: 6px; }"
            "QTabBar::tab { padding: 3px 5px; min-width: 24px; }"
        )
        self.search = QLineEdit()
        self.search.setObjectName("EmojiSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.installEventFilter(self)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        self.tabs.setFont(emoji_font(self.font(), 12))
        self.tabs.setUsesScrollButtons(False)
        self.keys = ["recent", *emoji.categories()]
        for key in self.keys:
            self.tabs.addTab(TAB_ICONS[key])
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.grid = QListWidget()
        self.grid.setObjectName("EmojiGrid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setUniformItemSizes(True)
        self.grid.setGridSize(QSize(CELL, CELL))
        self.grid.setFont(emoji_font(self.font(), 18))
        self.grid.itemActivated.connect(self._on_grid_item_activated)
        self.grid.itemClicked.connect(self._on_grid_item_activated)
        self.grid.currentItemChanged.connect(self._on_grid_current_item_changed)
        self.grid.installEventFilter(self)
        self.status = PlainLabel()
        self.status.setObjectName("FieldLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.tabs)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.status)
        self.resize(10 * CELL + 40, 7 * CELL + 110)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search emoji by name"))
        names = {
            "recent": self.tr("Recently used"),
            "smileys": self.tr("Smileys and emotion"),
            "people": self.tr("People and body"),
            "nature": self.tr("Animals and nature"),
            "food": self.tr("Food and drink"),
            "travel": self.tr("Travel and places"),
            "activities": self.tr("Activities"),
            "objects": self.tr("Objects"),
            "symbols": self.tr("Symbols"),
            "flags": self.tr("Flags"),
        }
        for index, key in enumerate(self.keys):
            self.tabs.setTabToolTip(index, names[key])
        self.names = names

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "tabs"):
            self.retranslate()
        super().changeEvent(event)

    # -------------------------------------------------------------- showing

    def open_above(self, anchor: QWidget) -> None:
        """Show above ``anchor`` (the tool row), the recent ones first (or smileys when none),
        with the search field ready for typing."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(0 if self.emoji.recent() else 1)
        self.tabs.blockSignals(False)
        self._show_tab()
        where = anchor.mapToGlobal(QPoint(0, -self.height() - 4))
        self.move(where)
        self.show()
        self.search.setFocus()

    def shown_emojis(self) -> list[str]:
        return [self.grid.item(i).text() for i in range(self.grid.count())]

    def _fill(self, chars: list[str], empty: str) -> None:
        self.grid.clear()
        language = i18n.current_language()
        for char in chars:
            item = QListWidgetItem(char)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setSizeHint(QSize(CELL - 2, CELL - 2))
            item.setToolTip(plain_tooltip(self.emoji.name(char, language)))
            self.grid.addItem(item)
        if chars:
            self.grid.setCurrentRow(0)
        else:
            self.status.setText(empty)

    def _show_tab(self) -> None:
        key = self.keys[self.tabs.currentIndex()]
        if key == "recent":
            chars = self.emoji.recent()
        else:
            chars = self.emoji.in_category(key, i18n.current_language())
        self._fill(chars, self.tr("No emoji used yet: they will show here."))

    # -------------------------------------------------------------- reactions

    def _on_tabs_current_changed(self, _index: int) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._show_tab()

    def _on_search_text_changed(self, text: str) -> None:
        if not text.strip():
            self._show_tab()
            return
        self._fill(
            self.emoji.search(text, i18n.current_language()),
            self.tr("No emoji is called that."),
        )

    def _on_grid_current_item_changed(self, item: QListWidgetItem | None, _old: object) -> None:
        if item is not None:
            self.status.setText(self.emoji.name(item.text(), i18n.current_language()))

    def _on_grid_item_activated(self, item: QListWidgetItem) -> None:
        self.choose(item.text())

    def choose(self, char: str) -> None:
        self.emoji.used(char)
        self.hide()
        self.picked.emit(char)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.hide()
            return True
        if watched is self.search:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.grid.currentItem()
                if current is not None:
                    self.choose(current.text())
                return True
            if key == Qt.Key.Key_Down and self.grid.count():
                self.grid.setFocus()
                return True
        elif watched is self.grid and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.grid.currentItem()
            if current is not None:
                self.choose(current.text())
            return True
        return False
