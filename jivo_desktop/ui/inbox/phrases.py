"""Quick phrases in the app (C12): the popup that typing ``/shortcut`` in the composer opens
(arrows choose, Enter or Tab inserts, Escape closes), and the manager to search, add, edit
(pencil) and delete the team's phrases."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.phrases import PhrasesService
from jivo_desktop.ui.common.plain import PlainLabel, plain_tooltip
from server import protocol as p

POPUP_FLAGS = (
    Qt.WindowType.ToolTip
    | Qt.WindowType.FramelessWindowHint
    | Qt.WindowType.WindowDoesNotAcceptFocus
)


def phrase_line(phrase: p.Phrase) -> str:
    """``/shortcut  Label — text…`` (the label only when it has one)."""
    text = phrase.text.replace("\n", " ")
    text = f"{text[:80]}{'…' if len(text) > 80 else ''}"
    label = f"{phrase.label} — " if phrase.label else ""
    return f"/{phrase.shortcut}   {label}{text}"


class PhrasePopup(QListWidget):
    """Watches the composer: a word starting with "/" before the cursor offers the phrases
    whose shortcut starts with it (or whose text contains it). The composer keeps the focus;
    the popup takes the arrow keys, Enter, Tab and Escape while it shows."""

    def __init__(self, phrases: PhrasesService, composer: QPlainTextEdit) -> None:
        super().__init__(composer)
        self.phrases = phrases
        self.composer = composer
        self.setWindowFlags(POPUP_FLAGS)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setObjectName("PhrasePopup")
        self.setStyleSheet(
            "QListWidget#PhrasePopup { border: 1px solid #c5d0cb; background: white;"
            " font-size: 13px; } QListWidget#PhrasePopup::item { padding: 5px 8px; }"
            "QListWidget#PhrasePopup::item:selected { background: #dcefe7; color: #10231c; }"
        )
        self.setMinimumWidth(360)
        self.hide()
        self.itemClicked.connect(self._on_item_clicked)
        composer.textChanged.connect(self._on_composer_text_changed)
        composer.installEventFilter(self)
        phrases.changed.connect(self._on_composer_text_changed)

    def token(self) -> tuple[int, str] | None:
        """The "/word" that ends at the cursor: (its start, the word without the slash)."""
        cursor = self.composer.textCursor()
        before = self.composer.toPlainText()[: cursor.position()]
        start = max(before.rfind(" "), before.rfind("\n")) + 1
        word = before[start:]
        if not word.startswith("/") or len(word) > p.MAX_PHRASE_SHORTCUT + 1:
            return None
        return start, word[1:]

    def _on_composer_text_changed(self) -> None:
        token = self.token()
        matches = self.phrases.matches(token[1]) if token is not None else []
        self.clear()
        for phrase in matches:
            item = QListWidgetItem(phrase_line(phrase))
            item.setData(Qt.ItemDataRole.UserRole, phrase.text)
            item.setToolTip(plain_tooltip(phrase.text))
            self.addItem(item)
        if not matches:
            self.hide()
            return
        self.setCurrentRow(0)
        rect = self.composer.cursorRect()
        height = min(8, len(matches)) * 28 + 6
        self.resize(max(360, self.composer.width() // 2), height)
        self.move(self.composer.mapToGlobal(QPoint(rect.left(), rect.top() - height - 4)))
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.composer and event.type() == QEvent.Type.KeyPress and self.isVisible():
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                self.setCurrentRow((self.currentRow() + step) % self.count())
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                self.insert_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        if watched is self.composer and event.type() == QEvent.Type.FocusOut:
            self.hide()
        return False

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        self.setCurrentItem(item)
        self.insert_current()

    def insert_current(self) -> None:
        """Replace the "/word" with the chosen phrase."""
        item = self.currentItem()
        token = self.token()
        self.hide()
        if item is None or token is None:
            return
        start, _word = token
        cursor = self.composer.textCursor()
        end = cursor.position()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(str(item.data(Qt.ItemDataRole.UserRole)))
        self.composer.setTextCursor(cursor)


class PhraseEditor(QDialog):
    """Add or edit one phrase: its label (etiqueta), its text and its shortcut."""

    def __init__(
        self, phrases: PhrasesService, phrase: p.Phrase | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.phrases = phrases
        self.phrase = phrase
        self.setWindowTitle(self.tr("Edit quick phrase") if phrase else self.tr("New quick phrase"))
        form = QFormLayout(self)
        self.label = QLineEdit(phrase.label if phrase else "")
        self.label.setPlaceholderText(self.tr("Greeting, Delivery times…"))
        self.label.setMaxLength(p.MAX_PHRASE_LABEL)
        self.text = QPlainTextEdit(phrase.text if phrase else "")
        self.text.setFixedHeight(90)
        self.shortcut = QLineEdit(phrase.shortcut if phrase else "")
        self.shortcut.setPlaceholderText(self.tr("hi  (type /hi in a chat)"))
        self.shortcut.setMaxLength(p.MAX_PHRASE_SHORTCUT)
        form.addRow(self.tr("Label"), self.label)
        form.addRow(self.tr("Phrase"), self.text)
        form.addRow(self.tr("Shortcut"), self.shortcut)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _on_buttons_accepted(self) -> None:
        text, shortcut = self.text.toPlainText().strip(), self.shortcut.text().strip()
        if not text or not shortcut:
            return
        self.phrases.save(
            shortcut, text, self.phrase.id if self.phrase else None, self.label.text().strip()
        )
        self.accept()


class PhraseManager(QDialog):
    """Search, add, edit (pencil) and delete the team's phrases; changes reach every agent.
    With ``insert`` (the composer's "Quick phrases" button, C12), Insert (or Enter in the
    search, or a double click) puts the chosen phrase into the composer and closes."""

    def __init__(
        self,
        phrases: PhrasesService,
        parent: QWidget | None = None,
        *,
        insert: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.phrases = phrases
        self.insert = insert
        self.editor: PhraseEditor | None = None
        self.setWindowTitle(self.tr("Quick phrases"))
        self.resize(460, 380)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by label, shortcut or text"))
        self.search.textChanged.connect(self._fill)
        layout.addWidget(self.search)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        self.problem = PlainLabel()
        self.problem.setObjectName("FieldLabel")
        layout.addWidget(self.problem)
        row = QHBoxLayout()
        self.insert_button = QPushButton(self.tr("Insert"))
        self.insert_button.setObjectName("Primary")
        self.insert_button.setVisible(insert is not None)
        self.insert_button.clicked.connect(self._on_insert_clicked)
        self.search.returnPressed.connect(self._on_insert_clicked)
        row.addWidget(self.insert_button)
        self.add_button = QPushButton(self.tr("Add"))
        self.edit_button = QPushButton("✎ " + self.tr("Edit"))
        self.edit_button.setToolTip(self.tr("Edit the phrase"))
        self.delete_button = QPushButton(self.tr("Delete"))
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.add_button.clicked.connect(lambda: self._edit(None))
        self.edit_button.clicked.connect(lambda: self._edit(self.current()))
        self.list.itemDoubleClicked.connect(self._on_list_double_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        phrases.changed.connect(self._fill)
        phrases.problem.connect(self.problem.setText)
        self._fill()

    def current(self) -> p.Phrase | None:
        item = self.list.currentItem()
        if item is None:
            return None
        phrase_id = item.data(Qt.ItemDataRole.UserRole)
        return next((x for x in self.phrases.phrases if x.id == phrase_id), None)

    def _fill(self) -> None:
        query = self.search.text()
        shown = self.phrases.matches(query) if query.strip() else self.phrases.phrases
        self.list.clear()
        for phrase in shown:
            item = QListWidgetItem(phrase_line(phrase))
            item.setData(Qt.ItemDataRole.UserRole, phrase.id)
            self.list.addItem(item)
        has = self.list.count() > 0
        self.insert_button.setEnabled(has)
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        if has:
            self.list.setCurrentRow(0)

    def _edit(self, phrase: p.Phrase | None) -> None:
        self.problem.clear()
        self.editor = PhraseEditor(self.phrases, phrase, self)
        self.editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor.open()

    def _on_list_double_clicked(self, _item: QListWidgetItem) -> None:
        if self.insert is not None:
            self._on_insert_clicked()
        else:
            self._edit(self.current())

    def _on_insert_clicked(self) -> None:
        phrase = self.current()
        if self.insert is None or phrase is None:
            return
        self.insert(phrase.text)
        self.accept()

    def _on_delete_clicked(self) -> None:
        phrase = self.current()
        if phrase is not None:
            self.phrases.delete(phrase.id)
