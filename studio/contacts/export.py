"""Contacts to vCard 3.0 (RFC 2426) as iPhone/iCloud and Google Contacts read it.

Format choices, each one what those importers expect:
- CRLF line ends; lines folded at 75 octets without splitting a UTF-8 sequence
  (RFC 2426 2.6); text escaped (``\\\\ \\, \\; \\n``).
- FN is required in 3.0: the display name, else the name built from its parts, else the
  organisation (with Apple's ``X-ABShowAs:COMPANY``); empty for an e-mail-only contact.
- N components are written as single values (a comma in them is escaped), so what was
  read comes back unchanged; ORG as one unit.
- Labels: standard words (home, work, cell, fax …) as TYPE parameters; anything else
  (``AssistantPhone``, ``Customer since``) as an Apple item group with X-ABLabel.
- A year-less date is written the way iPhone writes it,
  ``BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-07`` (1604 is a leap year, so 29 February
  survives). The anniversary, "Customer since" and other dates are Apple
  ``X-ABDATE``s with their label; the spouse is an ``X-ABRELATEDNAMES`` labelled
  ``_$!<Spouse>!$_``. Tags are CATEGORIES; the photo is inline base64 (``ENCODING=b``).
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from typing import TextIO

from studio.contacts.labels import types_for_label
from studio.contacts.text import escape
from studio.model import Address, Contact, PartialDate

_FOLD_AT = 75
_APPLE_LABELS = {"anniversary": "_$!<Anniversary>!$_", "other": "_$!<Other>!$_",
                 "spouse": "_$!<Spouse>!$_"}


def contact_to_vcard(contact: Contact) -> str:
    """One contact as a vCard 3.0 text (CRLF line ends, folded, ending in CRLF)."""
    card = _CardWriter()
    card.add("BEGIN", "VCARD", raw=True)
    card.add("VERSION", "3.0", raw=True)
    card.add("PRODID", "-//Card Studio//Card Studio//EN", raw=True)
    card.add("N", ";".join(escape(p) for p in (contact.family_name, contact.given_name,
                                               contact.additional_names, contact.prefix,
                                               contact.suffix)), raw=True)
    built = " ".join(p.strip() for p in (contact.prefix, contact.given_name, contact.additional_names,
                                         contact.family_name, contact.suffix) if p.strip())
    card.add("FN", contact.display_name or built or contact.organization)
    if not contact.display_name and not built and contact.organization:
        card.add("X-ABShowAs", "COMPANY", raw=True)
    if contact.nickname:
        card.add("NICKNAME", contact.nickname)
    if contact.organization:
        card.add("ORG", contact.organization)
    if contact.title:
        card.add("TITLE", contact.title)
    for email in contact.emails:
        card.labelled("EMAIL", email.value, email.label, email.preferred, ["INTERNET"])
    for phone in contact.phones:
        card.labelled("TEL", phone.value, phone.label, phone.preferred)
    for address in contact.addresses:
        card.labelled("ADR", _adr_value(address), address.label, address.preferred, raw=True)
    if contact.birthday:
        card.date("BDAY", contact.birthday)
    if contact.anniversary:
        card.grouped("X-ABDATE", _date_value(contact.anniversary), "anniversary",
                     _omit_year(contact.anniversary))
    if contact.customer_since:
        card.grouped("X-ABDATE", _date_value(contact.customer_since), "Customer since",
                     _omit_year(contact.customer_since))
    for labelled in contact.dates:
        card.grouped("X-ABDATE", _date_value(labelled.date), labelled.label or "other",
                     _omit_year(labelled.date))
    if contact.spouse:
        card.grouped("X-ABRELATEDNAMES", escape(contact.spouse), "spouse")
    if contact.notes:
        card.add("NOTE", contact.notes)
    if contact.tags:
        card.add("CATEGORIES", ",".join(escape(t) for t in contact.tags), raw=True)
    if contact.uid:
        card.add("UID", contact.uid)
    if contact.photo:
        kind = (contact.photo_type.split("/")[-1] or "jpeg").upper()
        card.add(f"PHOTO;ENCODING=b;TYPE={kind}", base64.b64encode(contact.photo).decode("ascii"), raw=True)
    card.add("END", "VCARD", raw=True)
    return card.text()


def write_vcards(contacts: Iterable[Contact], out: TextIO) -> int:
    """Write each contact as vCard 3.0 to ``out``; returns how many were written.

    Open ``out`` with ``newline=""`` so the CRLF line ends are written as they are.
    """
    count = 0
    for contact in contacts:
        out.write(contact_to_vcard(contact))
        count += 1
    return count


class _CardWriter:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.items = 0

    def add(self, name: str, value: str, *, raw: bool = False) -> None:
        self.lines.append(f"{name}:{value if raw else escape(value)}")

    def labelled(self, name: str, value: str, label: str, preferred: bool,
                 extra_types: list[str] | None = None, *, raw: bool = False) -> None:
        types = list(extra_types or [])
        words = types_for_label(label) if label else []
        group = ""
        if words is None:  # a label TYPE cannot say: Apple's item group + X-ABLabel
            self.items += 1
            group = f"item{self.items}."
        else:
            types += [w.upper() for w in words]
        if preferred:
            types.append("pref")
        params = "".join(f";TYPE={t}" for t in types)
        self.lines.append(f"{group}{name}{params}:{value if raw else escape(value)}")
        if group:
            self.lines.append(f"{group}X-ABLabel:{escape(label)}")

    def grouped(self, name: str, value: str, label: str, params: str = "") -> None:
        self.items += 1
        group = f"item{self.items}."
        self.lines.append(f"{group}{name}{params}:{value}")
        self.lines.append(f"{group}X-ABLabel:{_APPLE_LABELS.get(label.lower(), escape(label))}")

    def date(self, name: str, date: PartialDate) -> None:
        self.lines.append(f"{name}{_omit_year(date)}:{_date_value(date)}")

    def text(self) -> str:
        return "".join(_fold(line) for line in self.lines)


def _adr_value(address: Address) -> str:
    return ";".join(("", "", escape(address.street), escape(address.city), escape(address.region),
                     escape(address.postal_code), escape(address.country)))


def _date_value(date: PartialDate) -> str:
    year = 1604 if date.year is None else date.year
    return f"{year:04d}-{date.month:02d}-{date.day:02d}"


def _omit_year(date: PartialDate) -> str:
    return ";X-APPLE-OMIT-YEAR=1604" if date.year is None else ""


def _fold(line: str) -> str:
    """``line`` + CRLF, folded so no physical line exceeds 75 octets (RFC 2426 2.6)."""
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
