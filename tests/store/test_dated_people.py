"""`ContactRepository.dated_people` reads for the occasion lists exactly what whole contacts
hold: the name shown, the dates, the tags and the preferred address."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from studio.model import Address, Contact, DatedPerson, Email, LabelledDate, PartialDate, Phone
from studio.occasions.calendar import HolidayCalendar
from studio.occasions.upcoming import Window, upcoming
from studio.services.occasions import load_catalogue
from studio.settings import Settings
from studio.store import open_store

PEOPLE = [
    Contact(given_name="Anna", family_name="Berg", birthday=PartialDate(3, 14, 1980),
            addresses=[Address(street="1 Main St", city="Boston", country="USA")], tags=["customer"]),
    Contact(display_name="  Dr. Jo Kim  ", anniversary=PartialDate(12, 24),
            customer_since=PartialDate(6, 1, 2020),
            dates=[LabelledDate("Joined the team", PartialDate(12, 20, 2021))]),
    Contact(nickname="Bubbles", tags=["hanukkah", "vip"]),
    Contact(emails=[Email("only@example.org"), Email("second@example.org")]),
    Contact(phones=[Phone("+49 30 1234567")]),
    # An empty address first, then a second one flagged preferred: the preferred one is mailed to.
    Contact(given_name="Lena", addresses=[Address(), Address(city="Berlin"),
                                          Address(city="Wien", country="Österreich", preferred=True)]),
    Contact(given_name="Ole", addresses=[Address(street=" \n "), Address(city="Oslo", country="Norway")]),
    Contact(organization="Acme Inc.", addresses=[Address(label="only a label")]),
]


def _read_both(tmp_path: Path) -> tuple[list[Contact], list[DatedPerson]]:
    """PEOPLE stored, then read back as whole contacts and as dated people."""
    with open_store(tmp_path / "s.sqlite3") as store:
        with store.transaction():
            for person in PEOPLE:
                store.contacts.add(person)
        return store.contacts.everyone(photos=False), store.contacts.dated_people()


def test_dated_people_hold_what_the_contacts_hold(tmp_path: Path) -> None:
    contacts, people = _read_both(tmp_path)
    assert [p.id for p in people] == [c.id for c in contacts]
    for contact, person in zip(contacts, people, strict=True):
        assert person.name == contact.name
        assert (person.birthday, person.anniversary, person.customer_since) == \
            (contact.birthday, contact.anniversary, contact.customer_since)
        assert list(person.dates) == contact.dates
        assert list(person.tags) == contact.tags
        assert person.preferred_address() == contact.preferred_address()
    named = {p.name: p for p in people}
    assert named["Lena"].address.city == "Wien"
    assert named["Ole"].address.city == "Oslo"
    assert named["Acme Inc."].address is None
    assert named["only@example.org"].name == "only@example.org"


def test_the_lists_come_out_the_same_from_either(tmp_path: Path) -> None:
    contacts, people = _read_both(tmp_path)
    settings = Settings(holidays=["christmas"])
    window = Window.of_days(dt.date(2026, 12, 1), 60)
    calendar = HolidayCalendar(load_catalogue())
    from_contacts = upcoming(contacts, [], settings, window, calendar)
    from_people = upcoming(people, [], settings, window, calendar)
    assert from_people == from_contacts
    assert {o.key for o in from_people} >= {"christmas", "anniversary", "date:joined-the-team", "hanukkah"}
