"""The composition root: builds the services and the windows and wires them together."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from jivo_desktop import i18n
from jivo_desktop import platform as osp
from jivo_desktop.platform.idle import IdleSource
from jivo_desktop.platform.notify import create_notifier
from jivo_desktop.services.auto_away import AutoAwayService
from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.files import FilesService
from jivo_desktop.services.notifications import NotificationService
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.services.session import SessionService
from jivo_desktop.services.sounds import SoundService
from jivo_desktop.services.team import TeamService
from jivo_desktop.services.visitors import VisitorsService
from jivo_desktop.store import LocalStore
from jivo_desktop.tasks import spawn
from jivo_desktop.ui import style
from jivo_desktop.ui.main_window import MainWindow
from jivo_desktop.ui.sign_in import SignInWindow
from jivo_desktop.ui.toast import ToastManager
from jivo_desktop.ui.tray import TrayController

log = logging.getLogger(__name__)


class DesktopApp(QObject):
    """One signed-in (or signing-in) agent app. ``start()`` shows the right window;
    ``handle_message()`` serves a second launch (``activate``, ``accept``)."""

    def __init__(
        self, qapp: QApplication, data_dir: Path, *, idle: IdleSource | None = None
    ) -> None:
        super().__init__()
        self.qapp = qapp
        self.store = LocalStore(data_dir / "local.db")
        self.secrets = Secrets()
        self.session = SessionService(self.store, self.secrets)
        self.team = TeamService(self.session)
        self.chats = ChatsService(self.session, self.store, self.team)
        self.visitors = VisitorsService(self.session)
        self.files = FilesService(self.session)
        # G6: the interface language before any window exists (later: i18n.set_language).
        i18n.apply_language(i18n.stored_language(self.store))
        qapp.setStyleSheet(style.stylesheet(str(self.store.get("ui.sidebar", "dark"))))
        self.sign_in_window = SignInWindow(self.session)
        self.tray = TrayController(
            self.session,
            self.chats,
            on_open=self._on_tray_open,
            on_sign_out=self.session.sign_out,
            on_quit=qapp.quit,
        )
        self.main_window = MainWindow(
            self.session,
            self.chats,
            self.team,
            keep_in_tray=lambda: self.tray.available,
            visitors=self.visitors,
            files=self.files,
        )
        # N6: with a tray, closing the window keeps the app running there; without one
        # (some desktops have none), closing the last window quits, or nothing could.
        qapp.setQuitOnLastWindowClosed(not self.tray.available)
        # N1/N2/N4/N7: the toast (or the OS's notification) for every offer; N5: sounds.
        self.toasts = ToastManager(self.chats, self.accept_from_toast)
        self.notifications = NotificationService(
            self.chats, self.store, self.toasts, create_notifier(self.tray.tray)
        )
        self.notifications.open_requested.connect(self.main_window.show_chat)
        self.sounds = SoundService(self.chats, self.store)
        self.visitors.arrived.connect(self.sounds.on_new_visitor)  # N5
        self.main_window.team_page.chat_requested.connect(self.chats.open_direct)
        self.idle = idle or osp.idle_source()
        self.auto_away = AutoAwayService(self.session, self.idle, self.store)
        # G9: Ctrl+R also works with the app in the background, where the OS allows it.
        self.global_accept = osp.global_hotkeys("Ctrl+R", self._on_global_accept, parent=self)
        self.session.signed_in.connect(self._on_session_signed_in)
        self.session.signed_out.connect(self._on_session_signed_out)
        self.session.sign_in_failed.connect(self._on_session_sign_in_failed)
        qapp.applicationStateChanged.connect(self._on_qapp_application_state_changed)

    def start(self) -> None:
        self.tray.show()
        spawn(self.notifications.start(), "notifications")
        if self.session.restore():
            self.main_window.show()  # shows "Connecting…" until the relay answers
        else:
            self.sign_in_window.show()

    def handle_message(self, message: str) -> None:
        """From a second launch: ``activate`` brings the window forward; ``accept`` takes the
        oldest waiting chat (``jivo-desktop --accept``, bindable where global hotkeys are not
        possible)."""
        if message == "accept":
            chat_id = self.chats.accept_oldest()
            self.main_window.show_chat(chat_id)
        elif self.session.welcome is not None:
            self.main_window.bring_forward()
        else:
            self.sign_in_window.show()
            self.sign_in_window.raise_()
            self.sign_in_window.activateWindow()

    def accept_from_toast(self, chat_id: int) -> None:
        """N2: Accept opens the app on that chat."""
        self.chats.accept(chat_id)
        self.main_window.show_chat(chat_id)

    def app_in_front(self) -> bool:
        from PySide6.QtCore import Qt

        return self.qapp.applicationState() == Qt.ApplicationState.ApplicationActive

    def _on_global_accept(self) -> None:
        log.info("global Ctrl+R")
        # With the app in front the in-app shortcut already did it: one press, one chat.
        if self.app_in_front():
            return
        chat_id = self.chats.accept_oldest()
        if chat_id:
            self.main_window.show_chat(chat_id)

    def _on_tray_open(self) -> None:
        if self.session.welcome is not None:
            self.main_window.bring_forward()
        else:
            self.sign_in_window.show()
            self.sign_in_window.raise_()

    async def shutdown(self) -> None:
        self.toasts.close()
        self.tray.hide()
        await self.notifications.notifier.close()
        self.auto_away.stop()
        self.global_accept.stop()
        self.idle.close()
        await self.session.shutdown()
        # Windows go through Qt's own deletion, never through Python's garbage collector at
        # some later moment (which crashed PySide6 at interpreter exit).
        for window in (self.main_window, self.sign_in_window):
            window.hide()
            window.deleteLater()
        self.store.close()

    # -------------------------------------------------------------- reactions

    def _on_session_signed_in(self, _welcome: object) -> None:
        self.sign_in_window.hide()
        self.main_window.show()
        self.auto_away.start()
        wanted = self.store.get("hotkeys.global_accept", True)
        if wanted and not self.global_accept.running and not self.global_accept.start():
            log.info("global Ctrl+R unavailable: %s", self.global_accept.reason)

    def _on_session_signed_out(self) -> None:
        self.auto_away.stop()
        self.global_accept.stop()
        self.main_window.hide()
        self.sign_in_window.show()

    def _on_session_sign_in_failed(self, _message: str) -> None:
        if self.session.welcome is None:
            self.main_window.hide()
            self.sign_in_window.show()

    def _on_qapp_application_state_changed(self, state: object) -> None:
        from PySide6.QtCore import Qt

        self.chats.set_window_active(state == Qt.ApplicationState.ApplicationActive)
