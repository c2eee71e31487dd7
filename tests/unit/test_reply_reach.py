"""C10: a visitor's phone reaches them by SMS or WhatsApp only with its country code: the
number as the contact form gave it, in the forms people write it."""

from __future__ import annotations

import pytest

from server.channels.reach import international


@pytest.mark.parametrize(
    ("given", "digits"),
    [
        ("+34 600 111 222", "34600111222"),
        ("0034 600-111-222", "34600111222"),
        ("(+54) 9 11 5555-0000", "5491155550000"),
        ("+1 (415) 555.0100", "14155550100"),
        ("600 111 222", ""),  # national: which country is unknown
        ("", ""),
        ("+", ""),
    ],
)
def test_c10_only_a_number_with_its_country_code_reaches_sms_or_whatsapp(
    given: str, digits: str
) -> None:
    """C10: international numbers in their usual spellings; a national one reaches nobody."""
    assert international(given) == digits
