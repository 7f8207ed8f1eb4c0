"""Which occasion a card in a mailing is for, contact by contact.

A mailing names an occasion key ("christmas", "birthday", "thank-you", "date:joined-the-team")
and either its recipients (a tag, a list, everyone) or nobody, in which case the occasion
picks them: everyone who keeps the holiday, or everyone whose birthday card is due soon.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from studio.model import Contact, Occasion
from studio.occasions.calendar import HolidayCalendar
from studio.occasions.timing import contact_country, mail_by
from studio.occasions.upcoming import (
    LATE_GRACE_DAYS,
    RecordedEvent,
    Window,
    personal_occasions,
    thank_you_occasion,
)
from studio.settings import Settings

PERSONAL_KINDS = {"birthday": "birthday", "anniversary": "anniversary",
                  "customer-anniversary": "customer-anniversary"}

Mailed = Callable[[Occasion], bool]


def occasion_kind(key: str, calendar: HolidayCalendar) -> str | None:
    """"holiday", "thank-you", a personal kind ("birthday", "date", …), or None if unknown."""
    if key == "thank-you":
        return "thank-you"
    if key in PERSONAL_KINDS:
        return PERSONAL_KINDS[key]
    if key.startswith("date:"):
        return "date"
    if key in calendar.catalogue:
        return "holiday"
    return None


def holiday_year(key: str, settings: Settings, calendar: HolidayCalendar, today: dt.date) -> int:
    """The year of the next ``key`` holiday in the home country, on or after ``today``."""
    home = settings.home_country.upper()
    for year in (today.year, today.year + 1):
        if any(day >= today for day in calendar.dates(key, home, year)):
            return year
    return today.year + 1


def holiday_for(key: str, contact: Contact, year: int, settings: Settings,
                calendar: HolidayCalendar) -> Occasion | None:
    """The holiday ``key`` of ``year`` on the contact's country's date.

    A contact chosen by hand or by tag whose country does not keep it gets the date the
    catalogue's fallback rules give (Christmas is 25 December in Tokyo too), else the
    home country's.
    """
    country = contact_country(contact, settings.home_country)
    days = calendar.dates(key, country, year) or calendar.dates(key, settings.home_country.upper(), year)
    if not days:
        return None
    name = calendar.catalogue.get(key).name
    return Occasion(kind="holiday", name=name, date=days[0], mail_by=mail_by(days[0], country, settings),
                    contact_id=contact.id, contact_name=contact.name, years=None, key=key)


def personal_for(key: str, contact: Contact, settings: Settings, today: dt.date, *,
                 year: int | None = None) -> Occasion | None:
    """The contact's ``key`` occasion: in ``year`` if given, else the one whose card is due next.

    That is the first one not yet past by more than `LATE_GRACE_DAYS` (a belated card
    still counts), whether or not it was mailed already: a card already made for this
    year's birthday is a duplicate of this year's card (the mailing skips it), never
    silently next year's. The next year comes round once this year's is past the grace.
    """
    country = contact_country(contact, settings.home_country)
    if year is not None:
        window = Window(dt.date(year, 1, 1), dt.date(year + 1, 1, 1))
    else:
        window = Window(today - dt.timedelta(days=LATE_GRACE_DAYS), today + dt.timedelta(days=400))
    found = sorted((o for o in personal_occasions(contact, country, window, settings)
                    if o.key == key and window.start <= o.date < window.end), key=lambda o: o.date)
    return found[0] if found else None


def thank_you_for(contact: Contact, events: Iterable[RecordedEvent], today: dt.date, *,
                  mailed: Mailed = lambda o: False) -> Occasion | None:
    """The thank-you for the contact's latest order or referral of the last `LATE_GRACE_DAYS`.

    Prefers one not yet mailed; None when nothing recent was recorded.
    """
    earliest = today - dt.timedelta(days=LATE_GRACE_DAYS)
    recent = sorted((e for e in events if e.contact_id == contact.id and earliest <= e.date <= today),
                    key=lambda e: e.date, reverse=True)
    occasions = [thank_you_occasion(e, contact) for e in recent]
    if not occasions:
        return None
    return next((o for o in occasions if not mailed(o)), occasions[0])


def occasion_for(key: str, contact: Contact, settings: Settings, calendar: HolidayCalendar,
                 today: dt.date, *, year: int | None = None, events: Iterable[RecordedEvent] = (),
                 mailed: Mailed = lambda o: False) -> Occasion | None:
    """The ``key`` occasion a card to ``contact`` is for, or None if they have none.

    ``mailed`` only chooses between a contact's several recent orders (the thank-you not
    yet sent first); a yearly occasion is the one due next, mailed or not (`personal_for`).
    """
    kind = occasion_kind(key, calendar)
    if kind == "holiday":
        return holiday_for(key, contact, year or holiday_year(key, settings, calendar, today),
                           settings, calendar)
    if kind == "thank-you":
        return thank_you_for(contact, events, today, mailed=mailed)
    if kind is not None:
        return personal_for(key, contact, settings, today, year=year)
    return None


def due_soon(key: str, contacts: Iterable[Contact], settings: Settings, calendar: HolidayCalendar,
             today: dt.date, days: int, *, events: Iterable[RecordedEvent] = (),
             mailed: Mailed = lambda o: False) -> list[Occasion]:
    """Occasions of a personal ``key`` (or thank-yous) to post within ``days`` days, late ones too.

    That is: mail-by on or before ``today + days`` and the day itself no more than
    `LATE_GRACE_DAYS` ago. Used when a mailing names an occasion but no recipients.
    Occasions already mailed are listed too (the caller says they were, and ``--force``
    mails them again); ``mailed`` only prefers an unthanked order to a thanked one.
    """
    latest = today + dt.timedelta(days=days)
    earliest = today - dt.timedelta(days=LATE_GRACE_DAYS)
    found = []
    events = list(events)
    for contact in contacts:
        candidate = occasion_for(key, contact, settings, calendar, today, events=events, mailed=mailed)
        if candidate is not None and candidate.mail_by <= latest and candidate.date >= earliest:
            found.append(candidate)
    return found
