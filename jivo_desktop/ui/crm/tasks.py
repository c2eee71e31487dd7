"""R2: Tareas: the tasks by due time, overdue ones marked, done with a tick; a new task in one
line (title, due date and time, notify me)."""

from __future__ import annotations

import time

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.crm import CrmService
from jivo_desktop.ui.common.plain import PlainLabel
from jivo_desktop.ui.crm.clients import when
from server import protocol as p

OVERDUE = "#c0392b"


class TasksView(QWidget):
    def __init__(self, crm: CrmService) -> None:
        super().__init__()
        self.crm = crm
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.title = QLineEdit()
        self.due = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.notify = QCheckBox()
        self.notify.setChecked(True)
        self.add_button = QPushButton()
        self.add_button.setObjectName("Primary")
        self.add_button.clicked.connect(self._on_add_clicked)
        row.addWidget(self.title, 1)
        row.addWidget(self.due)
        row.addWidget(self.notify)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.list = QListWidget()
        self.list.itemChanged.connect(self._on_list_item_changed)
        layout.addWidget(self.list, 1)
        self.empty = PlainLabel()
        self.empty.setObjectName("Muted")
        layout.addWidget(self.empty)
        crm.tasks_changed.connect(self.fill)
        self._tick = QTimer(self)  # a task turns overdue while the list is on screen
        self._tick.setInterval(30_000)
        self._tick.timeout.connect(self.fill)
        self._tick.start()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setPlaceholderText(self.tr("New task: call the client back…"))
        self.notify.setText(self.tr("Notify me"))
        self.add_button.setText(self.tr("Add task"))
        self.empty.setText(self.tr("No tasks. Add one above or from a chat's client panel."))
        self.fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def line(self, task: p.TaskInfo, now: float) -> str:
        text = f"{when(task.due_at)} · {task.title}"
        if task.client_name:
            text += f" · {task.client_name}"
        if self.crm.overdue(task, now):
            text = self.tr("Overdue") + " · " + text
        return text

    def fill(self) -> None:
        now = time.time()
        self.list.blockSignals(True)
        self.list.clear()
        for task in self.crm.ordered_tasks():
            item = QListWidgetItem(self.line(task, now))
            item.setData(Qt.ItemDataRole.UserRole, task.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if task.done else Qt.CheckState.Unchecked)
            if self.crm.overdue(task, now):
                item.setForeground(QBrush(QColor(OVERDUE)))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(not self.crm.tasks)

    def _on_add_clicked(self) -> None:
        title = self.title.text().strip()
        if not title:
            return
        self.crm.save_task(
            title=title, due_at=self.due.dateTime().toSecsSinceEpoch(),
            notify=self.notify.isChecked(),
        )  # fmt: skip
        self.title.clear()

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        task_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.crm.complete_task(task_id, item.checkState() == Qt.CheckState.Checked)
