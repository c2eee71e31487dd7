"""The e-mail channel: IMAP in (polled; between polls IDLE where the server has it, see
:mod:`server.channels.imap_idle`), SMTP out, both stdlib, each conversation in a thread of the
relay's SMTP pool.

Threading keys: a mail's Message-ID is its provider id; its In-Reply-To and References name
the thread (``repo.ingest``); a reply carries ``Message-ID: <key@domain>`` made from its
outbox key, so a resend after a crash has the same Message-ID (mail clients show one) and the
client's answer finds the chat again. Mail without those headers (Outlook's answers often lack
In-Reply-To) falls back to (client, normalised subject, 14 days).

The first poll of a mailbox only notes where it ends (UIDNEXT): old mail is not imported."""

from __future__ import annotations

import email.utils
import html
import imaplib
import re
import smtplib
import ssl
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from server.channels.adapter import ChannelFailed
from server.channels.outbox import mail_domain
from server.channels.repo import Inbound

MAX_MAIL_BYTES = 5 * 1024 * 1024
"""A larger mail is imported as a note that it was too large (its headers still thread)."""
MAX_PER_POLL = 50
TIMEOUT = 30.0
_MSGID = re.compile(r"<[^<>\s]+>")
_QUOTE_START = re.compile(
    r"^(On .+ wrote:|El .+ escribió:|Em .+ escreveu:|-----\s*Original Message\s*-----|"
    r"From: .+|De: .+|_{20,})\s*$",
    re.IGNORECASE,
)


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _security(config: dict[str, Any], prefix: str) -> str:
    value = str(config.get(f"{prefix}_security", "tls")).strip().lower() or "tls"
    if value not in ("tls", "starttls", "plain"):
        raise ChannelFailed(f"unknown {prefix}_security {value!r}")
    return value


# ---------------------------------------------------------------- IMAP


def _imap(config: dict[str, Any]) -> imaplib.IMAP4:
    host = str(config.get("imap_host", ""))
    if not host:
        raise ChannelFailed("no IMAP server is set")
    security = _security(config, "imap")
    context = ssl.create_default_context()
    if security == "tls":
        port = _int(config.get("imap_port"), 993)
        imap: imaplib.IMAP4 = imaplib.IMAP4_SSL(host, port, ssl_context=context, timeout=TIMEOUT)
    else:
        imap = imaplib.IMAP4(host, _int(config.get("imap_port"), 143), timeout=TIMEOUT)
        if security == "starttls":
            imap.starttls(context)
    imap.login(str(config.get("imap_user", "")), str(config.get("imap_password", "")))
    return imap


def fetch(config: dict[str, Any], state: dict[str, Any]) -> tuple[list[Inbound], dict[str, Any]]:
    """The mails after ``state``'s bookmark (at most MAX_PER_POLL) and the new bookmark."""
    try:
        return _fetch(config, state)
    except (OSError, imaplib.IMAP4.error, ssl.SSLError) as exc:
        raise ChannelFailed(f"IMAP: {type(exc).__name__}: {exc}") from exc


