"""Phone numbers as keys: one number written two ways ("0171 2345678" at a German address,
"+49 171 2345678") gives one key, and two numbers that only end alike do not.

A key is the number's E.164 form (ITU-T E.164, as Google's libphonenumber parses it through
the `phonenumbers` package), read with the contact's country as the default region: the
country of its address, else the user's home country. An extension stays part of the key
in RFC 3966 form ("+12125550100;ext=12"), so two colleagues behind one switchboard keep two
keys. A number that cannot be read as a whole number of any plan (too short, a local number
without its area code, letters) keeps a digits-only key: it has no "+", so it never equals
a parseable number of any country.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

from studio.model import Contact
from studio.postal.countries import resolve_country

_NON_DIGITS = re.compile(r"\D+")
# How people write an extension when phonenumbers cannot read the number around it.
_EXTENSION = re.compile(r"(?:;\s*ext=|\s*(?:ext\.?|extension|x|#)\s*)(\d+)\s*$", re.IGNORECASE)
MIN_SEARCH_DIGITS = 6  # fewer typed digits are searched as text ("0199" in "555 0199")


def phone_region(contact: Contact, home_country: str) -> str:
    """The region a contact's numbers are read in: its preferred address's country, or
    ``home_country`` when the address has none (phones store domestic addresses without one)
    or names no country anyone can resolve. "" when neither is known."""
    home = home_country.strip().upper()
    address = contact.preferred_address()
    if address is None:
        return home
    return resolve_country(address.country, default=home) or home


@lru_cache(maxsize=16384)  # one import keys each number several times (find, match, store)
def phone_key(number: str, region: str) -> str:
    """The key of ``number`` read in ``region`` (ISO 3166 alpha-2; "" for none).

    "+491712345678" for "0171 2345678" in "DE" and for "+49 171 2345678" anywhere;
    "+12125550100;ext=12" for "212-555-0100 x12" in "US"; digits ("5550100") for a number
    that is not a whole number of its plan; "" when it holds no digit.
    """
    parsed = _parse(number, region)
    if parsed is not None:
        e164 = phonenumbers.format_number(parsed, PhoneNumberFormat.E164)
        return f"{e164};ext={parsed.extension}" if parsed.extension else e164
    extension = _EXTENSION.search(number)
    digits = _NON_DIGITS.sub("", number[:extension.start()] if extension else number)
    if not digits:
        return ""
    return f"{digits};ext={extension.group(1)}" if extension else digits


def key_digits(key: str) -> str:
    """The digits of a key without its "+" or extension: what a search looks for."""
    return key.split(";ext=")[0].lstrip("+")


def query_digits(query: str, home_country: str) -> list[str]:
    """What a search typed as a number looks for in `key_digits` of stored numbers.

    The digits without their leading zeros ("0171 …" → "171…", "0049 171 …" → "49171…"),
    which are a part of the stored digits however the user writes a number of any country,
    and the number's own E.164 digits when it reads as a whole number in ``home_country``
    (the US exit code, "011 49 171 …"). [] when fewer than `MIN_SEARCH_DIGITS` digits.
    """
    digits = _NON_DIGITS.sub("", query)
    if len(digits) < MIN_SEARCH_DIGITS:
        return []
    found = [digits.lstrip("0") or digits]
    parsed = _parse(query, home_country.strip().upper())
    if parsed is not None:
        whole = key_digits(phonenumbers.format_number(parsed, PhoneNumberFormat.E164))
        if whole not in found:
            found.append(whole)
    return found


def _parse(number: str, region: str) -> phonenumbers.PhoneNumber | None:
    """The number when it is a whole number of its plan, read in ``region``; else None.

    Numbers written with "00" (the exit code of most of the world) are also tried as "+…",
    so "0049 171 …" at a contact of the US, whose exit code is 011, is still German.
    """
    attempts = [(number, region if region in phonenumbers.SUPPORTED_REGIONS else None)]
    bare = number.strip()
    if bare.startswith("00"):
        attempts.append(("+" + bare[2:], None))
    for text, default in attempts:
        try:
            parsed = phonenumbers.parse(text, default)
        except NumberParseException:
            continue
        # Valid numbers, and numbers of a valid length in a range the metadata does not know
        # yet; not local numbers without their area code ("555-0100"), nor short codes.
        if phonenumbers.is_valid_number(parsed) or (
                phonenumbers.is_possible_number_with_reason(parsed) == ValidationResult.IS_POSSIBLE):
            return parsed
    return None
