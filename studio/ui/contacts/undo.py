"""Undoable contact changes for the window's `QUndoStack` (Edit ▸ Undo).

Each command commits to the store the moment it is done or undone (nothing waits for a
"save"), on the store thread. Jobs there run in order, so an undo queued right after a
delete finds what the delete kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from studio.model import Contact
from studio.store import Store
from studio.store.history import Event
from studio.ui.jobs import StoreThread


class DeleteContacts(QUndoCommand):
    """Delete contacts; undo puts them back under their old ids, with their recorded events.

    Cards already recorded in a mailing keep the contact's name in the history either
    way (the store keeps ``contact_name`` on each mailing item).
    """

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
        self._kept: list[tuple[Contact, list[Event]]] = []

    def redo(self) -> None:
        def delete(store: Store) -> None:
            kept = []
            with store.transaction():
                for contact_id in self._ids:
                    contact = store.contacts.get(contact_id)
                    if contact is None:
                        continue
                    kept.append((contact, store.history.events(contact_id=contact_id)))
                    store.contacts.delete(contact_id)
            self._kept = kept

        self._store.submit(delete, lambda _: self._changed())

    def undo(self) -> None:
        def restore(store: Store) -> None:
            with store.transaction():
                for contact, events in self._kept:
                    if store.contacts.get(contact.id) is None:
                        store.contacts.add(contact)
                        for event in events:
                            event.id = None
                            store.history.add_event(event)

        self._store.submit(restore, lambda _: self._changed())


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

        def save(store: Store) -> int:
            with store.transaction():
                if after.id is not None and store.contacts.get(after.id) is not None:
                    store.contacts.update(after)
                else:
                    store.contacts.add(after)  # a new contact, or one whose add is redone
            return after.id

        self._store.submit(save, self._changed)

    def undo(self) -> None:
        before, after = self._before, self._after

        def revert(store: Store) -> int:
            with store.transaction():
                if before is None:
                    store.contacts.delete(after.id)
                else:
                    store.contacts.update(before)
            return after.id

        self._store.submit(revert, self._changed)
