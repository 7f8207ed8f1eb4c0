"""Opening the database: WAL, foreign keys, migrations, transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from studio.errors import StudioError
from studio.store import busy
from studio.store.contact_search import register_functions
from studio.store.schema import MIGRATIONS


class Store:
    """An open Card Studio database and its repositories.

    One `Store` belongs to one thread (SQLite connections are not shared); a worker
    thread opens its own with `open_store` on the same path.
    """

    def __init__(
        self, connection: sqlite3.Connection, path: Path, on_busy: busy.OnBusy = busy.log_waiting
    ) -> None:
        from studio.store.accounts import AccountRepository
        from studio.store.bin import BinRepository
        from studio.store.column_maps import ColumnMapRepository
        from studio.store.contacts import ContactRepository
        from studio.store.duplicates import DuplicateRepository
        from studio.store.history import HistoryRepository
        from studio.store.printers import PrinterProfileRepository
        from studio.store.results import ResultsRepository
        from studio.store.returns import ReturnsRepository
        from studio.store.rhythms import RhythmRepository
        from studio.store.sequences import SequenceRepository
        from studio.store.settings import SettingsRepository

        self.connection = connection
        self.on_busy = on_busy  # told when another program holds the write lock and we wait
        self.path = path
        self.accounts = AccountRepository(connection)
        self.bin = BinRepository(connection)
        self.column_maps = ColumnMapRepository(connection)
        self.contacts = ContactRepository(connection)
        self.duplicates = DuplicateRepository(connection)
        self.history = HistoryRepository(connection)
        self.printers = PrinterProfileRepository(connection)
        self.results = ResultsRepository(connection)
        self.returns = ReturnsRepository(connection)
        self.rhythms = RhythmRepository(connection)
        self.sequences = SequenceRepository(connection)
        self.settings = SettingsRepository(connection)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing: commits when the block ends, rolls back if it raises.

        Nested use joins the outer transaction (a savepoint), so a use case can wrap
        several repository calls.
        """
        conn = self.connection
        if conn.in_transaction:
            name = f"sp{id(conn)}_{conn.total_changes}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield conn
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                raise
            conn.execute(f"RELEASE {name}")
            return
        busy.begin_write(conn, self.path, self.on_busy)
        try:
            yield conn
        except sqlite3.OperationalError as exc:
            conn.rollback()
            if busy.is_busy(exc):
                raise busy.busy_error(self.path) from None
            raise
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: str | Path, *, on_busy: busy.OnBusy = busy.log_waiting) -> Store:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    Raises `StudioError` with a readable sentence when the file is not a Card Studio
    database or was written by a newer version. ``on_busy`` is told when another program
    holds the write lock and the store waits for it (`busy`).
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=busy.BUSY_TIMEOUT_S)
    except (OSError, sqlite3.Error) as exc:
        raise StudioError(f"cannot open the database {path}: {exc}") from exc
    conn.row_factory = sqlite3.Row
    register_functions(conn)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        _migrate(conn, path, on_busy)
    except busy.StoreBusy:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        if busy.is_busy(exc):
            raise busy.busy_error(path) from None
        conn.close()
        raise StudioError(f"{path} is not a Card Studio database ({exc})") from exc
    return Store(conn, path, on_busy)


def _migrate(conn: sqlite3.Connection, path: Path, on_busy: busy.OnBusy) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise StudioError(
            f"{path} was written by a newer Card Studio (schema {version}); please update the app"
        )
    for number in range(version, len(MIGRATIONS)):
        busy.begin_write(conn, path, on_busy)
        # Another connection (the app's store thread and a background task open the same new
        # file at once) may have applied it while this one waited for the write lock.
        if conn.execute("PRAGMA user_version").fetchone()[0] > number:
            conn.commit()
            continue
        try:
            for statement in _split_statements(MIGRATIONS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            conn.rollback()
            raise
        conn.commit()


def _split_statements(script: str) -> list[str]:
    """Split a migration into statements so it runs inside one transaction.

    `executescript` would commit first; `sqlite3.complete_statement` finds the ends.
    """
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
