"""Showing visitor and colleague text safely: plain, never Qt rich text, and bidi-isolated.

Qt labels, message boxes and tooltips default to ``Qt::AutoText``: a string that looks like
HTML is rendered as HTML, and ``<img src>`` then loads local files (``/dev/zero`` aborts the
app). Security review 1, finding 1. So:

* every label is a :class:`PlainLabel` (or goes through :func:`set_plain`); the one label
  that shows a link goes through :func:`as_link_label`, whose text is built by :func:`set_link` from
  escaped parts;
* every tooltip (widget or model ``ToolTipRole``) that carries data goes through
  :func:`plain_tooltip`;
* every ``QMessageBox`` with data goes through :func:`plain_message_box`.

Issue 12 item 7: visitor text shown in a label is also wrapped by :func:`isolate`, and file
names by :func:`file_display_name` (both from :mod:`jivo_desktop.bidi`, re-exported here).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import QLabel, QMessageBox

from jivo_desktop.bidi import file_display_name, isolate, visible_controls

__all__ = [
    "RICH_PROPERTY",
    "PlainLabel",
    "as_link_label",
    "file_display_name",
    "isolate",
    "plain_message_box",
    "plain_tooltip",
    "set_link",
    "set_plain",
    "tooltip_text",
    "visible_controls",
]

RICH_PROPERTY = "jivo_rich"
"""Set on the few labels that are rich on purpose (their text is escaped by the helper)."""


class PlainLabel(QLabel):
    """A ``QLabel`` that always shows its text as plain text. Takes QLabel's arguments
    (``text``, ``parent``, window flags); the format is set before any text."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        text = args[0] if args and isinstance(args[0], str) else kwargs.pop("text", "")
        if args and isinstance(args[0], str):
            args = args[1:]
        super().__init__(*args, **kwargs)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if text:
            self.setText(text)


def set_plain(label: QLabel, text: str) -> None:
    """Show ``text`` in any label as plain text."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally. Qt has no plain-text tooltip: it renders a
    tooltip as rich text when ``Qt.mightBeRichText`` says so, so such text comes back escaped
    inside ``<p style='white-space:pre-wrap'>`` (line breaks kept), and any other text as it
    is (Qt shows it plain)."""
    if not GuiQt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def tooltip_text(tip: str) -> str:
    """What a tooltip made by :func:`plain_tooltip` reads as (tests and accessibility)."""
    prefix, suffix = "<p style='white-space:pre-wrap'>", "</p>"
    if tip.startswith(prefix) and tip.endswith(suffix):
        return html.unescape(tip[len(prefix) : -len(suffix)])
    return tip


def plain_message_box(box: QMessageBox) -> QMessageBox:
    """Make a message box show its text and informative text as plain text. Call it before
    setting text that holds data (and again after ``setInformativeText``, whose label Qt
    creates then)."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    return box


def as_link_label(label: QLabel) -> QLabel:
    """Make ``label`` show one link; set its text only with :func:`set_link`."""
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setProperty(RICH_PROPERTY, True)
    return label


def set_link(label: QLabel, href: str, text: str, empty: str = "—") -> None:
    """Show ``text`` (escaped) as a link to ``href`` (an internal name, escaped too)."""
    if not text:
        label.setText(html.escape(empty))
        return
    label.setText(f'<a href="{html.escape(href)}">{html.escape(text)}</a>')
