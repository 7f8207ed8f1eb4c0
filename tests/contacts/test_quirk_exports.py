"""Whole cards as each exporter writes them (iPhone, Gmail, Outlook, RFC 6350, Nextcloud, Apple),
over hand-written fixtures in tests/contacts/fixtures/quirks; the quirks of the corpus tests in
test_vcard_expected.py, mapped in test_quirk_fixtures.COVERED_BY."""

from __future__ import annotations

import copy
from pathlib import Path

from studio.contacts.identity import identity_keys, names_compatible
from studio.contacts.merge import merge_contacts
from studio.contacts.reader import VCardFile, read_vcard_file
from studio.model import Address, Contact, PartialDate

QUIRKS = Path(__file__).resolve().parent / "fixtures" / "quirks"


def read(name: str) -> VCardFile:
    parsed = read_vcard_file(QUIRKS / name)
    assert not parsed.problems, [str(p) for p in parsed.problems]
    return parsed


def only(name: str) -> Contact:
    parsed = read(name)
    assert len(parsed.cards) == 1
    return parsed.cards[0].contact


def names(contact: Contact) -> tuple[str, str, str, str, str]:
    return (contact.family_name, contact.given_name, contact.additional_names, contact.prefix, contact.suffix)


def place(address: Address) -> tuple[str, str, str, str, str]:
    return (address.street, address.city, address.region, address.postal_code, address.country)


def test_iphone_with_cr_cr_lf_line_ends() -> None:
    # every line, the photo's folds too, ends in CR CR LF; no empty properties, no second card
    c = only("iphone-cr-cr-lf.vcf")
    assert c.display_name == "Ms. Hanna Maria Elise Lind Jr."
    assert names(c) == ("Lind", "Hanna", "Maria Elise", "Ms.", "Jr.")  # a 3.0 list of two names
    assert c.organization == "Lind Floral"  # ORG's empty trailing unit is dropped
    assert c.birthday == PartialDate(7, 19, 1985)  # BDAY;value=date:
    home, work = c.addresses
    assert place(home) == ("Birch Lane 7,", "Springfield", "Oregon", "97477", "United States of America")
    assert home.label == "home" and home.preferred  # type=HOME;type=pref
    assert place(work) == ("Suite 4\nFlower Hall\nFloor 2", "Springfield", "", "97478", "USA")
    assert work.label == "work"
    assert [(p.value, p.label, p.preferred) for p in c.phones] == [
        ("555-0143", "cell", True), ("555-0144", "home", False), ("555-0142", "AssistantPhone", False)]
    assert [(e.value, e.preferred) for e in c.emails] == [("hanna.lind@example.org", True)]
    assert c.photo is not None and c.photo.startswith(b"\xff\xd8") and c.photo.endswith(b"\xff\xd9")
    assert c.photo_type == "image/jpeg"


def test_gmail_address_in_the_extended_component() -> None:
    c = only("gmail-extended-address.vcf")
    assert c.display_name == "Ms. Hanna Maria, Elise Lind Jr."
    assert names(c) == ("Lind", "Hanna", "Maria, Elise", "Ms.", "Jr.")  # "\," : one name holding a comma
    assert c.birthday == PartialDate(7, 20, 1985)
    assert c.anniversary == PartialDate(5, 8, 2010)  # item1.X-ABDATE + _$!<Anniversary>!$_
    assert c.spouse == "Tomas"  # item2.X-ABRELATEDNAMES + _$!<Spouse>!$_
    assert [place(a) for a in c.addresses] == [(
        "Meadow Road 12\n2nd floor\nSpringfield, OR 97477\nUnited States of America", "", "", "", "")]
    assert c.addresses[0].label == "home"
    assert c.notes == 'Prefers tulips "not roses": always.'  # \" and \: unescaped


