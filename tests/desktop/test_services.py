"""Desktop services against a real relay, without windows (A1, A4, C2, C3, N2, N7, X3)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jivo_desktop.services.chats import ChatsService
from jivo_desktop.services.secrets import Secrets
from jivo_desktop.services.session import SessionService, ws_url
from jivo_desktop.store import LocalStore
from server import protocol as p
from tests.support.relay import RelayHandle, running_relay
from tests.support.visitor import Visitor
from tests.support.waiting import until


@contextlib.contextmanager
def file_logging(data_dir: Path) -> Iterator[None]:
    """The app's log files (as jivo_desktop/__main__.py sets them up), at DEBUG, for a test."""
    logs = data_dir / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(logs / "jivo-desktop.log", encoding="utf-8")
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)
        handler.close()


def files_holding(folder: Path, *secrets: str) -> list[str]:
    """Every file under ``folder`` (the local database with its -wal/-journal, the log files)
    whose bytes contain one of ``secrets`` (as UTF-8, or UTF-16 as SQLite may store text)."""
    needles = [n for s in secrets for n in (s.encode(), s.encode("utf-16-le"))]
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {n[:6]!r}..." for n in needles if n in data]
    return found


def test_ws_url_accepts_what_people_type() -> None:
    assert ws_url("chat.example.com") == "wss://chat.example.com/ws"
    assert ws_url("https://chat.example.com/") == "wss://chat.example.com/ws"
    assert ws_url("http://127.0.0.1:8765") == "ws://127.0.0.1:8765/ws"
    assert ws_url("ws://127.0.0.1:9/ws") == "ws://127.0.0.1:9/ws"


async def test_sign_in_remember_restore_and_sign_out(
    qapp: Any,
    relay: RelayHandle,
    local_store: LocalStore,
    secrets: Secrets,
    memory_keyring: Any,
    data_dir: Path,
) -> None:
    """A1/A4: e-mail in capitals signs in; "remember me" keeps the token in the keychain only,
    never in a file: neither the token nor the password is in the local database (with its
    -wal/-journal) or in the log files; a new session restores from it; signing out forgets
    it and revokes the token."""
    session = SessionService(local_store, secrets)
    with file_logging(data_dir):
        ok = await session.sign_in_async(
            relay.http_url, relay.agent_email.upper(), relay.agent_password, True
        )
        assert ok and session.agent is not None and session.agent.name == "Ana"
        token = session.welcome.token  # type: ignore[union-attr]
        assert list(memory_keyring.secrets.values()) == [token]
        await session.shutdown()
    assert (data_dir / "local.db").stat().st_size > 0
    assert (data_dir / "logs" / "jivo-desktop.log").stat().st_size > 0
    assert files_holding(data_dir, token, relay.agent_password) == []

    again = SessionService(local_store, secrets)
    signed: list[p.Welcome] = []
    again.signed_in.connect(signed.append)
    assert again.restore()
    await until(lambda: signed)
    assert signed[0].agent.email == relay.agent_email
    await again.sign_out_async()
    assert memory_keyring.secrets == {}
    third = SessionService(local_store, secrets)
    assert not third.restore()


async def test_sign_in_errors_are_readable(
    qapp: Any, relay: RelayHandle, local_store: LocalStore, secrets: Secrets
) -> None:
    """A1: wrong password and an unreachable relay each give a clear message."""
    session = SessionService(local_store, secrets)
    messages: list[str] = []
    session.sign_in_failed.connect(messages.append)
    assert not await session.sign_in_async(relay.http_url, relay.agent_email, "nope", False)
    assert not await session.sign_in_async("http://127.0.0.1:9", relay.agent_email, "x", False)
    assert messages[0] == "Wrong e-mail or password."
    assert "Cannot reach the relay" in messages[1]


async def test_finding4_too_many_wrong_passwords_say_how_long_to_wait(
    qapp: Any, sqlite_url: str, local_store: LocalStore, secrets: Secrets
) -> None:
    """Finding 4: after the free wrong passwords, the relay refuses the next tries before
    checking them, and the app says how long to wait, in words (not the relay's code)."""
    async with running_relay(
        sqlite_url, sign_in_free_failures=2, sign_in_base_delay=600.0
    ) as relay:
        session = SessionService(local_store, secrets)
        messages: list[str] = []
        session.sign_in_failed.connect(messages.append)
        for _ in range(3):
            assert not await session.sign_in_async(relay.http_url, relay.agent_email, "nope", False)
        assert messages[:2] == ["Wrong e-mail or password."] * 2
        assert messages[2].startswith("Too many attempts. Wait ")
        assert messages[2].endswith("and try again.")


async def test_no_keychain_means_not_remembered(
    qapp: Any,
    relay: RelayHandle,
    local_store: LocalStore,
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
) -> None:
    """A1: with no usable keychain the app says so and remembers nothing, in no file: the
    token and the password are in neither the local database nor the log files."""
    import keyring
    from keyring.backends import null

    monkeypatch.setattr(keyring, "get_keyring", lambda: null.Keyring())
    secrets = Secrets()
    assert not secrets.available
    session = SessionService(local_store, secrets)
    notices: list[str] = []
    session.notice.connect(notices.append)
    with file_logging(data_dir):
        assert await session.sign_in_async(
            relay.http_url, relay.agent_email, relay.agent_password, True
        )
        token = session.welcome.token  # type: ignore[union-attr]
        assert notices and "keychain" in notices[0]
        assert session.last_account()["remember"] is False
        await session.shutdown()
    assert files_holding(data_dir, token, relay.agent_password) == []


