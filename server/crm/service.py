"""The CRM's frames on the relay (issue 17): clients (R1), tasks and reminders (R2), deals and
funnels (R3) and the CRM settings (K4).

Each handler declares its role next to it (``@serves``): the settings' writes are ``admin``;
the rest any agent, with the role read fresh (``fresh_role``) because what an agent may see
depends on it, and every record checked by :mod:`server.crm.access` inside the read or write
that uses it (refused ``not_found``). Store first, then answer, then push through the bus to
every agent who may see the record (``access``'s audience): a second node changes nothing.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.core import bus as topics
from server.core.bus import Bus
from server.core.frames import serves
from server.crm import access, clients, deals, fields, funnels, intake, merges, search, tasks
from server.crm.reminders import Reminders
from server.crm.timeline import timeline
from server.store.db import read
from server.store.writer import GroupWriter

if TYPE_CHECKING:
    from server.core.connection import Conn
    from server.core.sessions import AgentSession

T = TypeVar("T")
MERGED = "crm_merged"
"""``Connection.info`` key: the clients merged away by the write running now."""


def _merged_away(conn: Connection) -> list[int]:
    return list(conn.info.pop(MERGED, []))


class CrmService:
    def __init__(
        self, engine: AsyncEngine, writer: GroupWriter, bus: Bus, wake_webhooks: Any
    ) -> None:
        self.engine = engine
        self.writer = writer
        self.bus = bus
        self.wake_webhooks = wake_webhooks
        self.reminders = Reminders(engine, writer, bus, self._due)
        self._stopped = False
        self._tasks: set[asyncio.Task[Any]] = set()

    def start(self) -> None:
        self.reminders.start()

    async def stop(self) -> None:
        self._stopped = True
        await self.reminders.stop()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def greet(self, conn: Conn, agent_id: int) -> None:
        """R2: a signing-in agent gets the reminders that fired while it was away."""
        for info in await read(self.engine, tasks.pending_for, agent_id):
            conn.send(p.TaskDue(task=info))

    def visitor_changed(self, visitor_id: int) -> None:
        """R1: a visitor's write made or filled its client (intake, in that write's
        transaction): the agents who may see the client get it now."""
        self._spawn(self._push_visitor_client(visitor_id))

    async def _push_visitor_client(self, visitor_id: int) -> None:
        def query(conn: Connection) -> tuple[p.ClientInfo, access.Audience] | None:
            client_id = clients.client_of_visitor(conn, visitor_id)
            if client_id is None:
                return None
            info = clients.info(conn, client_id)
            return info, access.client_audience(conn, info.owner_id)

        found = await read(self.engine, query)
        if found is not None:
            self._publish(found[1], p.ClientChanged(client=found[0]))

    def _spawn(self, coro: Any) -> None:
        if self._stopped:
            coro.close()
            return
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _publish(self, audience: access.Audience, frame: p.Frame) -> None:
        text = p.encode(frame)
        if audience is None:
            self.bus.publish(topics.AGENTS, text)
        else:
            for agent_id in audience:
                self.bus.publish(topics.agent_topic(agent_id), text)

    def _due(self, info: p.TaskInfo) -> None:
        self.bus.publish(topics.agent_topic(info.assignee_id), p.encode(p.TaskDue(task=info)))
        self.wake_webhooks()

    # -------------------------------------------------------------- clients (R1)

    @serves(p.ListClients, fresh_role=True)
    async def list_clients(self, s: AgentSession, frame: p.ListClients) -> None:
        def query(conn: Connection) -> p.ClientPage:
            ids, after = search.page(conn, s.agent, frame)
            return p.ClientPage(id=frame.id, clients=clients.infos(conn, ids), next=after)

        s.conn.send(await read(self.engine, query))

    @serves(p.GetClient, fresh_role=True)
    async def get_client(self, s: AgentSession, frame: p.GetClient) -> None:
        def query(conn: Connection) -> p.ClientCard:
            live = clients.live_id(conn, frame.client_id)
            if live is None:
                raise p.FrameRejected("not_found", "no such client", frame.id)
            access.check_client(conn, s.agent, live, frame.id)
            info = clients.info(conn, live)
            return p.ClientCard(
                id=frame.id, client=info, timeline=timeline(conn, live, info.visitor_ids)
            )

        s.conn.send(await read(self.engine, query))

    async def _client_write(self, s: AgentSession, request_id: int, change: Any) -> None:
        """Run ``change(conn) -> client id`` and answer and push the client (and the clients a
        merge took away)."""

        def write(conn: Connection) -> tuple[p.ClientInfo, access.Audience, list[Any]]:
            conn.info.pop(MERGED, None)
            client_id = change(conn)
            info = clients.info(conn, client_id)
            gone = [
                (clients.info(conn, i), access.client_audience(conn, info.owner_id))
                for i in _merged_away(conn)
            ]
            return info, access.client_audience(conn, info.owner_id), gone

        info, audience, gone = await self.writer.run(write)
        s.conn.send(p.ClientSaved(id=request_id, client=info))
        for old, old_audience in gone:
            self._publish(old_audience, p.ClientChanged(client=old, merged_into=info.id))
        self._publish(audience, p.ClientChanged(client=info))
        self.wake_webhooks()

    @serves(p.ClientForVisitor, fresh_role=True)
    async def client_for_visitor(self, s: AgentSession, frame: p.ClientForVisitor) -> None:
        def change(conn: Connection) -> int:
            client_id = intake.ensure_for_visitor(conn, frame.visitor_id)
            if client_id is None:
                raise p.FrameRejected("not_found", "no such visitor", frame.id)
            access.check_client(conn, s.agent, client_id, frame.id)
            return client_id

        await self._client_write(s, frame.id, change)

    @serves(p.SaveClient, fresh_role=True)
    async def save_client(self, s: AgentSession, frame: p.SaveClient) -> None:
        agent = s.agent
        values = {
            f: getattr(frame, f).strip() for f in clients.FIELDS if getattr(frame, f) is not None
        }
        owner: int | bool | None = False
        if frame.owner_id is not None:
            owner = frame.owner_id or None
            if agent.role != "admin" and owner not in (None, agent.id):
                raise p.FrameRejected("admin_only", "only an admin assigns to others", frame.id)

        def change(conn: Connection) -> int:
            if frame.client_id is None:
                client_id = clients.create(conn, {}, agent.id)
                if agent.role != "admin" and access.clients_visibility(conn) == "own":
                    clients.update(conn, client_id, {}, agent.id, owner=agent.id)
            else:
                live = clients.live_id(conn, frame.client_id)
                if live is None:
                    raise p.FrameRejected("not_found", "no such client", frame.id)
                access.check_client(conn, agent, live, frame.id)
                client_id = live
            return merges.save(
                conn, client_id, values, agent.id, custom=frame.custom, tags=frame.tags,
                owner=owner, request_id=frame.id,
            )  # fmt: skip

        await self._client_write(s, frame.id, change)

    @serves(p.MergeClients, fresh_role=True)
    async def merge_clients(self, s: AgentSession, frame: p.MergeClients) -> None:
        def change(conn: Connection) -> int:
            for client_id in (frame.into_id, frame.from_id):
                access.check_client(conn, s.agent, client_id, frame.id)
            try:
                merges.merge(conn, frame.into_id, frame.from_id, s.agent_id)
            except p.FrameRejected as exc:
                raise p.FrameRejected(exc.code, exc.message, frame.id) from None
            return frame.into_id

        await self._client_write(s, frame.id, change)

    @serves(p.UnmergeClient, fresh_role=True)
    async def unmerge_client(self, s: AgentSession, frame: p.UnmergeClient) -> None:
        def write(conn: Connection) -> tuple[p.ClientInfo, p.ClientInfo, access.Audience]:
            access.check_client(conn, s.agent, frame.client_id, frame.id)
            back = merges.unmerge(conn, frame.client_id, s.agent_id, frame.id)
            info = clients.info(conn, frame.client_id)
            return clients.info(conn, back), info, access.client_audience(conn, info.owner_id)

        back, info, audience = await self.writer.run(write)
        s.conn.send(p.ClientSaved(id=frame.id, client=back))
        self._publish(audience, p.ClientChanged(client=info))
        self._publish(audience, p.ClientChanged(client=back))

    # -------------------------------------------------------------- tasks (R2, C6)

    @serves(p.ListTasks, fresh_role=True)
    async def list_tasks(self, s: AgentSession, frame: p.ListTasks) -> None:
        found = await read(self.engine, tasks.task_list, s.agent, frame)
        s.conn.send(p.TaskList(id=frame.id, tasks=found))

    async def _task_write(self, s: AgentSession, request_id: int, change: Any) -> None:
        def write(conn: Connection) -> tuple[p.TaskInfo, list[int]]:
            info = change(conn)
            return info, tasks.audience(conn, info)

        info, audience = await self.writer.run(write)
        s.conn.send(p.TaskSaved(id=request_id, task=info))
        self._publish(audience, p.TaskChanged(task=info))
        self.reminders.changed()

    @serves(p.SaveTask, fresh_role=True)
    async def save_task(self, s: AgentSession, frame: p.SaveTask) -> None:
        await self._task_write(s, frame.id, lambda c: tasks.save_task(c, s.agent, frame))

    @serves(p.CompleteTask, fresh_role=True)
    async def complete_task(self, s: AgentSession, frame: p.CompleteTask) -> None:
        await self._task_write(s, frame.id, lambda c: tasks.complete(c, s.agent, frame))

    @serves(p.SnoozeTask, fresh_role=True)
    async def snooze_task(self, s: AgentSession, frame: p.SnoozeTask) -> None:
        await self._task_write(s, frame.id, lambda c: tasks.snooze(c, s.agent, frame))

    @serves(p.DismissReminder, fresh_role=True)
    async def dismiss_reminder(self, s: AgentSession, frame: p.DismissReminder) -> None:
        await self.writer.run(lambda c: tasks.dismiss(c, s.agent, frame.task_id, frame.id))
        s.conn.send(p.Ok(id=frame.id))

    @serves(p.DeleteTask, fresh_role=True)
    async def delete_task(self, s: AgentSession, frame: p.DeleteTask) -> None:
        def write(conn: Connection) -> list[int]:
            info = tasks.delete(conn, s.agent, frame.task_id, frame.id)
            return tasks.audience(conn, info)

        audience = await self.writer.run(write)
        s.conn.send(p.Ok(id=frame.id))
        self._publish(audience, p.TaskRemoved(task_id=frame.task_id))

    # -------------------------------------------------------------- settings (K4)

    def _settings(self, conn: Connection, request_id: int) -> p.CrmSettings:
        return p.CrmSettings(
            id=request_id,
            funnels=funnels.funnel_list(conn),
            fields=fields.field_list(conn),
            clients_visibility=access.clients_visibility(conn),  # type: ignore[arg-type]
        )

    @serves(p.GetCrmSettings)
    async def get_settings(self, s: AgentSession, frame: p.GetCrmSettings) -> None:
        s.conn.send(await read(self.engine, self._settings, frame.id))

    async def _settings_write(self, s: AgentSession, request_id: int, change: Any) -> None:
        def write(conn: Connection) -> p.CrmSettings:
            change(conn)
            return self._settings(conn, request_id)

        answer = await self.writer.run(write)
        s.conn.send(answer)
        self._publish(None, p.CrmSettingsChanged(clients_visibility=answer.clients_visibility))

    @serves(p.SaveFunnel, role="admin")
    async def save_funnel(self, s: AgentSession, frame: p.SaveFunnel) -> None:
        await self._settings_write(s, frame.id, lambda c: funnels.save_funnel(c, frame))

    @serves(p.DeleteFunnel, role="admin")
    async def delete_funnel(self, s: AgentSession, frame: p.DeleteFunnel) -> None:
        await self._settings_write(s, frame.id, lambda c: funnels.delete_funnel(c, frame))

    @serves(p.SaveCustomField, role="admin")
    async def save_field(self, s: AgentSession, frame: p.SaveCustomField) -> None:
        await self._settings_write(s, frame.id, lambda c: fields.save_field(c, frame))

    @serves(p.DeleteCustomField, role="admin")
    async def delete_field(self, s: AgentSession, frame: p.DeleteCustomField) -> None:
        await self._settings_write(
            s, frame.id, lambda c: fields.delete_field(c, frame.field_id, frame.id)
        )

    @serves(p.SetCrmVisibility, role="admin")
    async def set_visibility(self, s: AgentSession, frame: p.SetCrmVisibility) -> None:
        await self._settings_write(
            s, frame.id, lambda c: access.set_clients_visibility(c, frame.clients_visibility)
        )

    # -------------------------------------------------------------- deals (R3, C6)

    @serves(p.ListDeals, fresh_role=True)
    async def list_deals(self, s: AgentSession, frame: p.ListDeals) -> None:
        if frame.funnel_id is None and frame.client_id is None:
            raise p.FrameRejected("invalid", "name a funnel or a client", frame.id)
        found = await read(
            self.engine, deals.deal_list, s.agent, frame.funnel_id, frame.client_id, frame.limit
        )
        s.conn.send(p.DealList(id=frame.id, deals=found))

    async def _deal_write(self, s: AgentSession, request_id: int, deal_id: int | None,
                          change: Any) -> None:  # fmt: skip
        def write(conn: Connection) -> tuple[p.DealInfo, access.Audience, access.Audience]:
            before = None if deal_id is None else deals.deal(conn, deal_id)
            old = None if before is None else deals.audience(conn, before)
            info = change(conn)
            return info, old, deals.audience(conn, info)

        info, old, audience = await self.writer.run(write)
        s.conn.send(p.DealSaved(id=request_id, deal=info))
        self._publish(audience, p.DealChanged(deal=info))
        if old is not None and audience is not None:
            lost = sorted(set(old) - set(audience))
            if lost:  # it moved out of their sight
                self._publish(lost, p.DealRemoved(deal_id=info.id, funnel_id=info.funnel_id))
        self.wake_webhooks()

    @serves(p.SaveDeal, fresh_role=True)
    async def save_deal(self, s: AgentSession, frame: p.SaveDeal) -> None:
        await self._deal_write(
            s, frame.id, frame.deal_id, lambda c: deals.save_deal(c, s.agent, frame)
        )

    @serves(p.MoveDeal, fresh_role=True)
    async def move_deal(self, s: AgentSession, frame: p.MoveDeal) -> None:
        await self._deal_write(
            s, frame.id, frame.deal_id, lambda c: deals.move_deal(c, s.agent, frame)
        )

    @serves(p.DeleteDeal, fresh_role=True)
    async def delete_deal(self, s: AgentSession, frame: p.DeleteDeal) -> None:
        def write(conn: Connection) -> tuple[p.DealInfo, access.Audience]:
            info = deals.delete_deal(conn, s.agent, frame.deal_id, frame.id)
            return info, deals.audience(conn, info)

        info, audience = await self.writer.run(write)
        s.conn.send(p.Ok(id=frame.id))
        self._publish(audience, p.DealRemoved(deal_id=info.id, funnel_id=info.funnel_id))
        self.wake_webhooks()
