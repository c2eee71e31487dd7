"""Who is on the sites now (V1): one live row per visitor, pushed to watching agents in batches.

The relay calls :meth:`VisitorTracker.arrive` when a visitor's socket says hello,
:meth:`page_view`, :meth:`hidden`, :meth:`contact` as frames come, and :meth:`depart` when the
socket closes. A visitor with several tabs has several sockets; one who closes the last tab stays
listed for ``linger`` seconds, so that following a link on a multi-page site (a new socket a
moment later) does not read as leaving and coming back.

Changes are coalesced: the rows that changed go out in one ``visitors_delta`` at most every
``push_interval`` seconds, so 2,000 visitors browsing cost the agents a few frames a second, not
one per page view. Chat states come from the chat frames on the bus (offered, taken, closed).

A visit ends after ``visit_timeout`` idle seconds (30 minutes, as web analytics count): the next
hello starts a new visit, counted in ``visits``, with its own source.

Several nodes (X4): ``live`` holds the visitors whose sockets are on this node. Each node sends
the other nodes its own rows' changes (``delta``, coalesced by the same :meth:`flush`) and its
full list when asked, tagged with its id, over a :class:`~server.core.node_state.NodeChannel`;
each node merges the others' into ``_remote`` (node -> visitor -> row). A visitor is listed
while any node holds it; a node found gone (presence) takes its rows out of the list. What this
node's watchers see (their topic is this node's own: :func:`watchers_topic`) is the merged
list, so a visitor with tabs on two nodes leaves only when the last one closes.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import msgspec

from server import protocol as p
from server.core import bus as topics
from server.core.bus import OFFERS, ROUTED, Bus
from server.core.node_state import STATE, NodeChannel
from server.visitors.geo import GeoLocator, city_names_of
from server.visitors.visit_source import browser_and_os, classify

WATCHERS = "visitors_watch"
NODES = "visitors:nodes"
"""Node to node: each node's own visitors (X4)."""

_chat_frames: Any = msgspec.json.Decoder(p.ChatOffered | p.ChatTaken | p.ChatStateChanged)


def watchers_topic(node_id: str) -> str:
    """Bus topic of this node's agent connections that asked for ``visitors_delta`` pushes:
    each node pushes its watchers the merged list, so the topic is the node's own."""
    return f"{WATCHERS}:{node_id}" if node_id else WATCHERS


class _Delta(msgspec.Struct, omit_defaults=True):
    updated: list[p.VisitorInfo] = []
    gone: list[int] = []


_encode = msgspec.json.Encoder().encode
_decode_delta = msgspec.json.Decoder(_Delta).decode


@dataclass(slots=True)
class Live:
    info: p.VisitorInfo
    conns: int = 0
    page_since: float = 0.0
    """When the current page was opened (V3: time on the page)."""
    linger: asyncio.TimerHandle | None = None
    closed_invitations: set[int] = field(default_factory=set)
    """V3: rules whose invitation the visitor closed in this visit."""
    shown_rules: set[int] = field(default_factory=set)
    last_rule: int | None = None
    """S1: the rule whose invitation was shown last in this visit (its reply counts as an
    answered invitation)."""
    invited_by: tuple[int, str, str] | None = None
    """V2: the agent (id, name) whose invitation (its text, B7) waits for the visitor's reply."""
    rule_timer: asyncio.TimerHandle | None = None
    hidden_conns: set[int] = field(default_factory=set)
    """B3: the visitor's sockets whose page is in a background tab. The row reads hidden only
    while every open socket is: a page left for another says "hidden" as it goes, and that
    can arrive after the new page's hello."""


@dataclass(slots=True)
class VisitStart:
    """What the relay stores on hello (the visitors row's visit columns)."""

    values: dict[str, Any]
    new_visit: bool


