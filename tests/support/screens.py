"""Screenshots of the app for tests/artifacts/."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

LANGUAGES = ("en", "es", "pt", "ru")


def grab_with_popup(window: QWidget, popup: QWidget, path: Path) -> None:
    """The window with its popup (a window of its own) painted where it shows on screen."""
    shot = window.grab()
    painter = QPainter(shot)
    painter.drawPixmap(
        popup.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0)), popup.grab()
    )
    painter.end()
    shot.save(str(path))
