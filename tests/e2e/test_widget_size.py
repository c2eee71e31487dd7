"""The widget stays small: one unminified, dependency-free file under 40 KB (V5)."""

from __future__ import annotations

import re
from pathlib import Path

WIDGET = Path(__file__).resolve().parents[2] / "server" / "widget" / "widget.js"
LIMIT = 40_000  # "under 40 KB", read strictly


def test_widget_size() -> None:
    """V5: widget.js is under 40 KB as served (no build step, no minifier), and it loads
    nothing else: no import, no second script, no request to a host but the relay."""
    data = WIDGET.read_bytes()
    assert len(data) < LIMIT, f"widget.js is {len(data)} bytes; the budget is {LIMIT}"
    text = data.decode("utf-8")
    assert not re.search(r"^\s*import\b|\bimport\(|\brequire\(", text, re.M)
    assert "fetch(" not in text and "XMLHttpRequest" not in text
    assert "innerHTML" not in text and "insertAdjacentHTML" not in text
    assert not (WIDGET.parent / "strings.js").exists()
