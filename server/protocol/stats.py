"""Statistics (S1): figures computed on the relay from its reporting log, in the account's
time zone (K5). Every definition is in docs/statistics.md and in the app's tooltips."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from .base import DbId, Frame, ListAnswer, RequestId
from .structs import DepartmentRef
from .visitors import SiteRef

__all__ = [
    "MAX_STATS_CHATS",
    "MAX_STATS_DAYS",
    "AgentFigures",
    "ChatFigures",
    "Figures",
    "GetStats",
    "Grouping",
    "LocalDate",
    "PeriodFigures",
    "StatsReport",
    "TimeFigure",
]

Grouping = Literal["hour", "day", "week", "month"]
LocalDate = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]

MAX_STATS_DAYS = 400
"""The longest date range one ``get_stats`` covers (hours: 31 days)."""
MAX_STATS_CHATS = 5000
"""Chats listed per report (the newest first); ``chats_total`` says how many there were."""


class TimeFigure(msgspec.Struct, kw_only=True):
    """A time in seconds over ``count`` values: mean, median, and p90 (nearest rank: the
    value that 90 % of them do not exceed). None without values."""

    count: int = 0
    mean: float | None = None
    median: float | None = None
    p90: float | None = None


class Figures(msgspec.Struct, kw_only=True):
    """The figures of a set of chats (those started in the range, or the period), and of the
    agents' time in it. ``taken_at_round`` / ``missed_at_round``: chats per ladder round
    (index 0: the first, personal offer; 1: every agent; 2, 3: the returns)."""

    chats: int = 0
    answered: int = 0
    missed: int = 0
    unanswered: int = 0
    """Started, then closed (or still waiting) without an agent taking it."""
    offline_messages: int = 0
    first_response: TimeFigure = msgspec.field(default_factory=TimeFigure)
    reaction: TimeFigure = msgspec.field(default_factory=TimeFigure)
    duration: TimeFigure = msgspec.field(default_factory=TimeFigure)
    messages: int = 0
    transfers: int = 0
    offers: int = 0
    ignores: int = 0
    taken_at_round: list[int] = msgspec.field(default_factory=lambda: [0, 0, 0, 0])
    missed_at_round: list[int] = msgspec.field(default_factory=lambda: [0, 0, 0, 0])
    invitations_sent: int = 0
    invitations_answered: int = 0
    conversion: float | None = None
    """Invitations answered / sent."""
    online_seconds: float = 0.0
    away_seconds: float = 0.0


class PeriodFigures(msgspec.Struct, kw_only=True):
    """One hour, day, week (Monday first) or month, in the account's time zone. ``start``:
    the period's first instant (UNIX time); ``label``: its local name (``2026-03-29``,
    ``2026-03-29 02:00+02:00``, ``2026-W13``, ``2026-03``)."""

    start: float
    label: str
    figures: Figures


class AgentFigures(msgspec.Struct, kw_only=True):
    agent_id: int
    name: str
    figures: Figures
    """Chats the agent accepted or was transferred; first responses the agent sent; offers
    the agent ignored; the agent's own online and away time."""


class ChatFigures(msgspec.Struct, kw_only=True):
    """One chat started in the range (the one-row-per-chat export). ``outcome``: answered,
    missed, unanswered or waiting."""

    chat_id: int
    started_at: float
    site_id: int | None = None
    department_id: int | None = None
    outcome: str = ""
    agent_id: int | None = None
    """Who accepted it."""
    reply_agent_id: int | None = None
    """Who sent the first response (credited with it)."""
    first_response: float | None = None
    reaction: float | None = None
    duration: float | None = None
    messages: int | None = None
    transfers: int = 0
    round: int | None = None
    """The ladder round it was taken or missed at."""
    in_working_hours: bool = True


class GetStats(Frame):
    """Any agent: the statistics of the local dates ``date_from`` .. ``date_to`` (inclusive,
    in the account's time zone), grouped by ``group``, optionally of one site, one department,
    one agent; ``working_hours``: only chats started, and time spent, inside the account's
    working hours. Admins see everything; an agent sees the team totals and their own
    figures (``agents`` and ``chats`` hold only them), and asking for another agent's figures
    is refused ``forbidden``. Answered with ``stats_report``."""

    id: RequestId
    date_from: LocalDate
    date_to: LocalDate
    group: Grouping = "day"
    site_id: DbId | None = None
    department_id: DbId | None = None
    agent_id: DbId | None = None
    working_hours: bool = False


class StatsReport(ListAnswer):
    """Answer to ``get_stats``. ``heatmap``: chats started per local weekday (Monday first)
    and hour, 7 x 24. ``sites`` and ``departments``: every channel and department, for the
    filters."""

    id: int
    timezone: str
    start: float
    end: float
    summary: Figures
    periods: list[PeriodFigures]
    heatmap: list[list[int]]
    agents: list[AgentFigures]
    chats: list[ChatFigures]
    chats_total: int = 0
    sites: list[SiteRef] = msgspec.field(default_factory=list)
    departments: list[DepartmentRef] = msgspec.field(default_factory=list)
