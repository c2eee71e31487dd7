"""P1: "log call": how a call went (answered, no answer, busy, wrong number), how long it
took and a note. Opened (``open()``) when the app starts a call or a softphone's hook reports
one; Save stores it on the relay through the call log service."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.call_log import OUTCOMES, CallLogService, caller_name
from jivo_desktop.services.calling import CallingService
from jivo_desktop.tasks import spawn
from jivo_desktop.ui.common.plain import PlainLabel, isolate
from server import protocol as p


class LogCallDialog(QDialog):
    """Edits the logged ``call``; Save sends it (a refusal shows under the form and the dialog
    stays open)."""

    def __init__(
        self,
        call_log: CallLogService,
        calling: CallingService,
        call: p.CallInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.call_log, self.calling, self.call = call_log, calling, call
        self.setObjectName("LogCallDialog")
        self.who = PlainLabel()
        self.who.setObjectName("PanelTitle")
        self.direction = QComboBox()
        self.direction.addItem("", "out")
        self.direction.addItem("", "in")
        self.direction.setCurrentIndex(self.direction.findData(call.direction))
        self.outcome = QComboBox()
        # "Not told" first: a call whose outcome nobody chose yet must not be saved as
        # answered by an agent who only presses Save (a missed incoming call logged by a hook).
        for outcome in ("", *OUTCOMES):
            self.outcome.addItem("", outcome)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(call.outcome)))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, p.MAX_CALL_SECONDS // 60 - 1)
        self.seconds = QSpinBox()
        self.seconds.setRange(0, 59)
        self.minutes.setValue(call.duration // 60)
        self.seconds.setValue(call.duration % 60)
        duration = QHBoxLayout()
        duration.addWidget(self.minutes)
        self.minutes_label = PlainLabel()
        duration.addWidget(self.minutes_label)
        duration.addWidget(self.seconds)
        self.seconds_label = PlainLabel()
        duration.addWidget(self.seconds_label)
        duration.addStretch(1)
        self.note = QPlainTextEdit(call.note)
        self.note.setMaximumHeight(100)
        self.captions = {k: PlainLabel() for k in ("direction", "outcome", "duration", "note")}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.captions["direction"], self.direction)
        form.addRow(self.captions["outcome"], self.outcome)
        form.addRow(self.captions["duration"], duration)
        form.addRow(self.captions["note"], self.note)
        self.problem = PlainLabel()
        self.problem.setObjectName("Problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        call_log.problem.connect(self._on_call_log_problem)
        self.resize(420, 380)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log call"))
        number = self.calling.display(self.call.number)
        name = caller_name(self.call)
        self.who.setText(f"{isolate(name)} · {number}" if name else number)
        self.captions["direction"].setText(self.tr("Direction"))
        self.captions["outcome"].setText(self.tr("Outcome"))
        self.captions["duration"].setText(self.tr("Duration"))
        self.captions["note"].setText(self.tr("Note"))
        self.direction.setItemText(0, self.tr("Outgoing"))
        self.direction.setItemText(1, self.tr("Incoming"))
        texts = outcome_texts()
        for row in range(self.outcome.count()):
            self.outcome.setItemText(row, texts[str(self.outcome.itemData(row))])
        self.minutes_label.setText(self.tr("min"))
        self.seconds_label.setText(self.tr("s"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "captions"):
            self.retranslate()
        super().changeEvent(event)

    def fields(self) -> dict[str, object]:
        return {
            "call_id": self.call.id,
            "number": self.call.number,
            "client_id": self.call.client_id,
            "direction": str(self.direction.currentData()),
            "outcome": str(self.outcome.currentData()),
            "duration": min(self.minutes.value() * 60 + self.seconds.value(), p.MAX_CALL_SECONDS),
            "note": self.note.toPlainText().strip()[: p.MAX_CALL_NOTE],
        }

    def accept(self) -> None:
        self.buttons.setEnabled(False)
        self.problem.hide()
        spawn(self._save(), "log-call-save")

    async def _save(self) -> None:
        saved = await self.call_log.save(**self.fields())
        self.buttons.setEnabled(True)
        if saved is not None:
            super().accept()

    def _on_call_log_problem(self, text: str) -> None:
        if self.isVisible():
            self.problem.setText(text)
            self.problem.show()


def outcome_texts() -> dict[str, str]:
    """The outcomes in the interface language (the dialog, the client's timeline)."""
    return {
        "": QCoreApplication.translate("LogCallDialog", "Not told"),
        "answered": QCoreApplication.translate("LogCallDialog", "Answered"),
        "no_answer": QCoreApplication.translate("LogCallDialog", "No answer"),
        "busy": QCoreApplication.translate("LogCallDialog", "Busy"),
        "wrong_number": QCoreApplication.translate("LogCallDialog", "Wrong number"),
    }
