"""The agent's in-chat actions: invite (C7), transfer (C9), leave (C3), block and unblock (C8),
comments (C10), and who else is viewing or typing in a chat (C18)."""

from __future__ import annotations

import logging
import time
import uuid

from PySide6.QtCore import QObject, Signal

from jivo_desktop.bidi import isolate
from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import ConnectionLost, RelayError
from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.conversations import Message
from jivo_desktop.services.relay_errors import failure_text
from jivo_desktop.services.session import SessionService
from jivo_desktop.services.team import TeamService
from jivo_desktop.tasks import spawn
from server import protocol as p

log = logging.getLogger(__name__)

FAILURES = (RelayError, ConnectionLost, TimeoutError)


class ChatActionsService(QObject):
    """Signals:

    * ``invitation_offered(object)``: a colleague invites me or offers me a transfer
      (:class:`~server.protocol.Invitation`);
    * ``invitation_gone(int)``: that invitation was answered, expired or cancelled;
    * ``collision_changed(int)``: who views or types in that chat changed (C18);
    * ``loads_ready(object)``: agent id -> open chats, for the transfer dialog;
    * ``blocked_ready(object)``: the blocked clients (admins);
    * ``block_preview_ready(int, object)``: chat id, :class:`~server.protocol.BlockPreviewInfo`
      (the visitor's IP and how many others share it, B5);
    * ``info(str)``: something the agent should read (a declined transfer...).
    """

    invitation_offered = Signal(object)
    invitation_gone = Signal(int)
    collision_changed = Signal(int)
    loads_ready = Signal(object)
    blocked_ready = Signal(object)
    block_preview_ready = Signal(int, object)
    info = Signal(str)

    def __init__(self, session: SessionService, chats: ChatsService, team: TeamService) -> None:
        super().__init__()
        self.session = session
        self.chats = chats
        self.team = team
        self.invitations: dict[int, p.Invitation] = {}
        self.viewers: dict[int, list[int]] = {}
        self.typing_agents: dict[int, set[int]] = {}
        self._viewing = 0
        session.frame_received.connect(self._on_session_frame_received)
        session.signed_in.connect(self._on_session_signed_in)
        session.signed_out.connect(self._on_session_signed_out)
        chats.current_changed.connect(self._on_chats_current_changed)

    @property
    def is_admin(self) -> bool:
        agent = self.session.agent
        return agent is not None and agent.role == "admin"

    def _client(self) -> AgentClient | None:
        return self.session.client

    def _run(self, coro: object, name: str, failed: str) -> None:
        async def run() -> None:
            try:
                await coro  # type: ignore[misc]
            except FAILURES as exc:
                self.chats.problem.emit(failed.format(failure_text(exc)))

        spawn(run(), name)

    # -------------------------------------------------------------- C7 / C9

    def invite(self, chat_id: int, agent_id: int) -> None:
        client = self._client()
        if client is None:
            return
        self._run(
            client.invite(chat_id, agent_id),
            f"invite-{chat_id}",
            self.tr("The colleague could not be invited: {0}"),
        )
        self.info.emit(
            self.tr("{0} is invited; you stay in the chat.").format(self.team.name_of(agent_id))
        )

    def transfer(self, chat_id: int, agent_id: int, note: str) -> None:
        client = self._client()
        if client is None:
            return
        self._run(
            client.transfer(chat_id, agent_id, note.strip()),
            f"transfer-{chat_id}",
            self.tr("The chat could not be transferred: {0}"),
        )
        self.info.emit(
            self.tr("Waiting for {0} to accept the chat; it stays yours until then.").format(
                self.team.name_of(agent_id)
            )
        )

    def answer(self, invitation_id: int, accept: bool) -> None:
        spawn(self._answer(invitation_id, accept), f"answer-{invitation_id}")

    async def _answer(self, invitation_id: int, accept: bool) -> None:
        client = self._client()
        self.invitations.pop(invitation_id, None)
        self.invitation_gone.emit(invitation_id)
        if client is None:
            return
        try:
            info = await client.answer_invitation(invitation_id, accept)
        except FAILURES as exc:
            self.chats.problem.emit(
                self.tr("The invitation could not be answered: {0}").format(failure_text(exc))
            )
            return
        if info is not None:
            self.chats._add_direct(info)  # any chat that is mine now joins the list
            self.chats.select(info.id)

    # -------------------------------------------------------------- C3 / C8

    def leave(self, chat_id: int) -> None:
        """C3: leave the chat (colleagues still in it carry on; the last one closes it)."""
        spawn(self._leave(chat_id), f"leave-{chat_id}")

    async def _leave(self, chat_id: int) -> None:
        client = self._client()
        if client is None:
            return
        try:
            await client.leave_chat(chat_id)
        except RelayError as exc:
            if exc.code not in ("chat_closed", "not_in_chat"):
                self.chats.problem.emit(
                    self.tr("You could not leave the chat: {0}").format(failure_text(exc))
                )
                return
        except (ConnectionLost, TimeoutError):
            self.chats.problem.emit(self.tr("No connection to the relay: try again in a moment."))
            return
        self.chats._remove(chat_id)

    def block(
        self, chat_id: int, reason: str = "", *, spam: bool = False, by_ip: bool = False
    ) -> None:
        """C8: block the visitor ("Bloquear al cliente", or ``spam``: "Bloquear o Spam") with
        the reason the blocked list shows, and close the chat. B5: its IP address too only
        with ``by_ip`` (other visitors there would be blocked with it)."""
        client = self._client()
        if client is not None:
            self._run(
                client.block(chat_id, reason.strip(), spam=spam, by_ip=by_ip),
                f"block-{chat_id}",
                self.tr("The client could not be blocked: {0}"),
            )

    def preview_block(self, chat_id: int) -> None:
        """B5: ask the relay how many live visitors share the chat visitor's IP address."""
        client = self._client()
        if client is None:
            return

        async def run() -> None:
            try:
                info = await client.block_preview(chat_id)
            except FAILURES:
                return  # the dialog then says nothing about the address
            self.block_preview_ready.emit(chat_id, info)

        spawn(run(), f"block-preview-{chat_id}")

    def refresh_blocked(self) -> None:
        spawn(self._refresh_blocked(), "blocked")

    async def _refresh_blocked(self) -> None:
        client = self._client()
        if client is None:
            return
        try:
            self.blocked_ready.emit(await client.blocked())
        except FAILURES as exc:
            self.chats.problem.emit(
                self.tr("The blocked clients could not be listed: {0}").format(failure_text(exc))
            )

    def unblock(self, block_id: int) -> None:
        spawn(self._unblock(block_id), f"unblock-{block_id}")

    async def _unblock(self, block_id: int) -> None:
        client = self._client()
        if client is None:
            return
        try:
            await client.unblock(block_id)
        except FAILURES as exc:
            self.chats.problem.emit(
                self.tr("The client could not be unblocked: {0}").format(failure_text(exc))
            )
        await self._refresh_blocked()

    def refresh_loads(self) -> None:
        spawn(self._refresh_loads(), "team-loads")

    async def _refresh_loads(self) -> None:
        client = self._client()
        if client is None:
            return
        try:
            self.loads_ready.emit(await client.team_loads())
        except FAILURES:
            self.loads_ready.emit({})

    # -------------------------------------------------------------- C10

    def comment(self, chat_id: int, text: str) -> None:
        """An internal note only agents see. It is shown at once as "sending" and delivered
        through the client's outbox (kept across reconnects)."""
        text = text.strip()
        chat = self.chats.chat(chat_id)
        client = self._client()
        if not text or chat is None or client is None:
            return
        cmid = uuid.uuid4().hex
        agent = self.session.agent
        self.chats._append(
            chat,
            [
                Message(
                    kind="comment",
                    author="agent",
                    author_name=agent.name if agent else "",
                    text=text,
                    ts=time.time(),
                    mine=True,
                    client_msg_id=cmid,
                    state="sending",
                )
            ],
        )
        spawn(self._comment(chat_id, text, cmid), f"comment-{cmid}")

    async def _comment(self, chat_id: int, text: str, cmid: str) -> None:
        client = self._client()
        if client is None:
            return
        try:
            ack = await client.send_message(chat_id, text, cmid, comment=True)
        except RelayError as exc:
            self.chats._set_state(chat_id, cmid, "failed")
            self.chats.problem.emit(
                self.tr("The comment was not saved: {0}").format(failure_text(exc))
            )
            return
        self.chats._set_state(chat_id, cmid, "sent", ack.cursor, ack.seq)

    # -------------------------------------------------------------- C18

    def collision_text(self, chat_id: int) -> str:
        """ "Boss is viewing · Eve is typing…" for the colleagues in this chat (not me)."""
        me = self.chats.me
        typing = [a for a in sorted(self.typing_agents.get(chat_id, ())) if a != me]
        viewing = [a for a in self.viewers.get(chat_id, []) if a != me and a not in typing]
        parts = [self.tr("{0} is viewing").format(self._name(a)) for a in viewing] + [
            self.tr("{0} is typing…").format(self._name(a)) for a in typing
        ]
        return " · ".join(parts)

    def _name(self, agent_id: int) -> str:
        return isolate(self.team.name_of(agent_id)) or "?"

    def _on_chats_current_changed(self, chat_id: int) -> None:
        self._send_viewing(chat_id)

    def _send_viewing(self, chat_id: int) -> None:
        client = self._client()
        previous, self._viewing = self._viewing, chat_id
        if client is None:
            return
        if previous and previous != chat_id:
            spawn(client.view_chat(previous, False), "view")
        if chat_id:
            spawn(client.view_chat(chat_id, True), "view")

    # -------------------------------------------------------------- relay frames

    def _on_session_signed_in(self, _welcome: object) -> None:
        # A new connection views nothing yet on the relay: say again what is open here.
        if self.chats.current:
            self._viewing = 0
            self._send_viewing(self.chats.current)

    def _on_session_signed_out(self) -> None:
        for invitation_id in list(self.invitations):
            self.invitation_gone.emit(invitation_id)
        self.invitations.clear()
        self.viewers.clear()
        self.typing_agents.clear()
        self._viewing = 0

    def _on_session_frame_received(self, frame: p.Frame) -> None:
        match frame:
            case p.InvitationOffered():
                inv = frame.invitation
                self.invitations[inv.id] = inv
                self.invitation_offered.emit(inv)
            case p.InvitationAnswered():
                self._answered(frame)
            case p.ChatViewers():
                self.viewers[frame.chat_id] = list(frame.agent_ids)
                self.collision_changed.emit(frame.chat_id)
            case p.TypingChanged() if frame.who == "agent" and frame.agent_id is not None:
                agents = self.typing_agents.setdefault(frame.chat_id, set())
                if frame.active:
                    agents.add(frame.agent_id)
                else:
                    agents.discard(frame.agent_id)
                self.collision_changed.emit(frame.chat_id)
            case p.EventPush() if frame.event.kind == "message" and frame.event.author == "agent":
                typing = self.typing_agents.get(frame.event.chat_id)
                if typing and frame.event.author_id in typing:
                    typing.discard(frame.event.author_id)
                    self.collision_changed.emit(frame.event.chat_id)

    def _answered(self, frame: p.InvitationAnswered) -> None:
        if frame.invitation_id in self.invitations:  # it was offered to me
            del self.invitations[frame.invitation_id]
            self.invitation_gone.emit(frame.invitation_id)
            if frame.outcome == "expired":
                self.info.emit(self.tr("An invitation to a chat timed out."))
            return
        name = isolate(frame.agent_name)
        texts = {
            ("transfer", "accepted"): self.tr("{0} accepted the chat."),
            ("transfer", "declined"): self.tr("{0} declined the transfer; the chat stays yours."),
            ("transfer", "expired"): self.tr(
                "{0} did not answer the transfer in time; the chat stays yours."
            ),
            ("invite", "accepted"): self.tr("{0} joined the chat."),
            ("invite", "declined"): self.tr("{0} declined the invitation."),
            ("invite", "expired"): self.tr("{0} did not answer the invitation in time."),
        }
        text = texts.get((frame.kind, frame.outcome))
        if text:
            self.info.emit(text.format(name))
