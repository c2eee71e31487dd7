"""The WhatsApp channel (Cloud API): inbound by webhook (the verification handshake, then
POSTs signed ``X-Hub-Signature-256: sha256=<HMAC-SHA256(app secret, raw body)>``; each
message once, by its ``wamid``), outbound by ``POST /<version>/<phone number id>/messages``.

WhatsApp lets a business answer freely only within 24 hours of the client's last message;
after that only an approved template may be sent, which this channel does not do yet: such a
reply fails at once with a sentence saying so (never retried). The Cloud API has no
idempotency key: a reply whose outcome is unknown is not sent again (``retry_safe``)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from typing import Any

from server.channels.adapter import ChannelFailed
from server.channels.repo import Inbound
from server.channels.statuses import Status

API = "https://graph.facebook.com"
VERSION = "v21.0"
WINDOW_SECONDS = 24 * 3600
TIMEOUT = 20.0
OUTSIDE_WINDOW = (
    "more than 24 hours since the client's last WhatsApp message: WhatsApp only allows an "
    "approved template now, which this app cannot send yet"
)


def signature_ok(config: dict[str, Any], headers: dict[str, str], body: bytes) -> bool:
    secret = str(config.get("app_secret", ""))
    given = headers.get("x-hub-signature-256", "")
    if not secret or not given.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(given[7:], expected)


def verify(config: dict[str, Any], query: dict[str, str]) -> str | None:
    """The subscription handshake: the challenge to echo, or None (refused)."""
    token = str(config.get("verify_token", ""))
    if (
        query.get("hub.mode") == "subscribe"
        and token
        and hmac.compare_digest(query.get("hub.verify_token", ""), token)
    ):
        return query.get("hub.challenge", "")
    return None


def parse(body: bytes) -> list[Inbound]:
    """The messages of a webhook POST (statuses and other changes are skipped)."""
    data = json.loads(body)
    found: list[Inbound] = []
    for entry in data.get("entry", []) if isinstance(data, dict) else []:
        for change in entry.get("changes", []) if isinstance(entry, dict) else []:
            value = change.get("value", {}) if isinstance(change, dict) else {}
            if not isinstance(value, dict):
                continue
            names = {
                str(c.get("wa_id", "")): str(c.get("profile", {}).get("name", ""))
                for c in value.get("contacts", [])
                if isinstance(c, dict)
            }
            for message in value.get("messages", []):
                if not isinstance(message, dict) or not message.get("id"):
                    continue
                phone = str(message.get("from", ""))
                if message.get("type") == "text":
                    text = str(message.get("text", {}).get("body", ""))
                else:
                    text = "(a message the app cannot show yet: a photo, a voice note or a file)"
                found.append(
                    Inbound(
                        provider_id=str(message["id"])[:255], address=phone, text=text,
                        name=names.get(phone, "")[:200], phone="+" + phone.lstrip("+"),
                    )
                )  # fmt: skip
    return found


def statuses(body: bytes) -> list[Status]:
    """C19: the statuses of a webhook POST (``sent``, ``delivered``, ``read``, ``failed``), each
    with the key we gave as ``biz_opaque_callback_data``."""
    data = json.loads(body)
    found: list[Status] = []
    for entry in data.get("entry", []) if isinstance(data, dict) else []:
        for change in entry.get("changes", []) if isinstance(entry, dict) else []:
            value = change.get("value", {}) if isinstance(change, dict) else {}
            for status in value.get("statuses", []) if isinstance(value, dict) else []:
                if not isinstance(status, dict) or not status.get("id"):
                    continue
                errors = status.get("errors") or [{}]
                error = errors[0] if isinstance(errors, list) and errors else {}
                title = str(error.get("title", "")) if isinstance(error, dict) else ""
                found.append(
                    Status(
                        state=str(status.get("status", "")), provider_id=str(status["id"]),
                        key=str(status.get("biz_opaque_callback_data", ""))[:128],
                        error=f"WhatsApp: {title}" if title else "",
                    )
                )  # fmt: skip
    return found


class WhatsAppAdapter:
    retry_safe = False

    def fetch(
        self, config: dict[str, Any], state: dict[str, Any]
    ) -> tuple[list[Inbound], dict[str, Any]]:
        return [], state  # webhooks only

    def send(self, config: dict[str, Any], body: dict[str, Any], key: str) -> str:
        last_in = float(body.get("last_inbound_at") or 0)
        if time.time() - last_in > WINDOW_SECONDS:
            raise ChannelFailed(OUTSIDE_WINDOW, permanent=True)
        return self._message(config, str(body["to"]), str(body["text"]), key)

    def test(self, config: dict[str, Any], to: str) -> None:
        self._message(config, to, "This is a test message from your live chat's WhatsApp channel.")

    @staticmethod
    def _message(config: dict[str, Any], to: str, text: str, key: str = "") -> str:
        base = str(config.get("api_base", "")).rstrip("/") or API
        url = f"{base}/{VERSION}/{config.get('phone_number_id', '')}/messages"
        payload: dict[str, Any] = {"messaging_product": "whatsapp", "to": to, "type": "text",
                                   "text": {"body": text}}  # fmt: skip
        if key:  # echoed in the statuses: a reply whose answer we lost is still recognised
            payload["biz_opaque_callback_data"] = key
        request = urllib.request.Request(
            url,
            data=json.dumps(payload).encode(),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {config.get('access_token', '')}",
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                answer = json.loads(response.read(1024 * 1024))
        except urllib.error.HTTPError as exc:
            raise ChannelFailed(f"WhatsApp: HTTP {exc.code}") from exc
        except urllib.error.URLError as exc:
            refused = isinstance(exc.reason, ConnectionRefusedError)
            raise ChannelFailed(f"WhatsApp: {exc.reason}", sent=False if refused else None) from exc
        except (OSError, ValueError) as exc:
            raise ChannelFailed(f"WhatsApp: {type(exc).__name__}: {exc}", sent=None) from exc
        messages = answer.get("messages") if isinstance(answer, dict) else None
        if not messages:
            raise ChannelFailed("WhatsApp: no message id in the answer", sent=None)
        return str(messages[0].get("id", ""))
