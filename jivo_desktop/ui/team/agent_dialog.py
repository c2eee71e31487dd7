"""Equipo → an agent's settings (T3, admins only): role, departments (T4) and the agent's own
chat limit. "Si es administrador podrá cambiar las configuraciones de sus agentes en este
menú." The relay refuses the change to anyone but an admin, whatever the app shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
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

from jivo_desktop.services.account import AccountService
from jivo_desktop.services.team import TeamService
from jivo_desktop.ui.common.plain import PlainLabel
from server import protocol as p


class AgentDialog(QDialog):
    """Edit one teammate. Saving sends one ``update_agent`` with what changed."""

    def __init__(
        self,
        account: AccountService,
        team: TeamService,
        teammate: p.TeammateInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.account = account
        self.team = team
        self.teammate = teammate
        self.setWindowTitle(self.tr("Settings of {0}").format(teammate.name))
        self.setMinimumWidth(400)
        self.role = QComboBox()
        self.role.addItem(self.tr("Agent"), "agent")
        self.role.addItem(self.tr("Administrator"), "admin")
        self.role.setCurrentIndex(1 if teammate.role == "admin" else 0)
        me = account.session.agent
        self.role.setEnabled(me is None or me.id != teammate.id)  # the relay refuses it too
        self.limit = QSpinBox()
        self.limit.setRange(0, 1000)
        self.limit.setSpecialValueText(self.tr("The site's limit"))
        self.limit.setValue(teammate.chat_limit)
        self.departments = QListWidget()
        self.departments.setMinimumHeight(110)
        self.new_department = QLineEdit()
        self.new_department.setPlaceholderText(self.tr("New department"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("Remove the selected department"))
        self.remove_button.setToolTip(self.tr("Removes it for every agent and site"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.departments.currentRowChanged.connect(self._on_departments_current_row_changed)
        self.new_department.returnPressed.connect(self._on_add_button_clicked)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_department, 1)
        add_row.addWidget(self.add_button)
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Open chats at most"), self.limit)
        departments_label = PlainLabel(self.tr("Departments"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(departments_label)
        layout.addWidget(self.departments, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.remove_button)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._checked = set(teammate.department_ids)
        team.changed.connect(self._fill)
        self._fill()

    def _fill(self) -> None:
        if self.departments.count():
            self._checked = set(self.checked_departments())
        self.departments.clear()
        for department in self.team.departments:
            item = QListWidgetItem(department.name)
            item.setData(Qt.ItemDataRole.UserRole, department.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = department.id in self._checked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.departments.addItem(item)

    def checked_departments(self) -> list[int]:
        found = []
        for row in range(self.departments.count()):
            item = self.departments.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return found

    def set_department_checked(self, name: str, checked: bool) -> None:
        for row in range(self.departments.count()):
            item = self.departments.item(row)
            if item.text() == name:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _on_add_button_clicked(self) -> None:
        name = self.new_department.text().strip()
        if name:
            self.account.save_department(name)
            self.new_department.clear()

    def _on_departments_current_row_changed(self, row: int) -> None:
        self.remove_button.setEnabled(row >= 0)

    def _on_remove_button_clicked(self) -> None:
        item = self.departments.currentItem()
        if item is not None:
            self.account.delete_department(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_buttons_accepted(self) -> None:
        role = str(self.role.currentData())
        self.account.update_agent(
            self.teammate.id,
            role=role if role != self.teammate.role else None,
            chat_limit=self.limit.value(),
            department_ids=self.checked_departments(),
        )
        self.accept()
