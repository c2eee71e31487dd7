"""Pick a colleague for a transfer (C9, with a note the visitor never sees) or an invitation
(C7). Each colleague shows its status and how many chats it has open now."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.actions import ChatActionsService
from jivo_desktop.services.team import TeamService
from jivo_desktop.ui.icons import status_dot
from jivo_desktop.ui.plain import PlainLabel


class ColleagueDialog(QDialog):
    """Signals: ``chosen(int, str)``: the colleague's id and the note."""

    chosen = Signal(int, str)

    def __init__(
        self,
        mode: str,
        actions: ChatActionsService,
        team: TeamService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self.chat_actions = actions
        self.team = team
        self.loads: dict[int, int] = {}
        transfer = mode == "transfer"
        self.setWindowTitle(self.tr("Transfer chat") if transfer else self.tr("Invite a colleague"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        intro = PlainLabel(
            self.tr("Choose a colleague. The chat moves when they accept; until then it is yours.")
            if transfer
            else self.tr("Choose a colleague to join this chat. You stay in it.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("Colleagues")
        layout.addWidget(self.list, 1)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            self.tr("A note for your colleague (the visitor never sees it)")
        )
        self.note.setFixedHeight(80)
        self.note_label = PlainLabel(self.tr("Note for the colleague"))
        self.note_label.setObjectName("FieldLabel")
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        self.note.setVisible(transfer)
        self.note_label.setVisible(transfer)
        self.empty = PlainLabel(self.tr("No colleague is online right now."))
        self.empty.setObjectName("FieldLabel")
        layout.addWidget(self.empty)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(
            self.tr("Transfer") if transfer else self.tr("Invite"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.ok_button.setObjectName("Primary")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.list.itemDoubleClicked.connect(self._on_buttons_accepted)
        actions.loads_ready.connect(self._on_actions_loads_ready)
        team.changed.connect(self._fill)
        self._fill()
        actions.refresh_loads()

    def _on_actions_loads_ready(self, loads: dict[int, int]) -> None:
        self.loads = dict(loads)
        self._fill()

    def _fill(self) -> None:
        current = self.selected_agent()
        self.list.clear()
        me = self.chat_actions.chats.me
        status_words = {"online": self.tr("online"), "away": self.tr("away")}
        for agent in self.team.ordered():
            if agent.id == me or agent.status == "offline":
                continue
            count = self.loads.get(agent.id, 0)
            chats = (
                self.tr("1 open chat") if count == 1 else self.tr("{0} open chats").format(count)
            )
            item = QListWidgetItem(
                status_dot(agent.status),
                f"{agent.name}  ·  {status_words[agent.status]}  ·  {chats}",
            )
            item.setData(Qt.ItemDataRole.UserRole, agent.id)
            self.list.addItem(item)
            if agent.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.empty.setVisible(self.list.count() == 0)
        self.ok_button.setEnabled(self.selected_agent() is not None)

    def selected_agent(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def select_agent(self, agent_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == agent_id:
                self.list.setCurrentRow(row)

    def _on_list_current_row_changed(self, _row: int) -> None:
        self.ok_button.setEnabled(self.selected_agent() is not None)

    def _on_buttons_accepted(self, *_args: object) -> None:
        agent_id = self.selected_agent()
        if agent_id is None:
            return
        self.chosen.emit(agent_id, self.note.toPlainText().strip())
        self.accept()
