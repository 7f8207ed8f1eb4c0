"""Older Windows exports (quoted-printable, no CHARSET) keep their letters; the preferred
e-mail, phone and address come first and are the one marked, in the store and in exports."""

from __future__ import annotations

import json
from pathlib import Path

from studio.cli import main
from studio.contacts.reader import read_vcard_file

FIXTURES = Path(__file__).parent / "fixtures"


def test_quoted_printable_without_charset_is_windows_1252_never_replacement_chars() -> None:
    contact = read_vcard_file(FIXTURES / "outlook-qp-no-charset.vcf").cards[0].contact
    assert contact.display_name == "Jürgen Müller" and contact.family_name == "Müller"
    assert contact.addresses[0].street == "Straße 1" and contact.addresses[0].city == "Köln"
    text = repr(contact)
    assert "\ufffd" not in text


def test_preferred_first_and_alone_marked_through_store_and_export(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "p.sqlite3")
    assert (
        main(
            [
                "--db",
                db,
                "import",
                str(FIXTURES / "outlook-qp-no-charset.vcf"),
                str(FIXTURES / "v4-pref-ranks.vcf"),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--db", db, "contacts", "--json"]) == 0
    people = {c["display_name"]: c for c in json.loads(capsys.readouterr().out)}
    jurgen, ann = people["Jürgen Müller"], people["Ann Lee"]
    assert [(e["value"], e["preferred"]) for e in jurgen["emails"]] == [
        ("pref@example.de", True),
        ("j@example.de", False),
    ]
    assert [p["value"] for p in jurgen["phones"]] == ["+49 2", "+49 1"]
    assert [(e["value"], e["preferred"]) for e in ann["emails"]] == [
        ("first@example.org", True),
        ("third@example.org", False),
        ("plain@example.org", False),
    ]
    assert [p["value"] for p in ann["phones"]] == ["+1 555 0101", "+1 555 0102"]
    out = tmp_path / "out.vcf"
    assert main(["--db", db, "export", "--out", str(out)]) == 0
    exported = out.read_text(encoding="utf-8")
    assert exported.index("first@example.org") < exported.index("third@example.org")
    assert "EMAIL;TYPE=INTERNET,pref:first@example.org" in exported
    assert exported.count(",pref:") + exported.count("=pref:") == 4  # one e-mail and one phone each
