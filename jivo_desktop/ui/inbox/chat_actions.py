"""The chat's action toolbar, top right of the conversation (as in the guide): Invite (C7),
Transfer (C9, Ctrl+T), Block (C8, Ctrl+B, with a confirmation), Leave (C3), and a menu with the
quick-phrase manager (C12) and, for admins, the blocked clients. Also the line that shows which
colleagues view or type in the chat (C18) and a notice line for the actions' outcomes. The
reply channel row (C10) is :mod:`jivo_desktop.ui.inbox.reply_channel`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QToolButton,
    QWidget,
)

from jivo_desktop.services.actions import ChatActionsService
from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.conversations import Chat
from jivo_desktop.services.phrases import PhrasesService
from jivo_desktop.services.team import TeamService
from jivo_desktop.ui.common.plain import PlainLabel, isolate
from jivo_desktop.ui.inbox.colleague_dialog import ColleagueDialog

HOTKEYS = {"transfer": "Ctrl+T", "block": "Ctrl+B", "close": "Ctrl+W"}
NOTICE_MS = 8000


def action_icon(name: str, size: int = 20, colour: str = "#2d3b36") -> QIcon:
    """Icons painted at run time: invite (person +), transfer (arrow), block (no entry),
    leave (door and arrow), more (three dots)."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(colour), 1.8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    s = size
    if name == "invite":
        painter.drawEllipse(QRectF(s * 0.18, s * 0.15, s * 0.32, s * 0.32))
        painter.drawArc(QRectF(s * 0.06, s * 0.55, s * 0.56, s * 0.6), 0, 180 * 16)
        painter.drawLine(QPointF(s * 0.78, s * 0.3), QPointF(s * 0.78, s * 0.62))
        painter.drawLine(QPointF(s * 0.62, s * 0.46), QPointF(s * 0.94, s * 0.46))
    elif name == "transfer":
        painter.drawLine(QPointF(s * 0.12, s * 0.5), QPointF(s * 0.84, s * 0.5))
        painter.drawLine(QPointF(s * 0.62, s * 0.28), QPointF(s * 0.86, s * 0.5))
        painter.drawLine(QPointF(s * 0.62, s * 0.72), QPointF(s * 0.86, s * 0.5))
        painter.drawLine(QPointF(s * 0.12, s * 0.24), QPointF(s * 0.12, s * 0.76))
    elif name == "block":
        painter.setPen(QPen(QColor("#c0392b"), 1.9))
        painter.drawEllipse(QRectF(s * 0.14, s * 0.14, s * 0.72, s * 0.72))
        painter.drawLine(QPointF(s * 0.26, s * 0.74), QPointF(s * 0.74, s * 0.26))
    elif name == "leave":
        painter.drawRect(QRectF(s * 0.14, s * 0.14, s * 0.42, s * 0.72))
        painter.drawLine(QPointF(s * 0.42, s * 0.5), QPointF(s * 0.9, s * 0.5))
        painter.drawLine(QPointF(s * 0.74, s * 0.34), QPointF(s * 0.9, s * 0.5))
        painter.drawLine(QPointF(s * 0.74, s * 0.66), QPointF(s * 0.9, s * 0.5))
    else:  # more
        painter.setBrush(QColor(colour))
        for x in (0.25, 0.5, 0.75):
            painter.drawEllipse(QPointF(s * x, s * 0.5), s * 0.06, s * 0.06)
    painter.end()
    return QIcon(pixmap)


