"""The main window: the sidebar in the guide's order, the pages, the away switch (G11), the
connection state always in sight (X3), and the in-app hotkeys (G9)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.account import AccountService
from jivo_desktop.services.actions import ChatActionsService
from jivo_desktop.services.call_log import CallLogService
from jivo_desktop.services.calling import CallingService
from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.crm import CrmService
from jivo_desktop.services.files import FilesService
from jivo_desktop.services.hotkeys import HotkeyService
from jivo_desktop.services.phrases import PhrasesService
from jivo_desktop.services.session import SessionService
from jivo_desktop.services.statistics import StatisticsService
from jivo_desktop.services.team import TeamService
from jivo_desktop.services.visitors import VisitorsService
from jivo_desktop.tasks import spawn
from jivo_desktop.ui.common import style
from jivo_desktop.ui.common.placeholder import NotBuiltPage
from jivo_desktop.ui.common.plain import PlainLabel
from jivo_desktop.ui.crm.page import CrmPage
from jivo_desktop.ui.inbox.page import InboxPage
from jivo_desktop.ui.phone.page import PhonePage
from jivo_desktop.ui.settings.page import SettingsPage
from jivo_desktop.ui.statistics.page import StatisticsPage
from jivo_desktop.ui.team.page import TeamPage
from jivo_desktop.ui.visitors.page import VisitorsPage


class MainWindow(QMainWindow):
    """Signals: ``shortcut_activated(str)``: the in-app shortcut of an action (G9; the keys
    are the ones of ``services.hotkeys.DEFAULTS``) was pressed."""

    PAGES = ("inbox", "crm", "team", "phone", "visitors", "statistics", "settings")
    shortcut_activated = Signal(str)

    def __init__(
        self,
        session: SessionService,
        chats: ChatsService,
        team: TeamService,
        *,
        keep_in_tray: Callable[[], bool] = lambda: False,
        visitors: VisitorsService | None = None,
        files: FilesService | None = None,
        chat_actions: ChatActionsService | None = None,
        phrases: PhrasesService | None = None,
        hotkeys: HotkeyService | None = None,
        account: AccountService | None = None,
        statistics: StatisticsService | None = None,
        crm: CrmService | None = None,
        calling: CallingService | None = None,
        call_log: CallLogService | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.hotkeys = hotkeys or HotkeyService(session.store, self)
        self.chats = chats
        self.keep_in_tray = keep_in_tray
        self.resize(1180, 740)

        # ---- sidebar
        sidebar = QWidget()
        sidebar.setObjectName("Sidebar")
        sidebar.setFixedWidth(210)
        brand = PlainLabel("Jivo Live")
        brand.setStyleSheet("font-size: 18px; font-weight: 700; padding: 16px 16px 8px 16px;")
        self.nav = QListWidget()
        self.nav.setObjectName("Nav")
        self.nav.addItems(list(self.nav_titles()))
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.agent_name = PlainLabel()
        self.agent_name.setStyleSheet("font-weight: 600; padding: 0 16px;")
        self.connection = PlainLabel()
        self.connection.setObjectName("Muted")
        self.connection.setStyleSheet("padding: 0 16px;")
        self.status_switch = QPushButton()
        self.status_switch.setCheckable(True)
        self.status_switch.clicked.connect(self._on_status_switch_clicked)
        self.sign_out_button = QPushButton()
        self.sign_out_button.clicked.connect(self._on_sign_out_clicked)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 0, 0, 12)
        side.addWidget(brand)
        side.addWidget(self.nav, 1)
        side.addWidget(self.agent_name)
        side.addWidget(self.connection)
        buttons = QVBoxLayout()
        buttons.setContentsMargins(12, 6, 12, 0)
        buttons.addWidget(self.status_switch)
        buttons.addWidget(self.sign_out_button)
        side.addLayout(buttons)

        # ---- pages
        self.inbox = InboxPage(chats, team, files=files, chat_actions=chat_actions, phrases=phrases)
        self.team_page = TeamPage(team, account=account)
        self.visitors = visitors or VisitorsService(session)
        self.visitors_page = VisitorsPage(self.visitors)
        self.inbox.client_panel.set_visitors(self.visitors)
        self.crm = crm or CrmService(session)  # issue 17
        self.crm_page = CrmPage(self.crm, team)
        self.crm_page.chat_requested.connect(self.show_chat)
        self.inbox.client_panel.set_crm(self.crm, team)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.inbox)
        self.pages.addWidget(self.crm_page)
        self.pages.addWidget(self.team_page)
        # P1: Teléfono, the dialer; click-to-call from the client panel and the CRM card.
        self.calling = calling or CallingService(session.store, account=lambda: session.account)
        self.phone_page = PhonePage(self.calling, self.crm, call_log=call_log)
        self.pages.addWidget(self.phone_page)
        self.inbox.client_panel.call_requested.connect(self._on_call_requested)
        self.crm_page.clients.call_requested.connect(self._on_call_requested)
        self.calling.problem.connect(self._on_calling_problem)
        self.calling.no_handler.connect(self._on_calling_no_handler)
        self.no_handler_box: QMessageBox | None = None
        self.pages.addWidget(self.visitors_page)
        self.statistics = statistics or StatisticsService(session)
        self.statistics_page = StatisticsPage(self.statistics, team)
        self.statistics_page.chat_requested.connect(self._on_statistics_page_chat_requested)
        self.pages.addWidget(self.statistics_page)
        self.settings_page = SettingsPage()
        self.pages.addWidget(self.settings_page)
        self.visitors_page.rules_requested.connect(self._on_visitors_page_rules_requested)

        self.banner = PlainLabel()
        self.banner.setObjectName("Banner")
        self.banner.hide()
        self.problem = PlainLabel()
        self.problem.setObjectName("Problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self._problem_timer = QTimer(self)
        self._problem_timer.setSingleShot(True)
        self._problem_timer.setInterval(8000)
        self._problem_timer.timeout.connect(self.problem.hide)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.problem)
        right_layout.addWidget(self.pages, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)
        self.nav.setCurrentRow(0)
        self.retranslate()

        self.shortcuts: dict[str, QShortcut] = {}
        actions: dict[str, Callable[[], object]] = {
            "accept": chats.accept_oldest,
            "previous": lambda: chats.select_next(-1),
            "next": lambda: chats.select_next(1),
            "close": self._close_current_chat,
        }
        for name, sequence in self.hotkeys.all().items():
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            if name in actions:
                shortcut.activated.connect(actions[name])
            shortcut.activated.connect(lambda name=name: self.shortcut_activated.emit(name))
            self.shortcuts[name] = shortcut
        self.hotkeys.changed.connect(self._on_hotkeys_changed)
        # C8/C9: Ctrl+B and Ctrl+T act on the chat shown (the chat action toolbar).
        bar = self.inbox.conversation.chat_actions_bar
        self.shortcut_activated.connect(bar.trigger)
        for name, sequence in self.hotkeys.all().items():
            bar.set_hotkey(name, sequence)

        session.status_changed.connect(self._on_session_status_changed)
        session.connection_changed.connect(self._on_session_connection_changed)
        session.signed_in.connect(self._on_session_signed_in)
        chats.problem.connect(self._on_chats_problem)
        if files is not None:
            files.problem.connect(self._on_chats_problem)
        chats.current_changed.connect(self._on_chats_current_changed)
        self._on_session_status_changed(session.status)
        self._on_session_connection_changed(session.connection)
        if session.agent is not None:
            self._on_session_signed_in(None)

    # -------------------------------------------------------------- texts (G6)

    def nav_titles(self) -> tuple[str, ...]:
        """The sidebar's entries, in :attr:`PAGES` order, in the current language."""
        return (
            self.tr("Chats"),  # es: Centro de Atención
            self.tr("CRM"),
            self.tr("Team"),
            self.tr("Phone"),
            self.tr("Visitors"),
            self.tr("Statistics"),
            self.tr("Settings"),
        )

    def placeholder_texts(self) -> dict[int, str]:
        """What each page not built yet will hold, by sidebar row."""
        return {
            4: self.tr("Who is on your website right now."),
        }

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch)."""
        self.setWindowTitle(self.tr("Jivo Live"))
        titles = self.nav_titles()
        for row, title in enumerate(titles):
            item = self.nav.item(row)
            if item is not None:
                item.setText(title)
        for row, what in self.placeholder_texts().items():
            page = self.pages.widget(row)
            if isinstance(page, NotBuiltPage):
                page.set_texts(titles[row], what)
        self.sign_out_button.setText(self.tr("Sign out"))
        self._on_session_status_changed(self.session.status)
        self._on_session_connection_changed(self.session.connection)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -------------------------------------------------------------- reactions

    def _on_session_signed_in(self, _welcome: object) -> None:
        agent = self.session.agent
        self.agent_name.setText(agent.name if agent else "")

    def _on_hotkeys_changed(self, action: str, sequence: str) -> None:
        """G9: a shortcut changed in Ajustes works at once."""
        shortcut = self.shortcuts.get(action)
        if shortcut is not None:
            shortcut.setKey(QKeySequence(sequence))
        self.inbox.conversation.chat_actions_bar.set_hotkey(action, sequence)

    def _on_session_status_changed(self, status: str) -> None:
        online = status == "online"
        self.status_switch.setChecked(online)
        self.status_switch.setText(self.tr("● Online") if online else self.tr("● Away"))
        colour = style.ONLINE if online else style.AWAY
        self.status_switch.setStyleSheet(
            f"QPushButton {{ background: {colour}; color: #10231c; border: none; "
            "border-radius: 14px; padding: 6px 12px; font-weight: 600; }"
        )
        self.status_switch.setToolTip(
            self.tr("Online: you get new chats.")
            if online
            else self.tr("Away: no new chats; you keep your current ones.")
        )

    def _on_session_connection_changed(self, state: str) -> None:
        texts = {
            "connected": self.tr("Connected"),
            "connecting": self.tr("Connecting…"),
            "disconnected": self.tr("Reconnecting…"),
            "closed": self.tr("Not connected"),
        }
        self.connection.setText(texts.get(state, state))
        if state == "connected" or self.session.welcome is None:
            self.banner.hide()
        else:
            self.banner.setText(
                self.tr(
                    "Connection to the relay lost. Reconnecting by itself; what you write is "
                    "kept and sent as soon as it is back."
                )
            )
            self.banner.show()

    def _on_chats_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
        self._problem_timer.start()

    def _on_chats_current_changed(self, chat_id: int) -> None:
        if chat_id:
            self.nav.setCurrentRow(0)

    def _on_nav_current_row_changed(self, row: int) -> None:
        self.pages.setCurrentIndex(max(row, 0))

    def _on_status_switch_clicked(self) -> None:
        self.session.set_status("online" if self.status_switch.isChecked() else "away")

    def _on_sign_out_clicked(self) -> None:
        self.session.sign_out()

    def _close_current_chat(self) -> None:
        """Ctrl+W: exactly what the Leave chat button does (C3, C7)."""
        if self.chats.current:
            self.inbox.conversation.ask_leave(self.chats.current)

    def _on_visitors_page_rules_requested(self) -> None:
        """V3: the Visitantes page's button shows Ajustes > Automatic invitations."""
        self.nav.setCurrentRow(self.pages.indexOf(self.settings_page))
        self.settings_page.show_section("invitations")

    def _on_statistics_page_chat_requested(self, chat_id: int) -> None:
        """S1: a row of the statistics' chats opens that chat in the archive."""
        self.nav.setCurrentRow(self.pages.indexOf(self.inbox))
        self.inbox.show_archive.setChecked(True)
        self.inbox.archive_panel.show_chat_id(chat_id)

    def _on_call_requested(self, number: str, name: str, client_id: int) -> None:
        """P1: click-to-call (the client panel, the CRM card)."""
        self.calling.call(number, name=name, client_id=client_id)

    def _on_calling_problem(self, message: str) -> None:
        if self.pages.currentWidget() is not self.phone_page:  # the dialer shows its own
            self._on_chats_problem(message)

    def _on_calling_no_handler(self, _scheme: str, message: str) -> None:
        """P1: nothing opens the call's URI: the agent reads why and how to fix it (a call is
        never silently lost)."""
        box = self.no_handler_box
        if box is None:
            box = self.no_handler_box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(self.tr("The call did not start"))
        box.setText(message)
        box.open()

    def show_chat(self, chat_id: int) -> None:
        """Bring the window forward on a chat (Accept on a toast, a second launch)."""
        self.nav.setCurrentRow(0)
        if chat_id:
            self.chats.select(chat_id)
        self.bring_forward()

    def show_client(self, client_id: int) -> None:
        """R1/R2: the CRM page on a client's card (a reminder's Open without a chat)."""
        self.nav.setCurrentRow(self.pages.indexOf(self.crm_page))
        self.crm_page.show_tab("clients")
        self.crm.open_client(client_id)
        self.bring_forward()

    def open_task(self, task: object) -> None:
        """R2: Open on a reminder brings up the task's chat; a task without one, its client's
        newest chat (as in JivoChat, the chat opens by itself), the card when it has none."""
        chat_id = getattr(task, "chat_id", None)
        client_id = getattr(task, "client_id", None)
        if chat_id:
            self.show_chat(int(chat_id))
        elif client_id:
            spawn(self._open_client_chat(int(client_id)), f"open-client-chat-{client_id}")
        else:
            self.nav.setCurrentRow(self.pages.indexOf(self.crm_page))
            self.crm_page.show_tab("tasks")
            self.bring_forward()

    async def _open_client_chat(self, client_id: int) -> None:
        found = await self.crm.latest_chat(client_id)
        chat_id, archived = found if found is not None else (None, None)
        if chat_id is not None and self.chats.chat(chat_id) is not None:
            self.show_chat(chat_id)  # still in the chat list: in Centro de Atención
        elif archived is not None:
            self.nav.setCurrentRow(0)
            self.inbox.show_archived_chat(archived)
            self.bring_forward()
        else:
            self.show_client(client_id)

    def bring_forward(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        """N6: closing the window keeps the app running in the tray."""
        if self.keep_in_tray():
            event.ignore()
            self.hide()
            return
        super().closeEvent(event)
