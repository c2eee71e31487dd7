"""Offline messages in Centro de Atención (V6): what visitors left in the offline form, newest
first, kept live by the relay's pushes. The chosen message shows with the visitor's details;
the agent answers it by e-mail (through the relay's mailer) or marks it handled.

Everything a visitor wrote is shown as plain text, never as Qt rich text."""

from __future__ import annotations

import time

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop import i18n
from jivo_desktop.services.offline_messages import OfflineMessagesService
from jivo_desktop.ui.common.plain import PlainLabel
from server import protocol as p

MessageIdRole = Qt.ItemDataRole.UserRole + 1


def _selectable() -> PlainLabel:
    """A wrapping plain label whose text the agent can select (to copy an address)."""
    label = PlainLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class OfflineMessagesPanel(QWidget):
    """The list on the left, the chosen message, its visitor and the answer on the right."""

    def __init__(self, service: OfflineMessagesService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.shown_id = 0

        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.show_handled = QCheckBox()
        self.show_handled.toggled.connect(service.set_show_handled)
        self.empty = PlainLabel()
        self.empty.setObjectName("FieldLabel")
        self.empty.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 8)
        left_layout.addWidget(self.show_handled)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.list, 1)

        self.title = PlainLabel()
        self.title.setObjectName("PanelTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.state = _selectable()
        self.state.setObjectName("FieldLabel")
        self.text = _selectable()
        self.text.setObjectName("OfflineText")
        self.details = QFormLayout()
        self.details.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.captions: dict[str, QLabel] = {}
        self.fields: dict[str, QLabel] = {}
        for key in ("email", "site", "page", "place", "ip", "when"):
            caption = self.captions[key] = PlainLabel()
            caption.setObjectName("FieldLabel")
            field = self.fields[key] = _selectable()
            self.details.addRow(caption, field)
        self.reply = QPlainTextEdit()
        self.reply.setFixedHeight(110)
        self.send_button = QPushButton()
        self.send_button.setObjectName("Primary")
        self.send_button.clicked.connect(self._on_send_clicked)
        self.handled_button = QPushButton()
        self.handled_button.clicked.connect(self._on_handled_clicked)
        self.problem = _selectable()
        self.problem.setObjectName("Problem")
        self.problem.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.handled_button)
        buttons.addStretch(1)
        self.detail = QWidget()
        right_layout = QVBoxLayout(self.detail)
        right_layout.setContentsMargins(14, 8, 14, 8)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.state)
        right_layout.addLayout(self.details)
        right_layout.addWidget(self.text)
        right_layout.addWidget(self.reply)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.problem)
        right_layout.addStretch(1)
        self.choose = PlainLabel()
        self.choose.setObjectName("FieldLabel")
        self.choose.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        right_outer = QVBoxLayout(right)
        right_outer.setContentsMargins(0, 0, 0, 0)
        right_outer.addWidget(self.choose, 1)
        right_outer.addWidget(self.detail, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)

        service.changed.connect(self._on_service_changed)
        service.replied.connect(self._on_service_replied)
        service.problem.connect(self._on_service_problem)
        self.retranslate()

    # -------------------------------------------------------------- texts (G6)

    def retranslate(self) -> None:
        self.show_handled.setText(self.tr("Show handled ones too"))
        self.empty.setText(
            self.tr("No offline messages. What visitors leave in the offline form appears here.")
        )
        captions = {
            "email": self.tr("E-mail"),
            "site": self.tr("Website"),
            "page": self.tr("Page"),
            "place": self.tr("Location"),
            "ip": self.tr("IP address"),
            "when": self.tr("Left at"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.reply.setPlaceholderText(self.tr("Your answer: it goes to the visitor by e-mail"))
        self.send_button.setText(self.tr("Send by e-mail"))
        self.choose.setText(self.tr("Choose a message on the left."))
        self._fill_list()
        self._show(self.shown_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "choose"):
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.service.refresh()

    # -------------------------------------------------------------- showing

    def _who(self, m: p.OfflineMessageInfo) -> str:
        return m.name.strip() or m.email

    def _fill_list(self) -> None:
        messages = self.service.ordered()
        self.list.blockSignals(True)
        self.list.clear()
        for m in messages:
            when = time.strftime("%H:%M", time.localtime(m.created_at))
            day = i18n.locale().toString(_date_of(m.created_at), i18n.date_format())
            first = " ".join(m.text.split())[:90]
            mark = "✓ " if m.handled else ""
            item = QListWidgetItem(f"{mark}{self._who(m)} · {day} {when}\n{first}")
            item.setData(MessageIdRole, m.id)
            self.list.addItem(item)
            if m.id == self.shown_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(not messages)
        self.list.setVisible(bool(messages))

    def _show(self, message_id: int) -> None:
        m = self.service.get(message_id)
        self.shown_id = m.id if m else 0
        self.choose.setVisible(m is None)
        self.detail.setVisible(m is not None)
        if m is None:
            return
        self.title.setText(self._who(m))
        if m.replied_at:
            state = self.tr("Answered by e-mail by {0}").format(m.handled_by)
        elif m.handled:
            state = self.tr("Handled by {0}").format(m.handled_by)
        else:
            state = self.tr("Not handled yet")
        self.state.setText(state)
        v = m.visitor
        city = i18n.city_name(v.city, v.city_names) if v else ""
        place = ", ".join(x for x in (city, v.country if v else "") if x)
        values = {
            "email": m.email,
            "site": m.site_name,
            "page": (v.page_title or v.page_url) if v else "",
            "place": place,
            "ip": v.ip if v else "",
            "when": time.strftime("%Y-%m-%d %H:%M", time.localtime(m.created_at)),
        }
        for key, value in values.items():
            self.fields[key].setText(value or "—")
        self.fields["page"].setToolTip(v.page_url if v else "")
        self.text.setText(m.text)
        self.handled_button.setText(
            self.tr("Mark as not handled") if m.handled else self.tr("Mark as handled")
        )

    # -------------------------------------------------------------- reactions

    def _on_service_changed(self) -> None:
        self._fill_list()
        self._show(self.shown_id)

    def _on_list_current_item_changed(self, item: QListWidgetItem | None, _old: object) -> None:
        if item is not None and item.data(MessageIdRole) != self.shown_id:
            self.reply.clear()
            self.problem.hide()
            self._show(int(item.data(MessageIdRole)))

    def _on_send_clicked(self) -> None:
        text = self.reply.toPlainText()
        if self.shown_id and text.strip():
            self.problem.hide()
            self.send_button.setEnabled(False)
            self.service.reply(self.shown_id, text)

    def _on_handled_clicked(self) -> None:
        m = self.service.get(self.shown_id)
        if m is not None:
            self.service.mark_handled(m.id, not m.handled)

    def _on_service_replied(self, message_id: int) -> None:
        self.send_button.setEnabled(True)
        if message_id == self.shown_id:
            self.reply.clear()

    def _on_service_problem(self, text: str) -> None:
        self.send_button.setEnabled(True)
        self.problem.setText(text)
        self.problem.show()


def _date_of(ts: float) -> QDate:
    return QDateTime.fromSecsSinceEpoch(int(ts)).date()
