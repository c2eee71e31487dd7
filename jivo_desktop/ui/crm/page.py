"""The CRM sidebar page: Clientes (R1), Tareas (R2) and Embudo de ventas (R3) as tabs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from jivo_desktop.services.crm import CrmService
from jivo_desktop.services.team import TeamService
from jivo_desktop.ui.common.plain import PlainLabel
from jivo_desktop.ui.crm.board import BoardView
from jivo_desktop.ui.crm.clients import ClientsView
from jivo_desktop.ui.crm.tasks import TasksView


class CrmPage(QWidget):
    """Signals: ``chat_requested(int)``: a chat of a client's timeline was opened."""

    chat_requested = Signal(int)

    def __init__(self, crm: CrmService, team: TeamService | None = None) -> None:
        super().__init__()
        self.crm = crm
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        self.heading = PlainLabel()
        self.heading.setObjectName("PanelTitle")
        layout.addWidget(self.heading)
        self.tabs = QTabWidget()
        self.clients = ClientsView(crm, team)
        self.tasks = TasksView(crm, team)
        self.board = BoardView(crm)
        self.tabs.addTab(self.clients, "")
        self.tabs.addTab(self.tasks, "")
        self.tabs.addTab(self.board, "")
        layout.addWidget(self.tabs, 1)
        self.problem = PlainLabel()
        self.problem.setObjectName("Problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.clients.chat_requested.connect(self.chat_requested)
        crm.problem.connect(self._on_crm_problem)
        crm.saved.connect(lambda _kind, _record: self.problem.hide())
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("CRM"))
        self.tabs.setTabText(0, self.tr("Clients"))
        self.tabs.setTabText(1, self.tr("Tasks"))
        self.tabs.setTabText(2, self.tr("Sales funnel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex({"clients": 0, "tasks": 1, "board": 2}[name])

    def _on_crm_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
