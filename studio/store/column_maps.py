"""Saved column maps: how the user said a sheet's columns are read, by name and header row.

Each map has a purpose: "contacts" (an address-book sheet) or "orders" (a back-office order
export); the same header row may be explained once for each.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

CONTACTS = "contacts"
ORDERS = "orders"


def header_key(headers: Sequence[str]) -> str:
    """A sheet's header row as stored: case and spacing do not make a different layout."""
    return "\t".join(" ".join(h.casefold().split()) for h in headers)


class ColumnMapRepository:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    def save(self, name: str, headers: Sequence[str], mapping: str, *, purpose: str = CONTACTS) -> None:
        self._conn.execute(
            "INSERT INTO column_maps (purpose, name, headers, mapping) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(purpose, name) DO UPDATE SET headers = excluded.headers, mapping = excluded.mapping",
            (purpose, name, header_key(headers), mapping),
        )

    def by_name(self, name: str, *, purpose: str = CONTACTS) -> str | None:
        row = self._conn.execute("SELECT mapping FROM column_maps WHERE purpose = ? AND name = ?",
                                 (purpose, name)).fetchone()
        return row[0] if row else None

    def for_headers(self, headers: Sequence[str], *, purpose: str = CONTACTS) -> tuple[str, str] | None:
        """(name, mapping) saved for a sheet with exactly these headers, the latest first."""
        row = self._conn.execute(
            "SELECT name, mapping FROM column_maps WHERE purpose = ? AND headers = ? "
            "ORDER BY rowid DESC LIMIT 1",
            (purpose, header_key(headers)),
        ).fetchone()
        return (row[0], row[1]) if row else None

    def names(self, *, purpose: str = CONTACTS) -> list[str]:
        return [row[0] for row in self._conn.execute(
            "SELECT name FROM column_maps WHERE purpose = ? ORDER BY name", (purpose,))]
