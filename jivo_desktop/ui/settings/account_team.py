"""Ajustes → Teammates (K2, A2): invite by e-mail, change role, disable or enable."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.account import AccountService
from jivo_desktop.ui.common.plain import PlainLabel
from server import protocol as p


class AccountTeam(QWidget):
    def __init__(self, account: AccountService) -> None:
        super().__init__()
        self.account = account
        self.title = title = PlainLabel()
        title.setObjectName("PageTitle")
        self.intro = intro = PlainLabel()
        intro.setWordWrap(True)
        self.email = QLineEdit()
        self.name = QLineEdit()
        self.role = QComboBox()
        self.role.addItem("agent", "agent")
        self.role.addItem("admin", "admin")
        self.invite_button = QPushButton()
        self.invite_button.clicked.connect(self._on_invite_button_clicked)
        invite = QHBoxLayout()
        invite.addWidget(self.email, 3)
        invite.addWidget(self.name, 2)
        invite.addWidget(self.role, 1)
        invite.addWidget(self.invite_button)

        self.table = QTableWidget(0, 4)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.role_button = QPushButton()
        self.role_button.clicked.connect(self._on_role_button_clicked)
        self.disable_button = QPushButton()
        self.disable_button.clicked.connect(self._on_disable_button_clicked)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.role_button)
        actions.addWidget(self.disable_button)
        self.status = PlainLabel()
        self.status.setWordWrap(True)
        # No SMTP on the relay (the demo): the set-password link, for the admin to hand over.
        self.link = QLineEdit()
        self.link.setReadOnly(True)
        self.copy_link = QPushButton()
        self.copy_link.clicked.connect(self._on_copy_link_clicked)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link, 1)
        link_row.addWidget(self.copy_link)
        self.link.hide()
        self.copy_link.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(invite)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addLayout(link_row)
        self.retranslate()
        account.team_changed.connect(self._on_account_team_changed)
        account.saved.connect(self._on_account_message)
        account.problem.connect(self._on_account_message)
        account.invited.connect(self._on_account_invited)
        self._on_account_team_changed(account.team)

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch, G6)."""
        self.title.setText(self.tr("Teammates"))
        self.intro.setText(
            self.tr(
                "Invite a colleague by e-mail: they get a link to set their password and "
                "the link to install the app."
            )
        )
        self.email.setPlaceholderText(self.tr("colleague@example.com"))
        self.name.setPlaceholderText(self.tr("Name"))
        self.role.setItemText(0, self.tr("Agent"))
        self.role.setItemText(1, self.tr("Administrator"))
        self.invite_button.setText(self.tr("Invite"))
        self.copy_link.setText(self.tr("Copy link"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("E-mail"), self.tr("Role"), self.tr("State")]
        )
        self._on_account_team_changed(self.account.team)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def selected(self) -> p.TeammateInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.account.team[rows[0].row()] if rows[0].row() < len(self.account.team) else None

    def _on_account_team_changed(self, team: list[p.TeammateInfo]) -> None:
        keep = self.selected()
        self.table.setRowCount(len(team))
        for row, mate in enumerate(team):
            state = (
                self.tr("Disabled")
                if mate.disabled
                else self.tr("Invited")
                if mate.invited
                else self.tr("Active")
            )
            role = self.tr("Administrator") if mate.role == "admin" else self.tr("Agent")
            for column, text in enumerate((mate.name, mate.email, role, state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if keep is not None and mate.id == keep.id:
                self.table.selectRow(row)
        self._on_table_item_selection_changed()

    def _on_table_item_selection_changed(self) -> None:
        mate = self.selected()
        me = self.account.session.agent
        mine = mate is not None and me is not None and mate.id == me.id
        self.role_button.setEnabled(mate is not None and not mine)
        self.disable_button.setEnabled(mate is not None and not mine)
        self.role_button.setText(
            self.tr("Make agent")
            if mate is not None and mate.role == "admin"
            else self.tr("Make administrator")
        )
        self.disable_button.setText(
            self.tr("Enable") if mate is not None and mate.disabled else self.tr("Disable")
        )

    def _on_invite_button_clicked(self) -> None:
        self.link.clear()
        self.link.hide()
        self.copy_link.hide()
        self.account.invite(self.email.text(), self.name.text(), str(self.role.currentData()))

    def _on_account_invited(self, email: str, link: str) -> None:
        # Cleared only once the relay took it: a refused invitation stays in the form.
        if self.email.text().strip().lower() == email:
            self.email.clear()
            self.name.clear()
        self.link.setText(link)
        self.link.setVisible(bool(link))
        self.copy_link.setVisible(bool(link))

    def _on_copy_link_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.link.text())

    def _on_role_button_clicked(self) -> None:
        mate = self.selected()
        if mate is not None:
            new_role = "agent" if mate.role == "admin" else "admin"
            self.account.update_agent(mate.id, role=new_role)

    def _on_disable_button_clicked(self) -> None:
        mate = self.selected()
        if mate is not None:
            self.account.update_agent(mate.id, disabled=not mate.disabled)

    def _on_account_message(self, message: str) -> None:
        # The service serves every section: only the one in sight shows the outcome.
        if self.isVisible():
            self.status.setText(message)
