"""C6: Tratos and Tareas in the client panel: the chat's client's deals and tasks, and a deal
or a task made from the chat in one step (the client and the chat filled in)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.crm import CrmService, money_text, parse_money
from jivo_desktop.services.team import TeamService
from jivo_desktop.tasks import spawn
from jivo_desktop.ui.common.plain import PlainLabel
from jivo_desktop.ui.crm.task_form import TaskDialog
from server import protocol as p

TASK_DELAYS = (15, 60, 24 * 60)
"""Minutes from now offered for a task made from the chat."""


class DealsTasksBox(QWidget):
    def __init__(self, crm: CrmService, team: TeamService | None = None) -> None:
        super().__init__()
        self.crm = crm
        self.team = team
        self.task_dialog: TaskDialog | None = None
        self.visitor_id = 0
        self.chat_id = 0
        self.client: p.ClientInfo | None = None
        self._client_deals: list[p.DealInfo] = []
        self._saved_deals: dict[int, p.DealInfo] = {}  # made here while the list loads
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.deals_title = PlainLabel()
        self.deals_title.setObjectName("FieldLabel")
        layout.addWidget(self.deals_title)
        self.deals = QListWidget()
        self.deals.setMaximumHeight(70)
        layout.addWidget(self.deals)
        deal_row = QHBoxLayout()
        self.deal_title = QLineEdit()
        self.deal_value = QLineEdit()
        self.add_deal = QPushButton()
        self.add_deal.clicked.connect(self._on_add_deal_clicked)
        layout.addWidget(self.deal_title)  # the panel is narrow: the title has its own line
        deal_row.addWidget(self.deal_value, 1)
        deal_row.addWidget(self.add_deal)
        layout.addLayout(deal_row)
        self.tasks_title = PlainLabel()
        self.tasks_title.setObjectName("FieldLabel")
        layout.addWidget(self.tasks_title)
        self.tasks = QListWidget()
        self.tasks.setMaximumHeight(70)
        layout.addWidget(self.tasks)
        task_row = QHBoxLayout()
        self.task_title = QLineEdit()
        self.task_when = QComboBox()
        self.add_task = QPushButton()
        self.add_task.clicked.connect(self._on_add_task_clicked)
        self.task_more = QPushButton("…")  # the whole task form: assignee, note, notify
        self.task_more.clicked.connect(self._on_task_more_clicked)
        title_row = QHBoxLayout()  # the panel is narrow: "…" beside the title, not the time
        title_row.addWidget(self.task_title, 1)
        title_row.addWidget(self.task_more)
        layout.addLayout(title_row)
        task_row.addWidget(self.task_when, 1)
        task_row.addWidget(self.add_task)
        layout.addLayout(task_row)
        crm.saved.connect(self._on_crm_saved)
        crm.tasks_changed.connect(self.fill)
        crm.deals_changed.connect(self.fill)
        self.retranslate()

    def retranslate(self) -> None:
        self.deals_title.setText(self.tr("Deals"))
        self.tasks_title.setText(self.tr("Tasks"))
        self.deal_title.setPlaceholderText(self.tr("New deal"))
        self.deal_value.setPlaceholderText(self.tr("Value"))
        self.add_deal.setText(self.tr("Add"))
        self.task_title.setPlaceholderText(self.tr("New task"))
        self.add_task.setText(self.tr("Add"))
        self.task_more.setToolTip(self.tr("Task with assignee, note and reminder…"))
        self.task_when.clear()
        self.task_when.addItems(
            [self.tr("in 15 minutes"), self.tr("in 1 hour"), self.tr("tomorrow")]
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_visitor(self, visitor_id: int, chat_id: int) -> None:
        self.chat_id = chat_id
        if visitor_id == self.visitor_id:
            return
        self.visitor_id = visitor_id
        self.client = None
        self._client_deals = []
        self._saved_deals = {}
        self.fill()
        if visitor_id:
            spawn(self._load(visitor_id), f"crm-panel-{visitor_id}")

    async def _load(self, visitor_id: int) -> None:
        client = await self.crm.client_for_visitor(visitor_id)
        if visitor_id != self.visitor_id or client is None:
            return
        self.client = client
        self.fill()  # the buttons work at once; the client's deals follow
        answer = await self.crm.ask(lambda i: p.ListDeals(id=i, client_id=client.id))
        if visitor_id == self.visitor_id:
            self._client_deals = answer.deals if isinstance(answer, p.DealList) else []
            self.fill()

    def fill(self) -> None:
        self.deals.clear()
        self.tasks.clear()
        client = self.client
        for widget in (self.add_deal, self.add_task, self.task_more):
            widget.setEnabled(client is not None)
        if client is None:
            return
        deals = {d.id: d for d in self._client_deals}
        deals.update(self._saved_deals)
        deals.update({d.id: d for d in self.crm.deals.values() if d.client_id == client.id})
        for deal in deals.values():
            self.deals.addItem(f"{deal.title} · {money_text(deal.value_minor, deal.currency)}")
        for task in self.crm.ordered_tasks():
            if task.client_id == client.id and not task.done:
                mark = self.tr("Overdue") + " · " if self.crm.overdue(task) else ""
                self.tasks.addItem(mark + task.title)

    def _on_crm_saved(self, kind: str, record: object) -> None:
        client = self.client
        if isinstance(record, p.DealInfo) and client is not None and record.client_id == client.id:
            self._saved_deals[record.id] = record
        self.fill()

    def _on_add_deal_clicked(self) -> None:
        title = self.deal_title.text().strip()
        value = parse_money(self.deal_value.text())
        funnel = self.crm.funnel()
        if self.client is None or not title or value is None:
            return
        if funnel is None:
            self.crm.problem.emit(
                self.tr("No sales funnel yet. An administrator makes one in Settings → CRM.")
            )
            return
        self.crm.save_deal(
            title=title, funnel_id=funnel.id, client_id=self.client.id, value_minor=value
        )
        self.deal_title.clear()
        self.deal_value.clear()

    def _due(self) -> float:
        return time.time() + TASK_DELAYS[max(0, self.task_when.currentIndex())] * 60

    def _on_task_more_clicked(self) -> None:
        if self.client is None:
            return
        if self.task_dialog is not None:
            self.task_dialog.close()
        self.task_dialog = TaskDialog(
            self.crm, self.team, title=self.task_title.text().strip(), due_at=self._due(),
            client_id=self.client.id, chat_id=self.chat_id or None, parent=self,
        )  # fmt: skip
        self.task_dialog.accepted.connect(self.task_title.clear)
        self.task_dialog.open()

    def _on_add_task_clicked(self) -> None:
        title = self.task_title.text().strip()
        if self.client is None or not title:
            return
        self.crm.save_task(
            title=title, due_at=self._due(), client_id=self.client.id,
            chat_id=self.chat_id or None,
        )  # fmt: skip
        self.task_title.clear()
