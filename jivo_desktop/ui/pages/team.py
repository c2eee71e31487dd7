"""Equipo (T1): every agent with a live status circle."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from jivo_desktop.services.team import TeamService
from jivo_desktop.ui.icons import status_dot
from jivo_desktop.ui.plain import PlainLabel, plain_tooltip


class TeamPage(QWidget):
    """Signals: ``chat_requested(int)``: the agent clicked a colleague (T2)."""

    chat_requested = Signal(int)

    def __init__(self, team: TeamService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.team = team
        self.heading = heading = PlainLabel()
        heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.legend = legend = PlainLabel()
        legend.setWordWrap(True)
        legend.setObjectName("FieldLabel")
        self.list = QListWidget()
        self.list.setStyleSheet(
            "QListWidget { font-size: 14px; } QListWidget::item { padding: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(heading)
        layout.addWidget(legend)
        layout.addWidget(self.list, 1)
        self.list.itemClicked.connect(self._on_list_item_clicked)
        team.changed.connect(self._on_team_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch, G6)."""
        self.heading.setText(self.tr("Team"))
        self.legend.setText(
            self.tr("Green: online · Yellow: away · Empty: offline. Click a colleague to chat.")
        )
        self._on_team_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_list_item_clicked(self, item: QListWidgetItem) -> None:
        agent_id = int(item.data(Qt.ItemDataRole.UserRole))
        me = self.team.session.agent
        if me is None or agent_id != me.id:
            self.chat_requested.emit(agent_id)

    def _on_team_changed(self) -> None:
        self.list.clear()
        for agent in self.team.ordered():
            status = {"online": self.tr("online"), "away": self.tr("away")}.get(
                agent.status, self.tr("offline")
            )
            role = self.tr("admin") if agent.role == "admin" else self.tr("agent")
            item = QListWidgetItem(status_dot(agent.status, 14), f"{agent.name}   ·   {role}")
            item.setToolTip(plain_tooltip(f"{agent.email} — {status}"))
            item.setData(Qt.ItemDataRole.UserRole, agent.id)
            self.list.addItem(item)
