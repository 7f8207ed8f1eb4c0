"""`studio delete` and `studio bin`; mailing numbers are never given twice."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from studio.cli import main
from studio.paths import bundled_dir
from studio.store import open_store
from studio.store.history import Mailing, MailingItem


def test_delete_bin_restore_and_empty(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "b.sqlite3")
    assert (
        main(
            ["--db", db, "import", "--quiet", str(bundled_dir("assets") / "samples" / "sample-contacts.vcf")]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--db", db, "contacts", "--json"]) == 0
    people = json.loads(capsys.readouterr().out)
    first, second = people[0], people[1]
    assert main(["--db", db, "delete", str(first["id"]), str(second["id"])]) == 0
    assert "Moved 2 contacts to the bin" in capsys.readouterr().out
    assert main(["--db", db, "delete", "99999"]) == 1
    assert "no contact with id 99999" in capsys.readouterr().err

    assert main(["--db", db, "bin", "--json"]) == 0
    binned = json.loads(capsys.readouterr().out)
    assert {b["name"] for b in binned} == {first["display_name"], second["display_name"]}
    assert set(binned[0]) == {"id", "contact_id", "name", "deleted_at", "events", "cards_received"}

    assert main(["--db", db, "bin", "--restore", str(binned[0]["id"])]) == 0
    assert f"Restored 1: {binned[0]['name']}" in capsys.readouterr().out
    assert main(["--db", db, "bin", "--restore", "424242"]) == 1
    assert "nothing in the bin with the number 424242" in capsys.readouterr().err
    assert main(["--db", db, "bin", "--empty"]) == 0
    assert "1 contact deleted for good" in capsys.readouterr().out
    assert main(["--db", db, "bin"]) == 0
    assert "The bin is empty." in capsys.readouterr().out
    assert main(["--db", db, "contacts", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(people) - 1


def test_mailing_numbers_are_never_reused(store) -> None:
    def add() -> int:
        with store.transaction():
            return store.history.add_mailing(
                Mailing(
                    "christmas",
                    2026,
                    "holiday-snow",
                    items=[MailingItem(1, None, "Ann", "christmas", dt.date(2026, 12, 25), "holiday-snow")],
                )
            )

    first, second = add(), add()
    with store.transaction():
        store.history.delete_mailing(second)
    assert add() == second + 1 > first


def test_old_stores_keep_counting_from_their_highest_mailing(tmp_path: Path) -> None:
    from studio.store.schema import MIGRATIONS

    with open_store(tmp_path / "s.sqlite3") as store:
        assert (
            store.connection.execute("SELECT last FROM id_counters WHERE name = 'mailings'").fetchone()[0]
            == 0
        )
    assert len(MIGRATIONS) >= 4


def test_commands_fail_clearly(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "c.sqlite3")
    assert (
        main(
            ["--db", db, "import", "--quiet", str(bundled_dir("assets") / "samples" / "sample-contacts.vcf")]
        )
        == 0
    )
    capsys.readouterr()
    # A mistyped --db on a command that only reads: said, and no empty store made.
    typo = tmp_path / "c.sqllite3"
    assert main(["--db", str(typo), "contacts"]) == 1
    assert f"no Card Studio store at {typo}" in capsys.readouterr().err and not typo.exists()
    # An unknown tag: exit 1, no file.
    out = tmp_path / "out.vcf"
    assert main(["--db", db, "export", "--tag", "unknown", "--out", str(out)]) == 1
    assert "no contact has the tag 'unknown'" in capsys.readouterr().err and not out.exists()
    # A folder that cannot be written: one sentence naming it.
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        status = main(["--db", db, "export", "--out", str(locked / "x.vcf")])
        err = capsys.readouterr().err
        if os.geteuid() != 0:  # root writes anywhere
            assert status == 1 and f"cannot write {locked / 'x.vcf'}" in err and "choose another --out" in err
    finally:
        locked.chmod(0o700)
