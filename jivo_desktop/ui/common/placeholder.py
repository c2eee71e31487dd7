"""A page whose feature is not built yet says so plainly; it never shows invented data."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from jivo_desktop.ui.common.plain import PlainLabel


class NotBuiltPage(QWidget):
    """``title`` and ``what`` come translated from the main window, which sets them again with
    :meth:`set_texts` when the language changes (G6)."""

    def __init__(self, title: str = "", what: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = PlainLabel()
        self.heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.body = PlainLabel()
        self.body.setWordWrap(True)
        self.body.setObjectName("FieldLabel")
        self.body.setStyleSheet("font-size: 13px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 36, 40, 36)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.set_texts(title, what)

    def set_texts(self, title: str, what: str) -> None:
        self.title, self.what = title, what
        self.heading.setText(title)
        self.body.setText(
            self.tr("{0}\n\nThis page is not built yet: it comes in a later version.").format(what)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.set_texts(self.title, self.what)
        super().changeEvent(event)
