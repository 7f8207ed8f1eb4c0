"""Who has which occasion when: the upcoming list and what is due today.

Everything here is pure: contacts, recorded events, settings and the dates of the window
come in; `Occasion`s come out. Nothing reads the clock; ``today`` is always an argument.

Occasions of a contact:
- birthday (``years`` = the age reached, None when the year of birth is unknown; a
  29 February birthday falls on 28 February or 1 March in common years, `Settings.feb29`);
- wedding anniversary (years married), customer-since anniversary ("3 years with us"),
  any other labelled date ("Joined the team", years since);
- each holiday the user sends cards for (`Settings.holidays`) that the contact's country
  observes or that the contact is tagged with, on that country's date (`calendar`);
- a thank-you for every recorded order or referral, due within two days of it.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import itemgetter
from typing import Protocol

from studio.model import THANKED_KINDS, Occasion, PartialDate, Person
from studio.occasions.calendar import HolidayCalendar
from studio.occasions.keys import label_key
from studio.occasions.timing import contact_country, mail_by, max_lead_days, thank_you_mail_by
from studio.settings import Settings

LATE_GRACE_DAYS = 14  # a card this many days after the occasion is still worth sending ("belated")

# How the upcoming list orders occasions that share a mail-by date.
_KIND_ORDER = {"thank-you": 0, "birthday": 1, "anniversary": 2, "customer-anniversary": 3,
               "date": 4, "holiday": 5}
_THANK_YOU_NAMES = {"order": "Thank you for your order", "referral": "Thank you for the referral"}


class RecordedEvent(Protocol):
    """What the user logged about a contact (`studio.store.history.Event` fits)."""

    contact_id: int
    kind: str
    date: dt.date


@dataclass(frozen=True)
class Window:
    """Days from ``start`` (inclusive) to ``end`` (exclusive).

    An occasion is in the window when its date or its mail-by date falls inside: a
    listing of the next two weeks must show the Christmas card to Tokyo that has to be
    posted in those two weeks, though Christmas itself is later.
    """

    start: dt.date
    end: dt.date

    @classmethod
    def of_days(cls, start: dt.date, days: int) -> Window:
        return cls(start, start + dt.timedelta(days=days))

    def holds(self, occasion: Occasion) -> bool:
        return self.touches(occasion.date, occasion.mail_by)

    def touches(self, day: dt.date, post_by: dt.date) -> bool:
        """Whether an occasion on ``day`` to be posted by ``post_by`` is in the window."""
        return self.start <= day < self.end or self.start <= post_by < self.end

    def years(self, lead_days: int) -> range:
        """Calendar years whose occasions can touch the window (dates up to ``lead_days`` later)."""
        return range(self.start.year, (self.end + dt.timedelta(days=lead_days)).year + 1)


def personal_occasions(contact: Person, country: str, window: Window, settings: Settings) -> list[Occasion]:
    """The contact's own yearly dates that touch ``window``."""
    yearly: list[tuple[str, str, str, PartialDate]] = []  # (kind, key, label, date)
    if contact.birthday:
        yearly.append(("birthday", "birthday", "Birthday", contact.birthday))
    if contact.anniversary:
        yearly.append(("anniversary", "anniversary", "Wedding anniversary", contact.anniversary))
    if contact.customer_since:
        yearly.append(("customer-anniversary", "customer-anniversary", "Customer anniversary",
                       contact.customer_since))
    for labelled in contact.dates:
        yearly.append(("date", label_key(labelled.label), labelled.label.strip() or "Date", labelled.date))

    found = []
    name = contact.name
    years_touching = window.years(max_lead_days(settings))
    for kind, key, label, origin in yearly:
        for year in years_touching:
            if origin.year is not None and year <= origin.year:
                continue  # the day itself is no anniversary of anything
            day = origin.in_year(year, settings.feb29)
            post_by = mail_by(day, country, settings)
            if not window.touches(day, post_by):
                continue
            # Years count by calendar year: a 29 February child is 39 on 28 February 2027.
            years = year - origin.year if origin.year is not None else None
            found.append(Occasion(kind=kind, name=_name(kind, label, years), date=day, mail_by=post_by,
                                  contact_id=contact.id, contact_name=name, years=years, key=key))
    return found


def _name(kind: str, label: str, years: int | None) -> str:
    if kind == "customer-anniversary" and years is not None:
        return f"{years} year{'s' if years != 1 else ''} with us"
    return label


