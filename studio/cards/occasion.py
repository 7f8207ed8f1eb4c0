"""The occasion a card is for, when the caller has none at hand (`studio render`).

A mailing built from `studio.occasions.upcoming` passes its own `Occasion`; rendering a
template directly for some contacts takes the template's first occasion and dates it
the way `studio.occasions` does: a contact's own date (birthday, anniversary, customer
since) on its next day on or after today with the years reached then; a holiday on its
next date in the contact's country (`HolidayCalendar`); a thank-you, welcome or
thinking-of-you card today.
"""

from __future__ import annotations

import datetime as dt

from studio.model import Contact, Occasion
from studio.occasions import HolidayCalendar, Window, contact_country, load_catalogue, mail_by
from studio.occasions.upcoming import personal_occasions
from studio.settings import Settings

NAMES = {
    "birthday": "Birthday", "anniversary": "Anniversary", "customer-anniversary": "Customer anniversary",
    "holiday": "Holidays", "thank-you": "Thank you", "welcome": "Welcome",
    "thinking-of-you": "Thinking of you", "congratulations": "Congratulations", "get-well": "Get well",
    "sympathy": "Sympathy", "any": "Card",
}
_PERSONAL = ("birthday", "anniversary", "customer-anniversary")
_HOLIDAY_DATE_OF = {"holiday": "christmas"}  # "Happy holidays" cards are for the December holidays


class OccasionDating:
    """Dates occasions for contacts; make one per batch (it caches holiday calendars)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._calendar: HolidayCalendar | None = None

    def occasion_for(self, kind: str, contact: Contact, today: dt.date) -> Occasion:
        """The next ``kind`` occasion of ``contact`` on or after ``today``.

        A contact lacking the date gets an occasion dated today with no ``years``;
        whether such a contact gets a card at all is the template's ``requires``.
        """
        country = contact_country(contact, self.settings.home_country)
        common = {"contact_id": contact.id, "contact_name": contact.name}
        if kind in _PERSONAL:
            window = Window.of_days(today, 367)
            found = [o for o in personal_occasions(contact, country, window, self.settings)
                     if o.kind == kind and o.date >= today]
            if found:
                return min(found, key=lambda o: o.date)
        elif self._holiday_key(kind) is not None:
            key = self._holiday_key(kind)
            calendar = self._holidays()
            for year in (today.year, today.year + 1):
                days = [d for d in calendar.dates(key, country, year) if d >= today]
                if days:
                    name = NAMES.get(kind) or calendar.catalogue.get(key).name
                    return Occasion(kind="holiday", name=name, date=days[0],
                                    mail_by=mail_by(days[0], country, self.settings), key=kind, **common)
        name = NAMES.get(kind, kind.replace("-", " ").capitalize())
        return Occasion(kind=kind, name=name, date=today, mail_by=today, key=kind, **common)

    def _holiday_key(self, kind: str) -> str | None:
        key = _HOLIDAY_DATE_OF.get(kind, kind)
        return key if key in self._holidays().catalogue else None

    def _holidays(self) -> HolidayCalendar:
        if self._calendar is None:
            self._calendar = HolidayCalendar(load_catalogue())
        return self._calendar


def occasion_for(kind: str, contact: Contact, today: dt.date, settings: Settings | None = None) -> Occasion:
    """One-off `OccasionDating.occasion_for` (a batch should keep one `OccasionDating`)."""
    return OccasionDating(settings or Settings()).occasion_for(kind, contact, today)
