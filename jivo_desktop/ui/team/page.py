"""Equipo (T1): every agent with a live status circle and its departments (T4); admins change
an agent's role, departments and own chat limit from the row's menu (T3)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QVBoxLayout, QWidget

from jivo_desktop.services.account import AccountService
from jivo_desktop.services.team import TeamService
from jivo_desktop.ui.common.icons import status_dot
from jivo_desktop.ui.common.plain import PlainLabel, plain_tooltip
from jivo_desktop.ui.team.agent_dialog import AgentDialog


class TeamPage(QWidget):
    """Signals: ``chat_requested(int)``: the agent clicked a colleague (T2)."""

    chat_requested = Signal(int)

    def __init__(
        self,
        team: TeamService,
        parent: QWidget | None = None,
        account: AccountService | None = None,
    ) -> None:
        super().__init__(parent)
        self.team = team
        self.account = account
        self.agent_dialog: AgentDialog | None = None
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
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_list_custom_context_menu_requested)
        team.changed.connect(self._on_team_changed)
        if account is not None:
            account.admin_changed.connect(self._on_account_admin_changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch, G6)."""
        self.heading.setText(self.tr("Team"))
        legend = self.tr(
            "Green: online · Yellow: away · Empty: offline. Click a colleague to chat."
        )
        if self.is_admin:
            legend += " " + self.tr("Right-click an agent to change their settings.")
        self.legend.setText(legend)
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

    def _on_account_admin_changed(self, _admin: bool) -> None:
        self.retranslate()  # the legend names the admin's menu

    @property
    def is_admin(self) -> bool:
        return self.account is not None and self.account.is_admin

    def menu_for(self, agent_id: int) -> QMenu | None:
        """T3: the row's menu; only admins have one (the relay checks the role again)."""
        if not self.is_admin:
            return None
        menu = QMenu(self)
        settings = QAction(self.tr("Settings…"), menu)
        settings.triggered.connect(lambda: self.edit_agent(agent_id))
        menu.addAction(settings)
        return menu

    def edit_agent(self, agent_id: int) -> AgentDialog | None:
        if self.account is None or not self.is_admin:
            return None
        mate = next((m for m in self.account.team if m.id == agent_id), None)
        if mate is None:
            return None
        self.agent_dialog = AgentDialog(self.account, self.team, mate, self)
        self.agent_dialog.open()
        return self.agent_dialog

    def _on_list_custom_context_menu_requested(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        menu = self.menu_for(int(item.data(Qt.ItemDataRole.UserRole)))
        if menu is not None:
            menu.popup(self.list.viewport().mapToGlobal(pos))

    def _on_team_changed(self) -> None:
        self.list.clear()
        for agent in self.team.ordered():
            status = {"online": self.tr("online"), "away": self.tr("away")}.get(
                agent.status, self.tr("offline")
            )
            role = self.tr("admin") if agent.role == "admin" else self.tr("agent")
            text = f"{agent.name}   ·   {role}"
            departments = ", ".join(d.name for d in self.team.departments_of(agent.id))
            if departments:
                text += f"   ·   {departments}"
            item = QListWidgetItem(status_dot(agent.status, 14), text)
            item.setToolTip(plain_tooltip(f"{agent.email} — {status}"))
            item.setData(Qt.ItemDataRole.UserRole, agent.id)
            self.list.addItem(item)
