"""Centro de Atención (C1): chats and agents on the left, the conversation in the centre with
the input at the bottom (``conversation.py``), the client's information on the right; a switch
above shows the archive or the offline messages (V6) in the page's place instead."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.actions import ChatActionsService
from jivo_desktop.services.archive import ArchiveService
from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.files import FilesService
from jivo_desktop.services.offline_messages import OfflineMessagesService
from jivo_desktop.services.phrases import PhrasesService
from jivo_desktop.services.team import TeamService
from jivo_desktop.ui.common.icons import status_dot
from jivo_desktop.ui.common.plain import PlainLabel
from jivo_desktop.ui.inbox.archive import ArchivePanel
from jivo_desktop.ui.inbox.assigned_agent import AssignedAgentBox
from jivo_desktop.ui.inbox.client_panel import ClientPanel
from jivo_desktop.ui.inbox.conversation import ConversationPane
from jivo_desktop.ui.inbox.delegates import ChatListDelegate
from jivo_desktop.ui.inbox.models import ChatListModel
from jivo_desktop.ui.inbox.offline_messages import OfflineMessagesPanel
from server import protocol as p


class InboxPage(QWidget):
    """Signals: ``chat_requested(int)``: the agent clicked a colleague in the Agents list (C1,
    as on the team page)."""

    chat_requested = Signal(int)

    def __init__(
        self,
        chats: ChatsService,
        team: TeamService,
        parent: QWidget | None = None,
        archive: ArchiveService | None = None,
        *,
        files: FilesService | None = None,
        chat_actions: ChatActionsService | None = None,
        phrases: PhrasesService | None = None,
        offline: OfflineMessagesService | None = None,
    ):
        super().__init__(parent)
        self.chats = chats
        self.team = team
        self.files = files
        self.chat_actions = chat_actions or ChatActionsService(chats.session, chats, team)
        self.phrases = phrases or PhrasesService(chats.session)
        self.archive = archive or ArchiveService(chats.session, self)
        self.offline = offline or OfflineMessagesService(chats.session, self)  # V6

        # ---- left: chats and agents
        self.chat_model = ChatListModel(chats, self)
        self.chat_list = QListView()
        self.chat_list.setModel(self.chat_model)
        self.chat_delegate = ChatListDelegate("", self.chat_list)
        self.chat_list.setItemDelegate(self.chat_delegate)
        self.chat_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.chat_list.setObjectName("ChatList")
        # Rows elide their text to the list's width: never a sideways scroll bar (B8).
        self.chat_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chat_list.clicked.connect(self._on_chat_list_clicked)
        self.no_chats = PlainLabel()
        self.no_chats.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_chats.setObjectName("FieldLabel")
        self.agents = QListWidget()
        self.agents.setMaximumHeight(160)
        self.agents.itemClicked.connect(self._on_agents_item_clicked)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.chats_title = chats_title = PlainLabel()
        chats_title.setObjectName("PanelTitle")
        chats_title.setContentsMargins(12, 10, 12, 4)
        self.agents_title = agents_title = PlainLabel()
        agents_title.setObjectName("PanelTitle")
        agents_title.setContentsMargins(12, 10, 12, 4)
        left_layout.addWidget(chats_title)
        left_layout.addWidget(self.no_chats, 1)
        left_layout.addWidget(self.chat_list, 3)
        left_layout.addWidget(agents_title)
        left_layout.addWidget(self.agents, 1)
        left.setMinimumWidth(240)

        # ---- centre: the conversation (header, messages, input)
        self.conversation = ConversationPane(
            chats, team, self.chat_actions, self.phrases, files=files
        )
        if files is not None:
            files.draft_changed.connect(self._on_chats_chat_changed)

        self.empty = empty = PlainLabel()
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setObjectName("FieldLabel")
        self.centre = QStackedWidget()
        self.centre.addWidget(empty)
        self.centre.addWidget(self.conversation)

        self.client_panel = ClientPanel()
        self.client_panel.page_changed.connect(self._on_client_panel_page_changed)
        self.client_panel.past_chat_requested.connect(self._on_client_panel_past_chat_requested)
        self.assigned_agent = AssignedAgentBox(chats, team)  # C5: a row of the panel's form
        self.assigned_agent.caption.hide()  # the form's caption names it
        box_layout = self.assigned_agent.layout()
        if box_layout is not None:
            box_layout.setContentsMargins(0, 0, 0, 0)
        self.client_panel.add_row(
            "assigned",
            lambda: QCoreApplication.translate("AssignedAgentBox", "Assigned agent"),
            self.assigned_agent,
        )
        self.client_panel.set_row_visible("assigned", False)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.centre)
        # The panel scrolls: with Tratos/Tareas (issue 17) it is taller than the window's
        # default height, which it must not stretch.
        self.client_scroll = QScrollArea()
        self.client_scroll.setWidgetResizable(True)
        self.client_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.client_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.client_scroll.setMinimumWidth(self.client_panel.minimumWidth())
        self.client_scroll.setWidget(self.client_panel)
        splitter.addWidget(self.client_scroll)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([260, 600, 240])
        # Chats | Archive | Offline messages: the archive of closed and missed chats, or what
        # visitors left in the offline form (V6), takes the page's place.
        self.show_chats = QPushButton()
        self.show_archive = QPushButton()
        self.show_offline = QPushButton()
        switch = QHBoxLayout()
        switch.setContentsMargins(12, 6, 12, 0)
        for button in (self.show_chats, self.show_archive, self.show_offline):
            button.setCheckable(True)
            button.setAutoExclusive(True)
            switch.addWidget(button)
        switch.addStretch(1)
        self.show_chats.setChecked(True)
        self.archive_panel = ArchivePanel(self.archive, team, self.conversation.translator)
        self.views = QStackedWidget()
        self.views.addWidget(splitter)
        self.views.addWidget(self.archive_panel)
        self.offline_panel = OfflineMessagesPanel(self.offline)
        self.views.addWidget(self.offline_panel)
        self.show_archive.toggled.connect(self._on_show_archive_toggled)
        self.show_offline.toggled.connect(self._on_show_offline_toggled)
        self.show_chats.toggled.connect(self._on_show_chats_toggled)
        self.offline.changed.connect(self._on_offline_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(switch)
        layout.addWidget(self.views, 1)

        self.retranslate()

        chats.current_changed.connect(self._on_chats_current_changed)
        chats.chats_changed.connect(self._on_chats_chats_changed)
        chats.chat_changed.connect(self._on_chats_chat_changed)
        team.changed.connect(self._on_team_changed)
        self._on_chats_chats_changed()
        self._on_chats_current_changed(chats.current)

    # -------------------------------------------------------------- texts (G6)

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch)."""
        self.chat_delegate.waiting_text = self.tr("Waiting")
        self.no_chats.setText(self.tr("No chats yet.\nNew chats appear here."))
        self.chats_title.setText(self.tr("Chats"))
        self.agents_title.setText(self.tr("Agents"))
        if hasattr(self, "show_archive"):
            self.show_chats.setText(self.tr("Chats"))
            self.show_archive.setText(self.tr("Archive"))
            self._on_offline_changed()
        self.empty.setText(
            self.tr("Choose a chat on the left.\nWaiting chats are marked in orange.")
        )
        self.chat_list.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "empty"):
            self.retranslate()
            self._show_header()
            self._on_team_changed()
        super().changeEvent(event)

    # -------------------------------------------------------------- reactions to services

    def _on_chats_chats_changed(self) -> None:
        has = bool(self.chats.order)
        self.no_chats.setVisible(not has)
        self.chat_list.setVisible(has)
        self._select_row(self.chats.current)

    def _on_chats_chat_changed(self, chat_id: int) -> None:
        if chat_id == self.conversation.shown_chat:
            self._show_header()

    def _on_chats_current_changed(self, chat_id: int) -> None:
        self.conversation.show_chat(chat_id)
        chat = self.chats.chat(chat_id)
        self.centre.setCurrentIndex(1 if chat else 0)
        self._select_row(chat_id)
        self._show_header()
        if chat is not None:
            self.conversation.composer.setFocus()

    def _show_header(self) -> None:
        """The shown chat's header and input (the conversation), and the client panel."""
        self.conversation.refresh()
        chat = self.chats.chat(self.conversation.shown_chat)
        if chat is None:
            self.client_panel.show_chat(None, "")
            self.assigned_agent.show_chat(None)
            self.client_panel.set_row_visible("assigned", False)
            return
        name = self.chats.display_name(chat)
        self.client_panel.show_chat(chat, name)  # B9: then page_changed sets the live URL
        self.assigned_agent.show_chat(chat)
        self.client_panel.set_row_visible("assigned", chat.info.visitor is not None)

    def _on_client_panel_page_changed(self, url: str) -> None:
        """B9: the header shows the page the visitor is on now, not where the chat began."""
        chat = self.chats.chat(self.conversation.shown_chat)
        if chat is not None and chat.info.visitor is not None and url:
            self.conversation.show_page_url(url)

    def show_archived_chat(self, info: p.ChatInfo) -> None:
        """A closed chat open in the archive (a client's earlier chat, a reminder's Open)."""
        self.archive_panel.show_chat(info)
        self.show_archive.setChecked(True)

    def _on_client_panel_past_chat_requested(self, info: object) -> None:
        """A returning client's earlier chat: one click, and it is open in the archive."""
        if isinstance(info, p.ChatInfo):
            self.show_archived_chat(info)

    def _on_show_archive_toggled(self, on: bool) -> None:
        if on:
            self.views.setCurrentIndex(1)

    def _on_show_offline_toggled(self, on: bool) -> None:
        if on:
            self.views.setCurrentIndex(2)

    def _on_show_chats_toggled(self, on: bool) -> None:
        if on:
            self.views.setCurrentIndex(0)

    def _on_offline_changed(self) -> None:
        """V6: the switch says how many offline messages wait for an agent."""
        count = self.offline.unhandled
        text = self.tr("Offline messages")
        self.show_offline.setText(f"{text} ({count})" if count else text)

    def _on_team_changed(self) -> None:
        self.agents.clear()
        for agent in self.team.ordered():
            item = QListWidgetItem(status_dot(agent.status), agent.name)
            item.setData(Qt.ItemDataRole.UserRole, agent.id)
            item.setToolTip(status_text(agent.status))
            self.agents.addItem(item)

    def _on_agents_item_clicked(self, item: QListWidgetItem) -> None:
        """C1: "Puede chatear con sus colegas al igual que con sus visitantes"."""
        agent_id = int(item.data(Qt.ItemDataRole.UserRole))
        me = self.team.session.agent
        if me is None or agent_id != me.id:
            self.chat_requested.emit(agent_id)

    def _select_row(self, chat_id: int) -> None:
        row = self.chat_model.row_of(chat_id)
        selection = self.chat_list.selectionModel()
        if row < 0:
            selection.clearSelection()
            return
        selection.select(
            self.chat_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    # -------------------------------------------------------------- the agent's actions

    def _on_chat_list_clicked(self, index: QModelIndex) -> None:
        self.chats.select(self.chat_model.chat_id(index.row()))


def status_text(status: str) -> str:
    """An agent's status in words, in the current language."""
    return {
        "online": QCoreApplication.translate("InboxPage", "Online"),
        "away": QCoreApplication.translate("InboxPage", "Away"),
    }.get(status, QCoreApplication.translate("InboxPage", "Offline"))
