"""Ajustes → Channels (K1): the websites, each with its language, allowed origins and the
widget snippet to paste (with a copy button); add, rename, disable. Per site also how its chats
are routed: the rule (N3), the open chats per agent, the offer time-out, sneak peek (C17) and
the departments its chats go to first (T4); P2: whether the widget takes callback requests,
and the country their numbers without + are read in."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services import phone_numbers
from jivo_desktop.services.account import LANGUAGES, AccountService
from jivo_desktop.ui.common.plain import PlainLabel
from jivo_desktop.ui.settings.calls import country_name
from server import protocol as p


class AccountChannels(QWidget):
    def __init__(self, account: AccountService) -> None:
        super().__init__()
        self.account = account
        self._site_id: int | None = None
        self.title = title = PlainLabel()
        title.setObjectName("PageTitle")
        self.intro = intro = PlainLabel()
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setMinimumWidth(200)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self._on_new_button_clicked)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)

        self.name = QLineEdit()
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(code, code)
        self.origins = QPlainTextEdit()
        self.origins.setPlaceholderText("https://shop.example")
        self.origins.setFixedHeight(70)
        self.enabled = QCheckBox()
        self.enabled.setChecked(True)
        # K1: routing, per site.
        self.rule = QComboBox()
        # Long choices must not widen the page (they show in full in the open list).
        self.rule.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.rule.setMinimumContentsLength(16)
        self.rule.addItem("", "least_busy")
        self.rule.addItem("", "all")
        self.chat_limit = QSpinBox()
        self.chat_limit.setRange(0, 1000)
        self.offer_timeout = QSpinBox()
        self.offer_timeout.setRange(5, 3600)
        self.offer_timeout.setValue(60)
        self.sneak_peek = QCheckBox()
        # P2: the widget's phone button, and where its numbers without + belong.
        self.callbacks = QCheckBox()
        self.phone_country = QComboBox()
        self.phone_country.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.phone_country.setMinimumContentsLength(16)
        self.phone_country.setMaxVisibleItems(20)
        self.phone_country.addItem("", "")
        countries = sorted(
            (f"{country_name(code)} (+{calling_code})", code)
            for code, calling_code in phone_numbers.countries()
        )
        for text, code in countries:
            self.phone_country.addItem(text, code)
        self.departments = QListWidget()
        self.departments.setFixedHeight(80)
        # With no department yet an empty box says nothing: say where they are made.
        self.no_departments = PlainLabel()
        self.no_departments.setObjectName("FieldLabel")
        self.no_departments.setWordWrap(True)
        departments_box = QVBoxLayout()
        departments_box.setContentsMargins(0, 0, 0, 0)
        departments_box.addWidget(self.departments)
        departments_box.addWidget(self.no_departments)
        self.snippet = QPlainTextEdit()
        self.snippet.setReadOnly(True)
        self.snippet.setFixedHeight(70)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.status = PlainLabel()
        self.status.setWordWrap(True)
        self.labels = [PlainLabel() for _ in range(11)]
        for label in self.labels:
            label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.labels[0], self.name)
        form.addRow(self.labels[1], self.language)
        form.addRow(self.labels[2], self.origins)
        form.addRow("", self.enabled)
        form.addRow(self.labels[4], self.rule)
        form.addRow(self.labels[5], self.chat_limit)
        form.addRow(self.labels[6], self.offer_timeout)
        # A label of its own: the long check box text was cut off in es and ru.
        form.addRow(self.labels[8], self.sneak_peek)
        form.addRow(self.labels[7], departments_box)
        form.addRow(self.labels[9], self.callbacks)
        form.addRow(self.labels[10], self.phone_country)
        form.addRow(self.labels[3], self.snippet)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.status)
        right.addStretch(1)

        body = QHBoxLayout()
        # The site list needs little room; the routing fields' long choices need it more.
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(body, 1)

        self.retranslate()
        account.sites_changed.connect(self._on_account_sites_changed)
        account.saved.connect(self._on_account_message)
        account.problem.connect(self._on_account_message)
        account.departments_changed.connect(self._on_account_departments_changed)
        self._on_account_sites_changed(account.sites)

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch, G6)."""
        self.title.setText(self.tr("Channels"))
        self.intro.setText(self.tr("Your websites. Paste a site's snippet into every page of it."))
        self.new_button.setText(self.tr("Add a website"))
        self.name.setPlaceholderText(self.tr("My shop"))
        names = (self.tr("English"), self.tr("Spanish"), self.tr("Portuguese"), self.tr("Russian"))
        for index, name in enumerate(names):
            self.language.setItemText(index, name)
        self.enabled.setText(self.tr("Chat switched on for this site"))
        self.rule.setItemText(0, self.tr("One agent first, then everyone"))
        self.rule.setItemText(1, self.tr("Every online agent at once"))
        self.rule.setToolTip(
            self.tr(
                "One agent first: the client's assigned agent or the least busy one; "
                "if they ignore it, every online agent."
            )
        )
        self.chat_limit.setSpecialValueText(self.tr("No limit"))
        self.offer_timeout.setSuffix(self.tr(" s"))
        self.sneak_peek.setText(self.tr("See the visitor typing"))
        self.callbacks.setText(self.tr("Phone button in the widget"))
        self.phone_country.setItemText(0, self.tr("The widget language's country"))
        self.no_departments.setText(
            self.tr("No departments yet. Make them in Team: right-click an agent → Settings…")
        )
        self.copy_button.setText(self.tr("Copy snippet"))
        self.save_button.setText(self.tr("Save"))
        texts = (
            self.tr("Name"),
            self.tr("Widget language"),
            self.tr("Allowed origins\n(one a line)"),
            self.tr("Snippet"),
            self.tr("New chats go to"),
            self.tr("Open chats per agent"),
            self.tr("Offer time-out"),
            self.tr("Departments first"),
            self.tr("Sneak peek"),
            self.tr("Callback requests"),
            self.tr("Their numbers without + are in"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self._on_account_sites_changed(self.account.sites)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_account_sites_changed(self, sites: list[p.SiteInfo]) -> None:
        keep = self._site_id
        self.list.blockSignals(True)
        self.list.clear()
        for site in sites:
            text = site.name if site.enabled else self.tr("{0} (off)").format(site.name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, site.id)
            self.list.addItem(item)
            if site.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if keep is None and sites:
            self.list.setCurrentRow(0)
        elif keep is not None:
            self._show(next((s for s in sites if s.id == keep), None))

    def _on_list_current_item_changed(self, item: QListWidgetItem | None, _prev: object) -> None:
        site_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        self._show(next((s for s in self.account.sites if s.id == site_id), None))

    def _show(self, site: p.SiteInfo | None) -> None:
        self._site_id = site.id if site else None
        self.name.setText(site.name if site else "")
        self.language.setCurrentIndex(LANGUAGES.index(site.language) if site else 0)
        self.origins.setPlainText("\n".join(site.origins) if site else "")
        self.enabled.setChecked(site.enabled if site else True)
        self.snippet.setPlainText(self.account.snippet(site) if site else "")
        self.copy_button.setEnabled(site is not None)
        self.rule.setCurrentIndex(1 if site is not None and site.routing_rule == "all" else 0)
        self.chat_limit.setValue(site.chat_limit if site else 0)
        self.offer_timeout.setValue(round(site.offer_timeout) if site else 60)
        self.sneak_peek.setChecked(site.sneak_peek if site else False)
        self.callbacks.setChecked(site.callbacks if site else False)
        self.phone_country.setCurrentIndex(
            max(0, self.phone_country.findData(site.phone_country)) if site else 0
        )
        self._fill_departments(site.department_ids if site else [])

    def _fill_departments(self, checked: list[int]) -> None:
        self.departments.clear()
        for department in self.account.departments:
            item = QListWidgetItem(department.name)
            item.setData(Qt.ItemDataRole.UserRole, department.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = department.id in checked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.departments.addItem(item)
        none = not self.account.departments
        self.departments.setVisible(not none)
        self.no_departments.setVisible(none)

    def checked_departments(self) -> list[int]:
        return [
            int(self.departments.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.departments.count())
            if self.departments.item(r).checkState() == Qt.CheckState.Checked
        ]

    def set_department_checked(self, name: str, checked: bool) -> None:
        for row in range(self.departments.count()):
            item = self.departments.item(row)
            if item.text() == name:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _on_account_departments_changed(self, _departments: list[p.DepartmentInfo]) -> None:
        self._fill_departments(self.checked_departments())

    def _on_new_button_clicked(self) -> None:
        self.list.clearSelection()
        self._show(None)
        self.name.setFocus()

    def _on_save_button_clicked(self) -> None:
        origins = [o.strip() for o in self.origins.toPlainText().splitlines() if o.strip()]
        self.account.save_site(
            self._site_id,
            self.name.text(),
            str(self.language.currentData()),
            origins,
            self.enabled.isChecked(),
            routing={
                "routing_rule": str(self.rule.currentData()),
                "chat_limit": self.chat_limit.value(),
                "offer_timeout": float(self.offer_timeout.value()),
                "sneak_peek": self.sneak_peek.isChecked(),
                "callbacks": self.callbacks.isChecked(),
                "phone_country": str(self.phone_country.currentData() or ""),
                "department_ids": self.checked_departments(),
            },
        )
        if self._site_id is None:
            self._site_id = -1  # select the new one when it arrives
            self.account.sites_changed.connect(
                self._select_newest, Qt.ConnectionType.SingleShotConnection
            )

    def _select_newest(self, sites: list[p.SiteInfo]) -> None:
        if sites:
            self._site_id = max(s.id for s in sites)
            self._on_account_sites_changed(sites)

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.snippet.toPlainText())
        self.status.setText(self.tr("Snippet copied."))

    def _on_account_message(self, message: str) -> None:
        # The service serves every section: only the one in sight shows the outcome.
        if self.isVisible():
            self.status.setText(message)
