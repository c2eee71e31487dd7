"""Guard against a Qt binding that corrupts reference counts (PySide6 6.12.0 drops a reference
to None on every void method call; an app painting for a while then crashes)."""

from __future__ import annotations

import gc
import sys

import pytest


def test_void_qt_calls_keep_none_alive(qapp: object) -> None:
    from PySide6.QtGui import QColor, QPainter, QPixmap

    pixmap = QPixmap(16, 16)
    painter = QPainter(pixmap)
    colour = QColor("red")
    gc.collect()
    gc.disable()  # other objects dying meanwhile would move None's count too
    try:
        before = sys.getrefcount(None)
        for _ in range(5000):
            painter.save()
            painter.setPen(colour)
            painter.restore()
        after = sys.getrefcount(None)
    finally:
        gc.enable()
        painter.end()
    # The broken release loses 3 a round (15,000 here); other threads' noise stays far below.
    if after < before - 2000:
        pytest.fail(f"PySide6 lost {before - after} references to None in 5,000 rounds")
