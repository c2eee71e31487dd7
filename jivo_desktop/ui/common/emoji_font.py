"""Emoji in colour on every OS (C13). Qt draws an emoji with the first font that has the glyph;
without help that may be a black-and-white one (DejaVu has a few hundred). So the app names the
colour emoji font of the system as its emoji font (Qt 6.9+ uses it for every emoji sequence;
the picker also asks for it by name). Linux: the ``.deb`` depends on ``fonts-noto-color-emoji``;
Windows and macOS ship one. Where none is installed the app says so once in its log and keeps
the system's fallback: emoji still show, in black and white, or as boxes for the newest ones."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

log = logging.getLogger(__name__)

COLOUR_FONTS = (
    "Noto Color Emoji",  # Linux (fonts-noto-color-emoji), Android, ChromeOS
    "Apple Color Emoji",  # macOS
    "Segoe UI Emoji",  # Windows
    "Twemoji",
    "JoyPixels",
    "EmojiOne Color",
)

_chosen: str | None = None


def colour_emoji_family() -> str:
    """The colour emoji font in use ("" when the system has none); the first call installs it
    as the application's emoji font."""
    global _chosen
    if _chosen is None:
        families = set(QFontDatabase.families())
        _chosen = next((name for name in COLOUR_FONTS if name in families), "")
        if _chosen:
            setter = getattr(QFontDatabase, "setApplicationEmojiFontFamilies", None)
            if setter is not None:  # Qt 6.9+
                setter([_chosen])
        else:
            log.info("no colour emoji font installed: emoji use the system's fallback glyphs")
    return _chosen


def emoji_font(base: QFont, point_size: int) -> QFont:
    """``base`` at ``point_size``, with the colour emoji font first where there is one."""
    font = QFont(base)
    font.setPointSize(point_size)
    family = colour_emoji_family()
    if family:
        font.setFamilies([family, *base.families()])
    return font
