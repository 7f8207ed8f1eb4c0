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


BERLIN = Address("Invalidenstraße 10", "Berlin", "", "10115", "Deutschland")


@pytest.mark.parametrize("home", ["US", "DE", ""])
def test_one_number_written_nationally_and_internationally_is_one_person(home: str) -> None:
    # The address says the national "0171 …" is German, whatever the user's home country.
    national = person("Jürgen", "Müller", phones=[Phone("0171 2345678")], addresses=[BERLIN])
    international = person("Jürgen", "Müller", phones=[Phone("+49 (0)171 234-5678")])
    found = match(national, international, home)
    assert found.verdict is Verdict.SAME
    assert found.shared == ("a phone number ending 5678",)


def test_a_short_number_written_both_ways_is_one_person() -> None:
    # Seven digits nationally, nine internationally: the last nine digits never agreed.
    a = person("Lena", "Vogt", phones=[Phone("030 12345")])
    b = person("Lena", "Vogt", phones=[Phone("+49 30 12345")], emails=[Email("lena@vogt.example")])
    assert match(a, b, "DE").verdict is Verdict.SAME


def test_the_home_country_reads_numbers_of_contacts_without_a_country() -> None:
    a = person("Mike", "Brandt", phones=[Phone("030 1234567")])
    b = person("Michael", "Brandt", phones=[Phone("+49 30 1234567")])
    assert match(a, b, "DE").verdict is Verdict.SAME
    assert match(a, b, "US").verdict is Verdict.APART  # for a US user "030 …" is no German number


def test_the_same_last_nine_digits_in_two_countries_are_two_people() -> None:
    # +44 20 7946 0958 (London) and +49 30 7946 0958 (Berlin) both end in 079460958.
    london = person("J.", "Smith", phones=[Phone("+44 20 7946 0958")])
    berlin = person("Jane", "Smith", phones=[Phone("030 7946 0958")], addresses=[BERLIN])
    found = match(london, berlin, "GB")
    assert found.verdict is Verdict.APART
    assert found.shared == ()


def test_one_extension_written_two_ways_is_one_person() -> None:
    a = person("Ruth", "Okoye", phones=[Phone("(212) 555-0100 x12")])
    b = person("Ruth", "Okoye", phones=[Phone("+1 212 555 0100 ext. 12")])
    assert match(a, b, "US").verdict is Verdict.SAME


def test_two_extensions_of_one_switchboard_are_two_lines() -> None:
    # "R. Okoye" at extension 12 and "Ruth Okoye" at 14 share only the office's main number.
    a = person("R.", "Okoye", phones=[Phone("+1 212 555 0100;ext=12")])
    b = person("Ruth", "Okoye", phones=[Phone("212-555-0100 ext 14")])
    found = match(a, b, "US")
    assert found.verdict is Verdict.APART and found.shared == ()


def test_a_number_that_is_no_whole_number_never_matches_a_whole_one() -> None:
    # "555-0100" lacks its area code: its key is its digits, never a +1 number ending alike.
    a = person("Ann", "Lee", phones=[Phone("555-0100")])
    b = person("A.", "Lee", phones=[Phone("+1 503 555 0100")])
    c = person("Ann", "Lee", phones=[Phone("555 0100")], emails=[Email("ann@lee.example")])
    assert match(a, b, "US").verdict is Verdict.APART
    assert match(a, c, "US").verdict is Verdict.SAME  # two cards with the same local number
