"""Ajustes → My account (K5): name, e-mail, time zone, password (the old one required); for
admins the account's working hours, outside which the widget shows the offline form."""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import QEvent, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services.account import AccountService
from jivo_desktop.ui.common.plain import PlainLabel
from server import protocol as p


def _zones() -> list[str]:
    return sorted(z for z in zoneinfo.available_timezones() if "/" in z or z == "UTC")


class AccountProfile(QWidget):
    def __init__(self, account: AccountService) -> None:
        super().__init__()
        self.account = account
        zones = _zones()
        self.title = title = PlainLabel()
        title.setObjectName("PageTitle")

        self.name = QLineEdit()
        self.email = QLineEdit()
        self.timezone = QComboBox()
        self.timezone.addItem("", "")
        for zone in zones:
            self.timezone.addItem(zone, zone)
        self.old_password = QLineEdit()
        self.old_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.labels = [PlainLabel() for _ in range(5)]
        form = QFormLayout()
        fields = (self.name, self.email, self.timezone, self.old_password, self.new_password)
        for label, field in zip(self.labels, fields, strict=True):
            form.addRow(label, field)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        # A4: a session left open on another computer (or a browser) ends from here.
        self.sign_out_others_button = QPushButton()
        self.sign_out_others_button.clicked.connect(self.account.sign_out_others)
        others_row = QHBoxLayout()
        others_row.addStretch(1)
        others_row.addWidget(self.sign_out_others_button)
        form.addRow(others_row)

        self.hours_box = QGroupBox()
        self.hours_on = QCheckBox()
        self.hours_zone = QComboBox()
        for zone in zones:
            self.hours_zone.addItem(zone, zone)
        grid = QGridLayout()
        self.day_open: list[QCheckBox] = []
        self.day_start: list[QTimeEdit] = []
        self.day_end: list[QTimeEdit] = []
        for row in range(7):
            box = QCheckBox()
            start, end = QTimeEdit(), QTimeEdit()
            for edit in (start, end):
                edit.setDisplayFormat("HH:mm")
            grid.addWidget(box, row, 0)
            grid.addWidget(start, row, 1)
            grid.addWidget(PlainLabel("–"), row, 2)
            grid.addWidget(end, row, 3)
            self.day_open.append(box)
            self.day_start.append(start)
            self.day_end.append(end)
        grid.setColumnStretch(4, 1)
        self.save_hours_button = QPushButton()
        self.save_hours_button.clicked.connect(self._on_save_hours_button_clicked)
        zone_row = QHBoxLayout()
        self.hours_zone_label = PlainLabel()
        zone_row.addWidget(self.hours_zone_label)
        zone_row.addWidget(self.hours_zone, 1)
        hours_save_row = QHBoxLayout()
        hours_save_row.addStretch(1)
        hours_save_row.addWidget(self.save_hours_button)
        hours_layout = QVBoxLayout(self.hours_box)
        hours_layout.addWidget(self.hours_on)
        hours_layout.addLayout(zone_row)
        hours_layout.addLayout(grid)
        hours_layout.addLayout(hours_save_row)

        self.status = PlainLabel()
        self.status.setWordWrap(True)
        # B8: one above the other; side by side they overflowed a 1180-pixel window (the
        # working-hours box, its Guardar button cut to "Gua").
        columns = QVBoxLayout()
        columns.setSpacing(18)
        columns.addLayout(form)
        columns.addWidget(self.hours_box)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(columns)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.retranslate()
        account.my_account_changed.connect(self._on_account_my_account_changed)
        account.saved.connect(self._on_account_message)
        account.problem.connect(self._on_account_message)
        self.hours_box.setVisible(False)
        if account.me is not None:
            self._on_account_my_account_changed(account.me)

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch, G6)."""
        self.title.setText(self.tr("My account"))
        self.timezone.setItemText(0, self.tr("Not set"))
        self.new_password.setPlaceholderText(self.tr("Leave empty to keep it"))
        self.save_button.setText(self.tr("Save"))
        self.sign_out_others_button.setText(self.tr("Sign out on other devices"))
        self.sign_out_others_button.setToolTip(
            self.tr("Ends every other session of your account: other computers, browsers")
        )
        texts = (
            self.tr("Name"),
            self.tr("E-mail"),
            self.tr("Time zone"),
            self.tr("Current password"),
            self.tr("New password"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.hours_box.setTitle(self.tr("Working hours"))
        self.hours_on.setText(self.tr("Outside these hours visitors see the offline form"))
        self.hours_zone_label.setText(self.tr("Time zone"))
        days = (
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        )
        for box, day in zip(self.day_open, days, strict=True):
            box.setText(day)
        self.save_hours_button.setText(self.tr("Save working hours"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_account_my_account_changed(self, me: p.MyAccount) -> None:
        self.name.setText(me.name)
        self.email.setText(me.email)
        index = self.timezone.findData(me.timezone)
        self.timezone.setCurrentIndex(max(index, 0))
        self.old_password.clear()
        self.new_password.clear()
        self.hours_box.setVisible(me.hours is not None)
        if me.hours is not None:
            self._show_hours(me.hours)

    def _show_hours(self, hours: p.WorkingHours) -> None:
        self.hours_on.setChecked(hours.enabled)
        self.hours_zone.setCurrentIndex(max(self.hours_zone.findData(hours.timezone), 0))
        for day, box, start, end in zip(
            hours.days, self.day_open, self.day_start, self.day_end, strict=False
        ):
            box.setChecked(day.open)
            start.setTime(QTime.fromString(day.start, "HH:mm"))
            end.setTime(QTime.fromString("00:00" if day.end == "24:00" else day.end, "HH:mm"))

    def working_hours(self) -> p.WorkingHours:
        days = []
        for box, start, end in zip(self.day_open, self.day_start, self.day_end, strict=True):
            end_text = end.time().toString("HH:mm")
            # 00:00 as an end means midnight at the end of the day.
            days.append(
                p.DayHours(
                    open=box.isChecked(),
                    start=start.time().toString("HH:mm"),
                    end="24:00" if end_text == "00:00" else end_text,
                )
            )
        return p.WorkingHours(
            enabled=self.hours_on.isChecked(),
            timezone=str(self.hours_zone.currentData()),
            days=days,
        )

    def _on_save_button_clicked(self) -> None:
        self.account.save_my_account(
            self.name.text(),
            self.email.text(),
            str(self.timezone.currentData()),
            self.old_password.text(),
            self.new_password.text(),
        )

    def _on_save_hours_button_clicked(self) -> None:
        self.account.save_hours(self.working_hours())

    def _on_account_message(self, message: str) -> None:
        # The service serves every section: only the one in sight shows the outcome.
        if self.isVisible():
            self.status.setText(message)
