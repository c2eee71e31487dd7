"""The relay's stop always ends: a connection handler stuck on something other than its
socket is named in the log and cancelled (a CI teardown once hung 120 s in ``Relay.stop``)."""

from __future__ import annotations

import asyncio
import logging

import pytest

from server.core.shutdown import bounded, close_handlers


async def test_a_stuck_handler_is_logged_and_cancelled(caplog: pytest.LogCaptureFixture) -> None:
    never: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    async def stuck_handler() -> None:
        await never  # a future nobody sets

    handler = asyncio.create_task(stuck_handler())
    handlers = {handler}

    async def wait_closed() -> None:  # what websockets' Server.wait_closed does: wait for them
        await asyncio.gather(*handlers, return_exceptions=True)

    await asyncio.sleep(0)
    with caplog.at_level(logging.WARNING, logger="server.core.shutdown"):
        await close_handlers(wait_closed(), handlers, seconds=0.05)
    assert handler.cancelled()
    assert "1 connection handler(s) stuck" in caplog.text
    assert "stuck_handler" in caplog.text  # where it was waiting


async def test_a_step_that_ends_is_not_reported(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="server.core.shutdown"):
        assert await bounded("quick", asyncio.sleep(0), seconds=1)
        assert not await bounded("slow", asyncio.Event().wait(), seconds=0.05)
    assert "slow did not finish" in caplog.text and "quick" not in caplog.text
