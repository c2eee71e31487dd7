"""Find text that does not fit where it is shown (B8): labels, buttons, check boxes, the
chosen item of a combo box, header sections, tab labels and list rows narrower than their
text, and pages that overflow their scroll area sideways (a horizontal scroll bar at the
window's default size).

The width a text needs comes from the widget's own font metrics (bold where a style sheet
makes it bold, as a checked tab is) plus what the widget's size hint adds around the text; a
label that wraps its words, or one the code elides on purpose (``elide`` property True), can
never be cut off and is skipped."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QWidget,
)

from tests.unit.test_i18n_catalogs import TS_DIR

SLACK = 1  # px: rounding in the style's metrics


def _bold(font: QFont) -> QFontMetrics:
    bold = QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)
    return QFontMetrics(bold)


def _text_width(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _visible(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def _label(widget: QLabel) -> str | None:
    text = widget.text()
    if not text or widget.wordWrap() or widget.property("elide"):
        return None
    if widget.textFormat() == Qt.TextFormat.RichText or (
        widget.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    ):
        need = widget.sizeHint().width()
    else:
        margins = widget.contentsMargins()
        indent = max(0, widget.indent()) if widget.indent() > 0 else 0
        need = (
            _text_width(widget.fontMetrics(), text)
            + margins.left()
            + margins.right()
            + 2 * widget.margin()
            + widget.frameWidth() * 2
            + indent
        )
        need = max(need, widget.minimumSizeHint().width())
    if widget.width() + SLACK < need:
        return f"label {text!r}: {widget.width()} of {need} px"
    return None


def _bold_when_checked(widget: QWidget) -> bool:
    sheets = []
    while widget is not None:
        sheets.append(widget.styleSheet())
        widget = widget.parentWidget()  # type: ignore[assignment]
    app = QApplication.instance()
    if isinstance(app, QApplication):
        sheets.append(app.styleSheet())
    return any(
        ":checked" in s and "font-weight" in s.split(":checked", 1)[1].split("}")[0] for s in sheets
    )


def _button(widget: QAbstractButton) -> str | None:
    text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text:
        return None
    need = widget.sizeHint().width()
    if isinstance(widget, QPushButton) and widget.isCheckable() and _bold_when_checked(widget):
        # A style sheet may make the checked state bold (the composer's Chat/Comment tabs):
        # it must fit in both states.
        plain = _text_width(widget.fontMetrics(), text)
        need = max(need, need - plain + _text_width(_bold(widget.font()), text))
    if widget.width() + SLACK < need:
        return f"{type(widget).__name__} {text!r}: {widget.width()} of {need} px"
    return None


def _combo(widget: QComboBox) -> str | None:
    """The chosen item's text must fit the box's text field (the open list shows every item in
    full, so only the current one is measured)."""
    text = widget.currentText()
    if not text or widget.isEditable():
        return None
    option = QStyleOptionComboBox()
    option.initFrom(widget)
    option.currentText = text
    field = widget.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, widget
    )
    need = _text_width(widget.fontMetrics(), text)
    if field.width() + SLACK < need:
        return f"QComboBox {text!r}: {field.width()} of {need} px"
    return None


def _header(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None or not header.isVisible():
        return []
    problems = []
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = 0
    if header.isSortIndicatorShown():
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
    bold = _bold(header.font())
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    for section in range(header.count()):
        if header.isSectionHidden(section) or not horizontal:
            continue
        text = str(model.headerData(section, header.orientation()) or "")
        if not text:
            continue
        # Qt draws a header's text bold when its column holds the current item: room for it.
        need = _text_width(bold, text) + 2 * margin + arrow
        size = header.sectionSize(section)
        if size + SLACK < need:
            problems.append(f"header {text!r}: {size} of {need} px")
    return problems


def _tabs(bar: QTabBar) -> list[str]:
    problems = []
    for index in range(bar.count()):
        text = bar.tabText(index)
        need = (
            _text_width(bar.fontMetrics(), text)
            + 2 * bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar) // 2
        )
        if bar.tabRect(index).width() + SLACK < need:
            problems.append(f"tab {text!r}: {bar.tabRect(index).width()} of {need} px")
    return problems


def _list_rows(view: QListView) -> list[str]:
    """Rows of a list that does not wrap words must fit its viewport."""
    if view.wordWrap() or view.property("elide"):
        return []
    model = view.model()
    if model is None:
        return []
    problems = []
    room = view.viewport().width()
    for row in range(min(model.rowCount(), 50)):
        index = model.index(row, 0)
        text = str(index.data() or "")
        if not text:
            continue
        need = view.sizeHintForIndex(index).width()
        if need > room + SLACK:
            problems.append(f"list row {text!r}: {room} of {need} px")
    return problems


def _name(widget: QWidget) -> str:
    """The widget and its nearest named ancestor, to tell the reader where it is."""
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    where = f" in {parent.objectName()}" if parent is not None else ""
    return f"{type(widget).__name__} {widget.objectName()}{where}".replace("  ", " ")


def clipped(root: QWidget) -> list[str]:
    """Everything cut off in ``root`` as it is shown now (its layouts settled)."""
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _visible(widget, root) and widget is not root:
            continue
        found: str | None = None
        if isinstance(widget, QLabel):
            found = _label(widget)
        elif isinstance(widget, QAbstractButton):
            found = _button(widget)
        elif isinstance(widget, QComboBox):
            found = _combo(widget)
        elif isinstance(widget, QHeaderView):
            problems += _header(widget)
        elif isinstance(widget, QTabBar):
            problems += _tabs(widget)
        elif isinstance(widget, QListView):
            problems += _list_rows(widget)
        if isinstance(widget, (QScrollArea, QAbstractItemView)) and isinstance(
            widget, QAbstractScrollArea
        ):
            bar = widget.horizontalScrollBar()
            if bar.isVisible() and bar.maximum() > 0:
                problems.append(f"{_name(widget)} scrolls sideways by {bar.maximum()} px")
        if found:
            problems.append(found)
    return problems


# English sources that are also right as they are: "Chats" is Spanish and Portuguese too, and
# the language menu names each language in its own words.
SAME_WORD = {"Chats", "English"}


def english_sources(language: str) -> set[str]:
    """The English sources that the language's catalogue translates to something else."""
    import xml.etree.ElementTree as ET

    found = set()
    for message in ET.parse(TS_DIR / f"jivo_{language}.ts").iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if translation and translation != source and len(source) > 2:
            found.add(source)
    return found


def untranslated(root: QWidget, english: set[str]) -> list[str]:
    """Visible texts still in English after a switch of language (a view that never
    retranslates): labels, buttons, combo boxes, placeholders, header sections, list rows."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QListWidget

    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QListWidget):
            for row in range(min(widget.count(), 20)):
                texts += widget.item(row).text().split("\n")
    return [f"untranslated {t!r}" for t in texts if t.replace("&", "") in english - SAME_WORD]


def settle(widget: QWidget) -> None:
    """Let a widget's layouts catch up (after a language switch, before measuring)."""
    for _ in range(3):
        layout = widget.layout()
        if layout is not None:
            layout.activate()
        QCoreApplication.processEvents()
