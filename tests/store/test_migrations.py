"""Opening a new store from several threads at once: each migration runs exactly once."""

from __future__ import annotations

import threading
from pathlib import Path

from studio.store import open_store
from studio.store.schema import MIGRATIONS


def test_connections_opening_a_new_file_at_once_all_succeed(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def open_one() -> None:
        start.wait()
        try:
            open_store(path).close()
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(path) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
