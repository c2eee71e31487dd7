"""P1: numbers typed in the dialer (or given by a visitor) read in the agent's default country:
valid ones get their E.164 form, national and international writing; premium-rate and emergency
numbers are told apart; what is no number says why. A table across several countries."""

from __future__ import annotations

import pytest

from jivo_desktop.services import phone_numbers as pn

TABLE = [
    # typed, default country, E.164 ("" = not dialable), problem, premium, emergency
    ("91 123 45 67", "ES", "+34911234567", "", False, False),
    ("600 12 34 56", "ES", "+34600123456", "", False, False),
    ("+34 803 123 456", "ES", "+34803123456", "", True, False),
    ("112", "ES", "", "emergency", False, True),
    ("(202) 123-4567", "US", "", "invalid", False, False),  # no area code starts with 1
    ("(212) 736-5000", "US", "+12127365000", "", False, False),
    ("1-900-555-0123", "US", "+19005550123", "", True, False),
    ("911", "US", "", "emergency", False, True),
    ("+44 20 7946 0958", "ES", "+442079460958", "", False, False),  # another country's
    ("09098 790123", "GB", "+449098790123", "", True, False),
    ("999", "GB", "", "emergency", False, True),
    ("(11) 91234-5678", "BR", "+5511912345678", "", False, False),
    ("190", "BR", "", "emergency", False, True),
    ("8 (495) 123-45-67", "RU", "+74951234567", "", False, False),
    ("+7 809 505 12 34", "RU", "+78095051234", "", True, False),
    ("tel:+34911234567", "US", "+34911234567", "", False, False),  # a pasted link
    ("", "ES", "", "empty", False, False),
    ("hola", "ES", "", "not_a_number", False, False),
    ("91 123 45", "ES", "", "invalid", False, False),
    ("9" * 41, "ES", "", "too_long", False, False),
    ("+34 91 123 45 67<script>", "ES", "", "not_a_number", False, False),
]


@pytest.mark.parametrize(("typed", "country", "e164", "problem", "premium", "emergency"), TABLE)
def test_p1_number_validation_table(
    typed: str, country: str, e164: str, problem: str, premium: bool, emergency: bool
) -> None:
    found = pn.check(typed, country)
    assert (found.e164, found.problem, found.premium, found.emergency) == (
        e164,
        problem,
        premium,
        emergency,
    )
    assert found.ok == (not problem)


def test_p1_display_national_at_home_international_abroad() -> None:
    assert pn.display("+34911234567", "ES") == "911 23 45 67"
    assert pn.display("+34911234567", "US") == "+34 911 23 45 67"
    assert pn.display("not a number", "ES") == "not a number"


def test_p1_formatting_as_you_type() -> None:
    assert pn.as_you_type("911234567", "ES") == "911 23 45 67"
    assert pn.as_you_type("+5511912345678", "ES") == "+55 11 91234-5678"
    assert pn.as_you_type("2127365000", "US") == "(212) 736-5000"
    # Only digits and a leading + count (letters, a second + and other digits' scripts drop).
    assert pn.as_you_type("9a1+1٣2", "ES") == pn.as_you_type("9112", "ES")
    assert pn.as_you_type("", "ES") == ""
