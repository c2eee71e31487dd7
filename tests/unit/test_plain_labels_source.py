"""Finding 1: the app's labels come from the plain-text helper, never a bare QLabel."""

from __future__ import annotations

import re
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "jivo_desktop"
HELPER = APP / "ui" / "common" / "plain.py"
BARE_LABEL = re.compile(r"\bQLabel\(")
RICH = re.compile(r"TextFormat\.(RichText|AutoText)")


def test_no_bare_qlabel_or_rich_text_format_outside_the_helper() -> None:
    """Finding 1: a label made with ``QLabel(...)`` starts as AutoText, where visitor text
    that looks like HTML is rendered (and ``<img src>`` loads local files). Every label is a
    PlainLabel (jivo_desktop/ui/common/plain.py); rich text only through its ``as_link_label``."""
    offenders = []
    for path in sorted(APP.rglob("*.py")):
        if path == HELPER:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if BARE_LABEL.search(code) or RICH.search(code):
                offenders.append(f"{path.relative_to(APP.parent)}:{number}: {line.strip()}")
    assert offenders == []
