"""Painting of chat-list rows and message bubbles (fast enough for 10,000 messages: sizes are
computed from font metrics and cached per message and width)."""

from __future__ import annotations

import json
import time

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from jivo_desktop.bidi import isolate
from jivo_desktop.services.conversations import Chat, Message
from jivo_desktop.ui.common import style
from jivo_desktop.ui.inbox.attachments import file_bubble_size, paint_file_bubble
from jivo_desktop.ui.inbox.channel_names import ChannelNames
from jivo_desktop.ui.inbox.models import ChatRole, MessageRole

Index = QModelIndex | QPersistentModelIndex

BUBBLE_KINDS = ("message", "comment")
COMMENT_FILL = "#fff4c4"
COMMENT_EDGE = "#d9b300"
TICKS = {"sending": "◷", "sent": "✓", "delivered": "✓✓", "read": "✓✓", "failed": "!",
         "undelivered": "✗"}  # fmt: skip


def clock(ts: float) -> str:
    return time.strftime("%H:%M", time.localtime(ts))


class ChatListDelegate(QStyledItemDelegate):
    HEIGHT = 58

    def __init__(self, waiting_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.waiting_text = waiting_text
        self.channel_names = ChannelNames(self)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(option.rect.width(), self.HEIGHT)

    @staticmethod
    def tag_width(text: str, font: QFont) -> int:
        return QFontMetrics(font).horizontalAdvance(text) + 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        chat: Chat | None = index.data(ChatRole)
        if chat is None:
            return
        painter.save()
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.fillRect(rect, QColor("#dcefe7" if selected else "#ffffff"))
        painter.setPen(QPen(QColor("#eef1f0")))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        name = str(index.data(Qt.ItemDataRole.DisplayRole))
        # The tag at the right (waiting; else the channel a chat came by, C10/K1) is measured,
        # and the name gives way to it: a long "Correo electrónico" is never cut off.
        tag, tag_colour = "", "#5f6f6a"
        if chat.offered:
            tag, tag_colour = self.waiting_text, style.WAITING
        elif chat.info.channel:
            tag = self.channel_names.label(chat.info.channel)
        tag_w = max(80, self.tag_width(tag, option.font)) if tag else 80
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#1d2b27"))
        left = rect.left() + 14
        name_w = max(40, rect.width() - 30 - tag_w)
        painter.drawText(
            QRect(left, rect.top() + 8, name_w, 20),
            Qt.AlignmentFlag.AlignVCenter,
            isolate(QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideRight, name_w)),
        )
        painter.setFont(option.font)
        metrics = QFontMetrics(option.font)
        if tag:
            painter.setPen(QColor(tag_colour))
            painter.drawText(
                QRect(rect.right() - 10 - tag_w, rect.top() + 8, tag_w, 20),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                tag,
            )
        preview = chat.typing or chat.info.preview
        painter.setPen(QColor(style.BRAND if chat.typing else "#5f6f6a"))
        painter.drawText(
            QRect(left, rect.top() + 30, rect.width() - 70, 20),
            Qt.AlignmentFlag.AlignVCenter,
            isolate(
                metrics.elidedText(
                    preview.replace("\n", " "), Qt.TextElideMode.ElideRight, rect.width() - 80
                )
            ),
        )
        if chat.unread:
            badge = QRect(rect.right() - 36, rect.top() + 31, 24, 18)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QColor(style.BRAND))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(badge, 9, 9)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(min(chat.unread, 99)))
        painter.restore()


