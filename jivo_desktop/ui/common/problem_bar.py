"""A red bar over a view that could not be loaded: what went wrong, and a Retry button.

Used by the conversation (a history that failed, issue 12 item 6) and the archive."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from jivo_desktop.ui.common.plain import PlainLabel


class ProblemBar(QWidget):
    """Hidden until there is a problem. ``label`` shows it as plain text (it may quote the
    relay); ``button`` is the Retry button (its text set by the owner's retranslation)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(
            f"QWidget#{name} {{ background: #fde8e6; }} QLabel {{ color: #8a1f11; }}"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        self.label = PlainLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.button = QPushButton()
        layout.addWidget(self.button)
        self.hide()
