"""K4: Ajustes → Configurar CRM (admins): who sees which clients, the sales funnels and their
stages (add, rename, reorder, time limit; the won and lost ends are fixed), and the custom
client fields. Each change goes to the relay, which answers with the settings as they are now
(a stage or funnel that still has deals is refused there, and the reason is shown)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.crm import CrmService
from jivo_desktop.ui.common.plain import PlainLabel
from server import protocol as p

KINDS = ("text", "number", "date", "list", "checkbox", "link")
LIMIT_ROLE = Qt.ItemDataRole.UserRole + 1


class CrmSettingsSection(QWidget):
    def __init__(self, crm: CrmService) -> None:
        super().__init__()
        self.crm = crm
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # ---- who sees what
        self.visibility_title = PlainLabel()
        self.visibility_title.setObjectName("FieldLabel")
        layout.addWidget(self.visibility_title)
        self.visibility = QComboBox()
        self.visibility.activated.connect(self._on_visibility_activated)
        layout.addWidget(self.visibility)
        # ---- funnels
        self.funnels_title = PlainLabel()
        self.funnels_title.setObjectName("FieldLabel")
        layout.addWidget(self.funnels_title)
        funnels_row = QHBoxLayout()
        self.funnel_list = QListWidget()
        self.funnel_list.setMaximumWidth(200)
        self.funnel_list.currentRowChanged.connect(self._on_funnel_list_current_row_changed)
        funnels_row.addWidget(self.funnel_list)
        editor = QVBoxLayout()
        form = QFormLayout()
        self.funnel_name = QLineEdit()
        self.funnel_visibility = QComboBox()
        self.name_caption, self.deals_caption = PlainLabel(), PlainLabel()
        form.addRow(self.name_caption, self.funnel_name)
        form.addRow(self.deals_caption, self.funnel_visibility)
        editor.addLayout(form)
        self.stages_caption = PlainLabel()
        editor.addWidget(self.stages_caption)
        self.stages = QListWidget()
        self.stages.currentRowChanged.connect(self._on_stages_current_row_changed)
        editor.addWidget(self.stages)
        stage_row = QHBoxLayout()
        self.stage_name = QLineEdit()
        self.stage_limit = QSpinBox()
        self.stage_limit.setRange(0, 24 * 366)
        self.stage_limit.valueChanged.connect(self._on_stage_limit_value_changed)
        self.add_stage = QPushButton()
        self.add_stage.clicked.connect(self._on_add_stage_clicked)
        self.rename_stage = QPushButton()
        self.rename_stage.clicked.connect(self._on_rename_stage_clicked)
        self.up = QPushButton("↑")
        self.up.clicked.connect(lambda: self._move_stage(-1))
        self.down = QPushButton("↓")
        self.down.clicked.connect(lambda: self._move_stage(1))
        self.remove_stage = QPushButton()
        self.remove_stage.clicked.connect(self._on_remove_stage_clicked)
        stage_row.addWidget(self.stage_name, 1)
        stage_row.addWidget(self.stage_limit)
        stage_buttons = QHBoxLayout()
        for button in (self.add_stage, self.rename_stage, self.up, self.down,
                       self.remove_stage):  # fmt: skip
            stage_buttons.addWidget(button)
        stage_buttons.addStretch(1)
        editor.addLayout(stage_row)
        editor.addLayout(stage_buttons)
        self.ends = PlainLabel()
        self.ends.setObjectName("Muted")
        self.ends.setWordWrap(True)
        editor.addWidget(self.ends)
        buttons = QHBoxLayout()
        self.save_funnel = QPushButton()
        self.save_funnel.setObjectName("Primary")
        self.save_funnel.clicked.connect(self._on_save_funnel_clicked)
        self.new_funnel = QPushButton()
        self.new_funnel.clicked.connect(self._on_new_funnel_clicked)
        self.delete_funnel = QPushButton()
        self.delete_funnel.clicked.connect(self._on_delete_funnel_clicked)
        for w in (self.save_funnel, self.new_funnel, self.delete_funnel):
            buttons.addWidget(w)
        buttons.addStretch(1)
        editor.addLayout(buttons)
        funnels_row.addLayout(editor, 1)
        layout.addLayout(funnels_row)
        # ---- custom fields
        self.fields_title = PlainLabel()
        self.fields_title.setObjectName("FieldLabel")
        layout.addWidget(self.fields_title)
        self.field_list = QListWidget()
        self.field_list.setMaximumHeight(120)
        layout.addWidget(self.field_list)
        field_row = QHBoxLayout()
        self.field_label = QLineEdit()
        self.field_kind = QComboBox()
        self.field_options = QLineEdit()
        self.add_field = QPushButton()
        self.add_field.clicked.connect(self._on_add_field_clicked)
        self.delete_field = QPushButton()
        self.delete_field.clicked.connect(self._on_delete_field_clicked)
        for field_widget in (self.field_label, self.field_kind, self.field_options, self.add_field,
                  self.delete_field):  # fmt: skip
            field_row.addWidget(field_widget)
        layout.addLayout(field_row)
        layout.addStretch(1)
        self._editing: int | None = None  # the funnel in the editor (None: a new one)
        crm.settings_changed.connect(self.fill)
        self.retranslate()

    # -------------------------------------------------------------- texts

    def kind_texts(self) -> dict[str, str]:
        return {
            "text": self.tr("Text"),
            "number": self.tr("Number"),
            "date": self.tr("Date"),
            "list": self.tr("List"),
            "checkbox": self.tr("Checkbox"),
            "link": self.tr("Link"),
        }

    def retranslate(self) -> None:
        self.visibility_title.setText(self.tr("Who sees the clients"))
        self.visibility.clear()
        self.visibility.addItem(self.tr("Every agent sees every client"), "all")
        self.visibility.addItem(self.tr("Agents see their own clients and unassigned ones"), "own")
        self.funnels_title.setText(self.tr("Sales funnels"))
        self.name_caption.setText(self.tr("Name"))
        self.deals_caption.setText(self.tr("Deals"))
        self.funnel_visibility.clear()
        self.funnel_visibility.addItem(self.tr("Every agent sees every deal"), "all")
        self.funnel_visibility.addItem(self.tr("Agents see their own deals"), "own")
        self.stages_caption.setText(self.tr("Stages, in order (time limit in hours, 0: none)"))
        self.stage_name.setPlaceholderText(self.tr("Stage name"))
        self.stage_limit.setSuffix(self.tr(" h"))
        self.add_stage.setText(self.tr("Add"))
        self.rename_stage.setText(self.tr("Rename"))
        self.remove_stage.setText(self.tr("Remove"))
        self.ends.setText(self.tr("Every funnel ends with Won and Lost; they cannot be removed."))
        self.save_funnel.setText(self.tr("Save funnel"))
        self.new_funnel.setText(self.tr("New funnel"))
        self.delete_funnel.setText(self.tr("Delete funnel"))
        self.fields_title.setText(self.tr("Custom client fields"))
        self.field_label.setPlaceholderText(self.tr("Field name"))
        self.field_options.setPlaceholderText(self.tr("List options, separated by commas"))
        self.field_kind.clear()
        for kind, text in self.kind_texts().items():
            self.field_kind.addItem(text, kind)
        self.add_field.setText(self.tr("Add field"))
        self.delete_field.setText(self.tr("Delete field"))
        self.fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -------------------------------------------------------------- showing

    def fill(self) -> None:
        self.visibility.setCurrentIndex(self.visibility.findData(self.crm.clients_visibility))
        keep = self._editing
        self.funnel_list.blockSignals(True)
        self.funnel_list.clear()
        for funnel in self.crm.funnels:
            item = QListWidgetItem(funnel.name)
            item.setData(Qt.ItemDataRole.UserRole, funnel.id)
            self.funnel_list.addItem(item)
        self.funnel_list.blockSignals(False)
        ids = [f.id for f in self.crm.funnels]
        if keep in ids:
            self.funnel_list.setCurrentRow(ids.index(keep))
            self._edit(self.crm.funnel(keep))
        elif ids:
            self.funnel_list.setCurrentRow(0)
            self._edit(self.crm.funnels[0])
        else:
            self._edit(None)
        kinds = self.kind_texts()
        self.field_list.clear()
        for field in self.crm.fields:
            text = f"{field.label} · {kinds.get(field.kind, field.kind)}"
            if field.options:
                text += f" ({', '.join(field.options)})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, field.id)
            self.field_list.addItem(item)

    def _edit(self, funnel: p.FunnelInfo | None) -> None:
        self._editing = funnel.id if funnel else None
        self.funnel_name.setText(funnel.name if funnel else "")
        self.funnel_visibility.setCurrentIndex(
            self.funnel_visibility.findData(funnel.visibility if funnel else "all")
        )
        self.stages.clear()
        for stage in funnel.stages if funnel else []:
            if stage.kind == "open":
                self._add_stage_item(stage.name, stage.id, stage.time_limit_hours)
        self.delete_funnel.setEnabled(funnel is not None)

    def _add_stage_item(self, name: str, stage_id: int | None, limit: int) -> None:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, stage_id)
        item.setData(LIMIT_ROLE, limit)
        self._label_stage(item)
        self.stages.addItem(item)

    def _label_stage(self, item: QListWidgetItem) -> None:
        name = str(item.data(Qt.ItemDataRole.DisplayRole)).split(" · ")[0]
        limit = int(item.data(LIMIT_ROLE) or 0)
        item.setText(f"{name} · {limit} h" if limit else name)

    # -------------------------------------------------------------- editing

    def _on_visibility_activated(self, index: int) -> None:
        value = self.visibility.itemData(index)
        self.crm.admin(lambda i: p.SetCrmVisibility(id=i, clients_visibility=value))

    def _on_funnel_list_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.crm.funnels):
            self._edit(self.crm.funnels[row])

    def _on_stages_current_row_changed(self, row: int) -> None:
        item = self.stages.item(row)
        if item is not None:
            self.stage_name.setText(item.text().split(" · ")[0])
            self.stage_limit.blockSignals(True)
            self.stage_limit.setValue(int(item.data(LIMIT_ROLE) or 0))
            self.stage_limit.blockSignals(False)

    def _on_stage_limit_value_changed(self, value: int) -> None:
        item = self.stages.currentItem()
        if item is not None:
            item.setData(LIMIT_ROLE, value)
            self._label_stage(item)

    def _on_add_stage_clicked(self) -> None:
        name = self.stage_name.text().strip()
        if name:
            self._add_stage_item(name, None, self.stage_limit.value())
            self.stage_name.clear()

    def _on_rename_stage_clicked(self) -> None:
        item = self.stages.currentItem()
        name = self.stage_name.text().strip()
        if item is not None and name:
            item.setText(name)
            self._label_stage(item)

    def _on_remove_stage_clicked(self) -> None:
        row = self.stages.currentRow()
        if row >= 0:
            self.stages.takeItem(row)

    def _move_stage(self, step: int) -> None:
        row = self.stages.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.stages.count():
            return
        item = self.stages.takeItem(row)
        self.stages.insertItem(target, item)
        self.stages.setCurrentRow(target)

    def stage_edits(self) -> list[p.StageEdit]:
        edits = []
        for row in range(self.stages.count()):
            item = self.stages.item(row)
            stage_id = item.data(Qt.ItemDataRole.UserRole)
            edits.append(
                p.StageEdit(
                    name=item.text().split(" · ")[0],
                    stage_id=int(stage_id) if stage_id else None,
                    time_limit_hours=int(item.data(LIMIT_ROLE) or 0),
                )
            )
        return edits

    def _on_save_funnel_clicked(self) -> None:
        name = self.funnel_name.text().strip()
        edits = self.stage_edits()
        if not name or not edits:
            self.crm.problem.emit(self.tr("A funnel needs a name and at least one stage."))
            return
        funnel_id = self._editing
        visibility = self.funnel_visibility.currentData()
        self.crm.admin(
            lambda i: p.SaveFunnel(
                id=i, funnel_id=funnel_id, name=name, visibility=visibility, stages=edits
            )
        )

    def _on_new_funnel_clicked(self) -> None:
        self.funnel_list.clearSelection()
        self._edit(None)

    def _on_delete_funnel_clicked(self) -> None:
        funnel_id = self._editing
        if funnel_id is not None:
            self.crm.admin(lambda i: p.DeleteFunnel(id=i, funnel_id=funnel_id))

    def _on_add_field_clicked(self) -> None:
        label = self.field_label.text().strip()
        kind = self.field_kind.currentData()
        options = [o.strip() for o in self.field_options.text().split(",") if o.strip()]
        if not label:
            return
        self.crm.admin(lambda i: p.SaveCustomField(id=i, label=label, kind=kind, options=options))
        self.field_label.clear()
        self.field_options.clear()

    def _on_delete_field_clicked(self) -> None:
        item = self.field_list.currentItem()
        if item is not None:
            field_id = int(item.data(Qt.ItemDataRole.UserRole))
            self.crm.admin(lambda i: p.DeleteCustomField(id=i, field_id=field_id))
