"""The Telegram channel (Bot API): inbound by ``getUpdates`` (polled; each update once, by its
``update_id``: the provider id ``update:<id>``), or, when the settings have a
``webhook_secret``, by webhook (the admin gives ``setWebhook`` the channel's webhook_url and
that secret as ``secret_token``; Telegram sends it back in X-Telegram-Bot-Api-Secret-Token:
server.channels.service). Outbound by ``sendMessage``.

The Bot API has no idempotency key, so a reply whose outcome is unknown is not sent again
(``retry_safe`` False): a refused connection is retried, a time-out after the request went is
marked failed with the reason."""

from __future__ import annotations

import http.client
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from server.channels.adapter import ChannelFailed
from server.channels.repo import Inbound

API = "https://api.telegram.org"
TIMEOUT = 20.0
MAX_ANSWER_BYTES = 4 * 1024 * 1024
MAX_PER_POLL = 100


def _url(config: dict[str, Any], method: str) -> str:
    token = str(config.get("bot_token", ""))
    if not token:
        raise ChannelFailed("no bot token is set")
    base = str(config.get("api_base", "")).rstrip("/") or API
    return f"{base}/bot{urllib.parse.quote(token, safe=':')}/{method}"


def call(config: dict[str, Any], method: str, params: dict[str, Any]) -> Any:
    body = json.dumps(params).encode()
    request = urllib.request.Request(
        _url(config, method),
        data=body,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            raw = response.read(MAX_ANSWER_BYTES + 1)
    except urllib.error.HTTPError as exc:
        try:
            answer = json.loads(exc.read(65536) or b"{}")
        except ValueError:
            answer = {}
        description = answer.get("description", "") if isinstance(answer, dict) else ""
        raise ChannelFailed(f"Telegram: HTTP {exc.code} {description}".strip()) from exc
    except urllib.error.URLError as exc:
        refused = isinstance(exc.reason, ConnectionRefusedError | socket.gaierror)
        raise ChannelFailed(f"Telegram: {exc.reason}", sent=False if refused else None) from exc
    except (TimeoutError, http.client.HTTPException, OSError) as exc:
        raise ChannelFailed(f"Telegram: {type(exc).__name__}: {exc}", sent=None) from exc
    if len(raw) > MAX_ANSWER_BYTES:
        raise ChannelFailed("Telegram: the answer is too large", sent=None)
    try:
        answer = json.loads(raw)
    except ValueError as exc:
        raise ChannelFailed("Telegram: the answer is not JSON", sent=None) from exc
    if not isinstance(answer, dict) or not answer.get("ok"):
        description = answer.get("description", "") if isinstance(answer, dict) else ""
        raise ChannelFailed(f"Telegram: {description or 'refused'}")
    return answer.get("result")


def inbound(update: dict[str, Any]) -> Inbound | None:
    message = update.get("message") or update.get("edited_message")
    if not isinstance(message, dict) or not isinstance(message.get("chat"), dict):
        return None
    chat = message["chat"]
    if chat.get("type", "private") != "private":
        return None  # groups: not a client conversation
    given = message.get("from")
    sender: dict[str, Any] = given if isinstance(given, dict) else {}
    name = " ".join(
        str(x) for x in (sender.get("first_name"), sender.get("last_name")) if x
    ) or str(sender.get("username", ""))
    text = str(message.get("text") or message.get("caption") or "")
    if not text:
        text = "(a message the app cannot show yet: a photo, a sticker or a file)"
    return Inbound(
        provider_id=f"update:{int(update['update_id'])}",
        address=str(int(chat["id"])),
        text=text,
        name=name[:200],
    )


class TelegramAdapter:
    retry_safe = False

    def fetch(
        self, config: dict[str, Any], state: dict[str, Any]
    ) -> tuple[list[Inbound], dict[str, Any]]:
        offset = int(state.get("offset", 0))
        result = call(
            config,
            "getUpdates",
            {"offset": offset, "limit": MAX_PER_POLL, "timeout": 0, "allowed_updates": ["message"]},
        )
        found: list[Inbound] = []
        for update in result if isinstance(result, list) else []:
            if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
                continue
            offset = max(offset, update["update_id"] + 1)
            msg = inbound(update)
            if msg is not None:
                found.append(msg)
        return found, {"offset": offset}

    def send(self, config: dict[str, Any], body: dict[str, Any], key: str) -> str:
        result = call(config, "sendMessage", {"chat_id": body["to"], "text": body["text"]})
        message_id = result.get("message_id", "") if isinstance(result, dict) else ""
        return f"message:{message_id}"

    def test(self, config: dict[str, Any], to: str) -> None:
        text = "This is a test message from your live chat's Telegram channel."
        call(config, "sendMessage", {"chat_id": to, "text": text})
