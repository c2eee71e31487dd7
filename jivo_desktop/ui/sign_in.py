"""The sign-in window (A1): relay address, e-mail, password, "remember me"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.session import SessionService
from jivo_desktop.ui.common import style
from jivo_desktop.ui.common.plain import PlainLabel

DEFAULT_RELAY = "http://127.0.0.1:8765"


class SignInWindow(QWidget):
    def __init__(self, session: SessionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setMinimumWidth(380)
        self.title = title = PlainLabel()
        title.setStyleSheet(f"font-size: 22px; font-weight: 600; color: {style.BRAND};")
        self.hint = hint = PlainLabel()
        hint.setObjectName("FieldLabel")
        last = session.last_account()
        self.relay = QLineEdit(str(last.get("relay") or DEFAULT_RELAY))
        self.relay.setPlaceholderText("https://chat.example.com")
        self.email = QLineEdit(str(last.get("email") or ""))
        self.email.setPlaceholderText("agent@example.com")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox()
        self.remember.setChecked(True)
        if not session.secrets.available:
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
        self.error = PlainLabel()
        self.error.setObjectName("Problem")
        self.error.setWordWrap(True)
        self.error.hide()
        self.button = QPushButton()
        self.button.setObjectName("Primary")
        self.button.setDefault(True)
        self.button.clicked.connect(self._on_button_clicked)
        for field in (self.relay, self.email, self.password):
            field.returnPressed.connect(self._on_button_clicked)

        form = QFormLayout()
        self.field_labels = [PlainLabel(), PlainLabel(), PlainLabel()]
        for label, field in zip(
            self.field_labels, (self.relay, self.email, self.password), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)

        self.retranslate()

        session.sign_in_failed.connect(self._on_session_sign_in_failed)
        session.signed_in.connect(self._on_session_signed_in)
        if self.email.text():
            self.password.setFocus()

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch, G6)."""
        self.setWindowTitle(self.tr("Sign in — Jivo Live"))
        self.title.setText(self.tr("Sign in"))
        self.hint.setText(self.tr("Use the e-mail and password of your account."))
        if self.session.secrets.available:
            self.remember.setText(self.tr("Remember me on this computer"))
        else:
            self.remember.setToolTip(
                self.tr("This computer has no keychain, so the password cannot be remembered.")
            )
            self.remember.setText(self.tr("Remember me (no keychain on this computer)"))
        texts = (self.tr("Relay"), self.tr("E-mail"), self.tr("Password"))
        for label, text in zip(self.field_labels, texts, strict=True):
            label.setText(text)
        busy = not self.button.isEnabled()
        self.button.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_button_clicked(self) -> None:
        self.error.hide()
        self.button.setEnabled(False)
        self.button.setText(self.tr("Signing in…"))
        self.session.sign_in(
            self.relay.text(), self.email.text(), self.password.text(), self.remember.isChecked()
        )

    def _on_session_sign_in_failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self.button.setText(self.tr("Sign in"))
        if message:
            self.error.setText(message)
            self.error.show()
        self.password.selectAll()
        self.password.setFocus()

    def _on_session_signed_in(self, _welcome: object) -> None:
        self.button.setEnabled(True)
        self.button.setText(self.tr("Sign in"))
        self.password.clear()
