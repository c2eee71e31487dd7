"""Headless Chromium for the widget tests, through Playwright's async API.

The browser is Debian's ``chromium`` package (``/usr/bin/chromium``), installed by
``scripts/install-system-deps.sh``. ``playwright install`` cannot download a browser here and is
never called: Playwright only drives the system binary.

Usage (the fixtures in ``tests/conftest.py`` wrap this)::

    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await launch_chromium(pw)
        page = await browser.new_page()
        errors = collect_page_errors(page)
        ...
        await browser.close()

Chromium writes its profile and crash data under ``$HOME`` / ``$XDG_CONFIG_HOME``: ``make test``
points those at a temporary folder, and :func:`launch_chromium` accepts ``env`` to do the same.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Playwright is a test dependency; importing this module must not need it.
    from playwright.async_api import Browser, Page, Playwright

CHROMIUM_PATH = "/usr/bin/chromium"

CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

INSTALL_HINT = (
    f"Chromium was not found at {CHROMIUM_PATH}. Install Debian's `chromium` package with "
    "`sudo scripts/install-system-deps.sh` (`make test` runs it first). Do not run "
    "`playwright install`: it cannot download a browser here."
)


class ChromiumUnavailable(RuntimeError):
    """Debian's Chromium is not installed."""


def chromium_path() -> str:
    """The Chromium binary: ``/usr/bin/chromium`` unless ``JIVO_CHROMIUM`` names another."""
    return os.environ.get("JIVO_CHROMIUM") or CHROMIUM_PATH


def chromium_available() -> bool:
    return os.access(chromium_path(), os.X_OK)


async def launch_chromium(
    playwright: Playwright,
    *,
    extra_args: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    **launch_options: Any,
) -> Browser:
    """Launch headless Debian Chromium with the flags this project tests with.

    ``extra_args`` are appended to :data:`CHROMIUM_ARGS`; ``env`` replaces the browser's
    environment (give it a temporary ``HOME``); other keyword arguments go to
    ``playwright.chromium.launch`` (for example ``slow_mo`` or ``timeout``).
    """
    executable = chromium_path()
    if not os.access(executable, os.X_OK):
        raise ChromiumUnavailable(INSTALL_HINT)
    launch_options.setdefault("timeout", 30_000)
    if env is not None:
        launch_options["env"] = dict(env)
    return await playwright.chromium.launch(
        executable_path=executable,
        headless=True,
        chromium_sandbox=False,
        args=[*CHROMIUM_ARGS, *extra_args],
        **launch_options,
    )


def collect_page_errors(page: Page) -> list[str]:
    """Record uncaught page exceptions and console errors of ``page`` into the returned list.

    A widget must not break its host page: tests assert that this list stays empty.
    """
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page.on(
        "console",
        lambda msg: (
            errors.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None
        ),
    )
    return errors


def screenshot_dir() -> Path:
    """``tests/artifacts/screenshots`` (git-ignored), created on demand, for a person to look at."""
    path = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path
