"""Another program holding the store's write lock: the CLI says so, waits, and either goes on
when it lets go or stops with a sentence, changing nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from studio.cli import main
from studio.paths import bundled_dir
from studio.store import busy, open_store

SAMPLES = str(bundled_dir("assets") / "samples" / "sample-contacts.vcf")

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE contacts SET notes = notes")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


@pytest.fixture
def short_waits(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(busy, "BUSY_TIMEOUT_S", 0.3)
    monkeypatch.setattr(busy, "WAIT_AT_MOST_S", 2.0)


def other_program(db: Path, seconds: float) -> subprocess.Popen:
    """A second program (a sync tool, the sqlite3 shell) that takes the write lock for a while."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "holding"
    return holder


def new_store(tmp_path: Path) -> Path:
    db = tmp_path / "busy.sqlite3"
    open_store(db).close()
    return db


def test_a_lock_that_is_not_let_go_stops_with_a_sentence_and_changes_nothing(
    tmp_path: Path, capsys, short_waits
) -> None:
    db = new_store(tmp_path)
    holder = other_program(db, 30)
    try:
        assert main(["--db", str(db), "import", "--quiet", SAMPLES]) == 1
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err
    assert f"another program is using the store {db}; waiting for it to finish" in err
    assert "did not let go for 2 s" in err and "nothing was changed" in err
    assert "OperationalError" not in err and "locked" not in err
    with open_store(db) as store:
        assert store.contacts.count() == 0


def test_the_command_goes_on_when_the_other_program_lets_go(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(busy, "BUSY_TIMEOUT_S", 0.3)
    db = new_store(tmp_path)
    holder = other_program(db, 1.5)
    assert main(["--db", str(db), "import", "--quiet", SAMPLES]) == 0
    holder.wait(10)
    assert "waiting for it to finish" in capsys.readouterr().err
    with open_store(db) as store:
        assert store.contacts.count() > 0
