"""Signing in and out, the connection to the relay, and the agent's status."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import urllib.parse
from typing import Literal

from PySide6.QtCore import QObject, Signal
from websockets.exceptions import InvalidURI

from jivo_desktop.net.client import AgentClient
from jivo_desktop.net.errors import AuthError, ConnectionLost, RelayError
from jivo_desktop.services.relay_errors import failure_text, sign_out_text
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.store import LocalStore
from jivo_desktop.tasks import spawn
from server import protocol as p

log = logging.getLogger(__name__)

LAST_ACCOUNT = "session.last_account"


def account_key(relay_url: str, email: str) -> str:
    return f"{email.strip().lower()} {relay_url.strip()}"


def ws_url(relay: str) -> str:
    """Accept what a person types: "chat.example.com", "https://chat.example.com", a ws URL."""
    relay = relay.strip().rstrip("/")
    for prefix, scheme in (("https://", "wss://"), ("http://", "ws://")):
        if relay.startswith(prefix):
            relay = scheme + relay[len(prefix) :]
    if not relay.startswith(("ws://", "wss://")):
        relay = ("ws://" if _is_local(relay) else "wss://") + relay
    return relay if relay.endswith("/ws") else relay + "/ws"


def _is_local(address: str) -> bool:
    """Only this computer gets a plain ``ws://``: ``localhost``, 127.0.0.0/8 and ``::1``,
    compared exactly (finding 21: ``localhost.example.com`` or ``127.example.com`` is a
    remote host and gets TLS)."""
    try:
        host = urllib.parse.urlsplit("//" + address).hostname
    except ValueError:
        return False
    if host is None:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class SessionService(QObject):
    """Signals: ``signed_in(object)`` (the Welcome), ``signed_out()``,
    ``sign_in_failed(str)`` (a message for the person), ``connection_changed(str)``
    (connecting / connected / disconnected / closed), ``status_changed(str)`` (online / away),
    ``frame_received(object)`` (every push from the relay), ``notice(str)``."""

    signed_in = Signal(object)
    signed_out = Signal()
    sign_in_failed = Signal(str)
    connection_changed = Signal(str)
    status_changed = Signal(str)
    frame_received = Signal(object)
    notice = Signal(str)

    def __init__(self, store: LocalStore, secrets: Secrets) -> None:
        super().__init__()
        self.store = store
        self.secrets = secrets
        self.client: AgentClient | None = None
        self.welcome: p.Welcome | None = None
        self.relay_url = ""
        self.account = ""
        self.status: Literal["online", "away"] = "online"
        self.auto_away = False
        self._restoring: asyncio.Task[None] | None = None

    @property
    def agent(self) -> p.AgentInfo | None:
        return self.welcome.agent if self.welcome else None

    @property
    def connection(self) -> str:
        return self.client.state if self.client else "closed"

    def last_account(self) -> dict[str, object]:
        value = self.store.get(LAST_ACCOUNT, {})
        return value if isinstance(value, dict) else {}

    def _new_client(self, relay: str) -> AgentClient:
        client = AgentClient(
            ws_url(relay), on_frame=self._on_frame, on_state=self._on_state, keep_frames=0
        )
        return client

    # -------------------------------------------------------------- signing in

    def sign_in(self, relay: str, email: str, password: str, remember: bool) -> None:
        spawn(self.sign_in_async(relay, email, password, remember), "sign-in")

    async def sign_in_async(self, relay: str, email: str, password: str, remember: bool) -> bool:
        if not relay.strip() or not email.strip() or not password:
            self.sign_in_failed.emit(self.tr("Enter the relay address, your e-mail and password."))
            return False
        await self._drop_client()
        client = self._new_client(relay)
        self.client = client
        try:
            welcome = await client.sign_in(email, password, status=self.status)
        except RelayError as exc:  # AuthError, or a refusal to retry later (finding 4)
            self.client = None
            self.sign_in_failed.emit(self._auth_message(exc))
            return False
        except (OSError, ConnectionLost, TimeoutError) as exc:
            self.client = None
            log.info("relay unreachable: %s", exc)
            self.sign_in_failed.emit(
                self.tr(
                    "Cannot reach the relay at {0}. Check the address and your connection."
                ).format(relay)
            )
            return False
        except (InvalidURI, ValueError) as exc:  # "ws://[::1" (an invalid IPv6 address)
            self.client = None
            log.info("not a relay address: %r", exc)
            self.sign_in_failed.emit(
                self.tr("{0} is not a relay address. It looks like wss://chat.example.com.").format(
                    relay
                )
            )
            return False
        except Exception as exc:  # a handshake refused (not a relay, a proxy's error page)...
            self.client = None
            log.warning("sign-in failed: %r", exc)
            self.sign_in_failed.emit(
                self.tr(
                    "The address {0} answered, but not as a relay. Check the address, or ask "
                    "an administrator."
                ).format(relay)
            )
            return False
        self.relay_url = relay.strip()
        self.account = account_key(self.relay_url, welcome.agent.email)
        remembered = False
        if remember:
            remembered = await self.secrets.save(self.account, welcome.token)
            if not remembered:
                self.notice.emit(
                    self.tr("This computer has no keychain: your sign-in will not be remembered.")
                )
        self.store.set(
            LAST_ACCOUNT,
            {"relay": self.relay_url, "email": welcome.agent.email, "remember": remembered},
        )
        self._welcomed(welcome)
        return True

    def _auth_message(self, exc: RelayError) -> str:
        """Issue 13: the refusal in the agent's language (finding 4: ``rate_limited`` and
        ``busy`` say how long to wait)."""
        return failure_text(exc)

    def restore(self) -> bool:
        """Sign in again with the remembered token, if there is one. Returns False when the
        sign-in window should be shown instead."""
        last = self.last_account()
        if not last.get("remember") or not self.secrets.available:
            return False
        self._restoring = spawn(self._restore(str(last["relay"]), str(last["email"])), "restore")
        return True

    async def _restore(self, relay: str, email: str) -> None:
        account = account_key(relay, email)
        token = await self.secrets.load(account)
        if not token:
            self.sign_in_failed.emit("")
            return
        self.relay_url, self.account = relay, account
        delay = 0.5
        while True:
            client = self._new_client(relay)
            self.client = client
            try:
                welcome = await client.authenticate(token, status=self.status)
            except AuthError as exc:
                await self.secrets.forget(account)
                self.client = None
                self.sign_in_failed.emit(self._auth_message(exc))
                return
            except (OSError, ConnectionLost, RelayError, TimeoutError) as exc:
                # The relay is down: keep trying by ourselves, never ask for a refresh.
                log.info("relay not reachable yet (%s); retrying in %.1f s", exc, delay)
                self.connection_changed.emit("disconnected")
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
                continue
            self._welcomed(welcome)
            return

    def _welcomed(self, welcome: p.Welcome) -> None:
        self.welcome = welcome
        self.status = "online" if welcome.agent.status == "online" else "away"
        self.signed_in.emit(welcome)
        self.status_changed.emit(self.status)

    # -------------------------------------------------------------- status and signing out

    def set_status(self, status: Literal["online", "away"], *, auto: bool = False) -> None:
        """G11: away keeps the current chats but takes no new ones."""
        if status == self.status:
            return
        self.status = status
        self.auto_away = auto and status == "away"
        self.status_changed.emit(status)
        client = self.client
        if client is not None and client.state == "connected":
            spawn(self._send_status(client, status), "set-status")

    async def _send_status(self, client: AgentClient, status: Literal["online", "away"]) -> None:
        try:
            await client.set_status(status)
        except (ConnectionLost, RelayError, TimeoutError) as exc:
            log.info("status not sent (%s); it goes with the next sign-in", exc)
            client.status = status

    def sign_out(self) -> None:
        spawn(self.sign_out_async(), "sign-out")

    async def sign_out_async(self) -> None:
        """K6: revoke the token on the relay (over a fresh connection if this one is down) and
        forget the remembered sign-in."""
        client, self.client = self.client, None
        if self._restoring is not None:
            self._restoring.cancel()
        if client is not None:
            token = client.token
            if not await client.sign_out() and token and not client.ended_by_relay:
                await self._revoke_offline(client.url, token)
        if self.account:
            await self.secrets.forget(self.account)
        last = self.last_account()
        if last:
            self.store.set(LAST_ACCOUNT, {**last, "remember": False})
        self.welcome = None
        self.account = ""
        self.signed_out.emit()

    async def _revoke_offline(self, url: str, token: str) -> None:
        """The connection was down at sign-out: revoke the token over a short-lived one."""
        once = AgentClient(url, reconnect=False, open_timeout=5.0, keep_frames=0)
        try:
            await once.authenticate(token, status="away")
            await once.sign_out()
        except (OSError, ConnectionLost, RelayError, TimeoutError) as exc:
            log.info("token not revoked on the relay (%s); it is forgotten here", exc)
            await once.close()

    async def _ended_by_relay(self, reason: str) -> None:
        """An admin disabled the account (or revoked the session): sign out here too."""
        log.info("the relay ended the session: %s", reason)
        await self.sign_out_async()
        self.sign_in_failed.emit(self.tr("You were signed out: {0}").format(sign_out_text(reason)))

    async def _drop_client(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            await client.close()

    async def shutdown(self) -> None:
        if self._restoring is not None:
            self._restoring.cancel()
        await self._drop_client()

    # -------------------------------------------------------------- from the client

    def _on_frame(self, frame: p.Frame) -> None:
        if isinstance(frame, p.Welcome) and self.welcome is not None:
            self.welcome = frame  # a reconnect: the snapshot is fresh
        self.frame_received.emit(frame)

    def _on_state(self, state: str) -> None:
        self.connection_changed.emit(state)
        client = self.client
        if state == "closed" and client is not None and client.ended_by_relay and self.welcome:
            spawn(self._ended_by_relay(client.ended_by_relay), "ended-by-relay")
