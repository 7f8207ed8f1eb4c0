"""Birthday calls: "call them on their birthdays", for today and tomorrow."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from studio.model import Contact, Feb29Rule

CALL_DAYS = 2  # today and tomorrow


@dataclass(frozen=True)
class BirthdayCall:
    """A birthday to call for, as `studio today --json` lists it under ``calls``."""

    contact_id: int
    contact_name: str
    date: dt.date
    phones: tuple[str, ...]  # as written, the preferred first
    years: int | None  # the age turned, when the year of birth is known

    def to_json(self) -> dict[str, object]:
        return {"contact_id": self.contact_id, "contact_name": self.contact_name,
                "date": self.date.isoformat(), "phones": list(self.phones), "years": self.years}


def birthday_calls(contacts: Iterable[Contact], today: dt.date,
                   feb29: Feb29Rule = Feb29Rule.FEB_28) -> list[BirthdayCall]:
    """The birthdays of today and tomorrow, with each contact's numbers, today's first."""
    calls = []
    for contact in contacts:
        if contact.id is None or contact.birthday is None:
            continue
        for offset in range(CALL_DAYS):
            day = today + dt.timedelta(days=offset)
            if contact.birthday.in_year(day.year, feb29) == day:
                years = day.year - contact.birthday.year if contact.birthday.year else None
                phones = tuple(p.value for p in sorted(contact.phones, key=lambda p: not p.preferred))
                calls.append(BirthdayCall(contact.id, contact.name, day, phones, years))
    return sorted(calls, key=lambda c: (c.date, c.contact_name.casefold()))
