"""Every value EXPECTED.md (shared/corpus/vcards) says a correct importer must read.

Sections are numbered as in EXPECTED.md. Names use the N order family / given /
additional / prefix / suffix; addresses keep the lines of street, extended address and
PO box in Address.street (street first).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.contacts.reader import NotAVCardError, VCardFile, read_vcard_file
from studio.model import Address, Contact, PartialDate


def read(corpus: Path, name: str) -> VCardFile:
    return read_vcard_file(corpus / name)


def only(corpus: Path, name: str) -> Contact:
    parsed = read(corpus, name)
    assert len(parsed.cards) == 1, [str(p) for p in parsed.problems]
    return parsed.cards[0].contact


def names(contact: Contact) -> tuple[str, str, str, str, str]:
    return (contact.family_name, contact.given_name, contact.additional_names, contact.prefix, contact.suffix)


def place(address: Address) -> tuple[str, str, str, str, str]:
    return (address.street, address.city, address.region, address.postal_code, address.country)


def test_1_iphone_ios5(corpus: Path) -> None:
    parsed = read(corpus, "ez-vcard/John_Doe_IPHONE.vcf")
    assert len(parsed.cards) == 1 and not parsed.problems
    c = parsed.cards[0].contact
    assert c.display_name == "Mr. John Richter James Doe Sr."
    assert names(c) == ("Doe", "John", "Richter James", "Mr.", "Sr.")  # a 3.0 list of two names
    assert c.birthday == PartialDate(6, 6, 2012)
    home, work = c.addresses
    assert place(home) == ("Silicon Alley 5,", "New York", "New York", "12345", "United States of America")
    assert home.label == "home" and home.preferred
    assert place(work) == ("Street4\nBuilding 6\nFloor 8", "New York", "", "12345", "USA")
    assert work.label == "work"
    assert len(c.phones) == 7
    assert [(p.value, p.label) for p in c.phones if p.label == "AssistantPhone"] == [
        ("905-222-1234", "AssistantPhone")]
    assert [(e.value, e.preferred) for e in c.emails] == [("john.doe@ibm.com", True)]
    assert c.photo is not None and c.photo.startswith(b"\xff\xd8") and c.photo_type == "image/jpeg"


def test_2_ios_613_multiline(corpus: Path) -> None:
    c = only(corpus, "aosp-vcard/v30_ios_613_multiline.vcf")
    assert c.display_name == "Bob Smith"
    assert names(c) == ("Smith", "Bob", "", "", "")
    assert c.organization == "Smith Auto Repair"
    assert [e.value for e in c.emails] == ["bob@smithauto.com"]
    assert [(p.value, p.label, p.preferred) for p in c.phones] == [("(650) 555-1212", "cell", True)]
    assert c.birthday is None
    assert c.photo_type == "image/jpeg"


def test_3_android_21_quoted_printable(corpus: Path) -> None:
    parsed = read(corpus, "ez-vcard/John_Doe_ANDROID.vcf")
    assert len(parsed.cards) == 6 and parsed.skipped == 0
    first, second, third, fourth, fifth, sixth = (card.contact for card in parsed.cards)
    # cards 1 and 2: no N, no FN, only an e-mail; kept as people, not merged with anyone here
    assert [e.value for e in first.emails] == ["john.doe@company.com"]
    assert first.name == "john.doe@company.com"
    assert [e.value for e in second.emails] == ["jane.doe@company.com"]
    assert first.display_name == second.display_name == first.family_name == ""
    assert third.display_name == "Ñ Ñ Ñ Ñ Ñ "  # five Ñ, each followed by a space
    assert third.family_name == "Ñ Ñ Ñ Ñ "
    assert [p.value for p in third.phones] == ["123456789"]
    assert fourth.display_name == " ".join(["Ñ"] * 11)  # a soft break joined "=C3=91=" / "=20=C3=91"
    assert len(fourth.phones) == 4 and fourth.notes.count("\n") == 1  # two QP NOTEs
    assert fifth.display_name == "Ñ Ñ Ñ Ñ "
    assert (fifth.family_name, fifth.given_name) == ("Ñ Ñ ", "Ñ Ñ Ñ ")
    assert [e.value for e in fifth.emails] == ["bob@company.com", "Ñ" * 14]
    # Its photo (type given as a bare JPEG) was shortened by hand upstream: a JPEG header and
    # 860 bytes that no decoder reads. It is left out, said with its line; the card is kept.
    assert fifth.photo is None
    assert [(p.line, p.message) for p in parsed.problems if "photo" in p.message] == [
        (52, "the photo is damaged or not really an image; the photo was left out (Ñ Ñ Ñ Ñ)")]
    assert sixth.display_name == "ÑÑÑÑ"
    assert [e.value for e in sixth.emails] == ["henry@company.com"]
    assert [p.value for p in sixth.phones] == ["55556666"]
    # the second ORG ends in a lone 0x80 byte; the first ORG is kept, the card imported
    assert sixth.organization == "Ñ" * 44


def test_3_invalid_utf8_byte_is_kept_as_a_letter_never_replacement_character() -> None:
    from studio.contacts.reader import read_vcard_bytes

    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91=80;;;;\r\n"
            b"END:VCARD\r\n")
    # The stray byte is read as Windows-1252 (never U+FFFD: issue 11); the Ñ before it is kept.
    assert read_vcard_bytes(data, "x.vcf").cards[0].contact.family_name == "Ñ€"


def test_4_android_anniversary_event(corpus: Path) -> None:
    c = only(corpus, "aosp-vcard/v21_x_android_custom_after_photo.vcf")
    assert names(c)[:3] == ("Ando", "Roid", "")
    assert c.birthday == PartialDate(8, 20, 1975)
    assert c.anniversary == PartialDate(7, 10, 1999)


def test_5_japanese_shift_jis(corpus: Path) -> None:
    c = only(corpus, "aosp-vcard/v21_japanese_2.vcf")
    assert c.display_name == "安藤 ロイド 1"
    assert (c.family_name, c.given_name) == ("安藤", "ロイド1")
    assert len(c.addresses) == 1
    home = c.addresses[0]
    assert place(home) == ("東京都渋谷区桜丘町26-1セルリアンタワー6階", "", "", "150-8512", "")
    assert home.label == "home"
    assert c.notes == "メモ"


def test_6_nokia_qp_with_bare_soft_break_lines(corpus: Path) -> None:
    c = only(corpus, "evolution-data-server/12.vcf")
    assert (c.family_name, c.given_name) == ("Brüning", "Michael")
    assert c.display_name == "Michael Brüning"
    assert [place(a) for a in c.addresses] == [("Münsterplatz 21", "Ulm", "Baden-Württemberg", "89073", "")]
    assert c.addresses[0].label == "home"
    assert c.birthday == PartialDate(12, 29, 1978)
    assert [p.value for p in c.phones] == ["+491622433834", "017623384942", "+4973117546691"]


def test_7_soft_breaks_inside_words(corpus: Path) -> None:
    parsed = read(corpus, "text-vcard-perl/encoding2.vcf")
    first, second = (card.contact for card in parsed.cards)
    assert first.display_name == "Bartholomäus von Stürmer"
    assert (first.family_name, first.given_name) == ("von Stürmer", "Bartholomäus")
    assert [p.value for p in first.phones] == ["+08154711"]
    assert second.display_name == "Carl Gauß"
    assert (second.family_name, second.given_name) == ("Gauß", "Carl")
    assert [p.value for p in second.phones] == ["+471112345"]


def test_8_outlook_windows_1252(corpus: Path) -> None:
    c = only(corpus, "folkerkinzel-vcards/LabelIssue.vcf")
    assert c.display_name == "Rudi Wimmel"
    assert names(c)[:2] == ("Wimmel", "Rudi")
    assert (c.organization, c.title) == ("Wurstdarm KG", "Compliance Officer")
    work, home, postal = c.addresses
    assert place(work) == ("Business-Straße 19", "Schaffhausen", "", "76543", "Deutschland")
    assert work.label == "work" and work.preferred
    assert place(home) == ("Freizeitweg 4", "Freizeithausen", "", "12345", "Deutschland")
    assert place(postal) == ("Sonstgasse 44", "Anderstadt", "", "37465", "Deutschland")
    assert postal.label == "postal"
    assert [e.value for e in c.emails] == ["Wimmel@wurstdarm.de"]
    assert c.birthday is None


def test_9_ukrainian_in_windows_1251_without_charset(corpus: Path) -> None:
    c = only(corpus, "folkerkinzel-vcards/MultiAnsiFilterTests/Ukrainian.vcf")
    assert c.display_name == "Віталій Володимирович Кличко"
    assert names(c)[:3] == ("Кличко", "Віталій", "Володимирович")
    assert [a.city for a in c.addresses] == ["Київ"]
    assert c.birthday is None


def test_9_ukrainian_in_utf8_with_bom_keeps_combining_accents(corpus: Path) -> None:
    c = only(corpus, "folkerkinzel-vcards/Utf-8/Ukrainian.vcf")
    assert c.display_name == "Віталій Володи\u0301мирович Кличко\u0301"
    assert names(c)[:3] == ("Кличко\u0301", "Віталій", "Володи\u0301мирович")
    assert [a.city for a in c.addresses] == ["Київ"]
    assert c.birthday is None


@pytest.mark.parametrize("folder", ["MultiAnsiFilterTests", "Utf-8"])
def test_9_greek_and_hebrew(corpus: Path, folder: str) -> None:
    greek = only(corpus, f"folkerkinzel-vcards/{folder}/Greek.vcf")
    assert greek.display_name == "Βαγγέλης"
    assert names(greek)[:3] == ("Παπαθανασίου", "Ευάγγελος", "Οδυσσέας")
    hebrew = only(corpus, f"folkerkinzel-vcards/{folder}/Hebrew.vcf")
    assert hebrew.display_name == "אפרים קישון"
    assert names(hebrew)[:2] == ("Kishon", "Ephraim")


def test_9_windows_1252_without_charset(corpus: Path) -> None:
    german = only(corpus, "folkerkinzel-vcards/MultiAnsiFilterTests/German.vcf")
    assert german.display_name == "Sören Täve Nüßlebaum"
    assert [a.city for a in german.addresses] == ["Mößlitz"]
    ansi = read(corpus, "folkerkinzel-vcards/AnsiIssue.vcf").cards[0].contact
    assert ansi.addresses[0].street == "Lämmerweg 12"


def test_10_fold_inside_a_utf8_sequence(corpus: Path) -> None:
    c = only(corpus, "kde-kcontacts/vcard9.vcf")
    assert c.display_name == "βγδεαβγδ1" * 11 and len(c.display_name) == 99
    assert c.family_name == "123ㄓㄕㄖbcdeαβγδαβγδαβγδαβγδαβγδαβγδαβㄤㄓㄕㄖ"
    assert names(c)[1:] == ("", "", "", "")
    assert c.notes == ("Длинный комментарий на русском языке, чтобы в результате получилась строка "
                       "более 70 символов.")


def test_11_apple_all_custom_fields(corpus: Path) -> None:
    c = only(corpus, "apple-ccs-caldavtester/vcardput/10.vcf")
    assert c.display_name == "All Custom Fields Here"
    assert names(c) == ("Here", "Custom", "Fields", "All", "")
    assert c.birthday == PartialDate(3, 18, 1999)
    assert c.anniversary == PartialDate(5, 21, 1995)
    # Friend and Assistant are related names, but neither is a spouse or partner
    assert c.spouse == ""
    assert [place(a) for a in c.addresses] == [("1 Goroku St.", "Mountain Top", "CA", "99999", "USA")]
    assert c.addresses[0].label == "work"
    assert c.organization == "Major League Co., Macosx server group"  # ORG units joined with ", "
    assert c.notes == " Many customer fields are added"


def test_12_gmail(corpus: Path) -> None:
    c = only(corpus, "ez-vcard/John_Doe_GMAIL.vcf")
    assert c.display_name == "Mr. John Richter, James Doe Sr."
    assert names(c) == ("Doe", "John", "Richter, James", "Mr.", "Sr.")  # one name holding a comma
    assert c.birthday == PartialDate(3, 22, 1980)
    assert c.anniversary == PartialDate(3, 1, 1975)
    assert c.spouse == "Jenny"
    assert [place(a) for a in c.addresses] == [(
        "Crescent moon drive\n555-asd\nNice Area, Albaney, New York 12345\nUnited States of America",
        "", "", "", "")]
    assert c.addresses[0].label == "home"


def test_13_rfc6350_example(corpus: Path) -> None:
    c = only(corpus, "ez-vcard/rfc6350-example.vcf")
    assert c.display_name == "Simon Perreault"
    assert names(c) == ("Perreault", "Simon", "", "", "ing. jr, M.Sc.")  # two suffixes
    assert c.birthday == PartialDate(2, 3) and c.birthday.year is None
    assert c.anniversary == PartialDate(8, 8, 2009)
    assert [place(a) for a in c.addresses] == [
        ("2875 Laurier\nSuite D2-630", "Quebec", "QC", "G1V 2M2", "Canada")]
    first = c.phones[0]
    assert (first.value, first.label, first.preferred) == ("+1-418-656-9254 ext. 102", "work", True)


def test_14_ms_outlook(corpus: Path) -> None:
    c = only(corpus, "ez-vcard/John_Doe_MS_OUTLOOK.vcf")
    assert c.display_name == "Mr. John Richter James Doe Sr."
    assert names(c) == ("Doe", "John", "Richter,James", "Mr.", "Sr.")  # 2.1: the comma is text
    assert c.birthday == PartialDate(3, 22, 1980)
    assert c.anniversary == PartialDate(1, 13, 2011)
    work, home = c.addresses
    assert place(work) == ("Cresent moon drive", "Albaney", "New York", "12345", "United States of America")
    assert work.preferred and work.label == "work"
    assert place(home) == ("Silicon Alley 5,", "New York", "New York", "12345", "United States of America")
    assert len(c.notes) == 731 and "\n" not in c.notes  # one unfolded 736-character line
    assert [e.value for e in c.emails] == ["john.doe@ibm.cm"]
    # "PHOTO;TYPE=JPEG;ENCODING=BASE64:" ends its line empty; the data follows on folded lines
    assert c.photo is not None and c.photo.endswith(b"\xff\xd9") and c.photo_type == "image/jpeg"


@pytest.mark.parametrize("name", ["BirthdayCalendarGeneratorTest-XAppleOmitYear.vcf",
                                  "BirthdayCalendarGeneratorTest-WithoutYear.vcf"])
def test_15_birthday_without_year(corpus: Path, name: str) -> None:
    c = only(corpus, f"sabre-vobject-extracted/{name}")
    assert c.display_name == "Forrest Gump"
    assert names(c)[:4] == ("Gump", "Forrest", "", "Mr.")
    assert c.birthday == PartialDate(4, 7, None)
    assert c.birthday.iso() == "--04-07"


def test_16_nextcloud_without_n(corpus: Path) -> None:
    parsed = read(corpus, "nextcloud/contact-multiple.vcf")
    people = [card.contact for card in parsed.cards]
    assert [p.display_name for p in people] == [
        "Jane Smith", "Christie Sheila Woods", "Reginald Richards", "Virginia Brennan", "Derrick Anders",
        "Julia Cara Burke", "Terrence Alex Field"]
    assert all(p.addresses == [] for p in people)  # ADR;TYPE=HOME:;;;;;; is no address
    assert {p.display_name: [t.value for t in p.phones] for p in people if p.phones} == {
        "Jane Smith": ["+1 315-739-0311"], "Derrick Anders": ["+1 505-580-1714"]}
    assert people[2].nickname == "Regi"
    assert people[5].organization == "Mysterious Institute"
    assert all(p.birthday is None for p in people)
    assert not parsed.problems


def test_17_thunderbird_cr_cr_lf(corpus: Path) -> None:
    parsed = read(corpus, "thunderbird/dos_vcard_addressbook.vcf")
    assert len(parsed.cards) == 1 and not parsed.problems
    c = parsed.cards[0].contact
    assert c.display_name == "Name Surname"
    assert names(c)[:2] == ("Surname", "Name")
    assert [(e.value, e.label) for e in c.emails] == [("example@gmail.com", "home")]


def test_18_utf16_le_with_bom(corpus: Path) -> None:
    parsed = read(corpus, "folkerkinzel-vcards/MultiAnsiFilterTests/v3Utf16Bom.vcf")
    first, second = (card.contact for card in parsed.cards)
    assert first.display_name == "Folker Kinzel"
    assert names(first)[:2] == ("Kinzel", "Folker")
    assert first.birthday == PartialDate(3, 11, 1978)
    assert [place(a) for a in first.addresses] == [("Berliner Str. 85", "Halle", "", "06789", "DE")]
    assert second.display_name == "KMS Außenstelle"
    assert names(second)[:2] == ("KMS", "WSF")
    # the file's " blablö@blub.com": the leading space is not part of an address, so it is trimmed
    assert [e.value for e in second.emails] == ["blablö@blub.com"]


def test_19_cardbook_v4_with_invalid_birthday(corpus: Path) -> None:
    parsed = read(corpus, "folkerkinzel-vcards/v4.vcf")
    first, second = (card.contact for card in parsed.cards)
    assert first.display_name == "Möhrke Gerda"
    assert names(first)[:2] == ("Möhrke", "Gerda")
    assert first.organization == "KiTa Öhrdingen"
    assert second.display_name == "Dr. Max Horst Mustermann jr. Maxl SED"
    assert names(second) == ("Mustermann", "Max", "Horst", "Dr.", "jr.")
    assert second.birthday is None  # BDAY:19723101 has no month 31
    assert [str(p) for p in parsed.problems] == [
        f"{corpus / 'folkerkinzel-vcards/v4.vcf'}:22: the birthday '19723101' is not a valid date; "
        "it was left out (Dr. Max Horst Mustermann jr. Maxl SED)"]
    home = second.addresses[0]
    assert place(home) == ("Alte Str. 32", "Entenhausen", "Sachsen-Anhalt", "06789", "Deutschland")
    assert home.label == "home"
    assert second.anniversary == PartialDate(7, 7, 2019)  # X-ABDATE labelled "Hochzeitstag" (wedding day)


# --- the deliberately broken files -------------------------------------------------------

@pytest.mark.parametrize("name", ["evolution-data-server/7.vcf", "apple-ccs-caldavtester/vcarderrors/4.vcf",
                                  "folkerkinzel-vcards/Empty.vcf"])
def test_files_that_are_no_vcard_are_rejected_with_one_sentence(corpus: Path, name: str) -> None:
    with pytest.raises(NotAVCardError) as raised:
        read(corpus, name)
    message = str(raised.value)
    assert message.startswith(str(corpus / name)) and message.endswith(".") and "\n" not in message


@pytest.mark.parametrize(("name", "who"), [("evolution-data-server/8.vcf", "Frank Dawson"),
                                           ("khard/unparsable.vcf", "second contact with minimal Vcard"),
                                           ("evolution-data-server/9.vcf", "Frank Dawson")])
def test_cut_short_files_keep_their_card_and_say_so(corpus: Path, name: str, who: str) -> None:
    parsed = read(corpus, name)
    assert [card.contact.display_name for card in parsed.cards] == [who]
    assert any("no END:VCARD" in p.message and p.line == 1 for p in parsed.problems)


def test_nested_vcards(corpus: Path) -> None:
    parsed = read(corpus, "aosp-vcard/v21_nest.vcf")
    assert [card.contact.family_name for card in parsed.cards] == ["nest1", "nest2", "parent"]
    assert [p.value for p in parsed.cards[2].contact.phones] == ["1"]


def test_comment_lines_are_dropped_but_a_soft_break_continuation_is_kept(corpus: Path) -> None:
    c = only(corpus, "aosp-vcard/v21_invalid_comment_line.vcf")
    assert c.display_name == "Conference Call"
    assert c.notes == "This is an (sharp ->#<- sharp) example. This message must NOT be ignored."


def test_apple_server_rejects_are_flagged_or_read_without_crashing(corpus: Path) -> None:
    mixed_eol = only(corpus, "apple-ccs-caldavtester/vcarderrors/6.vcf")
    assert mixed_eol.addresses[0].city == "Mountain Top, CA 99999"
    bel = only(corpus, "apple-ccs-caldavtester/vcarderrors/8.vcf")
    assert "\x07" not in bel.notes and bel.notes.startswith("Illegal control here")


def test_unknown_component_after_the_card_is_ignored(corpus: Path) -> None:
    parsed = read(corpus, "text-vcard-perl/mix_type.vcf")
    assert [card.contact.display_name for card in parsed.cards] == ["T-firstname T-surname"]


def test_soft_break_followed_by_a_folded_line(corpus: Path) -> None:
    c = only(corpus, "text-vcard-perl/quoted.vcf")
    assert c.addresses[0].street == "A street on a quoted line"
    assert c.addresses[0].country == "Österreich"
