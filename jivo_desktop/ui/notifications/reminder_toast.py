"""R2: a task's reminder ("Recordatorio"): a card in the corner of the screen with the task,
its client and Open / Snooze / Done. Open brings up the task's chat (or the client's card) in
the app, as JivoChat opens the chat by itself; each button also ends the reminder on the relay
(it is not shown again at the next sign-in)."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from jivo_desktop.services.crm import CrmService
from jivo_desktop.ui.common import style
from jivo_desktop.ui.common.plain import PlainLabel, isolate
from server import protocol as p

FLAGS = (
    Qt.WindowType.Tool
    | Qt.WindowType.FramelessWindowHint
    | Qt.WindowType.WindowStaysOnTopHint
    | Qt.WindowType.WindowDoesNotAcceptFocus
)
WIDTH = 340
MARGIN = 10
TOP_OFFSET = 40  # top right: the chat and invitation toasts stack from the bottom
SNOOZE_MINUTES = 10


class ReminderCard(QFrame):
    def __init__(self, task: p.TaskInfo) -> None:
        super().__init__(None, FLAGS)
        self.task = task
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setObjectName("ReminderCard")
        self.setStyleSheet(
            f"QFrame#ReminderCard {{ background: white; border: 2px solid {style.WAITING};"
            " border-radius: 10px; }"
        )
        self.setFixedWidth(WIDTH)
        layout = QVBoxLayout(self)
        self.heading = PlainLabel(self.tr("Reminder"))
        self.heading.setObjectName("FieldLabel")
        layout.addWidget(self.heading)
        self.title = PlainLabel(isolate(task.title))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.title)
        due = datetime.datetime.fromtimestamp(task.due_at).strftime("%Y-%m-%d %H:%M")
        detail = self.tr("Due {0}").format(due)
        if task.client_name:
            detail += " · " + isolate(task.client_name)
        self.detail = PlainLabel(detail)
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        if task.note:
            note = PlainLabel(isolate(task.note[:200]))
            note.setWordWrap(True)
            layout.addWidget(note)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("Primary")
        self.snooze_button = QPushButton(self.tr("Snooze"))
        self.snooze_button.setToolTip(
            self.tr("Remind me again in {0} minutes").format(SNOOZE_MINUTES)
        )
        self.done_button = QPushButton(self.tr("Done"))
        for button in (self.open_button, self.snooze_button, self.done_button):
            row.addWidget(button)
        layout.addLayout(row)


class ReminderToasts(QObject):
    """One card per due reminder. Signals: ``open_requested(object)``: Open on a task's card
    (a ``TaskInfo``): the app shows its chat or its client."""

    open_requested = Signal(object)

    def __init__(self, crm: CrmService) -> None:
        super().__init__()
        self.crm = crm
        self.cards: dict[int, ReminderCard] = {}
        crm.reminder_due.connect(self._on_crm_reminder_due)
        crm.tasks_changed.connect(self._on_crm_tasks_changed)

    def _on_crm_reminder_due(self, task: p.TaskInfo) -> None:
        self.dismiss(task.id)
        card = self.cards[task.id] = ReminderCard(task)
        card.open_button.clicked.connect(lambda: self.open(task.id))
        card.snooze_button.clicked.connect(lambda: self.snooze(task.id))
        card.done_button.clicked.connect(lambda: self.done(task.id))
        card.adjustSize()
        self._place()
        card.show()

    def _on_crm_tasks_changed(self) -> None:
        for task_id in list(self.cards):  # done elsewhere (another device, the list)
            task = self.crm.tasks.get(task_id)
            if task is None or task.done:
                self.dismiss(task_id)

    def open(self, task_id: int) -> None:
        card = self.cards.get(task_id)
        if card is None:
            return
        self.crm.dismiss(task_id)
        self.dismiss(task_id)
        self.open_requested.emit(card.task)

    def snooze(self, task_id: int) -> None:
        self.crm.snooze(task_id, SNOOZE_MINUTES)
        self.dismiss(task_id)

    def done(self, task_id: int) -> None:
        self.crm.complete_task(task_id)
        self.dismiss(task_id)

    def dismiss(self, task_id: int) -> None:
        card = self.cards.pop(task_id, None)
        if card is not None:
            card.hide()
            card.deleteLater()
            self._place()

    def _place(self) -> None:
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        top = area.top() + TOP_OFFSET
        for card in self.cards.values():
            card.adjustSize()
            card.move(area.right() - WIDTH - MARGIN, top)
            top += card.height() + MARGIN

    def close(self) -> None:
        for task_id in list(self.cards):
            self.dismiss(task_id)


def visible_cards(toasts: ReminderToasts) -> list[QWidget]:
    return [c for c in toasts.cards.values() if c.isVisible()]
