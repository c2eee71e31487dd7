"""R3: Embudo de ventas: a funnel as a board (a column per stage with the count and the sum per
currency; a deal is dragged to another column) or as a list."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.crm import CrmService, money_text, parse_money
from jivo_desktop.ui.common.plain import PlainLabel
from server import protocol as p

STALE = "#e07b28"
COLUMN_WIDTH = 220


class StageColumn(QListWidget):
    """One stage's deals. Signals: ``deal_dropped(int, int)`` (deal id, this stage's id): a
    deal was dropped here from another column."""

    deal_dropped = Signal(int, int)

    def __init__(self, stage_id: int) -> None:
        super().__init__()
        self.stage_id = stage_id
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)
        self.setFixedWidth(COLUMN_WIDTH)

    def dropEvent(self, event: QDropEvent) -> None:
        source = event.source()
        if isinstance(source, StageColumn) and source is not self:
            item = source.currentItem()
            if item is not None:
                self.drop_deal(int(item.data(Qt.ItemDataRole.UserRole)))
        event.ignore()  # the relay's answer redraws the board; Qt moves nothing itself

    def drop_deal(self, deal_id: int) -> None:
        self.deal_dropped.emit(deal_id, self.stage_id)


class BoardView(QWidget):
    def __init__(self, crm: CrmService) -> None:
        super().__init__()
        self.crm = crm
        self.columns: dict[int, StageColumn] = {}
        self.lost_dialog: QInputDialog | None = None
        self.headers: dict[int, PlainLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.funnel_box = QComboBox()
        self.funnel_box.activated.connect(self._on_funnel_box_activated)
        self.view_box = QComboBox()
        self.view_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.funnel_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.view_box.activated.connect(self._on_view_box_activated)
        self.new_title = QLineEdit()
        self.new_value = QLineEdit()
        self.new_value.setMaximumWidth(110)
        self.new_currency = QLineEdit("EUR")
        self.new_currency.setMaximumWidth(56)
        self.new_currency.setMaxLength(3)
        self.add_button = QPushButton()
        self.add_button.setObjectName("Primary")
        self.add_button.clicked.connect(self._on_add_clicked)
        top.addWidget(self.funnel_box)
        top.addWidget(self.view_box)
        top.addWidget(self.new_title, 1)
        top.addWidget(self.new_value)
        top.addWidget(self.new_currency)
        top.addWidget(self.add_button)
        layout.addLayout(top)
        self.stack = QStackedWidget()
        self.board = QWidget()
        self.board_layout = QHBoxLayout(self.board)
        self.board_layout.setAlignment(Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.board)
        self.stack.addWidget(scroll)
        self.table = QTableWidget(0, 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.stack.addWidget(self.table)
        layout.addWidget(self.stack, 1)
        self.empty = PlainLabel()
        self.empty.setObjectName("Muted")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        crm.settings_changed.connect(self.rebuild)
        crm.deals_changed.connect(self.fill)
        self.retranslate()

    def retranslate(self) -> None:
        self.view_box.clear()
        self.view_box.addItems([self.tr("Board"), self.tr("List")])
        self.view_box.setCurrentIndex(self.stack.currentIndex())
        self.new_title.setPlaceholderText(self.tr("New deal"))
        self.new_value.setPlaceholderText(self.tr("Value"))
        self.add_button.setText(self.tr("Add deal"))
        self.empty.setText(
            self.tr("No sales funnel yet. An administrator makes one in Settings → CRM.")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Deal"), self.tr("Client"), self.tr("Stage"), self.tr("Value"),
             self.tr("Expected close"), self.tr("Since")]
        )  # fmt: skip
        self.rebuild()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def stage_name(self, stage: p.StageInfo) -> str:
        if stage.kind == "won" and stage.name == "Won":
            return self.tr("Won")
        if stage.kind == "lost" and stage.name == "Lost":
            return self.tr("Lost")
        return stage.name

    def rebuild(self) -> None:
        self.funnel_box.clear()
        for funnel in self.crm.funnels:
            self.funnel_box.addItem(funnel.name, funnel.id)
        shown = self.crm.funnel()
        if shown is not None:
            self.funnel_box.setCurrentIndex(self.funnel_box.findData(shown.id))
        while self.board_layout.count():
            taken = self.board_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.columns, self.headers = {}, {}
        for stage in shown.stages if shown else []:
            box = QWidget()
            column_layout = QVBoxLayout(box)
            column_layout.setContentsMargins(0, 0, 0, 0)
            header = PlainLabel()
            header.setObjectName("FieldLabel")
            header.setWordWrap(True)
            header.setFixedWidth(COLUMN_WIDTH)
            column = StageColumn(stage.id)
            column.deal_dropped.connect(self._on_column_deal_dropped)
            column_layout.addWidget(header)
            column_layout.addWidget(column, 1)
            self.board_layout.addWidget(box)
            self.columns[stage.id], self.headers[stage.id] = column, header
        self.board_layout.addStretch(1)  # the columns stay together on the left
        for widget in (self.funnel_box, self.view_box, self.new_title, self.new_value,
                       self.new_currency, self.add_button, self.stack):  # fmt: skip
            widget.setVisible(shown is not None)
        self.empty.setVisible(shown is None)
        self.fill()

    def column_title(self, stage: p.StageInfo) -> str:
        deals = self.crm.deals_in(stage.id)
        sums = self.crm.stage_sum(stage.id)
        total = " + ".join(money_text(v, c) for c, v in sorted(sums.items())) or "—"
        return self.tr("{0} · deals: {1} · {2}").format(self.stage_name(stage), len(deals), total)

    def fill(self) -> None:
        funnel = self.crm.funnel()
        if funnel is None:
            return
        stages = {s.id: s for s in funnel.stages}
        for stage_id, column in self.columns.items():
            stage = stages.get(stage_id)
            if stage is None:
                continue
            self.headers[stage_id].setText(self.column_title(stage))
            column.clear()
            for deal in self.crm.deals_in(stage_id):
                text = f"{deal.title}\n{money_text(deal.value_minor, deal.currency)}"
                if deal.client_name:
                    text += f"\n{deal.client_name}"
                if deal.lost_reason:
                    text += f"\n{deal.lost_reason}"
                if deal.stale:
                    text = self.tr("Stale") + " · " + text
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, deal.id)
                if deal.stale:
                    item.setForeground(QBrush(QColor(STALE)))
                column.addItem(item)
        deals = [d for s in funnel.stages for d in self.crm.deals_in(s.id)]
        self.table.setRowCount(len(deals))
        for row, deal in enumerate(deals):
            stage = stages.get(deal.stage_id)
            since = datetime.datetime.fromtimestamp(deal.stage_since).strftime("%Y-%m-%d")
            values = [
                deal.title,
                deal.client_name,
                self.stage_name(stage) if stage else "",
                money_text(deal.value_minor, deal.currency),
                deal.expected_close,
                since,
            ]
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))

    def _on_column_deal_dropped(self, deal_id: int, stage_id: int) -> None:
        """A deal dropped on "lost" asks for the reason first (not modal: open())."""
        funnel = self.crm.funnel()
        stage = next((s for s in funnel.stages if s.id == stage_id), None) if funnel else None
        if stage is None or stage.kind != "lost":
            self.crm.move_deal(deal_id, stage_id)
            return
        dialog = self.lost_dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Deal lost"))
        dialog.setLabelText(self.tr("Why was the deal lost?"))
        dialog.setTextValue("")

        def finished(result: int) -> None:
            if result == QInputDialog.DialogCode.Accepted:
                self.crm.move_deal(deal_id, stage_id, dialog.textValue().strip())
            self.lost_dialog = None

        dialog.finished.connect(finished)
        dialog.open()

    def _on_view_box_activated(self, index: int) -> None:
        self.stack.setCurrentIndex(index)

    def _on_funnel_box_activated(self, index: int) -> None:
        funnel_id = self.funnel_box.itemData(index)
        if funnel_id is not None:
            self.crm.select_funnel(int(funnel_id))
            self.rebuild()

    def _on_add_clicked(self) -> None:
        title = self.new_title.text().strip()
        value = parse_money(self.new_value.text())
        currency = self.new_currency.text().strip().upper()
        funnel = self.crm.funnel()
        if not title or funnel is None or value is None or len(currency) != 3:
            self.crm.problem.emit(self.tr("Give the deal a title, a value such as 1250.00 and "
                                          "a three-letter currency such as EUR."))  # fmt: skip
            return
        self.crm.save_deal(title=title, funnel_id=funnel.id, value_minor=value, currency=currency)
        self.new_title.clear()
        self.new_value.clear()