def _fetch(config: dict[str, Any], state: dict[str, Any]) -> tuple[list[Inbound], dict[str, Any]]:
    imap = _imap(config)
    try:
        folder = str(config.get("imap_folder", "")) or "INBOX"
        typ, count = imap.select(folder, readonly=True)
        if typ != "OK":
            raise ChannelFailed(f"IMAP: cannot open {folder}")
        # How many mails the folder held, and whether the server has IDLE: the channels'
        # service then waits on the mailbox (server.channels.imap_idle) instead of polling.
        seen = {"exists": _int((count or [b"0"])[0], 0), "idle": _has_idle(imap)}
        validity = _int((imap.response("UIDVALIDITY")[1] or [b"0"])[0], 0)
        uidnext = _int((imap.response("UIDNEXT")[1] or [b"0"])[0], 0)
        if not state or "next_uid" not in state:
            if not uidnext:
                uidnext = _highest_uid(imap) + 1
            return [], {"uidvalidity": validity, "next_uid": uidnext, **seen}
        next_uid = int(state["next_uid"])
        if validity != state.get("uidvalidity"):
            next_uid = 1  # the mailbox was made again: Message-IDs keep what we had
        typ, data = imap.uid("SEARCH", f"UID {next_uid}:*")
        uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) >= next_uid)
        uids = uids[:MAX_PER_POLL]
        found: list[Inbound] = []
        own = str(config.get("address", "")).lower()
        for uid in uids:
            msg = _fetch_one(imap, uid, validity)
            if msg is not None and msg.address.lower() != own:
                found.append(msg)
            next_uid = uid + 1
        if len(uids) == MAX_PER_POLL:
            seen["exists"] = -1  # more to fetch: the next poll comes at once
        return found, {"uidvalidity": validity, "next_uid": next_uid, **seen}
    finally:
        try:
            imap.logout()
        except (OSError, imaplib.IMAP4.error):
            pass


def _has_idle(imap: imaplib.IMAP4) -> bool:
    """Whether the server offers IDLE once signed in (many list it only after LOGIN)."""
    if "IDLE" in imap.capabilities:
        return True
    typ, data = imap.capability()
    words = b" ".join(d for d in data if isinstance(d, bytes)).upper().split()
    return typ == "OK" and b"IDLE" in words


def _highest_uid(imap: imaplib.IMAP4) -> int:
    _typ, data = imap.uid("SEARCH", "ALL")
    uids = [int(u) for u in (data[0] or b"").split()]
    return max(uids, default=0)


def _fetch_one(imap: imaplib.IMAP4, uid: int, validity: int) -> Inbound | None:
    _typ, data = imap.uid("FETCH", str(uid), "(RFC822.SIZE)")
    head = data[0] if data and isinstance(data[0], bytes) else b""
    sized = re.search(rb"RFC822\.SIZE (\d+)", head)
    size = int(sized.group(1)) if sized else 0
    part = "BODY.PEEK[HEADER]" if size > MAX_MAIL_BYTES else "BODY.PEEK[]"
    _typ, data = imap.uid("FETCH", str(uid), f"({part})")
    raw = next((item[1] for item in data if isinstance(item, tuple)), None)
    if raw is None:
        return None
    return parse(raw, f"uid:{validity}:{uid}", too_large=size > MAX_MAIL_BYTES)


def parse(raw: bytes, fallback_id: str, *, too_large: bool = False) -> Inbound | None:
    """A mail as an inbound message; None for an automatic one (an auto-reply, a bounce):
    answering those loops."""
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    auto = str(msg.get("Auto-Submitted", "no")).strip().lower()
    if (auto and auto != "no") or msg.get("X-Autoreply") or msg.get("X-Autorespond"):
        return None
    name, address = email.utils.parseaddr(str(msg.get("Reply-To") or msg.get("From") or ""))
    if "@" not in address:
        return None
    found = _MSGID.findall(str(msg.get("Message-ID", "")))
    message_id = found[0] if found else fallback_id
    refs = _MSGID.findall(str(msg.get("In-Reply-To", "")))
    refs += list(reversed(_MSGID.findall(str(msg.get("References", "")))))
    subject = " ".join(str(msg.get("Subject", "")).split())
    text = "(this e-mail was too large to import)" if too_large else _text_of(msg)
    if not text.strip():
        text = subject or "(empty e-mail)"
    return Inbound(
        provider_id=message_id, address=address.lower(), text=text, name=name,
        subject=subject, refs=tuple(dict.fromkeys(refs)), email=address.lower(),
        written_at=_date_of(msg),
    )  # fmt: skip


