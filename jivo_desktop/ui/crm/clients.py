"""R1: the client list with search (Clientes) and a client's card: details, assigned agent,
a timeline (a chat opens in the archive), and edit."""

from __future__ import annotations

import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.crm import CrmService
from jivo_desktop.services.team import TeamService
from jivo_desktop.ui.common.plain import PlainLabel, isolate
from server import protocol as p

EDITABLE = ("name", "email", "phone", "company")


def when(ts: float) -> str:
    return datetime.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


def client_title(client: p.ClientInfo, fallback: str) -> str:
    return client.name or client.email or client.phone or client.company or fallback


class ClientCardView(QWidget):
    """Signals: ``chat_requested(int)`` (a chat of the timeline was activated);
    ``call_requested(str, str, int)`` (P1: Call beside the phone: number, name, client id)."""

    chat_requested = Signal(int)
    call_requested = Signal(str, str, int)

    def __init__(self, crm: CrmService, team: TeamService | None) -> None:
        super().__init__()
        self.crm = crm
        self.team = team
        self.card: p.ClientCard | None = None
        layout = QVBoxLayout(self)
        self.title = PlainLabel()
        self.title.setObjectName("PanelTitle")
        layout.addWidget(self.title)
        self.form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.captions: dict[str, PlainLabel] = {}
        self.call_button = QPushButton()
        self.call_button.setObjectName("CallButton")
        self.call_button.clicked.connect(self._on_call_clicked)
        for key in EDITABLE:
            self.edits[key] = QLineEdit()
            self.captions[key] = PlainLabel()
            if key == "phone":  # P1: click-to-call beside the number
                row = QHBoxLayout()
                row.addWidget(self.edits[key], 1)
                row.addWidget(self.call_button)
                self.form.addRow(self.captions[key], row)
            else:
                self.form.addRow(self.captions[key], self.edits[key])
        # Tags, comma-separated (what the list's tag filter finds).
        self.tags = QLineEdit()
        self.captions["tags"] = PlainLabel()
        self.form.addRow(self.captions["tags"], self.tags)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        self.captions["notes"] = PlainLabel()
        self.form.addRow(self.captions["notes"], self.notes)
        self.owner = PlainLabel()
        self.captions["owner"] = PlainLabel()
        self.form.addRow(self.captions["owner"], self.owner)
        layout.addLayout(self.form)
        # K4: the admins' custom fields, one row each (rebuilt when the settings change).
        self.custom_form = QFormLayout()
        self.custom: dict[int, QWidget] = {}
        layout.addLayout(self.custom_form)
        self.save_button = QPushButton()
        self.save_button.setObjectName("Primary")
        self.save_button.clicked.connect(self._on_save_clicked)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.timeline_title = PlainLabel()
        self.timeline_title.setObjectName("FieldLabel")
        layout.addWidget(self.timeline_title)
        self.timeline = QListWidget()
        self.timeline.setWordWrap(True)
        self.timeline.itemActivated.connect(self._on_timeline_item_activated)
        self.timeline.itemDoubleClicked.connect(self._on_timeline_item_activated)
        layout.addWidget(self.timeline, 1)
        self.empty = PlainLabel()
        self.empty.setObjectName("Muted")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        crm.client_loaded.connect(self._on_crm_client_loaded)
        crm.settings_changed.connect(self._on_crm_settings_changed)
        self.retranslate()
        self.show_card(None)

    def retranslate(self) -> None:
        texts = {
            "name": self.tr("Name"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
            "company": self.tr("Company"),
            "tags": self.tr("Tags"),
            "notes": self.tr("Notes"),
            "owner": self.tr("Assigned agent"),
        }
        for key, text in texts.items():
            self.captions[key].setText(text)
        self.save_button.setText(self.tr("Save"))
        self.call_button.setText(self.tr("Call"))
        self.timeline_title.setText(self.tr("Timeline"))
        self.empty.setText(self.tr("Choose a client on the left."))
        self.show_card(self.card)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def kind_text(self, kind: str) -> str:
        return {
            "chat": self.tr("Chat"),
            "comment": self.tr("Comment"),
            "offline": self.tr("Offline message"),
            "task": self.tr("Task"),
            "deal": self.tr("Deal"),
            "log": self.tr("Change"),
            "call": self.tr("Call"),
        }.get(kind, kind)

    def call_text(self, call: p.CallInfo) -> str:
        """P1: a call on the timeline: direction, number, outcome, duration, note."""
        from jivo_desktop.ui.phone.log_dialog import outcome_texts

        arrow = "↙" if call.direction == "in" else "↗"
        minutes, seconds = divmod(call.duration, 60)
        parts = [f"{arrow} {call.number}", outcome_texts().get(call.outcome, call.outcome)]
        if call.duration:
            parts.append(f"{minutes}:{seconds:02d}")
        line = " · ".join(parts)
        return f"{line}\n{call.note}" if call.note else line

    def log_text(self, entry: p.TimelineItem) -> str:
        """A change of the client, in the agent's language."""
        if entry.action == "created":
            return self.tr("Client created")
        if entry.action in ("merge", "unmerge") and not entry.field:
            other = entry.text.lstrip("→#")
            if entry.action == "merge":
                return self.tr("Merged with client {0}").format(other)
            return self.tr("Merge with client {0} undone").format(other)
        names = {k: c.text() for k, c in self.captions.items()}
        field = entry.field
        if field.startswith("custom:"):
            custom = {str(f.id): f.label for f in self.crm.fields}
            field_name = custom.get(field.split(":", 1)[1], field)
        else:
            field_name = names.get(field, field)
        if entry.action == "merge":
            return self.tr("{0} kept on merge (old → kept): {1}").format(field_name, entry.text)
        return self.tr("{0} changed: {1}").format(field_name, entry.text)

    def show_card(self, card: p.ClientCard | None) -> None:
        self.card = card
        shown = card is not None
        for widget in (*self.edits.values(), self.tags, self.notes, self.owner, self.save_button,
                       self.timeline, self.timeline_title, *self.captions.values()):  # fmt: skip
            widget.setVisible(shown)
        for row in range(self.custom_form.rowCount()):
            for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole):
                cell = self.custom_form.itemAt(row, role)
                shown_widget = cell.widget() if cell is not None else None
                if shown_widget is not None:
                    shown_widget.setVisible(shown)
        self.empty.setVisible(not shown)
        self.call_button.setVisible(shown and bool(card and card.client.phone))
        if card is None:
            self.title.setText(self.tr("Client"))
            return
        client = card.client
        self.title.setText(isolate(client_title(client, self.tr("Client {0}").format(client.id))))
        for key in EDITABLE:
            self.edits[key].setText(getattr(client, key))
        self.tags.setText(", ".join(client.tags))
        self.notes.setPlainText(client.notes)
        self._show_custom(client)
        owner = ""
        if client.owner_id is not None and self.team is not None:
            owner = self.team.name_of(client.owner_id)
        self.owner.setText(isolate(owner) if owner else self.tr("Nobody"))
        self.timeline.clear()
        for entry in card.timeline:
            line = f"{when(entry.ts)} · {self.kind_text(entry.kind)}"
            if entry.author:
                line += f" · {entry.author}"
            if entry.kind == "log":
                text = self.log_text(entry)
            elif entry.kind == "call" and entry.call is not None:
                text = self.call_text(entry.call)
            else:
                text = entry.text
            if text:
                line += f"\n{text[:300]}"
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, entry.chat_id or 0)
            if entry.chat_id:
                item.setToolTip(self.tr("Double-click to open the chat"))
            self.timeline.addItem(item)

    def _on_crm_client_loaded(self, card: p.ClientCard) -> None:
        self.show_card(card)

    def _on_crm_settings_changed(self) -> None:
        while self.custom_form.rowCount():
            self.custom_form.removeRow(0)
        self.custom = {}
        for field in self.crm.fields:
            editor: QWidget
            if field.kind == "list":
                combo = QComboBox()
                combo.addItem("", "")
                for option in field.options:
                    combo.addItem(option, option)
                editor = combo
            elif field.kind == "checkbox":
                editor = QCheckBox()
            else:
                line = QLineEdit()
                line.setPlaceholderText(
                    {"number": "12.5", "date": "2026-12-31", "link": "https://"}.get(field.kind, "")
                )
                editor = line
            self.custom[field.id] = editor
            self.custom_form.addRow(PlainLabel(field.label), editor)
        self.show_card(self.card)

    def custom_value(self, field_id: int) -> str:
        editor = self.custom[field_id]
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        if isinstance(editor, QCheckBox):
            return "1" if editor.isChecked() else ""
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def _show_custom(self, client: p.ClientInfo) -> None:
        for field_id, editor in self.custom.items():
            value = client.custom.get(field_id, "")
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(value == "1")
            elif isinstance(editor, QLineEdit):
                editor.setText(value)

    def _on_save_clicked(self) -> None:
        if self.card is None:
            return
        client = self.card.client
        typed = {k: self.edits[k].text().strip() for k in EDITABLE}
        changes: dict[str, Any] = {k: v for k, v in typed.items() if v != getattr(client, k)}
        notes = self.notes.toPlainText()
        if notes != client.notes:
            changes["notes"] = notes
        tags = self.tag_list()
        if tags != sorted(client.tags):
            changes["tags"] = tags
        custom = {
            field_id: value
            for field_id in self.custom
            if (value := self.custom_value(field_id)) != client.custom.get(field_id, "")
        }
        if changes or custom:
            self.crm.save_client(client.id, custom=custom, **changes)

    def tag_list(self) -> list[str]:
        """The tags typed, comma-separated: each cut to 40 characters, no repeats, at most
        ``MAX_TAGS`` (the relay's bounds)."""
        tags = {t.strip()[:40] for t in self.tags.text().split(",") if t.strip()}
        return sorted(tags)[: p.MAX_TAGS]

    def _on_call_clicked(self) -> None:
        if self.card is not None and self.card.client.phone:
            client = self.card.client
            self.call_requested.emit(client.phone, client.name, client.id)

    def _on_timeline_item_activated(self, item: QListWidgetItem) -> None:
        chat_id = int(item.data(Qt.ItemDataRole.UserRole) or 0)
        if chat_id:
            self.chat_requested.emit(chat_id)


