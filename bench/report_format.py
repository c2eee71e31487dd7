"""Formatting shared by every benchmark's Markdown: numbers, ratios, tables and verdicts."""

from __future__ import annotations

BARE = "bare forwarder"


def header(*columns: str) -> list[str]:
    return ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]


def fmt(value: float | None, digits: int = 2) -> str:
    if value is None or value != value:
        return "-"
    return f"{value:.{digits}f}"


def times(value: float | None) -> str:
    text = fmt(value)
    return text if text == "-" else f"{text}x"


def verdict(ok: bool | None) -> str:
    if ok is None:
        return "not measured"
    return "met" if ok else "**missed**"


def at_most(value: float | None, limit: float) -> bool | None:
    return None if value is None or value != value else value <= limit


def at_least(value: float | None, limit: float) -> bool | None:
    return None if value is None or value != value else value >= limit


def table(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    return [*header(*columns), *["| " + " | ".join(row) + " |" for row in rows]]
