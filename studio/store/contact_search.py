"""What contact searches look in, and how a typed search becomes SQL terms.

The folded ``search_text`` column with each phone's digits (`search_text`), the SQL
functions the schema's migrations call to recompute it and the phone keys
(`register_functions`, `refresh_phone_keys`), and the words of a search (`search_terms`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable

from studio.contacts.identity import fold_text, phone_keys
from studio.contacts.phones import key_digits, phone_key, phone_region, query_digits
from studio.model import Address, Contact, Email, Phone
from studio.store.contact_rows import stored_list
from studio.store.home_country import home_country_from_json


def contact_search_text(contact: Contact, home_country: str) -> str:
    """What searches find ``contact`` by: names, e-mails, phones, places and tags (`search_text`)."""
    parts = [contact.name, contact.given_name, contact.family_name, contact.nickname,
             contact.organization, *(e.value for e in contact.emails),
             *(p.value for p in contact.phones),
             *(f"{a.city} {a.postal_code} {a.region} {a.country}" for a in contact.addresses),
             *contact.tags]
    return search_text(" ".join(parts), [p.value for p in contact.phones],
                       phone_region(contact, home_country))


def search_text(text: str, phones: Iterable[str], region: str = "") -> str:
    """What searches look in: ``text`` folded (`fold_text`), then each phone's digits in
    E.164 form, read in ``region`` (`phones.phone_key`, `phones.key_digits`).

    Those digits ("491712345678") contain what a user types for the number in any form
    once `phones.query_digits` has taken its leading zeros off: "0171 2345678",
    "+49 171 2345678", "0049 171 2345678", "171-234 5678", or a part of it. Migrations 5
    and 8 recompute the stored column with this function (registered on every connection).
    """
    keys = [key_digits(key) for key in (phone_key(p, region) for p in phones) if key]
    return " ".join([fold_text(text), *keys]).strip()


def _stored_search_text(text: str, phones_json: str) -> str:
    return search_text(text, [p.get("value", "") for p in json.loads(phones_json or "[]")])


def _stored_contact(names_json: str, emails: str, phones: str, addresses: str, tags_json: str) -> Contact:
    """The parts of a stored row that its search text and phone keys are made of."""
    return Contact(**json.loads(names_json), emails=[Email(**e) for e in stored_list(emails)],
                   phones=[Phone(**p) for p in stored_list(phones)],
                   addresses=[Address(**a) for a in stored_list(addresses)],
                   tags=json.loads(tags_json or "[]"))


def _recomputed_search_text(names_json: str, emails: str, phones: str, addresses: str, tags_json: str,
                            home_json: str | None) -> str:
    contact = _stored_contact(names_json, emails, phones, addresses, tags_json)
    return contact_search_text(contact, home_country_from_json(home_json))


def _stored_phone_keys(phones: str, addresses: str, home_json: str | None) -> str:
    """The identity keys of a stored row's phones as a JSON list (for ``json_each``)."""
    contact = _stored_contact("{}", "[]", phones, addresses, "[]")
    return json.dumps(sorted(phone_keys(contact, home_country_from_json(home_json))))


def register_functions(connection: sqlite3.Connection) -> None:
    """SQL functions the schema's migrations use (migration 5 refolds the search column;
    migration 9 and `refresh_phone_keys` recompute phone keys and the search column)."""
    connection.create_function("search_text", 2, _stored_search_text, deterministic=True)
    connection.create_function("phone_keys", 3, _stored_phone_keys, deterministic=True)
    connection.create_function("contact_search_text", 6, _recomputed_search_text, deterministic=True)


# What migration 9 runs, again for every contact when the home country changes: numbers
# written without a country code are read in it.
_REFRESH_PHONE_KEYS = (
    "DELETE FROM contact_keys WHERE kind = 'phone'",
    "INSERT OR IGNORE INTO contact_keys (contact_id, kind, key) "
    "SELECT contacts.id, 'phone', keys.value FROM contacts, "
    "json_each(phone_keys(contacts.phones, contacts.addresses, "
    "(SELECT value FROM settings WHERE key = 'home_country'))) AS keys",
    "UPDATE contacts SET search_text = contact_search_text("
    "json_object('display_name', display_name, 'prefix', prefix, 'given_name', given_name, "
    "'additional_names', additional_names, 'family_name', family_name, 'suffix', suffix, "
    "'nickname', nickname, 'organization', organization), emails, phones, addresses, "
    "(SELECT json_group_array(tag) FROM contact_tags WHERE contact_id = contacts.id), "
    "(SELECT value FROM settings WHERE key = 'home_country'))",
)


def refresh_phone_keys(connection: sqlite3.Connection) -> None:
    """Recompute every contact's phone keys and search text from the stored home country.
    Call inside a transaction (the settings' save does, when the home country changes)."""
    for statement in _REFRESH_PHONE_KEYS:
        connection.execute(statement)


_PHONE_QUERY = re.compile(r"[\d\s()+./-]+")


def search_terms(search: str, home_country: str) -> list[list[str]]:
    """What a search needs: for each word, the substrings of which the search column must
    hold one; a number typed as such is one "word" (`phones.query_digits`)."""
    text = search.strip()
    if _PHONE_QUERY.fullmatch(text) and (alternatives := query_digits(text, home_country)):
        return [alternatives]
    return [[word] for word in fold_text(text).split()]
