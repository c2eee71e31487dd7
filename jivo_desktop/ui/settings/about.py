"""Ajustes → About (G10): the version; send the app's logs to the administrators; admins see
the bundles their team sent and save them."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop import __version__
from jivo_desktop.services.logs import LogService
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.tasks import spawn
from jivo_desktop.ui.common.fit import fit_header
from jivo_desktop.ui.common.plain import PlainLabel
from server import protocol as p


class AboutSection(QWidget):
    def __init__(self, logs: LogService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.logs = logs
        self.version = PlainLabel()
        self.version.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explain = explain = PlainLabel()
        explain.setWordWrap(True)
        self.send_button = QPushButton()
        self.send_button.setObjectName("Primary")
        self.send_button.clicked.connect(self._on_send_clicked)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()
        self.status = PlainLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.send_button)
        row.addWidget(self.status, 1)

        # Admins: what the team sent.
        self.admin = QWidget()
        self.admin_title = admin_title = PlainLabel()
        admin_title.setObjectName("PanelTitle")
        self.bundles = QTreeWidget()
        self.bundles.setRootIsDecorated(False)
        self.bundles.setMinimumHeight(160)
        self.bundles.itemSelectionChanged.connect(self._on_bundles_selection_changed)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.save_button = QPushButton()
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.admin_status = PlainLabel()
        self.admin_status.setObjectName("FieldLabel")
        self.admin_status.setWordWrap(True)
        admin_buttons = QHBoxLayout()
        admin_buttons.addWidget(self.refresh_button)
        admin_buttons.addWidget(self.save_button)
        admin_buttons.addStretch(1)
        admin_layout = QVBoxLayout(self.admin)
        admin_layout.setContentsMargins(0, 18, 0, 0)
        admin_layout.addWidget(admin_title)
        admin_layout.addWidget(self.bundles)
        admin_layout.addLayout(admin_buttons)
        admin_layout.addWidget(self.admin_status)
        self.admin.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.version)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.admin)
        logs.progress.connect(self._on_logs_progress)
        logs.sent.connect(self._on_logs_sent)
        logs.failed.connect(self._on_logs_failed)
        logs.session.signed_in.connect(self._on_session_signed_in)
        logs.session.signed_out.connect(self._on_session_signed_in)
        self._on_session_signed_in()
        self.retranslate()

    def retranslate(self) -> None:
        self.version.setText(self.tr("Jivo Live {0}").format(__version__))
        self.explain.setText(
            self.tr(
                "Something wrong? Send the app's log files to your administrators: they go to "
                "your relay only, and help them find the cause."
            )
        )
        self.send_button.setText(self.tr("Send logs"))
        self.admin_title.setText(self.tr("Logs sent by your team"))
        self.bundles.setHeaderLabels([self.tr("Sent"), self.tr("Agent"), self.tr("Size")])
        fit_header(self.bundles.header())  # B8: every title whole in every language
        self.refresh_button.setText(self.tr("Refresh"))
        self.save_button.setText(self.tr("Save…"))
        if getattr(self, "_no_bundles", False):  # a language switch after the list came
            self.admin_status.setText(self.tr("Nobody has sent logs yet."))

    def showEvent(self, event: QShowEvent) -> None:
        """Admins see the newest list whenever the page comes up."""
        super().showEvent(event)
        if self.admin.isVisibleTo(self) and self.logs.session.client is not None:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_session_signed_in(self, *_args: object) -> None:
        agent = self.logs.session.agent
        self.admin.setVisible(agent is not None and agent.role == "admin")
        self.bundles.clear()

    # -------------------------------------------------------------- sending

    def _on_send_clicked(self) -> None:
        self.send_button.setEnabled(False)
        self.status.setText(self.tr("Sending…"))
        self.progress.setValue(0)
        self.progress.show()
        self.logs.send()

    def _on_logs_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _on_logs_sent(self, log_id: int) -> None:
        self.send_button.setEnabled(True)
        self.progress.hide()
        self.status.setText(self.tr("Sent. Your administrators can read them now."))
        if self.admin.isVisible():
            self.refresh()

    def _on_logs_failed(self, message: str) -> None:
        self.send_button.setEnabled(True)
        self.progress.hide()
        self.status.setText(message)

    # -------------------------------------------------------------- admins

    def refresh(self) -> None:
        spawn(self._refresh(), "list-logs")

    async def _refresh(self) -> None:
        try:
            bundles = await self.logs.list_async()
        except Exception as exc:
            self.admin_status.setText(
                self.tr("Could not load the list: {0}").format(failure_text(exc))
            )
            return
        self.show_bundles(bundles)

    def show_bundles(self, bundles: list[p.LogInfo]) -> None:
        self.bundles.clear()
        for info in bundles:
            sent = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.created_at))
            item = QTreeWidgetItem(
                [sent, f"{info.agent_name} <{info.agent_email}>", f"{info.size / 1024:.0f} KB"]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, info.id)
            item.setData(1, Qt.ItemDataRole.UserRole, info.name)
            self.bundles.addTopLevelItem(item)
        for column in range(3):
            self.bundles.resizeColumnToContents(column)
        self._no_bundles = not bundles
        self.admin_status.setText("" if bundles else self.tr("Nobody has sent logs yet."))

    def _on_bundles_selection_changed(self) -> None:
        self.save_button.setEnabled(bool(self.bundles.selectedItems()))

    def _on_save_clicked(self) -> None:
        items = self.bundles.selectedItems()
        if not items:
            return
        log_id = int(items[0].data(0, Qt.ItemDataRole.UserRole))
        name = str(items[0].data(1, Qt.ItemDataRole.UserRole))
        dialog = QFileDialog(self, self.tr("Save the logs"), str(Path.home() / name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.save(log_id, Path(path)))
        dialog.open()

    def save(self, log_id: int, path: Path) -> None:
        spawn(self._save(log_id, path), "save-logs")

    async def _save(self, log_id: int, path: Path) -> None:
        try:
            await self.logs.download_async(log_id, path)
        except Exception as exc:
            self.admin_status.setText(self.tr("Could not save: {0}").format(failure_text(exc)))
            return
        self.admin_status.setText(self.tr("Saved to {0}").format(str(path)))
