"""A page whose feature is not built yet says so plainly; it never shows invented data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class NotBuiltPage(QWidget):
    def __init__(self, title: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        body = QLabel(
            self.tr("{0}\n\nThis page is not built yet: it comes in a later version.").format(what)
        )
        body.setWordWrap(True)
        body.setObjectName("FieldLabel")
        body.setStyleSheet("font-size: 13px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 36, 40, 36)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
