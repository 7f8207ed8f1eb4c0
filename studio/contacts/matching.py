"""Whether two records are one person: merge them, ask the user, or keep them apart.

The rule (README, "When two cards are merged"):
- the same UID: one person, unless the names disagree (a broken exporter that gives
  everyone one UID, or a renamed contact): then possibly one person;
- the same e-mail or phone number (a strong identifier; numbers compared in E.164 form,
  `phones.phone_key`) and names that may be one person's
  (`identity.names_compatible`: case, accents, initials, "Mike"/"Michael"): one person;
  incompatible names behind a shared household phone or e-mail: two people;
- the same name at the same address (street and postcode) and nothing contradicting it:
  one person; when anything contradicts it (another birthday, another flat or unit,
  e-mails or phones that have nothing in common) the pair is only *possibly* one person;
- the same name and nothing else in common, and no different birthday: possibly one person.
Only "one person" merges on its own; every "possibly" waits for the user's decision in the
possible-duplicates review.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from studio.contacts.identity import (
    address_key,
    identity_keys,
    names_compatible,
    normalise_email,
    normalise_text,
    phone_keys,
    same_name,
)
from studio.model import Contact, PartialDate


class Verdict(enum.Enum):
    SAME = "same"
    POSSIBLE = "possible"
    APART = "apart"


@dataclass(frozen=True)
class Match:
    """The verdict on two records with what they share and what contradicts it, in words."""

    verdict: Verdict
    shared: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()


def match(a: Contact, b: Contact, home_country: str = "") -> Match:
    """Decide whether ``a`` and ``b`` are one person (see the module's rule).

    ``home_country`` is the user's (settings): where a number written without its country
    code is read when the contact's address names no country (`identity.identity_keys`).
    """
    keys = identity_keys(a, home_country) & identity_keys(b, home_country)
    kinds = {kind for kind, _ in keys}
    shared = tuple(_describe(kind, key) for kind, key in sorted(keys))
    compatible = names_compatible(a, b)
    if "uid" in kinds:
        if compatible:
            return Match(Verdict.SAME, shared)
        # A broken exporter gives everyone one UID; a renamed contact keeps it: ask.
        return Match(Verdict.POSSIBLE, shared, (f"different names ({a.name} / {b.name})",))
    if not compatible:  # a shared household phone; a Sr. and a Jr.
        return Match(Verdict.APART, shared)
    if kinds & {"email", "phone"}:
        return Match(Verdict.SAME, shared)
    if "name-address" in kinds:
        conflicts = _conflicts(a, b, home_country)
        return Match(Verdict.POSSIBLE if conflicts else Verdict.SAME, shared, conflicts)
    if same_name(a, b):
        birthday = _birthday_conflict(a, b)
        if birthday:
            return Match(Verdict.APART, ("the same name",), (birthday,))
        return Match(Verdict.POSSIBLE, ("the same name",), _conflicts(a, b, home_country))
    return Match(Verdict.APART, shared)


def _describe(kind: str, key: str) -> str:
    if kind == "uid":
        return "the same UID"
    if kind == "email":
        return f"the e-mail {key}"
    if kind == "phone":
        return f"a phone number ending {key.split(';ext=')[0][-4:]}"
    return "the same name and address"


def _conflicts(a: Contact, b: Contact, home_country: str) -> tuple[str, ...]:
    found = [_birthday_conflict(a, b), _unit_conflict(a, b)]
    emails_a = {normalise_email(e.value) for e in a.emails if e.value.strip()}
    emails_b = {normalise_email(e.value) for e in b.emails if e.value.strip()}
    if emails_a and emails_b and not emails_a & emails_b:
        found.append("different e-mails")
    phones_a, phones_b = phone_keys(a, home_country), phone_keys(b, home_country)
    if phones_a and phones_b and not phones_a & phones_b:
        found.append("different phones")
    return tuple(conflict for conflict in found if conflict)


def _birthday_conflict(a: Contact, b: Contact) -> str:
    if a.birthday is None or b.birthday is None or _same_date(a.birthday, b.birthday):
        return ""
    return f"different birthdays ({a.birthday.iso()} / {b.birthday.iso()})"


def _same_date(a: PartialDate, b: PartialDate) -> bool:
    """One date, a missing year aside ("--05-03" is 1960-05-03)."""
    return (a.month, a.day) == (b.month, b.day) and (a.year is None or b.year is None or a.year == b.year)


def _unit_conflict(a: Contact, b: Contact) -> str:
    """Two addresses on one street line and postcode whose further lines (flat, unit, floor)
    both exist and differ: two homes in one building."""
    for first in a.addresses:
        for second in b.addresses:
            if not address_key(first) or address_key(first) != address_key(second):
                continue
            rest_a = _further_lines(first.street)
            rest_b = _further_lines(second.street)
            if rest_a and rest_b and rest_a != rest_b:
                return f"different flats ({' '.join(rest_a)} / {' '.join(rest_b)})"
    return ""


def _further_lines(street: str) -> list[str]:
    return [normalise_text(line) for line in street.split("\n")[1:] if line.strip()]
