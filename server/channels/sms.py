"""The SMS channel (Twilio): inbound by webhook (form-encoded POSTs signed
``X-Twilio-Signature: base64(HMAC-SHA1(auth token, URL + each parameter name and value,
sorted by name))`` over the exact URL Twilio was given: ChannelInfo.webhook_url); each message
once, by its ``MessageSid``; status callbacks (``MessageStatus``) accepted. Outbound by
``POST /2010-04-01/Accounts/<sid>/Messages.json``. Twilio's API takes no idempotency key for
a new message: a reply whose outcome is unknown is not sent again (``retry_safe``)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from server.channels.adapter import ChannelFailed
from server.channels.repo import Inbound
from server.channels.statuses import Status

API = "https://api.twilio.com"
TIMEOUT = 20.0


def signature(auth_token: str, url: str, params: dict[str, str]) -> str:
    data = url + "".join(k + params[k] for k in sorted(params))
    digest = hmac.new(auth_token.encode(), data.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def signature_ok(
    config: dict[str, Any], url: str, headers: dict[str, str], params: dict[str, str]
) -> bool:
    token = str(config.get("auth_token", ""))
    given = headers.get("x-twilio-signature", "")
    return bool(token and given) and hmac.compare_digest(given, signature(token, url, params))


def parse(params: dict[str, str]) -> Inbound | None:
    """An incoming SMS; None for a status callback (or anything else)."""
    sid = params.get("MessageSid") or params.get("SmsSid") or ""
    if not sid or "Body" not in params or params.get("MessageStatus"):
        return None
    phone = params.get("From", "")
    return Inbound(provider_id=sid[:255], address=phone, text=params["Body"], phone=phone)


STATES = {"sent": "sent", "delivered": "delivered", "read": "read",
          "undelivered": "failed", "failed": "failed"}  # fmt: skip
"""Twilio's MessageStatus values that move a reply (queued, sending, accepted: not yet)."""


def status(params: dict[str, str], query: dict[str, str]) -> Status | None:
    """C19: a status callback, with the ``key`` we put in its URL."""
    sid = params.get("MessageSid") or params.get("SmsSid") or ""
    state = STATES.get(params.get("MessageStatus", ""))
    if not sid or state is None:
        return None
    code = params.get("ErrorCode", "")
    error = f"Twilio: could not deliver (error {code})" if code else ""
    return Status(state=state, provider_id=sid[:255], key=query.get("key", "")[:128], error=error)


class SmsAdapter:
    retry_safe = False

    def fetch(
        self, config: dict[str, Any], state: dict[str, Any]
    ) -> tuple[list[Inbound], dict[str, Any]]:
        return [], state  # webhooks only

    def send(self, config: dict[str, Any], body: dict[str, Any], key: str) -> str:
        callback = str(body.get("status_callback", ""))
        if callback:  # C19: Twilio reports on this message there, our key in the URL
            callback += "?" + urllib.parse.urlencode({"key": key})
        return self._message(config, str(body["to"]), str(body["text"]), callback)

    def test(self, config: dict[str, Any], to: str) -> None:
        self._message(config, to, "This is a test message from your live chat's SMS channel.")

    @staticmethod
    def _message(config: dict[str, Any], to: str, text: str, callback: str = "") -> str:
        sid = str(config.get("account_sid", ""))
        base = str(config.get("api_base", "")).rstrip("/") or API
        url = f"{base}/2010-04-01/Accounts/{urllib.parse.quote(sid)}/Messages.json"
        fields = {"To": to, "From": str(config.get("from_number", "")), "Body": text}
        if callback:
            fields["StatusCallback"] = callback
        form = urllib.parse.urlencode(fields).encode()
        auth = base64.b64encode(f"{sid}:{config.get('auth_token', '')}".encode()).decode()
        request = urllib.request.Request(
            url, data=form, method="POST",
            headers={"Authorization": f"Basic {auth}",
                     "Content-Type": "application/x-www-form-urlencoded"},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                answer = json.loads(response.read(1024 * 1024))
        except urllib.error.HTTPError as exc:
            raise ChannelFailed(f"Twilio: HTTP {exc.code}") from exc
        except urllib.error.URLError as exc:
            refused = isinstance(exc.reason, ConnectionRefusedError)
            raise ChannelFailed(f"Twilio: {exc.reason}", sent=False if refused else None) from exc
        except (OSError, ValueError) as exc:
            raise ChannelFailed(f"Twilio: {type(exc).__name__}: {exc}", sent=None) from exc
        if not isinstance(answer, dict) or not answer.get("sid"):
            raise ChannelFailed("Twilio: no message sid in the answer", sent=None)
        return str(answer["sid"])
