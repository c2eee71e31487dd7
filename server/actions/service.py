"""The agent's in-chat actions on the relay: invite (C7), transfer (C9), leave (C3), block and
unblock (C8), comments (C10), quick phrases (C12) and collision control (C18).

Same rule as :mod:`server.chats.service`: store first (group commit), then answer and push,
every push through the bus. Each frame's handler is declared with its role (``@serves``).

Invitation and transfer time-outs (X4) are the ``expires_at`` of their rows: every node's
timer task waits for the earliest pending one and expires what is due; the expiry is a
compare-and-set on the row's state (``pending`` -> ``expired``), which one node wins, so it
fires once, also when the node that created it is gone. A new row is hinted to the other
nodes on :data:`INVITATION_TIMERS`.

Viewers (C18) are ephemeral: each node counts its own agents' connections viewing each chat and
tells the other nodes which of its agents view a chat whenever that changes, over a
:class:`~server.core.node_state.NodeChannel` (:data:`VIEWERS`); a chat's viewers are the union
over the nodes. The node where a view changed pushes the chat's viewers to its agents; a node
that learns of a change another way (the full state a node sends after its bus reconnected,
or a node's death: the leader) pushes them too.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import msgspec
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.actions import blocks as brepo
from server.actions import phrases as prepo
from server.actions import repo as arepo
from server.chats import reads as chat_reads
from server.chats.routing import MAX_WAIT
from server.chats.service import ChatService
from server.core import bus as topics
from server.core.bus import Bus
from server.core.frames import serves
from server.core.node_state import STATE, NodeChannel
from server.store.db import read
from server.store.schema import agents, chat_invitations
from server.store.writer import GroupWriter, WriterClosed

if TYPE_CHECKING:
    from server.core.connection import Conn
    from server.core.sessions import AgentSession

log = logging.getLogger(__name__)

INVITATION_TIMERS = "timers:invitations"
"""Bus topic, node to node: an invitation row was written (its timers read the next expiry)."""
VIEWERS = "viewers:nodes"
"""Node to node (X4): which of a node's agents view which chats (C18)."""

_encode = msgspec.json.Encoder().encode
_decode_views = msgspec.json.Decoder(dict[int, list[int]]).decode