def test_iphone_and_gmail_exports_of_one_person_merge_without_loss() -> None:
    iphone, gmail = only("iphone-cr-cr-lf.vcf"), only("gmail-extended-address.vcf")
    iphone.id = 7
    assert ("email", "hanna.lind@example.org") in identity_keys(iphone) & identity_keys(gmail)
    assert names_compatible(iphone, gmail)
    before = copy.deepcopy(iphone), copy.deepcopy(gmail)

    merged = merge_contacts(iphone, gmail)

    assert (iphone, gmail) == before  # the inputs are untouched
    assert merged.id == 7
    assert merged.display_name == "Ms. Hanna Maria Elise Lind Jr."  # what the user had is kept
    assert merged.birthday == PartialDate(7, 19, 1985)  # not replaced by Gmail's 20 July
    assert merged.photo == iphone.photo
    assert merged.spouse == "Tomas" and merged.anniversary == PartialDate(5, 8, 2010)  # details added
    assert merged.notes == gmail.notes  # the iPhone card had no note
    assert [e.value for e in merged.emails] == ["hanna.lind@example.org"]  # one e-mail, not two
    assert [p.value for p in merged.phones] == [p.value for p in iphone.phones]  # Gmail's one is known
    streets = [a.street.split("\n")[0] for a in merged.addresses]
    assert streets == ["Birch Lane 7,", "Suite 4", "Meadow Road 12"]
    assert merge_contacts(merged, gmail) == merged  # importing Gmail's file again changes nothing


def test_ms_outlook_long_note_labels_and_photo_after_an_empty_line() -> None:
    c = only("outlook-long-note.vcf")
    assert c.display_name == "Dr. Chidi Emeka Obi Okafor III"
    assert names(c) == ("Okafor", "Chidi", "Emeka,Obi", "Dr.", "III")  # 2.1: the comma is text
    assert c.birthday == PartialDate(4, 1, 1970)
    assert c.anniversary == PartialDate(6, 20, 2015)  # X-MS-ANNIVERSARY
    work, home = c.addresses  # the QP LABELs repeat the ADRs: no third address
    assert place(work) == ("12 Harbour Street", "Lagos Bay", "Coastal", "55012", "Nigeria")
    assert work.preferred and work.label == "work"
    assert place(home) == ("3 Palm Row,", "Lagos Bay", "Coastal", "55013", "Nigeria")
    line = next(raw for raw in (QUIRKS / "outlook-long-note.vcf").read_text().splitlines()
                if raw.startswith("NOTE:"))
    assert len(line) > 600 and c.notes == line.removeprefix("NOTE:")  # one unfolded line, whole
    assert [(e.value, e.preferred) for e in c.emails] == [("chidi@example.ng", True)]
    assert c.photo is not None and c.photo.endswith(b"\xff\xd9") and c.photo_type == "image/jpeg"


def test_rfc6350_example_card() -> None:
    c = only("rfc6350-v4.vcf")
    assert c.display_name == "Marie Tremblay"
    assert names(c) == ("Tremblay", "Marie", "", "", "Ph.D. chem, M.Eng.")  # two suffixes
    assert c.birthday == PartialDate(11, 4) and c.birthday.year is None  # --1104: no year invented
    assert c.anniversary == PartialDate(9, 15, 2012)  # 20120915T1600-0400
    assert [place(a) for a in c.addresses] == [  # folded after "des Sciences;"
        ("1045 avenue des Sciences\nRoom B-210", "Quebec", "QC", "G1V 0A6", "Canada")]
    assert c.organization == "Laval Research"
    first = c.phones[0]
    assert (first.value, first.label, first.preferred) == ("+1-418-555-0175 ext. 210", "work", True)
    assert [e.value for e in c.emails] == ["marie.tremblay@example.ca"]


