"""R2/C6: tasks ("Tareas") and their reminders ("Recordatorios").

A task with ``notify`` has a timer row: its ``remind_at`` (indexed). A node fires it by an
UPDATE that clears ``remind_at`` only while it is still set and due (compare-and-set): one node
wins, so a reminder fires once whatever the number of nodes, and a relay that restarts before
the due time finds the row and fires it then. Firing sets ``reminder_pending`` and writes the
``task_due`` webhook in the same transaction; a pending reminder is sent again when its
assignee signs in, until it is dismissed, snoozed or done.
"""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.crm import access, clients, deals
from server.integrations import hooks
from server.store.schema import agents, chats, crm_clients, crm_tasks

PAST_GRACE = 60.0
"""A due time up to this many seconds ago is taken as "now" (a clock a little behind)."""

_SELECT = sa.select(crm_tasks, crm_clients.c.name.label("client_name")).outerjoin(
    crm_clients, crm_clients.c.id == crm_tasks.c.client_id
)


def _info(r: Any) -> p.TaskInfo:
    return p.TaskInfo(
        id=r.id, title=r.title, note=r.note, due_at=r.due_at, assignee_id=r.assignee_id,
        created_by=r.created_by, notify=r.notify, client_id=r.client_id, deal_id=r.deal_id,
        chat_id=r.chat_id, done=r.done, client_name=r.client_name or "", created_at=r.created_at,
    )  # fmt: skip


def task(conn: Connection, task_id: int) -> p.TaskInfo | None:
    row = conn.execute(_SELECT.where(crm_tasks.c.id == task_id)).first()
    return None if row is None else _info(row)


def check_task(conn: Connection, agent: p.AgentInfo, task_id: int, request_id: int) -> p.TaskInfo:
    info = task(conn, task_id)
    if info is None or not access.may_see_task(agent, info.assignee_id, info.created_by):
        raise p.FrameRejected("not_found", "no such task", request_id)
    return info


def task_list(conn: Connection, agent: p.AgentInfo, frame: p.ListTasks) -> list[p.TaskInfo]:
    query = _SELECT
    visible = access.tasks_clause(agent)
    if visible is not None:
        query = query.where(visible)
    if frame.client_id is not None:
        query = query.where(crm_tasks.c.client_id == frame.client_id)
    if not frame.include_done:
        query = query.where(crm_tasks.c.done.is_(False))
    query = query.order_by(crm_tasks.c.done, crm_tasks.c.due_at, crm_tasks.c.id)
    return [_info(r) for r in conn.execute(query.limit(frame.limit))]


def audience(conn: Connection, info: p.TaskInfo) -> list[int]:
    return access.task_audience(conn, info.assignee_id, info.created_by)


def save_task(conn: Connection, agent: p.AgentInfo, frame: p.SaveTask) -> p.TaskInfo:
    now = time.time()
    before = None if frame.task_id is None else check_task(conn, agent, frame.task_id, frame.id)
    due_changed = before is None or before.due_at != frame.due_at
    if due_changed and frame.due_at < now - PAST_GRACE and not frame.allow_past:
        raise p.FrameRejected("due_in_past", "the due time has passed", frame.id)
    assignee = frame.assignee_id or (before.assignee_id if before else agent.id)
    found = conn.execute(sa.select(agents.c.disabled).where(agents.c.id == assignee)).first()
    if found is None or found.disabled:
        raise p.FrameRejected("invalid", "no such agent", frame.id)
    client_id = None
    if frame.client_id is not None:
        client_id = clients.live_id(conn, frame.client_id)
        if client_id is None:
            raise p.FrameRejected("not_found", "no such client", frame.id)
        access.check_client(conn, agent, client_id, frame.id)
    if frame.deal_id is not None:
        deals.check_deal(conn, agent, frame.deal_id, frame.id)
    chat_query = sa.select(chats.c.id).where(chats.c.id == frame.chat_id)
    if frame.chat_id is not None and conn.execute(chat_query).first() is None:
        raise p.FrameRejected("not_found", "no such chat", frame.id)
    values: dict[str, Any] = {
        "title": frame.title, "note": frame.note, "due_at": frame.due_at,
        "assignee_id": assignee, "notify": frame.notify, "client_id": client_id,
        "deal_id": frame.deal_id, "chat_id": frame.chat_id, "updated_at": now,
    }  # fmt: skip
    if due_changed or (before is not None and before.notify != frame.notify):
        values["remind_at"] = frame.due_at if frame.notify else None
        values["reminder_pending"] = False
    if before is None:
        task_id = int(
            conn.execute(
                sa.insert(crm_tasks)
                .values(**values, created_by=agent.id, created_at=now)
                .returning(crm_tasks.c.id)
            ).scalar_one()
        )
    else:
        task_id = before.id
        conn.execute(sa.update(crm_tasks).where(crm_tasks.c.id == task_id).values(**values))
    info = task(conn, task_id)
    assert info is not None
    return info


