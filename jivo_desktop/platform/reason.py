"""Why an OS feature is unavailable, in words for the agent (G6) and for the log.

The platform layer has no widgets to call ``tr()`` on and must import without PySide6, so its
sentences are marked with :func:`QT_TRANSLATE_NOOP` (``pyside6-lupdate`` collects them under the
context ``platform``) and a :class:`Reason` translates them each time it is turned into text:
the settings page shows it in the current language, even after a language switch. Details
from the OS (an exception's message, a display name) go into ``{0}`` and stay as they are.
"""

from __future__ import annotations

CONTEXT = "platform"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for translation under ``context``; returns it unchanged."""
    return source


class Reason:
    """``str(reason)``: the sentence in the interface language, with ``args`` formatted into
    its ``{0}``, ``{1}``... (a :class:`Reason` argument is translated too); ``english``: the
    same for logs. A reason built from a plain ``str`` that was never marked stays as it is."""

    def __init__(self, source: str, *args: object) -> None:
        self.source = source
        self.args = args

    def __str__(self) -> str:
        try:
            from PySide6.QtCore import QCoreApplication
        except ImportError:  # the platform layer works without Qt (diagnostics, tests)
            template = self.source
        else:
            template = QCoreApplication.translate(CONTEXT, self.source)
        return template.format(*(str(arg) for arg in self.args)) if self.args else template

    @property
    def english(self) -> str:
        args = (arg.english if isinstance(arg, Reason) else arg for arg in self.args)
        return self.source.format(*args) if self.args else self.source

    def __repr__(self) -> str:
        return f"Reason({self.english!r})"


def as_reason(value: str | Reason) -> Reason:
    return value if isinstance(value, Reason) else Reason(value)


def joined(first: str | Reason, second: str | Reason) -> Reason:
    """``first; second``, each translated on its own."""
    return Reason("{0}; {1}", as_reason(first), as_reason(second))
