"""The user's settings, one JSON value per top-level field."""

from __future__ import annotations

import json
import sqlite3

from studio.settings import Settings


class SettingsRepository:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    def load(self) -> Settings:
        """The saved settings; defaults for anything never saved."""
        data = {row[0]: json.loads(row[1]) for row in self._conn.execute("SELECT key, value FROM settings")}
        return Settings.from_dict(data)

    def save(self, settings: Settings) -> None:
        self._conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [(key, json.dumps(value, ensure_ascii=False)) for key, value in settings.to_dict().items()])
