"""The offer a colleague's invitation (C7) or transfer (C9) makes: a card in the corner of the
screen, above the chat toasts, with the note and Accept / Decline. It goes away when answered,
timed out or cancelled."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from jivo_desktop.services.actions import ChatActionsService
from jivo_desktop.services.chats import visitor_name
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
BOTTOM_OFFSET = 220  # above the chat-request toasts


class InvitationCard(QFrame):
    def __init__(self, invitation: p.Invitation, actions: ChatActionsService) -> None:
        super().__init__(None, FLAGS)
        self.invitation = invitation
        self.chat_actions = actions
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setObjectName("InvitationCard")
        self.setStyleSheet(
            f"QFrame#InvitationCard {{ background: white; border: 2px solid {style.BRAND};"
            " border-radius: 10px; }"
            "QLabel#InvNote { background: #fff8e1; border-radius: 6px; padding: 6px; }"
        )
        self.setFixedWidth(WIDTH)
        layout = QVBoxLayout(self)
        chat = invitation.chat
        who = visitor_name(chat.visitor, self.tr("Client")) if chat.visitor else ""
        if invitation.kind == "transfer":
            title = self.tr("{0} wants to transfer the chat with {1} to you").format(
                isolate(invitation.from_name), isolate(who)
            )
        else:
            title = self.tr("{0} invites you into the chat with {1}").format(
                isolate(invitation.from_name), isolate(who)
            )
        self.title = PlainLabel(title)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.title)
        self.note = PlainLabel(isolate(invitation.note))
        self.note.setObjectName("InvNote")
        self.note.setWordWrap(True)
        self.note.setToolTip(self.tr("Only agents see this note"))
        self.note.setVisible(bool(invitation.note))
        layout.addWidget(self.note)
        if chat.preview:
            preview = PlainLabel(isolate(chat.preview[:140]))
            preview.setWordWrap(True)
            preview.setObjectName("FieldLabel")
            layout.addWidget(preview)
        row = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("Primary")
        self.decline_button = QPushButton(self.tr("Decline"))
        row.addWidget(self.accept_button)
        row.addWidget(self.decline_button)
        layout.addLayout(row)
        self.accept_button.clicked.connect(lambda: actions.answer(invitation.id, True))
        self.decline_button.clicked.connect(lambda: actions.answer(invitation.id, False))


class InvitationToasts(QObject):
    """One card per pending invitation, stacked from the corner of the screen."""

    def __init__(self, actions: ChatActionsService, on_accepted: object = None) -> None:
        super().__init__()
        self.chat_actions = actions
        self.cards: dict[int, InvitationCard] = {}
        actions.invitation_offered.connect(self._on_actions_invitation_offered)
        actions.invitation_gone.connect(self._on_actions_invitation_gone)

    def _on_actions_invitation_offered(self, invitation: p.Invitation) -> None:
        self._on_actions_invitation_gone(invitation.id)
        card = self.cards[invitation.id] = InvitationCard(invitation, self.chat_actions)
        card.adjustSize()
        self._place()
        card.show()

    def _on_actions_invitation_gone(self, invitation_id: int) -> None:
        card = self.cards.pop(invitation_id, None)
        if card is not None:
            card.hide()
            card.deleteLater()
            self._place()

    def _place(self) -> None:
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        bottom = area.bottom() - BOTTOM_OFFSET
        for card in self.cards.values():
            card.adjustSize()
            bottom -= card.height() + MARGIN
            card.move(area.right() - WIDTH - MARGIN, max(area.top(), bottom))

    def close(self) -> None:
        for invitation_id in list(self.cards):
            self._on_actions_invitation_gone(invitation_id)


def visible_cards(toasts: InvitationToasts) -> list[QWidget]:
    return [c for c in toasts.cards.values() if c.isVisible()]
