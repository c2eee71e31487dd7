"""P1: phone numbers read, checked and written the way people expect, with ``phonenumbers``
(Google's libphonenumber metadata): a number typed in the national way is read in the agent's
default country, a number with ``+`` in its own.

Pure functions, no Qt: the dialer formats as the agent types, the calling service turns a
checked number into a URI, and the same rules can refuse what a stranger typed (P2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType, shortnumberinfo

MAX_INPUT = 40
"""Characters of a typed or pasted number looked at (the longest E.164 number has 15 digits;
the rest is room for spaces, dashes, brackets and an extension)."""

_ALLOWED = re.compile(r"[^0-9+*#()\-./ \t]")

PROBLEMS = ("empty", "not_a_number", "too_long", "invalid", "emergency")
"""Why a number cannot be dialled, as ``NumberCheck.problem`` (the service words them)."""


@dataclass(frozen=True)
class NumberCheck:
    """What a typed number is. ``e164`` is set only for a valid number; ``problem`` is one of
    :data:`PROBLEMS` or ""; ``premium`` marks a premium-rate number (it may cost the caller a
    lot: callers are warned, strangers refused); ``emergency`` a number of the emergency
    services in that country (never dialled from the app: the softphone cannot tell them where
    the agent is)."""

    text: str
    country: str
    e164: str = ""
    international: str = ""
    national: str = ""
    region: str = ""
    kind: str = ""
    premium: bool = False
    emergency: bool = False
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


KINDS = {
    PhoneNumberType.FIXED_LINE: "fixed",
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixed_or_mobile",
    PhoneNumberType.TOLL_FREE: "toll_free",
    PhoneNumberType.PREMIUM_RATE: "premium",
    PhoneNumberType.SHARED_COST: "shared_cost",
    PhoneNumberType.VOIP: "voip",
    PhoneNumberType.PERSONAL_NUMBER: "personal",
    PhoneNumberType.PAGER: "pager",
    PhoneNumberType.UAN: "uan",
    PhoneNumberType.VOICEMAIL: "voicemail",
}


def known_country(code: str) -> bool:
    return code.upper() in phonenumbers.SUPPORTED_REGIONS


def countries() -> list[tuple[str, int]]:
    """Every country libphonenumber knows, with its calling code, by ISO code."""
    return sorted(
        (region, phonenumbers.country_code_for_region(region))
        for region in phonenumbers.SUPPORTED_REGIONS
    )


def check(text: str, country: str) -> NumberCheck:
    """Read ``text`` as a number of ``country`` (ISO 3166 alpha-2; a number with ``+`` or
    ``00`` is read in its own country)."""
    country = country.upper() if known_country(country) else "ZZ"
    raw = text.strip()
    if not raw:
        return NumberCheck(text, country, problem="empty")
    if len(raw) > MAX_INPUT:
        return NumberCheck(text, country, problem="too_long")
    if _ALLOWED.search(raw) and not raw.lower().startswith(("tel:", "sip:", "callto:")):
        return NumberCheck(text, country, problem="not_a_number")
    raw = re.sub(r"^(tel|callto|sip):", "", raw, flags=re.IGNORECASE).split("@")[0]
    digits = re.sub(r"[^0-9]", "", raw)
    if country != "ZZ" and shortnumberinfo.is_emergency_number(digits, country):
        return NumberCheck(text, country, region=country, emergency=True, problem="emergency")
    try:
        number = phonenumbers.parse(raw, None if country == "ZZ" else country)
    except phonenumbers.NumberParseException:
        return NumberCheck(text, country, problem="not_a_number")
    region = phonenumbers.region_code_for_number(number) or ""
    if region and shortnumberinfo.is_emergency_number(str(number.national_number), region):
        return NumberCheck(text, country, region=region, emergency=True, problem="emergency")
    if not phonenumbers.is_valid_number(number):
        return NumberCheck(text, country, region=region, problem="invalid")
    kind = KINDS.get(phonenumbers.number_type(number), "")
    return NumberCheck(
        text,
        country,
        e164=phonenumbers.format_number(number, PhoneNumberFormat.E164),
        international=phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
        national=phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
        region=region,
        kind=kind,
        premium=kind == "premium",
    )


def display(e164_or_text: str, country: str) -> str:
    """A number as people of ``country`` write it: national for their own country's numbers,
    international for the others; the text itself when it does not read as a number."""
    found = check(e164_or_text, country)
    if not found.e164:
        return e164_or_text.strip()
    return found.national if found.region == found.country else found.international


def as_you_type(text: str, country: str) -> str:
    """The number formatted while it is typed (spaces where that country puts them). Only the
    digits and a leading ``+`` count; anything past :data:`MAX_INPUT` is cut."""
    text = text[:MAX_INPUT]
    formatter = phonenumbers.AsYouTypeFormatter(country.upper() if known_country(country) else "ZZ")
    out = ""
    for index, char in enumerate(text.strip()):
        if char in "0123456789" or (char == "+" and index == 0):
            out = formatter.input_digit(char)
    return out