def _date_of(msg: Any) -> float | None:
    """The mail's Date as a timestamp; None when it has none or it cannot be read."""
    try:
        date = email.utils.parsedate_to_datetime(str(msg.get("Date", "")))
    except (TypeError, ValueError, IndexError):
        return None
    return date.timestamp() if date.tzinfo is not None else None


def _text_of(msg: Any) -> str:
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    try:
        content = str(body.get_content())
    except (LookupError, ValueError):
        return ""
    if body.get_content_type() == "text/html":
        content = re.sub(r"(?is)<(script|style).*?</\1>", "", content)
        content = re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n", content)
        content = html.unescape(re.sub(r"<[^>]+>", "", content))
    return strip_quoted(content)


def strip_quoted(text: str) -> str:
    """The new part of a reply: up to the quoted original ("On ... wrote:", Outlook's
    "-----Original Message-----" or "From:" block) and without "> " lines."""
    kept: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if _QUOTE_START.match(line.strip()) and kept:
            break
        if line.startswith(">"):
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


# ---------------------------------------------------------------- SMTP


def reply_message(config: dict[str, Any], body: dict[str, Any]) -> EmailMessage:
    address = str(config.get("address", ""))
    message = EmailMessage()
    subject = str(body.get("subject", "")) or "Your message"
    if body.get("in_reply_to") and not re.match(r"(?i)^re:", subject):
        subject = "Re: " + subject
    message["Subject"] = subject
    agent = str(body.get("agent", ""))
    message["From"] = email.utils.formataddr((agent, address)) if agent else address
    message["To"] = str(body["to"])
    message["Date"] = email.utils.formatdate(localtime=False)
    message["Message-ID"] = str(body.get("message_id")) or email.utils.make_msgid(
        domain=mail_domain(address)
    )
    if body.get("in_reply_to"):
        message["In-Reply-To"] = str(body["in_reply_to"])
    if body.get("references"):
        message["References"] = " ".join(body["references"])
    message["Auto-Submitted"] = "no"
    message.set_content(str(body.get("text", "")))
    return message


def test_message(config: dict[str, Any], to: str) -> EmailMessage:
    address = str(config.get("address", ""))
    message = EmailMessage()
    message["Subject"] = "Test message"
    message["From"] = address
    message["To"] = to
    message["Date"] = email.utils.formatdate(localtime=False)
    message["Message-ID"] = email.utils.make_msgid(domain=mail_domain(address))
    message.set_content("This is a test message from your live chat's e-mail channel.")
    return message


def send(config: dict[str, Any], message: EmailMessage) -> str:
    """Send over SMTP; returns the Message-ID."""
    host = str(config.get("smtp_host", ""))
    if not host:
        raise ChannelFailed("no SMTP server is set")
    try:
        security = _security(config, "smtp")
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if security == "tls":
            port = _int(config.get("smtp_port"), 465)
            smtp = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT, context=context)
        else:
            smtp = smtplib.SMTP(host, _int(config.get("smtp_port"), 587), timeout=TIMEOUT)
        with smtp:
            if security == "starttls":
                smtp.starttls(context=context)
            if config.get("smtp_user"):
                smtp.login(str(config["smtp_user"]), str(config.get("smtp_password", "")))
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise ChannelFailed(f"SMTP: {type(exc).__name__}: {exc}") from exc
    return str(message["Message-ID"])


class EmailAdapter:
    """IMAP in, SMTP out (:mod:`server.channels.adapter`). A resend after an unknown outcome
    carries the same Message-ID: the client's mail client shows one mail."""

    retry_safe = True

    def fetch(
        self, config: dict[str, Any], state: dict[str, Any]
    ) -> tuple[list[Inbound], dict[str, Any]]:
        return fetch(config, state)

    def send(self, config: dict[str, Any], body: dict[str, Any], key: str) -> str:
        return send(config, reply_message(config, body))

    def test(self, config: dict[str, Any], to: str) -> None:
        send(config, test_message(config, to))
