"""Searching contacts without minding accents, case, or how a phone number is written."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from studio.cli import main
from studio.model import Contact, Phone
from studio.services import contacts as contact_service
from studio.store import open_store
from studio.store.schema import MIGRATIONS
from tests.store.old_stores import write_store_at


def _people(path: Path) -> dict[str, int]:
    with open_store(path) as store, store.transaction():
        return {
            "müller": store.contacts.add(Contact(given_name="Jürgen", family_name="Müller",
                                                 phones=[Phone("+49 171 2345678", "mobile")])),
            "zoë": store.contacts.add(Contact(given_name="Zoë", family_name="Ångström",
                                              phones=[Phone("(503) 555-0100", "home")])),
            "miller": store.contacts.add(Contact(given_name="Ann", family_name="Miller",
                                                 phones=[Phone("+1 212 555 0199", "work")])),
        }


@pytest.mark.parametrize("query", ["muller", "MULLER", "müller", "Müller", "MÜLLER", "jurgen muller"])
def test_a_name_is_found_whatever_its_accents_and_case(tmp_path: Path, query: str) -> None:
    db = tmp_path / "s.sqlite3"
    ids = _people(db)
    with open_store(db) as store:
        assert contact_service.matching_ids(store, search=query) == [ids["müller"]]


def test_zoe_finds_zoe_with_diaeresis_and_angstrom_without_ring(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    ids = _people(db)
    with open_store(db) as store:
        assert contact_service.matching_ids(store, search="Zoe") == [ids["zoë"]]
        assert contact_service.matching_ids(store, search="angstrom") == [ids["zoë"]]


@pytest.mark.parametrize("query", ["+49 171 2345678", "0171 2345678", "01712345678", "171-234 5678",
                                   "0049 171 2345678", "2345678"])
def test_a_phone_number_is_found_whatever_its_spacing_or_prefix(tmp_path: Path, query: str) -> None:
    db = tmp_path / "s.sqlite3"
    ids = _people(db)
    with open_store(db) as store:
        assert contact_service.matching_ids(store, search=query) == [ids["müller"]]


def test_other_numbers_and_short_digits_still_match_as_text(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    ids = _people(db)
    with open_store(db) as store:
        assert contact_service.matching_ids(store, search="555-0100") == [ids["zoë"]]
        assert contact_service.matching_ids(store, search="0199") == [ids["miller"]]
        assert contact_service.matching_ids(store, search="0171 9999999") == []


def test_an_edit_keeps_the_search_up_to_date(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    ids = _people(db)
    with open_store(db) as store:
        with store.transaction():  # a German user: "030 …" is Berlin
            store.settings.save(dataclasses.replace(store.settings.load(), home_country="DE"))
        contact = store.contacts.get(ids["miller"])
        contact.family_name, contact.phones = "Straße", [Phone("030 1234 5678", "home")]
        contact_service.save_contact(store, contact)
        assert contact_service.matching_ids(store, search="strasse") == [ids["miller"]]  # casefold: ß = ss
        assert contact_service.matching_ids(store, search="straße") == [ids["miller"]]
        assert contact_service.matching_ids(store, search="miller") == []
        assert contact_service.matching_ids(store, search="+49 30 12345678") == [ids["miller"]]
        assert contact_service.matching_ids(store, search="212 555 0199") == []


def test_migration_5_refolds_a_store_written_before_it(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    for script in MIGRATIONS[:4]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 4")
    # What version 4 stored: lower-cased, accents kept, the phone only as typed.
    phones = json.dumps([{"value": "+49 171 2345678", "label": "mobile", "preferred": False}])
    conn.execute(
        "INSERT INTO contacts (given_name, family_name, phones, sort_name, search_text) "
        "VALUES (?, ?, ?, ?, ?)",
        ("Jürgen", "Müller", phones, "müller jürgen", "jürgen müller jürgen müller +49 171 2345678"))
    conn.close()
    with open_store(db) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert contact_service.matching_ids(store, search="muller") == [1]
        assert contact_service.matching_ids(store, search="0171 2345678") == [1]


def test_the_cli_search_finds_muller_by_muller_and_by_a_national_number(tmp_path: Path, capsys) -> None:
    db = tmp_path / "s.sqlite3"
    _people(db)
    for query in ("muller", "0171 2345678"):
        capsys.readouterr()
        assert main(["--db", str(db), "contacts", "--search", query, "--json"]) == 0
        found = json.loads(capsys.readouterr().out)
        assert [c["family_name"] for c in found] == ["Müller"], query


@pytest.mark.parametrize("home", ["DE", "US", "GB"])
@pytest.mark.parametrize("query", ["0171 1234567", "+49 171 1234567", "00491711234567", "1711234567",
                                   "1234567"])
def test_a_german_mobile_is_found_however_it_is_typed(tmp_path: Path, query: str, home: str) -> None:
    with open_store(tmp_path / "s.sqlite3") as store:
        with store.transaction():
            store.settings.save(dataclasses.replace(store.settings.load(), home_country=home))
            wanted = store.contacts.add(Contact(given_name="Jürgen", family_name="Müller",
                                                phones=[Phone("+49 171 1234567", "mobile")]))
            store.contacts.add(Contact(given_name="Ann", family_name="Miller",
                                       phones=[Phone("+1 212 555 0199", "work")]))
        assert contact_service.matching_ids(store, search=query) == [wanted]


def test_migration_9_rekeys_the_phones_of_a_store_written_before_it(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    conn = write_store_at(db, 8)
    conn.execute("INSERT INTO settings (key, value) VALUES ('home_country', '\"DE\"')")
    # What version 8 stored: phones keyed, and searched, by their last nine digits.
    london = json.dumps([{"value": "+44 20 7946 0958", "label": "", "preferred": False}])
    berlin = json.dumps([{"value": "030 7946 0958", "label": "", "preferred": False}])
    for given, phones in (("J.", london), ("Jane", berlin)):
        conn.execute("INSERT INTO contacts (given_name, family_name, phones, sort_name, search_text) "
                     "VALUES (?, 'Smith', ?, ?, ?)",
                     (given, phones, f"smith {given}", f"{given} smith 079460958"))
        conn.execute("INSERT INTO contact_keys VALUES (last_insert_rowid(), 'phone', '079460958')")
    conn.close()
    with open_store(db) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        keys = store.connection.execute("SELECT contact_id, key FROM contact_keys WHERE kind = 'phone' "
                                        "ORDER BY contact_id").fetchall()
        assert [tuple(k) for k in keys] == [(1, "+442079460958"), (2, "+493079460958")]
        assert contact_service.matching_ids(store, search="+49 30 7946 0958") == [2]
        assert contact_service.matching_ids(store, search="020 7946 0958") == [1]
        assert [p.value for p in store.contacts.get(2).phones] == ["030 7946 0958"]  # text as written
        assert store.duplicates.candidate_pairs() == set()
