"""Contact sheets through the real importer and store: Google, Outlook, Thunderbird, own sheets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.cli import main
from studio.model import PartialDate
from studio.services.addressbook import import_vcards
from studio.services.sheets import SheetOptions

FIXTURES = Path(__file__).parent / "fixtures"


def _by_name(store) -> dict:
    return {c.name: c for c in (store.contacts.get(i) for i in store.contacts.ids())}


def test_google_old_export_is_read_without_asking(store) -> None:
    report = import_vcards(store, [FIXTURES / "google-old.csv"])
    assert (report.added, report.rejected) == (2, [])
    anna = _by_name(store)["Anna Schmidt"]
    assert [e.value for e in anna.emails] == ["anna@example.com", "anna.schmidt@work.example"]
    assert anna.phones[0].value == "+1 555 0100"
    assert anna.birthday == PartialDate(3, 4, 1980)
    address = anna.addresses[0]
    assert (address.street, address.city, address.region, address.postal_code) == (
        "12 Elm St\nApt 4",
        "Springfield",
        "IL",
        "62701",
    )
    assert anna.tags == ["Customers", "VIP"]  # Google's "* myContacts" is not a tag of the user's
    assert anna.notes == "Loves lavender"
    assert _by_name(store)["Bob Jones"].birthday == PartialDate(12, 24)


def test_google_new_export_with_bom_events_and_relations(store) -> None:
    import_vcards(store, [FIXTURES / "google-new.csv"])
    jose = _by_name(store)["José Müller"]
    assert jose.nickname == "Pepe" and jose.organization == "Acme GmbH" and jose.title == "Buyer"
    assert jose.birthday == PartialDate(7, 14)
    assert jose.anniversary == PartialDate(6, 18, 2005)
    assert jose.spouse == "Carmen"
    assert [(e.value, e.label) for e in jose.emails] == [
        ("jose@example.de", "home"),
        ("jm@acme.example", "work"),
    ]
    assert jose.addresses[0].street == "Hauptstraße 5" and jose.addresses[0].postal_code == "10115"
    assert jose.tags == ["Kunden"]


def test_outlook_cp1252_export(store) -> None:
    report = import_vcards(store, [FIXTURES / "outlook.csv"])
    zoe = _by_name(store)["Zoë Dubois"]  # Windows-1252 bytes, not U+FFFD
    assert zoe.addresses[0].city == "Paris" and zoe.addresses[0].country == "France"
    assert zoe.spouse == "Luc" and zoe.tags == ["Customers", "Holiday list"]
    assert zoe.phones[0].label == "cell"
    assert zoe.anniversary is None  # Outlook's 0/0/00 means none
    assert zoe.birthday == PartialDate(4, 3, 1975)  # US settings read 4/3 month first …
    assert any("could be day/month" in str(p) and ":2:" in str(p) for p in report.problems)  # … and say so


def test_thunderbird_birthday_in_three_columns(store) -> None:
    import_vcards(store, [FIXTURES / "thunderbird.csv"])
    people = _by_name(store)
    assert people["First1 Last1"].birthday == PartialDate(4, 4, 2004)
    assert [e.value for e in people["First1 Last1"].emails] == [
        "firstEmail1@asfda.de",
        "additionalEmail1@asdf.de",
    ]
    assert people["First1 Last1"].addresses[0].street == "my addresse\nsecondline address"
    assert people["Jane Doe"].birthday == PartialDate(5, 4, 1981)


def test_an_unknown_sheet_needs_a_column_map(store) -> None:
    report = import_vcards(store, [FIXTURES / "own-sheet.tsv"])
    assert report.added == 0
    ((path, why),) = report.rejected
    assert "own-sheet.tsv" in why and "--map" in why and "Kunde" in why


def test_a_column_map_reads_a_utf16_sheet_and_reports_rows(store) -> None:
    store.settings.save(store.settings.load().__class__(language="de", home_country="DE"))
    mapping = "Kunde=name,Geburtstag=birthday,Straße=street,Ort=city,PLZ=postal_code,Bestellung=ignore"
    report = import_vcards(store, [FIXTURES / "own-sheet.tsv"], sheets=SheetOptions(column_map=mapping))
    assert report.added == 2
    anna = _by_name(store)["Anna Weiß"]
    assert anna.birthday == PartialDate(4, 3, 1980)  # 03.04. is the 3rd of April
    assert (anna.addresses[0].city, anna.addresses[0].postal_code) == ("Köln", "50667")
    problems = [str(p) for p in report.problems]
    assert any(p.startswith(str(FIXTURES / "own-sheet.tsv") + ":4:") and "31.02.1970" in p for p in problems)
    assert _by_name(store)["Karl Kraus"].birthday is None  # the bad date is left out, the row kept


def test_the_same_person_from_a_sheet_and_a_vcard_is_one_contact(store, tmp_path: Path) -> None:
    vcf = tmp_path / "anna.vcf"
    vcf.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Schmidt\r\nN:Schmidt;Anna;;;\r\n"
        "EMAIL:anna@example.com\r\nNOTE:met at the fair\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    import_vcards(store, [vcf])
    report = import_vcards(store, [FIXTURES / "google-old.csv"])
    assert report.updated == 1 and report.added == 1
    anna = _by_name(store)["Anna Schmidt"]
    assert anna.addresses and anna.birthday == PartialDate(3, 4, 1980)


def test_cli_import_with_saved_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.sqlite3")
    mapping = "Kunde=name,Geburtstag=birthday,Straße=street,Ort=city,PLZ=postal_code"
    assert main(["--db", db, "import", str(FIXTURES / "own-sheet.tsv")]) == 1
    assert "--map" in capsys.readouterr().err
    assert (
        main(["--db", db, "import", "--map", mapping, "--save-map", "shop", str(FIXTURES / "own-sheet.tsv")])
        == 0
    )
    assert "2 added" in capsys.readouterr().out
    # The same layout is read with the saved map without --map; by name too.
    assert main(["--db", db, "import", str(FIXTURES / "own-sheet.tsv")]) == 0
    assert main(["--db", db, "import", "--map", "shop", str(FIXTURES / "own-sheet.tsv")]) == 0
    assert main(["--db", db, "import", "--map", "nope", str(FIXTURES / "own-sheet.tsv")]) == 1
    assert "no saved column map called 'nope'" in capsys.readouterr().err
    assert main(["--db", db, "contacts", "--json"]) == 0
    names = sorted(c["display_name"] for c in json.loads(capsys.readouterr().out))
    assert names == ["Anna Weiß", "Karl Kraus"]


def test_a_bad_column_map_names_the_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.sqlite3")
    assert main(["--db", db, "import", "--map", "Customer=name", str(FIXTURES / "own-sheet.tsv")]) == 1
    assert "no column 'Customer'" in capsys.readouterr().err
    assert main(["--db", db, "import", "--map", "Kunde=shoe_size", str(FIXTURES / "own-sheet.tsv")]) == 1
    assert "'shoe_size' is not a field" in capsys.readouterr().err


def test_spreadsheets_xlsx_and_ods(store, tmp_path: Path) -> None:
    import datetime as dt

    import openpyxl
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    rows = [
        [
            "First Name",
            "Last Name",
            "E-mail Address",
            "Birthday",
            "Home Street",
            "Home City",
            "Home Postal Code",
            "Business Phone",
        ],
        [
            "Ada",
            "Lovelace",
            "ada@example.org",
            dt.date(1985, 12, 10),
            "1 St James Sq",
            "London",
            "SW1Y 4JU",
            5550123,
        ],
    ]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "people.xlsx")
    document = OpenDocumentSpreadsheet()
    table = Table(name="People")
    for row in [rows[0], ["Grace", "Hopper", "grace@example.org", "12/9/1906", "", "Arlington", "", ""]]:
        table_row = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    document.save(str(tmp_path / "people.ods"))

    report = import_vcards(store, [tmp_path / "people.xlsx", tmp_path / "people.ods"])
    assert (report.added, report.rejected) == (2, [])
    people = _by_name(store)
    assert people["Ada Lovelace"].birthday == PartialDate(12, 10, 1985)  # a date cell
    assert people["Ada Lovelace"].phones[0].value == "5550123"  # not "5550123.0"
    assert people["Grace Hopper"].birthday == PartialDate(12, 9, 1906)


def test_children_gender_and_pronouns_come_from_sheets(store) -> None:
    from studio.model import Relative

    report = import_vcards(store, [FIXTURES / "outlook-household.csv", FIXTURES / "household-sheet.csv"])
    people = _by_name(store)
    sabine, thomas = people["Sabine Keller"], people["Thomas Weber"]
    assert sabine.children == [Relative("Paul"), Relative("Greta")] and sabine.spouse == "Thomas"
    assert (sabine.gram_gender, thomas.gram_gender, people["Robin Fischer"].gram_gender) == (
        "feminine", "masculine", "")
    assert thomas.children == [Relative("Jan"), Relative("Ella")]
    noor = people["Noor Haddad"]
    assert noor.children == [Relative("Yara", PartialDate(6, 1, 2015)), Relative("Sami")]
    assert noor.pronouns == "she/her"
    assert [(p.line, p.message) for p in report.problems] == [
        (5, "gender 'Sometimes' is not one Card Studio knows (female, male …); left out")]


def test_a_german_outlook_export_sends_the_card_home(store) -> None:
    from studio.model import Relative

    report = import_vcards(store, [FIXTURES / "outlook-de.csv"])
    assert report.added == 1 and report.problems == [], [str(p) for p in report.problems]
    ingrid = _by_name(store)["Frau Ingrid Maria Hoffmann"]
    [home] = ingrid.addresses  # the private one; the office address is not where the card goes
    assert (home.street, home.city, home.region, home.postal_code, home.country) == (
        "Rosenweg 7\nHinterhaus", "Esslingen", "Baden-Württemberg", "73728", "Deutschland")
    assert ingrid.birthday == PartialDate(5, 4, 1968) and ingrid.anniversary is None
    assert [p.value for p in ingrid.phones] == ["0171 2345678", "0711 987654", "0711 123456"]
    emails = [e.value for e in ingrid.emails]
    assert emails == ["ingrid.hoffmann@example.de", "ingrid@hoffmann-soehne.example"]
    assert (ingrid.prefix, ingrid.organization, ingrid.spouse, ingrid.gram_gender) == (
        "Frau", "Hoffmann & Söhne GmbH", "Karl", "feminine")
    assert ingrid.children == [Relative("Lukas"), Relative("Hanna")]
    assert sorted(ingrid.tags) == ["Kunden", "Weihnachten"]
