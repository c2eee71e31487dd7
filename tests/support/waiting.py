"""Waiting for Qt-side state from async tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any


def _process_qt_events() -> None:
    try:
        from PySide6.QtCore import QCoreApplication
    except ImportError:
        return
    if QCoreApplication.instance() is not None:
        QCoreApplication.processEvents()


async def until(condition: Callable[[], Any], timeout: float = 10.0) -> Any:
    """Poll ``condition`` on the running loop until it is truthy, and return its value.

    Async tests run on asyncio's loop, not Qt's: each poll also lets Qt deliver what is
    pending (timers, signals queued from other threads). qtbot.waitUntil would instead start a
    nested Qt loop inside the asyncio one (PLATFORM.md), so it is not used here."""
    async with asyncio.timeout(timeout):
        while True:
            _process_qt_events()
            value = condition()
            if value:
                return value
            await asyncio.sleep(0.01)
