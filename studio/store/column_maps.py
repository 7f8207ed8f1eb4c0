"""Saved column maps: how the user said a sheet's columns are read, by name and header row."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence


def header_key(headers: Sequence[str]) -> str:
    """A sheet's header row as stored: case and spacing do not make a different layout."""
    return "\t".join(" ".join(h.casefold().split()) for h in headers)


class ColumnMapRepository:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    def save(self, name: str, headers: Sequence[str], mapping: str) -> None:
        self._conn.execute(
            "INSERT INTO column_maps (name, headers, mapping) VALUES (?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET headers = excluded.headers, mapping = excluded.mapping",
            (name, header_key(headers), mapping),
        )

    def by_name(self, name: str) -> str | None:
        row = self._conn.execute("SELECT mapping FROM column_maps WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def for_headers(self, headers: Sequence[str]) -> tuple[str, str] | None:
        """(name, mapping) saved for a sheet with exactly these headers, the latest first."""
        row = self._conn.execute(
            "SELECT name, mapping FROM column_maps WHERE headers = ? ORDER BY rowid DESC LIMIT 1",
            (header_key(headers),),
        ).fetchone()
        return (row[0], row[1]) if row else None

    def names(self) -> list[str]:
        return [row[0] for row in self._conn.execute("SELECT name FROM column_maps ORDER BY name")]
