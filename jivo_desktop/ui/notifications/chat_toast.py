"""The chat-request toast (N1, N2, N7): one card, bottom-right, on top of everything, never
taking focus.

:class:`ChatToast` shows who writes, from which page, what they wrote, and Accept / Quick reply
/ Ignore. Quick reply opens a field in the card itself; the main window stays closed. The stack
of cards, one per offered chat, is ``toast_manager.ToastManager``.

The widget only shows state and emits signals; nothing here talks to the network.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.ui.common import style
from jivo_desktop.ui.common.plain import PlainLabel, isolate, plain_tooltip

TOAST_FLAGS = (
    Qt.WindowType.Tool
    | Qt.WindowType.FramelessWindowHint
    | Qt.WindowType.WindowStaysOnTopHint
    | Qt.WindowType.WindowDoesNotAcceptFocus
)
CARD_WIDTH = 360
SHADOW = 7  # transparent margin around the card, for its shadow (and the gap between cards)
RADIUS = 12
SCREEN_MARGIN = 10
MESSAGE_LINES = 3
BUSY_TIMEOUT_MS = 8000  # buttons come back if the relay never answered

TEXT = "#17201d"
MUTED = "#66756f"
BORDER = "#d9e1de"
BUBBLE = "#f2f5f4"

TOAST_STYLE = f"""
QWidget#Toast {{ background: transparent; }}
QLabel {{ color: {TEXT}; background: transparent; }}
QLabel#ToastHeader {{ color: {style.BRAND}; font-size: 11px; font-weight: 700;
    letter-spacing: 0.6px; }}
QLabel#ToastSite, QLabel#ToastHint, QLabel#ToastStatus {{ color: {MUTED}; font-size: 11px; }}
QLabel#ToastName {{ font-size: 15px; font-weight: 700; }}
QLabel#ToastUrl {{ color: {MUTED}; font-size: 12px; }}
QLabel#ToastMessage {{ background: {BUBBLE}; border-radius: 8px; padding: 7px 10px;
    font-size: 13px; color: #26302c; }}
QPushButton {{ font-size: 13px; border-radius: 7px; padding: 0 12px; min-height: 30px; }}
QPushButton#ToastAccept {{ background: {style.BRAND}; color: white; border: none;
    font-weight: 600; }}
QPushButton#ToastAccept:hover {{ background: #1a6a50; }}
QPushButton#ToastAccept:pressed {{ background: #155742; }}
QPushButton#ToastAccept:disabled {{ background: #9cc3b5; }}
QPushButton#ToastQuick {{ background: white; color: {TEXT}; border: 1px solid #c5d0cb; }}
QPushButton#ToastQuick:hover {{ background: #f1f5f3; }}
QPushButton#ToastQuick:disabled, QPushButton#ToastIgnore:disabled {{ color: #a8b3af; }}
QPushButton#ToastIgnore {{ background: transparent; color: {MUTED}; border: none; }}
QPushButton#ToastIgnore:hover {{ background: #f1f5f3; color: {TEXT}; }}
QLineEdit#ToastReply {{ border: 1px solid {style.BRAND}; border-radius: 7px; padding: 0 9px;
    min-height: 30px; font-size: 13px; color: {TEXT}; background: white; }}
