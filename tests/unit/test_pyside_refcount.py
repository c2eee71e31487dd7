"""Guard against a Qt binding that corrupts reference counts (PySide6 6.12.0 drops a reference
to None on every void method call; an app painting for a while then crashes)."""

from __future__ import annotations

import sys

import pytest


def test_void_qt_calls_keep_none_alive(qapp: object) -> None:
    from PySide6.QtGui import QColor, QPainter, QPixmap

    pixmap = QPixmap(16, 16)
    painter = QPainter(pixmap)
    try:
        before = sys.getrefcount(None)
        for _ in range(500):
            painter.save()
            painter.setPen(QColor("red"))
            painter.restore()
        after = sys.getrefcount(None)
    finally:
        painter.end()
    if after < before - 100:
        pytest.fail(f"PySide6 lost {before - after} references to None in 500 calls")
