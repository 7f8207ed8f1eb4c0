"""`studio missing`: who gets no card until a detail is filled in, and the answers coming back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from studio.cli import main
from studio.paths import bundled_dir

SAMPLES = bundled_dir("assets") / "samples" / "sample-contacts.vcf"
PIA = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pia Phone\r\nN:Phone;Pia;;;\r\nTEL:+1 555 0142\r\n"
    "EMAIL:pia@example.org\r\nEND:VCARD\r\n"
)


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "m.sqlite3")
    (tmp_path / "pia.vcf").write_text(PIA, encoding="utf-8")
    assert main(["--db", path, "import", "--quiet", str(SAMPLES), str(tmp_path / "pia.vcf")]) == 0
    capsys.readouterr()
    return path


def _missing(db: str, capsys, *extra: str) -> list[dict]:
    assert main(["--db", db, "missing", "--json", "--today", "2026-12-06", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_soonest_first_with_what_is_missing_and_a_message(db: str, capsys) -> None:
    rows = _missing(db, capsys)
    pia = next(r for r in rows if r["contact_name"] == "Pia Phone")
    assert pia["missing"] == ["contact.address", "contact.birthday"]
    assert pia["occasion"] == "christmas" and pia["mail_by"] == "2026-12-21"
    assert "postal address and your birthday" in pia["message"] and pia["message"].startswith("Hi Pia!")
    assert pia["email"] == "pia@example.org"
    dated = [r["mail_by"] for r in rows if r["mail_by"]]
    assert dated == sorted(dated)
    first_undated = next(i for i, r in enumerate(rows) if r["mail_by"] is None)
    assert all(r["mail_by"] is None for r in rows[first_undated:])  # no date at all: last
    assert not any(r["contact_name"] == "Sunrise Yoga Studio" for r in rows)  # no birthday to ask a shop


def test_for_one_occasion_and_csv(db: str, capsys, tmp_path: Path) -> None:
    rows = _missing(db, capsys, "--for", "birthday", "--csv", str(tmp_path / "ask.csv"))
    assert rows and all("contact.birthday" in r["missing"] or r["occasion"] == "birthday" for r in rows)
    with open(tmp_path / "ask.csv", encoding="utf-8-sig", newline="") as sheet:
        written = list(csv.DictReader(sheet))
    assert [w["contact_name"] for w in written] == [r["contact_name"] for r in rows]
    assert written[0]["message"].startswith("Hi ")
    assert main(["--db", db, "missing", "--for", "xmas"]) == 2
    assert "christmas" in capsys.readouterr().err


def test_answers_from_a_form_complete_the_contact(db: str, capsys, tmp_path: Path) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "Name,E-mail,Street,City,State,ZIP,Birthday\n"
        "Pia Phone,pia@example.org,9 Birch Rd,Portland,OR,97201,July 9\n",
        encoding="utf-8",
    )
    assert main(["--db", db, "import", str(answers)]) == 0
    assert "1 updated" in capsys.readouterr().out
    assert not any(r["contact_name"] == "Pia Phone" for r in _missing(db, capsys))
