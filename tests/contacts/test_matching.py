"""The merge rule: strong identifiers with compatible names merge; name and address alone
merge only when nothing contradicts them; everything uncertain is only "possible"."""

from __future__ import annotations

import pytest

from studio.contacts.matching import Verdict, match
from studio.model import Address, Contact, Email, PartialDate, Phone


def person(given: str, family: str, **details: object) -> Contact:
    return Contact(display_name=f"{given} {family}", given_name=given, family_name=family, **details)


HOME = Address("12 Elm Street", "Springfield", "IL", "62704", "USA")


@pytest.mark.parametrize(("short", "long"), [("Mike", "Michael"), ("Bob", "Robert"), ("Bill", "William"),
                                             ("Liz", "Elizabeth"), ("Kate", "Katherine")])
def test_a_short_and_a_long_first_name_with_one_email_are_one_person(short: str, long: str) -> None:
    a = person(short, "Brandt", emails=[Email("m.brandt@example.org")])
    b = person(long, "Brandt", emails=[Email("M.Brandt@Example.org")])
    assert match(a, b).verdict is Verdict.SAME
    assert match(b, a).verdict is Verdict.SAME


def test_one_email_with_unrelated_first_names_is_a_household_not_one_person() -> None:
    anna = person("Anna", "Berg", emails=[Email("family@berg.example")])
    paul = person("Paul", "Berg", emails=[Email("family@berg.example")])
    assert match(anna, paul).verdict is Verdict.APART


def test_initials_case_and_accents_are_no_contradiction() -> None:
    a = person("J.", "MÜLLER", phones=[Phone("+49 171 2345678")])
    b = person("Jürgen", "Muller", phones=[Phone("0171 2345678")])  # national: a German user's
    assert match(a, b, "DE").verdict is Verdict.SAME


def test_parent_and_grown_child_of_one_name_at_one_address_are_only_possible() -> None:
    father = person("Robert", "Lang", birthday=PartialDate(4, 12, 1958), addresses=[HOME])
    son = person("Robert", "Lang", birthday=PartialDate(9, 30, 1986), addresses=[HOME])
    found = match(father, son)
    assert found.verdict is Verdict.POSSIBLE
    assert found.shared == ("the same name and address",)
    assert found.conflicts == ("different birthdays (1958-04-12 / 1986-09-30)",)


def test_two_flats_of_one_building_are_only_possible() -> None:
    a = person("Lea", "Novak", addresses=[Address("40 Harbour Road\nApt 2", "Portland", "ME", "04101")])
    b = person("Lea", "Novak", addresses=[Address("40 Harbour Road\nApt 5", "Portland", "ME", "04101")])
    found = match(a, b)
    assert found.verdict is Verdict.POSSIBLE
    assert found.conflicts == ("different flats (apt 2 / apt 5)",)


@pytest.mark.parametrize("other", [
    {"emails": [Email("robert@lang.example")]},
    {"phones": [Phone("+1 217 555 0199")]},
])
def test_name_and_address_with_other_emails_or_phones_are_only_possible(other: dict) -> None:
    a = person("Robert", "Lang", addresses=[HOME], emails=[Email("bob@old.example")],
               phones=[Phone("+1 217 555 0101")])
    b = person("Robert", "Lang", addresses=[HOME], **other)
    assert match(a, b).verdict is Verdict.POSSIBLE


def test_name_and_address_with_nothing_contradicting_is_one_person() -> None:
    a = person("Robert", "Lang", addresses=[HOME], birthday=PartialDate(4, 12))
    b = person("Robert", "Lang", addresses=[HOME], birthday=PartialDate(4, 12, 1958),
               emails=[Email("robert@lang.example")])
    assert match(a, b).verdict is Verdict.SAME


def test_the_same_name_alone_is_possible_and_another_birthday_keeps_it_apart() -> None:
    a = person("Jane", "Smith", addresses=[HOME])
    b = person("Jane", "Smith", addresses=[Address("5 Colfax Ave", "Denver", "CO", "80202")])
    assert match(a, b).verdict is Verdict.POSSIBLE
    b.birthday, a.birthday = PartialDate(1, 2, 1970), PartialDate(3, 4, 1980)
    assert match(a, b).verdict is Verdict.APART


def test_the_same_uid_is_one_person_whatever_the_name() -> None:
    a = Contact(uid="urn:uuid:1", display_name="Jenny")
    b = Contact(uid="urn:uuid:1", display_name="Jennifer Park")
    assert match(a, b).verdict is Verdict.SAME


def test_one_uid_behind_different_names_is_only_possibly_one_person() -> None:
    a = Contact(uid="urn:uuid:broken-exporter", given_name="Anna", family_name="Berg")
    b = Contact(uid="urn:uuid:broken-exporter", given_name="Tomás", family_name="Ortega")
    verdict = match(a, b)
    assert verdict.verdict is Verdict.POSSIBLE
    assert verdict.shared == ("the same UID",)
    assert verdict.conflicts == ("different names (Anna Berg / Tomás Ortega)",)
