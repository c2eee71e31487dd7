"""Ajustes → Hotkeys (G9): every action's shortcut, editable; a shortcut another action has is
refused with a message; reset to the guide's defaults; the global option for Accept."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.hotkeys import HotkeyConflict, HotkeyService
from jivo_desktop.ui.common.plain import PlainLabel


class HotkeysSection(QWidget):
    """``global_reason``: why a global shortcut cannot work on this machine (empty when it
    can), shown under the option; asked again on a language switch."""

    def __init__(
        self,
        hotkeys: HotkeyService,
        global_reason: Callable[[], str] = lambda: "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.hotkeys = hotkeys
        self.global_reason = global_reason
        self.names = self.action_names()
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(16)
        self.edits: dict[str, QKeySequenceEdit] = {}
        for row, action in enumerate(hotkeys.actions()):
            label = self.labels[action] = PlainLabel()
            edit = QKeySequenceEdit(QKeySequence(hotkeys.sequence(action)))
            edit.setMaximumSequenceLength(1)
            edit.setClearButtonEnabled(True)
            edit.setMinimumWidth(160)
            edit.editingFinished.connect(lambda action=action: self._on_edit_finished(action))
            edit.keySequenceChanged.connect(
                lambda seq, action=action: self._on_edit_changed(action, seq)
            )
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            self.edits[action] = edit
        self.message = PlainLabel()
        self.message.setObjectName("Problem")
        self.message.setWordWrap(True)
        self.message.hide()
        self.global_accept = QCheckBox()
        self.global_accept.setChecked(hotkeys.global_accept)
        self.global_accept.toggled.connect(hotkeys.set_global_accept)
        self.global_note = PlainLabel()
        self.global_note.setObjectName("FieldLabel")
        self.global_note.setWordWrap(True)
        self.reset = QPushButton()
        self.reset.clicked.connect(self._on_reset_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(self.global_accept)
        layout.addWidget(self.global_note)
        layout.addLayout(buttons)
        hotkeys.changed.connect(self._on_hotkeys_changed)
        self.retranslate()

    def action_names(self) -> dict[str, str]:
        return {
            "accept": self.tr("Accept the chat"),
            "previous": self.tr("Previous chat in the list"),
            "next": self.tr("Next chat in the list"),
            "close": self.tr("Close the chat"),
            "block": self.tr("Block the client"),
            "transfer": self.tr("Transfer the chat"),
        }

    def retranslate(self) -> None:
        self.names = self.action_names()
        for action, label in self.labels.items():
            label.setText(self.names.get(action, action))
        self.global_accept.setText(
            self.tr("Accept also works while the app is in the background (global shortcut)")
        )
        reason = self.global_reason()
        self.global_note.setText(self.tr("Not possible on this computer: {0}").format(reason))
        self.global_note.setVisible(bool(reason))
        self.reset.setText(self.tr("Reset to defaults"))
        self.message.hide()  # a refusal's text is in the old language
        # B9: the fields write their keys in the language they were set in ("Ctrl+Up"):
        # set them again, so Spanish reads "Ctrl+Arriba".
        for action, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setKeySequence(QKeySequence())
            edit.blockSignals(False)
            self._show(action, self.hotkeys.sequence(action))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_shortcut(self, action: str, sequence: str) -> bool:
        """What editing a field does; False (and the message shown) when refused."""
        try:
            self.hotkeys.set(action, sequence)
        except HotkeyConflict as exc:
            self.message.setText(
                self.tr("{0} is already the shortcut for “{1}”. Choose another one.").format(
                    QKeySequence(exc.sequence).toString(QKeySequence.SequenceFormat.NativeText),
                    self.names.get(exc.action, exc.action),
                )
            )
            self.message.show()
            self._show(action, self.hotkeys.sequence(action))
            return False
        self.message.hide()
        return True

    def _on_edit_finished(self, action: str) -> None:
        sequence = self.edits[action].keySequence()
        self.set_shortcut(action, sequence.toString(QKeySequence.SequenceFormat.PortableText))

    def _on_edit_changed(self, action: str, sequence: QKeySequence) -> None:
        if sequence.isEmpty():  # the clear button: no shortcut for this action
            self._on_edit_finished(action)

    def _on_reset_clicked(self) -> None:
        self.hotkeys.reset()
        self.message.hide()

    def _on_hotkeys_changed(self, action: str, sequence: str) -> None:
        self._show(action, sequence)

    def _show(self, action: str, sequence: str) -> None:
        edit = self.edits.get(action)
        if edit is not None:
            edit.blockSignals(True)
            edit.setKeySequence(QKeySequence(sequence))
            edit.blockSignals(False)
