"""C5 in the client panel: the client's assigned agent, who gets the client's next chats first
while online."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.conversations import Chat
from jivo_desktop.services.team import TeamService
from jivo_desktop.ui.common.plain import PlainLabel


class AssignedAgentBox(QWidget):
    """A caption and a list: "Nobody" or one of the team. Choosing calls the service."""

    def __init__(self, chats: ChatsService, team: TeamService, parent: QWidget | None = None):
        super().__init__(parent)
        self.chats = chats
        self.team = team
        self.visitor_id = 0
        self.current: int | None = None
        self.caption = PlainLabel()
        self.caption.setObjectName("FieldLabel")
        self.combo = QComboBox()
        self.combo.setObjectName("AssignedAgent")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.combo)
        self.combo.activated.connect(self._on_combo_activated)
        team.changed.connect(self._fill)
        self.retranslate()
        self.setVisible(False)

    def retranslate(self) -> None:
        """Texts in the current language (G6)."""
        self.caption.setText(self.tr("Assigned agent"))
        self.combo.setToolTip(
            self.tr("The client's next chats go first to this agent while they are online")
        )
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "combo"):
            self.retranslate()
        super().changeEvent(event)

    def show_chat(self, chat: Chat | None) -> None:
        visitor = chat.info.visitor if chat is not None else None
        self.setVisible(visitor is not None)
        self.visitor_id = visitor.id if visitor is not None else 0
        self.current = visitor.assigned_agent_id if visitor is not None else None
        self._fill()

    def _fill(self) -> None:
        self.combo.clear()
        self.combo.addItem(self.tr("Nobody"), None)
        for agent in sorted(self.team.agents.values(), key=lambda a: a.name.lower()):
            self.combo.addItem(agent.name, agent.id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(self.current)))

    def _on_combo_activated(self, index: int) -> None:
        agent_id = self.combo.itemData(index)
        if self.visitor_id and agent_id != self.current:
            self.current = agent_id
            self.chats.set_assigned_agent(self.visitor_id, agent_id)
