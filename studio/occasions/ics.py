"""Upcoming occasions as an iCalendar file (RFC 5545), so the user's phone reminds them.

Each occasion becomes an all-day event on its day, and its mail-by date an all-day
"Mail … card" event carrying a reminder (VALARM) at 09:00 that morning. The separate
mail-by event is on purpose: calendars that drop alarms on import (Google's) still show
the day to post. Holiday occasions are grouped, one event per holiday, date and mail-by
date listing the recipients, so 500 Christmas cards are one reminder and not 500.
UIDs are stable, so importing a newer export updates events instead of duplicating them.
A birthday also gets a "Call NAME" event at 10:00 that day (floating: the user's own
time) with the numbers to call, as the method says: call them on their birthdays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby

import vobject
from dateutil import tz

from studio.model import Occasion

PRODID = "-//Card Studio//Occasions//EN"
REMINDER_AT = dt.timedelta(hours=9)  # from the start of the all-day mail-by event
CALL_AT = dt.time(10, 0)  # the birthday call, in the user's own time zone
CALL_LENGTH = dt.timedelta(minutes=15)
_MAX_NAMES_IN_SUMMARY = 3


def _who(occasion: Occasion) -> str:
    if occasion.years is None:
        return occasion.contact_name
    return f"{occasion.contact_name} ({occasion.years})"


def _groups(occasions: Iterable[Occasion]) -> list[list[Occasion]]:
    """Personal occasions one by one; holidays grouped by key, date and mail-by date."""
    personal, holidays = [], []
    for occasion in occasions:
        (holidays if occasion.kind == "holiday" else personal).append(occasion)
    grouped = [[o] for o in personal]

    def holiday_key(o: Occasion) -> tuple[str, dt.date, dt.date]:
        return (o.key, o.date, o.mail_by)

    for _, members in groupby(sorted(holidays, key=holiday_key), key=holiday_key):
        grouped.append(sorted(members, key=lambda o: o.contact_name.casefold()))
    return sorted(grouped, key=lambda g: (g[0].mail_by, g[0].date, g[0].key))


def _titles(group: list[Occasion]) -> tuple[str, str, str]:
    """(occasion summary, mail-by summary, description) for one event pair."""
    first = group[0]
    if first.kind != "holiday":
        return (f"{first.name}: {_who(first)}", f"Mail card: {first.name}, {first.contact_name}",
                f"{first.name} of {_who(first)} on {first.date.isoformat()}; "
                f"post the card by {first.mail_by.isoformat()}.")
    names = [o.contact_name for o in group]
    shown = ", ".join(names[:_MAX_NAMES_IN_SUMMARY]) + (f" and {len(names) - _MAX_NAMES_IN_SUMMARY} more"
                                                        if len(names) > _MAX_NAMES_IN_SUMMARY else "")
    count = f"{len(names)} card{'s' if len(names) != 1 else ''}"
    description = (f"{first.name} on {first.date.isoformat()}; post by {first.mail_by.isoformat()}.\n"
                   + "\n".join(names))
    return f"{first.name} ({count})", f"Mail {first.name} cards: {shown}", description


def _uid(group: list[Occasion], what: str) -> str:
    first = group[0]
    who = str(first.contact_id) if first.kind != "holiday" else f"by-{first.mail_by.isoformat()}"
    return f"{what}-{first.key}-{who}-{first.date.isoformat()}@card-studio"


def _add_event(calendar: vobject.base.Component, *, uid: str, day: dt.date, summary: str,
               description: str, stamp: dt.datetime, alarm: str | None) -> None:
    event = calendar.add("vevent")
    event.add("uid").value = uid
    event.add("dtstamp").value = stamp
    event.add("dtstart").value = day
    event.add("dtend").value = day + dt.timedelta(days=1)
    event.add("summary").value = summary
    event.add("description").value = description
    event.add("categories").value = ["Card Studio"]
    event.add("transp").value = "TRANSPARENT"  # a reminder, not a busy day
    if alarm:
        valarm = event.add("valarm")
        valarm.add("action").value = "DISPLAY"
        valarm.add("description").value = alarm
        valarm.add("trigger").value = REMINDER_AT


def _add_call(calendar: vobject.base.Component, occasion: Occasion, phones: Sequence[str],
              stamp: dt.datetime) -> None:
    event = calendar.add("vevent")
    day = occasion.date.isoformat()
    event.add("uid").value = f"call-{occasion.key}-{occasion.contact_id}-{day}@card-studio"
    event.add("dtstamp").value = stamp
    start = dt.datetime.combine(occasion.date, CALL_AT)  # naive: floating, 10:00 wherever the user is
    event.add("dtstart").value = start
    event.add("dtend").value = start + CALL_LENGTH
    event.add("summary").value = f"Call {occasion.contact_name}"
    age = f" (turns {occasion.years})" if occasion.years is not None else ""
    numbers = "\n".join(phones) if phones else "No phone number recorded."
    event.add("description").value = f"Birthday of {occasion.contact_name}{age}.\n{numbers}"
    event.add("categories").value = ["Card Studio"]


def to_icalendar(occasions: Iterable[Occasion], now: dt.datetime,
                 phones: Mapping[int, Sequence[str]] | None = None) -> str:
    """The iCalendar text for ``occasions``; ``now`` (aware or naive UTC) stamps the events.

    ``phones`` (contact id: numbers, the preferred first) gives each birthday its call event.
    """
    stamp = now.astimezone(tz.UTC) if now.tzinfo else now.replace(tzinfo=tz.UTC)
    calendar = vobject.iCalendar()
    calendar.add("prodid").value = PRODID
    calendar.add("x-wr-calname").value = "Card Studio"
    occasions = list(occasions)
    for group in _groups(occasions):
        summary, mail_summary, description = _titles(group)
        first = group[0]
        if first.kind == "birthday" and phones is not None and first.contact_id is not None:
            _add_call(calendar, first, phones.get(first.contact_id, ()), stamp)
        _add_event(calendar, uid=_uid(group, "occasion"), day=first.date, summary=summary,
                   description=description, stamp=stamp, alarm=None)
        _add_event(calendar, uid=_uid(group, "mail-by"), day=first.mail_by, summary=mail_summary,
                   description=description, stamp=stamp, alarm=mail_summary)
    return calendar.serialize()
