"""Callback requests (P2, issue 19): a visitor leaves a number and a time in the widget; the
request is a chat with ``callback_number`` set, routed and offered like any chat (N3: the
toast, the ignore ladder, the archive). One that nobody takes becomes a CRM task for the
client (in the transaction that marks it missed). Every step writes the ``call_event`` webhook
in its own transaction.

A stranger fills the form in: the number is read with ``phonenumbers`` in the site's country
and premium-rate and emergency numbers are refused (never called back); the frames are limited
per visitor and per address (``server.phone.callback_frames``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from server import protocol as p
from server.chats import reads as chat_reads
from server.chats import writes as chat_writes
from server.crm import clients, intake
from server.phone import call_events, numbers
from server.stats import log as stats_log
from server.store.schema import agents, chats, crm_clients, crm_tasks, events, sites, visitors
from server.store.writer import Write

MISSED_MARK = "callback"
"""The text of a missed callback's ``missed`` event: the widget says the call will come (a CRM
task has it) instead of showing the offline form; the app's conversation says so too."""
COUNTRY_OF_LANGUAGE = {"es": "ES", "pt": "BR", "ru": "RU", "en": "US"}
"""The country a site's callback numbers without ``+`` are read in, when it has none set."""
TASK_WORDS = {
    "en": ("Call back {number}", "Preferred time: {time}"),
    "es": ("Devolver la llamada a {number}", "Hora preferida: {time}"),
    "pt": ("Retornar a ligação para {number}", "Horário preferido: {time}"),
    "ru": ("Перезвонить {number}", "Удобное время: {time}"),
}
"""A missed callback's task, in the site's language (the words are data of the task)."""


def site_settings(conn: Connection, site_id: int) -> Any:
    query = sa.select(sites.c.callbacks, sites.c.phone_country, sites.c.language)
    return conn.execute(query.where(sites.c.id == site_id)).first()


def country_of(site: Any) -> str:
    if site.phone_country and numbers.known_country(site.phone_country):
        return str(site.phone_country).upper()
    return COUNTRY_OF_LANGUAGE.get(str(site.language), "US")


def checked_number(text: str, country: str, request_id: int | None) -> str:
    """The E.164 form of a number a visitor typed, or the refusal it gets."""
    found = numbers.check(text, country)
    if found.emergency:
        raise p.FrameRejected("number_refused", "emergency numbers are not called back", request_id)
    if found.premium:
        raise p.FrameRejected(
            "number_refused", "premium-rate numbers are not called back", request_id
        )
    if not found.ok:
        raise p.FrameRejected("invalid_number", "that does not read as a phone number", request_id)
    return found.e164


def _line(number: str, when: str) -> str:
    """The request as the chat's first line (the toast's preview, the archive's text)."""
    return f"{number} · {when}" if when else number