class VisitorTracker:
    def __init__(
        self,
        bus: Bus,
        geo: GeoLocator,
        *,
        push_interval: float = 0.5,
        linger: float = 10.0,
        visit_timeout: float = 1800.0,
        node_id: str = "",
    ) -> None:
        self.bus = bus
        self.geo = geo
        self.push_interval = push_interval
        self.linger = linger
        self.visit_timeout = visit_timeout
        self.live: dict[int, Live] = {}
        """The visitors whose sockets are on this node."""
        self._remote: dict[str, dict[int, p.VisitorInfo]] = {}
        """X4: the other nodes' visitors, per node."""
        self._holders: dict[int, set[str]] = {}
        """X4: visitor -> the other nodes that hold it."""
        self._chat_visitor: dict[int, int] = {}
        self._dirty: set[int] = set()
        self._gone: set[int] = set()
        self._seen: set[int] = set()
        """Visitors whose merged row another node's message changed (for the watchers)."""
        self.watch_topic = watchers_topic(node_id)
        self.nodes = NodeChannel(bus, NODES, node_id=node_id, full_state=self._full_state)
        """X4: attached to presence by the relay (never started: this node alone)."""
        self.nodes.on("delta", self._remote_delta)
        self.nodes.on(STATE, self._remote_state)
        self.nodes.on_gone(self._node_gone)
        self._flush: asyncio.TimerHandle | None = None
        self.on_page: list[Callable[[Live], None]] = []
        """Hooks run after a page view (V3 rules)."""
        self.on_leave: list[Callable[[Live], None]] = []
        for topic in (OFFERS, ROUTED, topics.AGENTS):
            bus.subscribe(topic, self._on_chat_frame)

    def load(self) -> None:
        """The IP databases and the user-agent rules, loaded before the first visitor (it
        blocks: run it in a thread)."""
        self.geo.load()
        browser_and_os("Mozilla/5.0")

    def close(self) -> None:
        self.nodes.stop()
        for topic in (OFFERS, ROUTED, topics.AGENTS):
            self.bus.unsubscribe(topic, self._on_chat_frame)
        if self._flush is not None:
            self._flush.cancel()
        for live in self.live.values():
            for handle in (live.linger, live.rule_timer):
                if handle is not None:
                    handle.cancel()

    # -------------------------------------------------------------- visitor events

    def arrive(
        self,
        row: Any,
        *,
        site_name: str,
        ip: str,
        user_agent: str,
        chat: p.ChatInfo | None,
        page: tuple[str, str] = ("", ""),
    ) -> VisitStart:
        """A socket of visitor ``row`` (the visitors row, new or found) said hello from
        ``page`` (URL, title). Returns the columns to store (one write per hello)."""
        now = time.time()
        page_url, page_title = page if page[0] else (row.page_url, row.page_title)
        live = self.live.get(row.id)
        if live is not None:  # another tab, or back within the linger time
            if live.linger is not None:
                live.linger.cancel()
                live.linger = None
            live.conns += 1
            live.info.online = True
            self._update_hidden(live)  # B3: the new page is in front
            self._changed(row.id)
            return VisitStart(
                {"last_seen_at": now, "ip": ip, "page_url": page_url, "page_title": page_title},
                new_visit=False,
            )
        new_visit = (not row.session_started_at) or now - row.last_seen_at > self.visit_timeout
        where = self.geo.lookup(ip)
        browser, os_name = browser_and_os(user_agent)
        values: dict[str, Any] = {
            "ip": ip,
            "browser": browser,
            "os": os_name,
            "country": where.country,
            "country_code": where.country_code,
            "city": where.city,
            "city_names": json.dumps(where.city_names, ensure_ascii=False)
            if where.city_names
            else "",
            "isp": where.isp,
            "last_seen_at": now,
            "page_url": page_url,
            "page_title": page_title,
        }
        if new_visit:
            # A visitor made just now has visits=1 already (server default).
            visits = (row.visits or 0) + 1 if row.session_started_at else max(row.visits or 1, 1)
            values.update(
                visits=visits,
                session_started_at=now,
                session_pages=0,
                source="",
                source_detail="",
                referrer="",
                utm_source="",
                utm_medium="",
                utm_campaign="",
            )
        merged = {**_row_values(row), **values}
        utm = None
        if merged["utm_source"] or merged["utm_medium"] or merged["utm_campaign"]:
            utm = p.Utm(
                source=merged["utm_source"],
                medium=merged["utm_medium"],
                campaign=merged["utm_campaign"],
            )
        info = p.VisitorInfo(
            id=row.id,
            name=row.name,
            email=row.email,
            phone=row.phone,
            city=merged["city"],
            city_names=city_names_of(merged["city_names"]),
            country=merged["country"],
            page_url=page_url,
            page_title=page_title,
            site_id=row.site_id,
            site_name=site_name,
            visits=merged["visits"],
            session_pages=merged["session_pages"],
            session_started=merged["session_started_at"],
            source=merged["source"],
            source_detail=merged["source_detail"],
            referrer=merged["referrer"],
            utm=utm,
            browser=browser,
            os=os_name,
            ip=ip,
            isp=where.isp,
            country_code=where.country_code,
            online=True,
        )
        if chat is not None:
            info.chat_state = chat.state
            info.chat_agent = chat.agent_name
            self._chat_visitor[chat.id] = row.id
        self.live[row.id] = Live(info, conns=1, page_since=now)
        self._changed(row.id)
        return VisitStart(values, new_visit)

    def page_view(self, visitor_id: int, view: p.PageView) -> dict[str, Any]:
        """A page view; returns the visit columns to store with it."""
        live = self.live.get(visitor_id)
        if live is None:
            return {}
        info = live.info
        first = info.session_pages == 0
        info.session_pages += 1
        info.page_url = view.url
        info.page_title = view.title
        live.page_since = time.time()
        values: dict[str, Any] = {"session_pages": info.session_pages}
        if first or not info.source:
            found = classify(view.url, view.referrer, view.utm)
            source, detail = found if found is not None else ("direct", "")
            has_utm = bool(view.utm.source or view.utm.medium or view.utm.campaign)
            info.source, info.source_detail = source, detail
            info.referrer = view.referrer if found is not None else ""
            info.utm = view.utm if has_utm else None
            values.update(
                source=source,
                source_detail=detail[:200],
                referrer=info.referrer,
                utm_source=view.utm.source,
                utm_medium=view.utm.medium,
                utm_campaign=view.utm.campaign,
            )
        self._changed(visitor_id)
        for hook in self.on_page:
            hook(live)
        return values

    def hidden(self, visitor_id: int, hidden: bool, conn_key: int = 0) -> None:
        """The page of socket ``conn_key`` went to a background tab (or came back)."""
        live = self.live.get(visitor_id)
        if live is None:
            return
        if hidden:
            live.hidden_conns.add(conn_key)
        else:
            live.hidden_conns.discard(conn_key)
        self._update_hidden(live)

    def _update_hidden(self, live: Live) -> None:
        hidden = bool(live.hidden_conns) and len(live.hidden_conns) >= live.conns
        if live.info.hidden != hidden:
            live.info.hidden = hidden
            self._changed(live.info.id)

    def contact(self, visitor_id: int, name: str, email: str, phone: str) -> None:
        live = self.live.get(visitor_id)
        if live is not None:
            live.info.name, live.info.email, live.info.phone = name, email, phone
            self._changed(visitor_id)

    def depart(self, visitor_id: int, conn_key: int = 0) -> None:
        """A socket of the visitor closed."""
        live = self.live.get(visitor_id)
        if live is None:
            return
        live.conns -= 1
        live.hidden_conns.discard(conn_key)
        if live.conns > 0:
            self._update_hidden(live)
            return
        if live.rule_timer is not None:
            live.rule_timer.cancel()
            live.rule_timer = None
        loop = asyncio.get_running_loop()
        live.linger = loop.call_later(self.linger, self._forget, visitor_id)

    def _forget(self, visitor_id: int) -> None:
        live = self.live.get(visitor_id)
        if live is None or live.conns > 0:
            return
        del self.live[visitor_id]
        for hook in self.on_leave:
            hook(live)
        self._dirty.discard(visitor_id)
        self._gone.add(visitor_id)
        self._schedule()

    # -------------------------------------------------------------- chat states

    def _on_chat_frame(self, text: str, _cursor: int | None = None) -> None:
        if not text.startswith(('{"type":"chat_offered"', '{"type":"chat_t', '{"type":"chat_s')):
            return
        try:
            frame = _chat_frames.decode(text)
        except msgspec.ValidationError:
            return
        if isinstance(frame, p.ChatTaken):
            visitor_id = self._chat_visitor.get(frame.chat_id)
            self._set_chat(visitor_id, "active", frame.agent_name)
            return
        chat = frame.chat
        if chat.visitor is None:
            return
        self._chat_visitor[chat.id] = chat.visitor.id
        if chat.state in ("offered", "active"):
            self._set_chat(chat.visitor.id, chat.state, chat.agent_name)
        else:
            self._chat_visitor.pop(chat.id, None)
            self._set_chat(chat.visitor.id, "", "")

    def _set_chat(self, visitor_id: int | None, state: str, agent: str) -> None:
        live = self.live.get(visitor_id) if visitor_id is not None else None
        if live is None:
            return
        live.info.chat_state, live.info.chat_agent = state, agent
        if state:
            live.invited_by = None
        self._changed(live.info.id)

    # -------------------------------------------------------------- pushing to agents

    def _changed(self, visitor_id: int) -> None:
        self._dirty.add(visitor_id)
        self._gone.discard(visitor_id)
        self._schedule()

    def _schedule(self) -> None:
        if self._flush is None:
            loop = asyncio.get_running_loop()
            self._flush = loop.call_later(self.push_interval, self.flush)

    def flush(self) -> None:
        self._flush = None
        dirty, self._dirty = self._dirty, set()
        gone, self._gone = self._gone, set()
        seen, self._seen = self._seen, set()
        now = time.time()
        if self.nodes.active and (dirty or gone):
            mine = [self.live[i].info for i in dirty if i in self.live]
            self.nodes.send("delta", _encode(_Delta(updated=mine, gone=sorted(gone))).decode())
        if not self.bus_has_watchers():
            return
        if seen or self._holders:  # X4: merged with the other nodes' rows
            changed = dirty | gone | seen
            rows = [r for r in map(self.info, changed) if r is not None]
            gone = {i for i in changed if self.info(i) is None}
        else:  # this node alone
            rows = [self.live[i].info for i in dirty if i in self.live]
        delta = p.VisitorsDelta(updated=rows, gone=sorted(gone), now=now)
        for part in p.split_answer(delta):  # issue 12 item 6: each part fits a client
            self.bus.publish(self.watch_topic, p.encode(part))

    def bus_has_watchers(self) -> bool:
        count = getattr(self.bus, "subscribers", None)
        return count is None or count(self.watch_topic) > 0

    def info(self, visitor_id: int) -> p.VisitorInfo | None:
        """The visitor's row as every node sees it (this node's own, if it holds it)."""
        live = self.live.get(visitor_id)
        if live is not None:
            return live.info
        for node in self._holders.get(visitor_id, ()):
            return self._remote[node][visitor_id]
        return None

    def held_elsewhere(self, visitor_id: int) -> bool:
        """X4: another node has a socket of the visitor (or had, within its linger)."""
        return visitor_id in self._holders

    def _everyone(self) -> list[p.VisitorInfo]:
        rows = [live.info for live in self.live.values()]
        for visitor_id in self._holders.keys() - self.live.keys():
            info = self.info(visitor_id)
            if info is not None:
                rows.append(info)
        return rows

    def same_ip_visitors(self, site_id: int, ip: str, visitor_id: int) -> int:
        """B5: other visitors of the site on ``ip`` now (on every node)."""
        return sum(
            1
            for info in self._everyone()
            if info.id != visitor_id and info.online and info.ip == ip and info.site_id == site_id
        )

    def snapshot(self) -> list[p.VisitorsDelta]:
        """Every visitor now, as the frames a new watcher gets (the first with ``reset``)."""
        now = time.time()
        frames = p.split_answer(p.VisitorsDelta(updated=self._everyone(), now=now, snapshot=True))
        frames[0].reset = True
        return frames

    # -------------------------------------------------------------- the other nodes (X4)

    def _full_state(self) -> str:
        return _encode(_Delta(updated=[live.info for live in self.live.values()])).decode()

    def _remote_delta(self, node: str, body: str) -> None:
        delta = _decode_delta(body)
        rows = self._remote.setdefault(node, {})
        for info in delta.updated:
            rows[info.id] = info
            self._holders.setdefault(info.id, set()).add(node)
        for visitor_id in delta.gone:
            if rows.pop(visitor_id, None) is not None:
                self._unhold(visitor_id, node)
        self._remotely_changed([i.id for i in delta.updated] + delta.gone)

    def _remote_state(self, node: str, body: str) -> None:
        before = self._remote.pop(node, {})
        for visitor_id in before:
            self._unhold(visitor_id, node)
        self._remote_delta(node, body)
        self._remotely_changed(before)

    def _node_gone(self, node: str) -> None:
        rows = self._remote.pop(node, {})
        for visitor_id in rows:
            self._unhold(visitor_id, node)
        self._remotely_changed(rows)

    def _unhold(self, visitor_id: int, node: str) -> None:
        holders = self._holders.get(visitor_id)
        if holders is not None:
            holders.discard(node)
            if not holders:
                del self._holders[visitor_id]

    def _remotely_changed(self, visitor_ids: Any) -> None:
        if visitor_ids:
            self._seen.update(visitor_ids)
            self._schedule()


_ROW_FIELDS = (
    "visits",
    "session_started_at",
    "session_pages",
    "source",
    "source_detail",
    "referrer",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "city",
    "city_names",
    "country",
)


def _row_values(row: Any) -> dict[str, Any]:
    return {name: getattr(row, name) for name in _ROW_FIELDS}
