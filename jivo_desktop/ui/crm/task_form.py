"""R2/C6: the one task form (title, due date and time, assignee, note, "notify me"): a new task
from the client panel (the client and the chat filled in) and a task changed from Tareas."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.crm import CrmService
from jivo_desktop.services.team import TeamService
from jivo_desktop.ui.common.plain import PlainLabel, isolate
from server import protocol as p


class TaskDialog(QDialog):
    """Edits ``task`` (None: a new one due at ``due_at``, linked to ``client_id``/``chat_id``);
    on OK the task is saved through the service (a refusal shows on the CRM page)."""

    def __init__(
        self, crm: CrmService, team: TeamService | None, task: p.TaskInfo | None = None, *,
        title: str = "", due_at: float | None = None, client_id: int | None = None,
        chat_id: int | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.crm, self.team, self.task = crm, team, task
        self.links: dict[str, Any] = {"client_id": client_id, "chat_id": chat_id}
        if task is not None:
            self.links = {"client_id": task.client_id, "deal_id": task.deal_id,
                          "chat_id": task.chat_id}  # fmt: skip
        self.setWindowTitle(self.tr("Edit task") if task else self.tr("New task"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(task.title if task else title)
        self.title.setMaxLength(200)
        due = task.due_at if task else (due_at if due_at is not None else time.time() + 3600)
        self._shown_due = QDateTime.fromSecsSinceEpoch(int(due))
        self.due = QDateTimeEdit(self._shown_due)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self._due_at = due
        self.assignee = QComboBox()
        me = crm.session.agent.id if crm.session.agent is not None else 0
        self.assignee.addItem(self.tr("Me"), me)
        if team is not None:
            for agent in team.ordered():
                if agent.id != me:
                    self.assignee.addItem(isolate(agent.name), agent.id)
        if task is not None:
            if self.assignee.findData(task.assignee_id) < 0:  # an admin sees others' tasks
                name = team.name_of(task.assignee_id) if team is not None else ""
                self.assignee.addItem(isolate(name or f"#{task.assignee_id}"), task.assignee_id)
            self.assignee.setCurrentIndex(self.assignee.findData(task.assignee_id))
        self.note = QPlainTextEdit(task.note if task else "")
        self.note.setMaximumHeight(90)
        self.notify = QCheckBox(self.tr("Notify me"))
        self.notify.setChecked(task.notify if task else True)
        form.addRow(PlainLabel(self.tr("Title")), self.title)
        form.addRow(PlainLabel(self.tr("Due")), self.due)
        form.addRow(PlainLabel(self.tr("Assignee")), self.assignee)
        form.addRow(PlainLabel(self.tr("Note")), self.note)
        form.addRow(PlainLabel(), self.notify)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self._on_title_text_changed)
        self._on_title_text_changed(self.title.text())

    def fields(self) -> dict[str, Any]:
        """The ``SaveTask`` fields (the due time kept to the second when not changed)."""
        shown = self.due.dateTime()
        due = self._due_at if shown == self._shown_due else float(shown.toSecsSinceEpoch())
        return {
            "task_id": self.task.id if self.task else None,
            "title": self.title.text().strip(), "due_at": due,
            "assignee_id": int(self.assignee.currentData() or 0) or None,
            "note": self.note.toPlainText()[: p.MAX_CLIENT_NOTES],
            "notify": self.notify.isChecked(), **self.links,
        }  # fmt: skip

    def accept(self) -> None:
        fields = self.fields()
        if not fields["title"]:
            return
        self.crm.save_task(**fields)
        super().accept()

    def _on_title_text_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))
