"""Recording what a batched write's runner answered (issue 15's fast paths): the test sees, for
each write of a batch, the runner's answer (a change, or ``PLAIN`` when it handed the write to
its plain form)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlalchemy as sa


def record_runner(
    monkeypatch: pytest.MonkeyPatch,
    owner: type,
    runner: Callable[[sa.Connection, Any], list[Any]],
) -> list[Any]:
    """Make ``owner.runner`` call ``runner`` and keep its answers in the list returned."""
    answers: list[Any] = []

    def recording(conn: sa.Connection, writes: Any) -> list[Any]:
        done = runner(conn, writes)
        answers.extend(done)
        return done

    monkeypatch.setattr(owner, "runner", recording)
    return answers
