"""A pytest plugin (loaded by tests/conftest.py): under ``CI=true`` a skipped test fails the run.

A missing system package must never again pass as a skip. The only skips CI accepts are of
tests that are impossible on this operating system, marked either way:

- ``@pytest.mark.os_only("windows")`` (or "macos", "linux", several allowed): the plugin skips
  the test on any other system, with a reason starting with :data:`IMPOSSIBLE`;
- ``pytest.skip(f"{IMPOSSIBLE} ...")``: a skip whose reason starts with that prefix.

Every other skip is listed at the end of the run and the exit status becomes 1.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import pytest

IMPOSSIBLE = "impossible on this OS:"
PLATFORMS = {"windows": "win32", "macos": "darwin", "linux": "linux"}


def ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "os_only(*systems): the test can only run on these systems (windows, macos, linux); "
        "elsewhere it skips, and CI=true accepts that skip",
    )
    config.pluginmanager.register(CiSkips(), "jivo-ci-skips")


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in item.iter_markers("os_only"):
        unknown = [name for name in marker.args if name not in PLATFORMS]
        if unknown or not marker.args:
            raise pytest.UsageError(f"os_only: unknown system(s) {unknown} in {item.nodeid}")
        if not any(sys.platform.startswith(PLATFORMS[name]) for name in marker.args):
            pytest.skip(f"{IMPOSSIBLE} needs {' or '.join(marker.args)}")


def _reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


class CiSkips:
    """Collects the skips that CI does not accept; fails the run and lists them at the end."""

    def __init__(self) -> None:
        self.skips: list[tuple[str, str]] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if not report.skipped or hasattr(report, "wasxfail"):
            return
        reason = _reason(report)
        if not reason.startswith(IMPOSSIBLE):
            self.skips.append((report.nodeid, reason))

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if ci() and self.skips and exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not (ci() and self.skips):
            return
        terminalreporter.section("CI=true: a skipped test fails the run", red=True)
        for nodeid, reason in self.skips:
            terminalreporter.write_line(f"SKIPPED (not allowed under CI) {nodeid}: {reason}")
        terminalreporter.write_line(
            f"{len(self.skips)} test(s) skipped: install what they need "
            "(scripts/install-system-deps.sh), or mark a test that cannot run on this OS "
            "with @pytest.mark.os_only(...)."
        )
