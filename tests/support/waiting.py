"""Waiting for Qt-side state from async tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any


async def until(condition: Callable[[], Any], timeout: float = 10.0) -> Any:
    """Poll ``condition`` on the running loop until it is truthy, and return its value.

    Qt state has no awaitable to wait on, and qtbot.waitUntil would start a nested Qt loop
    inside the asyncio one (PLATFORM.md); a short poll against a deadline is the safe way."""
    async with asyncio.timeout(timeout):
        while not (value := condition()):  # noqa: ASYNC110 - polling Qt state, see docstring
            await asyncio.sleep(0.01)
        return value
