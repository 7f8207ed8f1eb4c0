"""The SQLite store: the only package that writes SQL.

    with open_store(paths.db_path) as store:
        store.contacts.add(contact)
"""

from studio.store.db import Store, open_store

__all__ = ["Store", "open_store"]
