"""The Visitantes table (V1): one row per visitor on the sites, fed by :class:`VisitorsService`.

Rows are appended and removed in ranges and changed rows are announced with ``dataChanged`` by
contiguous ranges, never a model reset per push, so a 2,000-row table stays responsive. Time on
site is drawn from the visit's start at paint time (the page repaints once a second): the order by
time on site never changes as time passes, so nothing needs re-sorting for it.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from jivo_desktop import i18n
from jivo_desktop.services.visitors import VisitorsChange, VisitorsService
from jivo_desktop.ui.common.plain import plain_tooltip
from server import protocol as p

NAME, PAGE, TIME, VISITS, SOURCE, LOCATION, CHAT = range(7)
SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def duration_text(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def location_text(visitor: p.VisitorInfo) -> str:
    city = i18n.city_name(visitor.city, visitor.city_names)
    return ", ".join(x for x in (city, visitor.country) if x)


def _ranges(rows: list[int]) -> Iterator[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive numbers."""
    if not rows:
        return
    start = prev = rows[0]
    for row in rows[1:]:
        if row != prev + 1:
            yield start, prev
            start = row
        prev = row
    yield start, prev


class VisitorsModel(QAbstractTableModel):
    def __init__(self, visitors: VisitorsService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visitors = visitors
        self.ids: list[int] = []
        self._row: dict[int, int] = {}
        self.headers: tuple[str, ...] = ()
        self.retranslate()
        visitors.changed.connect(self._on_visitors_changed)
        self._on_visitors_changed(VisitorsChange(added=list(visitors.visitors), reset=True))

    def retranslate(self) -> None:
        """Column titles in the current language (G6); cell texts are made at paint time."""
        self.headers = (
            self.tr("Visitor"),
            self.tr("Current page"),
            self.tr("Time on site"),
            self.tr("Visits"),
            self.tr("Source"),
            self.tr("Location"),
            self.tr("Chat"),
        )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)

    # -------------------------------------------------------------- Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        visitor = self.visitors.visitors.get(self.ids[index.row()])
        if visitor is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(visitor, column)
        if role == SORT_ROLE:
            return self.sort_key(visitor, column)
        if role == ID_ROLE:
            return visitor.id
        if role == Qt.ItemDataRole.ForegroundRole and (visitor.hidden or not visitor.online):
            return QColor("#8a9590")  # in a background tab, or just left
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PAGE:
                return plain_tooltip(visitor.page_url)
            if column == LOCATION:
                parts = (location_text(visitor), visitor.isp, visitor.ip)
                return plain_tooltip(" · ".join(x for x in parts if x))
            if column == SOURCE:
                return plain_tooltip(visitor.referrer)
            if column == NAME and visitor.hidden:
                return self.tr("The page is in a background tab")
        return None

    # -------------------------------------------------------------- texts

    def text(self, visitor: p.VisitorInfo, column: int) -> str:
        if column == NAME:
            return self.visitors.name(visitor)
        if column == PAGE:
            return visitor.page_title or visitor.page_url
        if column == TIME:
            return duration_text(self.visitors.time_on_site(visitor))
        if column == VISITS:
            return str(visitor.visits)
        if column == SOURCE:
            return source_text(visitor)
        if column == LOCATION:
            return location_text(visitor)
        if column == CHAT:
            return chat_text(visitor)
        return ""

    def sort_key(self, visitor: p.VisitorInfo, column: int) -> object:
        if column == TIME:
            return -visitor.session_started
        if column == VISITS:
            return visitor.visits
        return self.text(visitor, column).lower()

    def search_text(self, row: int) -> str:
        visitor = self.visitors.visitors.get(self.ids[row])
        if visitor is None:
            return ""
        parts = [self.text(visitor, c) for c in (NAME, PAGE, SOURCE, LOCATION, CHAT)]
        return " ".join([*parts, visitor.page_url, visitor.ip, visitor.email]).lower()

    def visitor_id(self, row: int) -> int:
        return self.ids[row]

    # -------------------------------------------------------------- updates

    def _on_visitors_changed(self, change: VisitorsChange) -> None:
        if change.reset:
            self.beginResetModel()
            self.ids = list(self.visitors.visitors)
            self._row = {v: i for i, v in enumerate(self.ids)}
            self.endResetModel()
            return
        if change.gone:
            rows = sorted((self._row[v] for v in change.gone if v in self._row), reverse=True)
            for first, last in _desc(rows):
                self.beginRemoveRows(QModelIndex(), first, last)
                del self.ids[first : last + 1]
                self.endRemoveRows()
            self._row = {v: i for i, v in enumerate(self.ids)}
        if change.added:
            new = [v for v in change.added if v not in self._row]
            if new:
                start = len(self.ids)
                self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
                for offset, visitor_id in enumerate(new):
                    self.ids.append(visitor_id)
                    self._row[visitor_id] = start + offset
                self.endInsertRows()
        if change.updated:
            rows = sorted(self._row[v] for v in change.updated if v in self._row)
            last_column = len(self.headers) - 1
            for first, last in _ranges(rows):
                self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))


def _desc(rows_desc: list[int]) -> Iterator[tuple[int, int]]:
    """Rows sorted high to low, as (first, last) runs, highest run first (removal order)."""
    runs = list(_ranges(sorted(rows_desc)))
    return reversed(runs)


def source_text(visitor: p.VisitorInfo) -> str:
    """The visit's source in words (one translation context for the table and the panel)."""
    detail = visitor.source_detail
    match visitor.source:
        case "direct":
            return QCoreApplication.translate("VisitorsModel", "Direct")
        case "search":
            return QCoreApplication.translate("VisitorsModel", "Search: {0}").format(detail)
        case "social":
            return QCoreApplication.translate("VisitorsModel", "Social: {0}").format(detail)
        case "referral":
            return QCoreApplication.translate("VisitorsModel", "Link: {0}").format(detail)
        case "campaign":
            return QCoreApplication.translate("VisitorsModel", "Campaign: {0}").format(detail)
    return ""


def chat_text(visitor: p.VisitorInfo) -> str:
    if visitor.chat_state == "offered":
        return QCoreApplication.translate("VisitorsModel", "Waiting")
    if visitor.chat_state == "active":
        if visitor.chat_agent:
            return QCoreApplication.translate("VisitorsModel", "Chatting with {0}").format(
                visitor.chat_agent
            )
        return QCoreApplication.translate("VisitorsModel", "Chatting")
    return ""


class VisitorsFilter(QSortFilterProxyModel):
    """Sorts by each column's raw key; filters on one precomputed text per row."""

    def __init__(self, model: VisitorsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model_ = model
        self.needle = ""
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_needle(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self.needle = text.strip().lower()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.needle = text.strip().lower()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return not self.needle or self.needle in self.model_.search_text(source_row)
