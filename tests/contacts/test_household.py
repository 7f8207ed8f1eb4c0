"""Household and salutation fields: children (names, birthdays), grammatical gender and
pronouns (RFC 9554) from vCards, sheets and back out to vCard."""

from __future__ import annotations

import io
from pathlib import Path

from studio.contacts.export import write_vcards
from studio.contacts.merge import merge_contacts
from studio.contacts.reader import read_vcard_bytes, read_vcard_file
from studio.model import Contact, PartialDate, Relative
from studio.services.addressbook import import_vcards
from studio.store import Store

FAMILY = Path(__file__).parent / "fixtures" / "household" / "family.vcf"


def family() -> tuple[Contact, Contact, Contact]:
    anna, kim, marco = (card.contact for card in read_vcard_file(FAMILY).cards)
    return anna, kim, marco


def test_apple_related_names_rfc_9554_and_android_relations_are_read() -> None:
    anna, kim, marco = family()
    assert anna.spouse == "Jonas Brandt"
    assert anna.children == [Relative("Mia"), Relative("Lea", PartialDate(5, 9, 2016))]
    assert (anna.gram_gender, anna.pronouns) == ("feminine", "sie/ihr")
    assert kim.children == [Relative("Ada")]  # the RELATED that is a URI names nobody
    assert (kim.gram_gender, kim.pronouns) == ("", "they/them")
    assert marco.children == [Relative("Giulia")] and marco.spouse == "Sofia Rossi"


def test_an_unknown_grammatical_gender_is_reported_with_its_line() -> None:
    parsed = read_vcard_file(FAMILY)
    assert [(p.line, p.message) for p in parsed.problems] == [
        (22, "the grammatical gender 'plural' is not one of feminine, masculine, neuter, common, "
             "animate, inanimate; it was left out (Kim Okafor)")]


def test_export_and_import_again_keeps_the_household() -> None:
    contacts = list(family())
    out = io.StringIO()
    write_vcards(contacts, out)
    text = out.getvalue()
    assert "X-ABRELATEDNAMES;X-BIRTHDAY=2016-05-09:Lea" in text and "GRAMGENDER:FEMININE" in text
    again = [card.contact for card in read_vcard_bytes(text.encode("utf-8"), "export.vcf").cards]
    for before, after in zip(contacts, again, strict=True):
        assert (after.children, after.gram_gender, after.pronouns, after.spouse) == (
            before.children, before.gram_gender, before.pronouns, before.spouse)


def test_merging_adds_children_and_their_birthdays() -> None:
    stored = Contact(given_name="Anna", family_name="Brandt", children=[Relative("Mia")])
    incoming = Contact(given_name="Anna", family_name="Brandt", gram_gender="feminine",
                       children=[Relative("mia", PartialDate(3, 1, 2014)), Relative("Lea")])
    merged = merge_contacts(stored, incoming)
    assert merged.children == [Relative("Mia", PartialDate(3, 1, 2014)), Relative("Lea")]
    assert merged.gram_gender == "feminine"


def test_the_store_keeps_the_household_and_a_second_import_changes_nothing(store: Store) -> None:
    first = import_vcards(store, [FAMILY])
    again = import_vcards(store, [FAMILY])
    assert (first.added, again.unchanged) == (3, 3)
    anna = next(c for c in store.contacts.list() if c.given_name == "Anna")
    assert anna.children == [Relative("Mia"), Relative("Lea", PartialDate(5, 9, 2016))]
    assert (anna.gram_gender, anna.pronouns) == ("feminine", "sie/ihr")
