"""G2 in the message input: the rest of a frequent phrase shown in grey right after the
cursor; Tab takes it, Esc or typing on dismisses it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from jivo_desktop.services.typing_hints import TypingHints
from jivo_desktop.ui.common.plain import PlainLabel


class TypingHintAssist(QObject):
    def __init__(self, editor: QPlainTextEdit, hints: TypingHints) -> None:
        super().__init__(editor)
        self.editor = editor
        self.hints = hints
        self.suggestion = ""
        self.ghost = PlainLabel(editor.viewport())
        self.ghost.setObjectName("TypingHint")
        self.ghost.setStyleSheet("color: #9aa3a0; background: transparent;")
        self.ghost.setFont(editor.font())
        self.ghost.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.ghost.hide()
        editor.textChanged.connect(self.update)
        editor.cursorPositionChanged.connect(self.update)
        editor.installEventFilter(self)

    def update(self) -> None:
        cursor = self.editor.textCursor()
        text = self.editor.toPlainText()
        at_end = not cursor.hasSelection() and cursor.position() == len(text)
        self.suggestion = self.hints.suggest(text) if at_end and self.editor.isEnabled() else ""
        if not self.suggestion:
            self.ghost.hide()
            return
        rect = self.editor.cursorRect()
        room = self.editor.viewport().width() - rect.right() - 4
        shown = self.ghost.fontMetrics().elidedText(
            self.suggestion.replace("\n", " "), Qt.TextElideMode.ElideRight, max(room, 0)
        )
        self.ghost.setText(shown + "  ⇥")
        self.ghost.adjustSize()
        self.ghost.move(rect.right() + 1, rect.top() + (rect.height() - self.ghost.height()) // 2)
        self.ghost.setVisible(room > 20)

    def accept(self) -> bool:
        """Take the suggestion (what Tab does); False when there was none."""
        if not self.suggestion:
            return False
        cursor = self.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(self.suggestion)
        self.editor.setTextCursor(cursor)
        return True

    def dismiss(self) -> None:
        self.suggestion = ""
        self.ghost.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
            if event.key() == Qt.Key.Key_Tab and plain and self.suggestion:
                self.accept()
                return True
            if event.key() == Qt.Key.Key_Escape and self.suggestion:
                self.dismiss()
                return True
        elif event.type() == QEvent.Type.FocusOut:
            self.ghost.hide()
        elif event.type() == QEvent.Type.FocusIn and self.suggestion:
            self.ghost.show()
        return super().eventFilter(watched, event)
