"""Pick a colleague for a transfer (C9, with a note the visitor never sees) or an invitation
(C7). Each colleague shows its status and how many chats it has open now; with departments
(T4) they are listed under each of theirs, so "un compañero de otro departamento" is easy to
find."""

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
from jivo_desktop.ui.common.icons import status_dot
from jivo_desktop.ui.common.plain import PlainLabel
from server import protocol as p


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
        colleagues = [a for a in self.team.ordered() if a.id != me and a.status != "offline"]
        groups: list[tuple[str, list[p.AgentInfo]]] = []
        if self.team.departments:  # T4: by department, then those in none
            placed: set[int] = set()
            for department in self.team.departments:
                members = [a for a in colleagues if a.id in department.agent_ids]
                placed.update(a.id for a in members)
                if members:
                    groups.append((department.name, members))
            rest = [a for a in colleagues if a.id not in placed]
            if rest:
                groups.append((self.tr("No department"), rest))
        else:
            groups.append(("", colleagues))
        for title, members in groups:
            if title:
                header = QListWidgetItem(title)
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                self.list.addItem(header)
            for agent in members:
                count = self.loads.get(agent.id, 0)
                chats = (
                    self.tr("1 open chat")
                    if count == 1
                    else self.tr("{0} open chats").format(count)
                )
                item = QListWidgetItem(
                    status_dot(agent.status),
                    f"{agent.name}  ·  {status_words[agent.status]}  ·  {chats}",
                )
                item.setData(Qt.ItemDataRole.UserRole, agent.id)
                self.list.addItem(item)
                if agent.id == current and self.selected_agent() is None:
                    self.list.setCurrentItem(item)
        if self.selected_agent() is None:
            first = next((r for r in range(self.list.count()) if self._agent_at(r) is not None), -1)
            if first >= 0:
                self.list.setCurrentRow(first)
        self.empty.setVisible(not colleagues)
        self.ok_button.setEnabled(self.selected_agent() is not None)

    def _agent_at(self, row: int) -> int | None:
        value = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def selected_agent(self) -> int | None:
        item = self.list.currentItem()
        if item is None:
            return None
        value = item.data(Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def department_titles(self) -> list[str]:
        """The group headings shown (T4), for tests and screen readers."""
        return [
            self.list.item(r).text() for r in range(self.list.count()) if self._agent_at(r) is None
        ]

    def select_agent(self, agent_id: int) -> None:
        for row in range(self.list.count()):
            if self._agent_at(row) == agent_id:
                self.list.setCurrentRow(row)
                return

    def _on_list_current_row_changed(self, _row: int) -> None:
        self.ok_button.setEnabled(self.selected_agent() is not None)

    def _on_buttons_accepted(self, *_args: object) -> None:
        agent_id = self.selected_agent()
        if agent_id is None:
            return
        self.chosen.emit(agent_id, self.note.toPlainText().strip())
        self.accept()