class ActionService:
    def __init__(
        self,
        engine: AsyncEngine,
        writer: GroupWriter,
        bus: Bus,
        chats: ChatService,
        invitation_timeout: float,
        *,
        same_ip_visitors: Callable[[int, str, int], int] = lambda _site, _ip, _visitor: 0,
        node_id: str = "",
    ) -> None:
        self.engine = engine
        self.same_ip_visitors = same_ip_visitors
        """B5: (site id, IP, visitor id) -> how many other visitors of the site are on that IP."""
        self.writer = writer
        self.bus = bus
        self.chats = chats
        self.invitation_timeout = invitation_timeout
        self._wake = asyncio.Event()
        self._timer: asyncio.Task[None] | None = None
        self.expired = 0
        """Invitations and transfers this node expired (tests: each fires once)."""
        self._stopped = False
        self._tasks: set[asyncio.Task[Any]] = set()
        # C18, on this node: chat -> agent -> how many of its connections view the chat.
        self._viewers: dict[int, dict[int, int]] = defaultdict(dict)
        self._views: dict[Conn, set[int]] = {}
        # X4: the other nodes' viewers: node -> chat -> agents.
        self._remote_viewers: dict[str, dict[int, frozenset[int]]] = {}
        self.viewer_nodes = NodeChannel(
            bus, VIEWERS, node_id=node_id, full_state=self._viewers_state
        )
        """Attached to presence by the relay (never started: this node alone)."""
        self.viewer_nodes.on("views", self._remote_views)
        self.viewer_nodes.on(STATE, self._remote_views_state)
        self.viewer_nodes.on_gone(self._viewers_node_gone)

    # -------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        """Pending invitations survive a restart (and a node's death): the timer reads their
        deadlines from the database."""
        self.bus.subscribe(INVITATION_TIMERS, self._hinted)
        self.bus.on_reconnect(self._wake.set)  # hints may have been lost while it was cut off
        self._timer = asyncio.create_task(self._run_timer(), name="invitation-timer")

    async def stop(self) -> None:
        """Before the writer and the engine close: no timer fires and no task is left reading
        the database afterwards (a read cut off by the engine's disposal never finishes)."""
        self._stopped = True
        self.viewer_nodes.stop()
        self.bus.unsubscribe(INVITATION_TIMERS, self._hinted)
        if self._timer is not None:
            self._timer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._timer
            self._timer = None
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _spawn(self, coro: Any) -> None:
        if self._stopped:
            coro.close()
            return
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _hinted(self, _text: str, _cursor: int | None) -> None:
        self._wake.set()

    async def _run_timer(self) -> None:
        while True:
            self._wake.clear()
            try:
                wait = await self._expire_due()
            except asyncio.CancelledError:
                raise
            except WriterClosed:
                return
            except Exception:
                log.exception("invitation timer failed; retrying")
                wait = 1.0
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), wait)

    async def _expire_due(self) -> float:
        """Expire the due invitations; returns how long to wait for the next one."""
        now = time.time()
        for invitation_id in await read(self.engine, _due_invitations, now):
            await self._expire(invitation_id)
        deadline = await read(self.engine, _next_expiry)
        if deadline is None:
            return MAX_WAIT
        return min(MAX_WAIT, max(0.0, deadline - time.time()))

    async def greet(self, conn: Conn, agent_id: int) -> None:
        """A (re)connecting agent sees the invitations still waiting for its answer."""
        for invitation in await read(self.engine, arepo.invitations_for, agent_id):
            conn.send(p.InvitationOffered(invitation=invitation))

    # -------------------------------------------------------------- C7 / C9

    @serves(p.InviteColleague)
    async def invite(self, s: AgentSession, frame: p.InviteColleague) -> None:
        await self._invite(s, "invite", frame.id, frame.chat_id, frame.agent_id, frame.note)

    @serves(p.TransferChat)
    async def transfer(self, s: AgentSession, frame: p.TransferChat) -> None:
        await self._invite(s, "transfer", frame.id, frame.chat_id, frame.agent_id, frame.note)

    async def _invite(
        self, s: AgentSession, kind: str, request_id: int, chat_id: int, to_agent_id: int, note: str
    ) -> None:
        conn, agent = s.conn, s.agent
        invitation = await self.writer.run(
            arepo.invite(kind, chat_id, agent.id, to_agent_id, note, self.invitation_timeout)
        )
        conn.send(p.Ok(id=request_id))
        self.bus.publish(
            topics.agent_topic(to_agent_id),
            p.encode(p.InvitationOffered(invitation=invitation)),
        )
        self._wake.set()
        self.bus.publish(INVITATION_TIMERS, "")  # the other nodes' timers too

    @serves(p.AnswerInvitation)
    async def answer(self, s: AgentSession, frame: p.AnswerInvitation) -> None:
        conn, agent = s.conn, s.agent
        answer = await self.writer.run(
            arepo.answer_invitation(frame.invitation_id, agent.id, agent.name, frame.accept)
        )
        inv = answer.invitation
        if answer.info is not None:
            conn.send(p.ChatOpened(chat=answer.info, id=frame.id))
        elif answer.outcome in ("expired", "cancelled"):
            conn.error(
                p.FrameRejected("chat_closed", f"the invitation is {answer.outcome}", frame.id)
            )
        else:
            conn.send(p.Ok(id=frame.id))
        self._announce_answer(inv, agent.name, answer.outcome)
        for change in answer.changes:
            self.chats._publish_event(change)
        if answer.info is not None:
            self.bus.publish(topics.AGENTS, p.encode(p.ChatStateChanged(chat=answer.info)))

    def _announce_answer(self, inv: Any, agent_name: str, outcome: str) -> None:
        text = p.encode(
            p.InvitationAnswered(
                invitation_id=inv.id,
                chat_id=inv.chat_id,
                kind=inv.kind,
                agent_id=inv.to_agent_id,
                agent_name=agent_name,
                outcome=outcome,  # type: ignore[arg-type]
            )
        )
        self.bus.publish(topics.agent_topic(inv.from_agent_id), text)
        self.bus.publish(topics.agent_topic(inv.to_agent_id), text)

    async def _expire(self, invitation_id: int) -> None:
        inv = await self.writer.run(arepo.expire_invitation(invitation_id))
        if inv is None:
            return  # answered meanwhile, or expired by another node
        self.expired += 1
        name = await read(self.engine, _agent_name, inv.to_agent_id)
        self._announce_answer(inv, name, "expired")

    # -------------------------------------------------------------- C3 with colleagues

    @serves(p.LeaveChat)
    async def leave(self, s: AgentSession, frame: p.LeaveChat) -> None:
        change = await self.writer.run(arepo.leave_chat(s.agent_id, s.agent.name, frame.chat_id))
        s.conn.send(p.Ok(id=frame.id))
        self.chats._publish_event(change)
        info = await self.chats.chat_info(frame.chat_id)
        if info is not None:
            self.bus.publish(topics.AGENTS, p.encode(p.ChatStateChanged(chat=info)))

    # -------------------------------------------------------------- C8

    @serves(p.BlockClient, fresh_role=True)  # admins may block from any visitor chat
    async def block(self, s: AgentSession, frame: p.BlockClient) -> None:
        block = await self.writer.run(
            brepo.block_client(
                s.agent, frame.chat_id, frame.reason, spam=frame.spam, by_ip=frame.by_ip
            )
        )
        s.conn.send(p.Ok(id=frame.id))
        if block.close is not None:
            self.chats._publish_event(block.close)
            info = await self.chats.chat_info(frame.chat_id)
            if info is not None:
                self.bus.publish(topics.AGENTS, p.encode(p.ChatStateChanged(chat=info)))
        if frame.by_ip and block.ip:
            # B5: the others on that address are told it is their address that is blocked
            # (first, so that the blocked visitor's own notice is the last it gets).
            self.bus.publish(
                topics.visitor_ip_topic(block.site_id, block.ip),
                p.encode(p.VisitorBlocked(by_ip=True)),
            )
        self.bus.publish(topics.visitor_topic(block.visitor_id), p.encode(p.VisitorBlocked()))

    @serves(p.BlockPreview, fresh_role=True)
    async def block_preview(self, s: AgentSession, frame: p.BlockPreview) -> None:
        site_id, visitor_id, ip = await read(
            self.engine, brepo.chat_visitor_ip, s.agent, frame.chat_id
        )
        count = self.same_ip_visitors(site_id, ip, visitor_id) if ip else 0
        s.conn.send(p.BlockPreviewInfo(id=frame.id, ip=ip, same_ip_visitors=count))

    @serves(p.UnblockClient, fresh_role=True)
    async def unblock(self, s: AgentSession, frame: p.UnblockClient) -> None:
        _admin_only(s.agent, frame.id)
        await self.writer.run(brepo.unblock(frame.block_id, s.agent_id))
        s.conn.send(p.Ok(id=frame.id))

    @serves(p.ListBlocked, fresh_role=True)
    async def list_blocked(self, s: AgentSession, frame: p.ListBlocked) -> None:
        _admin_only(s.agent, frame.id)
        clients = await read(self.engine, brepo.blocked_list)
        s.conn.send(p.BlockedList(id=frame.id, clients=clients))

    async def block_kind(self, site_id: int, visitor_id: int, ip: str) -> str | None:
        """C8/B5: "visitor", "ip" (only its address is blocked) or None."""
        return await read(self.engine, brepo.block_kind, site_id, visitor_id, ip)

    # -------------------------------------------------------------- C10

    async def comment(
        self, conn: Conn, frame: p.SendMessage, agent: p.AgentInfo, received: float
    ) -> None:
        if frame.chat_id is None:
            raise p.FrameRejected("invalid", "agents must name the chat", frame.id)
        text = self.chats.check_text(frame)
        change = await self.writer.run(
            arepo.comment(agent.id, agent.name, frame.chat_id, frame.client_msg_id, text)
        )
        self.chats._ack(conn, frame, change)
        if not change.duplicate:
            self.chats._publish_event(change)

    # -------------------------------------------------------------- C12

    @serves(p.ListPhrases)
    async def list_phrases(self, s: AgentSession, frame: p.ListPhrases) -> None:
        phrases = await read(self.engine, prepo.phrases)
        s.conn.send(p.PhraseList(id=frame.id, phrases=phrases))

    @serves(p.SavePhrase)
    async def save_phrase(self, s: AgentSession, frame: p.SavePhrase) -> None:
        phrases = await self.writer.run(
            prepo.save_phrase(s.agent_id, frame.phrase_id, frame.shortcut, frame.text, frame.label)
        )
        self._phrases_changed(s.conn, frame.id, phrases)

    @serves(p.DeletePhrase)
    async def delete_phrase(self, s: AgentSession, frame: p.DeletePhrase) -> None:
        phrases = await self.writer.run(prepo.delete_phrase(frame.phrase_id))
        self._phrases_changed(s.conn, frame.id, phrases)

    def _phrases_changed(self, conn: Conn, request_id: int, phrases: list[p.Phrase]) -> None:
        conn.send(p.PhraseList(id=request_id, phrases=phrases))
        text = p.encode(p.PhrasesChanged(phrases=phrases))
        if len(text.encode()) > p.MAX_PAGE_BYTES:  # issue 12 item 6: too big for one push
            text = p.encode(p.PhrasesChanged(phrases=[], reload=True))
        self.bus.publish(topics.AGENTS, text)

    # -------------------------------------------------------------- C18, team load

    @serves(p.TeamLoad)
    async def team_load(self, s: AgentSession, frame: p.TeamLoad) -> None:
        loads = await read(self.engine, arepo.team_loads)
        s.conn.send(p.TeamLoads(id=frame.id, chats=loads))

    @serves(p.ViewChat, fresh_role=True)  # admins may view any visitor chat
    async def view(self, s: AgentSession, frame: p.ViewChat) -> None:
        conn, agent = s.conn, s.agent
        views = self._views.setdefault(conn, set())
        if frame.viewing == (frame.chat_id in views):
            return
        if frame.viewing:
            await self.chats._visible_chat(frame.chat_id, agent, None)
            views.add(frame.chat_id)
            viewers = self._viewers[frame.chat_id]
            viewers[agent.id] = viewers.get(agent.id, 0) + 1
        else:
            views.discard(frame.chat_id)
            self._unview(frame.chat_id, agent.id)
        self._tell_nodes(frame.chat_id)
        await self._announce_viewers(frame.chat_id)

    def _unview(self, chat_id: int, agent_id: int) -> None:
        viewers = self._viewers.get(chat_id)
        if viewers is None or agent_id not in viewers:
            return
        viewers[agent_id] -= 1
        if viewers[agent_id] <= 0:
            del viewers[agent_id]
        if not viewers:
            del self._viewers[chat_id]

    def forget(self, conn: Conn, agent_id: int) -> None:
        """The agent's connection closed: it views nothing any more."""
        for chat_id in self._views.pop(conn, set()):
            self._unview(chat_id, agent_id)
            self._tell_nodes(chat_id)
            self._spawn(self._announce_viewers(chat_id))

    def viewers(self, chat_id: int) -> list[int]:
        """The agents viewing the chat, on every node."""
        agents = set(self._viewers.get(chat_id, ()))
        for chats in self._remote_viewers.values():
            agents.update(chats.get(chat_id, ()))
        return sorted(agents)

    async def _announce_viewers(self, chat_id: int) -> None:
        members = await read(self.engine, chat_reads.participants, chat_id)
        viewers = self.viewers(chat_id)
        text = p.encode(p.ChatViewers(chat_id=chat_id, agent_ids=viewers))
        for agent_id in sorted(set(members) | set(viewers)):
            self.bus.publish(topics.agent_topic(agent_id), text)

    # -------------------------------------------------------------- C18 on the other nodes

    def _tell_nodes(self, chat_id: int) -> None:
        if self.viewer_nodes.active:
            mine = {chat_id: sorted(self._viewers.get(chat_id, ()))}
            self.viewer_nodes.send("views", _encode(mine).decode())

    def _viewers_state(self) -> str:
        return _encode({c: sorted(v) for c, v in self._viewers.items()}).decode()

    def _remote_views(self, node: str, body: str) -> None:
        """A view changed on ``node`` (which pushed the chat's viewers itself)."""
        self._replace_views(node, _decode_views(body), full=False)

    def _remote_views_state(self, node: str, body: str) -> None:
        """``node``'s every view (it started, or its bus is back): what changed here may have
        been missed by the agents too, and is pushed again."""
        for chat_id in self._replace_views(node, _decode_views(body), full=True):
            self._spawn(self._announce_viewers(chat_id))

    def _viewers_node_gone(self, node: str) -> None:
        chats = self._remote_viewers.pop(node, {})
        if chats and self.viewer_nodes.is_leader():  # one node tells the agents
            for chat_id in chats:
                self._spawn(self._announce_viewers(chat_id))

    def _replace_views(self, node: str, views: dict[int, list[int]], *, full: bool) -> list[int]:
        """Store ``node``'s views (all of them if ``full``); returns the chats whose viewers
        changed."""
        table = self._remote_viewers.setdefault(node, {})
        before = {c: self.viewers(c) for c in (set(table) if full else set()) | set(views)}
        if full:
            table.clear()
        for chat_id, agent_ids in views.items():
            if agent_ids:
                table[chat_id] = frozenset(agent_ids)
            else:
                table.pop(chat_id, None)
        if not table:
            del self._remote_viewers[node]
        return [c for c, was in before.items() if self.viewers(c) != was]


def _admin_only(agent: p.AgentInfo, request_id: int) -> None:
    if agent.role != "admin":
        raise p.FrameRejected("admin_only", "only an admin may do this", request_id)


def _due_invitations(conn: Any, now: float) -> list[int]:
    query = (
        sa.select(chat_invitations.c.id)
        .where(chat_invitations.c.state == "pending", chat_invitations.c.expires_at <= now)
        .order_by(chat_invitations.c.expires_at)
        .limit(100)
    )
    return [int(i) for i in conn.execute(query).scalars()]


def _next_expiry(conn: Any) -> float | None:
    query = sa.select(sa.func.min(chat_invitations.c.expires_at)).where(
        chat_invitations.c.state == "pending"
    )
    value = conn.execute(query).scalar()
    return None if value is None else float(value)


def _agent_name(conn: Any, agent_id: int) -> str:
    found = conn.execute(sa.select(agents.c.name).where(agents.c.id == agent_id)).first()
    return str(found.name) if found else ""
