"""Follow-ups that run themselves: sequences, who is enrolled, and the steps due today.

Enrolment follows the triggers: an order (imported or logged) enrols the contact in the
"order" and "first-order" sequences (`enrol_after_orders`); a contact added with a tag and
a birthday coming up are caught up whenever the due steps are worked out
(`catch_up_enrolments`). A later order stops a sequence that says ``on_order``, a removed
tag one that says ``untagged``: both are read from the touch log and the tags each time, so
an order from anywhere stops it. A call or a message step done is a touch in the log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from studio.errors import StudioError, UsageError
from studio.model import Contact, Person
from studio.orders.reorder import reorder_date
from studio.paths import AppPaths
from studio.services.contact_ref import find_contact
from studio.settings import Settings
from studio.store import Store
from studio.store.history import Event
from studio.store.sequences import Enrolment, StepPlan
from studio.touches.due_steps import DueStep, due_step, show_days
from studio.touches.sequences import FROM_REORDER, Sequence, SequenceBook, Step, load_book

GRACE_DAYS = 7  # a step this far past when someone was enrolled is still offered; older ones are not
LAPSE_DAYS = 30  # a step neither done nor skipped this long after its day lapses (Today lets it go)
BIRTHDAY_AHEAD_DAYS = 21  # birthday sequences enrol this long before the day (a card must be posted)
SEQUENCES_FOLDER = "sequences"


def sequence_book(paths: AppPaths | None, problems: list[str] | None = None) -> SequenceBook:
    """The bundled sequences and the user's own (``<data folder>/sequences/*.toml``); raises
    `SequenceError` for a file that cannot be used, or with ``problems`` leaves it out and
    says why there."""
    return load_book(paths.data_dir / SEQUENCES_FOLDER if paths is not None else None, problems)


def _plans(book: SequenceBook, preparation_days: int) -> list[StepPlan]:
    return [StepPlan(s.id, step.number, show_days(step, preparation_days), step.kind, step.template,
                     s.stop_on_order, s.stop_untagged)
            for s in book for step in s.steps]


def due_steps(store: Store, today: dt.date, paths: AppPaths | None, *, settings: Settings | None = None,
              people: Iterable[Person] | None = None, book: SequenceBook | None = None,
              problems: list[str] | None = None) -> list[DueStep]:
    """Every step due today or earlier and not done, earliest first (after catching up the
    tag and birthday enrolments). With ``problems``, a sequence file that cannot be used is
    left out and named there (`sequence_book`)."""
    settings = settings or store.settings.load()
    book = book or sequence_book(paths, problems)
    catch_up_enrolments(store, book, today, people, settings)
    rows = store.sequences.due(_plans(book, settings.preparation_days), today, GRACE_DAYS, LAPSE_DAYS)
    found = []
    for row in rows:
        sequence = book.sequences.get(row.sequence)
        if sequence is None:
            continue
        found.append(due_step(sequence, sequence.step(row.step), row.enrolment_id, row.contact_id,
                              row.contact_name, row.anchor, settings.preparation_days))
    return found


# --- enrolling ---------------------------------------------------------------------------

def _live(sequence: Sequence, anchor: dt.date, today: dt.date) -> bool:
    """Some step is still ahead, or was due within the grace days."""
    return anchor + dt.timedelta(days=sequence.span + GRACE_DAYS) >= today


def _start(sequence: Sequence, days: list[dt.date]) -> tuple[dt.date, dt.date] | None:
    """(started, anchor) for an order-triggered sequence over these order days; None: not due."""
    if not days:
        return None
    if sequence.trigger == "first-order" and len(days) != 1:
        return None
    anchor = reorder_date(days) if sequence.counts_from == FROM_REORDER else days[-1]
    return (days[-1], anchor) if anchor is not None else None


def enrol_after_orders(store: Store, contact_ids: Iterable[int], today: dt.date,
                       book: SequenceBook | None = None, paths: AppPaths | None = None,
                       problems: list[str] | None = None) -> int:
    """Enrol the contacts who just ordered in the order-triggered sequences, counting from their
    latest order (a first-order sequence only for a first order); returns how many enrolments.

    Call inside the transaction that recorded the orders. An order too old for any step to
    be still ahead enrols nobody (a back office's whole history imported at once). With
    ``problems``, a sequence file that cannot be used is left out and named there.
    """
    book = book or sequence_book(paths, problems)
    sequences = book.triggered_by("order", "first-order")
    ids = sorted(set(contact_ids))
    if not sequences or not ids:
        return 0
    days = store.sequences.order_days(ids)
    added = 0
    with store.transaction():
        for contact_id in ids:
            for sequence in sequences:
                start = _start(sequence, days.get(contact_id, []))
                if start is None or not _live(sequence, start[1], today):
                    continue
                started, anchor = start
                if store.sequences.enrol(contact_id, sequence.id, started, anchor, today, sequence.trigger):
                    added += 1
    return added


def catch_up_enrolments(store: Store, book: SequenceBook, today: dt.date,
                        people: Iterable[Person] | None = None, settings: Settings | None = None) -> int:
    """Enrol contacts added with a sequence's tag (since its steps could still be done) and
    birthdays within `BIRTHDAY_AHEAD_DAYS`; writes only when someone is new. Returns how many."""
    plans: list[tuple[Sequence, int, dt.date, dt.date]] = []
    for sequence in book.triggered_by("tag"):
        since = today - dt.timedelta(days=sequence.span + GRACE_DAYS)
        found = store.sequences.new_tagged(sequence.id, sequence.tag, since)
        plans += [(sequence, cid, day, day) for cid, day in found]
    birthday = book.triggered_by("birthday")
    if birthday:
        settings = settings or store.settings.load()
        everyone = people if people is not None else store.contacts.dated_people()
        coming = _birthdays(everyone, today, settings)
        for sequence in birthday:
            known = store.sequences.enrolled(sequence.id, coming)
            plans += [(sequence, cid, day, day) for cid, day in coming.items() if (cid, day) not in known]
    if not plans:
        return 0
    with store.transaction():
        return sum(1 for sequence, cid, started, anchor in plans
                   if store.sequences.enrol(cid, sequence.id, started, anchor, today, sequence.trigger))


def _birthdays(people: Iterable[Person], today: dt.date, settings: Settings) -> dict[int, dt.date]:
    """Contact id -> this birthday's day, for birthdays from a week ago to three weeks ahead."""
    found = {}
    for person in people:
        if person.id is None or person.birthday is None:
            continue
        for year in (today.year, today.year + 1):
            day = person.birthday.in_year(year, settings.feb29)
            if day is not None and -GRACE_DAYS <= (day - today).days <= BIRTHDAY_AHEAD_DAYS:
                found[person.id] = day
    return found


def _next_birthday(contact: Contact, today: dt.date, settings: Settings) -> dt.date | None:
    if contact.birthday is None:
        return None
    days = [contact.birthday.in_year(year, settings.feb29) for year in (today.year, today.year + 1)]
    return next((d for d in days if d is not None and d >= today), None)


@dataclass(frozen=True)
class Enrolled:
    contact: Contact
    sequence: Sequence
    anchor: dt.date


def enroll(store: Store, contact_ref: str, name: str, today: dt.date, paths: AppPaths | None) -> Enrolled:
    """Enrol a contact by hand (`studio sequences --enroll`), counting from today, or from their
    reorder date or next birthday when the sequence counts from those."""
    book = sequence_book(paths)
    sequence = book.find(name)
    contact = find_contact(store, contact_ref)
    assert contact.id is not None
    started = anchor = today
    if sequence.counts_from == FROM_REORDER:
        days = store.sequences.order_days([contact.id]).get(contact.id, [])
        found = reorder_date(days)
        if found is None:
            raise UsageError(f"{contact.name} has {len(days)} order{'s' if len(days) != 1 else ''}: "
                             f"the {sequence.name} sequence counts from a reorder date, known after "
                             "two orders")
        started, anchor = days[-1], found
    elif sequence.trigger == "birthday":
        found = _next_birthday(contact, today, store.settings.load())
        if found is None:
            raise UsageError(f"{contact.name} has no birthday on record for the {sequence.name} sequence")
        anchor = found
    with store.transaction():
        if store.sequences.enrol(contact.id, sequence.id, started, anchor, today) is None:
            raise UsageError(f"{contact.name} is already in the {sequence.name} sequence from "
                             f"{anchor.isoformat()}")
    return Enrolled(contact, sequence, anchor)


def stop(store: Store, contact_ref: str, name: str, today: dt.date, paths: AppPaths | None) -> Enrolled:
    """Stop a contact's sequence by hand (`studio sequences --stop`)."""
    sequence = sequence_book(paths).find(name)
    contact = find_contact(store, contact_ref)
    assert contact.id is not None
    with store.transaction():
        if not store.sequences.stop(contact.id, sequence.id, today):
            raise UsageError(f"{contact.name} is not in the {sequence.name} sequence")
    return Enrolled(contact, sequence, today)


# --- doing a step ------------------------------------------------------------------------

_TOUCH = {"call": "call", "message": "message"}  # a card is a touch once its mailing is posted


def complete_step(store: Store, enrolment_id: int, step: int, today: dt.date, *, skip: bool = False,
                  paths: AppPaths | None = None) -> int | None:
    """Mark a step done (or skipped); a call or a message done is recorded as that touch.
    Returns the touch's event id, if one was recorded."""
    enrolment = store.sequences.enrolment(enrolment_id)
    if enrolment is None:
        raise StudioError("that follow-up is no longer there (the contact was deleted or merged)")
    sequence = sequence_book(paths).sequences.get(enrolment.sequence)
    kind = sequence.step(step).kind if sequence is not None else "card"
    label = sequence.step(step).title if sequence is not None else ""
    with store.transaction():
        event_id = None
        if not skip and kind in _TOUCH:
            note = f"{sequence.name if sequence else enrolment.sequence}: {label}"
            event_id = store.history.add_event(Event(enrolment.contact_id, _TOUCH[kind], today, note))
        store.sequences.record_step(enrolment_id, step, "skipped" if skip else "done", today, event_id)
    return event_id


def undo_step(store: Store, enrolment_id: int, step: int) -> None:
    """Take back a step marked done or skipped, and the touch it recorded."""
    with store.transaction():
        event_id = store.sequences.forget_step(enrolment_id, step)
        if event_id is not None:
            store.history.delete_event(event_id)


# --- listing -----------------------------------------------------------------------------

@dataclass(frozen=True)
class EnrolmentLine:
    """An enrolment as `studio sequences` lists it."""

    enrolment: Enrolment
    sequence: Sequence | None  # None: its file is gone
    status: str  # "active", "finished", "stopped"
    why: str  # "ordered again 2026-03-20", "no longer tagged customer", "step 2 on 2026-03-15"

    def to_json(self) -> dict[str, object]:
        e = self.enrolment
        return {"enrolment_id": e.id, "contact_id": e.contact_id, "contact_name": e.contact_name,
                "sequence": self.sequence.name if self.sequence else e.sequence, "sequence_id": e.sequence,
                "started": e.started.isoformat(), "anchor": e.anchor.isoformat(),
                "enrolled_on": e.enrolled_on.isoformat(), "trigger": e.trigger, "status": self.status,
                "why": self.why,
                "steps": {str(n): {"outcome": o, "on": d.isoformat()}
                          for n, (o, d) in sorted(e.steps.items())}}


def enrolment_status(enrolment: Enrolment, sequence: Sequence | None,
                     today: dt.date | None = None) -> tuple[str, str]:
    if enrolment.stopped_on is not None:
        return "stopped", f"stopped by hand {enrolment.stopped_on.isoformat()}"
    if sequence is None:
        return "stopped", "its sequence file is gone"
    if sequence.stop_on_order and enrolment.ordered_again is not None:
        return "stopped", f"ordered again {enrolment.ordered_again.isoformat()}"
    if sequence.stop_untagged and sequence.stop_untagged.casefold() not in enrolment.tags:
        return "stopped", f"no longer tagged {sequence.stop_untagged}"
    def lapsed(step: Step) -> bool:
        return today is not None and enrolment.anchor + dt.timedelta(days=step.days + LAPSE_DAYS) < today

    left = [s for s in sequence.steps if s.number not in enrolment.steps and not lapsed(s)]
    if not left:
        return "finished", "every step done, skipped or lapsed"
    step = left[0]
    day = enrolment.anchor + dt.timedelta(days=step.days)
    return "active", f"step {step.number} ({step.title}) on {day.isoformat()}"


@dataclass(frozen=True)
class SequenceListing:
    sequences: list[Sequence]
    enrolments: list[EnrolmentLine]

    def counts(self) -> Mapping[str, int]:
        """Live enrolments per sequence id."""
        counts: dict[str, int] = {}
        for line in self.enrolments:
            if line.status == "active":
                counts[line.enrolment.sequence] = counts.get(line.enrolment.sequence, 0) + 1
        return counts


def sequence_listing(store: Store, paths: AppPaths | None, contact_ref: str | None = None,
                     today: dt.date | None = None) -> SequenceListing:
    """Every sequence and every enrolment (or one contact's), with where each stands (as of
    ``today``: a step left `LAPSE_DAYS` has lapsed)."""
    book = sequence_book(paths)
    contact_id = find_contact(store, contact_ref).id if contact_ref else None
    lines = []
    for enrolment in store.sequences.enrolments(contact_id=contact_id):
        sequence = book.sequences.get(enrolment.sequence)
        status, why = enrolment_status(enrolment, sequence, today)
        lines.append(EnrolmentLine(enrolment, sequence, status, why))
    return SequenceListing(list(book), lines)


def step_of(store: Store, contact_ref: str, name: str, step: int, paths: AppPaths | None) -> EnrolmentLine:
    """The contact's live enrolment in sequence ``name`` that has a step ``step`` to do."""
    sequence = sequence_book(paths).find(name)
    sequence.step(step)  # raises for a step the sequence does not have
    contact = find_contact(store, contact_ref)
    for line in sequence_listing(store, paths, str(contact.id)).enrolments:  # lapsed steps can be done
        if line.enrolment.sequence == sequence.id and line.status == "active":
            if step in line.enrolment.steps:
                raise UsageError(f"step {step} of {contact.name}'s {sequence.name} is already "
                                 f"{line.enrolment.steps[step][0]}")
            return line
    raise UsageError(f"{contact.name} is not in the {sequence.name} sequence (studio sequences --contact "
                     f"{contact.id} lists theirs)")
