"""The wire protocol between the relay, the website widget and the desktop app.

Every frame is a JSON object with a ``type`` tag. This package is the one definition of every
frame: the relay decodes and validates with it, the desktop app imports it, and
``docs/protocol.md`` is generated from it (``python -m server.protocol``). Each frame lives in
the module of its domain (``account``, ``chats``, ``actions``, ``visitors``, ``files``, ``logs``,
``admin``, ``crm``, ``phone``, ``channels``, ``stats``, ``translate``, ``gifs``, ``pointer``) with
its answers and pushes; ``base`` holds the limits, the close and error codes, the bounded types
and the ``Frame`` base, ``structs`` the structures several domains share, and ``codec`` each
role's union of frames and the encoders and decoders. The package re-exports all of them:
``from server import protocol as p`` then ``p.SendMessage``, ``p.encode``.

Rules (see DESIGN.md):

* A request carries an ``id`` chosen by the client; the response echoes it. Pushes have no ``id``.
* The first frame authenticates: ``sign_in`` or ``authenticate`` for agents, ``visitor_hello``
  for visitors. Tokens never travel in the URL.
* Every chat event gets a per-chat increasing ``seq`` and a global ``cursor``. A client that
  reconnects sends the last cursor it saw and receives everything after it, then ``sync_done``.
* Sends carry a client-made ``client_msg_id``; a retried send is acknowledged again, never stored
  twice.
* Limits are answered with an ``error`` frame (or a close with a readable reason), never a silent
  drop.
* Every bad input gets a typed answer (``malformed`` or ``invalid``): integers are bounded to
  what the database holds (``int[1..2147483647]`` for ids, ``int[0..9223372036854775807]`` for
  cursors), strings may not contain U+0000 (on any database), and lone UTF-16 surrogates are
  malformed JSON. Close reasons are at most 123 bytes.
* The relay never sends a frame its clients refuse (issue 12 item 6): ``history_page`` and
  ``archive_page`` are cut by size and say where the rest begins; ``welcome`` and every other
  answer with a growing list (``continued`` field) comes in parts of at most MAX_PAGE_BYTES,
  same type and ``id``, that the client joins; ``phrases_changed`` says ``reload`` when the
  list is too big to push.

This package imports nothing but msgspec and the standard library so that the desktop app can use
it without the relay's dependencies.
"""

from . import (
    account,
    actions,
    admin,
    base,
    channels,
    chats,
    codec,
    crm,
    doc,
    files,
    gifs,
    logs,
    phone,
    pointer,
    stats,
    structs,
    translate,
    visitors,
)  # fmt: skip
from .account import *  # noqa: F403
from .actions import *  # noqa: F403
from .admin import *  # noqa: F403
from .base import *  # noqa: F403
from .channels import *  # noqa: F403
from .chats import *  # noqa: F403
from .codec import *  # noqa: F403
from .crm import *  # noqa: F403
from .doc import *  # noqa: F403
from .files import *  # noqa: F403
from .gifs import *  # noqa: F403
from .logs import *  # noqa: F403
from .phone import *  # noqa: F403
from .pointer import *  # noqa: F403
from .stats import *  # noqa: F403
from .structs import *  # noqa: F403
from .translate import *  # noqa: F403
from .visitors import *  # noqa: F403

__all__ = [
    *base.__all__,
    *structs.__all__,
    *account.__all__,
    *chats.__all__,
    *actions.__all__,
    *visitors.__all__,
    *files.__all__,
    *logs.__all__,
    *stats.__all__,
    *admin.__all__,
    *translate.__all__,
    *gifs.__all__,
    *pointer.__all__,
    *crm.__all__,
    *phone.__all__,
    *channels.__all__,
    *codec.__all__,
    *doc.__all__,
]
