"""vCard 3.0 export: what iPhone and Google read, and export → import gives the same contacts."""

from __future__ import annotations

import dataclasses
import io

import pytest
import vobject
from PIL import Image

from studio.contacts.export import contact_to_vcard, write_vcards
from studio.contacts.reader import NotAVCardError, read_vcard_bytes, read_vcard_file
from studio.model import Address, Contact, Email, LabelledDate, PartialDate, Phone
from tests.conftest import CORPUS

FILES = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.vcf")) if CORPUS.is_dir() else []



def _png(width: int, height: int) -> bytes:
    """A real PNG (the import decodes every photo): a gradient, so it does not compress away."""
    image = Image.new("RGB", (width, height))
    image.putdata([(x * 7 % 256, y * 13 % 256, (x * y) % 256) for y in range(height) for x in range(width)])
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


PHOTO = _png(2, 2)


def customer() -> Contact:
    return Contact(
        uid="cs-1", display_name="Dr. Anaïs Lefèvre-Núñez", given_name="Anaïs", family_name="Lefèvre-Núñez",
        additional_names="Marie Claire", prefix="Dr.", suffix="PhD, MBA", nickname="Ana",
        organization="Lefèvre & Fils, Ventes", title="Directrice; ventes",
        emails=[Email("anais@example.fr", "work", True), Email("ana@example.org", "")],
        phones=[Phone("+33 6 12 34 56 78", "cell", True), Phone("+33 1 23 45 67 89", "AssistantPhone")],
        addresses=[Address("12 rue de la Paix\nBâtiment B", "Paris", "", "75002", "France", "home", True),
                   Address("1 Place Bellecour", "Lyon", "", "69002", "France", "Boutique")],
        birthday=PartialDate(2, 29), anniversary=PartialDate(6, 14, 2003),
        customer_since=PartialDate(9, 1, 2019),
        dates=[LabelledDate("First order", PartialDate(9, 3, 2019)),
               LabelledDate("Other", PartialDate(1, 2))],
        spouse="Jean",
        notes="Allergic to lilies.\nPrefers, semicolons; and \\backslashes\\ — and 日本語 " * 3,
        tags=["VIP", "Newsletter, monthly"], photo=PHOTO, photo_type="image/png")


def reimport(contacts: list[Contact]) -> list[Contact]:
    out = io.StringIO()
    assert write_vcards(contacts, out) == len(contacts)
    parsed = read_vcard_bytes(out.getvalue().encode("utf-8"), "export.vcf")
    assert not parsed.problems, [str(p) for p in parsed.problems]
    return [card.contact for card in parsed.cards]


def test_a_full_customer_survives_export_and_import() -> None:
    original = customer()
    assert reimport([original]) == [original]


def test_output_is_folded_crlf_vcard_30() -> None:
    text = contact_to_vcard(customer())
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n") and text.endswith("END:VCARD\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75, line
        line.encode("utf-8").decode("utf-8")  # no line ends inside a UTF-8 sequence
    assert any(line.startswith(" ") for line in text.split("\r\n"))  # the photo and the note fold


def test_apple_and_google_forms_are_used() -> None:
    unfolded = contact_to_vcard(customer()).replace("\r\n ", "")
    lines = unfolded.split("\r\n")
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29" in lines  # year unknown, 29 February kept
    assert "N:Lefèvre-Núñez;Anaïs;Marie Claire;Dr.;PhD\\, MBA" in lines
    assert "ORG:Lefèvre & Fils\\, Ventes" in lines and "TITLE:Directrice\\; ventes" in lines
    # vobject writes a parameter's values as one list, property names in capitals (RFC 2426 2.1)
    assert "EMAIL;TYPE=INTERNET,WORK,pref:anais@example.fr" in lines
    assert "TEL;TYPE=CELL,pref:+33 6 12 34 56 78" in lines
    assert "CATEGORIES:VIP,Newsletter\\, monthly" in lines
    assert any(line.startswith("PHOTO;ENCODING=b;TYPE=PNG:iVBORw0KGgo") for line in lines)

    def grouped(label: str) -> str:
        group = next(line.split(".")[0] for line in lines if line.endswith(f"X-ABLABEL:{label}"))
        return next(line for line in lines if line.startswith(f"{group}.") and "X-ABLABEL" not in line)

    assert grouped("_$!<Anniversary>!$_") == "item3.X-ABDATE:2003-06-14"
    assert grouped("Customer since").endswith("X-ABDATE:2019-09-01")
    assert grouped("_$!<Other>!$_").endswith("X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-01-02")
    assert grouped("_$!<Spouse>!$_").endswith("X-ABRELATEDNAMES:Jean")
    assert grouped("AssistantPhone").endswith("TEL:+33 1 23 45 67 89")
    assert grouped("Boutique").startswith("item2.ADR:;;1 Place Bellecour;Lyon;;69002;France")


def test_vobject_reads_the_export_as_valid_vcard_30() -> None:
    card = vobject.readOne(contact_to_vcard(customer()))
    assert card.fn.value == "Dr. Anaïs Lefèvre-Núñez"
    assert card.n.value.family == "Lefèvre-Núñez" and card.n.value.given == "Anaïs"
    assert [e.value for e in card.contents["email"]] == ["anais@example.fr", "ana@example.org"]
    assert card.org.value == ["Lefèvre & Fils, Ventes"]
    assert card.note.value == customer().notes
    assert card.photo.value == PHOTO


def test_fn_is_written_even_when_only_parts_are_known() -> None:
    parts_only = Contact(given_name="Seán", family_name="Murphy")
    assert "FN:Seán Murphy\r\n" in contact_to_vcard(parts_only)
    company = Contact(organization="Okafor Ltd")
    text = contact_to_vcard(company)
    assert "FN:Okafor Ltd\r\n" in text and "X-ABSHOWAS:COMPANY\r\n" in text


def test_write_vcards_writes_every_contact() -> None:
    out = io.StringIO()
    assert write_vcards([customer(), Contact(emails=[Email("only@example.com")])], out) == 2
    assert out.getvalue().count("BEGIN:VCARD") == 2


def normalised(original: Contact, back: Contact) -> Contact:
    """FN is required in vCard 3.0, so a contact read without FN comes back with the name shown."""
    if not original.display_name and back.display_name == original.name:
        return dataclasses.replace(original, display_name=back.display_name)
    return original


@pytest.mark.parametrize("name", FILES)
def test_round_trip_over_the_corpus(name: str) -> None:
    try:
        contacts = [card.contact for card in read_vcard_file(CORPUS / name).cards]
    except NotAVCardError:
        return
    if not contacts:
        return
    back = reimport(contacts)
    assert len(back) == len(contacts)
    for original, again in zip(contacts, back, strict=True):
        assert again == normalised(original, again)


def test_carriage_returns_in_values_cannot_break_lines() -> None:
    text = contact_to_vcard(Contact(display_name="x", notes="one\r\ntwo\rthree"))
    assert "NOTE:one\\ntwo\\nthree\r\n" in text
    assert reimport([Contact(display_name="x", notes="one\ntwo")])[0].notes == "one\ntwo"


def test_lines_vobject_leaves_long_are_folded_at_75_octets() -> None:
    # under 75 characters but over 75 octets, and the photo (vobject never folds PHOTO)
    photo = _png(24, 24)
    contact = Contact(display_name="山田太郎" * 12, notes="é" * 70, photo=photo, photo_type="image/png")
    text = contact_to_vcard(contact)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n")), text
    assert reimport([contact]) == [contact]
