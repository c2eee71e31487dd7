"""Visitantes (V1, V2): everyone on the sites now, live, sortable and filterable; invite one to
chat with a message."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.visitors import VisitorsChange, VisitorsService
from jivo_desktop.ui.common.fit import fit_header
from jivo_desktop.ui.common.plain import PlainLabel, isolate, tooltip_text
from jivo_desktop.ui.visitors.model import (
    CHAT,
    ID_ROLE,
    LOCATION,
    NAME,
    PAGE,
    SOURCE,
    TIME,
    VISITS,
    VisitorsFilter,
    VisitorsModel,
)

REPAINT_MS = 1000


class VisitorsPage(QWidget):
    """Signals: ``open_chat_requested(int)``: reserved for a visitor already in a chat;
    ``rules_requested()``: an admin wants the automatic invitations (Ajustes section)."""

    open_chat_requested = Signal(int)
    rules_requested = Signal()

    def __init__(self, visitors: VisitorsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visitors = visitors
        self.heading = heading = PlainLabel()
        heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.count = PlainLabel()
        self.count.setObjectName("FieldLabel")
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter_text_changed)

        self.model = VisitorsModel(visitors, self)
        self.proxy = VisitorsFilter(self.model, self)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TIME, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PAGE, QHeaderView.ResizeMode.Stretch)
        # The current page (stretched) keeps room for its title in a 1180-pixel window.
        # (fit_header widens a column whose title needs more in the current language, B8.)
        widths = (
            (NAME, 140),
            (TIME, 85),
            (VISITS, 55),
            (SOURCE, 120),
            (LOCATION, 140),
            (CHAT, 120),
        )
        for column, width in widths:
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)

        self.invite_text = QLineEdit()
        self.invite_text.setMaxLength(1000)
        self.invite_button = QPushButton()
        self.invite_button.setObjectName("Primary")
        self.invite_button.setEnabled(False)
        self.invite_button.clicked.connect(self._on_invite_clicked)
        self.note = PlainLabel()
        self.note.setObjectName("FieldLabel")
        invite_row = QHBoxLayout()
        self.invite_label = PlainLabel()
        invite_row.addWidget(self.invite_label)
        invite_row.addWidget(self.invite_text, 1)
        invite_row.addWidget(self.invite_button)

        # V3 for admins: opens Ajustes > Automatic invitations.
        self.rules_button = QPushButton()
        self.rules_button.clicked.connect(self.rules_requested)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.filter, 1)
        top.addWidget(self.rules_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(invite_row)
        layout.addWidget(self.note)

        self._repaint = QTimer(self)
        self._repaint.setInterval(REPAINT_MS)
        self._repaint.timeout.connect(self._on_repaint_timeout)
        self._repaint.start()
        visitors.changed.connect(self._on_visitors_changed)
        visitors.invited.connect(self._on_visitors_invited)
        visitors.problem.connect(self.note.setText)
        visitors.session.signed_in.connect(self._on_session_signed_in)
        self._on_session_signed_in(None)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (at start and on a language switch, G6)."""
        default_before = self.invite_text.text() in ("", getattr(self, "_default_invite", ""))
        self._default_invite = self.tr("Hello! Can I help you with anything?")
        if default_before:
            self.invite_text.setText(self._default_invite)
        self.heading.setText(self.tr("Visitors"))
        self.filter.setPlaceholderText(self.tr("Filter by name, page, source or place…"))
        self.invite_label.setText(self.tr("Invitation:"))
        self.invite_button.setText(self.tr("Invite to chat"))
        self.rules_button.setText(self.tr("Automatic invitations…"))
        self.model.retranslate()
        fit_header(self.table.horizontalHeader())  # B8: "Tiempo en el sitio" whole
        self._on_visitors_changed(VisitorsChange())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "model"):
            self.retranslate()
        super().changeEvent(event)

    # -------------------------------------------------------------- queries

    def selected_visitor(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else 0

    def row_of(self, visitor_id: int) -> int:
        """The visitor's row in the view (sorted and filtered), or -1."""
        source_row = self.model._row.get(visitor_id, -1)
        if source_row < 0:
            return -1
        return self.proxy.mapFromSource(self.model.index(source_row, 0)).row()

    def cell(self, visitor_id: int, column: int) -> str:
        row = self.row_of(visitor_id)
        return "" if row < 0 else str(self.proxy.index(row, column).data())

    def select_visitor(self, visitor_id: int) -> None:
        row = self.row_of(visitor_id)
        if row >= 0:
            self.table.selectRow(row)

    # -------------------------------------------------------------- reactions

    def _on_visitors_changed(self, _change: VisitorsChange) -> None:
        total = len(self.visitors.visitors)
        self.count.setText(self.tr("{0} on the site").format(total))
        self.invite_button.setEnabled(bool(self.selected_visitor()))

    def _on_filter_text_changed(self, text: str) -> None:
        self.proxy.set_needle(text)

    def _on_table_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self.invite_button.setEnabled(bool(self.selected_visitor()))
        self.note.clear()

    def _on_table_double_clicked(self, _index: object) -> None:
        self._on_invite_clicked()

    def _on_invite_clicked(self) -> None:
        visitor_id = self.selected_visitor()
        if visitor_id and self.invite_text.text().strip():
            self.visitors.invite(visitor_id, self.invite_text.text())

    def _on_visitors_invited(self, visitor_id: int) -> None:
        visitor = self.visitors.get(visitor_id)
        name = self.visitors.name(visitor) if visitor else str(visitor_id)
        self.note.setText(self.tr("Invitation sent to {0}.").format(isolate(name)))

    def _on_session_signed_in(self, _welcome: object) -> None:
        agent = self.visitors.session.agent
        self.rules_button.setVisible(agent is not None and agent.role == "admin")

    def _on_repaint_timeout(self) -> None:
        # Time on site moves every second: repaint the visible cells (no model signal needed).
        if self.isVisible():
            self.table.viewport().update()

    def page_column_tooltip(self, visitor_id: int) -> str:
        row = self.row_of(visitor_id)
        if row < 0:
            return ""
        return tooltip_text(str(self.proxy.index(row, PAGE).data(Qt.ItemDataRole.ToolTipRole)))
