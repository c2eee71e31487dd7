"""Texts that must fit (B8): a table header's sections widened to their title in the current
language (bold, as Qt draws the current column's, with room for the sort arrow), and buttons
wide enough for their bold checked state."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QHeaderView, QPushButton, QSizePolicy, QStyle, QWidget

from jivo_desktop.ui.common.plain import PlainLabel


def bold_metrics(font: QFont) -> QFontMetrics:
    bold = QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)
    return QFontMetrics(bold)


def header_width(header: QHeaderView, section: int) -> int:
    """The width the section's title needs."""
    model = header.model()
    text = str(model.headerData(section, header.orientation()) or "") if model else ""
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = 0
    if header.isSortIndicatorShown():
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
    lines = text.split("\n")
    metrics = bold_metrics(header.font())
    return max(metrics.horizontalAdvance(line) for line in lines) + 2 * margin + arrow + 4


def fit_header(header: QHeaderView) -> None:
    """Widen every resizable section narrower than its title (never narrow one)."""
    for section in range(header.count()):
        if header.sectionResizeMode(section) == QHeaderView.ResizeMode.Stretch:
            continue
        need = header_width(header, section)
        if header.sectionSize(section) < need:
            header.resizeSection(section, need)


def fit_bold_button(button: QPushButton, padding: int = 24) -> None:
    """A checkable tab that turns bold when checked keeps its width in both states."""
    text = button.text().replace("&", "")
    width = bold_metrics(button.font()).horizontalAdvance(text) + padding
    button.setMinimumWidth(max(width, button.sizeHint().width()))


class ElidedLabel(PlainLabel):
    """One line of plain text that gives up width instead of taking it: elided in the middle
    ("https://shop.example/…?color=verde") with the whole text in the tooltip. For a long URL
    in a header, which must never widen the window (B8)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("elide", True)  # the clipping test knows it is cut on purpose
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, rect.width()
        )
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), text)
