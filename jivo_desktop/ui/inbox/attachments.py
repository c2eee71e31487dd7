"""Files in the conversation (C14): the file bubble, the attach button, drag and drop, the
upload progress line; and the sneak-peek line (C17). The logic is in services/files.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QIcon,
    QImage,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QProgressBar,
    QToolButton,
    QWidget,
)

from jivo_desktop.bidi import BIDI_CONTROLS
from jivo_desktop.services.conversations import Message
from jivo_desktop.services.files import FilesService, human_size, is_image
from jivo_desktop.ui.common import style
from jivo_desktop.ui.common.plain import PlainLabel, file_display_name, isolate, visible_controls

CARD_WIDTH = 240
CARD_TEXT_HEIGHT = 72
GAP = 8
CLIP_PATH = (
    "M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 "
    "5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6h-1.5z"
)


def paperclip(size: int = 20, colour: str = "#5f6f6a") -> QPixmap:
    """The paperclip, painted from the widget's SVG path (emoji fonts are not everywhere)."""
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        f'<path fill="{colour}" d="{CLIP_PATH}"/></svg>'
    )
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    QSvgRenderer(QByteArray(svg.encode())).render(painter)
    painter.end()
    return pixmap


def file_bubble_size(width: int, message: Message, thumbnail: QImage | None) -> QSize:
    """Height of a file row: the card (and the image thumbnail, or its placeholder)."""
    height = CARD_TEXT_HEIGHT + 2 * GAP + 16
    if message.file is not None and is_image(message.file):
        height += (thumbnail.height() if thumbnail is not None else 120) + GAP
    return QSize(width, height)


def paint_file_bubble(
    painter: QPainter,
    rect: QRect,
    font: QFont,
    message: Message,
    thumbnail: QImage | None,
    save_text: str,
    meta: str,
) -> None:
    """A card: [thumbnail] name, size, "Save…"; the visitor's on the left, agents' on the right."""
    info = message.file
    name = info.name if info else message.text
    size = human_size(info.size) if info else ""
    image = info is not None and is_image(info)
    thumb_h = (thumbnail.height() if thumbnail is not None else 120) if image else 0
    width = CARD_WIDTH
    if thumbnail is not None:
        width = max(width, thumbnail.width() + 2 * GAP)
    right = message.author == "agent"
    x = rect.right() - width - 12 if right else rect.left() + 12
    height = CARD_TEXT_HEIGHT + (thumb_h + GAP if image else 0)
    card = QRect(x, rect.top() + GAP // 2, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(style.BRAND if right else "#e3e8e6")))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(card, 12, 12)
    top = card.top() + GAP
    if image:
        area = QRect(card.left() + GAP, top, width - 2 * GAP, thumb_h)
        if thumbnail is not None:
            painter.drawImage(area.left(), area.top(), thumbnail)
        else:
            painter.fillRect(area, QColor("#eef2f0"))
        top += thumb_h + GAP
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(QColor("#1d2b27"))
    text_w = width - 2 * GAP
    painter.drawPixmap(card.left() + GAP - 2, top + 1, paperclip(18))
    painter.drawText(
        QRect(card.left() + GAP + 18, top, text_w - 18, 20),
        Qt.AlignmentFlag.AlignVCenter,
        isolate(
            QFontMetrics(bold).elidedText(
                visible_controls(name), Qt.TextElideMode.ElideMiddle, text_w - 18
            )
        ),
    )
    painter.setFont(font)
    painter.setPen(QColor("#5f6f6a"))
    painter.drawText(
        QRect(card.left() + GAP, top + 20, text_w, 18), Qt.AlignmentFlag.AlignVCenter, size
    )
    painter.setPen(QColor(style.BRAND))
    painter.drawText(
        QRect(card.left() + GAP, top + 38, text_w, 18), Qt.AlignmentFlag.AlignVCenter, save_text
    )
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
    painter.setFont(small)
    painter.setPen(QColor("#8a9893"))
    align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
    painter.drawText(
        QRect(card.left(), card.bottom() + 2, card.width(), 14),
        align | Qt.AlignmentFlag.AlignVCenter,
        meta,
    )
    painter.restore()


class DropTarget(QObject):
    """Files dropped on the watched widget go to ``on_files`` (local files only)."""

    def __init__(self, widget: QWidget, on_files: Callable[[list[str]], None]) -> None:
        super().__init__(widget)
        self.on_files = on_files
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent)  # DragMove is a subclass
            if event.mimeData().hasUrls():
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
            if paths:
                event.acceptProposedAction()
                self.on_files(paths)
                return True
        return False


class AttachmentBar(QWidget):
    """Under the conversation: the upload in progress (name, bar) or the visitor's draft."""

    def __init__(self, files: FilesService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = files
        self.chat_id = 0
        self.label = PlainLabel()
        self.label.setObjectName("FieldLabel")
        self.bar = QProgressBar()
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 2, 14, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        self.hide()
        self._uploading: dict[int, tuple[str, int, int]] = {}
        files.upload_progress.connect(self._on_files_upload_progress)
        files.upload_finished.connect(self._on_files_upload_finished)

    def show_chat(self, chat_id: int) -> None:
        self.chat_id = chat_id
        self._refresh()

    def _on_files_upload_progress(self, chat_id: int, name: str, sent: int, total: int) -> None:
        self._uploading[chat_id] = (name, sent, total)
        if chat_id == self.chat_id:
            self._refresh()

    def _on_files_upload_finished(self, chat_id: int, _name: str) -> None:
        self._uploading.pop(chat_id, None)
        if chat_id == self.chat_id:
            self._refresh()

    def _refresh(self) -> None:
        upload = self._uploading.get(self.chat_id)
        if upload is None:
            self.hide()
            return
        name, sent, total = upload
        shown = file_display_name(name)
        self.label.setText(self.tr("Sending {0} ({1})…").format(shown, human_size(total)))
        self.bar.setRange(0, 1000)
        self.bar.setValue(int(1000 * sent / total) if total else 0)
        self.show()


class AttachButton(QToolButton):
    """The paperclip: a file dialog (opened with ``open()``, never ``exec()``), then
    ``file_chosen(path)``."""

    file_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QIcon(paperclip(22)))
        self.setIconSize(QSize(22, 22))
        self.setObjectName("AttachButton")
        self._retranslate()
        self.setFixedSize(36, 36)
        self.dialog: QFileDialog | None = None
        self.clicked.connect(self._on_clicked)

    def _retranslate(self) -> None:
        self.setToolTip(self.tr("Attach a file (up to 10 MB); you can also drop files here"))
        self.setAccessibleName(self.tr("Attach a file"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # G6: switched at run time
            self._retranslate()
        super().changeEvent(event)

    def _on_clicked(self) -> None:
        self.dialog = QFileDialog(self.window(), self.tr("Send a file"))
        self.dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self.dialog.fileSelected.connect(self.file_chosen)
        self.dialog.open()


def ask_save_path(parent: QWidget, name: str, on_chosen: Callable[[str], None]) -> QFileDialog:
    """A "save as" dialog for a received file, opened with ``open()``."""
    dialog = QFileDialog(parent, QCoreApplication.translate("InboxPage", "Save file"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    # Issue 12 item 7: the name proposed on disk carries no bidi control (its real extension).
    dialog.selectFile(str(Path.home() / Path(BIDI_CONTROLS.sub("", name)).name))
    dialog.fileSelected.connect(on_chosen)
    dialog.open()
    return dialog
