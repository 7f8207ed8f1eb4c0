"""Occasion use cases: what is coming, what is due today, recording an order, the calendar export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.allocation import collector_paused
from studio.errors import StudioError, UsageError
from studio.model import THANKED_KINDS, TOUCH_KINDS, Contact, Occasion
from studio.occasions import (
    LATE_GRACE_DAYS,
    HolidayCalendar,
    NotThanked,
    Window,
    due_among,
    due_window,
    load_catalogue,
    not_thanked_lately,
    occasion_instance,
    thank_you_occasion,
    to_icalendar,
    upcoming,
)
from studio.occasions.timing import THANK_YOU_WITHIN_DAYS
from studio.occasions.upcoming import merge_sorted, thank_you_occasions
from studio.paths import AppPaths
from studio.progress import NO_PROGRESS, Progress
from studio.services.contact_ref import find_contact
from studio.services.occasion_cache import OccasionCache
from studio.services.sequences import due_steps
from studio.services.touches import calls_due, due_touches
from studio.store import Store
from studio.store.history import Event, Mailing
from studio.touches.calls import BirthdayCall
from studio.touches.due import DueTouch
from studio.touches.due_steps import DueStep

EVENT_KINDS = TOUCH_KINDS  # what `studio log` records


@dataclass(frozen=True)
class UpcomingItem:
    """An occasion as a list shows it, with the mailing that already covers it (if any)."""

    occasion: Occasion
    mailing_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON item: the issue's keys, plus the occasion key and the mailing."""
        o = self.occasion
        return {"date": o.date.isoformat(), "mail_by": o.mail_by.isoformat(), "kind": o.kind,
                "name": o.name, "contact_id": o.contact_id, "contact_name": o.contact_name,
                "years": o.years, "key": o.key, "mailing": self.mailing_id}


@dataclass(frozen=True)
class TodayReport:
    today: dt.date
    due: list[UpcomingItem]  # mail-by on or before today, not yet in a mailing
    not_thanked: list[NotThanked]
    not_thanked_days: int
    unposted: list[Mailing]  # produced but not marked sent
    due_touch: list[DueTouch] = field(default_factory=list)  # whose keep-in-touch rhythm has run out
    calls: list[BirthdayCall] = field(default_factory=list)  # birthdays of today and tomorrow to call
    steps: list[DueStep] = field(default_factory=list)  # follow-up sequence steps due (services.sequences)
    sequence_problems: list[str] = field(default_factory=list)  # sequence files left out, and why


@dataclass(frozen=True)
class LoggedEvent:
    event: Event
    contact: Contact
    thank_you: Occasion | None  # the thank-you an order or a referral makes due; None for a call…


class MailedIndex:
    """Which occasions already went into a mailing: (contact, occasion instance) -> mailing id.

    A thank-you card covers the order it was for and any other order of the same contact
    in the `LATE_GRACE_DAYS` before it (one card thanks for both).
    """

    def __init__(self, rows: Iterable[tuple[int, str, dt.date | None, int]]) -> None:
        self._index: dict[tuple[int, str], int] = {}
        self._thanks: dict[int, list[tuple[dt.date, int]]] = {}
        for contact_id, key, date, mailing_id in rows:
            if date is None:
                continue
            self._index.setdefault((contact_id, occasion_instance(key, date)), mailing_id)
            if key == "thank-you":
                self._thanks.setdefault(contact_id, []).append((date, mailing_id))
        self._mailed = {contact_id for contact_id, _instance in self._index}  # most were never mailed


    @classmethod
    def load(cls, store: Store) -> MailedIndex:
        return cls(store.history.mailed_occasions())

    def mailing_of(self, contact_id: int | None, key: str, date: dt.date) -> int | None:
        if contact_id is None or contact_id not in self._mailed:
            return None
        exact = self._index.get((contact_id, occasion_instance(key, date)))
        if exact is not None or key != "thank-you":
            return exact
        latest = date + dt.timedelta(days=LATE_GRACE_DAYS)
        return next((m for mailed, m in self._thanks.get(contact_id, ()) if date <= mailed <= latest), None)

    def covers(self, occasion: Occasion) -> bool:
        return self.mailing_of(occasion.contact_id, occasion.key, occasion.date) is not None


def holiday_calendar() -> HolidayCalendar:
    """A fresh calendar over the bundled catalogue (its cache lives as long as the listing)."""
    return HolidayCalendar(load_catalogue())


