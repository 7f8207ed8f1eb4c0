"""When another program holds the store's write lock: wait for it, say so, and give up with a
sentence (never "database is locked") when it does not let go."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from studio.errors import StudioError

BUSY_TIMEOUT_S = 2.0  # SQLite's own wait per attempt, before we first say anything
WAIT_AT_MOST_S = 30.0  # then we keep trying this long in all

OnBusy = Callable[[str], None]


class StoreBusy(StudioError):
    """Another program kept the store locked for longer than we wait."""


def is_busy(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and any(
        word in str(exc) for word in ("database is locked", "database is busy", "database table is locked")
    )


def busy_error(path: Path) -> StoreBusy:
    return StoreBusy(
        f"another program is using the store {path} and did not let go for {WAIT_AT_MOST_S:.0f} s "
        "(a second Card Studio, a backup or sync tool?); nothing was changed: close it and try again"
    )


def log_waiting(message: str) -> None:
    logging.getLogger("studio.store").warning(message)


def begin_write(conn: sqlite3.Connection, path: Path, on_busy: OnBusy) -> None:
    """BEGIN IMMEDIATE, retried while another program holds the write lock.

    ``on_busy`` hears once, after SQLite's first wait, that we are waiting and why.
    """
    deadline = time.monotonic() + WAIT_AT_MOST_S
    told = False
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            if time.monotonic() >= deadline:
                raise busy_error(path) from None
            if not told:
                on_busy(f"another program is using the store {path}; waiting for it to finish…")
                told = True
