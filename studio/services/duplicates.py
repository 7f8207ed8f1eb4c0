"""The possible-duplicates review: which pairs may be one person, merging them, keeping them
apart, and undoing a merge (the merge keeps both original records)."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from typing import Any

from studio.contacts.matching import Verdict, match
from studio.contacts.merge import merge_contacts
from studio.errors import StudioError
from studio.model import Contact
from studio.store import Store
from studio.store.duplicates import MergeRecord

__all__ = ["MergeRecord", "PossibleDuplicate", "keep_apart", "merge_pair", "merge_json", "merges",
           "pair_json", "possible_duplicates", "undo_merge"]


@dataclass(frozen=True)
class PossibleDuplicate:
    """Two contacts that may be one person, with what they share and what contradicts it."""

    first: Contact
    second: Contact
    shared: tuple[str, ...]
    conflicts: tuple[str, ...]

    @property
    def ids(self) -> tuple[int, int]:
        return self.first.id, self.second.id  # type: ignore[return-value] - stored contacts


def possible_duplicates(store: Store) -> list[PossibleDuplicate]:
    """Every pair in the address book that may be one person and that the user has not kept
    apart, in address-book order of the first contact.

    Pairs the import merged on its own never get here; what does: a name and address with
    something contradicting them, the same name and nothing else, and pairs stored before a
    rule that now merges them (they share an e-mail, say) so the user decides once.
    """
    pairs = store.duplicates.candidate_pairs() - store.duplicates.kept_apart()
    contacts: dict[int, Contact | None] = {}
    home = store.contacts.home_country()
    found = []
    for first_id, second_id in sorted(pairs):
        first = contacts.setdefault(first_id, store.contacts.get(first_id))
        second = contacts.setdefault(second_id, store.contacts.get(second_id))
        if first is None or second is None:
            continue
        verdict = match(first, second, home)
        if verdict.verdict is not Verdict.APART:
            found.append(PossibleDuplicate(first, second, verdict.shared, verdict.conflicts))
    return sorted(found, key=lambda pair: (pair.first.name.casefold(), pair.ids))


def merge_pair(store: Store, keep_id: int, other_id: int, *, now: dt.datetime | None = None) -> MergeRecord:
    """Merge contact ``other_id`` into ``keep_id`` (nothing of either is lost; `merge.py`).

    The events, the cards received, the imported cards and the follow-up sequences of the
    other contact become the kept one's; both records as they were are kept, so `undo_merge`
    can part them again.
    """
    if keep_id == other_id:
        raise StudioError(f"contact {keep_id} cannot be merged with itself")
    with store.transaction():
        kept, other = _existing(store, keep_id), _existing(store, other_id)
        record = MergeRecord(kept_id=keep_id, kept_before=copy.deepcopy(kept), absorbed=copy.deepcopy(other))
        record.moved_events = store.history.move_events(other_id, keep_id)
        record.moved_items = store.history.item_positions(other_id)
        store.history.move_items(record.moved_items, keep_id)
        record.moved_cards = store.contacts.imported_cards(other_id)
        store.contacts.move_imported_cards(record.moved_cards, keep_id)
        for number in store.contacts.customer_numbers(other_id):  # the next order export finds them
            store.contacts.add_customer_number(keep_id, number)
        store.sequences.move_enrolments(other_id, keep_id)  # the follow-ups go on for the one person
        store.contacts.update(merge_contacts(kept, other, store.contacts.home_country()))
        store.contacts.delete(other_id)
        store.duplicates.add_merge(record, now or dt.datetime.now())
    return record


def undo_merge(store: Store, merge_id: int, *, now: dt.datetime | None = None) -> tuple[Contact, Contact]:
    """Part a merge again: the kept contact as it was before it, the other one back with its
    events, cards received and imported cards (under its old id when still free); the two
    are then kept apart. Returns (kept, restored)."""
    when = now or dt.datetime.now()
    with store.transaction():
        record = store.duplicates.merge(merge_id)
        if record is None or record.undone_at:
            raise StudioError(f"no merge number {merge_id} to undo (see `studio duplicates --merges`)")
        if store.contacts.get(record.kept_id) is None:
            raise StudioError(f"{record.kept_before.name} (contact {record.kept_id}) is no longer in the "
                              "address book; restore it from the bin first (`studio bin`)")
        kept = copy.deepcopy(record.kept_before)
        kept.id = record.kept_id
        store.contacts.update(kept)
        restored = copy.deepcopy(record.absorbed)
        if restored.id is not None and store.contacts.get(restored.id) is not None:
            restored.id = None
        store.contacts.add(restored)
        store.history.reassign_events(record.moved_events, restored.id)
        store.history.move_items(record.moved_items, restored.id)
        store.contacts.move_imported_cards(record.moved_cards, restored.id)
        store.duplicates.keep_apart(kept.id, restored.id, when)
        store.duplicates.mark_undone(merge_id, when)
    return kept, restored


def keep_apart(store: Store, first_id: int, second_id: int, *, now: dt.datetime | None = None) -> None:
    """Remember that these two are different people: the review no longer offers them."""
    if first_id == second_id:
        raise StudioError(f"contact {first_id} is one contact; name two to keep apart")
    with store.transaction():
        _existing(store, first_id), _existing(store, second_id)
        store.duplicates.keep_apart(first_id, second_id, now or dt.datetime.now())


def merges(store: Store) -> list[MergeRecord]:
    """Merges made in the review that can still be undone, newest first."""
    return store.duplicates.merges()


def pair_json(pair: PossibleDuplicate) -> dict[str, Any]:
    return {
        "ids": list(pair.ids),
        "names": [pair.first.name, pair.second.name],
        "shared": list(pair.shared),
        "conflicts": list(pair.conflicts),
    }


def merge_json(record: MergeRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "kept_id": record.kept_id,
        "kept_name": record.kept_before.name,
        "merged_id": record.absorbed.id,
        "merged_name": record.absorbed.name,
        "merged_at": record.merged_at,
    }


def _existing(store: Store, contact_id: int) -> Contact:
    contact = store.contacts.get(contact_id)
    if contact is None:
        raise StudioError(f"no contact with id {contact_id} (see `studio contacts` for the ids)")
    return contact
