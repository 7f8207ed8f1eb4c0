"""`today_overview` (one pass for the Today view) lists exactly what the separate listings do."""

from __future__ import annotations

import datetime as dt

import pytest

from studio.contacts.reader import read_vcard_file
from studio.occasions import Window, due, not_thanked_lately, upcoming
from studio.services import occasions as service
from studio.store.history import Event
from tests.occasions.test_occasion_service import SAMPLES


@pytest.fixture
def sample_store(store):
    with store.transaction():
        for card in read_vcard_file(SAMPLES).cards:
            store.contacts.add(card.contact)
        store.history.add_event(Event(contact_id=3, kind="order", date=dt.date(2026, 11, 18)))
        store.history.add_event(Event(contact_id=5, kind="referral", date=dt.date(2026, 12, 20)))
    return store


@pytest.mark.parametrize("today", [dt.date(2026, 11, 20), dt.date(2026, 12, 21), dt.date(2027, 2, 27),
                                   dt.date(2027, 3, 30), dt.date(2027, 7, 1)])
def test_one_pass_gives_the_lists_that_reading_everyone_twice_gave(sample_store, today: dt.date) -> None:
    store = sample_store
    settings = store.settings.load()
    everyone = list(store.contacts.iter_all())  # one contact at a time, photos and all
    calendar = service.holiday_calendar()
    mailed = service.MailedIndex.load(store)
    expected_due = due(everyone, store.history.events(), settings, today, calendar, mailed=mailed.covers)
    ahead = Window.of_days(today, 42)
    expected_coming = upcoming(everyone, store.history.events(), settings, ahead, calendar)
    expected_neglect = not_thanked_lately(everyone, store.history.last_sent_card(), today,
                                          settings.not_thanked_days)

    report, coming = service.today_overview(store, today, 42)

    assert [i.occasion for i in report.due] == expected_due
    assert [i.occasion for i in coming] == expected_coming
    assert report.not_thanked == expected_neglect
    assert report.due == service.today_report(store, today).due
    assert coming == service.list_upcoming(store, today, 42)
    assert expected_coming  # something to compare: the sample contacts have dates all year


def test_everyone_reads_what_get_reads_without_the_photos(sample_store) -> None:
    one_by_one = list(sample_store.contacts.iter_all())
    light = sample_store.contacts.everyone(photos=False)
    assert [c.id for c in light] == [c.id for c in one_by_one]
    for a, b in zip(light, one_by_one, strict=True):
        assert a.photo is None
        b.photo = None
        assert a == b
    assert sample_store.contacts.everyone() == list(sample_store.contacts.iter_all())
