"""R2: Tareas: the tasks by due time, overdue ones marked, done with a tick; a new task in one
line (title, due date and time, notify me); a task changed in the task form (double-click or
Edit)."""

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
from jivo_desktop.services.team import TeamService
from jivo_desktop.ui.common.plain import PlainLabel
from jivo_desktop.ui.crm.clients import when
from jivo_desktop.ui.crm.task_form import TaskDialog
from server import protocol as p

OVERDUE = "#c0392b"


class TasksView(QWidget):
    def __init__(self, crm: CrmService, team: TeamService | None = None) -> None:
        super().__init__()
        self.crm = crm
        self.team = team
        self.edit_dialog: TaskDialog | None = None
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
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.itemDoubleClicked.connect(self._on_list_item_activated)
        self.list.currentItemChanged.connect(lambda *_: self._update_edit_button())
        layout.addWidget(self.list, 1)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self._on_edit_clicked)
        layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
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
        self.edit_button.setText(self.tr("Edit task"))
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
        current = self.list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else None
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
            if task.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(not self.crm.tasks)
        self._update_edit_button()

    def _update_edit_button(self) -> None:
        self.edit_button.setEnabled(self.list.currentItem() is not None)

    def edit(self, task_id: int) -> None:
        """Open the task form on the task (the one the client panel makes tasks with)."""
        task = self.crm.tasks.get(task_id)
        if task is None:
            return
        if self.edit_dialog is not None:
            self.edit_dialog.close()
        self.edit_dialog = TaskDialog(self.crm, self.team, task, parent=self)
        self.edit_dialog.open()

    def _on_edit_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.edit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.edit(int(item.data(Qt.ItemDataRole.UserRole)))

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
