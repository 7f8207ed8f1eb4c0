"""The user's home country as the settings table holds it, read on its own: every contact
write needs it (phone numbers written without a country code are read in it)."""

from __future__ import annotations

import json
import sqlite3

from studio.settings import Settings

_DEFAULT_HOME_COUNTRY = Settings().home_country


def home_country_from_json(value: str | None) -> str:
    """The home country from its stored JSON value; the default when it was never saved."""
    if value is None:
        return _DEFAULT_HOME_COUNTRY
    country = json.loads(value)
    return country if isinstance(country, str) else _DEFAULT_HOME_COUNTRY


def stored_home_country(connection: sqlite3.Connection) -> str:
    """The saved home country alone, read without building all the settings (every
    contact write asks: phone numbers are keyed in it, `studio.contacts.phones`)."""
    row = connection.execute("SELECT value FROM settings WHERE key = 'home_country'").fetchone()
    return home_country_from_json(row[0] if row else None)