async def test_offer_accept_reply_draft_and_close(
    qapp: Any, relay: RelayHandle, local_store: LocalStore, secrets: Secrets, data_dir: Path
) -> None:
    """N1/N2/C2/C3: an offer arrives, is accepted, answered (outbox emptied on the ack); the
    draft of each chat is kept; leaving the chat removes it."""
    session = SessionService(local_store, secrets)
    chats = ChatsService(session, local_store)
    offers: list[p.ChatInfo] = []
    chats.offered.connect(offers.append)
    await session.sign_in_async(relay.http_url, relay.agent_email, relay.agent_password, False)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect(page_url="https://shop.example/cart")
    await visitor.say("hola")
    await until(lambda: offers)
    info = offers[0]
    assert info.visitor.page_url == "https://shop.example/cart"
    assert chats.display_name(chats.chats[info.id]) == f"Client {info.visitor.id}"

    assert await chats.accept_async(info.id)
    assert chats.current == info.id and chats.chats[info.id].info.state == "active"
    await until(lambda: chats.chats[info.id].loaded)
    chats.send(info.id, "¿En qué puedo ayudarle?")
    assert [i.text for i in local_store.pending(session.account)] == ["¿En qué puedo ayudarle?"]
    await visitor.wait_for(
        lambda f: isinstance(f, p.EventPush) and f.event.text == "¿En qué puedo ayudarle?"
    )
    await until(lambda: not local_store.pending(session.account))
    await until(lambda: chats.chats[info.id].messages[-1].state == "sent")

    chats.save_draft(info.id, "half a thought")
    reopened = LocalStore(data_dir / "local.db")  # as after a restart
    assert reopened.draft(session.account, info.id) == "half a thought"
    reopened.close()
    chats.close_chat(info.id)
    await until(lambda: info.id not in chats.chats)
    await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.kind == "closed")
    await session.shutdown()
    await visitor.close()


async def test_quick_reply_takes_the_chat_and_other_agents_lose_the_offer(
    qapp: Any, relay: RelayHandle, local_store: LocalStore, secrets: Secrets, tmp_path: Any
) -> None:
    """N2/N7: a quick reply takes the chat without selecting it; the other agent's offer goes
    away at once."""
    await relay.offer_to_everyone()  # written for the rule all
    ana = SessionService(local_store, secrets)
    ana_chats = ChatsService(ana, local_store)
    other_store = LocalStore(tmp_path / "boss.db")
    boss = SessionService(other_store, secrets)
    boss_chats = ChatsService(boss, other_store)
    gone: list[int] = []
    boss_chats.offer_gone.connect(gone.append)
    await ana.sign_in_async(relay.http_url, relay.agent_email, relay.agent_password, False)
    await boss.sign_in_async(relay.http_url, relay.admin_email, relay.admin_password, False)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("¿hay alguien?")
    chat_id = await until(lambda: next(iter(boss_chats.chats), 0))
    await until(lambda: chat_id in ana_chats.chats)
    ana_chats.quick_reply(chat_id, "¡Sí, aquí!")
    await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.text == "¡Sí, aquí!")
    assert ana_chats.current == 0  # the window was not opened on it
    await until(lambda: chat_id in gone and chat_id not in boss_chats.chats)
    await ana.shutdown()
    await boss.shutdown()
    other_store.close()
    await visitor.close()


async def test_relay_of_another_version_is_explained(
    qapp: Any,
    relay: RelayHandle,
    local_store: LocalStore,
    secrets: Secrets,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A1: a relay speaking another protocol version gives a clear message, not a hang."""
    monkeypatch.setattr(p, "PROTOCOL_VERSION", p.PROTOCOL_VERSION + 1)  # the relay is newer
    session = SessionService(local_store, secrets)
    messages: list[str] = []
    session.sign_in_failed.connect(messages.append)
    assert not await session.sign_in_async(
        relay.http_url, relay.agent_email, relay.agent_password, False
    )
    assert "another version" in messages[0] and "Update the app" in messages[0]


async def test_ctrl_r_takes_an_ignored_chat_too(
    qapp: Any, relay: RelayHandle, local_store: LocalStore, secrets: Secrets
) -> None:
    """G9/N3: Ignore hides the toast, but Ctrl+R (or --accept) still takes the oldest waiting
    chat, ignored or not."""
    session = SessionService(local_store, secrets)
    chats = ChatsService(session, local_store)
    await session.sign_in_async(relay.http_url, relay.agent_email, relay.agent_password, False)
    visitor = Visitor(relay.ws_url, relay.site_key)
    await visitor.connect()
    await visitor.say("hola")
    chat_id = await until(lambda: chats.waiting() and chats.waiting()[0].id)
    chats.ignore(chat_id)
    assert chats.waiting() == []
    assert chats.accept_oldest() == chat_id
    await visitor.wait_for(lambda f: isinstance(f, p.EventPush) and f.event.kind == "joined")
    await session.shutdown()
    await visitor.close()
