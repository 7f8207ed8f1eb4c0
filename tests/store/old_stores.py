"""A store as an older Card Studio left it: the schema up to a given migration only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from studio.store.contact_search import register_functions
from studio.store.schema import MIGRATIONS


def write_store_at(path: Path, version: int) -> sqlite3.Connection:
    """A new database at ``path`` with migrations 1…``version`` applied; the caller adds
    rows as that version stored them, then closes it."""
    conn = sqlite3.connect(path, isolation_level=None)
    register_functions(conn)
    for script in MIGRATIONS[:version]:
        conn.executescript(script)
    conn.execute(f"PRAGMA user_version = {version}")
    return conn
