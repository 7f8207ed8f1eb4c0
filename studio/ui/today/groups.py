"""How the Today view groups occasions: a holiday is one line for everyone who keeps it.

A birthday or a thank-you concerns one person and stays one line; Christmas for forty
customers is one line ("Christmas · 40 people"), mailed by the earliest mail-by date
among them (the ones abroad must go first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

GROUPED_KINDS = ("holiday",)


@dataclass
class OccasionGroup:
    key: str
    kind: str
    name: str
    date: dt.date
    mail_by: dt.date
    items: list[Any] = field(default_factory=list)  # studio.services.occasions.UpcomingItem

    @property
    def contact_ids(self) -> list[int]:
        return [i.occasion.contact_id for i in self.items if i.occasion.contact_id is not None]

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def personal(self) -> bool:
        return self.kind not in GROUPED_KINDS

    @property
    def mailed(self) -> int:
        """How many of the people already have this card in a mailing."""
        return sum(1 for i in self.items if getattr(i, "mailing_id", None) is not None)

    def status(self, today: dt.date) -> str:
        """ "late", "today", "soon" (mail within a week) or "later"."""
        if self.mail_by < today:
            return "late"
        if self.mail_by == today:
            return "today"
        return "soon" if (self.mail_by - today).days <= 7 else "later"

    def title(self) -> str:
        if self.personal and self.items:
            return self.items[0].occasion.contact_name or "(no name)"
        return self.name

    def detail(self) -> str:
        if self.personal and self.items:
            occasion = self.items[0].occasion
            name = occasion.name
            if occasion.kind == "birthday" and occasion.years is not None:
                name = f"Birthday ({occasion.years})"
            elif occasion.kind == "anniversary" and occasion.years is not None:
                name = f"{occasion.years} years married"
            return f"{name} · {friendly_date(occasion.date)}"
        people = len(self.items)
        return f"{friendly_date(self.date)} · {people} {'person' if people == 1 else 'people'}"


def friendly_date(day: dt.date, today: dt.date | None = None) -> str:
    """ "Tue 1 Dec", with the year when it is not this year's."""
    text = f"{day:%a} {day.day} {day:%b}"
    if today is not None and day.year != today.year:
        text += f" {day.year}"
    return text


def mail_by_text(mail_by: dt.date, today: dt.date) -> str:
    days = (mail_by - today).days
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} late (post by {friendly_date(mail_by)})"
    if days == 0:
        return "mail today"
    if days == 1:
        return "mail by tomorrow"
    return f"mail by {friendly_date(mail_by, today)} (in {days} days)"


def group_occasions(items: Iterable[Any]) -> list[OccasionGroup]:
    """Group `UpcomingItem`s for display, keeping the mail-by order of the input."""
    groups: list[OccasionGroup] = []
    holidays: dict[tuple[str, int], OccasionGroup] = {}
    for item in items:
        occasion = item.occasion
        if occasion.kind in GROUPED_KINDS:
            slot = (occasion.key, occasion.date.year)
            group = holidays.get(slot)
            if group is None:
                group = OccasionGroup(
                    occasion.key, occasion.kind, occasion.name, occasion.date, occasion.mail_by
                )
                holidays[slot] = group
                groups.append(group)
            group.items.append(item)
            group.mail_by = min(group.mail_by, occasion.mail_by)
            group.date = min(group.date, occasion.date)
        else:
            groups.append(
                OccasionGroup(
                    occasion.key, occasion.kind, occasion.name, occasion.date, occasion.mail_by, [item]
                )
            )
    return sorted(groups, key=lambda g: (g.mail_by, g.date, g.title().casefold()))


def mail_by_counts(groups: Sequence[OccasionGroup], start: dt.date, days: int) -> list[int]:
    """For each of ``days`` days from ``start``: how many cards must be posted that day."""
    counts = [0] * days
    for group in groups:
        for item in group.items:
            offset = (item.occasion.mail_by - start).days
            if 0 <= offset < days:
                counts[offset] += 1
    return counts
