"""The CRM (issue 17): clients (R1), tasks and their reminders (R2), deals in sales funnels
(R3) and the CRM settings (K4), as the relay allows this agent to see them. Kept fresh by the
relay's pushes; every request goes through the relay (which checks who may see what)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal

from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService
from jivo_desktop.tasks import spawn
from server import protocol as p

CONTACTS_PAGE = 50
"""Clients a page of the dialer's contacts (the next page loads as the list scrolls)."""


def money_text(value_minor: int, currency: str) -> str:
    """Minor units as the amount with two decimals and the ISO code (no float on the way)."""
    units, cents = divmod(value_minor, 100)
    return f"{units:,}.{cents:02d} {currency}".replace(",", " ")


def parse_money(text: str) -> int | None:
    """ "1234.5" or "1 234,50" -> 123450 minor units; None when it is no amount."""
    text = text.strip().replace(" ", "").replace(",", ".")
    if not text:
        return 0
    if not re.fullmatch(r"\d+(\.\d{0,2})?|\.\d{1,2}", text):
        return None
    whole, _, frac = text.partition(".")
    return int(whole or "0") * 100 + int((frac + "00")[:2])


class CrmService(QObject):
    """Signals: ``settings_changed()`` (funnels, stages, custom fields, visibility);
    ``clients_changed()`` (the client list page); ``client_loaded(object)`` (a
    ``ClientCard``); ``tasks_changed()``; ``deals_changed()`` (the current funnel's deals);
    ``reminder_due(object)`` (a ``TaskInfo`` whose reminder fired: show the toast);
    ``saved(str, object)`` (kind "client", "task" or "deal", and the saved record);
    ``contacts_found(str, list, str, str)`` (P1: the dialer's search, the clients of the page
    it asked for, that page's ``after`` ("": the first) and the next page's cursor ("": the
    last));
    ``problem(str)``."""

    settings_changed = Signal()
    clients_changed = Signal()
    client_loaded = Signal(object)
    tasks_changed = Signal()
    deals_changed = Signal()
    reminder_due = Signal(object)
    saved = Signal(str, object)
    contacts_found = Signal(str, list, str, str)
    problem = Signal(str)

    def __init__(self, session: SessionService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.funnels: list[p.FunnelInfo] = []
        self.fields: list[p.CustomField] = []
        self.clients_visibility = "all"
        self.clients: list[p.ClientInfo] = []
        self.next_page = ""
        self.query = ""
        self.sort = "name"
        # R1 filters: the owner (None: anyone; 0: nobody's; else that agent), a tag, a stage.
        self.owner_id: int | None = None
        self.tag = ""
        self.stage_id: int | None = None
        self.tasks: dict[int, p.TaskInfo] = {}
        self.deals: dict[int, p.DealInfo] = {}
        self.funnel_id: int | None = None
        self.card: p.ClientCard | None = None
        self._reminded: set[int] = set()
        # Records changed (saved or pushed) while a list request is on its way: the list
        # answer, computed before, must not take them back (or bring back a removed one).
        self._touched: dict[str, dict[int, Any]] = {"task": {}, "deal": {}}
        session.signed_in.connect(self._on_session_signed_in)
        session.signed_out.connect(self._on_session_signed_out)
        session.frame_received.connect(self._on_session_frame_received)

    # -------------------------------------------------------------- reading

    @property
    def is_admin(self) -> bool:
        agent = self.session.agent
        return agent is not None and agent.role == "admin"

    def funnel(self, funnel_id: int | None = None) -> p.FunnelInfo | None:
        wanted = self.funnel_id if funnel_id is None else funnel_id
        return next((f for f in self.funnels if f.id == wanted), None)

    def ordered_tasks(self) -> list[p.TaskInfo]:
        return sorted(self.tasks.values(), key=lambda t: (t.done, t.due_at, t.id))

    @staticmethod
    def overdue(task: p.TaskInfo, now: float | None = None) -> bool:
        return not task.done and task.due_at < (time.time() if now is None else now)

    def deals_in(self, stage_id: int) -> list[p.DealInfo]:
        found = [d for d in self.deals.values() if d.stage_id == stage_id]
        return sorted(found, key=lambda d: (-d.updated_at, d.id))

    def stage_sum(self, stage_id: int) -> dict[str, int]:
        """The column's total per currency (never added across currencies)."""
        sums: dict[str, int] = {}
        for deal in self.deals_in(stage_id):
            sums[deal.currency] = sums.get(deal.currency, 0) + deal.value_minor
        return sums

    # -------------------------------------------------------------- requests

    def _run(self, coro: Coroutine[Any, Any, Any], name: str) -> None:
        spawn(coro, name)

    async def ask(self, make: Callable[[int], p.Frame]) -> p.Frame | None:
        """One request; a refusal or a lost connection is told through ``problem``."""
        client = self.session.client
        if client is None:
            return None
        try:
            return await client.request(make)
        except RelayError as exc:
            self.problem.emit(failure_text(exc))
        except (ConnectionLost, TimeoutError):
            self.problem.emit(self.tr("No connection to the relay: try again in a moment."))
        return None

    def refresh(self) -> None:
        self._run(self._load_settings(), "crm-settings")
        self.search(self.query)
        self._run(self._load_tasks(), "crm-tasks")

    async def _load_settings(self) -> None:
        answer = await self.ask(lambda i: p.GetCrmSettings(id=i))
        if isinstance(answer, p.CrmSettings):
            self.funnels, self.fields = answer.funnels, answer.fields
            self.clients_visibility = answer.clients_visibility
            if self.funnel() is None:
                self.funnel_id = self.funnels[0].id if self.funnels else None
            self.settings_changed.emit()
            await self._load_deals()

    def set_order(
        self, sort: str, owner_id: int | None = None, tag: str = "", stage_id: int | None = None
    ) -> None:
        """R1: sort by name, newest or recently changed; filter by owner (None: anyone, 0:
        nobody's), tag and funnel stage (clients with a deal there)."""
        self.sort, self.owner_id, self.tag, self.stage_id = sort, owner_id, tag, stage_id
        self.search(self.query)

    def search(self, query: str, more: bool = False) -> None:
        self.query = query
        self._run(self._load_clients(query, self.next_page if more else ""), "crm-clients")

    async def _load_clients(self, query: str, after: str) -> None:
        sort, descending = self.sort, self.sort != "name"  # newest first by date
        owner, tag, stage = self.owner_id, self.tag, self.stage_id
        asked = (query, sort, owner, tag, stage)

        def make(i: int) -> p.Frame:
            return p.ListClients(
                id=i, query=query, after=after, sort=sort,  # type: ignore[arg-type]
                descending=descending, owner_id=owner, tag=tag, stage_id=stage,
            )  # fmt: skip

        answer = await self.ask(make)
        now = (self.query, self.sort, self.owner_id, self.tag, self.stage_id)
        if isinstance(answer, p.ClientPage) and asked == now:
            self.clients = (self.clients if after else []) + answer.clients
            self.next_page = answer.next
            self.clients_changed.emit()

    def find_contacts(self, query: str, after: str = "") -> None:
        """P1: the dialer's contacts, by name (the relay finds name, e-mail, phone digits,
        company), a page at a time (``after``: the ``next`` of the page before); apart from
        Clientes' own list and filters."""
        self._run(self._find_contacts(query, after), "crm-contacts")

    async def _find_contacts(self, query: str, after: str) -> None:
        answer = await self.ask(
            lambda i: p.ListClients(
                id=i, query=query, sort="name", after=after, limit=CONTACTS_PAGE
            )
        )
        if isinstance(answer, p.ClientPage):
            self.contacts_found.emit(query, answer.clients, after, answer.next)

    def open_client(self, client_id: int) -> None:
        self._run(self._load_card(client_id), f"crm-card-{client_id}")

    async def _load_card(self, client_id: int) -> None:
        answer = await self.ask(lambda i: p.GetClient(id=i, client_id=client_id))
        if isinstance(answer, p.ClientCard):
            self.card = answer
            self.client_loaded.emit(answer)

    async def latest_chat(self, client_id: int) -> tuple[int, p.ChatInfo | None] | None:
        """R2: the client's newest chat (None: it has none), with its archive entry when it is
        closed (looked up by the client's visitors), so that it can open in the archive."""
        card = await self.ask(lambda i: p.GetClient(id=i, client_id=client_id))
        if not isinstance(card, p.ClientCard):
            return None
        chat_id = next((e.chat_id for e in card.timeline if e.kind == "chat" and e.chat_id), None)
        if chat_id is None:
            return None
        for visitor_id in card.client.visitor_ids:

            def search(i: int, visitor: str = str(visitor_id)) -> p.Frame:
                return p.SearchArchive(id=i, visitor=visitor, limit=200)

            page = await self.ask(search)
            if isinstance(page, p.ArchivePage):
                found = next((c for c in page.chats if c.id == chat_id), None)
                if found is not None:
                    return chat_id, found
        return chat_id, None

    async def client_for_visitor(self, visitor_id: int) -> p.ClientInfo | None:
        answer = await self.ask(lambda i: p.ClientForVisitor(id=i, visitor_id=visitor_id))
        return answer.client if isinstance(answer, p.ClientSaved) else None

    def save_client(self, client_id: int | None, **fields: Any) -> None:
        self._run(self._save(
            "client", lambda i: p.SaveClient(id=i, client_id=client_id, **fields)
        ), "crm-save-client")  # fmt: skip

    def _merged(self, kind: str, listed: dict[int, Any]) -> dict[int, Any]:
        for record_id, record in self._touched[kind].items():
            if record is None:
                listed.pop(record_id, None)
            else:
                listed[record_id] = record
        return listed

    async def _load_tasks(self) -> None:
        self._touched["task"] = {}
        answer = await self.ask(lambda i: p.ListTasks(id=i))
        if isinstance(answer, p.TaskList):
            self.tasks = self._merged("task", {t.id: t for t in answer.tasks})
            self.tasks_changed.emit()

    def select_funnel(self, funnel_id: int) -> None:
        self.funnel_id = funnel_id
        self._run(self._load_deals(), "crm-deals")

    async def _load_deals(self) -> None:
        funnel_id = self.funnel_id
        if funnel_id is None:
            self.deals = {}
            self.deals_changed.emit()
            return
        self._touched["deal"] = {}
        answer = await self.ask(lambda i: p.ListDeals(id=i, funnel_id=funnel_id))
        if isinstance(answer, p.DealList) and funnel_id == self.funnel_id:
            listed = self._merged("deal", {d.id: d for d in answer.deals})
            self.deals = {i: d for i, d in listed.items() if d.funnel_id == funnel_id}
            self.deals_changed.emit()

    async def _save(self, kind: str, make: Callable[[int], p.Frame]) -> Any:
        answer = await self.ask(make)
        record = getattr(answer, kind, None)
        if record is not None:
            self._apply(record)
            self.saved.emit(kind, record)
        return record

    async def save_task_async(self, **fields: Any) -> p.TaskInfo | None:
        result: p.TaskInfo | None = await self._save("task", lambda i: p.SaveTask(id=i, **fields))
        return result

    def save_task(self, **fields: Any) -> None:
        self._run(self.save_task_async(**fields), "crm-save-task")

    async def save_deal_async(self, **fields: Any) -> p.DealInfo | None:
        result: p.DealInfo | None = await self._save("deal", lambda i: p.SaveDeal(id=i, **fields))
        return result

    def save_deal(self, **fields: Any) -> None:
        self._run(self.save_deal_async(**fields), "crm-save-deal")

    def move_deal(self, deal_id: int, stage_id: int, lost_reason: str = "") -> None:
        deal = self.deals.get(deal_id)
        if deal is None or deal.stage_id == stage_id:
            return
        self._run(self._save(
            "deal", lambda i: p.MoveDeal(
                id=i, deal_id=deal_id, stage_id=stage_id, lost_reason=lost_reason[:500]
            )
        ), f"crm-move-{deal_id}")  # fmt: skip

    def complete_task(self, task_id: int, done: bool = True) -> None:
        self._reminded.discard(task_id)
        self._run(self._save(
            "task", lambda i: p.CompleteTask(id=i, task_id=task_id, done=done)
        ), f"crm-done-{task_id}")  # fmt: skip

    def snooze(self, task_id: int, minutes: int = 10) -> None:
        self._reminded.discard(task_id)
        self._run(self._save(
            "task", lambda i: p.SnoozeTask(id=i, task_id=task_id, minutes=minutes)
        ), f"crm-snooze-{task_id}")  # fmt: skip

    def dismiss(self, task_id: int) -> None:
        self._run(self.ask(lambda i: p.DismissReminder(id=i, task_id=task_id)), "crm-dismiss")

    def admin(self, make: Callable[[int], p.Frame]) -> None:
        """K4: one of the settings' requests (answered with the whole settings)."""
        self._run(self._admin(make), "crm-admin")

    async def _admin(self, make: Callable[[int], p.Frame]) -> None:
        answer = await self.ask(make)
        if isinstance(answer, p.CrmSettings):
            self.funnels, self.fields = answer.funnels, answer.fields
            self.clients_visibility = answer.clients_visibility
            if self.funnel() is None:
                self.funnel_id = self.funnels[0].id if self.funnels else None
            self.settings_changed.emit()

    # -------------------------------------------------------------- pushes

    def _apply(self, record: Any) -> None:
        if isinstance(record, p.TaskInfo):
            self._touched["task"][record.id] = record
            self.tasks[record.id] = record
            self.tasks_changed.emit()
        elif isinstance(record, p.DealInfo):
            self._touched["deal"][record.id] = record
            if record.funnel_id == self.funnel_id:
                self.deals[record.id] = record
            else:
                self.deals.pop(record.id, None)
            self.deals_changed.emit()
        elif isinstance(record, p.ClientInfo):
            for index, known in enumerate(self.clients):
                if known.id == record.id:
                    self.clients[index] = record
                    break
            else:
                self.clients.insert(0, record)
            self.clients_changed.emit()

    def _on_session_signed_in(self, _welcome: object) -> None:
        self.refresh()

    def _on_session_signed_out(self) -> None:
        self.clients, self.tasks, self.deals, self.card = [], {}, {}, None
        self._reminded.clear()
        self.clients_changed.emit()
        self.tasks_changed.emit()
        self.deals_changed.emit()

    def _on_session_frame_received(self, frame: p.Frame) -> None:
        if isinstance(frame, p.TaskDue):
            self._apply(frame.task)
            if frame.task.id not in self._reminded:  # once a sign-in, once a firing
                self._reminded.add(frame.task.id)
                self.reminder_due.emit(frame.task)
        elif isinstance(frame, p.TaskChanged):
            self._apply(frame.task)
        elif isinstance(frame, p.TaskRemoved):
            self._touched["task"][frame.task_id] = None
            self.tasks.pop(frame.task_id, None)
            self.tasks_changed.emit()
        elif isinstance(frame, p.DealChanged):
            self._apply(frame.deal)
        elif isinstance(frame, p.DealRemoved):
            self._touched["deal"][frame.deal_id] = None
            self.deals.pop(frame.deal_id, None)
            self.deals_changed.emit()
        elif isinstance(frame, p.ClientChanged):
            if frame.merged_into is not None:
                self.clients = [c for c in self.clients if c.id != frame.client.id]
                self.clients_changed.emit()
            else:
                self._apply(frame.client)
        elif isinstance(frame, p.CrmSettingsChanged):
            self._run(self._load_settings(), "crm-settings")
