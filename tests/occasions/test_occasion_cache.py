"""The desktop's `OccasionCache`: a refresh mends the changed contacts and lists what a fresh listing does."""

from __future__ import annotations

import datetime as dt

import pytest

from studio.model import PartialDate
from studio.services import occasions as service
from studio.services.occasion_cache import OccasionCache
from studio.store import open_store
from studio.store.history import Event
from tests.occasions.test_today_overview import sample_store  # noqa: F401 - the fixture

TODAY = dt.date(2026, 11, 20)


def overview(store, cache: OccasionCache | None):  # noqa: ANN001, ANN201
    report, coming = service.today_overview(store, TODAY, 42, cache=cache)
    return report.due, coming, report.not_thanked, report.due_touch, report.calls


def test_a_refresh_with_the_cache_lists_what_a_fresh_listing_does(sample_store) -> None:  # noqa: F811
    store, cache = sample_store, OccasionCache()
    assert overview(store, cache) == overview(store, None)
    kept = cache.get(store, store.settings.load(), *_window_and_calendar(store))

    with store.transaction():
        store.history.add_event(Event(contact_id=2, kind="order", date=TODAY))  # no contact changed
    assert overview(store, cache) == overview(store, None)
    assert cache.get(store, store.settings.load(), *_window_and_calendar(store)) is kept

    contact = store.contacts.get(4)
    contact.birthday = PartialDate(TODAY.month, TODAY.day + 3, 1970)
    contact.tags = [*contact.tags, "customer"]
    with store.transaction():
        store.contacts.update(contact)
        store.contacts.delete(6)
    assert overview(store, cache) == overview(store, None)
    coming = overview(store, cache)[1]
    assert any(i.occasion.contact_id == 4 and i.occasion.kind == "birthday" and i.occasion.years == 56
               for i in coming)
    assert all(i.occasion.contact_id != 6 for i in coming)


def test_an_edit_from_another_program_is_seen(sample_store, tmp_path) -> None:  # noqa: F811
    store, cache = sample_store, OccasionCache()
    before = overview(store, cache)
    with open_store(store.path) as other:  # the command line, while the desktop is open
        contact = other.contacts.get(3)
        contact.birthday = PartialDate(TODAY.month, TODAY.day + 1)
        with other.transaction():
            other.contacts.update(contact)
    after = overview(store, cache)
    assert after != before
    assert after == overview(store, None)


def test_new_settings_work_everything_out_again(sample_store) -> None:  # noqa: F811
    store, cache = sample_store, OccasionCache()
    holidays_before = sum(i.occasion.kind == "holiday" for i in overview(store, cache)[1])
    settings = store.settings.load()
    settings.holidays = []
    with store.transaction():
        store.settings.save(settings)
    due, coming, *_ = overview(store, cache)
    # only those a contact's tags name are left (a family tagged hanukkah)
    assert sum(i.occasion.kind == "holiday" for i in coming) < holidays_before
    assert overview(store, cache) == overview(store, None)


@pytest.mark.parametrize("count", [1, 3])
def test_a_new_contact_gets_its_occasions(sample_store, count: int) -> None:  # noqa: F811
    from studio.model import Contact

    store, cache = sample_store, OccasionCache()
    overview(store, cache)
    with store.transaction():
        for n in range(count):
            store.contacts.add(Contact(given_name=f"New{n}", family_name="Person",
                                       birthday=PartialDate(TODAY.month, TODAY.day + 2)))
    coming = overview(store, cache)[1]
    assert sum(i.occasion.contact_name.startswith("New") and i.occasion.kind == "birthday"
               for i in coming) == count
    assert overview(store, cache) == overview(store, None)


def _window_and_calendar(store):  # noqa: ANN001, ANN202
    from studio.occasions import due_window
    from studio.occasions.upcoming import Window

    late = due_window(TODAY, store.settings.load())
    return Window(late.start, max(late.end, TODAY + dt.timedelta(days=42))), service.holiday_calendar
