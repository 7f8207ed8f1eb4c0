"""`studio duplicates`: list (table and JSON), merge, keep apart, undo a merge."""

from __future__ import annotations

import json
from pathlib import Path

from studio.cli import main

FIXTURES = Path(__file__).parents[1] / "contacts" / "fixtures" / "duplicates"


def test_review_merge_undo_and_keep_apart_from_the_command_line(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "d.sqlite3")
    assert main(["--db", db, "import", "--quiet", str(FIXTURES / "phone.vcf")]) == 0
    assert main(["--db", db, "import", "--quiet", str(FIXTURES / "mail.vcf")]) == 0
    out = capsys.readouterr().out
    assert "2 added, 1 updated, 0 unchanged, 0 skipped, 0 problems; 2 possible duplicates to review" in out
    assert "`studio duplicates`" in out

    assert main(["--db", db, "duplicates"]) == 0
    table = capsys.readouterr().out
    assert "Lea Novak" in table and "but different flats (apt 2 / apt 5)" in table

    assert main(["--db", db, "duplicates", "--json"]) == 0
    pairs = json.loads(capsys.readouterr().out)
    assert [set(p) for p in pairs] == [{"ids", "names", "shared", "conflicts"}] * 2
    assert pairs[1]["names"] == ["Robert Lang", "Robert Lang"]
    novaks, langs = pairs[0]["ids"], pairs[1]["ids"]

    assert main(["--db", db, "duplicates", "--merge", *map(str, langs)]) == 0
    assert "--undo-merge 1" in capsys.readouterr().out
    assert main(["--db", db, "duplicates", "--merges", "--json"]) == 0
    (merge,) = json.loads(capsys.readouterr().out)
    assert (merge["kept_id"], merge["merged_id"], merge["merged_name"]) == (*langs, "Robert Lang")
    assert main(["--db", db, "contacts", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 4

    assert main(["--db", db, "duplicates", "--undo-merge", "1"]) == 0
    assert "are two contacts again" in capsys.readouterr().out
    assert main(["--db", db, "duplicates", "--keep-apart", *map(str, novaks)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "duplicates"]) == 0
    assert capsys.readouterr().out.strip() == "No possible duplicates."

    assert main(["--db", db, "duplicates", "--undo-merge", "1"]) == 1
    assert "no merge number 1" in capsys.readouterr().err
    assert main(["--db", db, "duplicates", "--merge", "1", "999"]) == 1
    assert "no contact with id 999" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "missing.sqlite3"), "duplicates"]) == 1
    assert not (tmp_path / "missing.sqlite3").exists()
