"""Naming one contact on the command line: by id, or by a search that matches only them."""

from __future__ import annotations

from studio.errors import UsageError
from studio.model import Contact
from studio.store import Store


def find_contact(store: Store, ref: str) -> Contact:
    """The contact named by ``ref``: an id, or a search matching exactly one contact.

    Raises `UsageError` saying who matched when the search is ambiguous or finds no one.
    """
    ref = ref.strip()
    if ref.isdigit():
        contact = store.contacts.get(int(ref))
        if contact is None:
            raise UsageError(f"no contact with id {ref} (see `studio contacts` for the ids)")
        return contact
    ids = store.contacts.ids(search=ref)
    if not ids:
        raise UsageError(f"no contact matches {ref!r}")
    if len(ids) > 1:
        names = [f"{c.id} {c.name}" for c in store.contacts.list(ids=ids[:8])]
        more = f" and {len(ids) - 8} more" if len(ids) > 8 else ""
        raise UsageError(f"{ref!r} matches {len(ids)} contacts ({'; '.join(names)}{more}); "
                         "give the id or more of the name")
    contact = store.contacts.get(ids[0])
    if contact is None:  # deleted between the two reads
        raise UsageError(f"no contact matches {ref!r}")
    return contact
