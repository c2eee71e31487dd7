"""X4: every node pushes chat events in cursor order, whichever node committed them.

A client resumes from the highest cursor it saw (the desktop app even drops an event whose
cursor is below one it has), so a node must never push event 101 before event 100. The group
writer of every node takes one advisory lock per batch on PostgreSQL (``server.store.writer``):
batches commit one after another, and each batch's cursors are above every cursor committed
before it. The writer announces each batch that wrote events as a *span* ``(prev, last]``:
``prev`` the highest cursor committed before it, ``last`` its own highest. The span travels over
the bus behind that batch's pushes (``RedisBus.committed``).

This module holds a node's cursored pushes until the spans it has seen reach them without a
gap from the *head* (everything up to the head has been pushed or needs no push here), then
hands them on in cursor order. A gap that does not close within ``grace`` (a cut bus, a node
that died between its commit and its pushes, a dropped pub/sub message), or at once while the
bus is cut off, is filled from the database: :class:`server.chats.replay.GapFill` gives every
local connection the events after its cursor and moves the head to where it read.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

Deliver = Callable[[str, str, "int | None"], None]

GRACE = 0.5
"""Seconds a gap may stay open before the database fills it."""
MAX_HELD = 50_000
"""Pushes held behind a gap at most; beyond it they are dropped (the fill sends them)."""


class CursorOrder:
    def __init__(self, deliver: Deliver, *, grace: float = GRACE, max_held: int = MAX_HELD):
        self._deliver = deliver
        self.grace = grace
        self._max_held = max_held
        self.head: int | None = None
        """None until :meth:`start`: pushes pass straight through (nothing to order against)."""
        self._spans: dict[int, int] = {}  # prev -> last, of spans beyond the head
        self._held: list[tuple[int, int, str, str]] = []  # heap of (cursor, n, topic, text)
        self._n = itertools.count()
        self._timer: asyncio.TimerHandle | None = None
        self.cut = False
        """The bus is cut off: a gap (a span beyond the head) cannot close, fill it at once."""
        self.fill: Callable[[], None] | None = None
        """Asks for a fill from the database (which calls :meth:`advance_to`)."""
        self.late = 0
        """Pushes that came after their span (delivered; a client may have moved past them)."""
        self.dropped = 0

    def start(self, head: int) -> None:
        """Order from ``head`` on (the highest committed cursor when the node starts)."""
        self.head = head
        self._release()

    @property
    def waiting(self) -> int:
        return len(self._held)

    def push(self, topic: str, text: str, cursor: int | None) -> None:
        if cursor is None or self.head is None:
            self._deliver(topic, text, cursor)
            return
        if cursor <= self.head:
            self.late += 1
            self._deliver(topic, text, cursor)
            return
        if len(self._held) >= self._max_held:
            self.dropped += 1  # beyond a gap: the fill gives each connection its events
        else:
            heapq.heappush(self._held, (cursor, next(self._n), topic, text))
        self._check()

    def span(self, prev: int, last: int) -> None:
        """A batch ``(prev, last]`` was committed (and its pushes sent before this)."""
        if self.head is None or last <= self.head:
            return
        if prev <= self.head:
            self.head = last
            self._follow()
            self._release()
        else:
            self._spans[prev] = max(self._spans.get(prev, 0), last)
        self._check()

    def advance_to(self, cursor: int) -> None:
        """The fill read the database up to ``cursor``: every connection gets what it missed
        up to there from it, so the head may move past any gap below."""
        if self.head is None or cursor > self.head:
            self.head = cursor
        self._follow()
        self._release()
        self._check()

    def set_cut(self, cut: bool) -> None:
        self.cut = cut
        self._check()

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    # -------------------------------------------------------------- inside

    def _follow(self) -> None:
        assert self.head is not None
        moved = True
        while moved and self._spans:
            moved = False
            for prev in [p for p in self._spans if p <= self.head]:
                last = self._spans.pop(prev)
                if last > self.head:
                    self.head = last
                moved = True

    def _release(self) -> None:
        held, head = self._held, self.head
        if head is None:
            return
        while held and held[0][0] <= head:
            cursor, _, topic, text = heapq.heappop(held)
            self._deliver(topic, text, cursor)
        if self._timer is not None:
            self._timer.cancel()  # progress: a new gap gets its own grace
            self._timer = None

    def _check(self) -> None:
        if not self._held and not self._spans:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            return
        if self.cut and self._spans:
            self._stuck()  # a span beyond the head: its batch cannot come over a cut bus
        elif self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self.grace, self._stuck)

    def _stuck(self) -> None:
        self._timer = None
        if self.fill is not None and (self._held or self._spans):
            self.fill()
