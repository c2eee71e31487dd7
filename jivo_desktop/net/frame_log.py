"""A bounded log of the frames a connection received, for tests only."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from server import protocol as p


class FrameLog:
    """A bounded log of received frames, for tests only (``AgentClient(keep_frames=N)``).

    Indexes count every frame ever appended, so ``mark = len(log)`` and ``log[mark:]`` keep
    working after the oldest frames have been dropped (those are simply gone)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._frames: deque[p.Frame] = deque(maxlen=limit)
        self._total = 0

    def append(self, frame: p.Frame) -> None:
        self._frames.append(frame)
        self._total += 1

    @property
    def start(self) -> int:
        """The index of the oldest frame still kept."""
        return self._total - len(self._frames)

    def __len__(self) -> int:
        return self._total

    def __iter__(self) -> Iterator[p.Frame]:
        return iter(list(self._frames))

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            begin, end, step = index.indices(self._total)
            frames = list(self._frames)
            kept = range(max(begin, self.start), end, step) if step > 0 else range(0)
            return [frames[i - self.start] for i in kept]
        if index < 0:
            index += self._total
        if not self.start <= index < self._total:
            raise IndexError("frame not kept")
        return self._frames[index - self.start]
