"""Keep-in-touch rhythms kept per tag and per contact (migration 11)."""

from __future__ import annotations

import sqlite3

from studio.touches.rhythm import fold_tag


class RhythmRepository:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    def set_tag(self, tag: str, days: int | None) -> None:
        """Keep in touch with everyone tagged ``tag`` every ``days`` days; None: no rhythm."""
        if days is None:
            self._conn.execute("DELETE FROM tag_rhythms WHERE tag = ?", (fold_tag(tag),))
        else:
            self._conn.execute("INSERT INTO tag_rhythms (tag, days) VALUES (?, ?) "
                               "ON CONFLICT (tag) DO UPDATE SET days = excluded.days", (fold_tag(tag), days))

    def set_contact(self, contact_id: int, days: int | None) -> None:
        """A rhythm of the contact's own, before any of their tags'; None: their tags' again."""
        if days is None:
            self._conn.execute("DELETE FROM contact_rhythms WHERE contact_id = ?", (contact_id,))
        else:
            self._conn.execute("INSERT INTO contact_rhythms (contact_id, days) VALUES (?, ?) ON CONFLICT "
                               "(contact_id) DO UPDATE SET days = excluded.days", (contact_id, days))

    def tags(self) -> dict[str, int]:
        return dict(self._conn.execute("SELECT tag, days FROM tag_rhythms ORDER BY tag").fetchall())

    def contacts(self) -> dict[int, int]:
        return dict(self._conn.execute("SELECT contact_id, days FROM contact_rhythms").fetchall())
