"""What each column of a contact sheet holds: the field vocabulary and the known exports.

A column is mapped to a `Target`: a contact field, and for repeated groups (the second
e-mail, the first address's city) which group and which part. Known exports (Google's old
and new CSV, Outlook, Thunderbird) are recognised by their header names; any other sheet
needs a column map from the user, written ``"Column A=given_name,Column B=birthday"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from studio.errors import StudioError, UsageError


@dataclass(frozen=True)
class Target:
    """Where a column's text goes: ``field`` (see FIELDS), the ``group`` of a repeated field
    (1 for the first e-mail) and the ``part`` of it ("value", "label", "city" …)."""

    field: str
    group: int = 1
    part: str = "value"


# The names a user writes in a column map, and what each means.
FIELDS: dict[str, str] = {
    "name": "the whole name, split into parts",
    "given_name": "first name",
    "family_name": "last name",
    "additional_names": "middle names",
    "prefix": "title before the name (Dr., Mrs.)",
    "suffix": "after the name (Jr.)",
    "nickname": "nickname",
    "organization": "company",
    "title": "job title",
    "email": "e-mail address",
    "phone": "phone number",
    "mobile": "mobile phone",
    "home_phone": "home phone",
    "work_phone": "work phone",
    "street": "street and number",
    "street2": "second street line",
    "city": "city",
    "region": "state, province or county",
    "postal_code": "ZIP or postcode",
    "country": "country",
    "birthday": "birthday (any common date form)",
    "birth_year": "year of birth",
    "birth_month": "month of birth",
    "birth_day": "day of birth",
    "anniversary": "wedding anniversary",
    "customer_since": "customer since",
    "spouse": "spouse or partner",
    "children": "children's names, separated by , or ;",
    "child": "one child's name (Child 1, Child 2 …)",
    "child_birthday": "that child's birthday",
    "gram_gender": "how to address them: female, male … (Liebe / Lieber)",
    "pronouns": "pronouns (she/her, he/him, they/them)",
    "notes": "notes",
    "tags": "tags, separated by , ; or :::",
    "ignore": "a column to leave out",
}

_PHONE_LABELS = {"mobile": "cell", "home_phone": "home", "work_phone": "work"}


def _rule(pattern: str, field: str, part: str = "value") -> tuple[re.Pattern[str], str, str]:
    return re.compile(f"(?:{pattern})$", re.IGNORECASE), field, part


# Header names of the exports people have (several generations of Google Contacts, Outlook
# desktop and Outlook.com, Thunderbird), and the common plain names of home-made sheets.
# A group number in the header is captured as "n".
_RULES = [
    _rule(r"(?:display )?name|full name|name \(display\)", "name"),
    _rule(r"given name|first name|firstname|vorname|prénom|nombre", "given_name"),
    _rule(r"family name|last name|surname|lastname|nachname|nom|apellidos?", "family_name"),
    _rule(r"additional name|middle names?", "additional_names"),
    _rule(r"name prefix|prefix|title \(salutation\)", "prefix"),
    _rule(r"name suffix|suffix", "suffix"),
    _rule(r"nickname|nick name|short name", "nickname"),
    _rule(r"organi[sz]ation(?: 1 - name)?(?: name)?|company|firma", "organization"),
    _rule(r"organi[sz]ation(?: 1 -)? title|job title|position", "title"),
    _rule(r"e-?mail (?P<n>\d+) - (?:value)", "email"),
    _rule(r"e-?mail (?P<n>\d+) - (?:type|label)", "email", "label"),
    _rule(r"e-?mail(?: address)?|primary email|e-?mail-adresse", "email"),
    _rule(r"e-?mail (?P<n>\d+) address", "email"),
    _rule(r"secondary email", "email", "second"),
    _rule(r"phone (?P<n>\d+) - value", "phone"),
    _rule(r"phone (?P<n>\d+) - (?:type|label)", "phone", "label"),
    _rule(r"phone|telephone|telefon|phone number", "phone"),
    _rule(r"mobile(?: phone| number)?|cell(?: phone)?|handy", "mobile"),
    _rule(r"home phone", "home_phone"),
    _rule(r"(?:business|work) phone", "work_phone"),
    _rule(r"address (?P<n>\d+) - street", "address", "street"),
    _rule(r"address (?P<n>\d+) - extended address", "address", "street2"),
    _rule(r"address (?P<n>\d+) - po box", "address", "pobox"),
    _rule(r"address (?P<n>\d+) - city", "address", "city"),
    _rule(r"address (?P<n>\d+) - region", "address", "region"),
    _rule(r"address (?P<n>\d+) - postal code", "address", "postal_code"),
    _rule(r"address (?P<n>\d+) - country", "address", "country"),
    _rule(r"address (?P<n>\d+) - (?:type|label)", "address", "label"),
    _rule(r"address (?P<n>\d+) - formatted", "address", "formatted"),
    # German Outlook names each address field twice, "… geschäftlich" and "… privat": the
    # card goes home, so only the private ones are read (as "Business …" in English).
    _rule(r"stra(?:ß|ss)e privat", "address", "street"),
    _rule(r"stra(?:ß|ss)e privat (?:2|3)", "address", "street2"),
    _rule(r"ort privat", "address", "city"),
    _rule(r"(?:bundesland/kanton|region) privat", "address", "region"),
    _rule(r"postleitzahl privat", "address", "postal_code"),
    _rule(r"land/region privat", "address", "country"),
    _rule(r"telefon privat", "home_phone"),
    _rule(r"telefon geschäftlich", "work_phone"),
    _rule(r"mobiltelefon", "mobile"),
    _rule(r"e-mail (?P<n>\d+): adresse", "email"),
    _rule(r"weitere vornamen", "additional_names"),
    _rule(r"anrede", "prefix"),
    _rule(r"home street|street|address|straße|strasse|adresse", "address", "street"),
    # Outlook's "Home Address" is the whole address, Thunderbird's its first line.
    _rule(r"home address", "address", "street_alt"),
    _rule(r"home street 2|home address 2|street 2|address 2", "address", "street2"),
    _rule(r"home city|city|town|ort|stadt|ville", "address", "city"),
    _rule(r"home state|state|province|region|county|bundesland", "address", "region"),
    _rule(
        r"home (?:postal code|zip ?code)|postal code|postcode|zip(?: ?code)?|plz", "address", "postal_code"
    ),
    _rule(r"home country(?:/region)?|country(?:/region)?|land|pays", "address", "country"),
    _rule(r"birthday|birth ?date|date of birth|geburtstag|dob", "birthday"),
    _rule(r"birth year", "birth_year"),
    _rule(r"birth month", "birth_month"),
    _rule(r"birth day", "birth_day"),
    _rule(r"anniversary|wedding anniversary|jahrestag", "anniversary"),
    _rule(r"event (?P<n>\d+) - (?:type|label)", "event", "label"),
    _rule(r"event (?P<n>\d+) - value", "event"),
    _rule(r"relation (?P<n>\d+) - (?:type|label)", "relation", "label"),
    _rule(r"relation (?P<n>\d+) - value", "relation"),
    _rule(r"spouse|partner|spouse's name", "spouse"),
    _rule(r"children|kinder|enfants|hijos", "children"),
    _rule(r"(?:child|kind) (?P<n>\d+)(?: name)?", "child"),
    _rule(r"(?:child|kind) (?P<n>\d+) (?:birthday|geburtstag)", "child", "birthday"),
    _rule(r"gender|grammatical gender|sex|geschlecht|anrede-geschlecht", "gram_gender"),
    _rule(r"pronouns?|pronomen", "pronouns"),
    _rule(r"customer since|kunde seit", "customer_since"),
    _rule(r"notes?|comments?|notizen", "notes"),
    _rule(r"group membership|labels|categories|tags?|kategorien", "tags"),
]

# Known exports: a name and columns that only that program writes.
KNOWN_EXPORTS: list[tuple[str, tuple[str, ...]]] = [
    ("Google Contacts", ("given name", "family name", "group membership")),
    ("Google Contacts", ("first name", "last name", "labels")),
    ("Thunderbird", ("first name", "last name", "display name", "primary email", "birth year")),
    ("Outlook", ("first name", "last name", "e-mail address", "home street")),
    ("Outlook", ("first name", "last name", "e-mail address", "business phone")),
    ("Outlook", ("vorname", "nachname", "e-mail-adresse", "straße privat")),
]


def recognise(header: str) -> Target | None:
    """The target a header names, or None for a column nobody knows."""
    text = " ".join(header.replace("_", " ").split())
    for pattern, field, part in _RULES:
        if match := pattern.match(text):
            group = int(match.group("n")) if "n" in pattern.groupindex else 1
            return Target(field, group, part)
    return None


def known_export(headers: Sequence[str]) -> str | None:
    """The program that wrote a sheet with these headers, when it is one Card Studio knows."""
    present = {" ".join(h.lower().split()) for h in headers}
    for name, signature in KNOWN_EXPORTS:
        if all(column in present for column in signature):
            return name
    return None


def automatic_map(headers: Sequence[str]) -> dict[int, Target]:
    """Column index → target for every header Card Studio recognises."""
    targets = {}
    for index, header in enumerate(headers):
        target = recognise(header)
        if target is not None and _phone_kind(target) not in targets.values():
            targets[index] = _phone_kind(target)
    return targets


def _phone_kind(target: Target) -> Target:
    if target.part == "second":
        return Target(target.field, 2)
    if target.field in _PHONE_LABELS:
        return Target("phone", 100 + list(_PHONE_LABELS).index(target.field), target.field)
    return target


def parse_column_map(text: str, headers: Sequence[str]) -> dict[int, Target]:
    """Column index → target from ``"Column A=given_name,Column B=birthday"``.

    Raises UsageError naming a column the sheet lacks or a field Card Studio does not have.
    """
    return {index: _field_target(field) for index, field in parse_map_fields(text, headers, FIELDS).items()}


def parse_map_fields(text: str, headers: Sequence[str], fields: Mapping[str, str]) -> dict[int, str]:
    """Column index → field name from ``"Column A=field,Column B=field"``, for any field
    vocabulary (``fields``: name → meaning; contact sheets and order exports have their own).

    Raises UsageError naming a column the sheet lacks or a field not in ``fields``.
    """
    by_name = {" ".join(h.lower().split()): i for i, h in enumerate(headers)}
    chosen: dict[int, str] = {}
    for item in _split_items(text):
        column, sep, field = item.rpartition("=")
        column, field = column.strip(), field.strip().lower()
        if not sep or not column:
            raise UsageError(f"column map item {item!r} is not COLUMN=FIELD")
        index = by_name.get(" ".join(column.lower().split()))
        if index is None:
            raise StudioError(f"the sheet has no column {column!r} (its columns: {', '.join(headers)})")
        if field not in fields:
            raise UsageError(f"{field!r} is not a field Card Studio knows; use one of: {', '.join(fields)}")
        chosen[index] = field
    return chosen


def map_text(headers: Sequence[str], targets: dict[int, Target]) -> str:
    """The column-map text that gives ``targets`` (to save and show)."""
    return ",".join(f"{headers[i]}={_field_name(t)}" for i, t in sorted(targets.items()))


def _field_target(field: str) -> Target:
    if field in {"street", "street2", "city", "region", "postal_code", "country"}:
        return Target("address", 1, field)
    return _phone_kind(Target(field))


def _field_name(target: Target) -> str:
    if target.field == "address":
        return target.part
    if target.field == "phone" and target.part in _PHONE_LABELS:
        return target.part
    return target.field


def _split_items(text: str) -> Iterable[str]:
    return (item for item in text.split(",") if item.strip())
