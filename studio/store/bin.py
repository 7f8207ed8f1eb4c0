"""The bin: deleted contacts, kept whole until the user restores them or empties the bin."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field

from studio.model import Contact
from studio.store.contact_rows import contact_from_json, contact_to_json
from studio.store.history import Event
from studio.store.sequences import KeptEnrolment


@dataclass
class BinnedContact:
    """A contact in the bin with the events and mailing links deleted with it."""

    id: int | None
    contact: Contact
    events: list[Event]
    mailing_items: list[tuple[int, int]]  # (mailing id, position) of the cards they were sent
    deleted_at: str = ""
    customer_numbers: list[str] = field(default_factory=list)  # what back offices know them by
    enrolments: list[KeptEnrolment] = field(default_factory=list)  # their follow-up sequences


_SELECT = ("SELECT id, contact, photo, events, mailing_items, deleted_at, customer_numbers, enrolments "
           "FROM bin")


class BinRepository:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    def add(self, binned: BinnedContact, when: dt.datetime) -> int:
        events = [{"id": e.id, "kind": e.kind, "date": e.date.isoformat(), "note": e.note, "amount": e.amount,
                   "source": e.source, "ref": e.ref} for e in binned.events]
        binned.deleted_at = when.isoformat(timespec="seconds")
        binned.id = self._conn.execute(
            "INSERT INTO bin (contact_id, name, deleted_at, contact, photo, events, mailing_items, "
            "customer_numbers, enrolments) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                binned.contact.id,
                binned.contact.name,
                binned.deleted_at,
                contact_to_json(binned.contact),
                binned.contact.photo,
                json.dumps(events, ensure_ascii=False),
                json.dumps(binned.mailing_items),
                json.dumps(binned.customer_numbers),
                json.dumps([e.to_dict() for e in binned.enrolments]),
            ),
        ).lastrowid
        return binned.id

    def all(self) -> list[BinnedContact]:
        rows = self._conn.execute(f"{_SELECT} ORDER BY deleted_at DESC, id DESC")
        return [self._binned(row) for row in rows]

    def get(self, bin_id: int) -> BinnedContact | None:
        row = self._conn.execute(f"{_SELECT} WHERE id = ?", (bin_id,)).fetchone()
        return self._binned(row) if row else None

    def remove(self, bin_id: int) -> None:
        self._conn.execute("DELETE FROM bin WHERE id = ?", (bin_id,))

    def empty(self) -> int:
        return self._conn.execute("DELETE FROM bin").rowcount

    def count(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM bin").fetchone()[0]

    @staticmethod
    def _binned(row: sqlite3.Row) -> BinnedContact:
        contact = contact_from_json(row[1], row[2])
        events = [
            Event(contact.id, e["kind"], dt.date.fromisoformat(e["date"]), e["note"], amount=e.get("amount"),
                  source=e.get("source", "manual"), ref=e.get("ref"), id=e.get("id"))
            # amount, source, ref, id: absent from what was binned before them
            for e in json.loads(row[3])
        ]
        items = [(int(m), int(p)) for m, p in json.loads(row[4])]
        enrolments = [KeptEnrolment.from_dict(e) for e in json.loads(row[7])]
        return BinnedContact(row[0], contact, events, items, row[5], json.loads(row[6]), enrolments)