class ClientsView(QWidget):
    """Clientes: search, the list (paged by the relay), the card. Signals:
    ``chat_requested(int)``."""

    chat_requested = Signal(int)

    def __init__(self, crm: CrmService, team: TeamService | None = None) -> None:
        super().__init__()
        self.crm = crm
        self.team = team
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._on_add_clicked)
        row.addWidget(self.search, 1)
        row.addWidget(self.add_button)
        left_layout.addLayout(row)
        order = QHBoxLayout()
        self.sort = QComboBox()
        self.sort.activated.connect(self._on_order_changed)
        # R1 filters: owner (anyone / me / nobody / a colleague), tag, funnel stage.
        self.owner = QComboBox()
        self.owner.activated.connect(self._on_order_changed)
        order.addWidget(self.sort, 1)
        order.addWidget(self.owner, 1)
        left_layout.addLayout(order)
        filters = QHBoxLayout()
        self.tag = QLineEdit()
        self.tag.setMaxLength(40)
        self.tag.setClearButtonEnabled(True)
        self.tag.textChanged.connect(self._on_order_changed)
        self.stage = QComboBox()
        self.stage.activated.connect(self._on_order_changed)
        filters.addWidget(self.tag, 1)
        filters.addWidget(self.stage, 1)
        left_layout.addLayout(filters)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        left_layout.addWidget(self.list, 1)
        self.more = QPushButton()
        self.more.clicked.connect(lambda: crm.search(self.search.text(), more=True))
        left_layout.addWidget(self.more)
        self.empty = PlainLabel()
        self.empty.setObjectName("Muted")
        self.empty.setWordWrap(True)
        left_layout.addWidget(self.empty)
        self.card = ClientCardView(crm, team)
        self.card.chat_requested.connect(self.chat_requested)
        self.call_requested = self.card.call_requested
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.card)
        splitter.setSizes([380, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        crm.clients_changed.connect(self._on_crm_clients_changed)
        crm.settings_changed.connect(self._fill_stages)
        if team is not None:
            team.changed.connect(self._fill_owners)
        self.retranslate()
        self._on_crm_clients_changed()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by name, e-mail, phone or company"))
        index = max(0, self.sort.currentIndex())
        self.sort.clear()
        self.sort.addItem(self.tr("By name"), "name")
        self.sort.addItem(self.tr("Newest first"), "created")
        self.sort.addItem(self.tr("Recently changed"), "updated")
        self.sort.setCurrentIndex(index)
        self.tag.setPlaceholderText(self.tr("Tag"))
        self._fill_owners()
        self._fill_stages()
        self.add_button.setText(self.tr("Add client"))
        self.more.setText(self.tr("More clients"))
        self.empty.setText(
            self.tr(
                "No clients yet. Visitors who chat, leave an offline message or give their "
                "contact details appear here."
            )
        )
        self._on_crm_clients_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_crm_clients_changed(self) -> None:
        current = self.list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.list.blockSignals(True)
        self.list.clear()
        for client in self.crm.clients:
            title = client_title(client, self.tr("Client {0}").format(client.id))
            detail = " · ".join(x for x in (client.email, client.phone, client.company) if x)
            item = QListWidgetItem(title + (f"\n{detail}" if detail else ""))
            item.setData(Qt.ItemDataRole.UserRole, client.id)
            self.list.addItem(item)
            if client.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.more.setVisible(bool(self.crm.next_page))
        self.empty.setVisible(not self.crm.clients and not self.search.text())

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        """Fill a filter keeping its choice (the first item when that is gone)."""
        keep = combo.currentData()
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(keep)))

    def _fill_owners(self) -> None:
        me = self.crm.session.agent.id if self.crm.session.agent is not None else None
        items: list[tuple[str, object]] = [
            (self.tr("Any owner"), "any"), (self.tr("Mine"), "me"), (self.tr("Nobody's"), 0),
        ]  # fmt: skip
        if self.team is not None:
            items += [(isolate(a.name), a.id) for a in self.team.ordered() if a.id != me]
        self._refill(self.owner, items)

    def _fill_stages(self) -> None:
        items: list[tuple[str, object]] = [(self.tr("Any stage"), None)]
        for funnel in self.crm.funnels:
            items += [(isolate(f"{funnel.name} · {s.name}"), s.id) for s in funnel.stages]
        self._refill(self.stage, items)

    def owner_filter(self) -> int | None:
        chosen = self.owner.currentData()
        if chosen == "me":
            agent = self.crm.session.agent
            return agent.id if agent is not None else None
        return chosen if isinstance(chosen, int) else None

    def _on_order_changed(self, *_args: object) -> None:
        stage = self.stage.currentData()
        self.crm.set_order(
            str(self.sort.currentData() or "name"), self.owner_filter(),
            self.tag.text().strip(), stage if isinstance(stage, int) else None,
        )  # fmt: skip

    def _on_search_text_changed(self, text: str) -> None:
        self.crm.search(text)

    def _on_add_clicked(self) -> None:
        self.crm.save_client(None, name=self.search.text().strip())

    def _on_list_current_item_changed(self, item: QListWidgetItem | None, _old: object) -> None:
        if item is not None:
            self.crm.open_client(int(item.data(Qt.ItemDataRole.UserRole)))
