"""G3: away after N minutes without mouse or keyboard anywhere on the desktop; online again on
activity, but only if auto-away set it (a status the agent chose stays)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from jivo_desktop.platform.idle import IdleSource
from jivo_desktop.services.session import SessionService
from jivo_desktop.store import LocalStore

log = logging.getLogger(__name__)

SETTING = "auto_away.minutes"
DEFAULT_MINUTES = 10.0
ACTIVE_BELOW_SECONDS = 5.0


class AutoAwayService(QObject):
    """Signals: ``changed(bool)`` when auto-away switched the status (True: now away)."""

    changed = Signal(bool)

    def __init__(
        self,
        session: SessionService,
        idle: IdleSource,
        store: LocalStore,
        *,
        poll_ms: int = 5000,
    ) -> None:
        super().__init__()
        self.session = session
        self.idle = idle
        self.store = store
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.check)
        if not idle.available:
            log.info("auto-away unavailable: %s", idle.reason)

    @property
    def available(self) -> bool:
        return self.idle.available

    @property
    def minutes(self) -> float:
        """0 turns auto-away off."""
        return float(self.store.get(SETTING, DEFAULT_MINUTES))

    def set_minutes(self, minutes: float) -> None:
        self.store.set(SETTING, max(0.0, float(minutes)))

    def start(self) -> None:
        if self.idle.available:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> None:
        seconds = self.idle.idle_seconds()
        if seconds is None:
            return  # unknown idle time: never idle
        limit = self.minutes * 60
        if limit > 0 and seconds >= limit and self.session.status == "online":
            self.session.set_status("away", auto=True)
            self.changed.emit(True)
        elif self.session.auto_away and seconds < min(ACTIVE_BELOW_SECONDS, limit or 1e9):
            self.session.set_status("online")
            self.changed.emit(False)
