"""Bidirectional text from visitors, shown safely (issue 12 item 7). No Qt here: services
use it for the texts they build, the widgets through :mod:`jivo_desktop.ui.common.plain`.

A visitor's name or file name may hold bidi controls: U+202E (RIGHT-TO-LEFT OVERRIDE) makes
``cv\u202egnp.exe`` read ``cvexe.png``, and an override left open also reorders the text after
it ("Leave the chat with …?"). :func:`isolate` wraps text in FSI…PDI, which ends every
embedding and override begun inside it, so it cannot reorder its surroundings; a file name
also gets its controls made visible (:func:`file_display_name`), so its real extension reads
last.
"""

from __future__ import annotations

import re
import unicodedata

FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
# Embeddings, overrides, isolates and marks: everything that can reorder what follows.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# Bidi classes that can reorder neighbouring text: right-to-left letters, Arabic digits and
# the explicit controls. Text without any of them shows the same isolated or not.
_REORDERING = frozenset(
    {"R", "AL", "AN", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
)


def needs_isolation(text: str) -> bool:
    """Whether ``text`` holds anything that could reorder the text around it."""
    if text.isascii():  # the common case, without looking at each character
        return False
    return any(unicodedata.bidirectional(c) in _REORDERING for c in text if ord(c) > 0x7F)


def isolate(text: str) -> str:
    """``text`` with each line in FSI…PDI, so its bidi controls and right-to-left letters
    cannot reorder the text around it (a label breaks lines with line separators, which do
    not end an override). Left-to-right text comes back unchanged: in the app's languages
    (all left-to-right) isolating it would change nothing."""
    if not needs_isolation(text):
        return text
    return "\n".join(f"{FSI}{line}{PDI}" for line in text.split("\n"))


def visible_controls(text: str) -> str:
    """``text`` with every bidi control replaced by a visible U+FFFD."""
    return BIDI_CONTROLS.sub("\ufffd", text)


def file_display_name(name: str) -> str:
    """A file name as shown to the agent: bidi controls made visible (``cv\u202egnp.exe`` shows
    as ``cv\ufffdgnp.exe``, its real extension last) and isolated from the text around it."""
    return isolate(visible_controls(name))
