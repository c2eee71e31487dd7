"""G5 in the message input: misspelled words get a red wavy underline; a right-click on one
offers the corrections and "Add to dictionary" above the usual edit menu."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from jivo_desktop.services.spelling import SpellService


class SpellHighlighter(QSyntaxHighlighter):
    def __init__(self, editor: QPlainTextEdit, spelling: SpellService) -> None:
        super().__init__(editor.document())
        self.spelling = spelling
        self.mark = QTextCharFormat()
        self.mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.mark.setUnderlineColor(QColor("#d93025"))
        self.typing_at = -1
        """The cursor's position: the word that ends there is still being typed, unmarked."""

    def highlightBlock(self, text: str) -> None:
        typing = self.typing_at - self.currentBlock().position()
        for start, length, word in self.spelling.words(text):
            if start + length != typing and self.spelling.misspelled(word):
                self.setFormat(start, length, self.mark)


class SpellCheckAssist(QObject):
    """Spell checking for one ``QPlainTextEdit`` (the composer)."""

    def __init__(self, editor: QPlainTextEdit, spelling: SpellService) -> None:
        super().__init__(editor)
        self.editor = editor
        self.spelling = spelling
        self.highlighter = SpellHighlighter(editor, spelling)
        spelling.changed.connect(self.highlighter.rehighlight)
        editor.cursorPositionChanged.connect(self._on_editor_cursor_position_changed)
        # A context-menu event of a scroll area arrives at its viewport.
        editor.viewport().installEventFilter(self)
        # The dictionary (pyspellchecker's list, tens of MiB) loads when there is first text to
        # check, not at the app's start (issue 15); the document's own signal, so a draft put
        # back with the editor's signals blocked counts too.
        self._prepared = False
        editor.document().contentsChanged.connect(self._on_document_contents_changed)
        self._on_document_contents_changed()

    def _on_document_contents_changed(self) -> None:
        if not self._prepared and not self.editor.document().isEmpty():
            self._prepared = True
            self.editor.document().contentsChanged.disconnect(self._on_document_contents_changed)
            self.spelling.prepare()

    def _on_editor_cursor_position_changed(self) -> None:
        cursor = self.editor.textCursor()
        at = -1 if cursor.hasSelection() else cursor.position()
        if at != self.highlighter.typing_at:
            self.highlighter.typing_at = at
            self.highlighter.rehighlight()

    def underlined(self) -> list[str]:
        """The words marked now (for tests and diagnostics)."""
        words: list[str] = []
        block = self.editor.document().begin()
        while block.isValid():
            text = block.text()
            layout = block.layout()
            for fmt in layout.formats() if layout is not None else []:
                if (
                    fmt.format.underlineStyle()
                    == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
                ):
                    words.append(text[fmt.start : fmt.start + fmt.length])
            block = block.next()
        return words

    def word_at(self, pos: QPoint) -> tuple[QTextCursor, str] | None:
        """The word under a viewport position, selected in the returned cursor."""
        cursor = self.editor.cursorForPosition(pos)
        block = cursor.block()
        offset = cursor.positionInBlock()
        for start, length, word in self.spelling.words(block.text()):
            if start <= offset <= start + length:
                selection = QTextCursor(block)
                selection.setPosition(block.position() + start)
                selection.setPosition(
                    block.position() + start + length, QTextCursor.MoveMode.KeepAnchor
                )
                return selection, word
        return None

    def menu_at(self, pos: QPoint) -> QMenu:
        """The context menu for a viewport position (not shown)."""
        menu = self.editor.createStandardContextMenu(pos)
        found = self.word_at(pos)
        if found is None or not self.spelling.misspelled(found[1]):
            return menu
        cursor, word = found
        first = menu.actions()[0] if menu.actions() else None
        suggestions = self.spelling.suggestions(word)
        bold = QFont(menu.font())
        bold.setBold(True)
        added: list[QAction] = []
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            action.setFont(bold)
            action.triggered.connect(lambda _=False, c=cursor, s=suggestion: self._replace(c, s))
            added.append(action)
        if not suggestions:
            none = QAction(self.tr("No suggestions"), menu)
            none.setEnabled(False)
            added.append(none)
        add = QAction(self.tr("Add “{0}” to the dictionary").format(word), menu)
        add.triggered.connect(lambda _=False, w=word: self.spelling.add_word(w))
        added.append(add)
        menu.insertActions(first, added)  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]
        return menu

    def _replace(self, cursor: QTextCursor, word: str) -> None:
        cursor.insertText(word)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            menu = self.menu_at(event.pos())
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(event.globalPos())
            return True
        return super().eventFilter(watched, event)