def list_upcoming(store: Store, start: dt.date, days: int) -> list[UpcomingItem]:
    """Occasions whose date or mail-by date falls in ``days`` days from ``start``, by mail-by."""
    if days < 1:
        raise UsageError(f"--days must be at least 1 (got {days})")
    settings = store.settings.load()
    mailed = MailedIndex.load(store)
    occasions = upcoming(store.contacts.dated_people(), store.history.events(), settings,
                         Window.of_days(start, days), holiday_calendar())
    return [UpcomingItem(o, mailed.mailing_of(o.contact_id, o.key, o.date)) for o in occasions]


def today_report(store: Store, today: dt.date, paths: AppPaths | None = None) -> TodayReport:
    """What must be posted today or is late, customers not thanked lately, mailings not posted,
    and the follow-up steps due (``paths`` finds the user's own sequences)."""
    return today_overview(store, today, 0, paths=paths)[0]


def today_overview(store: Store, today: dt.date, days: int, progress: Progress = NO_PROGRESS,
                   paths: AppPaths | None = None,
                   cache: OccasionCache | None = None) -> tuple[TodayReport, list[UpcomingItem]]:
    """`today_report` and `list_upcoming(store, today, days)` (none for 0 days) in one pass.

    What the Today view shows: everyone is read once and their occasions worked out once,
    over a window covering both lists, then each list takes its part. With ``cache``,
    everyone's own occasions are worked out again only when a contact has changed.
    """
    with collector_paused():
        return _today_overview(store, today, days, progress, paths, cache)


def _today_overview(store: Store, today: dt.date, days: int, progress: Progress, paths: AppPaths | None,
                    cache: OccasionCache | None) -> tuple[TodayReport, list[UpcomingItem]]:
    steps = 4
    progress.step(0, steps, "Reading contacts")
    settings = store.settings.load()
    mailed = MailedIndex.load(store)
    late_window = due_window(today, settings)
    ahead = Window.of_days(today, days) if days > 0 else None
    window = Window(late_window.start, max(late_window.end, ahead.end if ahead else late_window.end))
    known = (cache or OccasionCache()).get(store, settings, window, holiday_calendar)
    contacts = known.people
    progress.step(1, steps, "Working out occasions")
    # Only orders and referrals make occasions (thank-yous), and one touches the window only
    # when its day or its mail-by day (THANK_YOU_WITHIN_DAYS later) is in it: with tens of
    # thousands of imported orders, reading two months more of them was a sixth of Today.
    events = store.history.events(since=window.start - dt.timedelta(days=THANK_YOU_WITHIN_DAYS),
                                  kinds=THANKED_KINDS)
    occasions = merge_sorted(known.occasions, thank_you_occasions(contacts, events, window))
    progress.step(2, steps, "Finding who was not thanked lately")
    late = due_among(occasions, today, late_window, mailed=mailed.covers)
    # An order's thank-you card coming up or late, not yet mailed: a sequence's thank-you step
    # for it is the same card (`_not_twice`).
    thanks = [o for o in occasions if o.key == "thank-you" and not mailed.covers(o)
              and o.date >= today - dt.timedelta(days=LATE_GRACE_DAYS)]
    neglected = not_thanked_lately(contacts, store.history.last_sent_card(), today, settings.not_thanked_days)
    unposted = [m for m in store.history.mailings() if m.sent_at is None]
    problems: list[str] = []
    followups = _not_twice(due_steps(store, today, paths, settings=settings, people=contacts,
                                     problems=problems), thanks)
    report = TodayReport(today=today, due=[UpcomingItem(o) for o in late], not_thanked=neglected,
                         not_thanked_days=settings.not_thanked_days, unposted=unposted,
                         due_touch=due_touches(store, today, contacts, settings),
                         calls=calls_due(store, today, contacts, settings),
                         steps=followups, sequence_problems=problems)
    progress.step(3, steps, "Sorting")
    coming = [UpcomingItem(o, mailed.mailing_of(o.contact_id, o.key, o.date))
              for o in occasions if ahead is not None and ahead.holds(o)]
    progress.step(steps, steps, "")
    return report, coming


def _not_twice(steps: list[DueStep], thanks: Iterable[Occasion]) -> list[DueStep]:
    """The steps without the thank-you cards Today lists as orders' thank-yous, coming up or
    to post (one card, listed once: mailing it there completes the step, `store.sequences.due`)."""
    thanked = {o.contact_id for o in thanks}
    return [s for s in steps
            if not (s.kind == "card" and s.occasion == "thank-you" and s.contact_id in thanked)]


