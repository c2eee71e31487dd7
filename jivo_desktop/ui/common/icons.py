"""Icons painted at run time (no image files to ship or theme)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from jivo_desktop.ui.common import style


def status_dot(status: str, size: int = 12) -> QIcon:
    """T1: a green circle online, yellow away, an empty ring offline."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if status in ("online", "away"):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(style.status_colour(status)))
    else:
        painter.setPen(QPen(QColor(style.OFFLINE), 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)
