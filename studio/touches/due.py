"""Who is due for a touch: the contacts whose rhythm has run out since their last touch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from studio.model import PartialDate, Person
from studio.touches.rhythm import Rhythms


@dataclass(frozen=True)
class DueTouch:
    """One contact due for a touch, as `studio today --json` lists it under ``due_touch``."""

    contact_id: int
    contact_name: str
    last_touch: dt.date | None  # None: never touched
    last_kind: str | None
    rhythm_days: int
    days_overdue: int | None  # days past the rhythm; None: never touched, no known start

    def to_json(self) -> dict[str, object]:
        return {"contact_id": self.contact_id, "contact_name": self.contact_name,
                "last_touch": self.last_touch.isoformat() if self.last_touch else None,
                "last_kind": self.last_kind, "rhythm_days": self.rhythm_days,
                "days_overdue": self.days_overdue}


def due_for_touch(people: Iterable[Person], last_touches: Mapping[int, tuple[dt.date, str]],
                  rhythms: Rhythms, today: dt.date) -> list[DueTouch]:
    """Everyone whose rhythm has passed since their last touch of any kind, most overdue first.

    Someone never touched counts from the day they became a customer, when it is known
    (a new customer is not yet overdue); with no start at all they are listed first.
    """
    found = []
    by_tags: dict[tuple[str, ...], int | None] = {}  # 20,000 people share a few sets of tags
    for person in people:
        if person.id is None:
            continue
        days = rhythms.contacts.get(person.id)
        if days is None:
            tags = tuple(person.tags)
            if tags not in by_tags:
                by_tags[tags] = rhythms.days_for_tags(tags)
            days = by_tags[tags]
        if days is None:
            continue
        last = last_touches.get(person.id)
        start = last[0] if last else _day(person.customer_since)
        overdue = (today - start).days - days if start else None
        if overdue is not None and overdue <= 0:
            continue
        found.append(DueTouch(person.id, person.name, last[0] if last else None,
                              last[1] if last else None, days, overdue))
    return sorted(found, key=lambda d: (d.days_overdue is not None, -(d.days_overdue or 0),
                                        d.contact_name.casefold()))


def latest_touches(*sources: Mapping[int, tuple[dt.date, str]]) -> dict[int, tuple[dt.date, str]]:
    """Each contact's latest touch among several sources (recorded touches, posted cards)."""
    latest: dict[int, tuple[dt.date, str]] = {}
    for source in sources:
        for contact_id, touch in source.items():
            if contact_id not in latest or touch[0] > latest[contact_id][0]:
                latest[contact_id] = touch
    return latest


def _day(date: PartialDate | None) -> dt.date | None:
    return dt.date(date.year, date.month, date.day) if date is not None and date.year else None
