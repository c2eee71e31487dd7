"""The GIF picker of the composer's tool row (C16): a search field (Enter searches; empty:
what is trending), a grid of previews loaded from the relay, and a click (or Enter on one) that
sends it. The provider is never contacted from here."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.gifs import GifService
from jivo_desktop.ui.common.plain import PlainLabel, plain_tooltip
from server import protocol as p

CELL = QSize(112, 84)


class GifPicker(QFrame):
    """Signals: ``picked(str)`` with the chosen result's token (the picker then closes)."""

    picked = Signal(str)

    def __init__(self, gifs: GifService, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.gifs = gifs
        self.setObjectName("GifPicker")
        self.setStyleSheet(
            "QFrame#GifPicker { background: white; border: 1px solid #c5d0cb; }"
            "QListWidget { border: none; }"
        )
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.search.installEventFilter(self)
        self.grid = QListWidget()
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setIconSize(CELL)
        self.grid.setGridSize(CELL + QSize(8, 8))
        self.grid.setUniformItemSizes(True)
        self.grid.itemClicked.connect(self._on_grid_item_activated)
        self.grid.itemActivated.connect(self._on_grid_item_activated)
        self.status = PlainLabel()
        self.status.setObjectName("FieldLabel")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.status)
        self.resize(4 * (CELL.width() + 8) + 40, 3 * (CELL.height() + 8) + 90)
        self._query = ""
        gifs.results.connect(self._on_gifs_results)
        gifs.preview_ready.connect(self._on_gifs_preview_ready)
        gifs.problem.connect(self._on_gifs_problem)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search GIFs, then Enter"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "search"):
            self.retranslate()
        super().changeEvent(event)

    def open_above(self, anchor: QWidget) -> None:
        """Show above the tool row with what is trending, ready for a search."""
        self.search.clear()
        self.move(anchor.mapToGlobal(QPoint(0, -self.height() - 4)))
        self.show()
        self.search.setFocus()
        self._start("")

    def tokens(self) -> list[str]:
        return [self.grid.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.grid.count())]

    def previews_shown(self) -> int:
        return sum(1 for i in range(self.grid.count()) if not self.grid.item(i).icon().isNull())

    def _start(self, query: str) -> None:
        self._query = query
        self.grid.clear()
        self.status.setText(self.tr("Searching…"))
        self.gifs.search(query)

    def _on_search_return_pressed(self) -> None:
        self._start(self.search.text())

    def _on_gifs_results(self, query: str, found: list[p.GifResult]) -> None:
        if query != self._query or not self.isVisible():
            return
        self.grid.clear()
        for gif in found:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, gif.token)
            item.setToolTip(plain_tooltip(gif.title))
            item.setSizeHint(CELL + QSize(4, 4))
            self.grid.addItem(item)
        self.status.setText("" if found else self.tr("No GIFs found."))
        if found:
            self.grid.setCurrentRow(0)

    def _on_gifs_preview_ready(self, token: str, data: bytes) -> None:
        image = QImage.fromData(data)
        if image.isNull():
            return
        icon = QIcon(
            QPixmap.fromImage(
                image.scaled(
                    CELL,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.FastTransformation,
                )
            )
        )
        for i in range(self.grid.count()):
            item = self.grid.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == token:
                item.setIcon(icon)

    def _on_gifs_problem(self, text: str) -> None:
        if self.isVisible():
            self.status.setText(text)

    def _on_grid_item_activated(self, item: QListWidgetItem) -> None:
        self.hide()
        self.picked.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.hide()
                return True
            if event.key() == Qt.Key.Key_Down and self.grid.count():
                self.grid.setFocus()
                return True
        return False
