"""`studio import`, `studio contacts`, `studio export` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.cli import main

CONTACT_KEYS = {"id", "uid", "display_name", "given_name", "family_name", "additional_names", "prefix",
                "suffix", "nickname", "organization", "title", "emails", "phones", "addresses", "birthday",
                "anniversary", "customer_since", "dates", "spouse", "notes", "tags", "has_photo",
                "children", "gram_gender", "pronouns"}  # the household keys came later: added, none removed


def _contacts_json(capsys: pytest.CaptureFixture[str], db: Path, *extra: str) -> list[dict]:
    capsys.readouterr()
    assert main(["--db", str(db), "contacts", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_import_then_list_as_json(tmp_path: Path, corpus: Path, capsys) -> None:
    db = tmp_path / "cli.sqlite3"
    status = main(["--db", str(db), "import", str(corpus / "ez-vcard/John_Doe_IPHONE.vcf"),
                   str(corpus / "sabre-vobject-extracted/BirthdayCalendarGeneratorTest-XAppleOmitYear.vcf")])
    assert status == 0
    assert "2 added" in capsys.readouterr().out
    contacts = _contacts_json(capsys, db)
    assert {c["display_name"] for c in contacts} == {"Mr. John Richter James Doe Sr.", "Forrest Gump"}
    for contact in contacts:
        assert set(contact) == CONTACT_KEYS
    gump = next(c for c in contacts if c["family_name"] == "Gump")
    assert gump["birthday"] == "--04-07"
    doe = next(c for c in contacts if c["family_name"] == "Doe")
    assert doe["birthday"] == "2012-06-06"
    assert doe["has_photo"] is True
    assert set(doe["addresses"][0]) == {"label", "street", "city", "region", "postal_code", "country",
                                        "preferred"}
    assert set(doe["emails"][0]) == {"value", "label", "preferred"}


def test_db_option_after_the_command_and_env_var(tmp_path: Path, corpus: Path, capsys, monkeypatch) -> None:
    db = tmp_path / "after.sqlite3"
    assert main(["import", "--db", str(db), str(corpus / "ez-vcard/John_Doe_IPHONE.vcf")]) == 0
    monkeypatch.setenv("CARD_STUDIO_DB", str(db))
    capsys.readouterr()
    assert main(["contacts"]) == 0
    assert "John" in capsys.readouterr().out


def test_rejected_file_gives_status_1_and_one_clear_sentence(tmp_path: Path, capsys) -> None:
    junk = tmp_path / "photo.vcf"
    junk.write_bytes(bytes(range(256)) * 4)
    assert main(["--db", str(tmp_path / "x.sqlite3"), "import", str(junk)]) == 1
    err = capsys.readouterr().err
    assert "photo.vcf" in err and "Traceback" not in err


def test_missing_file_is_reported_not_raised(tmp_path: Path, capsys) -> None:
    assert main(["--db", str(tmp_path / "x.sqlite3"), "import", str(tmp_path / "nope.vcf")]) == 1
    assert "nope.vcf" in capsys.readouterr().err


def test_usage_error_is_status_2(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["import"])
    assert exit_info.value.code == 2


def test_search_and_tag_filter(tmp_path: Path, corpus: Path, capsys) -> None:
    db = tmp_path / "s.sqlite3"
    main(["--db", str(db), "import", str(corpus / "nextcloud/contact-multiple.vcf")])
    found = _contacts_json(capsys, db, "--search", "regi")
    assert [c["display_name"] for c in found] == ["Reginald Richards"]


def test_export_then_import_into_an_empty_store_gives_the_same_contacts(tmp_path: Path, corpus: Path,
                                                                         capsys) -> None:
    first, second, vcf = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3", tmp_path / "out.vcf"
    files = [str(p) for p in sorted(corpus.rglob("*.vcf"))]
    main(["--db", str(first), "import", "--quiet", *files])
    assert main(["--db", str(first), "export", "--out", str(vcf)]) == 0
    assert main(["--db", str(second), "import", str(vcf)]) == 0

    def comparable(db: Path) -> list[dict]:
        rows = _contacts_json(capsys, db)
        for row in rows:
            row.pop("id")
        return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))

    assert comparable(first) == comparable(second)


def test_the_household_is_in_the_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    family = Path(__file__).parents[1] / "contacts" / "fixtures" / "household" / "family.vcf"
    db = tmp_path / "h.sqlite3"
    assert main(["--db", str(db), "import", "--quiet", str(family)]) == 0
    capsys.readouterr()
    anna = next(c for c in _contacts_json(capsys, db) if c["given_name"] == "Anna")
    assert anna["children"] == [{"name": "Mia", "birthday": None}, {"name": "Lea", "birthday": "2016-05-09"}]
    assert (anna["gram_gender"], anna["pronouns"], anna["spouse"]) == ("feminine", "sie/ihr", "Jonas Brandt")
