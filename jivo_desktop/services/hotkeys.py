"""G9: the app's keyboard shortcuts, editable, stored locally, with the guide's defaults.

Each action has one shortcut (Qt's portable text, as ``QKeySequence.toString()`` writes it;
empty: none). A shortcut another action already uses is refused, so one key never does two
things. ``hotkeys.global_accept`` says whether Accept also works with the app in the background.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence

from jivo_desktop.store import LocalStore

PREFIX = "hotkeys."
GLOBAL_ACCEPT = "hotkeys.global_accept"

DEFAULTS = {
    "accept": "Ctrl+R",
    "previous": "Ctrl+Up",
    "next": "Ctrl+Down",
    "close": "Ctrl+W",
    "block": "Ctrl+B",
    "transfer": "Ctrl+T",
}
"""The guide's defaults, in the order the settings page lists them."""


class HotkeyConflict(ValueError):
    """The shortcut belongs to another action (``action``)."""

    def __init__(self, sequence: str, action: str) -> None:
        super().__init__(f"{sequence} is already the shortcut of {action!r}")
        self.sequence = sequence
        self.action = action


def normalise(sequence: str) -> str:
    """One spelling per shortcut ("ctrl+r" and "Ctrl+R" are the same)."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.PortableText)


class HotkeyService(QObject):
    """Signals: ``changed(str, str)`` (action, new shortcut) for every change, including a
    reset; ``global_accept_changed(bool)``."""

    changed = Signal(str, str)
    global_accept_changed = Signal(bool)

    def __init__(self, store: LocalStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def actions(self) -> list[str]:
        return list(DEFAULTS)

    def sequence(self, action: str) -> str:
        if action not in DEFAULTS:
            raise KeyError(action)
        value = self.store.get(PREFIX + action, DEFAULTS[action])
        return normalise(value) if isinstance(value, str) else DEFAULTS[action]

    def all(self) -> dict[str, str]:
        return {action: self.sequence(action) for action in DEFAULTS}

    def owner(self, sequence: str, *, besides: str = "") -> str | None:
        """The action that has ``sequence``, other than ``besides``."""
        wanted = normalise(sequence)
        if not wanted:
            return None
        for action, current in self.all().items():
            if action != besides and current == wanted:
                return action
        return None

    def set(self, action: str, sequence: str) -> str:
        """Give ``action`` the shortcut (empty: none). Raises :class:`HotkeyConflict` when
        another action has it; nothing changes then."""
        if action not in DEFAULTS:
            raise KeyError(action)
        value = normalise(sequence)
        other = self.owner(value, besides=action)
        if other is not None:
            raise HotkeyConflict(value, other)
        if value != self.sequence(action):
            self.store.set(PREFIX + action, value)
            self.changed.emit(action, value)
        return value

    def reset(self) -> None:
        """Every action back to the guide's default."""
        old = self.all()
        for action, default in DEFAULTS.items():
            self.store.set(PREFIX + action, default)
        for action, default in DEFAULTS.items():
            if old[action] != default:
                self.changed.emit(action, default)

    @property
    def global_accept(self) -> bool:
        return bool(self.store.get(GLOBAL_ACCEPT, True))

    def set_global_accept(self, enabled: bool) -> None:
        if bool(enabled) != self.global_accept:
            self.store.set(GLOBAL_ACCEPT, bool(enabled))
            self.global_accept_changed.emit(bool(enabled))