def holiday_occasions(contact: Person, country: str, window: Window, settings: Settings,
                      calendar: HolidayCalendar) -> list[Occasion]:
    """The holidays the user sends cards for that this contact keeps, inside ``window``.

    A tag naming a holiday adds it for this contact even when it is not in
    `Settings.holidays`, and drops the holidays it is kept instead of (a family tagged
    ``hanukkah`` gets Hanukkah, not Christmas; see `HolidayCatalogue.kept_instead`).
    """
    keys = holiday_keys(contact, settings, calendar)
    return _kept_holidays(contact, country, holiday_days(country, window, settings, calendar, keys), calendar)


# (holiday key, year, holiday name, day, mail-by) of a holiday touching a window in a country.
HolidayDay = tuple[str, int, str, dt.date, dt.date]


def holiday_keys(contact: Person, settings: Settings, calendar: HolidayCalendar) -> tuple[str, ...]:
    """The user's holidays and those the contact's tags name, known to the catalogue."""
    keys = dict.fromkeys([*settings.holidays, *calendar.catalogue.tagged(contact.tags)])
    return tuple(key for key in keys if key in calendar.catalogue)  # a dropped holiday breaks nothing


def holiday_days(country: str, window: Window, settings: Settings, calendar: HolidayCalendar,
                 keys: Iterable[str]) -> list[HolidayDay]:
    """The days of holidays ``keys`` in ``country`` that touch ``window``, whoever keeps them.

    The same for everyone in a country with the same keys, so a listing works them out once
    per country (and holiday tags) rather than once per contact.
    """
    found = []
    for key in keys:
        name = calendar.catalogue.get(key).name
        for year in window.years(max_lead_days(settings)):
            for day in calendar.dates(key, country, year):
                post_by = mail_by(day, country, settings)
                if window.touches(day, post_by):
                    found.append((key, year, name, day, post_by))
    return found


def _kept_holidays(contact: Person, country: str, days: Iterable[HolidayDay],
                   calendar: HolidayCalendar) -> list[Occasion]:
    return _holiday_occasions(contact, _kept_days(tuple(contact.tags), country, days, calendar))


def _kept_days(tags: tuple[str, ...], country: str, days: Iterable[HolidayDay],
               calendar: HolidayCalendar) -> list[HolidayDay]:
    """Those of ``days`` someone with ``tags`` in ``country`` keeps: the same for everyone
    with the same tags in a country, so a listing works it out once for each."""
    tagged = set(calendar.catalogue.tagged(tags)) if tags else set()
    # Only a contact whose tags name a holiday can have one replaced: most contacts skip this.
    replaced = ({key for key, *_ in days if calendar.catalogue.kept_instead(key, tags)}
                if tagged else set())
    return [held for held in days
            if held[0] not in replaced
            and (held[0] in tagged or calendar.observes(held[0], country, held[1]))]


def _holiday_occasions(contact: Person, days: Iterable[HolidayDay]) -> list[Occasion]:
    name = contact.name
    return [Occasion(kind="holiday", name=holiday, date=day, mail_by=post_by, contact_id=contact.id,
                     contact_name=name, years=None, key=key)
            for key, _year, holiday, day, post_by in days]


def thank_you_occasion(event: RecordedEvent, contact: Person) -> Occasion:
    """The thank-you a recorded order or referral calls for, due within two days of it."""
    return Occasion(kind="thank-you", name=_THANK_YOU_NAMES.get(event.kind, f"Thank you ({event.kind})"),
                    date=event.date, mail_by=thank_you_mail_by(event.date), contact_id=contact.id,
                    contact_name=contact.name, years=None, key="thank-you")


def sort_key(occasion: Occasion) -> tuple[object, ...]:
    """Mail-by first (the list is a to-do list), then the day itself, then who."""
    return (occasion.mail_by, occasion.date, _KIND_ORDER.get(occasion.kind, 9), occasion.key,
            occasion.contact_name.casefold(), occasion.contact_id or 0)


def upcoming(contacts: Iterable[Person], events: Iterable[RecordedEvent], settings: Settings,
             window: Window, calendar: HolidayCalendar) -> list[Occasion]:
    """Every occasion touching ``window``, sorted by mail-by date.

    ``events`` are the recorded orders and referrals; those of contacts not in
    ``contacts`` are ignored.
    """
    people = list(contacts)
    return merge_sorted(contact_occasions(people, settings, window, calendar),
                        thank_you_occasions(people, events, window))


