"""The client panel right of the conversation (C4): name, e-mail, phone; source; site; time on
site; current page (URL on hover, navigation history on click); visits and pages this visit;
country, city, ISP, IP.

The fields sit in one ``QFormLayout`` (``self.form``): another row is one ``add_row`` call.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jivo_desktop import i18n
from jivo_desktop.services.conversations import Chat
from jivo_desktop.services.crm import CrmService
from jivo_desktop.services.team import TeamService
from jivo_desktop.services.visitors import VisitorsChange, VisitorsService
from jivo_desktop.ui.common.plain import PlainLabel, as_link_label, isolate, plain_tooltip, set_link
from jivo_desktop.ui.visitors.model import duration_text, source_text
from server import protocol as p

if TYPE_CHECKING:
    from jivo_desktop.ui.crm.panel import DealsTasksBox

VISIT_FIELDS = (
    "email",
    "phone",
    "source",
    "site",
    "time",
    "page",
    "visits",
    "country",
    "city",
    "isp",
    "ip",
)


class HistoryPopup(QFrame):
    """The visitor's pages of this visit, newest first (C4: on a click on the current page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("HistoryPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.list = QListWidget()
        self.list.setMinimumWidth(360)
        self.title = title = PlainLabel()
        title.setObjectName("PanelTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(title)
        layout.addWidget(self.list)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Navigation history"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "title"):
            self.retranslate()
        super().changeEvent(event)

    def show_pages(self, pages: list[p.PageVisit], at: QPoint) -> None:
        self.list.clear()
        for page in reversed(pages):
            clock = time.strftime("%H:%M:%S", time.localtime(page.ts))
            item = QListWidgetItem(f"{clock}  {isolate(page.title or page.url)}")
            item.setToolTip(plain_tooltip(page.url))
            item.setData(Qt.ItemDataRole.UserRole, page.url)
            self.list.addItem(item)
        self.resize(420, min(360, 60 + 24 * max(1, len(pages))))
        self.move(at)
        self.show()


class ClientPanel(QWidget):
    """Signals: ``page_changed(str)``: the shown visitor's current page URL (B9: the chat's
    header follows it); ``past_chat_requested(object)``: the agent clicked one of a returning
    client's earlier chats (a ``ChatInfo``), to read it in the archive;
    ``call_requested(str, str, int)``: P1 click-to-call (number, name, CRM client id or 0)."""

    page_changed = Signal(str)
    past_chat_requested = Signal(object)
    call_requested = Signal(str, str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ClientPanel")
        self.setMinimumWidth(240)
        self.visitors: VisitorsService | None = None
        self.crm_box: DealsTasksBox | None = None
        self.visitor_id = 0
        self.site_name = ""
        self._fallback: p.VisitorInfo | None = None
        self._want_history = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        self.title = PlainLabel()
        self.title.setObjectName("PanelTitle")
        self.direct = False
        layout.addWidget(self.title)
        self.form = self.layout_form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.fields: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self._row_titles: dict[str, Callable[[], str]] = {}
        self._row_widgets: dict[str, QWidget] = {}
        for key in self.caption_texts():
            self.add_row(key, "")
        page = self.fields["page"]
        as_link_label(page)  # one link, built by set_link (escaped)
        page.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        page.linkActivated.connect(self._on_page_link_activated)
        self.fields["place"] = self.fields["city"]  # older name of the location row
        # P1: click-to-call, right under the number (shown when the visitor gave one).
        self.call_button = QPushButton()
        self.call_button.setObjectName("CallButton")
        self.call_button.clicked.connect(self._on_call_clicked)
        position: Any = self.form.getWidgetPosition(self.fields["phone"])
        self.form.insertRow(int(position[0]) + 1, self.call_button)
        self.call_button.hide()
        layout.addLayout(self.form)
        # A returning client: the earlier chats with the colleagues' comments, one click from
        # the archive ("en caso de que el mismo cliente le contacte más tarde").
        self.past_title = PlainLabel()
        self.past_title.setObjectName("FieldLabel")
        self.past = QListWidget()
        self.past.setObjectName("PastChats")
        self.past.setWordWrap(True)
        self.past.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.past.itemClicked.connect(self._on_past_item_clicked)
        layout.addWidget(self.past_title)
        layout.addWidget(self.past, 1)
        self.past_title.hide()
        self.past.hide()
        layout.addStretch(0)
        self.history = HistoryPopup(self)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick_timeout)
        self._tick.start()
        self.retranslate()

    def caption_texts(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
            "source": self.tr("Source"),
            "site": self.tr("Website"),
            "time": self.tr("Time on site"),
            "page": self.tr("Current page"),
            "visits": self.tr("Visits"),
            "country": self.tr("Country"),
            "city": self.tr("City"),
            "isp": self.tr("Internet provider"),
            "ip": self.tr("IP address"),
        }

    def pages_text(self, n: int) -> str:
        """B9: "1 page this visit", "2 pages this visit" (and each language's plurals)."""
        if n == 1:
            return self.tr("1 page this visit")
        return self.tr("%n pages this visit", "", n)

    def retranslate(self) -> None:
        """Every text in the current language (at start and on a language switch, G6)."""
        self.title.setText(self.tr("Colleague") if self.direct else self.tr("Client"))
        if hasattr(self, "call_button"):
            self.call_button.setText(self.tr("Call"))
        for key, text in self.caption_texts().items():
            self.captions[key].setText(text)
        for key, title in self._row_titles.items():
            self.captions[key].setText(title())
        if hasattr(self, "_tick"):
            self._fill()
            self._fill_past()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_tick"):
            self.retranslate()
        super().changeEvent(event)

    def add_row(
        self, key: str, label: str | Callable[[], str], value: QWidget | None = None
    ) -> QWidget:
        """One more labelled row (other features add theirs the same way). ``label``: a text,
        or a function giving it in the current language (asked again on a language switch)."""
        if callable(label):
            self._row_titles[key] = label
        caption = self.captions[key] = PlainLabel(label() if callable(label) else label)
        caption.setObjectName("FieldLabel")
        widget = value or PlainLabel("—")
        if isinstance(widget, QLabel) and value is None:
            widget.setWordWrap(True)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = widget
        self.form.addRow(caption, widget)
        self._row_widgets[key] = widget
        return widget

    def set_row_visible(self, key: str, visible: bool) -> None:
        """Show or hide a row added with :meth:`add_row` (caption and value)."""
        self.form.setRowVisible(self._row_widgets[key], visible)

    def set_crm(self, crm: CrmService, team: TeamService | None = None) -> None:
        """C6: the chat's client's Tratos and Tareas, and a deal or task made from the chat."""
        from jivo_desktop.ui.crm.panel import DealsTasksBox

        self.crm_box = DealsTasksBox(crm, team)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, self.crm_box)

    def set_visitors(self, visitors: VisitorsService) -> None:
        self.visitors = visitors
        visitors.changed.connect(self._on_visitors_changed)
        visitors.details_ready.connect(self._on_visitors_details_ready)
        visitors.history_ready.connect(self._on_visitors_history_ready)

    # -------------------------------------------------------------- showing a chat

    def show_chat(self, chat: Chat | None, name: str) -> None:
        visitor = chat.info.visitor if chat else None
        direct = self.direct = bool(chat and chat.direct)
        self.title.setText(self.tr("Colleague") if direct else self.tr("Client"))
        for key in VISIT_FIELDS:  # a colleague has no visit
            self.fields[key].setVisible(not direct)
            caption = self.form.labelForField(self.fields[key])
            if caption is not None:
                caption.setVisible(not direct)
        self.fields["name"].setText(isolate(name) if chat else "—")
        new_id = visitor.id if visitor else 0
        self.site_name = chat.info.site_name if chat else ""
        self._fallback = visitor
        changed = new_id != self.visitor_id
        if changed:
            self.history.hide()
            self._want_history = False
        self.visitor_id = new_id
        # Once per shown visitor (this is called on every change of the chat): after that the
        # live list keeps the panel current, and a click on the page fetches the history.
        if changed and new_id and self.visitors is not None:
            self.visitors.fetch_details(new_id)
            self.visitors.fetch_history(new_id)
        if changed:
            self._fill_past()
        if self.crm_box is not None:
            self.crm_box.setVisible(bool(new_id) and not direct)
            self.crm_box.show_visitor(new_id, chat.info.id if chat else 0)
        self._fill()

    def current(self) -> p.VisitorInfo | None:
        """The freshest we know of the shown visitor: live row, else details, else the chat's."""
        if not self.visitor_id:
            return None
        if self.visitors is not None:
            live = self.visitors.get(self.visitor_id)
            if live is not None:
                return live
            details = self.visitors.details.get(self.visitor_id)
            if details is not None:
                return details.visitor
        return self._fallback

    def _fill(self) -> None:
        v = self.current()
        self.call_button.setVisible(bool(v and v.phone) and not self.direct)
        if v is None:
            for key in VISIT_FIELDS:
                self.fields[key].setText("—")
            self.fields["page"].setToolTip("")
            return
        pages = self.pages_text(v.session_pages)
        values = {
            "email": v.email,
            "phone": v.phone,
            "source": source_text(v),
            "site": v.site_name or self.site_name,
            "visits": f"{v.visits} · {pages}" if v.visits else "",
            "country": v.country,
            "city": i18n.city_name(v.city, v.city_names),
            "isp": v.isp,
            "ip": v.ip,
        }
        for key, value in values.items():
            self.fields[key].setText(isolate(value) if value else "—")
        self.fields["source"].setToolTip(plain_tooltip(v.referrer))
        title = v.page_title or v.page_url
        page = self.fields["page"]
        set_link(page, "history", isolate(title))
        page.setToolTip(plain_tooltip(v.page_url))
        self._show_time(v)
        self.page_changed.emit(v.page_url)

    def _show_time(self, v: p.VisitorInfo) -> None:
        if self.visitors is None or not v.session_started:
            text = "—"
        elif v.online:
            text = duration_text(self.visitors.time_on_site(v))
        else:
            text = self.tr("left the site")
        self.fields["time"].setText(text)

    # -------------------------------------------------------------- reactions

    def _on_visitors_changed(self, change: VisitorsChange) -> None:
        details = self.visitors.details.get(self.visitor_id) if self.visitors else None
        if details is not None and self.visitor_id in change.gone:
            details.visitor.online = False
        if self.visitor_id and (
            change.reset
            or self.visitor_id in change.updated
            or self.visitor_id in change.added
            or self.visitor_id in change.gone
        ):
            self._fill()

    def _on_visitors_details_ready(self, details: p.VisitorDetails) -> None:
        if details.visitor.id != self.visitor_id:
            return
        self._fill()
        if self._want_history:
            self._want_history = False
            at = self.fields["page"].mapToGlobal(QPoint(0, self.fields["page"].height()))
            self.history.show_pages(details.history, at)

    def _fill_past(self) -> None:
        """The shown client's earlier chats, newest first, each with its comments."""
        chats = self.visitors.past_chats.get(self.visitor_id, []) if self.visitors else []
        self.past.clear()
        for past in chats:
            info = past.chat
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.created_at))
            state = self.tr("missed") if info.state == "missed" else info.agent_name or "—"
            lines = [f"{when} · {state}"]
            for comment in past.comments:
                lines.append(f"✎ {comment.author_name}: {' '.join(comment.text.split())}")
            if not past.comments and info.preview:
                lines.append(" ".join(info.preview.split())[:100])
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setToolTip(self.tr("Read this chat in the archive"))
            self.past.addItem(item)
        shown = bool(chats) and not self.direct
        self.past_title.setText(self.tr("Earlier chats ({0})").format(len(chats)))
        self.past_title.setVisible(shown)
        self.past.setVisible(shown)

    def _on_visitors_history_ready(self, visitor_id: int) -> None:
        if visitor_id == self.visitor_id:
            self._fill_past()

    def _on_past_item_clicked(self, item: QListWidgetItem) -> None:
        chats = self.visitors.past_chats.get(self.visitor_id, []) if self.visitors else []
        chat_id = item.data(Qt.ItemDataRole.UserRole)
        info = next((c.chat for c in chats if c.chat.id == chat_id), None)
        if info is not None:
            self.past_chat_requested.emit(info)

    def _on_page_link_activated(self, _link: str) -> None:
        """C4: the navigation history, fetched fresh."""
        if self.visitors is None or not self.visitor_id:
            return
        self._want_history = True
        self.visitors.fetch_details(self.visitor_id)

    def _on_call_clicked(self) -> None:
        v = self.current()
        if v is None or not v.phone:
            return
        client = self.crm_box.client if self.crm_box is not None else None
        name = v.name or (client.name if client is not None else "")
        self.call_requested.emit(v.phone, name, client.id if client is not None else 0)

    def _on_tick_timeout(self) -> None:
        v = self.current()
        if v is not None and self.isVisible():
            self._show_time(v)
