"""The channels' service: the admin frames (Ajustes → Canales), the inbound polls and the
outbox dispatcher.

Both loops are timers held in the database: a poll is due at its channel's ``poll_at`` and an
outbox row at its ``next_at``; a node takes either by moving a lease in one UPDATE that only
one node can win, so two relay nodes never poll one mailbox nor send one reply at the same
time, and a node that dies mid-way leaves a lease that expires and another node takes over.

A reply is sent once: its outbox row carries an idempotency key, fixed when the agent's message
was stored, that every attempt sends again (e-mail: as the Message-ID, so the client's mail
client shows a resend after a crash as the same mail); a reply is retried with doubling backoff
and marked failed after ``MAX_ATTEMPTS``, its error shown as the channel's last error.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import time
import urllib.parse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncEngine

from server import protocol as p
from server.channels import imap_idle, reach, repo, sms, statuses, telegram, whatsapp
from server.channels import retention as channel_retention
from server.channels.adapter import Adapter, ChannelFailed
from server.channels.email import EmailAdapter
from server.channels.telegram import TelegramAdapter
from server.channels.whatsapp import WhatsAppAdapter, parse, signature_ok, verify
from server.chats import ladder
from server.core import bus as topics
from server.core.executors import CHANNELS, Saturated
from server.core.frames import serves
from server.store.db import read
from server.store.writer import GroupWriter

if TYPE_CHECKING:
    from server.chats.service import ChatService
    from server.core.sessions import AgentSession

log = logging.getLogger(__name__)

ADAPTERS: dict[str, Adapter] = {
    "email": EmailAdapter(),
    "telegram": TelegramAdapter(),
    "whatsapp": WhatsAppAdapter(),
    "sms": sms.SmsAdapter(),
}
BUILT = tuple(ADAPTERS)
"""The kinds whose provider is built; the others are refused with a message saying so."""
POLLED = ("email", "telegram")
WEBHOOKS = ("whatsapp", "sms", "telegram")
"""Telegram only when its settings have a webhook_secret (setWebhook's secret_token); else it
polls getUpdates (Telegram refuses getUpdates while a webhook is set)."""
"""The kinds whose provider POSTs to the relay's webhook endpoint (server.channels.webhook_http)."""
MAX_ATTEMPTS = 8
POLL_SECONDS = {"email": 60.0, "telegram": 3.0}
"""Default seconds between polls (``poll_seconds`` in the settings changes them)."""
MIN_POLL_SECONDS = 0.2
IDLE_SECONDS = 25 * 60.0
"""The longest IMAP IDLE wait (RFC 2177: servers may drop an idle client after 30 minutes);
at most half the poll lease, so the timer row is due again soon after a node dies mid-wait."""
IDLE_RECHECK = 5.0
UNKNOWN_OUTCOME = (
    "the relay stopped while sending this reply and the provider cannot tell whether it "
    "arrived: not sent again, so the client never gets it twice"
)


def _config(row: Any) -> dict[str, Any]:
    try:
        value = json.loads(row.settings or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


class ChannelService:
    def __init__(
        self,
        engine: AsyncEngine,
        writer: GroupWriter,
        chats: ChatService,
        base_url: Callable[[], str] = lambda: "",
        *,
        webhook_base: Callable[[], str] = lambda: "",
        lease: float = 120.0,
        backoff: float = 2.0,
        message_days: float = 0.0,
    ) -> None:
        self.message_days = message_days
        """How long inbound ids are kept (retention): older messages are not imported."""
        self.lease = lease
        self.backoff = backoff
        self.engine = engine
        self.writer = writer
        self.chats = chats
        self.base_url = base_url
        self.webhook_base = webhook_base
        self._wakes = (asyncio.Event(), asyncio.Event())
        self._tasks: list[asyncio.Task[None]] = []
        self._idles: dict[int, asyncio.Task[None]] = {}
        """The IMAP IDLE waits this node holds, by channel (one each)."""
        self._interrupt = asyncio.Event()
        self.sends = 0
        """Provider sends this node attempted (tests count them)."""

    # -------------------------------------------------------------- lifecycle

    def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self._loop(self._send_due, self._wakes[0]), name="channel-outbox"),
            asyncio.create_task(self._loop(self._poll_due, self._wakes[1]), name="channel-polls"),
        ]

    async def stop(self) -> None:
        tasks = [*self._tasks, *self._idles.values()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks = []
        self._idles = {}

    def wake(self) -> None:
        """A channel was just saved (or a test wants a poll): look now, not at the next
        recheck; a mailbox waiting in IMAP IDLE is fetched again."""
        for event in self._wakes:
            event.set()
        self._interrupt.set()
        self._interrupt = asyncio.Event()

    def wake_outbox(self) -> None:
        """An outbox row was just committed (an agent's reply): send it now."""
        self._wakes[0].set()

    async def _loop(self, step: Callable[[], Any], wake: asyncio.Event) -> None:
        while True:
            wake.clear()
            try:
                delay = await step()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("channel loop failed; retrying")
                delay = self.backoff
            try:
                async with asyncio.timeout(delay):
                    await wake.wait()
            except TimeoutError:
                pass

    # -------------------------------------------------------------- inbound

    async def _poll_due(self) -> float:
        now = time.time()
        rows = await read(self.engine, repo.due_polls, POLLED, now)
        for row in rows:
            if await self.writer.run(repo.claim_poll(row.id, row.poll_lease, now + self.lease)):
                await self._poll(row)
        next_at = await read(self.engine, repo.next_poll_at, POLLED)
        if next_at is None:
            return IDLE_RECHECK
        return min(IDLE_RECHECK, max(0.05, next_at - time.time()))

    async def _poll(self, row: Any) -> None:
        config = _config(row)
        if row.kind == "telegram" and config.get("webhook_secret"):
            # Webhook mode: Telegram pushes, and would refuse getUpdates. Looked at again
            # later, in case the admin removes the secret.
            await self.writer.run(repo.poll_done(row.id, None, time.time() + 60, ""))
            return
        every = max(
            MIN_POLL_SECONDS, _float(config.get("poll_seconds"), POLL_SECONDS.get(row.kind, 60.0))
        )
        try:
            state = json.loads(row.state or "{}")
        except ValueError:
            state = {}
        try:
            found, new_state = await CHANNELS.run(ADAPTERS[row.kind].fetch, config, state)
        except (ChannelFailed, Saturated) as exc:
            log.info("channel %s poll failed: %s", row.id, exc)
            await self.writer.run(repo.poll_done(row.id, None, time.time() + every, str(exc)))
            return
        for msg in found:
            await self.receive(row.id, msg)
        # Stored before the bookmark moves: a crash in between fetches them again, and the
        # provider ids make that a no-op.
        if row.kind == "email" and new_state.get("idle"):
            hold = min(IDLE_SECONDS, self.lease / 2)
            # The timer row says "not before the wait ends" to every node; this one waits.
            await self.writer.run(repo.poll_done(row.id, new_state, time.time() + hold + 5, ""))
            self._idle(row.id, config, int(new_state.get("exists", -1)), hold, every)
            return
        await self.writer.run(repo.poll_done(row.id, new_state, time.time() + every, ""))

    def _idle(self, channel_id: int, config: dict[str, Any], exists: int, hold: float,
              every: float) -> None:  # fmt: skip
        """Wait on the mailbox (IMAP IDLE), then make its poll due: at once when mail came
        or the wait ended, after ``every`` when IDLE failed (polling, as without IDLE)."""
        earlier = self._idles.pop(channel_id, None)
        if earlier is not None:
            earlier.cancel()

        async def run() -> None:
            try:
                outcome = await imap_idle.wait(config, exists, hold, self._interrupt)
            except Exception:  # never leave the mailbox unpolled until the row's time
                log.exception("IMAP IDLE of channel %s failed", channel_id)
                outcome = "failed"
            due = time.time() + (every if outcome == "failed" else 0.0)
            await self.writer.run(repo.poll_due(channel_id, due))
            self._wakes[1].set()
            if self._idles.get(channel_id) is task:
                del self._idles[channel_id]

        task = asyncio.create_task(run(), name=f"imap-idle-{channel_id}")
        self._idles[channel_id] = task

    async def receive(self, channel_id: int, msg: repo.Inbound) -> bool:
        """Store one inbound message (once) and announce it as a widget message is; False for
        one seen before."""
        if len(msg.text) > self.chats.max_chars:
            msg.text = msg.text[: self.chats.max_chars - 1] + "…"
        route = None
        if self.chats.router is not None:
            route = ladder.route_new(self.chats.router.online_agents())
        oldest = channel_retention.oldest(self.message_days)
        done = await self.writer.run(repo.ingest(channel_id, msg, route, oldest))
        if done is None:
            return False
        await self.chats.announce_visitor_change(done.change, done.visitor_id)
        return True

    async def webhook(
        self,
        channel_id: int,
        method: str,
        query: dict[str, str],
        headers: dict[str, str],
        body: bytes,
    ) -> tuple[int, str]:
        """A provider's webhook (server.channels.webhook_http): WhatsApp's handshake (GET) and
        its signed POSTs. A bad signature is refused (401) before anything is read or stored;
        a POST seen before (the provider retries until it gets a 200) stores nothing new."""
        row = await read(self.engine, repo.channel_row, channel_id)
        if row is None or row.kind not in WEBHOOKS or not row.enabled:
            return 404, "no such channel"
        config = _config(row)
        if row.kind == "sms":
            return await self._twilio(row, config, method, query, headers, body)
        if row.kind == "telegram":
            return await self._telegram(row, config, method, headers, body)
        if method == "GET":
            challenge = verify(config, query)
            return (200, challenge) if challenge is not None else (403, "wrong verify token")
        if not signature_ok(config, headers, body):
            return 401, "bad signature"
        try:
            found, reports = parse(body), whatsapp.statuses(body)
        except ValueError:
            return 400, "not JSON"
        for msg in found:
            await self.receive(channel_id, msg)
        for report in reports:
            await self.status(channel_id, report)
        return 200, "ok"  # fmt: skip

    async def _telegram(
        self,
        row: Any,
        config: dict[str, Any],
        method: str,
        headers: dict[str, str],
        body: bytes,
    ) -> tuple[int, str]:
        """Telegram sends the secret_token given to setWebhook in a header, unsigned body."""
        secret = str(config.get("webhook_secret", ""))
        given = headers.get("x-telegram-bot-api-secret-token", "")
        if method != "POST":
            return 405, "POST only"
        if not secret or not hmac.compare_digest(given, secret):
            return 401, "bad secret token"
        try:
            update = json.loads(body)
        except ValueError:
            return 400, "not JSON"
        msg = (
            telegram.inbound(update)
            if isinstance(update, dict) and isinstance(update.get("update_id"), int)
            else None
        )
        if msg is not None:
            await self.receive(row.id, msg)
        return 200, "ok"  # fmt: skip

    async def _twilio(
        self,
        row: Any,
        config: dict[str, Any],
        method: str,
        query: dict[str, str],
        headers: dict[str, str],
        body: bytes,
    ) -> tuple[int, str]:
        """Twilio signs the URL it was given (ours, with any query) and the POSTed form."""
        if method != "POST":
            return 405, "POST only"
        url = self._info(row).webhook_url
        if query:
            url += "?" + urllib.parse.urlencode(query)
        params = dict(
            urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        )
        if not sms.signature_ok(config, url, headers, params):
            return 401, "bad signature"
        msg = sms.parse(params)
        if msg is not None:
            await self.receive(row.id, msg)
        report = sms.status(params, query)
        if report is not None:
            await self.status(row.id, report)
        return 200, "<Response></Response>"  # fmt: skip

    async def status(self, channel_id: int, report: statuses.Status) -> None:
        """C19: a provider's report on a reply; delivered and read move the agents' ticks with
        the receipt frame the widget's receipts use, through the bus; failed tells them the
        reply was not delivered, and why."""
        change = await self.writer.run(statuses.apply(channel_id, report))
        if change is None:
            return
        if isinstance(change, statuses.Undelivered):
            self._tell_undelivered(change)
            return
        text = p.encode(
            p.ReceiptChanged(
                chat_id=change.chat_id,
                reader="visitor",
                delivered_seq=change.delivered_seq,
                read_seq=change.read_seq,
            )
        )
        for agent_id in change.members:
            self.chats.bus.publish(topics.agent_topic(agent_id), text)

    def _tell_undelivered(self, what: statuses.Undelivered) -> None:
        text = p.encode(p.ReplyUndelivered(chat_id=what.chat_id, seq=what.seq, reason=what.reason))
        for agent_id in what.members:
            self.chats.bus.publish(topics.agent_topic(agent_id), text)

    # -------------------------------------------------------------- outbound

    async def _send_due(self) -> float:
        now = time.time()
        rows = await read(self.engine, repo.due_outbox, now)
        for row in rows:
            if await self.writer.run(repo.claim_outbox(row.id, row.next_at, now + self.lease)):
                await self._send(row)
        next_at = await read(self.engine, repo.next_outbox_at)
        if next_at is None:
            return IDLE_RECHECK
        return min(IDLE_RECHECK, max(0.0, next_at - time.time()))

    async def _send(self, row: Any) -> None:
        body = json.loads(row.body)
        error, provider_id = "", ""
        adapter = ADAPTERS.get(row.kind)
        retry = True
        try:
            if adapter is None:
                raise ChannelFailed(f"the {row.kind} channel is not built yet")
            if row.last_error == repo.SENDING and not adapter.retry_safe:
                retry = False
                raise ChannelFailed(UNKNOWN_OUTCOME)
            if not row.enabled:
                raise ChannelFailed("the channel is disabled")
            self.sends += 1
            config = json.loads(row.settings or "{}")
            base = self.webhook_base()
            if row.kind == "sms" and base:  # C19: where Twilio reports on this message
                body["status_callback"] = f"{base.rstrip('/')}/channels/{row.channel_id}/webhook"
            provider_id = await CHANNELS.run(adapter.send, config, body, row.key)
        except Saturated as exc:
            error = str(exc)
        except ChannelFailed as exc:
            error = str(exc)
            if exc.sent is not False and adapter is not None and not adapter.retry_safe:
                retry = False  # it may have arrived: never twice
            if exc.permanent:
                retry = False
        attempts = row.attempts + 1
        if not error:
            status, next_at = "sent", time.time()
        elif attempts >= MAX_ATTEMPTS or not retry:
            status, next_at = "failed", time.time()
        else:
            status, next_at = "pending", time.time() + self.backoff * 2 ** (attempts - 1)
        log.info("channel %s reply %s: %s", row.channel_id, row.key, error or "sent")
        result = repo.outbox_result(row, status, attempts, next_at, error, provider_id)
        await self.writer.run(result)
        if status == "failed":  # given up: the agents are told, as for a provider's report
            told = await read(self.engine, statuses.undelivered, row.chat_id, row.event_id, error)
            if told is not None:
                self._tell_undelivered(told)

    # -------------------------------------------------------------- admin (Ajustes → Canales)

    def _info(self, row: Any) -> p.ChannelInfo:
        info = repo.channel_info(row)
        base = self.webhook_base()
        pushed = row.kind in WEBHOOKS and (
            row.kind != "telegram" or bool(_config(row).get("webhook_secret"))
        )
        if pushed and base:
            info.webhook_url = f"{base.rstrip('/')}/channels/{row.id}/webhook"
        return info

    @serves(p.ListChannels, role="admin")
    async def list_channels(self, s: AgentSession, frame: p.ListChannels) -> None:
        rows = await read(self.engine, repo.list_channels)
        infos = [self._info(r) for r in rows]
        s.conn.send(p.ChannelsList(id=frame.id, channels=infos))

    @serves(p.SaveChannel, role="admin")
    async def save_channel(self, s: AgentSession, frame: p.SaveChannel) -> None:
        if frame.kind not in BUILT:
            raise p.FrameRejected("invalid", f"the {frame.kind} channel is not built yet", frame.id)
        allowed = set(p.CHANNEL_SETTINGS[frame.kind])
        unknown = sorted(set(frame.settings) - allowed)
        if unknown:
            raise p.FrameRejected("invalid", f"unknown settings: {', '.join(unknown)}", frame.id)
        if frame.kind == "email" and "@" not in frame.settings.get("address", "@"):
            raise p.FrameRejected("invalid", "the channel's address is not an e-mail", frame.id)
        row = await self.writer.run(repo.save_channel(frame))
        self.wake()
        s.conn.send(p.ChannelSaved(id=frame.id, channel=self._info(row)))

    @serves(p.ListReplyChannels, fresh_role=True)  # admins may look at any visitor chat
    async def reply_channels(self, s: AgentSession, frame: p.ListReplyChannels) -> None:
        """C10: the composer's top row for this chat."""
        chat, _members = await self.chats.visible_chat(frame.chat_id, s.agent, frame.id)
        if chat.kind != "visitor":
            s.conn.send(p.ReplyChannels(id=frame.id, chat_id=chat.id, channels=[], last="chat"))
            return
        ways, last = await read(self.engine, reach.reply_channels, chat)
        s.conn.send(
            p.ReplyChannels(id=frame.id, chat_id=chat.id, channels=ways, last=last)  # type: ignore[arg-type]
        )

    @serves(p.TestChannel, role="admin")
    async def test_channel(self, s: AgentSession, frame: p.TestChannel) -> None:
        row = await read(self.engine, repo.channel_row, frame.channel_id)
        if row is None:
            raise p.FrameRejected("not_found", "no such channel", frame.id)
        error = ""
        try:
            adapter = ADAPTERS.get(row.kind)
            if adapter is None:
                raise ChannelFailed(f"the {row.kind} channel is not built yet")
            await CHANNELS.run(adapter.test, _config(row), frame.to.strip())
        except (ChannelFailed, Saturated, ValueError) as exc:
            error = str(exc)
        await self.writer.run(repo.set_error(row.id, error))
        s.conn.send(p.ChannelTested(id=frame.id, ok=not error, error=error))


def _float(value: Any, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default