QLineEdit#ToastReply:disabled {{ border-color: #c5d0cb; color: {MUTED}; }}
"""


def elide_lines(text: str, font: QFont, width: int, max_lines: int) -> str:
    """``text`` broken into at most ``max_lines`` lines of ``width`` pixels, the last one
    elided with "…". Whitespace (newlines too) is folded: a toast is a glance, not a transcript.
    The lines are returned joined by newlines for a label that does not wrap by itself, so what
    is measured here is exactly what is drawn."""
    text = " ".join(text.split())
    if not text:
        return ""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append((line.textStart(), line.textLength()))
    layout.endLayout()
    if len(lines) <= max_lines:
        return "\n".join(text[s : s + n].strip() for s, n in lines)
    kept = [text[s : s + n].strip() for s, n in lines[: max_lines - 1]]
    rest = text[lines[max_lines - 1][0] :]
    kept.append(QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return "\n".join(kept)


def display_url(url: str) -> str:
    """The page as a person reads it: no scheme, no trailing slash of a bare host."""
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            url = url[len(prefix) :]
            break
    if url.count("/") == 1 and url.endswith("/"):
        url = url[:-1]
    return url


class _ReplyEdit(QLineEdit):
    """Enter sends (``returnPressed``), Esc cancels."""

    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class ChatToast(QWidget):
    """One chat request. Signals carry the chat id: ``accept_clicked(int)``,
    ``reply_sent(int, str)``, ``ignore_clicked(int)``; ``relayout_requested()`` when its height
    changed (the reply field opened or closed)."""

    accept_clicked = Signal(int)
    reply_sent = Signal(int, str)
    ignore_clicked = Signal(int)
    relayout_requested = Signal()

    def __init__(self, chat_id: int) -> None:
        super().__init__(None, TOAST_FLAGS)
        self.chat_id = chat_id
        self.callback = False
        """P2: a callback request: Call instead of Accept, and no quick reply."""
        self.setObjectName("Toast")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.setStyleSheet(TOAST_STYLE)
        self.setFixedWidth(CARD_WIDTH + 2 * SHADOW)
        self._text_width = CARD_WIDTH - 2 * 16

        self.header = PlainLabel()
        self.header.setObjectName("ToastHeader")
        self.site = PlainLabel()
        self.site.setObjectName("ToastSite")
        self.site.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.name = PlainLabel()
        self.name.setObjectName("ToastName")
        self.url = PlainLabel()
        self.url.setObjectName("ToastUrl")
        self.message = PlainLabel()
        self.message.setObjectName("ToastMessage")
        for label in (self.header, self.site, self.name, self.url, self.message):
            # Visitor text is never markup: "<b>" must show as typed.
            label.setTextFormat(Qt.TextFormat.PlainText)

        self.accept_button = QPushButton()
        self.accept_button.setObjectName("ToastAccept")
        self.quick_button = QPushButton()
        self.quick_button.setObjectName("ToastQuick")
        self.ignore_button = QPushButton()
        self.ignore_button.setObjectName("ToastIgnore")
        for button in (self.accept_button, self.quick_button, self.ignore_button):
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.accept_button.clicked.connect(self._on_accept_button_clicked)
        self.quick_button.clicked.connect(self.open_reply)
        self.ignore_button.clicked.connect(self._on_ignore_button_clicked)

        self.reply_edit = _ReplyEdit()
        self.reply_edit.setObjectName("ToastReply")
        self.reply_edit.setMaxLength(2000)
        self.reply_edit.returnPressed.connect(self._on_reply_edit_return_pressed)
        self.reply_edit.cancelled.connect(self.close_reply)
        self.send_button = QPushButton()
        self.send_button.setObjectName("ToastAccept")
        self.send_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.send_button.clicked.connect(self._on_reply_edit_return_pressed)
        self.hint = PlainLabel()
        self.hint.setObjectName("ToastHint")
        self.status = PlainLabel()
        self.status.setObjectName("ToastStatus")
        self.status.hide()

        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.accept_button)
        row.addWidget(self.quick_button)
        row.addStretch(1)
        row.addWidget(self.ignore_button)
        reply = QWidget()
        reply_box = QVBoxLayout(reply)
        reply_box.setContentsMargins(0, 0, 0, 0)
        reply_box.setSpacing(5)
        reply_row = QHBoxLayout()
        reply_row.setSpacing(8)
        reply_row.addWidget(self.reply_edit, 1)
        reply_row.addWidget(self.send_button)
        reply_box.addLayout(reply_row)
        reply_box.addWidget(self.hint)
        # Two panels shown in turn (not a QStackedWidget: it would keep the taller reply
        # panel's height under the buttons too).
        self.buttons_panel = buttons
        self.reply_panel = reply
        reply.hide()

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.header)
        top.addStretch(1)
        top.addWidget(self.site)
        card = self._card = QVBoxLayout(self)
        card.setContentsMargins(SHADOW + 16, SHADOW + 12, SHADOW + 16, SHADOW + 14)
        card.setSpacing(0)
        card.addLayout(top)
        card.addSpacing(6)
        card.addWidget(self.name)
        card.addSpacing(1)
        card.addWidget(self.url)
        card.addSpacing(9)
        card.addWidget(self.message)
        card.addSpacing(12)
        card.addWidget(buttons)
        card.addWidget(reply)
        card.addWidget(self.status)

        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_TIMEOUT_MS)
        self._busy_timer.timeout.connect(self.set_ready)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch, G6)."""
        self.header.setText(self.tr("CALLBACK REQUEST") if self.callback else self.tr("NEW CHAT"))
        self.accept_button.setText(self.tr("Call") if self.callback else self.tr("Accept"))
        self.quick_button.setText(self.tr("Quick reply"))
        self.ignore_button.setText(self.tr("Ignore"))
        self.reply_edit.setPlaceholderText(self.tr("Type a reply…"))
        self.send_button.setText(self.tr("Send"))
        self.hint.setText(self.tr("Enter sends · Esc cancels · the chat becomes yours"))
        # Wider than CARD_WIDTH only when a language's three buttons need it (Russian).
        row = self.buttons_panel.layout()
        needed = row.sizeHint().width() + 2 * 16 if row is not None else 0
        card = max(CARD_WIDTH, needed)
        self.setFixedWidth(card + 2 * SHADOW)
        self._text_width = card - 2 * 16
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---------------------------------------------------------------- state

    def set_info(self, name: str, url: str, preview: str, site: str = "") -> None:
        """Show (or refresh, when the visitor wrote again) what this request is about."""
        metrics = QFontMetrics(self.name.font())
        elided = metrics.elidedText(name, Qt.TextElideMode.ElideRight, self._text_width)
        self.name.setText(isolate(elided))
        self.name.setToolTip(plain_tooltip(name))
        shown = display_url(url)
        url_metrics = QFontMetrics(self.url.font())
        self.url.setText(
            url_metrics.elidedText(shown, Qt.TextElideMode.ElideMiddle, self._text_width)
        )
        self.url.setToolTip(plain_tooltip(url))
        self.url.setVisible(bool(url))
        site_metrics = QFontMetrics(self.site.font())
        self.site.setText(isolate(site_metrics.elidedText(site, Qt.TextElideMode.ElideRight, 170)))
        self.site.setToolTip(plain_tooltip(site))
        bubble_width = self._text_width - 20  # the bubble's padding
        self.message.setText(
            isolate(elide_lines(preview, self.message.font(), bubble_width, MESSAGE_LINES))
        )
        self.message.setToolTip(plain_tooltip(preview))
        self.message.setVisible(bool(preview.strip()))
        self._fit()

    def set_callback(self, callback: bool) -> None:
        """P2: the visitor asked to be called: the card says so, and its first button calls
        (through the agent's softphone) instead of opening a chat; no quick reply (the
        visitor waits for the phone, not for a message)."""
        if callback == self.callback:
            return
        self.callback = callback
        self.quick_button.setVisible(not callback)
        self.retranslate()

    @property
    def replying(self) -> bool:
        return not self.reply_panel.isHidden()

    def open_reply(self) -> None:
        """N2: a reply field in the card; the card takes keyboard focus only now."""
        self.buttons_panel.hide()
        self.reply_panel.show()
        self._set_focusable(True)
        self.reply_edit.setFocus()
        self._fit()

    def close_reply(self) -> None:
        self.reply_edit.clear()
        self.reply_panel.hide()
        self.buttons_panel.show()
        self._set_focusable(False)
        self._fit()

    def set_busy(self, text: str) -> None:
        """An action is on its way to the relay: no second click meanwhile."""
        for widget in (
            self.accept_button,
            self.quick_button,
            self.ignore_button,
            self.reply_edit,
            self.send_button,
        ):
            widget.setEnabled(False)
        self.status.setText(text)
        self.status.show()
        self._busy_timer.start()
        self._fit()

    def set_ready(self) -> None:
        for widget in (
            self.accept_button,
            self.quick_button,
            self.ignore_button,
            self.reply_edit,
            self.send_button,
        ):
            widget.setEnabled(True)
        self.status.hide()
        self._busy_timer.stop()
        self._fit()

    @property
    def busy(self) -> bool:
        return not self.accept_button.isEnabled()

    # ---------------------------------------------------------------- internals

    def _fit(self) -> None:
        self._card.activate()
        self.setFixedHeight(self._card.totalSizeHint().height())
        self.relayout_requested.emit()

    def _set_focusable(self, focusable: bool) -> None:
        # Typing needs focus; a card that only shows must never take it from the agent's
        # current window. Changing a window flag hides the window: show it again.
        if self.testAttribute(Qt.WidgetAttribute.WA_WState_Created) and (
            bool(self.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus) == focusable
        ):
            visible = self.isVisible()
            self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, not focusable)
            if visible:
                self.show()
        else:
            self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, not focusable)
        if focusable and self.isVisible():
            self.activateWindow()  # already on top (WindowStaysOnTopHint): no raise_() needed

    def _on_accept_button_clicked(self) -> None:
        self.accept_clicked.emit(self.chat_id)

    def _on_ignore_button_clicked(self) -> None:
        self.ignore_clicked.emit(self.chat_id)

    def _on_reply_edit_return_pressed(self) -> None:
        text = self.reply_edit.text().strip()
        if text:
            self.reply_sent.emit(self.chat_id, text)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(self.rect()).adjusted(SHADOW, SHADOW, -SHADOW, -SHADOW)
        # A soft shadow: a few widening, fading outlines under the card.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for step in range(1, SHADOW):
            painter.setPen(QPen(QColor(15, 30, 25, max(0, 22 - 3 * step)), 1))
            painter.drawRoundedRect(
                card.adjusted(-step, -step + 2, step, step + 2), RADIUS + step, RADIUS + step
            )
        path = QPainterPath()
        path.addRoundedRect(card, RADIUS, RADIUS)
        painter.fillPath(path, QColor("white"))
        painter.setPen(QPen(QColor(BORDER), 1))
        painter.drawPath(path)
        # The brand colour as a thin bar on the left edge: recognisable at a glance.
        accent = QPainterPath()
        accent.addRoundedRect(QRectF(card.left(), card.top(), 4, card.height()), 2, 2)
        painter.save()
        painter.setClipPath(path)
        painter.fillPath(accent, QColor(style.BRAND))
        painter.restore()
        painter.end()
