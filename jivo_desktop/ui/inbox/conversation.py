"""The centre of Centro de Atención (C1): the chat's header with its action toolbar (C3, C7-C9),
the messages, who is typing (C17: what, with sneak peek), Accept for an offer, and the input at
the bottom: Enter sends, the paperclip and dropped files (C14), chat or comment (C10), and the
tool row under it: the translator (C11), quick phrases (C12), emoji (C13), the pointer (C15)
and GIFs (C16).
The agent's draft is kept per chat, and the visitor sees "typing" while the agent writes.

:class:`~jivo_desktop.ui.inbox.page.InboxPage` says which chat to show (:meth:`show_chat`) and
when it changed (:meth:`refresh`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.actions import ChatActionsService
from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.conversations import Chat, Message
from jivo_desktop.services.emoji import EmojiService
from jivo_desktop.services.files import FilesService
from jivo_desktop.services.gifs import GifService
from jivo_desktop.services.phrases import PhrasesService
from jivo_desktop.services.pointer import PointerService
from jivo_desktop.services.reply_channels import ReplyChannelsService
from jivo_desktop.services.team import TeamService
from jivo_desktop.services.translator import TranslatorService
from jivo_desktop.ui.common.fit import ElidedLabel
from jivo_desktop.ui.common.plain import PlainLabel, isolate, plain_tooltip
from jivo_desktop.ui.common.problem_bar import ProblemBar
from jivo_desktop.ui.inbox.attachments import AttachButton, AttachmentBar, DropTarget, ask_save_path
from jivo_desktop.ui.inbox.chat_actions import ChatActionsBar, CollisionLabel, NoticeLabel
from jivo_desktop.ui.inbox.composer_tools import ComposerTools
from jivo_desktop.ui.inbox.leave_confirm import confirm_leave
from jivo_desktop.ui.inbox.models import MessageRole, MessagesModel
from jivo_desktop.ui.inbox.phrases import PhrasePopup
from jivo_desktop.ui.inbox.reply_channel import ReplyChannel
from jivo_desktop.ui.inbox.translated import TranslatedDelegate

PREVIEW_MS = 700
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


class ConversationDelegate(TranslatedDelegate):
    """C11: with the translator on, a message in the agent's language (the original one click
    away): jivo_desktop/ui/inbox/translated.py, shared with the archive."""

    def __init__(self, pane: ConversationPane) -> None:
        super().__init__(pane, pane.translator, switch=True)
        self.pane = pane

    def translated_chat(self) -> int:
        return self.pane.shown_chat

    def comment_label(self) -> str:
        return QCoreApplication.translate("ConversationPane", "Comment, only agents see it")

    def thumbnail(self, message: Message) -> QImage | None:
        files = self.pane.files
        return files.thumbnail(message.file) if files and message.file else None

    def save_text(self) -> str:
        return QCoreApplication.translate("ConversationPane", "Click to save")

    def not_sent_text(self) -> str:
        return QCoreApplication.translate("ConversationPane", "not sent · Retry")

    def not_delivered_text(self, reason: str) -> str:
        if not reason:
            return QCoreApplication.translate("ConversationPane", "not delivered")
        return QCoreApplication.translate("ConversationPane", "not delivered: {0}").format(
            isolate(reason)
        )


class ConversationPane(QWidget):
    """One chat at a time (``shown_chat``; 0: none). ``files`` is None where files are off."""

    def __init__(
        self,
        chats: ChatsService,
        team: TeamService,
        chat_actions: ChatActionsService,
        phrases: PhrasesService,
        files: FilesService | None = None,
        parent: QWidget | None = None,
        emoji: EmojiService | None = None,
        translator: TranslatorService | None = None,
        gifs: GifService | None = None,
        pointer: PointerService | None = None,
        reply_channels: ReplyChannelsService | None = None,
    ) -> None:
        super().__init__(parent)
        self.reply_channels = reply_channels or ReplyChannelsService(chats.session, self)
        self.reply_channels.changed.connect(self._on_reply_channels_changed)
        chats.visitor_message.connect(self._on_chats_visitor_message)
        self.emoji = emoji or EmojiService(chats.session.store, self)
        self.translator = translator or TranslatorService(chats, self)
        self.gifs = gifs or GifService(chats.session, self)
        self.pointer = pointer or PointerService(chats.session, parent=self)
        self.pointer.opened.connect(self._on_pointer_opened)
        self.pointer.problem.connect(self._on_translator_problem)  # the same line: a problem
        self.translator.changed.connect(self._on_translator_changed)
        self.translator.problem.connect(self._on_translator_problem)
        self.translator.preview_ready.connect(self._on_translator_preview_ready)
        self.chats = chats
        self.files = files
        self.chat_actions = chat_actions
        self.phrases = phrases
        self.shown_chat = 0
        self.leave_dialog: QMessageBox | None = None
        self._pointer_note = False
        """Whether the line above the input says the pointer's page is open (C15): it follows
        a language switch."""

        # ---- header: who, which page, the action toolbar
        self.header_name = PlainLabel()
        self.header_name.setObjectName("PanelTitle")
        self.header_url = ElidedLabel()  # B8: a long URL never widens the window
        self.header_url.setObjectName("FieldLabel")
        # C3/C7/C8/C9: the chat's action toolbar, top right (Leave is its last button).
        self.chat_actions_bar = ChatActionsBar(chat_actions, chats, team, phrases)
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

        # ---- the messages
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

        # ---- the input
        self.composer = Composer()
        self.composer.setFixedHeight(78)
        self.composer.submitted.connect(self._on_composer_submitted)
        self.composer.textChanged.connect(self._on_composer_text_changed)
        self.phrase_popup = PhrasePopup(phrases, self.composer)  # C12: "/hi"
        self.reply_channel = ReplyChannel()  # C10: Chat / WhatsApp / E-mail / SMS / Comment
        self.collision = CollisionLabel(chat_actions)  # C18
        self.action_notice = NoticeLabel(chat_actions)
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
        input_layout.addWidget(self.composer, 1)
        input_layout.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        # The tool row (the guide's "parte inferior"): jivo_desktop/ui/inbox/composer_tools.py
        self.tools_row = ComposerTools(self.emoji, self.gifs, self, self._may_open_tools)
        self.tools_row.translator_toggled.connect(self._on_translator_button_toggled)
        self.tools_row.phrases_requested.connect(self._on_phrases_button_clicked)
        self.tools_row.emoji_picked.connect(self._on_emoji_picker_picked)
        self.tools_row.pointer_requested.connect(self.start_pointer)
        self.tools_row.gif_picked.connect(self._on_gif_picker_picked)
        tools = self.tools_row
        self.translator_button, self.phrases_button = tools.translator_button, tools.phrases_button
        self.emoji_button, self.emoji_picker = tools.emoji_button, tools.emoji_picker
        self.pointer_button = tools.pointer_button
        self.gif_button, self.gif_picker = tools.gif_button, tools.gif_picker
        # C11: what the visitor will read, and why a translation failed
        self.translate_preview = PlainLabel()
        self.translate_preview.setObjectName("FieldLabel")
        self.translate_preview.setWordWrap(True)
        self.translate_preview.setContentsMargins(14, 2, 14, 0)
        self.translate_preview.hide()
        self.translate_problem = PlainLabel()
        self.translate_problem.setObjectName("TranslateProblem")
        self.translate_problem.setStyleSheet("color: #b03a2e;")
        self.translate_problem.setWordWrap(True)
        self.translate_problem.setContentsMargins(14, 2, 14, 0)
        self.translate_problem.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.collision)
        layout.addWidget(self.action_notice)
        layout.addWidget(self.history_bar)
        layout.addWidget(self.messages, 1)
        layout.addWidget(self.typing_label)
        if files is not None:
            layout.addWidget(self.attachment_bar)
        layout.addWidget(self.offer_bar)
        layout.addWidget(self.reply_channel)
        layout.addWidget(self.translate_problem)
        layout.addWidget(self.translate_preview)
        layout.addWidget(input_row)
        layout.addWidget(self.tools_row)

        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.setInterval(TYPING_IDLE_MS)
        self._typing_timer.timeout.connect(self._on_typing_timer_timeout)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_SAVE_MS)
        self._draft_timer.timeout.connect(self._save_draft)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_MS)
        self._preview_timer.timeout.connect(self._on_preview_timer_timeout)
        self._typing_sent = False
        self.retranslate()

    # -------------------------------------------------------------- texts (G6)

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch)."""
        self.offer_text.setText(self.tr("This visitor is waiting for an answer."))
        self.accept_button.setText(self.tr("Accept"))
        self.history_retry.setText(self.tr("Retry"))
        self.composer.setPlaceholderText(
            self.tr("Type a message… (Enter sends, Shift+Enter: new line)")
        )
        self.send_button.setText(self.tr("Send"))
        if self._pointer_note:
            self.translate_preview.setText(self._pointer_note_text())
        self.delegate.invalidate()
        self.messages.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_typing_timer"):
            self.retranslate()
            self.refresh()
            if self.shown_chat:  # C11: the translations into the new interface language
                self.translator.fetch(self.shown_chat)
        super().changeEvent(event)

    # -------------------------------------------------------------- what the page tells

    def show_chat(self, chat_id: int) -> None:
        """Show this chat (0: none): the previous one keeps its draft, this one's comes back."""
        if self.shown_chat and self.shown_chat != chat_id:
            self._save_draft()
            self._stop_typing()
        self.shown_chat = chat_id  # the delegate's sizes are per message: they stay valid
        self.messages_model.show_chat(chat_id)
        if self.files is not None:
            self.attachment_bar.show_chat(chat_id)
        chat = self.chats.chat(chat_id)
        self.composer.blockSignals(True)
        self.composer.setPlainText(self.chats.draft(chat_id) if chat else "")
        self.composer.blockSignals(False)
        self.translate_problem.hide()
        self.translate_preview.hide()
        self._show_translator_switch()
        if chat is not None:
            self.translator.fetch(chat_id)
            if not chat.direct:
                self.reply_channels.fetch(chat_id)  # C10: where the client can be reached

    def refresh(self) -> None:
        """The shown chat changed (its state, the visitor typing...): header, bars, input."""
        chat = self.chats.chat(self.shown_chat)
        self.chat_actions_bar.set_chat(chat)
        self.collision.show_chat(chat.id if chat else 0)
        self._show_history_problem(chat)
        if chat is None:
            return
        name = self.chats.display_name(chat)
        self.header_name.setText(isolate(name))
        url = self.chats.page_url(chat)
        if chat.info.channel:  # C10/K1: the channel and the client's address on it
            visitor = chat.info.visitor
            address = (visitor.email or visitor.phone) if visitor else ""
            label = self.reply_channel.channel_names.label(chat.info.channel)
            url = " · ".join(x for x in (label, chat.info.channel_name, address) if x)
            self.header_url.setText(isolate(url))
        else:
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
        self.reply_channel.set_channel(chat.info.channel, chat.id)
        ways = self.reply_channels.ways(chat.id)
        if ways is not None and ways.channels != self.reply_channel.ways:
            self.reply_channel.set_ways(list(ways.channels), ways.last)
        self.tools_row.show_for(direct=chat.direct, translating=self.translator.enabled(chat.id))

    def show_page_url(self, url: str) -> None:
        """B9: the header shows the page the visitor is on now, not where the chat began."""
        self.header_url.setText(url)
        self.header_url.setToolTip(plain_tooltip(url))

    def ask_leave(self, chat_id: int) -> None:
        """The Leave button and Ctrl+W (C3): ask first; colleagues still in the chat carry on
        (C7), the last one to leave closes it."""
        self.leave_dialog = confirm_leave(self, self.chats, chat_id, leave=self.chat_actions.leave)

    # -------------------------------------------------------------- reactions

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

    def _on_messages_model_rows_inserted(self, *_args: object) -> None:
        self.messages.scrollToBottom()

    def _on_messages_model_reset(self) -> None:
        self.messages.scrollToBottom()

    def _on_files_thumbnail_ready(self, _file_id: str) -> None:
        self.delegate.invalidate()
        self.messages.doItemsLayout()
        self.messages.viewport().update()

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
        if self.delegate.flip(message):  # C11: the original, or the translation again
            return
        if message is not None and message.mine and message.state == "failed":
            self.chats.retry(self.shown_chat, message.client_msg_id or "")  # "not sent · Retry"
            return
        if self.files is None or message is None or message.file is None:
            return
        info, files = message.file, self.files
        self.save_dialog = ask_save_path(self, info.name, lambda path: files.save_file(info, path))

    def _on_accept_clicked(self) -> None:
        if self.shown_chat:
            self.chats.accept(self.shown_chat)

    def _on_leave_clicked(self) -> None:
        if self.shown_chat:
            self.ask_leave(self.shown_chat)

    def _on_phrases_button_clicked(self) -> None:
        self.chat_actions_bar.open_phrases(insert=self._insert_phrase)

    def _may_open_tools(self) -> bool:
        return self.chats.chat(self.shown_chat) is not None and self.composer.isEnabled()

    def open_emoji_picker(self) -> None:
        """C13: the picker above the tool row (the Emoji button, Ctrl+E)."""
        self.tools_row.open_emoji_picker()

    def start_pointer(self) -> None:
        """C15: the visitor's page opens in the agent's browser, in pick mode."""
        chat = self.chats.chat(self.shown_chat)
        if chat is not None and not chat.direct and not chat.offered:
            self.translate_problem.hide()
            self.pointer.point(chat.id)

    def _on_pointer_opened(self, chat_id: int, _url: str) -> None:
        if chat_id == self.shown_chat:
            self._pointer_note = True
            self.translate_preview.setText(self._pointer_note_text())
            self.translate_preview.show()

    def _pointer_note_text(self) -> str:
        return self.tr(
            "The visitor's page is open in your browser: click the element there, add a "
            "comment and send. Pages behind a sign-in cannot show it."
        )

    def open_gif_picker(self) -> None:
        """C16: the GIF search above the tool row (the GIF button, Ctrl+G)."""
        self.tools_row.open_gif_picker()

    def _on_gif_picker_picked(self, token: str) -> None:
        if self.shown_chat:
            self.gifs.send(self.shown_chat, token)  # the relay stores it as a file (C14)
        self.composer.setFocus()

    def _on_emoji_picker_picked(self, char: str) -> None:
        self.composer.insertPlainText(char)
        self.composer.setFocus()

    # -------------------------------------------------------------- C11 translator

    def _translating(self) -> bool:
        chat = self.chats.chat(self.shown_chat)
        return chat is not None and not chat.direct and self.translator.enabled(chat.id)

    def _show_translator_switch(self) -> None:
        chat = self.chats.chat(self.shown_chat)
        direct = chat is not None and chat.direct
        self.tools_row.show_for(direct=direct, translating=self.translator.enabled(self.shown_chat))

    def _on_translator_button_toggled(self, on: bool) -> None:
        if self.shown_chat:
            self.translate_problem.hide()
            self.translator.set_enabled(self.shown_chat, on)
            self._on_composer_text_changed()
        if not on:
            self.translate_preview.hide()

    def _on_reply_channels_changed(self, chat_id: int) -> None:
        ways = self.reply_channels.ways(chat_id)
        if chat_id == self.shown_chat and ways is not None:
            self.reply_channel.set_ways(list(ways.channels), ways.last)

    def _on_chats_visitor_message(self, chat_id: int) -> None:
        if chat_id == self.shown_chat:  # C10: the client may have written from elsewhere
            self.reply_channels.fetch(chat_id)

    def _on_translator_changed(self, chat_id: int) -> None:
        if chat_id != self.shown_chat:
            return
        self._show_translator_switch()
        self.delegate.invalidate()
        self.messages.doItemsLayout()
        self.messages.viewport().update()

    def _on_translator_problem(self, chat_id: int, text: str) -> None:
        if chat_id == self.shown_chat:
            self.translate_problem.setText(text)
            self.translate_problem.show()

    def _on_preview_timer_timeout(self) -> None:
        text = self.composer.toPlainText()
        if self._translating() and text.strip() and not self.reply_channel.comment_mode:
            self.translator.preview(self.shown_chat, text)

    def _on_translator_preview_ready(self, chat_id: int, text: str, translated: str) -> None:
        if chat_id != self.shown_chat or text != self.composer.toPlainText():
            return  # typed on since: the next preview is coming
        self._pointer_note = False
        self.translate_preview.setText(
            self.tr("The visitor will read: {0}").format(isolate(translated))
        )
        self.translate_preview.show()

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
        elif self._translating():
            self.translator.send(self.shown_chat, text)  # C11: in the visitor's language
        else:
            self.chats.send(self.shown_chat, text, via=self.reply_channel.via or "")
        self.translate_preview.hide()
        self._preview_timer.stop()
        self.composer.blockSignals(True)
        self.composer.clear()
        self.composer.blockSignals(False)
        self._draft_timer.stop()
        self._stop_typing()

    def _on_composer_text_changed(self) -> None:
        self._draft_timer.start()
        if self._translating():
            self.translate_preview.hide()
            self._preview_timer.start()
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

    def _save_draft(self) -> None:
        if self.shown_chat:
            self.chats.save_draft(self.shown_chat, self.composer.toPlainText())
