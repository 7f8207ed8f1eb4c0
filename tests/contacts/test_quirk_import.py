"""The own quirk fixtures through the doors a user takes: `studio import` / `contacts --json` /
`export` on the command line and the import service into a real SQLite store (the corpus tests of
tests/cli, tests/services and tests/postal, mapped in test_quirk_fixtures.COVERED_BY)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.cli import main
from studio.contacts.reader import read_vcard_file
from studio.errors import Cancelled
from studio.postal import address_problem
from studio.progress import Progress
from studio.services import addressbook
from studio.store import Store
from tests.cli.test_addressbook_cli import CONTACT_KEYS

QUIRKS = Path(__file__).resolve().parent / "fixtures" / "quirks"
IPHONE = QUIRKS / "iphone-cr-cr-lf.vcf"
NEXTCLOUD = QUIRKS / "nextcloud-without-n.vcf"
OMITTED_YEAR = QUIRKS / "omitted-year.vcf"


def _contacts_json(capsys: pytest.CaptureFixture[str], db: Path, *extra: str) -> list[dict]:
    capsys.readouterr()
    assert main(["--db", str(db), "contacts", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_import_then_list_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cli.sqlite3"
    assert main(["--db", str(db), "import", str(IPHONE), str(OMITTED_YEAR)]) == 0
    assert "2 added" in capsys.readouterr().out
    contacts = _contacts_json(capsys, db)
    assert {c["display_name"] for c in contacts} == {"Ms. Hanna Maria Elise Lind Jr.", "Ida Frost"}
    assert all(set(contact) == CONTACT_KEYS for contact in contacts)
    frost = next(c for c in contacts if c["family_name"] == "Frost")
    assert frost["birthday"] == "--04-12"
    lind = next(c for c in contacts if c["family_name"] == "Lind")
    assert (lind["birthday"], lind["has_photo"]) == ("1985-07-19", True)
    assert set(lind["addresses"][0]) == {"label", "street", "city", "region", "postal_code", "country",
                                         "preferred"}
    assert lind["emails"] == [{"value": "hanna.lind@example.org", "label": "", "preferred": True}]


def test_cli_db_option_after_the_command_and_env_var(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "after.sqlite3"
    assert main(["import", "--db", str(db), str(IPHONE)]) == 0
    monkeypatch.setenv("CARD_STUDIO_DB", str(db))
    capsys.readouterr()
    assert main(["contacts"]) == 0
    assert "Hanna" in capsys.readouterr().out


def test_cli_search_finds_a_card_without_n(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.sqlite3"
    assert main(["--db", str(db), "import", str(NEXTCLOUD)]) == 0
    assert [c["display_name"] for c in _contacts_json(capsys, db, "--search", "rolan")] == ["Rolando Vega"]


def test_cli_export_then_import_into_an_empty_store_gives_the_same_contacts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second, vcf = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3", tmp_path / "out.vcf"
    main(["--db", str(first), "import", "--quiet", *(str(p) for p in sorted(QUIRKS.glob("*.vcf")))])
    assert main(["--db", str(first), "export", "--out", str(vcf)]) == 0
    assert main(["--db", str(second), "import", str(vcf)]) == 0

    def comparable(db: Path) -> list[dict]:
        rows = _contacts_json(capsys, db)
        for row in rows:
            row.pop("id")
        return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))

    rows = comparable(first)
    assert len(rows) >= 45
    assert rows == comparable(second)


def test_import_counts_and_reimport_changes_nothing(store: Store) -> None:
    first = addressbook.import_vcards(store, [NEXTCLOUD, IPHONE])
    assert (first.added, first.updated, first.rejected) == (5, 0, [])
    second = addressbook.import_vcards(store, [NEXTCLOUD, IPHONE])
    assert (second.added, second.updated, second.unchanged) == (0, 0, 5)
    assert store.contacts.count() == 5


def test_every_own_fixture_imports_and_only_the_non_vcard_is_rejected(store: Store) -> None:
    files = sorted(QUIRKS.glob("*.vcf"))
    report = addressbook.import_vcards(store, files)
    assert [Path(path).name for path, _ in report.rejected] == ["bom-only.vcf", "not-a-vcard.vcf"]
    assert report.files + len(report.rejected) == len(files)
    assert store.contacts.count() >= 45
    for problem in report.problems:  # every problem names its file and line
        assert problem.file.startswith(str(QUIRKS)) and problem.line >= 1
        assert str(problem).startswith(f"{problem.file}:{problem.line}: ")


def test_a_file_that_is_not_a_vcard_is_rejected_and_the_others_imported(store: Store, tmp_path: Path) -> None:
    pdf = tmp_path / "invoice.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    report = addressbook.import_vcards(store, [pdf, QUIRKS / "not-a-vcard.vcf", IPHONE])
    assert [path for path, _ in report.rejected] == [str(pdf), str(QUIRKS / "not-a-vcard.vcf")]
    assert report.added == 1
    assert [c.display_name for c in store.contacts.list()] == ["Ms. Hanna Maria Elise Lind Jr."]


def test_cancel_mid_file_leaves_the_store_as_before_that_file(store: Store) -> None:
    addressbook.import_vcards(store, [IPHONE])
    calls = {"n": 0}

    def cancel_on_the_second_contact() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(Cancelled):
        addressbook.import_vcards(store, [NEXTCLOUD], Progress(cancelled=cancel_on_the_second_contact))
    assert [c.display_name for c in store.contacts.list()] == ["Ms. Hanna Maria Elise Lind Jr."]


def test_a_japanese_phone_export_without_a_country_is_not_printed_as_us_mail() -> None:
    contact = read_vcard_file(QUIRKS / "shift-jis.vcf").cards[0].contact
    problem = address_problem(contact, "US")
    assert problem is not None and "postal code 530-0001 is not a US ZIP code" in problem
    assert address_problem(contact, "JP") is None
