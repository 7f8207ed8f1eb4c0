"""Contacts in SQLite: the repository that writes and reads the `contacts` rows, their
identity keys (what was imported, customer numbers) and tags, and the listings of everyone.

How a row is laid out: `studio.store.contact_rows`; what searches look in:
`studio.store.contact_search`.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from studio.contacts.identity import identity_keys
from studio.model import Address, Contact, DatedPerson, LabelledDate, PartialDate, shown_name
from studio.store.contact_rows import (
    COLUMNS,
    SEARCH_AT,
    StoredForm,
    contact_from_row,
    stored_form,
    stored_list,
)
from studio.store.contact_search import contact_search_text, search_terms
from studio.store.home_country import stored_home_country

_INSERT = f"INSERT INTO contacts ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
_INSERT_WITH_ID = (f"INSERT INTO contacts (id, {', '.join(COLUMNS)}) "
                   f"VALUES (?, {', '.join('?' * len(COLUMNS))})")
# contact_keys kinds that are not worked out from the contact's fields, so an edit keeps them.
_KEPT_KINDS = "'card', 'customer_number'"
_UPDATE = (f"UPDATE contacts SET {', '.join(c + ' = ?' for c in COLUMNS)}, "
           "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?")


@dataclass(frozen=True)
class ContactSummary:
    """What a contact list shows, without loading photos or JSON lists."""

    id: int
    name: str
    sort_name: str
    organization: str
    email: str
    phone: str
    city: str
    birthday: str | None
    tags: tuple[str, ...]
    has_photo: bool


# `dated_people`: the preferred address is the first non-empty one flagged preferred, else
# the first non-empty one (`Contact.preferred_address`, `Address.is_empty`).
_ADDRESS_FILLED = " OR ".join(f"trim(json_extract(a.value, '$.{part}'), ' \t\r\n') <> ''"
                              for part in ("street", "city", "region", "postal_code", "country"))
_DATED_PEOPLE = f"""
    SELECT id, display_name, prefix, given_name, additional_names, family_name, suffix, nickname,
           organization, json_extract(emails, '$[0].value'), json_extract(phones, '$[0].value'),
           birthday, anniversary, customer_since, dates,
           (SELECT a.value FROM json_each(contacts.addresses) AS a WHERE {_ADDRESS_FILLED}
            ORDER BY json_extract(a.value, '$.preferred') DESC, a.key LIMIT 1)
    FROM contacts {{where}} ORDER BY sort_name, id"""


class ContactRepository:
    """Reads and writes contacts. Callers group writes with `Store.transaction()`."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    # --- writing -----------------------------------------------------------------

    def add(self, contact: Contact, form: StoredForm | None = None) -> int:
        """Insert ``contact`` (its ``id`` is set) and return the new id; ``form`` is its
        `stored_form` when the caller has it already.

        A contact that still carries an id (an undone delete) is put back under that id.
        """
        values = self._values(contact, form)
        if contact.id is not None:
            self._conn.execute(_INSERT_WITH_ID, [contact.id, *values])
        else:
            contact.id = self._conn.execute(_INSERT, values).lastrowid
        self._write_keys_and_tags(contact)
        return contact.id

    def update(self, contact: Contact, form: StoredForm | None = None) -> None:
        """Replace the stored contact with the same id (``form`` as in `add`). Raises
        KeyError if there is none."""
        if contact.id is None:
            raise KeyError("contact has no id")
        cursor = self._conn.execute(_UPDATE, [*self._values(contact, form), contact.id])
        if cursor.rowcount == 0:
            raise KeyError(contact.id)
        # Identity keys follow the content; keys that are no part of it (what was imported,
        # the customer number a back office gave) are kept.
        self._conn.execute(f"DELETE FROM contact_keys WHERE contact_id = ? AND kind NOT IN ({_KEPT_KINDS})",
                           (contact.id,))
        self._conn.execute("DELETE FROM contact_tags WHERE contact_id = ?", (contact.id,))
        self._write_keys_and_tags(contact)

    def remember_imported_card(self, contact_id: int, card_fingerprint: str) -> None:
        """Note that a card with this fingerprint was imported into ``contact_id``."""
        self._conn.execute("INSERT OR IGNORE INTO contact_keys (contact_id, kind, key) VALUES (?, 'card', ?)",
                           (contact_id, card_fingerprint))

    def add_customer_number(self, contact_id: int, number: str) -> None:
        """Note the number a back office knows ``contact_id`` by (`customer_owner` finds them)."""
        self._conn.execute(
            "INSERT OR IGNORE INTO contact_keys (contact_id, kind, key) VALUES (?, 'customer_number', ?)",
            (contact_id, number))

    def customer_owner(self, number: str) -> int | None:
        """The contact a back office's customer number belongs to, if any (the oldest)."""
        row = self._conn.execute("SELECT min(contact_id) FROM contact_keys "
                                 "WHERE kind = 'customer_number' AND key = ?", (number,)).fetchone()
        return row[0] if row else None

    def customer_numbers(self, contact_id: int) -> list[str]:
        return [r[0] for r in self._conn.execute(
            "SELECT key FROM contact_keys WHERE kind = 'customer_number' AND contact_id = ? ORDER BY key",
            (contact_id,))]

    def imported_card_owner(self, card_fingerprint: str) -> int | None:
        """The contact an identical card was imported into before, if any."""
        row = self._conn.execute("SELECT contact_id FROM contact_keys WHERE kind = 'card' AND key = ?",
                                 (card_fingerprint,)).fetchone()
        return row[0] if row else None

    def imported_cards(self, contact_id: int) -> list[str]:
        """Fingerprints of the cards imported into ``contact_id``."""
        return [r[0] for r in self._conn.execute(
            "SELECT key FROM contact_keys WHERE kind = 'card' AND contact_id = ?", (contact_id,))]

    def move_imported_cards(self, fingerprints: Iterable[str], contact_id: int) -> None:
        """Let these imported cards stand for ``contact_id`` (a merge or its undo), so importing
        them again changes nothing."""
        cards = list(fingerprints)
        self._conn.executemany("DELETE FROM contact_keys WHERE kind = 'card' AND key = ?",
                               [(card,) for card in cards])
        for card in cards:
            self.remember_imported_card(contact_id, card)

    def delete(self, contact_id: int) -> None:
        self._conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))

    def set_tags(self, contact_id: int, tags: Iterable[str]) -> None:
        contact = self.get(contact_id)
        if contact is None:
            raise KeyError(contact_id)
        contact.tags = _unique_tags(tags)
        self.update(contact)

    def home_country(self) -> str:
        """The user's home country as the settings hold it: where phone numbers written
        without a country code are read for contacts whose address names no country."""
        return stored_home_country(self._conn)

    def _values(self, contact: Contact, form: StoredForm | None) -> list[object]:
        values = list((form or stored_form(contact)).values)
        values[SEARCH_AT] = contact_search_text(contact, self.home_country())
        return values

    def _write_keys_and_tags(self, contact: Contact) -> None:
        self._conn.executemany(
            "INSERT OR IGNORE INTO contact_keys (contact_id, kind, key) VALUES (?, ?, ?)",
            [(contact.id, kind, key) for kind, key in identity_keys(contact, self.home_country())])
        self._conn.executemany(
            "INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (?, ?)",
            [(contact.id, tag) for tag in _unique_tags(contact.tags)])

    # --- reading -----------------------------------------------------------------

    def get(self, contact_id: int) -> Contact | None:
        row = self._conn.execute("SELECT * FROM contacts WHERE id = ?", (contact_id,)).fetchone()
        return contact_from_row(row, self._tags_of(contact_id)) if row else None

    def stored_fingerprint(self, contact_id: int) -> str | None:
        row = self._conn.execute("SELECT fingerprint FROM contacts WHERE id = ?", (contact_id,)).fetchone()
        return row[0] if row else None

    def count(self) -> int:
        return self._conn.execute("SELECT count(*) FROM contacts").fetchone()[0]

    def find_by_keys(self, keys: Iterable[tuple[str, str]]) -> list[int]:
        """Ids of contacts sharing any identity key, UID matches first, then oldest first."""
        found: dict[int, int] = {}
        for kind, key in keys:
            for (contact_id,) in self._conn.execute(
                    "SELECT contact_id FROM contact_keys WHERE kind = ? AND key = ?", (kind, key)):
                rank = 0 if kind == "uid" else 1
                found[contact_id] = min(rank, found.get(contact_id, rank))
        return sorted(found, key=lambda cid: (found[cid], cid))

    def ids(self, *, search: str | None = None, tag: str | None = None) -> list[int]:
        """Ids of contacts matching the search text and tag, in address-book order."""
        sql, params = "SELECT id FROM contacts", []
        where = []
        if search:
            for alternatives in search_terms(search, self.home_country()):
                where.append("(" + " OR ".join(["instr(search_text, ?) > 0"] * len(alternatives)) + ")")
                params.extend(alternatives)
        if tag:
            where.append("id IN (SELECT contact_id FROM contact_tags WHERE tag = ?)")
            params.append(tag)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY sort_name, id"
        return [row[0] for row in self._conn.execute(sql, params)]

    def list(self, *, search: str | None = None, tag: str | None = None,
             ids: Iterable[int] | None = None) -> list[Contact]:
        """Whole contacts: those with ``ids`` in that order, or matching search and tag."""
        wanted = list(ids) if ids is not None else self.ids(search=search, tag=tag)
        return [c for c in (self.get(i) for i in wanted) if c is not None]

    def iter_all(self) -> Iterator[Contact]:
        """Every contact in address-book order, one at a time (memory stays flat)."""
        for contact_id in self.ids():
            contact = self.get(contact_id)
            if contact is not None:
                yield contact

    def _tags_by_contact(self, ids_json: str | None = None) -> dict[int, list[str]]:
        """Every contact's tags (or those of the contacts in the JSON list ``ids_json``),
        alphabetically, in one query (for the listings of everyone)."""
        tags: dict[int, list[str]] = {}
        query, parameters = "SELECT contact_id, tag FROM contact_tags ORDER BY tag", ()
        if ids_json is not None:
            query = ("SELECT contact_id, tag FROM contact_tags "
                     "WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY tag")
            parameters = (ids_json,)
        for contact_id, tag in self._conn.execute(query, parameters):
            tags.setdefault(contact_id, []).append(tag)
        return tags

    def everyone(self, *, photos: bool = True) -> list[Contact]:
        """Every contact in address-book order, read with two queries (rows, then tags).

        For listings that need everyone at once (Today, occasions): reading them one
        `get` at a time costs two queries per contact. ``photos=False`` leaves ``photo``
        None and keeps the blobs out of memory.
        """
        tags = self._tags_by_contact()
        columns = "*"
        if not photos:
            columns = ", ".join(c for c in ("id", *COLUMNS) if c != "photo") + ", NULL AS photo"
        rows = self._conn.execute(f"SELECT {columns} FROM contacts ORDER BY sort_name, id")
        # Birthdays repeat across thousands of people, and checking a date is not free.
        parse = functools.lru_cache(maxsize=None)(PartialDate.parse)  # frozen values: safe to share
        return [contact_from_row(row, tags.get(row["id"], []), parse) for row in rows]

    def generation(self) -> int:
        """A number that changes whenever any contact or tag changes, in this program or another."""
        row = self._conn.execute("SELECT value FROM generations WHERE name = 'contacts'").fetchone()
        return row[0] if row else 0

    def changed_since(self, generation: int) -> list[int]:
        """The ids of the contacts added, changed or deleted after ``generation``."""
        return [row[0] for row in self._conn.execute(
            "SELECT contact_id FROM contact_changes WHERE generation > ?", (generation,))]

    def dated_people(self, ids: Iterable[int] | None = None) -> list[DatedPerson]:
        """Everyone as `DatedPerson`s, in address-book order: what the occasion lists need.

        The first e-mail and phone (for a name of last resort) and the preferred address are
        picked by SQLite, so each row costs one small JSON parse at most instead of a whole
        `Contact` (Today over 20,000 contacts: 0.1 s instead of 0.7 s). With ``ids``, only
        those contacts (the ones that exist).
        """
        ids_json = json.dumps(sorted(set(ids))) if ids is not None else None
        tags = self._tags_by_contact(ids_json)
        parse = functools.lru_cache(maxsize=None)(PartialDate.parse)
        people = []
        query, parameters = _DATED_PEOPLE.format(where=""), ()
        if ids_json is not None:
            query = _DATED_PEOPLE.format(where="WHERE id IN (SELECT value FROM json_each(?))")
            parameters = (ids_json,)
        for row in self._conn.execute(query, parameters):
            (contact_id, display_name, prefix, given, additional, family, suffix, nickname, organization,
             email, phone, birthday, anniversary, customer_since, dates, address) = row
            people.append(DatedPerson(
                id=contact_id,
                name=shown_name(display_name, (prefix, given, additional, family, suffix), nickname,
                                organization, email or "", phone or ""),
                birthday=parse(birthday) if birthday else None,
                anniversary=parse(anniversary) if anniversary else None,
                customer_since=parse(customer_since) if customer_since else None,
                dates=tuple(LabelledDate(d["label"], parse(d["date"])) for d in stored_list(dates)),
                tags=tuple(tags.get(contact_id, ())),
                address=Address(**json.loads(address)) if address else None))
        return people

    def summaries(self) -> list[ContactSummary]:
        """All contacts as list rows, in address-book order (no photos loaded)."""
        tags = self._tags_by_contact()
        rows = self._conn.execute(
            "SELECT id, display_name, given_name, family_name, organization, sort_name, emails, "
            "phones, addresses, birthday, photo IS NOT NULL AND length(photo) > 0 AS has_photo "
            "FROM contacts ORDER BY sort_name, id")
        result = []
        for row in rows:
            emails, phones, addresses = (json.loads(row[k]) for k in ("emails", "phones", "addresses"))
            name = row["display_name"] or f"{row['given_name']} {row['family_name']}".strip() \
                or row["organization"] or (emails[0]["value"] if emails else "")
            result.append(ContactSummary(
                id=row["id"], name=name, sort_name=row["sort_name"], organization=row["organization"],
                email=emails[0]["value"] if emails else "", phone=phones[0]["value"] if phones else "",
                city=addresses[0]["city"] if addresses else "", birthday=row["birthday"],
                tags=tuple(tags.get(row["id"], ())), has_photo=bool(row["has_photo"])))
        return result

    def photo(self, contact_id: int) -> bytes | None:
        row = self._conn.execute("SELECT photo FROM contacts WHERE id = ?", (contact_id,)).fetchone()
        return row[0] if row else None

    def all_tags(self) -> list[tuple[str, int]]:
        """Each tag in use with how many contacts carry it, alphabetically."""
        return [(row[0], row[1]) for row in self._conn.execute(
            "SELECT tag, count(*) FROM contact_tags GROUP BY tag ORDER BY tag COLLATE NOCASE")]

    def _tags_of(self, contact_id: int) -> list[str]:
        return [row[0] for row in self._conn.execute(
            "SELECT tag FROM contact_tags WHERE contact_id = ? ORDER BY tag", (contact_id,))]


def _unique_tags(tags: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for tag in tags:
        tag = tag.strip()
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())
