"""The bin: what is in it, putting contacts back, emptying it for good."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from studio.errors import StudioError
from studio.model import Contact
from studio.services.addressbook import restore_contacts
from studio.store import Store
from studio.store.bin import BinnedContact

__all__ = ["BinnedContact", "binned", "binned_json", "restore", "restore_all", "empty_bin"]


def binned(store: Store) -> list[BinnedContact]:
    """The contacts in the bin, last deleted first."""
    return store.bin.all()


def binned_json(entry: BinnedContact) -> dict[str, Any]:
    return {
        "id": entry.id,
        "contact_id": entry.contact.id,
        "name": entry.contact.name,
        "deleted_at": entry.deleted_at,
        "events": len(entry.events),
        "cards_received": len(entry.mailing_items),
    }


def restore(store: Store, bin_ids: Iterable[int]) -> list[Contact]:
    """Put these bin entries back in the address book; raises StudioError naming an unknown one."""
    wanted = list(dict.fromkeys(bin_ids))
    entries = {i: store.bin.get(i) for i in wanted}
    unknown = [str(i) for i, entry in entries.items() if entry is None]
    if unknown:
        raise StudioError(f"nothing in the bin with the number {', '.join(unknown)} (see `studio bin`)")
    return restore_contacts(store, entries.values())


def restore_all(store: Store) -> list[Contact]:
    return restore_contacts(store, store.bin.all())


def empty_bin(store: Store) -> int:
    """Delete everything in the bin for good; returns how many contacts that was."""
    with store.transaction():
        return store.bin.empty()