def log_event(store: Store, contact_ref: str, kind: str, date: dt.date, note: str = "", *,
              today: dt.date | None = None, amount: float | None = None,
              paths: AppPaths | None = None) -> LoggedEvent:
    """Record a touch (`TOUCH_KINDS`); an order or a referral calls for a thank-you due
    within two days. Every touch restarts the contact's keep-in-touch rhythm.

    With ``today``, a ``date`` after it is refused (`UsageError`): an order not placed yet
    calls for no thank-you, a call not made yet is no touch. An order enrols the contact in
    the order-triggered follow-up sequences (``paths`` finds the user's own).
    """
    if kind not in EVENT_KINDS:
        raise UsageError(f"{kind!r} is not a touch Card Studio records; use one of {', '.join(EVENT_KINDS)}")
    if amount is not None and (amount < 0 or amount != amount):
        raise UsageError(f"an amount is a sum of money, 0 or more (got {amount})")
    if today is not None and date > today:
        raise UsageError(f"{date.isoformat()} is in the future (today is {today.isoformat()}); "
                         f"record the {kind} on the day it happened")
    contact = find_contact(store, contact_ref)
    assert contact.id is not None
    event = Event(contact_id=contact.id, kind=kind, date=date, note=note.strip(), amount=amount)
    with store.transaction():
        store.history.add_event(event)
        if kind == "order":
            from studio.services.sequences import enrol_after_orders

            enrol_after_orders(store, [contact.id], today or date, paths=paths, problems=[])
    thank_you = thank_you_occasion(event, contact) if kind in THANKED_KINDS else None
    return LoggedEvent(event=event, contact=contact, thank_you=thank_you)


def birthday_phones(store: Store, items: Iterable[UpcomingItem]) -> dict[int, list[str]]:
    """The numbers to call for each birthday among ``items`` (the preferred first)."""
    ids = {i.occasion.contact_id for i in items if i.occasion.kind == "birthday" and i.occasion.contact_id}
    phones = {}
    for contact in store.contacts.list(ids=sorted(ids)) if ids else []:
        if contact.id is not None:
            phones[contact.id] = [p.value for p in sorted(contact.phones, key=lambda p: not p.preferred)]
    return phones


def export_ics(items: Iterable[UpcomingItem], path: Path, now: dt.datetime,
               phones: Mapping[int, Sequence[str]] | None = None) -> int:
    """Write ``items`` as an iCalendar file at ``path``; returns how many occasions.

    With ``phones`` (`birthday_phones`), each birthday also gets a call at 10:00 that day.
    """
    occasions = [i.occasion for i in items]
    text = to_icalendar(occasions, now, phones)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise StudioError(f"cannot write the calendar file {path}: {exc.strerror or exc}") from exc
    return len(occasions)


# -- What a mailing can be for ------------------------------------------------------------

PERSONAL_OCCASIONS = ("birthday", "anniversary", "customer-anniversary")
GENERAL_OCCASIONS = ("thinking-of-you", "thank-you", "welcome", "congratulations", "get-well")


@dataclass(frozen=True)
class OccasionChoice:
    """An occasion a mailing can be for, as a user reads it."""

    key: str
    name: str
    datable: bool  # the occasion itself can choose who gets a card (by date)


def mailing_occasions() -> list[OccasionChoice]:
    """Every occasion a mailing can be for: personal ones, the holidays, then general ones.

    Personal occasions and holidays choose their recipients by date; a general one does
    only when the calendar knows how to date it.
    """
    from studio.cards.occasion import NAMES
    from studio.occasions.selection import occasion_kind

    calendar = holiday_calendar()
    choices = [OccasionChoice(key, NAMES.get(key, key), True) for key in PERSONAL_OCCASIONS]
    catalogue = calendar.catalogue
    choices += [OccasionChoice(key, catalogue.get(key).name, True) for key in catalogue.keys()]
    choices += [OccasionChoice(key, NAMES.get(key, key.replace("-", " ").capitalize()),
                               occasion_kind(key, calendar) is not None)
                for key in GENERAL_OCCASIONS]
    return choices


def occasion_names(keys: Iterable[str]) -> dict[str, str]:
    """What a user reads for each occasion key: "christmas" -> "Christmas", "date:x-y" -> "X y"."""
    from studio.cards.occasion import NAMES

    catalogue = holiday_calendar().catalogue
    names = {}
    for key in keys:
        if key in catalogue:
            names[key] = catalogue.get(key).name
        elif key.startswith("date:"):
            names[key] = key.removeprefix("date:").replace("-", " ").capitalize()
        else:
            names[key] = NAMES.get(key, key.replace("-", " ").capitalize())
    return names
