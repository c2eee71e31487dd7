"""Working hours (K5): is the account open now? Outside its hours the widget shows the
offline form, whoever is online."""

from __future__ import annotations

import datetime as dt
import logging
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from server import protocol as p

log = logging.getLogger(__name__)


def valid_timezone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def is_open(hours: p.WorkingHours, now: dt.datetime | None = None) -> bool:
    """True when the hours are off, or ``now`` falls in today's span (in the hours' time zone).
    A span whose end is before its start runs past midnight (22:00-06:00)."""
    if not hours.enabled or len(hours.days) != 7:
        return True
    try:
        zone = ZoneInfo(hours.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("unknown time zone %r in the working hours: treated as UTC", hours.timezone)
        zone = ZoneInfo("UTC")
    local = (now or dt.datetime.now(dt.UTC)).astimezone(zone)
    return is_open_at(hours, local.weekday(), local.hour * 60 + local.minute)


def is_open_at(hours: p.WorkingHours, weekday: int, minute: int) -> bool:
    """:func:`is_open` at a local weekday (Monday 0) and minute of the day (the hours on)."""
    today = hours.days[weekday]
    yesterday = hours.days[(weekday - 1) % 7]
    if today.open:
        start, end = _minutes(today.start), _minutes(today.end)
        if start <= end and start <= minute < end:
            return True
        if start > end and minute >= start:
            return True
    if yesterday.open:
        start, end = _minutes(yesterday.start), _minutes(yesterday.end)
        if start > end and minute < end:
            return True
    return False