class ChatActionsBar(QWidget):
    """The buttons; each opens its dialog with ``open()`` and calls the actions service."""

    def __init__(
        self,
        actions: ChatActionsService,
        chats: ChatsService,
        team: TeamService,
        phrases: PhrasesService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.chat_actions = actions
        self.chats = chats
        self.team = team
        self.phrases = phrases
        self.chat_id = 0
        self.dialog: QWidget | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for name in ("invite", "transfer", "block", "leave", "more"):
            button = QToolButton()
            button.setIcon(action_icon(name))
            button.setIconSize(QSize(20, 20))
            button.setAutoRaise(True)
            button.setObjectName(f"ChatAction_{name}")
            layout.addWidget(button)
            self.buttons[name] = button
        self.leave_button = self.buttons["leave"]  # the page asks first (leave_confirm)
        self.buttons["invite"].clicked.connect(self.open_invite)
        self.buttons["transfer"].clicked.connect(self.open_transfer)
        self.buttons["block"].clicked.connect(self.confirm_block)
        self.menu = QMenu(self)
        self.phrases_action = self.menu.addAction("")
        self.phrases_action.triggered.connect(lambda: self.open_phrases())
        self.blocked_action = self.menu.addAction("")
        self.blocked_action.triggered.connect(self.open_blocked)
        self.buttons["more"].setMenu(self.menu)
        self.buttons["more"].setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # G9: the keys are the main window's (editable in Ajustes); it calls trigger().
        self.hotkeys: dict[str, str] = dict(HOTKEYS)
        self.set_chat(None)
        self.chat_actions.session.signed_in.connect(self._on_session_signed_in)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (at start and on a language switch, G6)."""

        def key(action: str) -> str:
            sequence = QKeySequence(self.hotkeys.get(action, ""))
            return sequence.toString(QKeySequence.SequenceFormat.NativeText) or "—"

        tips = {
            "invite": self.tr("Invite a colleague into this chat (you stay in it)"),
            "transfer": self.tr("Transfer the chat to a colleague ({0})").format(key("transfer")),
            "block": self.tr("Block the client / mark as spam ({0})").format(key("block")),
            "leave": self.tr("Leave the chat ({0})").format(key("close")),
            "more": self.tr("More: quick phrases, blocked clients"),
        }
        for name, tip in tips.items():
            self.buttons[name].setToolTip(tip)
            self.buttons[name].setAccessibleName(tip)
        self.phrases_action.setText(self.tr("Quick phrases…"))
        self.blocked_action.setText(self.tr("Blocked clients…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "blocked_action"):
            self.retranslate()
        super().changeEvent(event)

    def _on_session_signed_in(self, _welcome: object) -> None:
        self.set_chat(self.chats.chat(self.chat_id))  # the admin's menu entry (C8)

    def set_chat(self, chat: Chat | None) -> None:
        self.chat_id = chat.id if chat else 0
        visitor_chat = bool(chat and not chat.direct and chat.info.state == "active")
        for name in ("invite", "transfer", "block"):
            self.buttons[name].setEnabled(visitor_chat)
        self.leave_button.setEnabled(bool(chat and not chat.offered))
        self.blocked_action.setVisible(self.chat_actions.is_admin)

    def set_hotkey(self, action: str, sequence: str) -> None:
        """G9: a shortcut changed in Ajustes; the tooltips name the new keys."""
        self.hotkeys[action] = sequence
        self.retranslate()

    def trigger(self, action: str) -> None:
        """The main window's shortcut for ``action`` was pressed (Ctrl+T, Ctrl+B)."""
        if action == "transfer":
            self.open_transfer()
        elif action == "block":
            self.confirm_block()

    # -------------------------------------------------------------- the actions

    def open_invite(self) -> None:
        self._open_colleagues("invite")

    def open_transfer(self) -> None:
        self._open_colleagues("transfer")

    def _open_colleagues(self, mode: str) -> None:
        if not self.chat_id or not self.buttons[mode].isEnabled():
            return
        chat_id = self.chat_id
        dialog = ColleagueDialog(mode, self.chat_actions, self.team, self.window())
        dialog.chosen.connect(
            lambda agent_id, note: (
                self.chat_actions.transfer(chat_id, agent_id, note)
                if mode == "transfer"
                else self.chat_actions.invite(chat_id, agent_id)
            )
        )
        self._show(dialog)

    def confirm_block(self) -> None:
        if not self.chat_id or not self.buttons["block"].isEnabled():
            return
        from jivo_desktop.ui.inbox.block_dialog import BlockDialog

        chat = self.chats.chat(self.chat_id)
        name = self.chats.display_name(chat) if chat else ""
        box = BlockDialog(self.chat_actions, self.chat_id, isolate(name), self.window())
        self.block_box = box
        self._show(box)

    def open_phrases(self, insert: Callable[[str], None] | None = None) -> None:
        """C12: the phrases' window; with ``insert``, the chosen phrase goes into the
        composer (the composer's "Quick phrases" button)."""
        from jivo_desktop.ui.inbox.phrases import PhraseManager

        manager = PhraseManager(self.phrases, self.window(), insert=insert)
        self._show(manager)
        manager.search.setFocus()

    def open_blocked(self) -> None:
        from jivo_desktop.ui.inbox.blocked_dialog import BlockedDialog

        self._show(BlockedDialog(self.chat_actions, self.window()))

    def _show(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # type: ignore[attr-defined]


class CollisionLabel(PlainLabel):
    """C18: "Boss is viewing · Eve is typing…" under the chat's header."""

    def __init__(self, actions: ChatActionsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chat_actions = actions
        self.chat_id = 0
        self.setObjectName("Collision")
        self.setStyleSheet(
            "QLabel#Collision { background: #eef4ff; color: #24447a; padding: 4px 14px; }"
        )
        self.hide()
        actions.collision_changed.connect(self._on_actions_collision_changed)

    def show_chat(self, chat_id: int) -> None:
        self.chat_id = chat_id
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "chat_actions"):
            self._refresh()
        super().changeEvent(event)

    def _on_actions_collision_changed(self, chat_id: int) -> None:
        if chat_id == self.chat_id:
            self._refresh()

    def _refresh(self) -> None:
        text = self.chat_actions.collision_text(self.chat_id) if self.chat_id else ""
        self.setText(text)
        self.setVisible(bool(text))


class NoticeLabel(PlainLabel):
    """The outcome of an action (a transfer declined or accepted...), for a few seconds."""

    def __init__(self, actions: ChatActionsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ActionNotice")
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel#ActionNotice { background: #e6f4ee; color: #1f5c45; padding: 5px 14px; }"
        )
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTICE_MS)
        self._timer.timeout.connect(self.hide)
        actions.info.connect(self._on_actions_info)

    def _on_actions_info(self, text: str) -> None:
        self.setText(text)
        self.show()
        self._timer.start()
