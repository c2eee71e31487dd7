"""P1: phone numbers as the app reads them. The rules live in :mod:`server.phone.numbers`
(pure, no Qt, no relay dependency) so that the relay refuses what a stranger types into the
widget's callback form (P2) by the same rules the dialer uses."""

from server.phone.numbers import (
    KINDS,
    MAX_INPUT,
    PROBLEMS,
    NumberCheck,
    as_you_type,
    check,
    countries,
    display,
    known_country,
)

__all__ = [
    "KINDS",
    "MAX_INPUT",
    "PROBLEMS",
    "NumberCheck",
    "as_you_type",
    "check",
    "countries",
    "display",
    "known_country",
]
