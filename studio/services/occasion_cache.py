"""Everyone's own occasions, kept between Today refreshes and mended when contacts change.

Working out the birthdays, anniversaries and holidays of 20,000 contacts is most of what
Today costs, and a call logged, a mailing made or an order imported changes none of them.
The store numbers every change to a contact or a tag (from any program) and remembers
which contact each change was to: a refresh works out again only the changed contacts.
"""

from __future__ import annotations

import heapq
import threading
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter

from studio.model import DatedPerson
from studio.occasions import HolidayCalendar, Window
from studio.occasions.upcoming import Keyed, contact_occasions
from studio.settings import Settings
from studio.store import Store

# More changed contacts than this (an import, a merge of many) and reading everyone again
# is quicker than mending.
MEND_LIMIT = 2000


@dataclass(frozen=True)
class PeopleOccasions:
    """Everyone as the occasion lists need them, and their own occasions in one window, sorted."""

    people: list[DatedPerson]
    occasions: list[Keyed]


@dataclass(frozen=True)
class _Kept:
    basis: tuple[object, ...]  # the database, the window and the settings they were worked out for
    generation: int  # the store's contacts generation they are up to date with
    calendar: HolidayCalendar
    value: PeopleOccasions


class OccasionCache:
    """The last `PeopleOccasions` worked out, for one program (the desktop keeps one).

    Safe to share between worker threads: one listing at a time works them out, the
    others wait and take its answer. What it gives is never changed afterwards (a mend
    makes new lists), so callers may keep it; they must not change it themselves.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: _Kept | None = None

    def get(self, store: Store, settings: Settings, window: Window,
            calendar: Callable[[], HolidayCalendar]) -> PeopleOccasions:
        # The settings decide lead times, the home country and the holidays; repr covers them all.
        basis = (str(store.path), window, repr(settings))
        with self._lock:
            generation = store.contacts.generation()
            kept = self._kept
            if kept is None or kept.basis != basis:
                kept = _work_out(store, settings, window, calendar(), basis, generation)
            elif kept.generation != generation:
                changed = store.contacts.changed_since(kept.generation)
                if len(changed) > MEND_LIMIT:
                    kept = _work_out(store, settings, window, kept.calendar, basis, generation)
                else:
                    kept = _mended(kept, store, settings, window, set(changed), generation)
            self._kept = kept
            return kept.value


def _work_out(store: Store, settings: Settings, window: Window, calendar: HolidayCalendar,
              basis: tuple[object, ...], generation: int) -> _Kept:
    people = store.contacts.dated_people()
    return _Kept(basis, generation, calendar,
                 PeopleOccasions(people, contact_occasions(people, settings, window, calendar)))


def _mended(kept: _Kept, store: Store, settings: Settings, window: Window, changed: set[int],
            generation: int) -> _Kept:
    """``kept`` with the contacts ``changed`` read and worked out again (the deleted left out)."""
    fresh = {person.id: person for person in store.contacts.dated_people(ids=changed)}
    people = []
    for person in kept.value.people:
        if person.id not in changed:
            people.append(person)
        elif person.id in fresh:
            people.append(fresh.pop(person.id))
    people += fresh.values()  # the new ones, after everyone else
    renewed = contact_occasions([p for p in people if p.id in changed], settings, window, kept.calendar)
    unchanged = [pair for pair in kept.value.occasions if pair[1].contact_id not in changed]
    occasions = list(heapq.merge(unchanged, renewed, key=itemgetter(0)))
    return _Kept(kept.basis, generation, kept.calendar, PeopleOccasions(people, occasions))

