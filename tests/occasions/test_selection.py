"""Which occasion a mailing's card is for: the one due next, never a later one silently."""

from __future__ import annotations

import datetime as dt

import pytest

from studio.model import Address, Contact, PartialDate
from studio.occasions import HolidayCalendar, load_catalogue
from studio.occasions.selection import due_soon, occasion_for, personal_for
from studio.settings import Settings

D = dt.date


@pytest.fixture
def calendar() -> HolidayCalendar:
    return HolidayCalendar(load_catalogue())


def chen() -> Contact:
    address = Address(street="1 Main Street", city="Springfield", postal_code="12345", country="USA")
    return Contact(id=13, display_name="Michael Chen", addresses=[address],
                   birthday=PartialDate(11, 29, 1983))


def test_the_birthday_due_next_is_this_years_until_it_is_past_the_grace() -> None:
    settings = Settings()
    assert personal_for("birthday", chen(), settings, D(2026, 11, 20)).date == D(2026, 11, 29)
    assert personal_for("birthday", chen(), settings, D(2026, 12, 13)).date == D(2026, 11, 29)  # belated
    assert personal_for("birthday", chen(), settings, D(2026, 12, 14)).date == D(2027, 11, 29)
    assert personal_for("birthday", chen(), settings, D(2026, 11, 20), year=2028).years == 45


def test_a_mailed_birthday_stays_the_one_due_for_the_mailing_to_skip(calendar) -> None:
    settings = Settings()
    mailed_2026 = lambda o: o.date.year == 2026  # noqa: E731 - the history, in short
    found = occasion_for("birthday", chen(), settings, calendar, D(2026, 11, 20), mailed=mailed_2026)
    assert found is not None and found.date == D(2026, 11, 29)  # not 2027's
    due = due_soon("birthday", [chen()], settings, calendar, D(2026, 11, 20), 20, mailed=mailed_2026)
    assert [o.date for o in due] == [D(2026, 11, 29)]  # listed, for the mailing to say it was mailed
