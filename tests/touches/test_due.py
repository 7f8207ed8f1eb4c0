"""Who is due for a touch, counted from the last touch of any kind."""

from __future__ import annotations

import datetime as dt

from studio.model import Contact, PartialDate, Phone
from studio.touches.calls import birthday_calls
from studio.touches.due import due_for_touch, latest_touches
from studio.touches.rhythm import Rhythms

TODAY = dt.date(2026, 12, 7)


def _person(contact_id: int, name: str, *tags: str, since: PartialDate | None = None) -> Contact:
    return Contact(id=contact_id, given_name=name, tags=list(tags), customer_since=since)


def test_a_rhythm_is_counted_from_a_call_not_only_a_card() -> None:
    anna, ben = _person(1, "Anna", "vip"), _person(2, "Ben", "vip")
    cards = {1: (dt.date(2026, 10, 1), "card"), 2: (dt.date(2026, 10, 1), "card")}
    calls = {1: (dt.date(2026, 11, 20), "call")}
    due = due_for_touch([anna, ben], latest_touches(calls, cards), Rhythms(tags={"vip": 30}), TODAY)
    assert [(d.contact_name, d.last_kind, d.last_touch, d.days_overdue) for d in due] == [
        ("Ben", "card", dt.date(2026, 10, 1), 37)]  # Anna's call on 20 Nov keeps her within 30 days


def test_the_contacts_own_rhythm_wins_and_of_several_tags_the_shortest() -> None:
    rhythms = Rhythms(tags={"vip": 30, "team": 14}, contacts={3: 60})
    assert rhythms.days_for(_person(1, "A", "VIP ", "team")) == 14
    assert rhythms.days_for(_person(3, "C", "team")) == 60
    assert rhythms.days_for(_person(4, "D", "customer")) == 90  # the not-thanked-lately period
    assert Rhythms(tags={"customer": 45}).days_for(_person(4, "D", "Customer")) == 45
    assert rhythms.days_for(_person(5, "E", "friend")) is None


def test_someone_never_touched_counts_from_becoming_a_customer() -> None:
    new = _person(1, "New", "customer", since=PartialDate(11, 1, 2026))
    old = _person(2, "Old", "customer", since=PartialDate(1, 1, 2026))
    unknown = _person(3, "Unknown", "customer")
    due = due_for_touch([new, old, unknown], {}, Rhythms(), TODAY)
    assert [(d.contact_name, d.last_touch, d.days_overdue) for d in due] == [
        ("Unknown", None, None), ("Old", None, 250)]


def test_the_birthday_call_list_has_today_and_tomorrow_with_the_numbers() -> None:
    people = [
        Contact(id=1, given_name="Anna", birthday=PartialDate(12, 8, 1986),
                phones=[Phone("+1 503 555 0100"), Phone("+1 503 555 0199", "cell", preferred=True)]),
        Contact(id=2, given_name="Ben", birthday=PartialDate(12, 7)),
        Contact(id=3, given_name="Cleo", birthday=PartialDate(12, 9, 1990)),
        Contact(id=4, given_name="Leap", birthday=PartialDate(2, 29, 2000)),
    ]
    calls = birthday_calls(people, TODAY)
    assert [(c.contact_name, c.date, c.phones, c.years) for c in calls] == [
        ("Ben", TODAY, (), None),
        ("Anna", dt.date(2026, 12, 8), ("+1 503 555 0199", "+1 503 555 0100"), 40)]
    assert [c.contact_name for c in birthday_calls(people, dt.date(2027, 2, 27))] == ["Leap"]  # on 28 Feb
