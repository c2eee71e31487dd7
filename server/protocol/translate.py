"""The translator (C11): "traducir tanto sus mensajes cómo los del visitante".

Translation runs on the relay through a backend an admin sets in Ajustes → Integraciones (a
LibreTranslate-compatible HTTP API, or Argos Translate models installed on the relay); the key
stays on the relay and never reaches an app (``key_set`` says whether there is one). Each
translation is stored with its message, so every agent, the history and the archive see the same
text and nothing is translated twice. With no backend every request is answered
``translator_off``; a backend that fails or does not answer in time, ``translator_failed``.

* The visitor's messages: ``translate_messages`` (the seqs of a chat, into the agent's language)
  answers the stored translations and makes the missing ones; with ``stored_only`` (the
  archive) it answers the stored ones only and makes none.
* The agent's replies: ``translate_text`` previews a reply in the visitor's language (the one
  detected in their messages, else the widget's); ``send_translated`` sends it: the visitor gets
  the translation, and the agent's own words are stored as the message's translation into the
  agent's language (``original`` true), one click away like the visitor's.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from .base import ClientMsgId, DbId, Frame, ListAnswer, RequestId, Seq, Short, Text, Url

__all__ = [
    "MAX_TRANSLATE_SEQS",
    "GetTranslator",
    "MessagesTranslated",
    "SaveTranslator",
    "SendTranslated",
    "TargetLanguage",
    "TextTranslated",
    "TranslateLanguage",
    "TranslateMessages",
    "TranslateText",
    "TranslatedMessage",
    "TranslatorBackend",
    "TranslatorInfo",
    "TranslatorSettings",
]

MAX_TRANSLATE_SEQS = 50
"""Messages one ``translate_messages`` may ask for (a screenful; the app asks as it scrolls)."""

TranslatorBackend = Literal["", "libretranslate", "argos"]
"""``""``: no translator (off)."""
TranslateLanguage = Annotated[str, msgspec.Meta(pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")]
"""An ISO 639 code as LibreTranslate names languages (``es``, ``pt``, ``zh-Hans``)."""
TargetLanguage = Annotated[str, msgspec.Meta(pattern=r"^([a-z]{2,3}(-[A-Za-z]{2,4})?)?$")]
"""A language, or "" for the visitor's (detected in their messages, else the widget's)."""


class TranslatorInfo(msgspec.Struct, kw_only=True):
    """The relay's translator as an admin sees it: never the key itself."""

    backend: TranslatorBackend = ""
    url: str = ""
    key_set: bool = False
    argos_installed: bool = False
    """Whether Argos Translate is importable on the relay (the optional extra)."""


class GetTranslator(Frame):
    """Admin: the translator settings; answered with ``translator_settings``."""

    id: RequestId


class SaveTranslator(Frame):
    """Admin: set the translator (``backend`` "" turns it off). ``api_key`` null keeps the
    stored key, "" removes it."""

    id: RequestId
    backend: TranslatorBackend
    url: Url = ""
    api_key: Short | None = None


class TranslatorSettings(Frame):
    id: int
    translator: TranslatorInfo


class TranslateMessages(Frame):
    """Agent: the messages ``seqs`` of a chat in ``target``; answered with
    ``messages_translated``. ``stored_only``: only the translations already stored (what the
    archive shows: reading a closed chat asks nothing of the backend)."""

    id: RequestId
    chat_id: DbId
    seqs: Annotated[list[Seq], msgspec.Meta(max_length=MAX_TRANSLATE_SEQS)]
    target: TranslateLanguage
    stored_only: bool = False


class TranslatedMessage(msgspec.Struct, kw_only=True):
    """``text`` is the message in the asked language; ``source`` the language it was written
    in. ``original`` is true when ``text`` is what the agent wrote (a translated reply)."""

    seq: int
    text: str
    source: str = ""
    original: bool = False


class MessagesTranslated(ListAnswer):
    id: int
    chat_id: int
    target: str
    messages: list[TranslatedMessage]


class TranslateText(Frame):
    """Agent: a preview of a reply in the visitor's language (``target`` "" lets the relay
    choose it: detected in the visitor's messages, else the widget's language)."""

    id: RequestId
    chat_id: DbId
    text: Text
    target: TargetLanguage = ""


class TextTranslated(Frame):
    id: int
    chat_id: int
    text: str
    source: str
    target: str


class SendTranslated(Frame):
    """Agent: send ``text`` (the agent's words) to the visitor in ``target`` (as in
    ``translate_text``). Answered like ``send_message`` (``message_acked``); the agent's words
    are stored as the message's translation into ``source`` (the agent's language)."""

    id: RequestId
    chat_id: DbId
    client_msg_id: ClientMsgId
    text: Text
    source: TranslateLanguage
    target: TargetLanguage = ""
