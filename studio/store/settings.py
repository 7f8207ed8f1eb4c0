"""The user's settings, one JSON value per top-level field."""

from __future__ import annotations

import json
import sqlite3

from studio.settings import Settings
from studio.store.contacts import refresh_phone_keys
from studio.store.home_country import stored_home_country


class SettingsRepository:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    def load(self) -> Settings:
        """The saved settings; defaults for anything never saved."""
        data = {row[0]: json.loads(row[1]) for row in self._conn.execute("SELECT key, value FROM settings")}
        return Settings.from_dict(data)

    def save(self, settings: Settings) -> None:
        """Save ``settings``; a new home country re-reads every contact's phone numbers written
        without a country code in it (`contacts.refresh_phone_keys`), in the same transaction
        when the caller holds one."""
        home_before = stored_home_country(self._conn)
        self._conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [(key, json.dumps(value, ensure_ascii=False)) for key, value in settings.to_dict().items()])
        if settings.home_country != home_before:
            refresh_phone_keys(self._conn)
