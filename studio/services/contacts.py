"""Reading and editing single contacts: the lists, details and saves the desktop shows.

The CLI's address-book commands live in `addressbook`; these are the per-contact use cases a
window needs, so no window reaches into the store's repositories itself.
"""

from __future__ import annotations

from typing import Any

from studio.model import Contact
from studio.store import Store
from studio.store.contacts import ContactSummary

__all__ = [
    "ContactSummary",
    "is_empty",
    "summaries",
    "people",
    "get_contact",
    "photo",
    "tags",
    "matching_ids",
    "received_cards",
    "save_contact",
    "revert_contact",
]


def is_empty(store: Store) -> bool:
    """True while the address book holds nobody (the first-run welcome is shown)."""
    return store.contacts.count() == 0


def summaries(store: Store) -> list[ContactSummary]:
    """One light row per contact (no photos), in address-book order."""
    return store.contacts.summaries()


def people(store: Store) -> list[tuple[int, str]]:
    """(id, name) of everyone, for pickers."""
    return [(s.id, s.name) for s in store.contacts.summaries()]


def get_contact(store: Store, contact_id: int) -> Contact | None:
    return store.contacts.get(contact_id)


def photo(store: Store, contact_id: int) -> bytes | None:
    return store.contacts.photo(contact_id)


def tags(store: Store) -> list[tuple[str, int]]:
    """Every tag with how many contacts carry it."""
    return store.contacts.all_tags()


def matching_ids(store: Store, *, search: str | None = None, tag: str | None = None) -> list[int]:
    """The ids a search and tag filter keep: the same matching as `studio contacts --search`."""
    return store.contacts.ids(search=search, tag=tag)


def received_cards(store: Store, contact_id: int) -> list[tuple[Any, Any]]:
    """(mailing, item) of each card sent to the contact, newest first."""
    return store.history.items_for_contact(contact_id)


def save_contact(store: Store, contact: Contact) -> int:
    """Store an edited contact, or add it when it is new (or its add is being redone)."""
    with store.transaction():
        if contact.id is not None and store.contacts.get(contact.id) is not None:
            store.contacts.update(contact)
        else:
            store.contacts.add(contact)
    return contact.id


def revert_contact(store: Store, before: Contact | None, after: Contact) -> int:
    """Undo `save_contact(after)`: put ``before`` back, or remove a contact that was new."""
    with store.transaction():
        if before is None:
            store.contacts.delete(after.id)
        else:
            store.contacts.update(before)
    return after.id
