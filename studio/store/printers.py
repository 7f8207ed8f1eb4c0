"""Printer profiles: one row per named printer, its settings as JSON, one marked default."""

from __future__ import annotations

import json
import sqlite3

from studio.model import PrinterProfile


class PrinterProfileRepository:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    def all(self) -> list[PrinterProfile]:
        """Every profile, the default first, then by name."""
        rows = self._conn.execute(
            "SELECT name, data FROM printer_profiles ORDER BY is_default DESC, name COLLATE NOCASE")
        return [PrinterProfile.from_dict(row[0], json.loads(row[1])) for row in rows]

    def get(self, name: str) -> PrinterProfile | None:
        """The profile called ``name`` (any case), or None."""
        row = self._conn.execute("SELECT name, data FROM printer_profiles WHERE name = ?", (name,)).fetchone()
        return PrinterProfile.from_dict(row[0], json.loads(row[1])) if row else None

    def default_name(self) -> str | None:
        row = self._conn.execute("SELECT name FROM printer_profiles WHERE is_default = 1").fetchone()
        return row[0] if row else None

    def default(self) -> PrinterProfile:
        """The default profile; a fresh "Default" when there is none (never saved by reading)."""
        name = self.default_name()
        found = self.get(name) if name else None
        return found or PrinterProfile()

    def save(self, profile: PrinterProfile) -> None:
        """Insert or replace ``profile`` (by name); the first profile saved becomes the default."""
        data = json.dumps(profile.to_dict(), ensure_ascii=False)
        first = self._conn.execute("SELECT count(*) FROM printer_profiles").fetchone()[0] == 0
        self._conn.execute(
            "INSERT INTO printer_profiles (name, is_default, data) VALUES (?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET data = excluded.data, name = excluded.name",
            (profile.name, 1 if first else 0, data))

    def rename(self, old: str, new: str) -> None:
        self._conn.execute("UPDATE printer_profiles SET name = ? WHERE name = ?", (new, old))

    def set_default(self, name: str) -> None:
        self._conn.execute("UPDATE printer_profiles SET is_default = 0 WHERE is_default = 1")
        self._conn.execute("UPDATE printer_profiles SET is_default = 1 WHERE name = ?", (name,))

    def remove(self, name: str) -> None:
        self._conn.execute("DELETE FROM printer_profiles WHERE name = ?", (name,))
