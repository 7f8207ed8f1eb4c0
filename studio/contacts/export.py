"""Contacts to vCard 3.0 (RFC 2426) as iPhone/iCloud and Google Contacts read it.

Each contact is built as a ``vobject.vCard()`` component and vobject writes it: value
escaping (``\\\\ \\, \\; \\n``), parameters, CRLF line ends and folding. Format choices,
each one what those importers expect:
- FN is required in 3.0: the display name, else the name built from its parts, else the
  organisation (with Apple's ``X-ABShowAs:COMPANY``); empty for an e-mail-only contact.
- N (`vobject.vcard.Name`) components are written as single values (a comma in them is
  escaped), so what was read comes back unchanged; ORG as one unit; ADR
  (`vobject.vcard.Address`) with the street lines in the street component.
- Labels: standard words (home, work, cell, fax …) as TYPE parameters; anything else
  (``AssistantPhone``, ``Customer since``) as an Apple item group with X-ABLabel.
- A year-less date is written the way iPhone writes it,
  ``BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-07`` (1604 is a leap year, so 29 February
  survives). The anniversary, "Customer since" and other dates are Apple
  ``X-ABDATE``s with their label; the spouse is an ``X-ABRELATEDNAMES`` labelled
  ``_$!<Spouse>!$_``, each child one labelled ``_$!<Child>!$_`` (its birthday, which no
  standard property holds, in an ``X-BIRTHDAY`` parameter that other apps ignore). The
  grammatical gender and pronouns are RFC 9554's GRAMGENDER and PRONOUNS. Tags are
  CATEGORIES; the photo is inline base64 (``ENCODING=b``).

vobject writes property names in capitals (``X-ABLABEL``; names are case-insensitive,
RFC 2426 2.1) and a parameter's values as one list (``TYPE=INTERNET,WORK,pref``).
Two kinds of line leave it longer than the 75 octets RFC 2426 2.6 asks for, and are
folded here: PHOTO, which it never folds (for old Apple Address Book, which wanted the
base64 in one piece; iPhone and Google read folded photos), and lines of fewer than 75
characters whose UTF-8 is longer (it compares characters before counting octets).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

import vobject
from vobject.vcard import Address as VAddress
from vobject.vcard import Name

from studio.contacts.labels import types_for_label
from studio.model import Address, Contact, PartialDate

_FOLD_AT = 75
_PRODID = "-//Card Studio//Card Studio//EN"
_APPLE_LABELS = {"anniversary": "_$!<Anniversary>!$_", "other": "_$!<Other>!$_",
                 "spouse": "_$!<Spouse>!$_", "child": "_$!<Child>!$_"}


def contact_to_vcard(contact: Contact) -> str:
    """One contact as a vCard 3.0 text (CRLF line ends, folded, ending in CRLF)."""
    card = _CardBuilder()
    card.add("prodid", _PRODID)
    card.add("n", Name(family=contact.family_name, given=contact.given_name,
                       additional=contact.additional_names, prefix=contact.prefix, suffix=contact.suffix))
    built = " ".join(p.strip() for p in (contact.prefix, contact.given_name, contact.additional_names,
                                         contact.family_name, contact.suffix) if p.strip())
    card.add("fn", contact.display_name or built or contact.organization)
    if not contact.display_name and not built and contact.organization:
        card.add("x-abshowas", "COMPANY")
    if contact.nickname:
        card.add("nickname", contact.nickname)
    if contact.organization:
        card.add("org", [contact.organization])
    if contact.title:
        card.add("title", contact.title)
    for email in contact.emails:
        card.labelled("email", email.value, email.label, email.preferred, ["INTERNET"])
    for phone in contact.phones:
        card.labelled("tel", phone.value, phone.label, phone.preferred)
    for address in contact.addresses:
        card.labelled("adr", _address(address), address.label, address.preferred)
    if contact.birthday:
        card.date("bday", contact.birthday)
    if contact.anniversary:
        card.date("x-abdate", contact.anniversary, label="anniversary")
    if contact.customer_since:
        card.date("x-abdate", contact.customer_since, label="Customer since")
    for labelled in contact.dates:
        card.date("x-abdate", labelled.date, label=labelled.label or "other")
    if contact.spouse:
        card.add("x-abrelatednames", contact.spouse, group=card.new_group(), label="spouse")
    for child in contact.children:
        line = card.add("x-abrelatednames", child.name, group=card.new_group(), label="child")
        if child.birthday:
            line.x_birthday_param = child.birthday.iso()
    if contact.gram_gender:
        card.add("gramgender", contact.gram_gender.upper())
    if contact.pronouns:
        card.add("pronouns", contact.pronouns)
    if contact.notes:
        card.add("note", contact.notes)
    if contact.tags:
        card.add("categories", list(contact.tags))
    if contact.uid:
        card.add("uid", contact.uid)
    if contact.photo:
        photo = card.add("photo", contact.photo)
        photo.encoding_param = "b"
        photo.type_param = (contact.photo_type.split("/")[-1] or "jpeg").upper()
    return card.serialize()


def write_vcards(contacts: Iterable[Contact], out: TextIO) -> int:
    """Write each contact as vCard 3.0 to ``out``; returns how many were written.

    Open ``out`` with ``newline=""`` so the CRLF line ends are written as they are.
    """
    count = 0
    for contact in contacts:
        out.write(contact_to_vcard(contact))
        count += 1
    return count


class _CardBuilder:
    """A ``vobject.vCard()`` being filled, and the Apple item groups handed out so far."""

    def __init__(self) -> None:
        self.card = vobject.vCard()
        self.items = 0

    def add(self, name: str, value: object, *, group: str | None = None,
            label: str = "") -> vobject.base.ContentLine:
        """Add property ``name`` (lower-case); with ``label``, an X-ABLabel in ``group``."""
        line = self.card.add(name, group=group)
        line.value = value
        if label:
            self.card.add("x-ablabel", group=group).value = _APPLE_LABELS.get(label.lower(), label)
        return line

    def new_group(self) -> str:
        self.items += 1
        return f"item{self.items}"

    def labelled(self, name: str, value: object, label: str, preferred: bool,
                 extra_types: list[str] | None = None) -> None:
        """A value with its label: TYPE words when they can say it, else an item group."""
        types = list(extra_types or [])
        words = types_for_label(label) if label else []
        if words is None:  # a label TYPE cannot say: Apple's item group + X-ABLabel
            line = self.add(name, value, group=self.new_group(), label=label)
        else:
            line = self.add(name, value)
            types += [w.upper() for w in words]
        if preferred:
            types.append("pref")
        if types:
            line.type_paramlist = types

    def date(self, name: str, date: PartialDate, *, label: str = "") -> None:
        line = self.add(name, _date_value(date), group=self.new_group() if label else None, label=label)
        if date.year is None:
            line.x_apple_omit_year_param = "1604"

    def serialize(self) -> str:
        return "".join(_fold(line) for line in self.card.serialize(lineLength=_FOLD_AT).split("\r\n")[:-1])


def _address(address: Address) -> VAddress:
    return VAddress(street=address.street, city=address.city, region=address.region,
                    code=address.postal_code, country=address.country)


def _date_value(date: PartialDate) -> str:
    year = 1604 if date.year is None else date.year
    return f"{year:04d}-{date.month:02d}-{date.day:02d}"


def _fold(line: str) -> str:
    """``line`` + CRLF, folded where vobject left it over 75 octets (module docstring)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= _FOLD_AT:
        return line + "\r\n"
    parts: list[str] = []
    start, limit = 0, _FOLD_AT
    while start < len(encoded):
        end = min(start + limit, len(encoded))
        while end < len(encoded) and (encoded[end] & 0xC0) == 0x80:
            end -= 1  # never cut inside a UTF-8 sequence
        parts.append(encoded[start:end].decode("utf-8"))
        start, limit = end, _FOLD_AT - 1  # continuation lines begin with a space
    return "\r\n ".join(parts) + "\r\n"