def complete(conn: Connection, agent: p.AgentInfo, frame: p.CompleteTask) -> p.TaskInfo:
    before = check_task(conn, agent, frame.task_id, frame.id)
    values: dict[str, Any] = {"done": frame.done, "updated_at": time.time()}
    if frame.done:
        values.update(remind_at=None, reminder_pending=False)
    elif before.notify and before.due_at > time.time():
        values["remind_at"] = before.due_at
    conn.execute(sa.update(crm_tasks).where(crm_tasks.c.id == frame.task_id).values(**values))
    info = task(conn, frame.task_id)
    assert info is not None
    return info


def snooze(conn: Connection, agent: p.AgentInfo, frame: p.SnoozeTask) -> p.TaskInfo:
    check_task(conn, agent, frame.task_id, frame.id)
    conn.execute(
        sa.update(crm_tasks)
        .where(crm_tasks.c.id == frame.task_id)
        .values(remind_at=time.time() + frame.minutes * 60, reminder_pending=False,
                updated_at=time.time())
    )  # fmt: skip
    info = task(conn, frame.task_id)
    assert info is not None
    return info


def dismiss(conn: Connection, agent: p.AgentInfo, task_id: int, request_id: int) -> None:
    check_task(conn, agent, task_id, request_id)
    conn.execute(
        sa.update(crm_tasks).where(crm_tasks.c.id == task_id).values(reminder_pending=False)
    )


def delete(conn: Connection, agent: p.AgentInfo, task_id: int, request_id: int) -> p.TaskInfo:
    info = check_task(conn, agent, task_id, request_id)
    conn.execute(sa.delete(crm_tasks).where(crm_tasks.c.id == task_id))
    return info


# ---------------------------------------------------------------- the reminder timer rows


def due_ids(conn: Connection, now: float) -> list[int]:
    query = (
        sa.select(crm_tasks.c.id)
        .where(crm_tasks.c.remind_at.is_not(None), crm_tasks.c.remind_at <= now)
        .order_by(crm_tasks.c.remind_at)
        .limit(100)
    )
    return [int(i) for i in conn.execute(query).scalars()]


def next_due(conn: Connection) -> float | None:
    value = conn.execute(sa.select(sa.func.min(crm_tasks.c.remind_at))).scalar()
    return None if value is None else float(value)


def claim(task_id: int) -> Any:
    """The write that fires one reminder: the TaskInfo when this node won it, else None."""

    def write(conn: Connection) -> p.TaskInfo | None:
        now = time.time()
        won = conn.execute(
            sa.update(crm_tasks)
            .where(
                crm_tasks.c.id == task_id,
                crm_tasks.c.remind_at.is_not(None),
                crm_tasks.c.remind_at <= now,
                crm_tasks.c.done.is_(False),
            )
            .values(remind_at=None, reminder_pending=True)
        )
        if won.rowcount != 1:
            # Done meanwhile (or another node fired it): make sure no timer is left on it.
            conn.execute(
                sa.update(crm_tasks)
                .where(crm_tasks.c.id == task_id, crm_tasks.c.done.is_(True))
                .values(remind_at=None)
            )
            return None
        info = task(conn, task_id)
        assert info is not None
        hooks.enqueue(
            conn,
            "task_due",
            {"task_id": info.id, "title": info.title, "due_at": info.due_at,
             "assignee_id": info.assignee_id, "client_id": info.client_id,
             "deal_id": info.deal_id, "chat_id": info.chat_id},
        )  # fmt: skip
        return info

    return write


def pending_for(conn: Connection, agent_id: int) -> list[p.TaskInfo]:
    query = _SELECT.where(
        crm_tasks.c.assignee_id == agent_id,
        crm_tasks.c.reminder_pending.is_(True),
        crm_tasks.c.done.is_(False),
    ).order_by(crm_tasks.c.due_at)
    return [_info(r) for r in conn.execute(query.limit(50))]
