"""Undoable contact changes for the window's `QUndoStack` (Edit ▸ Undo).

Each command commits to the store the moment it is done or undone (nothing waits for a
"save"), on the store thread. Jobs there run in order, so an undo queued right after a
delete finds what the delete kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from studio.model import Contact
from studio.services import contacts
from studio.services.addressbook import DeletedContact, delete_contacts, restore_contacts
from studio.services.session import Store
from studio.ui.jobs import StoreThread


class DeleteContacts(QUndoCommand):
    """Delete contacts; undo puts them back under their old ids, with their recorded events
    and their place in the mailing history (`studio.services.addressbook`)."""

    def __init__(
        self,
        store: StoreThread,
        contact_ids: Sequence[int],
        names: Sequence[str],
        changed: Callable[[], None],
    ) -> None:
        count = len(contact_ids)
        super().__init__(f"Delete {names[0]}" if count == 1 else f"Delete {count} contacts")
        self._store = store
        self._ids = list(contact_ids)
        self._changed = changed
        # Filled on the store thread by the delete job, read there by the undo job.
        self._deleted: list[DeletedContact] = []

    def redo(self) -> None:
        def delete(store: Store) -> None:
            self._deleted = delete_contacts(store, self._ids)

        self._store.submit(delete, lambda _: self._changed())

    def undo(self) -> None:
        self._store.submit(lambda store: restore_contacts(store, self._deleted), lambda _: self._changed())


class SaveContact(QUndoCommand):
    """Save an edited (or new) contact; undo restores the version before the edit."""

    def __init__(
        self, store: StoreThread, before: Contact | None, after: Contact, changed: Callable[[int], None]
    ) -> None:
        super().__init__(f"Edit {after.name}" if before is not None else f"Add {after.name}")
        self._store = store
        self._before = before
        self._after = after
        self._changed = changed

    def redo(self) -> None:
        after = self._after

        self._store.submit(lambda store: contacts.save_contact(store, after), self._changed)

    def undo(self) -> None:
        before, after = self._before, self._after

        self._store.submit(lambda store: contacts.revert_contact(store, before, after), self._changed)
