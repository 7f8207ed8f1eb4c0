"""How a contact is laid out in its `contacts` row and in the bin's JSON, and read back.

The column list, the row values with their fingerprint (`stored_form`), the address-book
order (`sort_name`), and turning a row or a JSON record into a `Contact` again. No SQL is
run here: `studio.store.contacts.ContactRepository` writes and reads the rows.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from studio.contacts.identity import normalise_text
from studio.model import Address, Contact, Email, LabelledDate, PartialDate, Phone, Relative

_SCALARS = ("uid", "display_name", "given_name", "family_name", "additional_names", "prefix",
            "suffix", "nickname", "organization", "title", "spouse", "notes", "photo_type")
_DATES = ("birthday", "anniversary", "customer_since")
_HOUSEHOLD = ("gram_gender", "pronouns")  # migration 7, with children
COLUMNS = (*_SCALARS, *_DATES, "emails", "phones", "addresses", "dates", "photo",
           *_HOUSEHOLD, "children", "sort_name", "search_text", "fingerprint")
SEARCH_AT = COLUMNS.index("search_text")  # filled in by the repository (it knows the home country)


def _json_list(items: Iterable[object]) -> str:
    # The items (Email, Phone, Address) hold only text and flags: their __dict__ is what
    # dataclasses.asdict gives, key for key, at a fraction of its deep-copying cost.
    return json.dumps([vars(i) for i in items], ensure_ascii=False, separators=(",", ":"))


def _dates_json(dates: Iterable[LabelledDate]) -> str:
    return json.dumps([{"label": d.label, "date": d.date.iso()} for d in dates],
                      ensure_ascii=False, separators=(",", ":"))


def _children_json(children: Iterable[Relative]) -> str:
    return json.dumps([{"name": c.name, "birthday": c.birthday.iso() if c.birthday else None}
                       for c in children], ensure_ascii=False, separators=(",", ":"))


def stored_list(text: str) -> list[dict[str, object]]:
    """A stored JSON list column (emails, phones, addresses, dates, children) as dicts."""
    # Most lists are empty: skipping the JSON parser for them is a fifth of reading everyone.
    return [] if text == "[]" else json.loads(text)


def sort_name(contact: Contact) -> str:
    """How the address book orders people: family name, then given name."""
    if contact.family_name.strip() or contact.given_name.strip():
        return normalise_text(f"{contact.family_name} {contact.given_name}")
    return normalise_text(contact.name)


def _row_values(contact: Contact) -> list[object]:
    values: list[object] = [getattr(contact, name) for name in _SCALARS]
    values += [d.iso() if d else None for d in (getattr(contact, n) for n in _DATES)]
    values += [_json_list(contact.emails), _json_list(contact.phones),
               _json_list(contact.addresses), _dates_json(contact.dates), contact.photo]
    household = [*(getattr(contact, name) for name in _HOUSEHOLD), _children_json(contact.children)]
    # Household fields join the hash only when set, so contacts stored before them keep
    # their fingerprints (and a re-import of an old export stays "unchanged").
    hashed = [*values, *household] if any(v not in ("", "[]") for v in household) else values
    digest = hashlib.sha1(repr((hashed, sorted(t.casefold() for t in contact.tags))).encode())
    # The search text depends on the store's home country: the repository fills it in.
    values += [*household, sort_name(contact), "", digest.hexdigest()]
    return values


@dataclass(frozen=True)
class StoredForm:
    """A contact as its row will be written, worked out once: an import compares the
    fingerprint, then writes the same values (`ContactRepository.add`/`update`), with the
    search text the repository works out from the store's home country."""

    values: list[object]

    @property
    def fingerprint(self) -> str:
        return str(self.values[-1])


def stored_form(contact: Contact) -> StoredForm:
    """``contact``'s row values; only valid until the contact is changed."""
    return StoredForm(_row_values(contact))


def fingerprint(contact: Contact) -> str:
    """A hash of everything stored about a contact: equal hashes mean nothing changed."""
    return stored_form(contact).fingerprint


def contact_from_row(row: sqlite3.Row | Mapping[str, object], tags: list[str],
                     parse: Callable[[str], PartialDate] = PartialDate.parse) -> Contact:
    """The `Contact` a `contacts` row holds (every column but the search text), with ``tags``;
    ``parse`` reads the stored dates (a cached one when reading everyone)."""
    contact = Contact(id=row["id"], **{name: row[name] for name in _SCALARS})
    for name in _DATES:
        if row[name]:
            setattr(contact, name, parse(row[name]))
    contact.emails = [Email(**e) for e in stored_list(row["emails"])]
    contact.phones = [Phone(**p) for p in stored_list(row["phones"])]
    contact.addresses = [Address(**a) for a in stored_list(row["addresses"])]
    contact.dates = [LabelledDate(d["label"], parse(d["date"])) for d in stored_list(row["dates"])]
    contact.gram_gender, contact.pronouns = row["gram_gender"], row["pronouns"]
    contact.children = [Relative(c["name"], parse(c["birthday"]) if c["birthday"] else None)
                        for c in stored_list(row["children"])]
    contact.photo = row["photo"]
    contact.tags = tags
    return contact


def contact_to_json(contact: Contact) -> str:
    """Everything stored about a contact but its photo, as JSON (what the bin keeps)."""
    data: dict[str, object] = {name: getattr(contact, name) for name in _SCALARS}
    data.update({name: (getattr(contact, name).iso() if getattr(contact, name) else None) for name in _DATES})
    data.update(emails=json.loads(_json_list(contact.emails)), phones=json.loads(_json_list(contact.phones)),
                addresses=json.loads(_json_list(contact.addresses)),
                dates=json.loads(_dates_json(contact.dates)),
                children=json.loads(_children_json(contact.children)),
                **{name: getattr(contact, name) for name in _HOUSEHOLD},
                tags=list(contact.tags), id=contact.id)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def contact_from_json(text: str, photo: bytes | None = None) -> Contact:
    """The contact `contact_to_json` wrote, with ``photo`` (kept beside the JSON)."""
    data = json.loads(text)
    row = {**{name: "" for name in _HOUSEHOLD}, **data,  # records kept before migration 7 lack them
           "emails": json.dumps(data["emails"]), "phones": json.dumps(data["phones"]),
           "addresses": json.dumps(data["addresses"]), "dates": json.dumps(data["dates"]),
           "children": json.dumps(data.get("children", [])), "photo": photo}
    return contact_from_row(row, list(data["tags"]))
