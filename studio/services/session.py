"""The faces' handle on the address book: opening the store a use case runs against.

The desktop keeps one store open on its store thread (and one per long task); it passes the
handle to the use cases in `studio.services` and never calls the store's repositories itself.
"""

from __future__ import annotations

from studio.store import Store, open_store

__all__ = ["Store", "open_store"]