def request(
    visitor_id: int,
    site_id: int,
    number: str,
    when: str,
    request_id: int,
    on_new_chat: Callable[[Connection, int], Any] | None,
    per_hour: int,
) -> Write[chat_writes.ChatChange]:
    """A write: the callback chat, offered through ``on_new_chat`` (the router's first round).
    The visitor's open chat with the same number is answered again (a retried request, never
    stored twice); another open chat is refused with ``chat_open``; more than ``per_hour``
    requests of the visitor in the last hour with ``rate_limited`` (counted here, so every
    node sees the same count)."""

    def write(conn: Connection) -> chat_writes.ChatChange:
        site = site_settings(conn, site_id)
        if site is None or not site.callbacks:  # read again: an admin may just have turned it off
            raise p.FrameRejected(
                "callbacks_off", "this site takes no callback requests", request_id
            )
        open_chat = chat_reads.open_chat_of_visitor(conn, visitor_id)
        if open_chat is not None:
            if open_chat.callback_number == number:
                last = conn.execute(
                    sa.select(events)
                    .where(events.c.chat_id == open_chat.id)
                    .order_by(events.c.seq)
                    .limit(1)
                ).one()
                return chat_writes.ChatChange(
                    chat_reads.event_from_row(last), open_chat, [], duplicate=True
                )
            raise p.FrameRejected(
                "chat_open", "you have a chat open: ask for the call there", request_id
            )
        now = time.time()
        recent = conn.execute(
            sa.select(sa.func.count())
            .select_from(chats)
            .where(
                chats.c.visitor_id == visitor_id,
                chats.c.callback_number.is_not(None),
                chats.c.created_at > now - 3600,
            )
        ).scalar_one()
        if recent >= per_hour:
            raise p.FrameRejected(
                "rate_limited", "too many callback requests: try again later", request_id
            )
        chat_id = conn.execute(
            sa.insert(chats)
            .values(
                site_id=site_id, visitor_id=visitor_id, state="offered", created_at=now,
                callback_number=number, callback_time=when,
            )
            .returning(chats.c.id)
        ).scalar_one()  # fmt: skip
        # The visitor's phone when it gave none (the client panel's Call), and its client's.
        conn.execute(
            sa.update(visitors)
            .where(visitors.c.id == visitor_id, visitors.c.phone == "")
            .values(phone=number)
        )
        intake.ensure_for_visitor(conn, visitor_id, phone=number)  # R1
        text = _line(number, when)
        event, chat = chat_writes.append_event(
            conn, chat_id, kind="message", author="visitor", author_id=visitor_id, text=text,
            chat_values={"preview": text[:200]},
        )  # fmt: skip
        stats_log.chat_started(conn, chat_id, site_id, visitor_id, False)
        call_events.enqueue(conn, chat, "requested")
        route = on_new_chat(conn, chat_id) if on_new_chat is not None else None
        change = chat_writes.ChatChange(
            event, chat, [], new_chat=True, info=chat_reads.chat_info(conn, chat_id)
        )
        change.route = route
        return change

    return write


def _assignee(conn: Connection, client_id: int | None, visitor_id: int | None) -> int | None:
    """Who a missed callback's task goes to: the client's owner, the visitor's assigned agent,
    else the first admin (enabled agents only)."""
    candidates: list[Any] = []
    if client_id is not None:
        candidates.append(
            conn.execute(
                sa.select(crm_clients.c.owner_id).where(crm_clients.c.id == client_id)
            ).scalar()
        )
    if visitor_id is not None:
        candidates.append(
            conn.execute(
                sa.select(visitors.c.assigned_agent_id).where(visitors.c.id == visitor_id)
            ).scalar()
        )
    for agent_id in candidates:
        if agent_id is not None:
            found = conn.execute(sa.select(agents.c.disabled).where(agents.c.id == agent_id))
            row = found.first()
            if row is not None and not row.disabled:
                return int(agent_id)
    admin = conn.execute(
        sa.select(agents.c.id)
        .where(agents.c.role == "admin", agents.c.disabled.is_(False))
        .order_by(agents.c.id)
        .limit(1)
    ).scalar()
    return None if admin is None else int(admin)


def missed(conn: Connection, chat: Any) -> int | None:
    """In the transaction that marks a callback chat missed: its CRM task (due now, with a
    reminder for its assignee) and the ``call_event`` webhook. Returns the task's id."""
    client_id = clients.client_of_visitor(conn, chat.visitor_id) if chat.visitor_id else None
    assignee = _assignee(conn, client_id, chat.visitor_id)
    task_id = None
    if assignee is not None:
        now = time.time()
        language = conn.execute(
            sa.select(sites.c.language).where(sites.c.id == chat.site_id)
        ).scalar()
        title, time_line = TASK_WORDS.get(str(language), TASK_WORDS["en"])
        note = time_line.format(time=chat.callback_time) if chat.callback_time else ""
        task_id = int(
            conn.execute(
                sa.insert(crm_tasks)
                .values(
                    title=title.format(number=chat.callback_number)[:200], note=note, due_at=now,
                    assignee_id=assignee, created_by=assignee, notify=True, client_id=client_id,
                    chat_id=chat.id, remind_at=now, created_at=now, updated_at=now,
                )
                .returning(crm_tasks.c.id)
            ).scalar_one()
        )  # fmt: skip
    call_events.enqueue(conn, chat, "missed", task_id=task_id)
    return task_id
