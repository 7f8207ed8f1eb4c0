"""What makes two contact records the same person.

A contact yields identity keys: its UID, each e-mail (case-insensitive), each phone
number (normalised to digits) and its name together with each postal address. Two
records sharing a key are candidates for a merge; `same_person` then refuses candidates
whose names contradict each other, so a shared household phone or a shared name alone
never merges two people.
"""

from __future__ import annotations

import re
import unicodedata

from studio.model import Address, Contact

_NON_DIGITS = re.compile(r"\D+")
_SPACES = re.compile(r"\s+")
_MIN_PHONE_DIGITS = 6  # shorter numbers (extensions, short codes) identify no one


def normalise_text(text: str) -> str:
    """Case-folded, NFC, single-spaced: for comparing names and streets."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def normalise_email(email: str) -> str:
    return email.strip().casefold()


def normalise_phone(phone: str) -> str:
    """Digits of a number, international prefix unified: '+49 171 …' and '0049171…' agree.

    National and international forms of one number ('0171…' vs '+49171…') are matched
    on their last nine digits, which is where numbers of every plan differ.
    """
    digits = _NON_DIGITS.sub("", phone.split(";ext=")[0].split(" ext")[0])
    if len(digits) < _MIN_PHONE_DIGITS:
        return ""
    return digits[-9:]


def person_name(contact: Contact) -> str:
    """Normalised "given family", or the display name when the parts are missing."""
    parts = f"{contact.given_name} {contact.family_name}"
    return normalise_text(parts if parts.strip() else contact.display_name)


def address_key(address: Address) -> str:
    """The first street line and the postcode, normalised ("1 main st|62704"); "" if neither."""
    street = normalise_text(address.street.split("\n")[0])
    code = normalise_text(address.postal_code).replace(" ", "")
    if not street and not code:
        return ""
    return f"{street}|{code}"


def identity_keys(contact: Contact) -> set[tuple[str, str]]:
    """The (kind, key) pairs by which another record of the same person can be found."""
    keys: set[tuple[str, str]] = set()
    if contact.uid.strip():
        keys.add(("uid", contact.uid.strip()))
    for email in contact.emails:
        if "@" in email.value:
            keys.add(("email", normalise_email(email.value)))
    for phone in contact.phones:
        if number := normalise_phone(phone.value):
            keys.add(("phone", number))
    name = person_name(contact)
    if name:
        for address in contact.addresses:
            if where := address_key(address):
                keys.add(("name-address", f"{name}|{where}"))
    return keys


def same_person(a: Contact, b: Contact) -> bool:
    """Whether two records that share an identity key may be merged.

    A shared UID always decides. Otherwise the names must not contradict: equal, or one
    side has no personal name at all (an e-mail-only card), or the given names agree
    and one family name is missing.
    """
    if a.uid.strip() and a.uid.strip() == b.uid.strip():
        return True
    name_a, name_b = person_name(a), person_name(b)
    if not name_a or not name_b or name_a == name_b:
        return True
    given_a, given_b = normalise_text(a.given_name), normalise_text(b.given_name)
    family_a, family_b = normalise_text(a.family_name), normalise_text(b.family_name)
    if given_a and given_a == given_b and (not family_a or not family_b):
        return True
    return False
