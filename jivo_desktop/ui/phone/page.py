"""Teléfono (P1): "Aquí podrá visualizar el marcador para poder realizar llamadas". The dialer:
a number field that formats and checks what is typed or pasted, a pad, Call; the recent calls
from this computer and the CRM's clients with a phone, with search. Thin: the calling service
checks and dials, the CRM service finds the contacts."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop.services import phone_numbers
from jivo_desktop.services.call_log import CallLogService, caller_name
from jivo_desktop.services.calling import CallingService, RecentCall
from jivo_desktop.services.crm import CrmService
from jivo_desktop.ui.common.plain import PlainLabel, isolate
from server import protocol as p

PAD = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")
NUMBER_ROLE = Qt.ItemDataRole.UserRole
CLIENT_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2


class PhonePage(QWidget):
    def __init__(
        self,
        calling: CallingService,
        crm: CrmService | None = None,
        parent: QWidget | None = None,
        *,
        call_log: CallLogService | None = None,
    ) -> None:
        super().__init__(parent)
        self.calling = calling
        self.crm = crm
        self.call_log = call_log
        self.heading = PlainLabel()
        self.heading.setObjectName("PanelTitle")
        # ---- the dialer
        self.number = QLineEdit()
        self.number.setObjectName("DialerNumber")
        self.number.setMaxLength(phone_numbers.MAX_INPUT)
        self.number.setStyleSheet("font-size: 22px; padding: 8px;")
        self.number.setClearButtonEnabled(True)
        self.number.textEdited.connect(self._on_number_text_edited)
        self.number.returnPressed.connect(self._on_call_clicked)
        self.status = PlainLabel()
        self.status.setObjectName("Muted")
        self.status.setWordWrap(True)
        pad = QGridLayout()
        pad.setSpacing(6)
        self.keys: dict[str, QPushButton] = {}
        for index, key in enumerate(PAD):
            button = QPushButton(key)
            button.setMinimumSize(72, 48)
            button.setStyleSheet("font-size: 18px;")
            button.clicked.connect(lambda _checked=False, key=key: self.press(key))
            pad.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        self.plus = QPushButton("+")
        self.plus.setMinimumSize(72, 40)
        self.plus.clicked.connect(lambda: self.press("+"))
        self.back = QPushButton("⌫")
        self.back.setMinimumSize(72, 40)
        self.back.clicked.connect(self._on_back_clicked)
        pad.addWidget(self.plus, 4, 0)
        pad.addWidget(self.back, 4, 2)
        self.call_button = QPushButton()
        self.call_button.setObjectName("Primary")
        self.call_button.setMinimumHeight(44)
        self.call_button.clicked.connect(self._on_call_clicked)
        self.problem = PlainLabel()
        self.problem.setObjectName("Problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        dialer = QWidget()
        dialer.setMaximumWidth(340)
        left = QVBoxLayout(dialer)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.number)
        left.addWidget(self.status)
        left.addLayout(pad)
        left.addWidget(self.call_button)
        left.addWidget(self.problem)
        left.addStretch(1)
        # ---- recent calls and contacts
        self.tabs = QTabWidget()
        self.recent = QListWidget()
        self.recent.setObjectName("RecentCalls")
        self.recent.setSpacing(3)
        self.recent.itemActivated.connect(self._on_list_item_activated)
        self.recent.itemDoubleClicked.connect(self._on_list_item_activated)
        self.recent_empty = PlainLabel()
        self.recent_empty.setObjectName("Muted")
        self.recent_empty.setWordWrap(True)
        recent_box = QWidget()
        recent_layout = QVBoxLayout(recent_box)
        recent_layout.addWidget(self.recent, 1)
        recent_layout.addWidget(self.recent_empty)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.contacts = QListWidget()
        self.contacts.setObjectName("Contacts")
        self.contacts.setSpacing(3)
        self.contacts.itemActivated.connect(self._on_list_item_activated)
        self.contacts.itemDoubleClicked.connect(self._on_list_item_activated)
        self.contacts_empty = PlainLabel()
        self.contacts_empty.setObjectName("Muted")
        self.contacts_empty.setWordWrap(True)
        contacts_box = QWidget()
        contacts_layout = QVBoxLayout(contacts_box)
        contacts_layout.addWidget(self.search)
        contacts_layout.addWidget(self.contacts, 1)
        contacts_layout.addWidget(self.contacts_empty)
        self.tabs.addTab(recent_box, "")
        self.tabs.addTab(contacts_box, "")
        # The call log on the relay: the agent's own calls; an admin's holds everyone's.
        self.log = QListWidget()
        self.log.setObjectName("CallLog")
        self.log.setSpacing(3)
        self.log.itemActivated.connect(self._on_log_item_activated)
        self.log.itemDoubleClicked.connect(self._on_log_item_activated)
        self.log_empty = PlainLabel()
        self.log_empty.setObjectName("Muted")
        self.log_empty.setWordWrap(True)
        log_box = QWidget()
        log_layout = QVBoxLayout(log_box)
        log_layout.addWidget(self.log, 1)
        log_layout.addWidget(self.log_empty)
        self.tabs.addTab(log_box, "")
        self._contacts: list[p.ClientInfo] = []
        self._searched = False
        # The relay's contacts come a page at a time: the next when the list is scrolled to
        # its end (or does not fill it); ``_contacts_asked`` is the page on its way, if any.
        self._contacts_next = ""
        self._contacts_asked: str | None = None
        self.contacts.verticalScrollBar().valueChanged.connect(self._on_contacts_scrolled)
        self.tabs.currentChanged.connect(self._on_contacts_shown)
        # A search per pause in typing, not per key.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)

        body = QHBoxLayout()
        body.addWidget(dialer)
        body.addSpacing(16)
        body.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        calling.recent_changed.connect(self._fill_recent)
        calling.settings_changed.connect(self._on_calling_settings_changed)
        calling.problem.connect(self._on_calling_problem)
        calling.no_handler.connect(self._on_calling_no_handler)
        calling.dialed.connect(self._on_calling_dialed)
        if crm is not None:
            crm.contacts_found.connect(self._on_crm_contacts_found)
        if call_log is not None:
            call_log.calls_changed.connect(self._fill_log)
        self.retranslate()

    # -------------------------------------------------------------- texts (G6)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Phone"))
        self.number.setPlaceholderText(self.tr("Number"))
        self.call_button.setText(self.tr("Call"))
        self.back.setToolTip(self.tr("Delete the last digit"))
        self.tabs.setTabText(0, self.tr("Recent calls"))
        self.tabs.setTabText(1, self.tr("Contacts"))
        self.tabs.setTabText(2, self.tr("Call log"))
        self.log_empty.setText(self.tr("No calls logged yet."))
        self.search.setPlaceholderText(self.tr("Search clients by name, phone or company"))
        self.recent_empty.setText(self.tr("No calls from this computer yet."))
        self._show_status()
        self._fill_recent()
        self._fill_contacts()
        self._fill_log()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "contacts_empty"):
            self.retranslate()
        super().changeEvent(event)

    def kind_text(self, found: phone_numbers.NumberCheck) -> str:
        kinds = {
            "fixed": self.tr("Landline"),
            "mobile": self.tr("Mobile"),
            "fixed_or_mobile": self.tr("Landline or mobile"),
            "toll_free": self.tr("Toll-free"),
            "shared_cost": self.tr("Shared cost"),
            "voip": self.tr("Internet phone"),
        }
        return kinds.get(found.kind, self.tr("Phone number"))

    # -------------------------------------------------------------- the dialer

    def press(self, key: str) -> None:
        """A key of the pad, as if typed at the end of the field."""
        self.set_number(self.number.text() + key)

    def set_number(self, text: str) -> None:
        self.number.setText(self._formatted(text))
        self.problem.hide()
        self._show_status()

    def _formatted(self, text: str) -> str:
        """Formatted as the agent types, while it is only digits (and a leading +): a pasted
        link, an extension or * and # stay as typed."""
        bare = text.strip()
        if bare and all(c in "0123456789+ -()." for c in bare) and "+" not in bare[1:]:
            return phone_numbers.as_you_type(bare, self.calling.country) or bare
        return text

    def _show_status(self) -> None:
        text = self.number.text()
        if not text.strip():
            self.status.setText(
                self.tr("Numbers without + are read as {0} numbers.").format(self.calling.country)
            )
            self.call_button.setEnabled(False)
            return
        found = self.calling.check(text)
        if found.ok:
            line = f"{self.kind_text(found)} · {found.region} · {found.international}"
            if found.premium:
                line += "\n" + self.tr("Premium-rate number: the call may cost a lot.")
        else:
            line = self.calling.problem_text(found)
        self.status.setText(line)
        self.call_button.setEnabled(found.ok)

    def _on_number_text_edited(self, text: str) -> None:
        at_end = self.number.cursorPosition() == len(text)
        formatted = self._formatted(text)
        if formatted != text and at_end:
            self.number.setText(formatted)  # a change in the middle keeps the agent's cursor
        self.problem.hide()
        self._show_status()

    def _on_back_clicked(self) -> None:
        digits = self.number.text().rstrip()[:-1].rstrip(" -()")
        self.set_number(digits)

    def _on_call_clicked(self) -> None:
        text = self.number.text()
        client_id, name = 0, ""
        found = self.calling.check(text)
        for contact in self._contacts:  # the number of a CRM client: the call is theirs
            if found.e164 and self.calling.check(contact.phone).e164 == found.e164:
                client_id, name = contact.id, contact.name
                break
        self.calling.call(text, name=name, client_id=client_id, allow_premium=True)

    # -------------------------------------------------------------- lists

    def _fill_recent(self) -> None:
        self.recent.clear()
        calls = self.calling.recent()
        for call in calls:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(call.at))
            shown = self.calling.display(call.number)
            title = f"{isolate(call.name)} · {shown}" if call.name else shown
            item = QListWidgetItem(f"{title}\n{when}")
            item.setData(NUMBER_ROLE, call.number)
            item.setData(CLIENT_ROLE, call.client_id)
            item.setData(NAME_ROLE, call.name)
            item.setToolTip(self.tr("Double-click to call again"))
            self.recent.addItem(item)
        self.recent_empty.setVisible(not calls)

    def _fill_contacts(self) -> None:
        self.contacts.clear()
        for client in self._contacts:
            title = client.name or client.company or self.tr("Client {0}").format(client.id)
            detail = " · ".join(
                x for x in (self.calling.display(client.phone), client.company) if x
            )
            item = QListWidgetItem(f"{isolate(title)}\n{isolate(detail)}")
            item.setData(NUMBER_ROLE, client.phone)
            item.setData(CLIENT_ROLE, client.id)
            item.setData(NAME_ROLE, client.name)
            item.setToolTip(self.tr("Double-click to call"))
            self.contacts.addItem(item)
        if self.crm is None:
            text = self.tr("The CRM is not available.")
        elif not self._searched:
            text = self.tr("Loading the clients…")
        elif not self._contacts:
            text = self.tr("No client with a phone number matches.")
        else:
            text = ""
        self.contacts_empty.setText(text)
        self.contacts_empty.setVisible(bool(text))

    def _fill_log(self) -> None:
        from jivo_desktop.ui.phone.log_dialog import outcome_texts

        self.log.clear()
        calls = self.call_log.calls if self.call_log is not None else []
        me = self.call_log.session.agent if self.call_log is not None else None
        outcomes = outcome_texts()
        for call in calls:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(call.started_at))
            arrow = "↙" if call.direction == "in" else "↗"
            who = self.calling.display(call.number)
            name = caller_name(call)
            if name:
                who = f"{isolate(name)} · {who}"
            parts = [when, outcomes.get(call.outcome, call.outcome)]
            if call.duration:
                minutes, seconds = divmod(call.duration, 60)
                parts.append(f"{minutes}:{seconds:02d}")
            if me is not None and call.agent_id != me.id:
                parts.append(isolate(call.agent_name))  # an admin's list: whose call
            lines = [f"{arrow} {who}", " · ".join(parts)]
            if call.note:
                lines.append(" ".join(call.note.split())[:120])
            item = QListWidgetItem("\n".join(lines))
            item.setData(NUMBER_ROLE, call.id)
            item.setToolTip(self.tr("Double-click to change how it went"))
            self.log.addItem(item)
        self.log_empty.setVisible(not calls)

    def _on_log_item_activated(self, item: QListWidgetItem) -> None:
        if self.call_log is None:
            return
        call_id = item.data(NUMBER_ROLE)
        call = next((c for c in self.call_log.calls if c.id == call_id), None)
        if call is not None:
            self.call_log.log_requested.emit(call)

    def refresh_contacts(self) -> None:
        if self.crm is not None:
            self._contacts_asked = ""
            self.crm.find_contacts(self.search.text().strip())

    def more_contacts(self) -> None:
        """The next page of the contacts, unless one is on its way or this was the last."""
        if self.crm is not None and self._contacts_next and self._contacts_asked is None:
            self._contacts_asked = self._contacts_next
            self.crm.find_contacts(self.search.text().strip(), self._contacts_next)

    def _on_contacts_scrolled(self, value: int) -> None:
        bar = self.contacts.verticalScrollBar()
        if value >= bar.maximum() - bar.pageStep() // 2:
            self.more_contacts()

    def showEvent(self, event: object) -> None:
        self.refresh_contacts()
        if self.call_log is not None:
            self.call_log.refresh()
        self._fill_recent()
        super().showEvent(event)  # type: ignore[arg-type]

    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self.refresh_contacts()

    def _on_crm_contacts_found(
        self, query: str, clients: list[p.ClientInfo], after: str, next_page: str
    ) -> None:
        if query != self.search.text().strip() or after != self._contacts_asked:
            return  # an older search's or page's answer
        with_phone = [c for c in clients if c.phone]
        if after:
            known = {c.id for c in self._contacts}
            self._contacts += [c for c in with_phone if c.id not in known]
        else:
            self._contacts = with_phone
        self._contacts_next, self._contacts_asked = next_page, None
        self._searched = True
        bar = self.contacts.verticalScrollBar()
        keep = bar.value() if after else 0
        bar.blockSignals(True)  # refilling scrolls to the top: that is not the agent asking
        self._fill_contacts()
        self.contacts.doItemsLayout()  # the scroll range of the new rows, now
        bar.setValue(keep)
        bar.blockSignals(False)
        self._on_contacts_shown()

    def _on_contacts_shown(self, *_: object) -> None:
        """A list of contacts that does not scroll (yet) cannot ask for more: ask now."""
        if self.contacts.isVisible() and self.contacts.verticalScrollBar().maximum() == 0:
            self.more_contacts()

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        number = str(item.data(NUMBER_ROLE) or "")
        self.number.setText(self.calling.display(number))
        self._show_status()
        self.calling.call(
            number, name=str(item.data(NAME_ROLE) or ""), client_id=int(item.data(CLIENT_ROLE) or 0)
        )

    # -------------------------------------------------------------- reactions

    def _on_calling_settings_changed(self) -> None:
        self._show_status()
        self._fill_recent()

    def _on_calling_problem(self, text: str) -> None:
        if self.isVisible():
            self.problem.setText(text)
            self.problem.show()

    def _on_calling_no_handler(self, _scheme: str, text: str) -> None:
        if self.isVisible():
            self.problem.setText(text)
            self.problem.show()

    def _on_calling_dialed(self, _uri: str, _call: RecentCall) -> None:
        self.problem.hide()
