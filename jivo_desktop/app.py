"""The composition root: builds the services and the windows and wires them together."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog

from jivo_desktop import i18n
from jivo_desktop import platform as osp
from jivo_desktop.platform.autostart import autostart_for_this_machine
from jivo_desktop.platform.idle import IdleSource
from jivo_desktop.platform.notify import create_notifier
from jivo_desktop.services.account import AccountService
from jivo_desktop.services.actions import ChatActionsService
from jivo_desktop.services.app_settings import AppSettings
from jivo_desktop.services.audio import AudioSettings
from jivo_desktop.services.auto_away import AutoAwayService
from jivo_desktop.services.call_log import CallLogService
from jivo_desktop.services.calling import CallingService, RecentCall
from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.crm import CrmService
from jivo_desktop.services.files import FilesService
from jivo_desktop.services.hotkeys import HotkeyService
from jivo_desktop.services.logs import LogService
from jivo_desktop.services.notifications import NotificationService
from jivo_desktop.services.phrases import PhrasesService
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.services.session import SessionService
from jivo_desktop.services.sounds import SoundService
from jivo_desktop.services.spelling import SpellService
from jivo_desktop.services.team import TeamService
from jivo_desktop.services.typing_hints import TypingHints
from jivo_desktop.services.visitors import VisitorsService
from jivo_desktop.store import LocalStore
from jivo_desktop.tasks import spawn
from jivo_desktop.ui.common import style
from jivo_desktop.ui.common.emoji_font import colour_emoji_family
from jivo_desktop.ui.inbox.spelling import SpellCheckAssist
from jivo_desktop.ui.inbox.typing_hints import TypingHintAssist
from jivo_desktop.ui.main_window import MainWindow
from jivo_desktop.ui.notifications.invitation_toast import InvitationToasts
from jivo_desktop.ui.notifications.reminder_toast import ReminderToasts
from jivo_desktop.ui.notifications.toast_manager import ToastManager
from jivo_desktop.ui.notifications.tray import TrayController
from jivo_desktop.ui.settings.build import SettingsServices, build_settings_sections
from jivo_desktop.ui.sign_in import SignInWindow
from server import protocol as p

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
        self.account = AccountService(self.session)
        self.files = FilesService(self.session)
        # G6: the interface language before any window exists (later: i18n.set_language).
        i18n.apply_language(i18n.stored_language(self.store))
        colour_emoji_family()  # C13: emoji in colour wherever the system has the font
        # Ajustes → the app: stored locally, applied at once (G1, G2, G5, G6, G9).
        self.settings = AppSettings(self.store, self)
        self.hotkeys = HotkeyService(self.store, self)
        self.settings.theme_changed.connect(self._on_settings_theme_changed)
        self.sign_in_window = SignInWindow(self.session)
        self.tray = TrayController(
            self.session,
            self.chats,
            on_open=self._on_tray_open,
            on_sign_out=self.session.sign_out,
            on_quit=qapp.quit,
        )
        self.actions = ChatActionsService(self.session, self.chats, self.team)
        self.phrases = PhrasesService(self.session)
        self.crm = CrmService(self.session)  # issue 17: Clientes, Tareas, Embudo de ventas
        # P1: calls through the agent's softphone (tel:, sip:, callto:).
        self.calling = CallingService(self.store, self, account=lambda: self.session.account)
        self.call_log = CallLogService(self.session, self)  # on the relay; admins see all
        self.log_dialog: QDialog | None = None
        self._pending_calls: list[tuple[str, str]] = []  # --log-call before the sign-in
        self.main_window = MainWindow(
            self.session,
            self.chats,
            self.team,
            keep_in_tray=lambda: self.tray.available,
            visitors=self.visitors,
            files=self.files,
            chat_actions=self.actions,
            phrases=self.phrases,
            hotkeys=self.hotkeys,
            account=self.account,  # T3: admins edit agents from Equipo
            crm=self.crm,
            calling=self.calling,
            call_log=self.call_log,
        )
        # P1: every call the app starts is logged, then the agent tells how it went.
        self.calling.dialed.connect(self._on_calling_dialed)
        self.call_log.log_requested.connect(self.open_log_dialog)
        self.call_log.logged.connect(self._on_call_log_logged)
        # R2: a task's reminder; Open brings up its chat (or its client).
        self.reminder_toasts = ReminderToasts(self.crm)
        self.reminder_toasts.open_requested.connect(self.main_window.open_task)
        # C7/C9: a colleague's invitation or transfer offer, in the corner of the screen.
        self.invitation_toasts = InvitationToasts(self.actions)
        # N6: with a tray, closing the window keeps the app running there; without one
        # (some desktops have none), closing the last window quits, or nothing could.
        qapp.setQuitOnLastWindowClosed(not self.tray.available)
        # N1/N2/N4/N7: the toast (or the OS's notification) for every offer; N5: sounds.
        self.toasts = ToastManager(self.chats, self.accept_from_toast, on_call=self.call_from_toast)
        self.notifications = NotificationService(
            self.chats, self.store, self.toasts, create_notifier(self.tray.tray)
        )
        self.notifications.open_requested.connect(self.main_window.show_chat)
        self.sounds = SoundService(self.chats, self.store)
        self.visitors.arrived.connect(self.sounds.on_new_visitor)  # N5
        self.main_window.team_page.chat_requested.connect(self.chats.open_direct)
        self.main_window.inbox.chat_requested.connect(self.chats.open_direct)  # C1
        self.idle = idle or osp.idle_source()
        # Start at login (Ajustes > General: jivo_desktop/ui/settings/autostart.py).
        self.autostart = autostart_for_this_machine()
        self.auto_away = AutoAwayService(self.session, self.idle, self.store)
        # G9: Ctrl+R also works with the app in the background, where the OS allows it.
        self.global_accept = osp.global_hotkeys(None, parent=self)
        self._global_key = ""
        self._register_global_accept(self.hotkeys.sequence("accept"))
        self.hotkeys.changed.connect(self._on_hotkeys_changed)
        self.hotkeys.global_accept_changed.connect(self._on_hotkeys_global_accept_changed)
        # G5: the composer underlines misspelled words (the dictionary loads in a thread).
        self.spelling = SpellService(self.settings, self.store, parent=self)
        self.spell_assist = SpellCheckAssist(
            self.main_window.inbox.conversation.composer, self.spelling
        )
        # G2: the phrases I send often, offered while I type (Tab takes one).
        self.typing_hints = TypingHints(
            self.settings, self.store, self.chats, self, account=lambda: self.session.account
        )
        self.hint_assist = TypingHintAssist(
            self.main_window.inbox.conversation.composer, self.typing_hints
        )
        # G10: the rotating log files of __main__ go to the relay on request.
        self.logs = LogService(self.session, data_dir / "logs", self)
        self.audio = AudioSettings(self.store, parent=self)  # G7: the microphone
        build_settings_sections(
            self.main_window.settings_page,
            SettingsServices(
                settings=self.settings,
                auto_away=self.auto_away,
                notifications=self.notifications,
                autostart=self.autostart,
                idle=self.idle,
                audio=self.audio,
                sounds=self.sounds,
                hotkeys=self.hotkeys,
                global_accept=self.global_accept,
                account=self.account,
                visitors=self.visitors,
                actions=self.actions,
                logs=self.logs,
                crm=self.crm,
                calling=self.calling,
            ),
        )
        self.session.signed_in.connect(self._on_session_signed_in)
        self.session.signed_out.connect(self._on_session_signed_out)
        self.session.sign_in_failed.connect(self._on_session_sign_in_failed)
        qapp.applicationStateChanged.connect(self._on_qapp_application_state_changed)
        # The style sheet once every window is built, not before: with a sheet in place each
        # widget added to a layout is polished again, which took half of building the windows
        # (issue 15); set afterwards, Qt polishes each widget once. The same pixels (compared).
        qapp.setStyleSheet(style.stylesheet(self.settings.theme))

    def start(self, sign_in: tuple[str, str, str] | None = None) -> None:
        """The one start path (B1): the tray icon and the OS's notifications, then the window.
        ``sign_in`` (relay, e-mail, password: ``make run``'s options) signs in without typing;
        otherwise a remembered session is restored, or the sign-in window asks."""
        self.tray.show()
        spawn(self.notifications.start(), "notifications")
        if sign_in is not None:
            relay, email, password = sign_in
            self.sign_in_window.show()  # shows "Signing in…" until the relay answers
            self.session.sign_in(relay, email, password, False)
        elif self.session.restore():
            self.main_window.show()  # shows "Connecting…" until the relay answers
        else:
            self.sign_in_window.show()

    def handle_message(self, message: str) -> None:
        """From a second launch: ``activate`` brings the window forward; ``accept`` takes the
        oldest waiting chat (``jivo-desktop --accept``, bindable where global hotkeys are not
        possible); ``log-call\t<in|out>\t<number>`` logs a call a softphone reports and opens
        the log dialog (``jivo-desktop --log-call NUMBER --direction in``)."""
        if message.startswith("log-call\t"):
            _, direction, number = [*message.split("\t"), "", ""][:3]
            found = self.calling.check(number)
            if direction in ("in", "out") and (found.e164 or found.problem == "invalid"):
                if self.session.welcome is None:  # logged once the relay answers
                    self._pending_calls = [*self._pending_calls, (found.e164 or number,
                                                                  direction)][-10:]  # fmt: skip
                else:
                    self.call_log.start(found.e164 or number, direction=direction)
            else:
                log.warning("--log-call with an unusable number or direction: %r", message)
            return
        if message == "accept":
            chat_id = self.chats.accept_oldest()
            self.main_window.show_chat(chat_id)
        elif self.session.welcome is not None:
            self.main_window.bring_forward()
        else:
            self.sign_in_window.show()
            self.sign_in_window.raise_()
            self.sign_in_window.activateWindow()

    def _on_calling_dialed(self, _uri: str, call: RecentCall) -> None:
        self.call_log.start(call.number, direction="out", client_id=call.client_id)

    def open_log_dialog(self, call: object) -> None:
        """P1: "log call" for ``call`` (a ``CallInfo``), over the main window."""
        from jivo_desktop.ui.phone.log_dialog import LogCallDialog

        if self.log_dialog is not None:
            self.log_dialog.close()
            self.log_dialog.deleteLater()
        assert isinstance(call, p.CallInfo)
        dialog = LogCallDialog(self.call_log, self.calling, call, self.main_window)
        self.log_dialog = dialog
        dialog.open()

    def _on_call_log_logged(self, call: object) -> None:
        """The open CRM card of the call's client shows it on its timeline."""
        card = self.crm.card
        client_id = getattr(call, "client_id", None)
        if card is not None and client_id is not None and card.client.id == client_id:
            self.crm.open_client(client_id)

    def accept_from_toast(self, chat_id: int) -> None:
        """N2: Accept opens the app on that chat."""
        self.chats.accept(chat_id)
        self.main_window.show_chat(chat_id)

    def call_from_toast(self, chat_id: int) -> None:
        """P2: Call on a callback request: the chat becomes this agent's, the number goes to
        the softphone (Ajustes → Calls) with the visitor's CRM client, and the log dialog
        opens (``calling.dialed`` → ``call_log.start``); the chat opens behind it."""
        spawn(self._call_back(chat_id), f"call-back-{chat_id}")

    async def _call_back(self, chat_id: int) -> None:
        chat = self.chats.chat(chat_id)
        if chat is None or not chat.info.callback_number:
            return
        info = chat.info
        if not await self.chats.accept_async(chat_id, show=False):
            return
        client = None
        if info.visitor is not None:
            client = await self.crm.client_for_visitor(info.visitor.id)
        name = (client.name if client is not None else "") or self.chats.display_name(chat)
        self.main_window.show_chat(chat_id)
        self.calling.call(
            info.callback_number, name=name, client_id=client.id if client is not None else 0
        )

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
        self.invitation_toasts.close()
        self.reminder_toasts.close()
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
        pending, self._pending_calls = self._pending_calls, []
        for number, direction in pending:  # P1: a softphone's hook before the sign-in
            self.call_log.start(number, direction=direction)
        self.typing_hints.switch_account()  # A4: this account's phrases only
        self.sign_in_window.hide()
        self.main_window.show()
        self.auto_away.start()
        self._start_global_accept()

    def _start_global_accept(self) -> None:
        keys = self.global_accept
        wanted = self.hotkeys.global_accept and self._global_key and not keys.running
        if wanted and not keys.start():
            log.info("global %s unavailable: %s", self._global_key, keys.reason)

    def _register_global_accept(self, sequence: str) -> None:
        if self._global_key:
            self.global_accept.unregister(self._global_key)
            self._global_key = ""
        if not sequence:
            return
        try:
            self._global_key = self.global_accept.register(sequence, self._on_global_accept)
        except ValueError as exc:  # a key pynput cannot listen for: in-app only
            log.info("global accept shortcut %s not possible: %s", sequence, exc)

    def _on_settings_theme_changed(self, theme: str) -> None:
        self.qapp.setStyleSheet(style.stylesheet(theme))

    def _on_hotkeys_changed(self, action: str, sequence: str) -> None:
        if action == "accept":
            self._register_global_accept(sequence)
            if self.session.welcome is not None:
                self._start_global_accept()

    def _on_hotkeys_global_accept_changed(self, enabled: bool) -> None:
        if not enabled:
            self.global_accept.stop()
        elif self.session.welcome is not None:
            self._start_global_accept()

    def _on_session_signed_out(self) -> None:
        self.typing_hints.switch_account()
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
