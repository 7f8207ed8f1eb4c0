"""The possible-duplicates review: candidate pairs, pairs kept apart, merges that can be undone."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sqlite3
from dataclasses import dataclass, field

from studio.model import Contact
from studio.store.contact_rows import contact_from_json, contact_to_json

# A key held by more contacts than this (an office switchboard, a shared info@ address) says
# nothing about who is whom; pairing all of them would flood the review.
_LARGEST_GROUP = 12
_IDENTITY_KINDS = ("uid", "email", "phone", "name-address")


@dataclass
class MergeRecord:
    """One merge made in the review: both records as they were, and what moved between them."""

    kept_id: int
    kept_before: Contact
    absorbed: Contact
    moved_events: list[int] = field(default_factory=list)
    moved_items: list[tuple[int, int]] = field(default_factory=list)
    moved_cards: list[str] = field(default_factory=list)
    merged_at: str = ""
    undone_at: str | None = None
    id: int | None = None


class DuplicateRepository:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    # --- candidates --------------------------------------------------------------

    def candidate_pairs(self) -> set[tuple[int, int]]:
        """Pairs (lower id first) of contacts sharing an identity key or their sorting name."""
        groups = [row[0] for row in self._conn.execute(
            "SELECT group_concat(contact_id) FROM contact_keys WHERE kind IN (?, ?, ?, ?) "
            "GROUP BY kind, key HAVING count(*) BETWEEN 2 AND ?", (*_IDENTITY_KINDS, _LARGEST_GROUP))]
        groups += [row[0] for row in self._conn.execute(
            "SELECT group_concat(id) FROM contacts WHERE sort_name <> '' "
            "GROUP BY sort_name HAVING count(*) BETWEEN 2 AND ?", (_LARGEST_GROUP,))]
        pairs: set[tuple[int, int]] = set()
        for group in groups:
            ids = sorted({int(i) for i in group.split(",")})
            pairs.update(itertools.combinations(ids, 2))
        return pairs

    # --- kept apart --------------------------------------------------------------

    def keep_apart(self, first: int, second: int, when: dt.datetime) -> None:
        low, high = sorted((first, second))
        self._conn.execute("INSERT OR REPLACE INTO kept_apart (first, second, decided_at) VALUES (?, ?, ?)",
                           (low, high, when.isoformat(timespec="seconds")))

    def kept_apart(self) -> set[tuple[int, int]]:
        return {(r[0], r[1]) for r in self._conn.execute("SELECT first, second FROM kept_apart")}

    def forget_kept_apart(self, first: int, second: int) -> bool:
        low, high = sorted((first, second))
        return self._conn.execute("DELETE FROM kept_apart WHERE first = ? AND second = ?",
                                  (low, high)).rowcount > 0

    # --- merges ------------------------------------------------------------------

    def add_merge(self, record: MergeRecord, when: dt.datetime) -> int:
        record.merged_at = when.isoformat(timespec="seconds")
        record.id = self._conn.execute(
            "INSERT INTO merges (kept_id, merged_at, kept_before, kept_photo, absorbed, absorbed_photo, "
            "moved_events, moved_items, moved_cards) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.kept_id,
                record.merged_at,
                contact_to_json(record.kept_before),
                record.kept_before.photo,
                contact_to_json(record.absorbed),
                record.absorbed.photo,
                json.dumps(record.moved_events),
                json.dumps(record.moved_items),
                json.dumps(record.moved_cards),
            ),
        ).lastrowid
        return record.id

    def merges(self, *, include_undone: bool = False) -> list[MergeRecord]:
        """Merges made in the review, newest first."""
        where = "" if include_undone else " WHERE undone_at IS NULL"
        rows = self._conn.execute(f"SELECT * FROM merges{where} ORDER BY merged_at DESC, id DESC")
        return [self._record(row) for row in rows]

    def merge(self, merge_id: int) -> MergeRecord | None:
        row = self._conn.execute("SELECT * FROM merges WHERE id = ?", (merge_id,)).fetchone()
        return self._record(row) if row else None

    def mark_undone(self, merge_id: int, when: dt.datetime) -> None:
        self._conn.execute("UPDATE merges SET undone_at = ? WHERE id = ?",
                           (when.isoformat(timespec="seconds"), merge_id))

    @staticmethod
    def _record(row: sqlite3.Row) -> MergeRecord:
        return MergeRecord(
            kept_id=row["kept_id"],
            kept_before=contact_from_json(row["kept_before"], row["kept_photo"]),
            absorbed=contact_from_json(row["absorbed"], row["absorbed_photo"]),
            moved_events=[int(i) for i in json.loads(row["moved_events"])],
            moved_items=[(int(m), int(p)) for m, p in json.loads(row["moved_items"])],
            moved_cards=list(json.loads(row["moved_cards"])),
            merged_at=row["merged_at"],
            undone_at=row["undone_at"],
            id=row["id"],
        )

