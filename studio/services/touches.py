"""Use cases for keeping in touch: a contact's touches, keep-in-touch rhythms, who is due
for a touch, and the birthdays to call today and tomorrow."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from studio.errors import UsageError
from studio.model import Contact, Person
from studio.services.contact_ref import find_contact
from studio.settings import Settings
from studio.store import Store
from studio.touches.calls import BirthdayCall, birthday_calls
from studio.touches.due import DueTouch, due_for_touch, latest_touches
from studio.touches.log import CARD, Touch, newest_first
from studio.touches.rhythm import CUSTOMER_TAG, Rhythms, fold_tag

MAX_RHYTHM_DAYS = 3660  # ten years: anything longer is a typo


def touches_of(store: Store, contact_ref: str) -> tuple[Contact, list[Touch]]:
    """The contact ``contact_ref`` names and every touch with them, newest first: what was
    recorded or imported, and each card of a mailing marked posted."""
    contact = find_contact(store, contact_ref)
    assert contact.id is not None
    recorded = [Touch(e.date, e.kind, e.note, e.amount, e.source, e.id)
                for e in store.history.events(contact_id=contact.id)]
    from studio.services.occasions import occasion_names  # which builds Today from this module

    posted = [(m, i) for m, i in store.history.items_for_contact(contact.id) if m.sent_at]
    names = occasion_names({item.occasion for _mailing, item in posted})
    cards = [Touch(dt.date.fromisoformat((mailing.sent_at or "")[:10]), CARD,
                   f"{names[item.occasion]} card ({item.template})", source=f"mailing:{mailing.id}")
             for mailing, item in posted]
    return contact, newest_first([*recorded, *cards])


def record_touch(store: Store, contact_id: int, kind: str, day: dt.date, note: str = "") -> int:
    """Record a touch with the contact (the app's "Called" / "Messaged"); returns its event id."""
    from studio.services.occasions import log_event

    return log_event(store, str(contact_id), kind, day, note).event.id or 0


def undo_touch(store: Store, event_id: int) -> None:
    """Take back a touch just recorded."""
    with store.transaction():
        store.history.delete_event(event_id)


def load_rhythms(store: Store, settings: Settings | None = None) -> Rhythms:
    settings = settings or store.settings.load()
    return Rhythms(tags=store.rhythms.tags(), contacts=store.rhythms.contacts(),
                   customer_days=settings.not_thanked_days)


def set_tag_rhythm(store: Store, tag: str, days: int | None) -> None:
    """Keep in touch with everyone tagged ``tag`` every ``days`` days (None: no rhythm)."""
    if not fold_tag(tag):
        raise UsageError("name the tag, e.g. --tag vip")
    _check_days(days)
    with store.transaction():
        store.rhythms.set_tag(tag, days)


def set_contact_rhythm(store: Store, contact_ref: str, days: int | None) -> Contact:
    """A rhythm of the contact's own (None: their tags' again); returns the contact."""
    _check_days(days)
    contact = find_contact(store, contact_ref)
    assert contact.id is not None
    with store.transaction():
        store.rhythms.set_contact(contact.id, days)
    return contact


@dataclass(frozen=True)
class RhythmListing:
    tags: dict[str, int]  # tag -> days, the customers' default included
    contacts: list[tuple[int, str, int]]  # (contact id, name, days)


def rhythm_listing(store: Store) -> RhythmListing:
    """Every rhythm: per tag (customers at the not-thanked-lately period unless set), per contact."""
    rhythms = load_rhythms(store)
    tags = {CUSTOMER_TAG: rhythms.customer_days, **rhythms.tags}
    own = list(rhythms.contacts)
    named = {c.id: c.name for c in store.contacts.list(ids=own)} if own else {}
    contacts = sorted(((i, named.get(i, f"#{i}"), d) for i, d in rhythms.contacts.items()),
                      key=lambda row: row[1].casefold())
    return RhythmListing(dict(sorted(tags.items())), contacts)


def due_touches(store: Store, today: dt.date, people: Iterable[Person] | None = None,
                settings: Settings | None = None) -> list[DueTouch]:
    """Who is due for a touch today, most overdue first (``people``: everyone by default)."""
    rhythms = load_rhythms(store, settings)
    cards = {contact_id: (day, CARD) for contact_id, day in store.history.last_sent_card().items()}
    last = latest_touches(store.history.last_touches(), cards)
    everyone = people if people is not None else store.contacts.dated_people()
    return due_for_touch(everyone, last, rhythms, today)


def calls_due(store: Store, today: dt.date, people: Iterable[Person] | None = None,
              settings: Settings | None = None) -> list[BirthdayCall]:
    """The birthdays of today and tomorrow, with the numbers to call."""
    settings = settings or store.settings.load()
    days = [today + dt.timedelta(days=offset) for offset in range(2)]
    near = {(day.month, day.day) for day in days} | {(2, 29)}  # 29 Feb may fall on 28 Feb or 1 Mar
    everyone = people if people is not None else store.contacts.dated_people()
    candidates = [p.id for p in everyone
                  if p.id is not None and p.birthday is not None
                  and (p.birthday.month, p.birthday.day) in near
                  and any(p.birthday.in_year(day.year, settings.feb29) == day for day in days)]
    contacts = [c for c in map(store.contacts.get, candidates) if c is not None]
    return birthday_calls(contacts, today, settings.feb29)


def _check_days(days: int | None) -> None:
    if days is not None and not 1 <= days <= MAX_RHYTHM_DAYS:
        raise UsageError(f"a rhythm is 1 to {MAX_RHYTHM_DAYS} days (got {days}); --days 0 removes one")
