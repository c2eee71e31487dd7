"""The statistics' figures (S1), computed from reporting-log rows only (server.stats.log), in
the account's IANA time zone. Pure functions of the rows: the definitions are here and in
docs/statistics.md, and the known-answer tests (tests/server/test_statistics.py) compute the
same numbers by hand from their scenario.

A chat belongs to the range, period, heatmap cell and working-hours base of the instant it
started (the visitor's first message). Time spent (online, away) is cut at the range's and
each period's edges, and, for the working-hours base, to the working hours.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from server import protocol as p
from server.account import hours as hours_mod

LAST_ROUND = 3


def time_figure(values: list[float]) -> p.TimeFigure:
    """Mean, median (the middle value; the mean of the two middle ones for an even count) and
    p90 (nearest rank: the ceil(0.9 n)-th smallest value). Sorts ``values`` in place (a
    report's summary then sorts its periods' sorted runs put end to end: fast)."""
    if not values:
        return p.TimeFigure()
    values.sort()
    ordered = values
    rank = math.ceil(0.9 * len(ordered))
    return p.TimeFigure(
        count=len(ordered),
        mean=sum(ordered) / len(ordered),
        median=float(statistics.median(ordered)),
        p90=ordered[rank - 1],
    )


# ---------------------------------------------------------------- time zone and periods


def zone_of(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ValueError, KeyError):  # ZoneInfoNotFoundError is a KeyError
        return ZoneInfo("UTC")


def local_midnight(day: dt.date, zone: ZoneInfo) -> float:
    return dt.datetime.combine(day, dt.time(0), zone).timestamp()


def range_of(date_from: str, date_to: str, zone: ZoneInfo) -> tuple[float, float]:
    """Local dates (inclusive) as [start, end) in UNIX time: each day from its local midnight
    (a DST day lasts 23 or 25 hours)."""
    first = dt.date.fromisoformat(date_from)
    last = dt.date.fromisoformat(date_to)
    return local_midnight(first, zone), local_midnight(last + dt.timedelta(days=1), zone)


def period_start(ts: float, group: str, zone: ZoneInfo) -> float:
    local = dt.datetime.fromtimestamp(ts, zone)
    if group == "hour":
        # The local hour's start; in a fall-back night the repeated hour is its own period.
        return local.replace(minute=0, second=0, microsecond=0).timestamp()
    day = local.date()
    if group == "week":
        day -= dt.timedelta(days=day.weekday())
    elif group == "month":
        day = day.replace(day=1)
    return local_midnight(day, zone)


def next_period(start: float, group: str, zone: ZoneInfo) -> float:
    if group == "hour":
        return start + 3600.0  # every offset change here is whole hours (DST)
    day = dt.datetime.fromtimestamp(start, zone).date()
    if group == "day":
        day += dt.timedelta(days=1)
    elif group == "week":
        day += dt.timedelta(days=7)
    else:
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return local_midnight(day, zone)


def period_label(start: float, group: str, zone: ZoneInfo) -> str:
    local = dt.datetime.fromtimestamp(start, zone)
    if group == "hour":
        return (
            local.strftime("%Y-%m-%d %H:%M")
            + local.strftime("%z")[:3]
            + ":"
            + local.strftime("%z")[3:]
        )
    if group == "week":
        year, week, _ = local.date().isocalendar()
        return f"{year}-W{week:02d}"
    if group == "month":
        return local.strftime("%Y-%m")
    return local.date().isoformat()


def periods_of(start: float, end: float, group: str, zone: ZoneInfo) -> list[float]:
    out = []
    at = period_start(start, group, zone)
    while at < end:
        out.append(at)
        at = next_period(at, group, zone)
    return out


# ---------------------------------------------------------------- working hours


def working_spans(
    hours: p.WorkingHours | None, start: float, end: float, zone: ZoneInfo
) -> list[tuple[float, float]]:
    """The working hours inside [start, end) as UNIX-time spans, sorted and not overlapping
    (all of it when the working hours are off). A day's span whose end is before its start
    runs past midnight."""
    if hours is None or not hours.enabled or len(hours.days) != 7:
        return [(start, end)]
    hz = zone_of(hours.timezone)
    first = dt.datetime.fromtimestamp(start, hz).date() - dt.timedelta(days=1)
    last = dt.datetime.fromtimestamp(end, hz).date()
    spans: list[tuple[float, float]] = []
    day = first
    while day <= last:
        d = hours.days[day.weekday()]
        if d.open and d.start != d.end:
            a_clock = dt.time.fromisoformat(d.start)
            b_clock = dt.time.fromisoformat(d.end)
            b_day = day if b_clock > a_clock else day + dt.timedelta(days=1)
            a = dt.datetime.combine(day, a_clock, hz).timestamp()
            b = dt.datetime.combine(b_day, b_clock, hz).timestamp()
            a, b = max(a, start), min(b, end)
            if a < b:
                spans.append((a, b))
        day += dt.timedelta(days=1)
    # A day running past midnight can overlap the next day's hours: one span for both, so
    # that time inside both is counted once.
    merged: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def in_working_hours(hours: p.WorkingHours | None, ts: float) -> bool:
    if hours is None:
        return True
    return hours_mod.is_open(hours, dt.datetime.fromtimestamp(ts, dt.UTC))


def overlap(a: float, b: float, spans: Iterable[tuple[float, float]]) -> float:
    return sum(max(0.0, min(b, y) - max(a, x)) for x, y in spans)


# ---------------------------------------------------------------- chats from their rows


@dataclass(slots=True)
class ChatStory:
    """One chat as its log rows tell it."""

    chat_id: int
    started_at: float
    site_id: int | None = None
    department_id: int | None = None
    invited: bool = False
    accepted_at: float | None = None
    accepted_by: int | None = None
    replied_at: float | None = None
    replied_by: int | None = None
    closed_at: float | None = None
    messages: int | None = None
    missed_at: float | None = None
    missed_round: int | None = None
    last_offer_round: int | None = None
    taken_round: int | None = None
    offers: int = 0
    ignores: list[int] = field(default_factory=list)
    transfers: list[tuple[int | None, int | None]] = field(default_factory=list)
    """(from agent, to agent) per accepted transfer."""
    in_working_hours: bool = True

    @property
    def outcome(self) -> str:
        if self.missed_at is not None:
            return "missed"
        if self.accepted_at is not None:
            return "answered"
        return "unanswered" if self.closed_at is not None else "waiting"

    @property
    def first_response(self) -> float | None:
        return None if self.replied_at is None else self.replied_at - self.started_at

    @property
    def reaction(self) -> float | None:
        """Offer to accept; a chat answering an invitation was never offered (none)."""
        if self.accepted_at is None or self.invited:
            return None
        return self.accepted_at - self.started_at

    @property
    def duration(self) -> float | None:
        return None if self.closed_at is None else self.closed_at - self.started_at

    def agents(self) -> set[int]:
        """The agents the chat counts for: who accepted it and who it was transferred to."""
        out = {self.accepted_by} if self.accepted_by is not None else set()
        out.update(to for _from, to in self.transfers if to is not None)
        return out


def stories(rows: Iterable[Any]) -> dict[int, ChatStory]:
    """The chats of ``rows`` (each chat's rows, any order, with its ``chat_started`` row)."""
    by_chat: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        if row.chat_id is not None:
            by_chat[row.chat_id].append(row)
    out: dict[int, ChatStory] = {}
    for chat_id, chat_rows in by_chat.items():
        chat_rows.sort(key=lambda r: (r.ts, r.id))
        start = next((r for r in chat_rows if r.kind == "chat_started"), None)
        if start is None:
            continue
        story = ChatStory(
            chat_id,
            start.ts,
            site_id=start.site_id,
            department_id=start.department_id,
            invited=start.detail == "invited",
        )
        for r in chat_rows:
            if r.kind == "offered":
                story.offers += 1
                story.last_offer_round = r.round
            elif r.kind == "ignored":
                if r.agent_id is not None:
                    story.ignores.append(r.agent_id)
            elif r.kind == "accepted" and story.accepted_at is None:
                story.accepted_at, story.accepted_by = r.ts, r.agent_id
                story.taken_round = story.last_offer_round
            elif r.kind == "first_reply" and story.replied_at is None:
                story.replied_at, story.replied_by = r.ts, r.agent_id
            elif r.kind == "transferred":
                story.transfers.append((r.other_id, r.agent_id))
            elif r.kind == "closed" and story.closed_at is None:
                story.closed_at, story.messages = r.ts, r.n
            elif r.kind == "missed" and story.missed_at is None:
                story.missed_at, story.missed_round = r.ts, r.round
        out[chat_id] = story
    return out


STORY_COLUMNS = (
    "chat_id", "started_at", "site_id", "department_id", "invited", "accepted_at",
    "accepted_by", "replied_at", "replied_by", "closed_at", "messages", "missed_at",
    "missed_round", "last_offer_round", "taken_round", "offers", "ignores", "transfers",
)  # fmt: skip
"""The ``report_chats`` columns :func:`story_of_values` takes, in its order."""


def story_of_values(v: Sequence[Any]) -> ChatStory:
    """A chat from its ``report_chats`` values in :data:`STORY_COLUMNS` order (positional:
    a report reads a year's chats this way, without a lookup by name per column)."""
    transfers: list[tuple[int | None, int | None]] = []
    if v[17]:
        for entry in filter(None, v[17].split(",")):
            old, _, new = entry.partition(">")
            transfers.append((int(old) if old else None, int(new) if new else None))
    return ChatStory(
        int(v[0]), float(v[1]), v[2], v[3], bool(v[4]), v[5], v[6], v[7], v[8], v[9], v[10],
        v[11], v[12], v[13], v[14], int(v[15]),
        [int(a) for a in v[16].split(",") if a] if v[16] else [],
        transfers,
    )  # fmt: skip


def story_of_row(row: Any) -> ChatStory:
    """A chat from its ``report_chats`` row (what :func:`stories` makes from its log rows)."""
    return story_of_values([getattr(row, name) for name in STORY_COLUMNS])


# ---------------------------------------------------------------- agents' time


def status_intervals(
    rows: Iterable[Any], before: dict[int, str], start: float, end: float
) -> dict[int, list[tuple[float, float, str]]]:
    """Each agent's statuses as (from, to, status) inside [start, end). ``before``: the status
    each agent had at ``start`` (its last row before it)."""
    changes: dict[int, list[tuple[float, str]]] = defaultdict(list)
    for agent_id, status in before.items():
        changes[agent_id].append((start, status))
    for row in sorted(rows, key=lambda r: (r.ts, r.id)):
        if row.agent_id is not None and start <= row.ts < end:
            changes[row.agent_id].append((row.ts, row.detail))
    out: dict[int, list[tuple[float, float, str]]] = {}
    for agent_id, seq in changes.items():
        spans = []
        for (t, status), nxt in zip(seq, [*seq[1:], (end, "")], strict=True):
            if nxt[0] > t:
                spans.append((t, nxt[0], status))
        out[agent_id] = spans
    return out


def time_in(
    spans: Iterable[tuple[float, float, str]],
    a: float,
    b: float,
    work: Sequence[tuple[float, float]],
) -> tuple[float, float]:
    """(online, away) seconds of ``spans`` inside [a, b) and the working spans ``work``."""
    online = away = 0.0
    for x, y, status in spans:
        x, y = max(x, a), min(y, b)
        if x >= y or status not in ("online", "away"):
            continue
        seconds = overlap(x, y, work)
        if status == "online":
            online += seconds
        else:
            away += seconds
    return online, away


# ---------------------------------------------------------------- the report


@dataclass
class Query:
    zone: ZoneInfo
    start: float
    end: float
    group: str = "day"
    site_id: int | None = None
    department_id: int | None = None
    agent_id: int | None = None
    """Only this agent's figures (chats they took, first responses they sent, their time)."""
    hours: p.WorkingHours | None = None
    """The account's working hours (K5); None: always working time."""
    working_only: bool = False
    """The working-hours base: only chats started, rows stamped and time spent inside them."""
    now: float | None = None
    """Time spent is counted up to here (default: the range's end)."""


@dataclass
class Inputs:
    """The log rows a report is computed from (server.stats.repo reads them)."""

    chats: list[ChatStory]
    """The chats started in the range (from report_chats, or :func:`stories` of their rows)."""
    other_rows: list[Any]
    """offline_message, invitation_sent, invitation_answered rows in the range."""
    status_rows: list[Any]
    status_before: dict[int, str]
    agent_names: dict[int, str] = field(default_factory=dict)
    plain: Sequence[Sequence[Any]] = ()
    """The range's plain chats (:data:`PLAIN_COLUMNS` values, by start) of the channel and
    department asked: the most chats, read without their story (a year holds 200,000)."""


def _chat_selected(story: ChatStory, q: Query) -> bool:
    if q.site_id is not None and story.site_id != q.site_id:
        return False
    if q.department_id is not None and story.department_id != q.department_id:
        return False
    return q.start <= story.started_at < q.end


def for_agent(story: ChatStory, agent_id: int) -> bool:
    return agent_id in story.agents() or story.replied_by == agent_id or agent_id in story.ignores


def figures_of(
    chats: Sequence[ChatStory],
    other_rows: Sequence[Any],
    time: tuple[float, float],
    agent_id: int | None = None,
) -> p.Figures:
    """The figures of ``chats`` (already selected), the other rows and the agents' time.
    With ``agent_id``: each time figure only where that agent is credited."""
    f = p.Figures(chats=len(chats))
    frt, reaction, duration = [], [], []
    for c in chats:
        outcome = c.outcome
        if outcome == "answered":
            f.answered += 1
        elif outcome == "missed":
            f.missed += 1
        else:
            f.unanswered += 1
        if c.first_response is not None and agent_id in (None, c.replied_by):
            frt.append(c.first_response)
        if c.reaction is not None and agent_id in (None, c.accepted_by):
            reaction.append(c.reaction)
        took = agent_id is None or agent_id in c.agents()
        if c.duration is not None and c.accepted_at is not None and took:
            duration.append(c.duration)
        if took:
            f.messages += c.messages or 0
        f.transfers += len(c.transfers)
        f.offers += c.offers
        f.ignores += len(c.ignores) if agent_id is None else c.ignores.count(agent_id)
        if outcome == "answered" and c.taken_round is not None and took:
            f.taken_at_round[min(c.taken_round, LAST_ROUND)] += 1
        if outcome == "missed" and c.missed_round is not None:
            f.missed_at_round[min(c.missed_round, LAST_ROUND)] += 1
    f.first_response = time_figure(frt)
    f.reaction = time_figure(reaction)
    f.duration = time_figure(duration)
    for r in other_rows:
        if r.kind == "offline_message":
            f.offline_messages += 1
        elif r.kind == "invitation_sent":
            f.invitations_sent += 1
        elif r.kind == "invitation_answered":
            f.invitations_answered += 1
    if f.invitations_sent:
        f.conversion = f.invitations_answered / f.invitations_sent
    f.online_seconds, f.away_seconds = time
    return f


def agent_figures(
    chats: Sequence[ChatStory], other_rows: Sequence[Any], time: tuple[float, float], agent_id: int
) -> p.Figures:
    """One agent's figures: ``chats`` are those the agent took (accepted or was transferred),
    replied in first, or ignored; ``chats`` and ``answered`` count the ones taken, ``missed``
    those missed after the agent ignored them, ``transfers`` the agent's transfers away."""
    f = figures_of(chats, other_rows, time, agent_id)
    f.chats = f.answered = sum(1 for s in chats if agent_id in s.agents())
    f.missed = sum(1 for s in chats if s.outcome == "missed")
    f.unanswered = 0
    f.transfers = sum(1 for s in chats for old, _new in s.transfers if old == agent_id)
    return f


# ---------------------------------------------------------------- fast paths of a report


BLOCK = 900.0
"""A quarter of an hour: every UTC offset in use is whole quarters and changes at a whole
quarter of UTC, so inside one such block the local date, hour and offset do not change."""


class LocalClock:
    """Local period, weekday x hour and working-hours minute of an instant by table look-up:
    the range's quarters of an hour converted once (DST-exact: each quarter's own local time),
    not one zone conversion per chat. Where the zone breaks the assumption (an offset not whole
    quarters, a change inside a quarter) ``ok`` is False and the caller converts each row."""

    def __init__(
        self, zone: ZoneInfo, start: float, end: float, group: str, starts: Sequence[float]
    ) -> None:
        self.zone = zone
        self.group = group
        self.base = start
        self.ok = start % BLOCK == 0
        self.period: list[int] = []
        self.cell: list[int] = []
        self.minute: list[int] = []
        """Each quarter's local weekday * 1440 + minute of the day at its start."""
        self.index = {at: n for n, at in enumerate(starts)}
        known: dict[tuple[Any, ...], int] = {}
        t = start
        while self.ok and t < end:
            local = dt.datetime.fromtimestamp(t, zone)
            offset = local.utcoffset()
            last = dt.datetime.fromtimestamp(t + BLOCK - 1, zone).utcoffset()
            if offset is None or offset.total_seconds() % BLOCK or last != offset:
                self.ok = False
                break
            key = (local.date(), local.hour if group == "hour" else -1, offset)
            n = known.get(key)
            if n is None:
                n = known[key] = self.index.get(period_start(t, group, zone), -1)
            wd = local.weekday()
            self.period.append(n)
            self.cell.append(wd * 24 + local.hour)
            self.minute.append(wd * 1440 + local.hour * 60 + local.minute)
            t += BLOCK

    def at(self, ts: float) -> tuple[int, int, int]:
        """(period index, weekday * 24 + hour, weekday * 1440 + minute of the day) of ``ts``."""
        k = int((ts - self.base) // BLOCK)
        into = ts - (self.base + k * BLOCK)
        second = into % 60.0
        if 0 <= k < len(self.period) and 1e-3 < second < 60.0 - 1e-3:
            return self.period[k], self.cell[k], self.minute[k] + int(into // 60.0)
        # Near a minute's edge (datetime rounds to the microsecond) or outside: convert.
        local = dt.datetime.fromtimestamp(ts, self.zone)
        wd = local.weekday()
        n = self.index.get(period_start(ts, self.group, self.zone), -1)
        return n, wd * 24 + local.hour, wd * 1440 + local.hour * 60 + local.minute


class Window:
    """Spans (x, y, ...) sorted by their start; :meth:`of` gives, by bisection, a run of them
    holding every one that overlaps [a, b) (those left out add nothing to a sum of overlaps).
    Spans may overlap (two days' working hours can, past midnight): the lower bound is by
    the running greatest end."""

    def __init__(self, spans: Sequence[Any]) -> None:
        self.spans = spans
        self.starts = [s[0] for s in spans]
        self.ends: list[float] = []
        for s in spans:
            self.ends.append(max(s[1], self.ends[-1]) if self.ends else s[1])

    def of(self, a: float, b: float) -> Sequence[Any]:
        return self.spans[bisect_right(self.ends, a) : bisect_left(self.starts, b)]


ANSWERED, MISSED, UNANSWERED, WAITING = range(4)
"""A plain chat's outcome code (``ChatStory.outcome``), computed by the query."""

PLAIN_COLUMNS = (
    "chat_id", "started_at", "accepted_by", "outcome", "first_response", "reaction",
    "duration", "messages", "offers", "round",
)  # fmt: skip
"""A plain chat's values: no transfer, no ignore, and the first reply (if any) by the agent
who accepted it. Such a chat counts for the team and for that agent alone, with the same
values for both; server.stats.repo derives them in SQL as :class:`ChatStory` defines them
(``first_response``, ``reaction``, ``duration``; ``round``: the round it was taken at when
answered, missed at when missed)."""

OUTCOMES = {ANSWERED: "answered", MISSED: "missed", UNANSWERED: "unanswered", WAITING: "waiting"}


def is_plain(s: ChatStory) -> bool:
    """Whether ``s`` is a chat :data:`PLAIN_COLUMNS` describes."""
    return (
        not s.transfers
        and not s.ignores
        and (s.replied_at is None or (s.replied_by is not None and s.replied_by == s.accepted_by))
    )


def plain_values(s: ChatStory) -> tuple[Any, ...]:
    """A plain chat's :data:`PLAIN_COLUMNS` values from its story (what the query derives)."""
    outcome = {v: k for k, v in OUTCOMES.items()}[s.outcome]
    round_ = s.taken_round if outcome == ANSWERED else s.missed_round if outcome == MISSED else None
    return (
        s.chat_id, s.started_at, s.accepted_by, outcome, s.first_response, s.reaction,
        s.duration if s.accepted_at is not None else None, s.messages or 0, s.offers, round_,
    )  # fmt: skip


class Tally:
    """One set's figures added up chat by chat (what :func:`figures_of` and
    :func:`agent_figures` compute), so that a report makes the summary, the periods and the
    agents in one pass over its chats."""

    __slots__ = (
        "agent_id",
        "answered",
        "chats",
        "duration",
        "frt",
        "ignores",
        "messages",
        "missed",
        "missed_round",
        "offers",
        "reaction",
        "taken",
        "transfers",
        "unanswered",
    )  # fmt: skip

    def __init__(self, agent_id: int | None) -> None:
        self.agent_id = agent_id
        self.chats = self.answered = self.missed = self.unanswered = 0
        self.frt: list[float] = []
        self.reaction: list[float] = []
        self.duration: list[float] = []
        self.messages = self.transfers = self.offers = self.ignores = 0
        self.taken = [0, 0, 0, 0]
        self.missed_round = [0, 0, 0, 0]

    def add(self, c: ChatStory) -> None:
        me = self.agent_id
        outcome = c.outcome
        if me is None:
            self.chats += 1
            took = True
            if outcome == "answered":
                self.answered += 1
            elif outcome == "missed":
                self.missed += 1
            else:
                self.unanswered += 1
            self.transfers += len(c.transfers)
            self.ignores += len(c.ignores)
        else:
            if c.transfers:
                took = me == c.accepted_by or any(to == me for _f, to in c.transfers)
                self.transfers += sum(1 for old, _t in c.transfers if old == me)
            else:
                took = me == c.accepted_by
            if took:
                self.chats += 1
            if outcome == "missed":
                self.missed += 1
            if c.ignores:
                self.ignores += c.ignores.count(me)
        if c.replied_at is not None and (me is None or me == c.replied_by):
            self.frt.append(c.replied_at - c.started_at)
        if c.accepted_at is not None:
            if not c.invited and (me is None or me == c.accepted_by):
                self.reaction.append(c.accepted_at - c.started_at)
            if c.closed_at is not None and took:
                self.duration.append(c.closed_at - c.started_at)
        if took:
            self.messages += c.messages or 0
        self.offers += c.offers
        if outcome == "answered" and c.taken_round is not None and took:
            self.taken[min(c.taken_round, LAST_ROUND)] += 1
        if outcome == "missed" and c.missed_round is not None:
            self.missed_round[min(c.missed_round, LAST_ROUND)] += 1

    def add_plain(self, columns: Sequence[Sequence[Any]], a: int = 0, b: int | None = None) -> None:
        """:meth:`add` of plain chats, for the team or for the agent who took them (the same
        for both: see PLAIN_COLUMNS): rows ``a`` to ``b`` of ``columns``, the
        :data:`PLAIN_COLUMNS` values by column. A few passes in C (Counter, sum,
        comprehensions), not a call per chat: a year holds 200,000."""
        _ids, _starts, _agents, outcomes, frt, reaction, duration, messages, offers, rounds = (
            column[a:b] for column in columns
        )
        if not outcomes:
            return
        self.chats += len(outcomes)
        counts = Counter(outcomes)
        self.answered += counts[ANSWERED]
        self.missed += counts[MISSED]
        self.unanswered += counts[UNANSWERED] + counts[WAITING]
        for (outcome, round_), n in Counter(zip(outcomes, rounds, strict=True)).items():
            if round_ is None:
                continue
            if outcome == ANSWERED:
                self.taken[min(round_, LAST_ROUND)] += n
            elif outcome == MISSED:
                self.missed_round[min(round_, LAST_ROUND)] += n
        self.frt += [x for x in frt if x is not None]
        self.reaction += [x for x in reaction if x is not None]
        self.duration += [x for x in duration if x is not None]
        self.messages += sum(messages)
        self.offers += sum(offers)

    def merge(self, other: Tally) -> None:
        """Add ``other``'s chats (another set of the same agent's figures)."""
        for name in ("chats", "answered", "missed", "unanswered", "messages", "transfers",
                     "offers", "ignores"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.frt += other.frt
        self.reaction += other.reaction
        self.duration += other.duration
        for n in range(LAST_ROUND + 1):
            self.taken[n] += other.taken[n]
            self.missed_round[n] += other.missed_round[n]

    def figures(self, others: Sequence[Any], time: tuple[float, float]) -> p.Figures:
        f = p.Figures(
            chats=self.chats,
            answered=self.chats if self.agent_id is not None else self.answered,
            missed=self.missed,
            unanswered=self.unanswered,
            first_response=time_figure(self.frt),
            reaction=time_figure(self.reaction),
            duration=time_figure(self.duration),
            messages=self.messages,
            transfers=self.transfers,
            offers=self.offers,
            ignores=self.ignores,
            taken_at_round=self.taken,
            missed_at_round=self.missed_round,
        )
        for r in others:
            if r.kind == "offline_message":
                f.offline_messages += 1
            elif r.kind == "invitation_sent":
                f.invitations_sent += 1
            elif r.kind == "invitation_answered":
                f.invitations_answered += 1
        if f.invitations_sent:
            f.conversion = f.invitations_answered / f.invitations_sent
        f.online_seconds, f.away_seconds = time
        return f


Listed = ChatStory | Sequence[Any]
"""A chat of a report's list: its story, or a plain chat's :data:`PLAIN_COLUMNS` values."""


def merged(told: list[ChatStory], plain: list[Sequence[Any]]) -> list[Listed]:
    """The chats of both lists (each by start, then id) in one list by start, then id: the
    few told chats placed by bisection into the many plain ones, not a sort of them all."""
    if not told:
        return list(plain)
    keys = [(v[1], v[0]) for v in plain]
    out: list[Listed] = []
    at = 0
    for s in told:
        to = bisect_left(keys, (s.started_at, s.chat_id), at)
        out += plain[at:to]
        out.append(s)
        at = to
    out += plain[at:]
    return out


def listed_id(c: Listed) -> int:
    return c.chat_id if isinstance(c, ChatStory) else int(c[0])


def lists_agent(c: Listed, agent_id: int) -> bool:
    """:func:`for_agent` of a listed chat (a plain one is the agent's who accepted it)."""
    return for_agent(c, agent_id) if isinstance(c, ChatStory) else c[2] == agent_id


def chat_row(s: ChatStory) -> p.ChatFigures:
    """A chat's row of the per-chat table and CSV."""
    return p.ChatFigures(
        chat_id=s.chat_id,
        started_at=s.started_at,
        site_id=s.site_id,
        department_id=s.department_id,
        outcome=s.outcome,
        agent_id=s.accepted_by,
        reply_agent_id=s.replied_by,
        first_response=s.first_response,
        reaction=s.reaction,
        duration=s.duration if s.accepted_at is not None else None,
        messages=s.messages,
        transfers=len(s.transfers),
        round=s.taken_round if s.outcome == "answered" else s.missed_round,
        in_working_hours=s.in_working_hours,
    )


def report(q: Query, data: Inputs) -> tuple[p.Figures, list[p.PeriodFigures], list[list[int]],
                                            list[p.AgentFigures], list[Listed]]:  # fmt: skip
    """The summary, the periods, the weekday x hour heatmap, the agents and the chats (their
    rows: :func:`chat_row`, a plain one's from its story read again). One pass over the
    chats, told and plain; each chat's local period, heatmap cell and working-hours minute by
    :class:`LocalClock`."""
    zone = q.zone
    work = Window(working_spans(q.hours if q.working_only else None, q.start, q.end, zone))
    starts = periods_of(q.start, q.end, q.group, zone)
    clock = LocalClock(zone, q.start, q.end, q.group, starts)
    hours = q.hours
    table: list[bool] | None = None
    if hours is None or not hours.enabled or len(hours.days) != 7:
        table = [True] * (7 * 1440)
    elif clock.ok and zone_of(hours.timezone).key == zone.key:
        table = [hours_mod.is_open_at(hours, m // 1440, m % 1440) for m in range(7 * 1440)]
    all_chats = [s for s in data.chats if _chat_selected(s, q)]
    all_chats.sort(key=lambda s: (s.started_at, s.chat_id))
    heatmap_cells = [0] * (7 * 24)
    summary_tally = Tally(q.agent_id)
    period_tallies = [Tally(q.agent_id) for _ in starts]
    agent_tallies: dict[int, Tally] = {}
    fast = clock.ok

    def local(ts: float) -> tuple[int, int, bool]:
        """(period index, heatmap cell, in working hours) of ``ts``."""
        if fast:
            n, cell, minute = clock.at(ts)
        else:
            at = dt.datetime.fromtimestamp(ts, zone)
            n = clock.index.get(period_start(ts, q.group, zone), -1)
            cell, minute = at.weekday() * 24 + at.hour, -1
        if table is not None and minute >= 0:
            return n, cell, table[minute]
        return n, cell, in_working_hours(hours, ts)

    def tally_of(agent_id: int) -> Tally:
        tally = agent_tallies.get(agent_id)
        if tally is None:
            tally = agent_tallies[agent_id] = Tally(agent_id)
        return tally

    told: list[ChatStory] = []
    for s in all_chats:
        n, cell, s.in_working_hours = local(s.started_at)
        if q.working_only and not s.in_working_hours:
            continue
        # The agents' table counts the team's chats each agent is involved in.
        involved = s.agents() | set(s.ignores)
        if s.replied_by is not None:
            involved.add(s.replied_by)
        for agent_id in involved:
            tally_of(agent_id).add(s)
        if q.agent_id is not None and q.agent_id not in involved:
            continue
        told.append(s)
        # The summary is the periods' tallies added up (below), and the chats of none.
        (period_tallies[n] if n >= 0 else summary_tally).add(s)
        heatmap_cells[cell] += 1
    # Plain chats come by start: a period's are a run of them (``runs``: its index, where its
    # run starts). An agent's figures asked: only theirs count (the agents' table is theirs).
    plain: list[Sequence[Any]] = []
    runs: list[tuple[int, int]] = []
    by_agent: dict[int, list[Sequence[Any]]] = defaultdict(list)
    last = None
    for v in data.plain:
        n, cell, working = local(v[1])
        if q.working_only and not working:
            continue
        agent_id = v[2]
        if q.agent_id is not None and q.agent_id != agent_id:
            continue
        if n != last:
            runs.append((n, len(plain)))
            last = n
        plain.append(v)
        heatmap_cells[cell] += 1
        if agent_id is not None and q.agent_id is None:
            by_agent[agent_id].append(v)
    if plain:
        columns = list(zip(*plain, strict=True))
        bounds = [at for _n, at in runs[1:]] + [len(plain)]
        for (n, first), stop in zip(runs, bounds, strict=True):
            (period_tallies[n] if n >= 0 else summary_tally).add_plain(columns, first, stop)
        if q.agent_id is not None:
            tally_of(q.agent_id).add_plain(columns)
    for agent_id, rows in by_agent.items():
        tally_of(agent_id).add_plain(list(zip(*rows, strict=True)))
    chats = merged(told, plain)

    def other_selected(r: Any, a: float, b: float) -> bool:
        if not (a <= r.ts < b) or (q.site_id is not None and r.site_id != q.site_id):
            return False
        if q.agent_id is not None and r.kind != "offline_message" and r.agent_id != q.agent_id:
            return False
        return not q.working_only or in_working_hours(q.hours, r.ts)

    others = [r for r in data.other_rows if other_selected(r, q.start, q.end)]
    others.sort(key=lambda r: r.ts)
    other_ts = [r.ts for r in others]
    counted_until = min(q.end, q.now) if q.now is not None else q.end
    spans = {
        agent_id: Window(agent_spans)
        for agent_id, agent_spans in status_intervals(
            data.status_rows, data.status_before, q.start, counted_until
        ).items()
    }

    def agents_time(a: float, b: float, only: int | None) -> tuple[float, float]:
        online = away = 0.0
        these = work.of(a, b)
        for agent_id, agent_spans in spans.items():
            if only is None or agent_id == only:
                on, off = time_in(agent_spans.of(a, b), a, b, these)
                online += on
                away += off
        return online, away

    periods = []
    for at, tally in zip(starts, period_tallies, strict=True):
        until = next_period(at, q.group, zone)
        a, b = max(at, q.start), min(until, q.end)
        period_others = others[bisect_left(other_ts, a) : bisect_left(other_ts, b)]
        periods.append(
            p.PeriodFigures(
                start=at,
                label=period_label(at, q.group, zone),
                figures=tally.figures(period_others, agents_time(a, b, q.agent_id)),
            )
        )
    for tally in period_tallies:  # after their figures: each list is sorted now
        summary_tally.merge(tally)
    summary = summary_tally.figures(others, agents_time(q.start, q.end, q.agent_id))
    heatmap = [heatmap_cells[d * 24 : d * 24 + 24] for d in range(7)]
    others_by_agent: dict[int, list[Any]] = defaultdict(list)
    for r in others:
        if r.agent_id is not None:
            others_by_agent[r.agent_id].append(r)
    agent_ids = set(spans) | set(agent_tallies)
    if q.agent_id is not None:
        agent_ids &= {q.agent_id}
    agents = [
        p.AgentFigures(
            agent_id=agent_id,
            name=data.agent_names.get(agent_id, ""),
            figures=agent_tallies.get(agent_id, Tally(agent_id)).figures(
                others_by_agent.get(agent_id, []), agents_time(q.start, q.end, agent_id)
            ),
        )
        for agent_id in sorted(agent_ids)
    ]
    return summary, periods, heatmap, agents, chats