def test_nextcloud_cards_without_n_and_with_empty_values() -> None:
    parsed = read("nextcloud-without-n.vcf")
    people = [card.contact for card in parsed.cards]
    assert [p.display_name for p in people] == ["Ines Albrecht", "Rolando Vega", "Mei Okada", "Tobias Renner"]
    assert all(p.addresses == [] for p in people)  # ADR;TYPE=HOME:;;;;;; is no address
    assert {p.display_name: [t.value for t in p.phones] for p in people if p.phones} == {
        "Ines Albrecht": ["+1 555-0181"], "Tobias Renner": ["+1 555-0184"]}  # empty TELs are no phones
    assert people[1].nickname == "Rolo"
    assert people[2].organization == "Quiet Lab"
    assert all(p.birthday is None for p in people)


def test_card_lines_point_at_begin() -> None:
    parsed = read("nextcloud-without-n.vcf")
    lines = (QUIRKS / "nextcloud-without-n.vcf").read_text().splitlines()
    assert [card.line for card in parsed.cards] == [1, 10, 20, 30]
    assert all(lines[card.line - 1] == "BEGIN:VCARD" for card in parsed.cards)


def test_apple_all_custom_fields() -> None:
    c = only("apple-custom-fields.vcf")
    assert c.display_name == "Dr. Petra Ann Stone"
    assert names(c) == ("Stone", "Petra", "Ann", "Dr.", "")
    assert c.birthday == PartialDate(11, 2, 1979)
    assert c.anniversary == PartialDate(6, 12, 2004)  # X-ABDATE labelled _$!<Anniversary>!$_
    assert c.spouse == ""  # Friend and Assistant are related names, but neither is a spouse
    assert [place(a) for a in c.addresses] == [("22 Quarry Rd.", "Hill Valley", "CA", "95420", "USA")]
    assert c.addresses[0].label == "work"
    assert c.organization == "Stone Garden Supply, Retail group"  # ORG units joined with ", "
    assert c.notes == " Plants every spring"  # the value's leading space is kept


def test_spouse_from_every_export() -> None:
    spouses = {card.contact.display_name: card.contact.spouse for card in read("spouse-forms.vcf").cards}
    assert spouses == {
        "Mac Person": "Jenny Mac",  # X-ABRELATEDNAMES labelled plain "Spouse"
        "Gmail Person": "Jenny Gmail",  # labelled _$!<Spouse>!$_
        "Evolution Person": "Jenny Evolution",  # X-EVOLUTION-SPOUSE
        "Thunderbird Person": "Jenny Thunderbird",  # X-SPOUSE
        "Vcard4 Person": "Jenny Four",  # RELATED;TYPE=spouse;VALUE=text
        "Android Person": "Jenny Android",  # X-ANDROID-CUSTOM relation type 14
        "Friend Only": "",  # a friend is no spouse
    }


def test_android_21_quoted_printable() -> None:
    parsed = read_vcard_file(QUIRKS / "android-21-qp.vcf")
    assert len(parsed.cards) == 3 and parsed.skipped == 0
    nils, nora, jose = (card.contact for card in parsed.cards)
    # no N, no FN, only an e-mail: kept as people, named by the address, not merged with anyone
    assert (nils.display_name, nils.name, [e.value for e in nils.emails]) == (
        "", "nils.only@example.com", ["nils.only@example.com"])
    assert (nora.display_name, nora.name) == ("", "nora.only@example.com")
    assert jose.display_name == "José Ñuñez ÑÑ Ñ"  # "=C3=" soft break "=91": one Ñ across the break
    assert (jose.family_name, jose.given_name) == ("Ñuñez Ñ", "José")
    assert [(p.value, p.label) for p in jose.phones] == [("5550177", "cell")]
    # the photo (bare JPEG type) is a JPEG header and junk: left out, said with its line
    assert jose.photo is None
    assert [(p.line, p.message) for p in parsed.problems] == [
        (16, "the photo is damaged or not really an image; the photo was left out (José Ñuñez ÑÑ Ñ)")]
    assert jose.organization == "Peña Verde"  # the first ORG; the second ends in a lone 0x80 byte
    assert "\ufffd" not in repr(jose)
