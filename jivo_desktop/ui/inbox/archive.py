"""The archive of Centro de Atención: closed and missed chats, searched by text, visitor, agent
and date, and a read-only view of one conversation (N3: missed chats are kept here), with the
translations stored with its messages shown as in the live conversation (C11)."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QDateTime,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop import i18n
from jivo_desktop.services.archive import PAGE, ArchiveFilters, ArchiveService
from jivo_desktop.services.chats import visitor_name
from jivo_desktop.services.conversations import Message
from jivo_desktop.services.team import TeamService
from jivo_desktop.services.translator import TranslatorService
from jivo_desktop.ui.common.plain import PlainLabel, isolate
from jivo_desktop.ui.common.problem_bar import ProblemBar
from jivo_desktop.ui.inbox.models import MessageRole
from jivo_desktop.ui.inbox.translated import TranslatedDelegate
from server import protocol as p

Index = QModelIndex | QPersistentModelIndex
ChatIdRole = Qt.ItemDataRole.UserRole + 1


class ArchiveMessagesModel(QAbstractListModel):
    """The messages of the archived chat on show (``MessageRole`` gives the Message)."""

    def __init__(self, archive: ArchiveService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self._messages: list[Message] = []
        archive.conversation_loaded.connect(self._on_archive_conversation_loaded)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._messages)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._messages):
            return None
        message = self._messages[index.row()]
        if role == MessageRole:
            return message
        if role == Qt.ItemDataRole.DisplayRole:
            return message.text
        return None

    def _on_archive_conversation_loaded(self, _chat_id: int) -> None:
        self.beginResetModel()
        self._messages = list(self.archive.messages)
        self.endResetModel()


class ArchiveDelegate(TranslatedDelegate):
    """C11: a message with a stored translation shows it (whatever the chat's translator
    switch was), the original one click away, as in the live conversation."""

    def __init__(self, panel: ArchivePanel, translator: TranslatorService) -> None:
        super().__init__(panel, translator, switch=False)
        self.panel = panel

    def translated_chat(self) -> int:
        return self.panel.archive.chat_id


class ArchivePanel(QWidget):
    """Filters on top, the matching chats on the left, the chosen conversation on the right."""

    def __init__(
        self,
        archive: ArchiveService,
        team: TeamService,
        translator: TranslatorService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.archive = archive
        self.team = team
        self.translator = translator
        self._searched = False

        self.text = QLineEdit()
        self.visitor = QLineEdit()
        self.agent = QComboBox()
        self.state = QComboBox()
        # Sized for the current language after a switch, not for the first one shown.
        self.state.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for value in ("", "closed", "missed"):
            self.state.addItem("", value)
        self.use_dates = QCheckBox()
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.use_dates.toggled.connect(self._on_use_dates_toggled)
        self.search_button = QPushButton()
        self.search_button.setObjectName("Primary")
        self.search_button.clicked.connect(self.search)
        self.text.returnPressed.connect(self.search)
        self.visitor.returnPressed.connect(self.search)

        filters = QGridLayout()
        filters.setContentsMargins(12, 10, 12, 6)
        filters.addWidget(self.text, 0, 0, 1, 2)
        filters.addWidget(self.visitor, 0, 2, 1, 2)
        filters.addWidget(self.agent, 0, 4)
        filters.addWidget(self.state, 1, 0)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.since)
        self.to_label = PlainLabel()
        dates.addWidget(self.to_label)
        dates.addWidget(self.until)
        dates.addStretch(1)
        filters.addLayout(dates, 1, 1, 1, 3)
        filters.addWidget(self.search_button, 1, 4)

        self.results_model = QStandardItemModel(self)
        self.results = QListView()
        self.results.setModel(self.results_model)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setWordWrap(True)
        self.results.setSpacing(2)
        self.results.clicked.connect(self._on_results_clicked)
        self.count = PlainLabel()
        self.count.setObjectName("FieldLabel")
        self.previous = QPushButton("‹")
        self.next = QPushButton("›")
        self.previous.clicked.connect(archive.previous_page)
        self.next.clicked.connect(archive.next_page)
        paging = QHBoxLayout()
        paging.addWidget(self.count, 1)
        paging.addWidget(self.previous)
        paging.addWidget(self.next)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 0, 0, 8)
        left_layout.addWidget(self.results, 1)
        left_layout.addLayout(paging)

        self.header = PlainLabel()
        self.header.setObjectName("PanelTitle")
        self.header.setContentsMargins(14, 8, 14, 0)
        self.read_only = PlainLabel()
        self.read_only.setObjectName("FieldLabel")
        self.read_only.setContentsMargins(14, 0, 14, 6)
        self.messages_model = ArchiveMessagesModel(archive, self)
        self.messages = QListView()
        self.messages.setModel(self.messages_model)
        self.delegate = ArchiveDelegate(self, translator)
        self.messages.setItemDelegate(self.delegate)
        self.messages.clicked.connect(self._on_messages_clicked)
        self.messages.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.messages.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.messages.setStyleSheet("QListView { background: #f3f6f5; border: none; }")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.read_only)
        # Issue 12 item 6: a failed search or conversation says so, with a Retry.
        self.problem_bar = ProblemBar("ArchiveProblem")
        self.problem, self.retry = self.problem_bar.label, self.problem_bar.button
        self.retry.clicked.connect(archive.retry)
        right_layout.addWidget(self.problem_bar)
        right_layout.addWidget(self.messages, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        archive.cleared.connect(self._on_archive_cleared)
        archive.results_changed.connect(self._on_archive_results_changed)
        archive.conversation_loaded.connect(self._on_archive_conversation_loaded)
        archive.problem.connect(self._on_archive_problem)
        team.changed.connect(self._on_team_changed)
        translator.changed.connect(self._on_translator_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (at start and on a language switch, G6)."""
        self.text.setPlaceholderText(self.tr("Words in the conversation"))
        self.visitor.setPlaceholderText(self.tr("Visitor: name, e-mail, phone or number"))
        labels = (self.tr("Closed and missed"), self.tr("Closed"), self.tr("Missed"))
        for index, label in enumerate(labels):
            self.state.setItemText(index, label)
        self.use_dates.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.search_button.setText(self.tr("Search"))
        self.previous.setToolTip(self.tr("Previous page"))
        self.next.setToolTip(self.tr("Next page"))
        self.read_only.setText(self.tr("Archived chats are read-only."))
        self.retry.setText(self.tr("Retry"))
        for edit in (self.since, self.until):  # B9: "02/11/2026", not "2 11 2026"
            edit.setDisplayFormat(i18n.date_format())
        self._on_archive_conversation_loaded(self.archive.chat_id)
        self._on_team_changed()
        self._on_archive_results_changed()
        self.messages.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "read_only"):
            self.retranslate()
        super().changeEvent(event)

    # -------------------------------------------------------------- actions

    def filters(self) -> ArchiveFilters:
        since = until = None
        if self.use_dates.isChecked():
            since = QDateTime(self.since.date(), QTime(0, 0)).toSecsSinceEpoch()
            until = QDateTime(self.until.date().addDays(1), QTime(0, 0)).toSecsSinceEpoch()
        return ArchiveFilters(
            text=self.text.text(),
            visitor=self.visitor.text(),
            agent_id=self.agent.currentData(),
            since=float(since) if since is not None else None,
            until=float(until) if until is not None else None,
            state=str(self.state.currentData() or ""),
        )

    def search(self) -> None:
        self._searched = True
        self.archive.search(self.filters())

    def show_chat(self, info: p.ChatInfo) -> None:
        """Open one archived chat (a returning client's, from the client panel)."""
        self._searched = True  # this is what the agent asked to see: no search over it
        self.archive.open_info(info)

    def show_chat_id(self, chat_id: int) -> None:
        """Open one archived chat by its id (S1: a row of the statistics' chats)."""
        self._searched = True
        self.archive.open(chat_id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._searched:
            self.search()

    # -------------------------------------------------------------- reactions

    def _on_archive_cleared(self) -> None:
        """A4: signed out; the next account starts from empty filters."""
        self._searched = False
        for edit in (self.text, self.visitor):
            edit.clear()
        self.state.setCurrentIndex(0)
        self.use_dates.setChecked(False)

    def _on_use_dates_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)

    def _on_team_changed(self) -> None:
        chosen = self.agent.currentData()
        self.agent.blockSignals(True)
        self.agent.clear()
        self.agent.addItem(self.tr("Any agent"), None)
        for agent in sorted(self.team.agents.values(), key=lambda a: a.name.lower()):
            self.agent.addItem(agent.name, agent.id)
        index = self.agent.findData(chosen)
        self.agent.setCurrentIndex(max(0, index))
        self.agent.blockSignals(False)

    def _title(self, info: Any) -> str:
        if info.visitor is None:
            return self.tr("Chat {0}").format(info.id)
        return isolate(visitor_name(info.visitor, self.tr("Client")))

    def _on_archive_results_changed(self) -> None:
        self.problem_bar.hide()
        self.results_model.clear()
        for info in self.archive.results:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.created_at))
            state = self.tr("Missed") if info.state == "missed" else self.tr("Closed")
            who = isolate(info.agent_name) or "—"
            lines = [f"{self._title(info)} · {state}", f"{when} · {who}"]
            if info.preview:
                lines.append(" ".join(info.preview.split())[:120])
            item = QStandardItem("\n".join(lines))
            item.setData(info.id, ChatIdRole)
            self.results_model.appendRow(item)
        total, offset = self.archive.total, self.archive.offset
        if total:
            last = min(total, offset + len(self.archive.results))
            self.count.setText(self.tr("{0}–{1} of {2}").format(offset + 1, last, total))
        else:
            self.count.setText(self.tr("No archived chats match.") if self._searched else "")
        self.previous.setEnabled(offset > 0)
        self.next.setEnabled(offset + PAGE < total)

    def _on_archive_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem_bar.show()

    def _on_results_clicked(self, index: QModelIndex) -> None:
        chat_id = index.data(ChatIdRole)
        if chat_id:
            self.archive.open(int(chat_id))

    def _on_messages_clicked(self, index: QModelIndex) -> None:
        self.delegate.flip(index.data(MessageRole))  # C11: the original, one click away

    def _on_translator_changed(self, chat_id: int) -> None:
        if chat_id and chat_id == self.archive.chat_id:
            self.delegate.invalidate()
            self.messages.doItemsLayout()
            self.messages.viewport().update()

    def _on_archive_conversation_loaded(self, chat_id: int) -> None:
        self.problem_bar.hide()
        # C11: what the relay stored (also on a language switch: into the new language).
        seqs = [m.seq for m in self.archive.messages if m.kind == "message" and m.seq is not None]
        if chat_id and seqs:
            self.translator.fetch_stored(chat_id, seqs)
        info = next((c for c in self.archive.results if c.id == chat_id), None)
        self.header.setText(
            self._title(info) if info is not None else self.tr("Choose a chat to read it.")
        )
