"""Centro de Atención (C1): chats and agents on the left, the conversation in the centre with
the input at the bottom, the client's information on the right."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.actions import ChatActionsService
from jivo_desktop.services.archive import ArchiveService
from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.conversations import Chat, Message
from jivo_desktop.services.files import FilesService
from jivo_desktop.services.offline_messages import OfflineMessagesService
from jivo_desktop.services.phrases import PhrasesService
from jivo_desktop.services.team import TeamService
from jivo_desktop.ui.common.fit import ElidedLabel
from jivo_desktop.ui.common.icons import status_dot
from jivo_desktop.ui.common.plain import PlainLabel, isolate, plain_tooltip
from jivo_desktop.ui.common.problem_bar import ProblemBar
from jivo_desktop.ui.inbox.archive import ArchivePanel
from jivo_desktop.ui.inbox.assigned_agent import AssignedAgentBox
from jivo_desktop.ui.inbox.attachments import AttachButton, AttachmentBar, DropTarget, ask_save_path
from jivo_desktop.ui.inbox.chat_actions import (
    ChatActionsBar,
    CollisionLabel,
    NoticeLabel,
    ReplyChannel,
)
from jivo_desktop.ui.inbox.client_panel import ClientPanel
from jivo_desktop.ui.inbox.delegates import ChatListDelegate, MessageDelegate
from jivo_desktop.ui.inbox.leave_confirm import confirm_leave
from jivo_desktop.ui.inbox.models import ChatListModel, MessageRole, MessagesModel
from jivo_desktop.ui.inbox.offline_messages import OfflineMessagesPanel
from jivo_desktop.ui.inbox.phrases import PhrasePopup
from server import protocol as p

TYPING_IDLE_MS = 3000
DRAFT_SAVE_MS = 400


class Composer(QPlainTextEdit):
    """Enter sends, Shift+Enter starts a new line."""

    submitted = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        shift = (event.modifiers() & Qt.KeyboardModifier.ShiftModifier) == (
            Qt.KeyboardModifier.ShiftModifier
        )
        if enter and not shift:
            self.submitted.emit(self.toPlainText())
            return
        super().keyPressEvent(event)


class ConversationDelegate(MessageDelegate):
    def __init__(self, page: InboxPage) -> None:
        super().__init__(page)
        self.page = page

    def comment_label(self) -> str:
        return QCoreApplication.translate("InboxPage", "Comment, only agents see it")

    def thumbnail(self, message: Message) -> QImage | None:
        files = self.page.files
        return files.thumbnail(message.file) if files and message.file else None

    def save_text(self) -> str:
        return QCoreApplication.translate("InboxPage", "Click to save")

    def not_sent_text(self) -> str:
        return QCoreApplication.translate("InboxPage", "not sent · Retry")


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
        self.shown_chat = 0
        self.archive = archive or ArchiveService(chats.session, self)
        self.offline = offline or OfflineMessagesService(chats.session, self)  # V6
        self.leave_dialog: QMessageBox | None = None

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

        # ---- centre: header, conversation, input
        self.header_name = PlainLabel()
        self.header_name.setObjectName("PanelTitle")
        self.header_url = ElidedLabel()  # B8: a long URL never widens the window
        self.header_url.setObjectName("FieldLabel")
        # C3/C7/C8/C9: the chat's action toolbar, top right (Leave is its last button).
        self.chat_actions_bar = ChatActionsBar(self.chat_actions, chats, team, self.phrases)
        self.leave = self.chat_actions_bar.leave_button
        self.leave.clicked.connect(self._on_leave_clicked)
        header = QFrame()
        header.setObjectName("ChatHeader")
        header_layout = QHBoxLayout(header)
        names = QVBoxLayout()
        names.addWidget(self.header_name)
        names.addWidget(self.header_url)
        header_layout.addLayout(names, 1)
        header_layout.addWidget(self.chat_actions_bar)

        self.messages_model = MessagesModel(chats, self)
        self.messages = QListView()
        self.messages.setObjectName("Conversation")
        self.messages.setModel(self.messages_model)
        self.delegate = ConversationDelegate(self)
        self.messages.setItemDelegate(self.delegate)
        self.messages.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.messages.setLayoutMode(QListView.LayoutMode.Batched)
        self.messages.setBatchSize(200)
        self.messages.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.messages.setStyleSheet("QListView { background: #f3f6f5; border: none; }")
        self.messages.setWordWrap(True)
        self.messages_model.rowsInserted.connect(self._on_messages_model_rows_inserted)
        self.messages_model.modelReset.connect(self._on_messages_model_reset)

        # Issue 12 item 6: a conversation that could not be loaded says so, with a Retry.
        self.history_bar = ProblemBar("HistoryProblem")
        self.history_problem, self.history_retry = self.history_bar.label, self.history_bar.button
        self.history_retry.clicked.connect(self._on_history_retry_clicked)

        self.typing_label = PlainLabel()
        self.typing_label.setObjectName("FieldLabel")
        self.typing_label.setContentsMargins(14, 2, 14, 0)
        self.typing_label.setFixedHeight(18)
        self.offer_bar = QWidget()
        offer_layout = QHBoxLayout(self.offer_bar)
        self.offer_text = PlainLabel()
        offer_layout.addWidget(self.offer_text, 1)
        self.accept_button = QPushButton()
        self.accept_button.setObjectName("Primary")
        self.accept_button.clicked.connect(self._on_accept_clicked)
        offer_layout.addWidget(self.accept_button)

        self.composer = Composer()
        self.composer.setFixedHeight(78)
        self.composer.submitted.connect(self._on_composer_submitted)
        self.composer.textChanged.connect(self._on_composer_text_changed)
        self.phrase_popup = PhrasePopup(self.phrases, self.composer)  # C12: "/hi"
        self.reply_channel = ReplyChannel()  # C10: chat or comment
        self.collision = CollisionLabel(self.chat_actions)  # C18
        self.action_notice = NoticeLabel(self.chat_actions)
        self.send_button = QPushButton()
        self.send_button.setObjectName("Primary")
        self.send_button.clicked.connect(self._on_send_clicked)
        input_row = QWidget()
        input_layout = QHBoxLayout(input_row)
        self.messages.clicked.connect(self._on_messages_clicked)  # files; "not sent · Retry"
        if files is not None:  # C14: the paperclip, and files dropped on the conversation
            self.attach_button = AttachButton()
            self.attach_button.file_chosen.connect(self._on_attach_button_file_chosen)
            input_layout.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignBottom)
            self.attachment_bar = AttachmentBar(files)
            self.drop_target = DropTarget(self.messages.viewport(), self._on_files_dropped)
            DropTarget(self.composer, self._on_files_dropped)
            files.thumbnail_ready.connect(self._on_files_thumbnail_ready)
            files.draft_changed.connect(self._on_chats_chat_changed)
        input_layout.addWidget(self.composer, 1)
        input_layout.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        # C12: the composer's bottom row; "Quick phrases" opens the search, Insert types it.
        self.tools_row = QWidget()
        tools_layout = QHBoxLayout(self.tools_row)
        tools_layout.setContentsMargins(12, 0, 12, 6)
        self.phrases_button = QPushButton()
        self.phrases_button.setObjectName("ComposerTool")
        self.phrases_button.setFlat(True)
        self.phrases_button.clicked.connect(self._on_phrases_button_clicked)
        tools_layout.addWidget(self.phrases_button)
        tools_layout.addStretch(1)

        conversation = QWidget()
        conv_layout = QVBoxLayout(conversation)
        conv_layout.setContentsMargins(0, 0, 0, 0)
        conv_layout.setSpacing(0)
        conv_layout.addWidget(header)
        conv_layout.addWidget(self.collision)
        conv_layout.addWidget(self.action_notice)
        conv_layout.addWidget(self.history_bar)
        conv_layout.addWidget(self.messages, 1)
        conv_layout.addWidget(self.typing_label)
        if files is not None:
            conv_layout.addWidget(self.attachment_bar)
        conv_layout.addWidget(self.offer_bar)
        conv_layout.addWidget(self.reply_channel)
        conv_layout.addWidget(input_row)
        conv_layout.addWidget(self.tools_row)

        self.empty = empty = PlainLabel()
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setObjectName("FieldLabel")
        self.centre = QStackedWidget()
        self.centre.addWidget(empty)
        self.centre.addWidget(conversation)

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
        splitter.addWidget(self.client_panel)
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
        self.archive_panel = ArchivePanel(self.archive, team)
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

        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.setInterval(TYPING_IDLE_MS)
        self._typing_timer.timeout.connect(self._on_typing_timer_timeout)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_SAVE_MS)
        self._draft_timer.timeout.connect(self._save_draft)
        self._typing_sent = False
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
        self.offer_text.setText(self.tr("This visitor is waiting for an answer."))
        self.accept_button.setText(self.tr("Accept"))
        self.history_retry.setText(self.tr("Retry"))
        self.composer.setPlaceholderText(
            self.tr("Type a message… (Enter sends, Shift+Enter: new line)")
        )
        self.send_button.setText(self.tr("Send"))
        self.phrases_button.setText("≡ " + self.tr("Quick phrases"))
        self.phrases_button.setToolTip(self.tr("Search the team's quick phrases (or type /)"))
        if hasattr(self, "show_archive"):
            self.show_chats.setText(self.tr("Chats"))
            self.show_archive.setText(self.tr("Archive"))
            self._on_offline_changed()
        self.empty.setText(
            self.tr("Choose a chat on the left.\nWaiting chats are marked in orange.")
        )
        self.delegate.invalidate()
        self.messages.viewport().update()
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
        if chat_id == self.shown_chat:
            self._show_header()

    def _on_chats_current_changed(self, chat_id: int) -> None:
        if self.shown_chat and self.shown_chat != chat_id:
            self._save_draft()
            self._stop_typing()
        self.shown_chat = chat_id
        self.delegate.invalidate()
        self.messages_model.show_chat(chat_id)
        if self.files is not None:
            self.attachment_bar.show_chat(chat_id)
        chat = self.chats.chat(chat_id)
        self.centre.setCurrentIndex(1 if chat else 0)
        self.composer.blockSignals(True)
        self.composer.setPlainText(self.chats.draft(chat_id) if chat else "")
        self.composer.blockSignals(False)
        self._select_row(chat_id)
        self._show_header()
        if chat is not None:
            self.composer.setFocus()

    def _show_header(self) -> None:
        chat = self.chats.chat(self.shown_chat)
        self.chat_actions_bar.set_chat(chat)
        self.collision.show_chat(chat.id if chat else 0)
        self._show_history_problem(chat)
        if chat is None:
            self.client_panel.show_chat(None, "")
            self.assigned_agent.show_chat(None)
            self.client_panel.set_row_visible("assigned", False)
            return
        name = self.chats.display_name(chat)
        self.header_name.setText(isolate(name))
        url = self.chats.page_url(chat)
        self.header_url.setText(isolate(url) if url else self.tr("Chat with a colleague"))
        self.header_url.setToolTip(plain_tooltip(url))
        draft = self.files.draft(chat.id) if self.files is not None else ""
        if draft:  # C17 sneak peek: what the visitor is typing, before they send it
            metrics = self.typing_label.fontMetrics()
            width = max(200, self.typing_label.width() - 30)
            shown = metrics.elidedText(" ".join(draft.split()), Qt.TextElideMode.ElideLeft, width)
            typing = self.tr("Visitor is typing: {0}").format(isolate(shown))
        else:
            typing = self.tr("{0} is typing…").format(isolate(name)) if chat.typing else ""
        self.typing_label.setText(typing)
        offered = chat.offered
        self.offer_bar.setVisible(offered)
        self.composer.setEnabled(not offered)
        self.send_button.setEnabled(not offered)
        self.tools_row.setVisible(not offered)
        self.reply_channel.setVisible(not offered and not chat.direct)
        self.client_panel.show_chat(chat, name)  # B9: then page_changed sets the live URL
        self.assigned_agent.show_chat(chat)
        self.client_panel.set_row_visible("assigned", chat.info.visitor is not None)

    def _show_history_problem(self, chat: Chat | None) -> None:
        problem = chat.history_error if chat is not None else ""
        if problem:
            self.history_problem.setText(
                self.tr("The conversation could not be loaded. {0}").format(problem)
            )
        self.history_bar.setVisible(bool(problem))

    def _on_history_retry_clicked(self) -> None:
        if self.shown_chat:
            self.chats.retry_history(self.shown_chat)

    def _on_client_panel_page_changed(self, url: str) -> None:
        """B9: the header shows the page the visitor is on now, not where the chat began."""
        chat = self.chats.chat(self.shown_chat)
        if chat is not None and chat.info.visitor is not None and url:
            self.header_url.setText(url)
            self.header_url.setToolTip(plain_tooltip(url))

    def _on_client_panel_past_chat_requested(self, info: object) -> None:
        """A returning client's earlier chat: one click, and it is open in the archive."""
        if isinstance(info, p.ChatInfo):
            self.archive_panel.show_chat(info)
            self.show_archive.setChecked(True)

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

    def _on_messages_model_rows_inserted(self, *_args: object) -> None:
        self.messages.scrollToBottom()

    def _on_messages_model_reset(self) -> None:
        self.messages.scrollToBottom()

    # -------------------------------------------------------------- the agent's actions

    def _on_attach_button_file_chosen(self, path: str) -> None:
        self._on_files_dropped([path])

    def _on_files_dropped(self, paths: list[str]) -> None:
        chat = self.chats.chat(self.shown_chat)
        if self.files is None or chat is None or chat.offered:
            return
        for path in paths:
            self.files.send_file(chat.id, path)

    def _on_messages_clicked(self, index: QModelIndex) -> None:
        message = index.data(MessageRole)
        if message is not None and message.mine and message.state == "failed":
            self.chats.retry(self.shown_chat, message.client_msg_id or "")  # "not sent · Retry"
            return
        if self.files is None or message is None or message.file is None:
            return
        info, files = message.file, self.files
        self.save_dialog = ask_save_path(self, info.name, lambda path: files.save_file(info, path))

    def _on_files_thumbnail_ready(self, _file_id: str) -> None:
        self.delegate.invalidate()
        self.messages.doItemsLayout()
        self.messages.viewport().update()

    def _on_chat_list_clicked(self, index: QModelIndex) -> None:
        self.chats.select(self.chat_model.chat_id(index.row()))

    def _on_accept_clicked(self) -> None:
        if self.shown_chat:
            self.chats.accept(self.shown_chat)

    def _on_leave_clicked(self) -> None:
        if self.shown_chat:
            self.ask_leave(self.shown_chat)

    def ask_leave(self, chat_id: int) -> None:
        """The Leave button and Ctrl+W (C3): ask first; colleagues still in the chat carry on
        (C7), the last one to leave closes it."""
        self.leave_dialog = confirm_leave(self, self.chats, chat_id, leave=self.chat_actions.leave)

    def _on_phrases_button_clicked(self) -> None:
        self.chat_actions_bar.open_phrases(insert=self._insert_phrase)

    def _insert_phrase(self, text: str) -> None:
        """C12: the chosen quick phrase goes in at the cursor."""
        self.composer.insertPlainText(text)
        self.composer.setFocus()

    def _on_send_clicked(self) -> None:
        self._on_composer_submitted(self.composer.toPlainText())

    def _on_composer_submitted(self, text: str) -> None:
        if not self.shown_chat or not text.strip():
            return
        if self.reply_channel.comment_mode:
            self.chat_actions.comment(self.shown_chat, text)
            self.reply_channel.reset()  # B10: the next line goes to the visitor again
        else:
            self.chats.send(self.shown_chat, text)
        self.composer.blockSignals(True)
        self.composer.clear()
        self.composer.blockSignals(False)
        self._draft_timer.stop()
        self._stop_typing()

    def _on_composer_text_changed(self) -> None:
        self._draft_timer.start()
        if self.reply_channel.comment_mode:
            return  # a comment is not for the visitor: no typing indicator
        if self.shown_chat and not self._typing_sent:
            self._typing_sent = True
            self.chats.typing(self.shown_chat, True)
        self._typing_timer.start()

    def _on_typing_timer_timeout(self) -> None:
        self._stop_typing()

    def _stop_typing(self) -> None:
        self._typing_timer.stop()
        if self._typing_sent and self.shown_chat:
            self.chats.typing(self.shown_chat, False)
        self._typing_sent = False
        self.retranslate()

    def _save_draft(self) -> None:
        if self.shown_chat:
            self.chats.save_draft(self.shown_chat, self.composer.toPlainText())


def status_text(status: str) -> str:
    """An agent's status in words, in the current language."""
    return {
        "online": QCoreApplication.translate("InboxPage", "Online"),
        "away": QCoreApplication.translate("InboxPage", "Away"),
    }.get(status, QCoreApplication.translate("InboxPage", "Offline"))