class MessageDelegate(QStyledItemDelegate):
    """Bubbles: the visitor's on the left, the agents' on the right, events centred."""

    PAD = 10
    GAP = 8
    MAX_RATIO = 0.72

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Per message (by identity: the entry holds the message, so its id cannot be reused)
        # and width: the text's length when measured, the row's height, the bubble text's
        # width and height (plain ints: Qt value objects cost ~0.6 KiB each here). Kept across
        # chat switches, so showing a chat again measures none of its messages (issue 15: a
        # switch measured all of them again); emptied past MAX_SIZES entries.
        self._sizes: dict[tuple[int, int], tuple[Message, int, int, int, int]] = {}

    MAX_SIZES = 20_000

    def invalidate(self) -> None:
        self._sizes.clear()

    def _measure(self, option: QStyleOptionViewItem, message: Message) -> tuple[int, int, int]:
        """The row's height and the bubble text's width and height, cached or measured."""
        width = option.rect.width()
        key = (id(message), width)
        entry = self._sizes.get(key)
        shown = len(self.shown_text(message))
        if entry is None or entry[0] is not message or entry[1] != shown:
            if message.kind not in BUBBLE_KINDS:
                height, text_w, text_h = 30, 0, 0
            else:
                text = self._text_rect(option, message)
                text_w, text_h = text.width(), text.height()
                height = text_h + 2 * self.PAD + 18 + self.GAP
            if len(self._sizes) >= self.MAX_SIZES:
                self._sizes.clear()
            entry = self._sizes[key] = (message, shown, height, text_w, text_h)
        return entry[2], entry[3], entry[4]

    def _text_rect(self, option: QStyleOptionViewItem, message: Message) -> QRect:
        metrics = QFontMetrics(option.font)
        width = max(120, int(option.rect.width() * self.MAX_RATIO)) - 2 * self.PAD
        flags = int(Qt.TextFlag.TextWordWrap)
        return metrics.boundingRect(
            QRect(0, 0, width, 100_000), flags, self.shown_text(message) or " "
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        message: Message | None = index.data(MessageRole)
        if message is None:
            return QSize(0, 0)
        if message.kind == "file":  # C14: not cached, the thumbnail may arrive later
            return file_bubble_size(option.rect.width(), message, self.thumbnail(message))
        return QSize(option.rect.width(), self._measure(option, message)[0])

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        message: Message | None = index.data(MessageRole)
        if message is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect
        font = option.font
        painter.setFont(font)
        if message.kind == "file":
            painter.restore()
            paint_file_bubble(
                painter,
                rect,
                font,
                message,
                self.thumbnail(message),
                self.save_text(),
                self._meta(message),
            )
            return
        if message.kind not in BUBBLE_KINDS:
            painter.setPen(QColor("#6b7a75"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.event_text(message))
            painter.restore()
            return
        _height, text_width, text_height = self._measure(option, message)
        width = max(text_width, 60) + 2 * self.PAD
        right = message.author == "agent"
        comment = message.kind == "comment"  # C10: only agents see it; it must look different
        x = rect.right() - width - 12 if right else rect.left() + 12
        bubble = QRect(x, rect.top() + self.GAP // 2, width, text_height + 2 * self.PAD)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(COMMENT_FILL if comment else style.BRAND if right else "#ffffff"))
        if not right or comment:
            pen = QPen(QColor(COMMENT_EDGE if comment else "#e3e8e6"))
            if comment:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
        painter.drawRoundedRect(bubble, 12, 12)
        painter.setPen(QColor("#4a3b00" if comment else "white" if right else "#1d2b27"))
        painter.drawText(
            bubble.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD),
            int(Qt.TextFlag.TextWordWrap),
            self.shown_text(message),
        )
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        painter.setFont(small)
        colours = {"failed": "#c0392b", "undelivered": "#c0392b", "read": "#2a8bd6"}
        painter.setPen(QColor(colours.get(message.state, "#8a9893")))
        meta = self._meta(message)
        if comment:
            meta = f"{self.comment_label()} · {meta}"
        # The line under the bubble may be wider than the bubble (a short comment's label).
        line = QRect(rect.left() + 12, bubble.bottom() + 2, rect.width() - 24, 14)
        meta = QFontMetrics(small).elidedText(meta, Qt.TextElideMode.ElideRight, line.width())
        align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
        painter.drawText(line, align | Qt.AlignmentFlag.AlignVCenter, meta)
        painter.restore()

    def event_text(self, message: Message) -> str:
        """The line shown for an event that is not a message (the conversation and the archive
        say the same)."""
        # One context, "MessageDelegate", whichever subclass draws the conversation.
        name = isolate(message.author_name) or QCoreApplication.translate(
            "MessageDelegate", "An agent"
        )
        if message.kind == "joined":
            return QCoreApplication.translate("MessageDelegate", "{0} joined the chat").format(name)
        if message.kind == "left":
            return QCoreApplication.translate("MessageDelegate", "{0} left the chat").format(name)
        if message.kind == "closed":
            return QCoreApplication.translate("MessageDelegate", "The chat has ended")
        if message.kind == "missed" and message.text == "callback":  # P2
            return QCoreApplication.translate(
                "MessageDelegate", "Missed callback request: it is a CRM task now"
            )
        if message.kind == "missed":
            return QCoreApplication.translate(
                "MessageDelegate", "Missed: nobody answered; the visitor saw the offline form"
            )
        if message.kind == "requeued":  # B6
            return QCoreApplication.translate(
                "MessageDelegate", "{0} went offline: the chat went back to the queue"
            ).format(name)
        if message.kind == "pointer":  # C15: the agent's comment on a picked element
            try:
                comment = str(json.loads(message.text).get("comment", ""))
            except (ValueError, AttributeError):
                comment = ""
            return QCoreApplication.translate(
                "MessageDelegate", "{0} pointed at the page: {1}"
            ).format(name, isolate(comment) or "—")
        if message.kind == "transfer":  # C9: the note, for agents only
            return QCoreApplication.translate(
                "MessageDelegate", "{0} transferred the chat: {1}"
            ).format(name, isolate(message.text) or "—")
        return message.kind

    def shown_text(self, message: Message) -> str:
        """A bubble's text; the conversation shows a translation here when it has one (C11)."""
        return _shown(message)

    def comment_label(self) -> str:
        """Overridden by the page with translated words."""
        return "Comment (only agents see it)"

    def _meta(self, message: Message) -> str:
        meta = clock(message.ts)
        if message.author == "agent" and not message.mine and message.author_name:
            meta = f"{isolate(message.author_name)} · {meta}"
        if message.mine:
            meta = f"{meta}  {TICKS.get(message.state, '')}"
            if message.state == "failed":
                meta = f"{meta} {self.not_sent_text()}"
        elif message.state == "undelivered":  # a colleague's reply in the chat
            meta = f"{meta}  {TICKS['undelivered']}"
        if message.state == "undelivered":
            meta = f"{meta} {self.not_delivered_text(message.undelivered_reason)}"
        return meta

    def not_sent_text(self) -> str:
        """Under a message the relay did not take (issue 12 item 3); a click sends it again.
        Overridden by the page with translated words."""
        return "not sent · Retry"

    def not_delivered_text(self, reason: str) -> str:
        """C10/C19: under a reply the provider could not deliver, with its reason (plain
        text). Overridden by the page with translated words."""
        return f"not delivered: {isolate(reason)}" if reason else "not delivered"

    def thumbnail(self, message: Message) -> QImage | None:
        """C14: an image file's thumbnail, when the page has one (overridden by the page)."""
        return None

    def save_text(self) -> str:
        """Overridden by the page with translated words."""
        return "Save…"


def _shown(message: Message) -> str:
    """A bubble's text, isolated (issue 12 item 7: its bidi controls reorder only itself)."""
    return isolate(message.text)
