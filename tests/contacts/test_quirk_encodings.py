"""Character sets, quoted-printable and line-level quirks over hand-written fixtures in
tests/contacts/fixtures/quirks (the quirks of corpus tests, mapped in test_quirk_fixtures.COVERED_BY).
The non-UTF-8 fixtures were written as bytes from Python strings (`.encode("cp1253")` …)."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.contacts.plausibility import implausibility
from studio.contacts.reader import NotAVCardError, VCardFile, read_vcard_file
from studio.model import Contact, PartialDate

QUIRKS = Path(__file__).resolve().parent / "fixtures" / "quirks"


def read(name: str) -> VCardFile:
    return read_vcard_file(QUIRKS / name)


def only(name: str) -> Contact:
    parsed = read(name)
    assert len(parsed.cards) == 1 and not parsed.problems, [str(p) for p in parsed.problems]
    return parsed.cards[0].contact


def test_the_fixtures_hold_the_bytes_they_are_about() -> None:
    # so that a well-meant re-save as UTF-8 cannot make these tests pass for the wrong reason
    assert "Σταυρούλα".encode("cp1253") in (QUIRKS / "greek-cp1253-no-charset.vcf").read_bytes()
    assert "רחל".encode("cp1255") in (QUIRKS / "hebrew-cp1255-no-charset.vcf").read_bytes()
    assert (QUIRKS / "ukrainian-utf8-bom-accents.vcf").read_bytes().startswith(b"\xef\xbb\xbfBEGIN:VCARD")
    assert b"\x95\x5c;\x94\xfc\x97\x5c;" in (QUIRKS / "shift-jis-0x5c-30.vcf").read_bytes()  # 表\;美予\;
    assert b"Gro\xdfe Gasse" in (QUIRKS / "outlook-windows-1252-labels.vcf").read_bytes()
    assert b"\r\r\n" in (QUIRKS / "iphone-cr-cr-lf.vcf").read_bytes()


@pytest.mark.parametrize("name", ["greek-cp1253-no-charset.vcf", "greek-utf8.vcf"])
def test_greek(name: str) -> None:
    c = only(name)
    assert c.display_name == "Σταυρούλα Καραγιάννη"
    assert (c.family_name, c.given_name, c.additional_names) == ("Καραγιάννη", "Σταυρούλα", "Ελένη")
    assert [a.city for a in c.addresses] == ["Θεσσαλονίκη"]


@pytest.mark.parametrize("name", ["hebrew-cp1255-no-charset.vcf", "hebrew-utf8.vcf"])
def test_hebrew(name: str) -> None:
    c = only(name)
    assert c.display_name == "רחל לוי"
    assert (c.family_name, c.given_name) == ("Levi", "Rachel")
    assert [a.city for a in c.addresses] == ["חיפה"]


@pytest.mark.parametrize(("name", "text"), [
    ("windows-1252-no-charset.vcf", "Käthe Größer"), ("greek-cp1253-no-charset.vcf", "Σταυρούλα Καραγιάννη"),
    ("hebrew-cp1255-no-charset.vcf", "רחל לוי"), ("windows-1251-no-charset.vcf", "Олена Петрівна Шевченко")])
def test_files_without_charset_are_read_without_doubt(name: str, text: str) -> None:
    parsed = read(name)
    assert [card.contact.display_name for card in parsed.cards] == [text]
    assert [str(p) for p in parsed.problems if "character set" in p.message] == []


def test_ukrainian_in_utf8_with_bom_keeps_combining_accents() -> None:
    c = only("ukrainian-utf8-bom-accents.vcf")  # the BOM is not part of the first property name
    assert c.display_name == "Оле\u0301на Шевче\u0301нко"
    assert (c.family_name, c.given_name, c.additional_names) == (
        "Шевче\u0301нко", "Оле\u0301на", "Петрі\u0301вна")
    assert [a.city for a in c.addresses] == ["Львів"]


@pytest.mark.parametrize("name", ["shift-jis-0x5c-21.vcf", "shift-jis-0x5c-30.vcf"])
def test_shift_jis_trail_byte_0x5c_is_not_a_backslash(name: str) -> None:
    c = only(name)  # 表 and 予 end in byte 0x5C, right before ";" and " "
    assert c.display_name == "表 美予"
    assert (c.family_name, c.given_name, c.additional_names) == ("表", "美予", "能")


def test_unknown_charset_falls_back_to_detection() -> None:
    c = only("unknown-charset.vcf")  # CHARSET=Kauderwelsch on the LABEL; raw Windows-1252 elsewhere
    assert c.display_name == "Jürgen Weiß Größling"
    assert [a.city for a in c.addresses] == ["Süßen"]


def test_outlook_windows_1252_with_labels_repeating_every_adr() -> None:
    c = only("outlook-windows-1252-labels.vcf")
    assert c.display_name == "Anke Pfeiffer"
    assert (c.organization, c.title) == ("Pfeiffer & Söhne", "Einkäuferin")
    work, home, postal = c.addresses  # the three LABELs add no address
    assert (work.street, work.city, work.postal_code, work.country) == (
        "Große Gasse 3", "Würzburg", "97070", "Deutschland")  # CHARSET=Windows-1252, raw 0xDF
    assert work.label == "work" and work.preferred
    assert (home.street, home.city, home.postal_code) == ("Am Hang 8", "Kitzingen", "97318")
    assert (postal.street, postal.city, postal.label) == ("Postweg 1", "Ochsenfurt", "postal")
    assert [e.value for e in c.emails] == ["anke@pfeiffer.example"]
    assert c.birthday is None


def test_label_is_an_address_only_when_there_is_no_adr() -> None:
    parsed = read("label-without-adr.vcf")  # Evolution: "FN" without a colon, an empty N, one LABEL
    c = parsed.cards[0].contact
    assert [(a.street, a.label) for a in c.addresses] == [("9 Mill Road  2 East\nOxford OX1 2AB\nUK", "work")]
    assert c.organization == "Millworks Ltd."
    assert [str(p) for p in parsed.problems] == [
        f"{QUIRKS / 'label-without-adr.vcf'}:2: this line is not a vCard property (no ':'); it was ignored"]
    assert len(only("outlook-windows-1252-labels.vcf").addresses) == 3  # there, LABELs repeat ADRs


def test_nokia_qp_with_bare_soft_break_lines() -> None:
    c = only("nokia-qp-bare-soft-breaks.vcf")  # values start with "=" and go on over "="-only lines
    assert (c.family_name, c.given_name) == ("Järvinen", "Aino")
    assert c.display_name == "Aino Järvinen"
    [home] = c.addresses  # its last soft break is followed by an empty line
    assert (home.street, home.city, home.region, home.postal_code, home.country, home.label) == (
        "Köydenpunojankatu 3", "Hämeenlinna", "Kanta-Häme", "13100", "", "home")
    assert c.birthday == PartialDate(5, 17, 1983)
    assert [p.value for p in c.phones] == ["+358401234567", "+35891234567"]


def test_qp_value_cut_by_blank_lines_is_joined() -> None:
    c = only("qp-cut-by-blank-lines.vcf")  # "=C3=" blank line "=A4": one letter across the gap
    assert c.notes == "Grüße an die Kinder älter als zehn, überall."
    assert c.organization == "Brandl, Geschäftsführung"


def test_soft_break_followed_by_a_folded_line() -> None:
    [address] = only("qp-soft-break-then-fold.vcf").addresses
    assert (address.street, address.city, address.postal_code) == ("Almweg 4", "Sankt Anton", "6580")
    assert address.country == "Österreich"  # "=C3=96=" soft break, then "sterreich"


def test_comment_lines_are_dropped_but_a_soft_break_continuation_is_kept() -> None:
    c = only("comment-lines.vcf")  # BEGIN:vCard in mixed case, too
    assert c.display_name == "Team Meeting"
    assert c.notes == "Dial in (hash ->#<- hash) first. Keep this line."


def test_apple_server_rejects_are_read_without_crashing() -> None:
    mixed_eol = only("mixed-eol-21.vcf")  # LF after BEGIN and CATEGORIES, CRLF elsewhere
    assert (mixed_eol.display_name, [p.value for p in mixed_eol.phones]) == ("Emi Sato", ["5550111"])
    assert [(a.street, a.city) for a in mixed_eol.addresses] == [("8 Cedar Ave.", "Hill Valley, CA 95420")]
    bel = only("bel-in-note.vcf")
    assert bel.notes == "Rings twice -><- then waits"  # the BEL (0x07) is removed, the rest kept


def test_adr_with_colons_in_its_label_parameter() -> None:
    [address] = only("adr-label-colons.vcf").addresses  # LABEL=…^n…^'…: with unquoted colons, folded
    assert (address.street.split("\n")[0], address.city, address.postal_code, address.country) == (
        "Hafenstrasse 9", "Hamburg", "20457", "Germany")
    assert address.label == "work"


def test_po_box_and_extended_address_become_street_lines() -> None:
    c = only("po-box-extended.vcf")
    garden = c.addresses[1]  # a custom group name ("garden.") with its X-ABLabel
    assert garden.street == "Lindenallee 5\nHinterhaus\nPostfach 77"
    assert (garden.city, garden.postal_code, garden.country, garden.label) == (
        "Bärnbach", "8572", "Österreich", "Garden Shed")  # the country was folded inside the word


def test_photo_forms() -> None:
    photos = {card.contact.display_name: card.contact for card in read("photo-forms.vcf").cards}
    kinds = {name: (c.photo_type, (c.photo or b"")[:4]) for name, c in photos.items()}
    assert kinds == {
        "Photo Four Escaped": ("image/png", b"\x89PNG"),  # data:image/png;base64\, (escaped comma)
        "Photo Three Binary": ("image/jpeg", b"\xff\xd8\xff\xe0"),  # raw base64, no ENCODING
        "Photo Three Uri": ("image/jpeg", b"\xff\xd8\xff\xe0"),  # a data: URI in 3.0
        "Photo Three Value Uri": ("image/jpeg", b"\xff\xd8\xff\xe0"),  # VALUE=URI:data:…
        "Photo Four Jpeg": ("image/jpeg", b"\xff\xd8\xff\xe0"),
        "Photo Mislabelled": ("image/png", b"\x89PNG"),  # TYPE says jpeg; the bytes are PNG
        "Photo Link": ("", b""),  # a link to the web is not fetched, and no problem
    }


def test_bare_parameters_and_apple_labels() -> None:
    elin, olle = (card.contact for card in read("bare-params-pref.vcf").cards)
    assert [(p.value, p.label, p.preferred) for p in elin.phones] == [  # 2.1 TEL;WORK;PREF comes first
        ("1002", "work", True), ("1001", "home", False), ("1003", "isdn", False)]
    assert (elin.organization, elin.title) == ("Sand Studio", "Owner")  # the first ORG and TITLE
    assert [(p.value, p.label) for p in olle.phones] == [
        ("2001", "home fax"), ("2002", "work fax"), ("2003", "GRAND_CENTRAL"), ("2004", "pager")]


def test_apple_omit_year_birthday() -> None:
    c = only("apple-omit-year.vcf")  # BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12
    assert c.birthday == PartialDate(4, 12, None) and c.birthday.iso() == "--04-12"
    assert (c.family_name, c.given_name, c.prefix) == ("Frost", "Ida", "Ms.")


def test_a_file_of_only_a_bom_is_rejected() -> None:
    with pytest.raises(NotAVCardError) as raised:
        read("bom-only.vcf")
    message = str(raised.value)
    assert message == f"{QUIRKS / 'bom-only.vcf'} is empty: there are no contacts in it."


def test_a_file_cut_inside_a_property_name_keeps_its_card() -> None:
    parsed = read("cut-mid-property.vcf")  # the last line is a lone "E"
    [card] = parsed.cards
    assert card.contact.display_name == "Ulla Brandt"
    assert [p.value for p in card.contact.phones] == ["555 0123"]
    assert [(p.line, "no END:VCARD" in p.message) for p in parsed.problems] == [(6, False), (1, True)]


def test_a_lone_greek_name_without_charset_is_read_as_greek() -> None:
    # "Νίκος" in Windows-1253 reads "НЯкпт" in Windows-1251: two capitals, then small letters
    c = only("greek-one-name-cp1253.vcf")
    assert (c.display_name, c.given_name) == ("Νίκος", "Νίκος")
    assert implausibility([("НЯкпт", 1)]) > implausibility([("Νίκος", 1)])
