"""Reply channels (C10, K1): e-mail now; WhatsApp, Telegram and SMS use the same records.

The guide, Ajustes: "Canales: Podrá añadir nuevos canales a su cuenta". An admin adds a channel
with its provider's settings (``save_channel``); the secrets in them (passwords, tokens) stay
on the relay: ``channel_info`` repeats only the settings that are not secret and names in
``secrets_set`` the secrets that are stored. A message that arrives on a channel opens (or
continues) a chat like a widget chat, offered through the same routing; its ``chat_info`` has
``channel`` (the kind) and ``channel_name``. An agent's reply in such a chat is an ordinary
``send_message``: the relay keeps it in a durable outbox and sends it once, with retries.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from .base import DbId, Frame, ListAnswer, RequestId, Short

__all__ = [
    "CHANNEL_SECRETS",
    "CHANNEL_SETTINGS",
    "REPLY_VIAS",
    "ChannelInfo",
    "ChannelKind",
    "ChannelSaved",
    "ChannelTested",
    "ChannelsList",
    "ListChannels",
    "ListReplyChannels",
    "ReplyChannels",
    "ReplyUndelivered",
    "ReplyVia",
    "SaveChannel",
    "SettingValue",
    "TestChannel",
]

ChannelKind = Literal["email", "telegram", "whatsapp", "sms"]

ReplyVia = Literal["chat", "whatsapp", "email", "sms", "telegram"]
"""Where an agent's reply goes (the composer's top row, the guide: Chat / WhatsApp / Correo
electrónico / SMS): ``chat`` the website's widget, else a channel of that kind."""
REPLY_VIAS: tuple[str, ...] = ("chat", "whatsapp", "email", "sms", "telegram")

CHANNEL_SETTINGS: dict[str, tuple[str, ...]] = {
    "email": (
        "address", "imap_host", "imap_port", "imap_security", "imap_user", "imap_password",
        "imap_folder", "smtp_host", "smtp_port", "smtp_security", "smtp_user", "smtp_password",
        "poll_seconds",
    ),
    "telegram": ("bot_token", "webhook_secret", "api_base", "poll_seconds"),
    "whatsapp": ("phone_number_id", "access_token", "app_secret", "verify_token", "api_base"),
    "sms": ("account_sid", "auth_token", "from_number", "api_base"),
}  # fmt: skip
"""The settings each kind of channel takes (any other key is refused)."""

CHANNEL_SECRETS = frozenset(
    {"imap_password", "smtp_password", "bot_token", "webhook_secret", "access_token",
     "app_secret", "verify_token", "auth_token"}
)  # fmt: skip
"""Settings never sent to an agent."""

SettingValue = Annotated[str, msgspec.Meta(max_length=500)]


class ChannelInfo(msgspec.Struct, kw_only=True):
    id: int
    kind: ChannelKind
    name: str = ""
    site_id: int
    enabled: bool = True
    settings: dict[str, str] = msgspec.field(default_factory=dict)
    """The settings that are not secret."""
    secrets_set: list[str] = msgspec.field(default_factory=list)
    webhook_url: str = ""
    """Where the provider sends its webhooks (empty: the channel polls, as e-mail does)."""
    last_error: str = ""
    last_error_at: float | None = None


class ListChannels(Frame):
    """Admin: the account's channels; answered with ``channels_list``."""

    id: RequestId


class ChannelsList(ListAnswer):
    id: int
    channels: list[ChannelInfo] = msgspec.field(default_factory=list)


class SaveChannel(Frame):
    """Admin: add a channel (``channel_id`` null) or change one. In ``settings`` a secret
    left out keeps the stored one; ``enabled`` false disables the channel (no poll, no send;
    its chats stay). Answered with ``channel_saved``."""

    id: RequestId
    kind: ChannelKind
    site_id: DbId
    channel_id: DbId | None = None
    name: Short = ""
    settings: Annotated[dict[str, SettingValue], msgspec.Meta(max_length=20)] = msgspec.field(
        default_factory=dict
    )
    enabled: bool = True


class ChannelSaved(Frame):
    id: int
    channel: ChannelInfo


class TestChannel(Frame):
    """Admin: "send a test message" to ``to`` (an e-mail address, a phone, a chat id) through
    the channel now; answered with ``channel_tested`` (``error`` empty when it went)."""

    id: RequestId
    channel_id: DbId
    to: Short


class ChannelTested(Frame):
    id: int
    ok: bool
    error: str = ""


class ListReplyChannels(Frame):
    """Agent (a member of the chat, or an admin): where a reply in this visitor chat can reach
    its client; answered with ``reply_channels``."""

    id: RequestId
    chat_id: DbId


class ReplyChannels(Frame):
    """The reply channels ``chat_id``'s client can be reached on now, in the composer's order
    (``chat`` while the chat came from the widget; ``email`` when the client left an e-mail
    and the site has an e-mail channel; ``sms`` and ``whatsapp`` by the client's phone, WhatsApp
    only within 24 hours of the client's last WhatsApp message; the chat's own channel), and
    ``last``: the one the client last wrote from, the composer's default. A ``send_message``
    with another ``via`` is refused ``unreachable``, with nothing stored."""

    id: int
    chat_id: int
    channels: Annotated[list[ReplyVia], msgspec.Meta(max_length=5)] = msgspec.field(
        default_factory=list
    )
    last: ReplyVia = "chat"


class ReplyUndelivered(Frame):
    """C10/C19, a push to the chat's agents: the agent's reply ``seq`` of ``chat_id`` did not
    reach the client. The provider said so (Twilio ``undelivered`` or ``failed``, WhatsApp
    ``failed``), or the outbox gave up sending it; ``reason`` says why in the provider's (or
    the relay's) words, plain text. The reply's line then shows "not delivered" and the
    reason; the chat's receipts no longer move it."""

    chat_id: int
    seq: int
    reason: str = ""