# An occasion with its `sort_key`, worked out once: lists of these merge without re-sorting.
Keyed = tuple[tuple[object, ...], Occasion]


def contact_occasions(contacts: Iterable[Person], settings: Settings, window: Window,
                      calendar: HolidayCalendar) -> list[Keyed]:
    """The occasions of everyone's own dates and holidays touching ``window``, sorted.

    They change only when a contact does, so a caller may keep them between listings
    (`studio.services.occasion_cache`); thank-yous come from events and are added apart.
    """
    found: list[Occasion] = []
    # Holidays depend only on the country and the tags: worked out once for each pair.
    days_by_keys: dict[tuple[str, tuple[str, ...]], list[HolidayDay]] = {}
    holidays_by_place: dict[tuple[str, tuple[str, ...]], list[HolidayDay]] = {}
    for contact in contacts:
        country = contact_country(contact, settings.home_country)
        if contact.birthday or contact.anniversary or contact.customer_since or contact.dates:
            found += personal_occasions(contact, country, window, settings)
        place = (country, tuple(contact.tags))
        kept = holidays_by_place.get(place)
        if kept is None:
            keys = holiday_keys(contact, settings, calendar)
            if (country, keys) not in days_by_keys:
                days_by_keys[country, keys] = holiday_days(country, window, settings, calendar, keys)
            kept = holidays_by_place[place] = _kept_days(place[1], country, days_by_keys[country, keys],
                                                         calendar)
        found += _holiday_occasions(contact, kept)
    return _keyed(found)


def thank_you_occasions(contacts: Iterable[Person], events: Iterable[RecordedEvent],
                        window: Window) -> list[Keyed]:
    """The thank-yous recorded orders and referrals of ``contacts`` call for in ``window``, sorted."""
    by_id = {contact.id: contact for contact in contacts if contact.id is not None}
    found = []
    for event in events:
        contact = by_id.get(event.contact_id)
        if contact is not None and event.kind in THANKED_KINDS:  # a call is a touch, not a thank-you
            occasion = thank_you_occasion(event, contact)
            if window.holds(occasion):
                found.append(occasion)
    return _keyed(found)


def _keyed(occasions: Iterable[Occasion]) -> list[Keyed]:
    keyed = [(sort_key(o), o) for o in occasions]
    keyed.sort(key=itemgetter(0))
    return keyed


def merge_sorted(*lists: list[Keyed]) -> list[Occasion]:
    """The occasions of sorted ``lists``, in `sort_key` order."""
    return [occasion for _key, occasion in heapq.merge(*lists, key=itemgetter(0))]


def late_until(occasion: Occasion) -> dt.date:
    """The last day a card for ``occasion`` is still worth posting, however late.

    A personal card or a thank-you may go out "belated", up to `LATE_GRACE_DAYS` after
    the day. A holiday card may not: once the holiday is over (Christmas cards on
    2 January), it was missed, not late.
    """
    if occasion.kind == "holiday":
        return occasion.date
    return occasion.date + dt.timedelta(days=LATE_GRACE_DAYS)


def due_window(today: dt.date, settings: Settings) -> Window:
    """The window `due` lists from: late cards still worth posting to the longest lead ahead."""
    return Window(today - dt.timedelta(days=LATE_GRACE_DAYS),
                  today + dt.timedelta(days=max_lead_days(settings) + 1))


def due_among(occasions: Iterable[Occasion], today: dt.date, window: Window,
              mailed: Callable[[Occasion], bool] = lambda occasion: False) -> list[Occasion]:
    """Those of ``occasions`` (from a listing covering ``window`` = `due_window`) due by ``today``."""
    return [o for o in occasions
            if window.holds(o) and o.mail_by <= today and late_until(o) >= today and not mailed(o)]


def due(contacts: Iterable[Person], events: Iterable[RecordedEvent], settings: Settings,
        today: dt.date, calendar: HolidayCalendar,
        mailed: Callable[[Occasion], bool] = lambda occasion: False) -> list[Occasion]:
    """What must be posted today or is late: mail-by on or before ``today``, not yet mailed.

    An occasion past its `late_until` day is no longer listed (that card was missed, not
    late): a holiday once its day is over, anything else `LATE_GRACE_DAYS` after its day.
    ``mailed`` says whether an occasion already went into a mailing.
    """
    window = due_window(today, settings)
    return due_among(upcoming(contacts, events, settings, window, calendar), today, window, mailed)
