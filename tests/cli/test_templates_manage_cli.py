"""`studio templates --duplicate/--rename/--export/--import/--delete/--restore/--bin/--empty-bin`."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from studio.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(["templates", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def listed(capsys: pytest.CaptureFixture[str]) -> dict[str, dict]:
    status, out, _ = run(capsys, "--json")
    assert status == 0
    return {t["id"]: t for t in json.loads(out)}


def test_manage_a_card_from_the_command_line(capsys, tmp_path: Path, isolated_home: Path) -> None:
    status, out, _ = run(capsys, "--duplicate", "thank-you-order", "--name", "Rosa's thanks", "--json")
    assert status == 0
    made = json.loads(out)
    assert made == {"action": "duplicate", "id": "rosa-s-thanks", "name": "Rosa's thanks",
                    "from": "thank-you-order"}
    assert listed(capsys)["rosa-s-thanks"]["source"] == "user"

    status, out, _ = run(capsys, "--rename", "rosa-s-thanks", "Thanks, Rosa")
    assert status == 0 and "Renamed rosa-s-thanks to 'Thanks, Rosa'" in out
    assert listed(capsys)["rosa-s-thanks"]["name"] == "Thanks, Rosa"

    package = tmp_path / "rosa.cardstudio"
    status, out, _ = run(capsys, "--export", "rosa-s-thanks", "--out", str(package))
    assert status == 0 and package.is_file()
    assert "template.toml" in zipfile.ZipFile(package).namelist()

    status, out, _ = run(capsys, "--delete", "rosa-s-thanks")
    assert status == 0 and "--restore rosa-s-thanks" in out
    assert "rosa-s-thanks" not in listed(capsys)
    status, out, _ = run(capsys, "--bin", "--json")
    assert [entry["id"] for entry in json.loads(out)] == ["rosa-s-thanks"]
    assert (isolated_home / "templates" / "bin").is_dir()

    status, out, _ = run(capsys, "--import", str(package))  # the id is free again: it is used
    assert status == 0 and "Imported 'Thanks, Rosa' as rosa-s-thanks" in out
    status, out, _ = run(capsys, "--restore", "rosa-s-thanks", "--json")  # never over the import
    restored = json.loads(out)
    assert status == 0 and restored["id"] == "rosa-s-thanks-2"
    assert {"rosa-s-thanks", "rosa-s-thanks-2"} <= set(listed(capsys))

    run(capsys, "--delete", "rosa-s-thanks-2")
    status, out, _ = run(capsys, "--empty-bin")
    assert status == 0 and "Deleted 1 template from the bin for good" in out
    status, out, _ = run(capsys, "--bin")
    assert "The template bin is empty." in out


def test_mistakes_answer_in_a_sentence(capsys, tmp_path: Path) -> None:
    status, _, err = run(capsys, "--delete", "thank-you-order")
    assert status == 2 and "one of Card Studio's own cards and cannot be deleted" in err
    status, _, err = run(capsys, "--rename", "thank-you-order", "Mine")
    assert status == 2 and "cannot be renamed" in err
    status, _, err = run(capsys, "--export", "thank-you-order")
    assert status == 2 and "--export needs --out" in err
    status, _, err = run(capsys, "--restore", "nothing-here")
    assert status == 2 and "the template bin holds no 'nothing-here'" in err
    evil = tmp_path / "evil.cardstudio"
    with zipfile.ZipFile(evil, "w") as out:
        out.writestr("template.toml", 'id = "x"\n')
        out.writestr("../../outside.j2", "x")
    status, _, err = run(capsys, "--import", str(evil))
    assert status == 1 and err.strip() == ("studio: 'evil.cardstudio' cannot be imported: it holds "
                                          "'../../outside.j2', which would be written outside the card's own "
                                          "folder.")
    assert not (tmp_path.parent / "outside.j2").exists()
    status, _, err = run(capsys, "--import", str(tmp_path / "missing.cardstudio"))
    assert status == 2 and "there is no file" in err
