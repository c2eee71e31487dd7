"""Ajustes → Calls (P1): how a call leaves the app (the system's tel: handler, a sip: URI
template, callto:), the country a number without + belongs to, and which program opens calls
on this computer now (or how to set one up). Thin: the calling service stores and checks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from jivo_desktop.platform.url_handlers import FOUND, MISSING, HandlerCheck
from jivo_desktop.services import phone_numbers
from jivo_desktop.services.calling import METHODS, CallingService, template_problem
from jivo_desktop.tasks import spawn
from jivo_desktop.ui.common.plain import PlainLabel


def country_name(code: str) -> str:
    territory = QLocale.codeToTerritory(code)
    return QLocale.territoryToString(territory) if territory else code


class CallsSection(QWidget):
    def __init__(self, calling: CallingService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calling = calling
        self.captions = {key: PlainLabel() for key in ("method", "sip", "country", "handler")}
        self.method = QComboBox()
        for method in METHODS:
            self.method.addItem("", method)
        self.method.setCurrentIndex(self.method.findData(calling.method))
        self.method.activated.connect(self._on_method_activated)
        self.sip = QLineEdit(calling.sip_template)
        self.sip.setPlaceholderText("sip:{number}@pbx.example")
        self.sip.setMaxLength(200)
        self.sip.editingFinished.connect(self._on_sip_editing_finished)
        self.sip.setEnabled(calling.method == "sip")
        self.sip_problem = PlainLabel()
        self.sip_problem.setObjectName("Problem")
        self.sip_problem.setWordWrap(True)
        self.sip_problem.hide()
        self.country = QComboBox()
        self.country.setMaxVisibleItems(20)
        for code, calling_code in phone_numbers.countries():
            self.country.addItem(f"{country_name(code)} (+{calling_code})", code)
        self.country.model().sort(0)
        self.country.setCurrentIndex(self.country.findData(calling.country))
        self.country.activated.connect(self._on_country_activated)
        self.handler = PlainLabel()
        self.handler.setObjectName("Muted")
        self.handler.setWordWrap(True)
        self._check: HandlerCheck | None = None
        form = QFormLayout()
        # Captions above their fields: the longest language never cuts one off.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(14)
        form.addRow(self.captions["method"], self.method)
        sip_box = QVBoxLayout()
        sip_box.addWidget(self.sip)
        sip_box.addWidget(self.sip_problem)
        form.addRow(self.captions["sip"], sip_box)
        form.addRow(self.captions["country"], self.country)
        form.addRow(self.captions["handler"], self.handler)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        calling.settings_changed.connect(self._on_calling_settings_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.captions["method"].setText(self.tr("Calls go out through"))
        self.captions["sip"].setText(self.tr("SIP address"))
        self.captions["country"].setText(self.tr("Numbers without + are in"))
        self.captions["handler"].setText(self.tr("On this computer"))
        names = {
            "tel": self.tr("The system's phone app (tel: links)"),
            "sip": self.tr("A SIP softphone or PBX (sip: address below)"),
            "callto": self.tr("callto: links (Skype and others)"),
        }
        for row in range(self.method.count()):
            self.method.setItemText(row, names[str(self.method.itemData(row))])
        self.sip.setToolTip(
            self.tr("{number} becomes the number with + and country code, {digits} the same "
                    "without the +.")
        )  # fmt: skip
        self._show_sip_problem()
        self._show_handler()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "handler"):
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh_handler()  # another program may have been installed meanwhile
        super().showEvent(event)

    def refresh_handler(self) -> None:
        spawn(self._refresh_handler(), "calls-handler")

    async def _refresh_handler(self) -> None:
        self._check = await self.calling.handler()
        self._show_handler()

    def _show_handler(self) -> None:
        found = self._check
        scheme = self.calling.scheme
        if found is None or found.scheme != scheme:
            text = self.tr("Checking…")
        elif found.state == FOUND:
            text = self.tr("{0}: links open with {1}.").format(scheme, found.app)
        elif found.state == MISSING:
            text = self.calling.how_to_set_handler(scheme)
        else:
            text = self.tr("This system cannot tell which program opens {0}: links.").format(scheme)
        self.handler.setText(text)

    def _show_sip_problem(self) -> None:
        problem = template_problem(self.sip.text()) if self.sip.text().strip() else ""
        if not problem and self.calling.method == "sip" and not self.sip.text().strip():
            problem = "placeholder"
        self.sip_problem.setText(self.calling.template_text(problem))
        self.sip_problem.setVisible(bool(problem))

    def _on_method_activated(self, _index: int) -> None:
        method = str(self.method.currentData())
        template = self.sip.text()
        self.calling.set_method(method, template if not template_problem(template) else None)

    def _on_sip_editing_finished(self) -> None:
        template = self.sip.text()
        if not template.strip() or not template_problem(template):
            self.calling.set_method(self.calling.method, template)
        self._show_sip_problem()

    def _on_country_activated(self, _index: int) -> None:
        self.calling.set_country(str(self.country.currentData()))

    def _on_calling_settings_changed(self) -> None:
        self.method.setCurrentIndex(self.method.findData(self.calling.method))
        self.country.setCurrentIndex(self.country.findData(self.calling.country))
        self.sip.setEnabled(self.calling.method == "sip")
        self._show_sip_problem()
        self.refresh_handler()
