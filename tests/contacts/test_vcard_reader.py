"""The reader's rules, one by one, on small cards written here and on corpus files."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.contacts.dates import parse_vcard_date
from studio.contacts.reader import NotAVCardError, read_vcard_bytes, read_vcard_file
from studio.errors import StudioError
from studio.model import Contact, LabelledDate, PartialDate


def card(*lines: str, version: str = "3.0", end: bytes = b"\r\n") -> bytes:
    body = ["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD"]
    return end.join(line.encode("utf-8") for line in body) + end


def contact(data: bytes) -> Contact:
    parsed = read_vcard_bytes(data, "test.vcf")
    assert len(parsed.cards) == 1, [str(p) for p in parsed.problems]
    return parsed.cards[0].contact


# --- bytes, line ends, folding ----------------------------------------------------------

@pytest.mark.parametrize("end", [b"\r\n", b"\n", b"\r\r\n", b"\r"])
def test_every_kind_of_line_end(end: bytes) -> None:
    data = card("FN:Zoë Okafor", "NOTE:one\\ntwo", "EMAIL:zoe@example.com", end=end)
    parsed = read_vcard_bytes(data, "test.vcf")
    assert not parsed.problems
    c = parsed.cards[0].contact
    assert (c.display_name, c.notes) == ("Zoë Okafor", "one\ntwo")
    assert [e.value for e in c.emails] == ["zoe@example.com"]


def test_utf16_without_bom_and_utf8_bom_are_read() -> None:
    data = card("FN:Łukasz Kowalski")
    assert contact(data.decode().encode("utf-16-be")).display_name == "Łukasz Kowalski"
    assert contact(data.decode().encode("utf-16-le")).display_name == "Łukasz Kowalski"
    assert contact(b"\xef\xbb\xbf" + data).display_name == "Łukasz Kowalski"


def test_folds_are_joined_before_decoding_and_tab_folds_count() -> None:
    name = "Σωκράτης Παπαδόπουλος".encode()
    data = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + name[:5] + b"\r\n " + name[5:]
            + b"\r\nTEL;TYPE=CE\r\n\tLL:1234567\r\nEND:VCARD\r\n")
    c = contact(data)
    assert c.display_name == "Σωκράτης Παπαδόπουλος"
    assert [(p.value, p.label) for p in c.phones] == [("1234567", "cell")]


def test_a_raw_cr_inside_a_value_is_a_line_break() -> None:
    assert contact(b"BEGIN:VCARD\r\nFN:a\r\nNOTE:one\rtwo\r\nEND:VCARD\r\n").notes == "one\ntwo"


def test_control_characters_are_removed() -> None:
    assert contact(card("FN:Bell\x07 Ringer", "NOTE:tab\tstays")).display_name == "Bell Ringer"
    assert contact(card("FN:x", "NOTE:tab\tstays")).notes == "tab\tstays"


# --- vCard 2.1 quoted-printable and charsets ----------------------------------------------

def test_qp_soft_break_keeps_the_space_that_follows_it(corpus: Path) -> None:
    c = read_vcard_file(corpus / "aosp-vcard/v21_complicated.vcf").cards[0].contact
    # RFC 2045 6.7: "come=" CRLF " to the aid" keeps its space
    assert c.notes.endswith("Now's the time for all folk to come to the aid of their country.")


def test_qp_value_cut_by_blank_lines_is_joined(corpus: Path) -> None:
    c = read_vcard_file(corpus / "folkerkinzel-vcards/Cropped_2_1.vcf").cards[0].contact
    assert c.notes.startswith("Kommentar ÄÄÄÄÄÄ ääääää ÖÖÖÖÖÖ öööööö ÜÜÜÜÜÜ")
    assert c.organization == "Firma, Führungsetage"


def test_qp_without_charset_in_a_utf8_file() -> None:
    c = contact(card("N;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen", version="2.1"))
    assert (c.family_name, c.given_name) == ("Müller", "Jürgen")


def test_mislabelled_latin1_that_is_valid_utf8_is_read_as_utf8() -> None:
    c = contact(card("N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Anna", version="2.1"))
    assert c.family_name == "Müller"


def test_declared_charsets_are_used() -> None:
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:M\xfcller;J\xfcrgen\r\n"
            b"ORG;CHARSET=windows-1251:\xca\xe8\xbf\xe2\r\nEND:VCARD\r\n")
    c = contact(data)
    assert (c.family_name, c.given_name, c.organization) == ("Müller", "Jürgen", "Київ")


def test_shift_jis_trail_byte_0x5c_is_not_a_backslash(corpus: Path) -> None:
    for name in ("aosp-vcard/v21_japanese_3.vcf", "aosp-vcard/v30_japanese.vcf"):
        c = read_vcard_file(corpus / name).cards[0].contact
        assert (c.family_name, c.given_name, c.additional_names) == ("伊能", "圭一", "伊予"), name


def test_unknown_charset_falls_back_to_detection(corpus: Path) -> None:
    c = read_vcard_file(corpus / "folkerkinzel-vcards/MultiAnsiFilterTests/Murks.vcf").cards[0].contact
    assert c.display_name == "Sören Täve Nüßlebaum"


def test_a_base64_body_continued_without_leading_spaces() -> None:
    png = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4//8/AwAI/AL+p5qgoAAAAABJRU5ErkJggg==")
    data = card("FN:Photo", "PHOTO;ENCODING=BASE64;TYPE=PNG:" + png[:40], png[40:], "", version="2.1")
    c = contact(data)
    assert c.photo is not None and c.photo.startswith(b"\x89PNG") and c.photo_type == "image/png"


# --- names, addresses, labels -------------------------------------------------------------

def test_no_fn_and_no_n_but_an_email_is_a_person() -> None:
    c = contact(card("EMAIL;TYPE=INTERNET:only@example.com"))
    assert c.name == "only@example.com" and c.display_name == ""


def test_phone_only_card_is_kept_and_named_by_its_number() -> None:
    assert contact(card("TEL:+44 20 7946 0000")).name == "+44 20 7946 0000"


def test_a_card_identifying_no_one_is_skipped_with_a_warning() -> None:
    parsed = read_vcard_bytes(card("NOTE:nobody", "ADR:;;;;;;") + card("FN:Somebody"), "test.vcf")
    assert [c.contact.display_name for c in parsed.cards] == ["Somebody"]
    assert parsed.skipped == 1
    assert [str(p) for p in parsed.problems] == [
        "test.vcf:1: card skipped: it has no name, organisation, e-mail or phone number"]


def test_contact_groups_are_not_people(corpus: Path) -> None:
    parsed = read_vcard_file(corpus / "apple-ccs-caldavtester/vcardput/16.vcf")
    assert parsed.cards == [] and parsed.skipped == 1
    assert "contact group" in parsed.problems[0].message


def test_po_box_and_extended_address_become_street_lines(corpus: Path) -> None:
    c = read_vcard_file(corpus / "davx5-vcard4android/allfields-vcard3.vcf").cards[0].contact
    monkey = c.addresses[1]
    assert monkey.street == "Teststraße 22\nvorne hinten\nPostfach 314"
    assert (monkey.city, monkey.postal_code, monkey.country, monkey.label) == (
        "Mönchspfaffingen", "4043", "Klöster-Reich", "Monkey Tree")
    assert contact(card("FN:x", "ADR:123;;;Springfield;IL;62704;USA")).addresses[0].street == "PO Box 123"


def test_label_is_an_address_only_when_there_is_no_adr(corpus: Path) -> None:
    ximian = read_vcard_file(corpus / "kde-kcontacts/vcard4.vcf").cards[0].contact
    assert [(a.street, a.label) for a in ximian.addresses] == [
        ("401 Park Drive  3 West\nBoston, MA 02215\nUSA", "work")]
    outlook = read_vcard_file(corpus / "folkerkinzel-vcards/LabelIssue.vcf").cards[0].contact
    assert len(outlook.addresses) == 3  # its LABELs repeat the ADRs


def test_adr_with_colons_in_its_label_parameter(corpus: Path) -> None:
    c = read_vcard_file(corpus / "ez-vcard/issue114.vcf").cards[0].contact
    address = c.addresses[0]
    assert (address.street.split("\n")[0], address.city, address.postal_code, address.country) == (
        "Dummy-Dummy-Strasse 1", "Bad Homburg", "61352", "Germany")


def test_email_and_phone_forms() -> None:
    c = contact(card('EMAIL;TYPE=INTERNET,HOME:"Omega" <omega@example.com>', "EMAIL;PREF=1:mailto:a@b.org",
                     "EMAIL:", "TEL;VALUE=uri;TYPE=\"voice,work\":tel:+1-418-656-9254;ext=102", "TEL:  "))
    assert [(e.value, e.label, e.preferred) for e in c.emails] == [  # the preferred one first
        ("a@b.org", "", True), ("omega@example.com", "home", False)]
    assert [(p.value, p.label) for p in c.phones] == [("+1-418-656-9254 ext. 102", "work")]


def test_apple_labels_and_2_1_bare_parameters(corpus: Path) -> None:
    c = read_vcard_file(corpus / "ez-vcard/gmail-single2.vcf").cards[0].contact
    assert ("5555551119", "GRAND_CENTRAL") in [(p.value, p.label) for p in c.phones]
    assert ("5555551117", "home fax") in [(p.value, p.label) for p in c.phones]
    pref = read_vcard_file(corpus / "aosp-vcard/v21_pref_handling.vcf").cards[0].contact
    assert [(p.value, p.label, p.preferred) for p in pref.phones] == [
        ("2", "work", True), ("1", "home", False), ("3", "isdn", False)]
    assert (pref.organization, pref.title) == ("Company", "Engineer")  # the first ORG and TITLE


def test_tags_from_categories() -> None:
    assert contact(card("FN:x", "CATEGORIES:VIP,Customers,vip", "CATEGORIES:Newsletter")).tags == [
        "VIP", "Customers", "Newsletter"]
    assert contact(card("FN:x", "CATEGORIES:Friends;Family", version="2.1")).tags == ["Friends", "Family"]


# --- dates --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "omit", "expected"), [
    ("1978-12-29", "", PartialDate(12, 29, 1978)), ("19781229", "", PartialDate(12, 29, 1978)),
    ("--0203", "", PartialDate(2, 3)), ("--02-29", "", PartialDate(2, 29)),
    ("1604-04-07", "1604", PartialDate(4, 7)), ("1604-04-07", "", PartialDate(4, 7)),
    ("0000-04-07", "", PartialDate(4, 7)), ("20090808T1430-0500", "", PartialDate(8, 8, 2009)),
    ("1953-10-15T23:10:00Z", "", PartialDate(10, 15, 1953)), ("29.12.1978", "", PartialDate(12, 29, 1978)),
    (" 1980-03-22 ", "", PartialDate(3, 22, 1980)),
])
def test_date_forms(text: str, omit: str, expected: PartialDate) -> None:
    assert parse_vcard_date(text, omit) == expected


@pytest.mark.parametrize("text", ["19723101", "circa 1800", "2021-02-29", "--1301", "1980-03", ""])
def test_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_vcard_date(text)


def test_a_bad_date_is_dropped_with_its_line_and_the_rest_is_kept() -> None:
    parsed = read_vcard_bytes(card("FN:Ana", "BDAY:1980-02-30", "EMAIL:ana@example.com"), "test.vcf")
    c = parsed.cards[0].contact
    assert c.birthday is None and [e.value for e in c.emails] == ["ana@example.com"]
    assert [str(p) for p in parsed.problems] == [
        "test.vcf:4: the birthday '1980-02-30' is not a valid date; it was left out (Ana)"]


def test_anniversary_customer_since_and_other_dates() -> None:
    c = contact(card("FN:x", "item1.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-11-05",
                     "item1.X-ABLabel:Customer since", "item2.X-ABDATE:2001-06-02",
                     "item2.X-ABLabel:_$!<Other>!$_",
                     "item3.X-ABDATE:2015-09-09", "item3.X-ABLabel:First order", "X-ANNIVERSARY:1990-04-30"))
    assert c.customer_since == PartialDate(11, 5)
    assert c.anniversary == PartialDate(4, 30, 1990)
    assert c.dates == [LabelledDate("Other", PartialDate(6, 2, 2001)),
                       LabelledDate("First order", PartialDate(9, 9, 2015))]


def test_vcard4_anniversary_and_outlook_anniversary() -> None:
    assert contact(card("FN:x", "ANNIVERSARY:--0614", version="4.0")).anniversary == PartialDate(6, 14)
    outlook = contact(card("FN:x", "X-MS-ANNIVERSARY:20110113", version="2.1"))
    assert outlook.anniversary == PartialDate(1, 13, 2011)


def test_android_events_relations_and_nickname() -> None:
    c = contact(card("N:Roid;Ando;;;",
                     "X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;1999-07-10;1;;;;;;;;;;;;;",
                     "X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;--05-01;0;Customer since;;;;;",
                     "X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;2010-01-02;0;Graduation;;;;;;;;;;;;",
                     "X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;2012-03-04;2;;;;;;;;;;;;;",
                     "X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;1975-08-20;3;;;;;;;;;;;;;",
                     "X-ANDROID-CUSTOM:vnd.android.cursor.item/relation;Maria;14;;;;;;;;;;;;;",
                     "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Andy;1;;;;;;;;;;;;;", version="2.1"))
    assert c.anniversary == PartialDate(7, 10, 1999)
    assert c.customer_since == PartialDate(5, 1)
    assert c.birthday == PartialDate(8, 20, 1975)
    assert c.dates == [LabelledDate("Graduation", PartialDate(1, 2, 2010)),
                       LabelledDate("Other", PartialDate(3, 4, 2012))]
    assert (c.spouse, c.nickname) == ("Maria", "Andy")


def test_spouse_from_every_export(corpus: Path) -> None:
    assert contact(card("FN:x", "RELATED;TYPE=spouse;VALUE=text:Jenny", version="4.0")).spouse == "Jenny"
    assert contact(card("FN:x", "RELATED;TYPE=spouse:urn:uuid:1234", version="4.0")).spouse == ""
    assert contact(card("FN:x", "X-EVOLUTION-SPOUSE:Maria")).spouse == "Maria"
    partner = contact(card("FN:x", "item1.X-ABRELATEDNAMES:Sam", "item1.X-ABLabel:_$!<Partner>!$_"))
    assert partner.spouse == "Sam"
    assert contact(card("FN:x", "X-ABRELATEDNAMES:Name1")).spouse == ""  # no label: not a spouse
    mac = read_vcard_file(corpus / "ez-vcard/John_Doe_MAC_ADDRESS_BOOK.vcf").cards[0].contact
    assert mac.spouse


# --- photos -------------------------------------------------------------------------------

def test_photo_forms(corpus: Path) -> None:
    v4 = read_vcard_file(corpus / "khard/photov4.vcf").cards[0].contact  # data: URI, escaped comma
    assert v4.photo is not None and v4.photo_type == "image/png"
    mislabelled = read_vcard_file(corpus / "evolution-data-server/photo-1.vcf").cards[0].contact
    assert mislabelled.photo_type == "image/png"  # TYPE says jpeg; the bytes are PNG
    for name in ("thunderbird/v3-binary-jpeg.vcf", "thunderbird/v3-uri-binary-jpeg.vcf",
                 "thunderbird/v3-uri-uri-jpeg.vcf", "thunderbird/v4-uri-jpeg.vcf"):
        assert read_vcard_file(corpus / name).cards[0].contact.photo_type == "image/jpeg", name
    link = read_vcard_bytes(card("FN:x", "PHOTO;VALUE=uri:https://example.com/a.jpg"), "t.vcf")
    assert link.cards[0].contact.photo is None and not link.problems


def test_a_photo_that_is_no_image_is_dropped_with_a_problem() -> None:
    not_an_image = "PHOTO;ENCODING=b;TYPE=JPEG:bm90IGFuIGltYWdlIGF0IGFsbA=="
    parsed = read_vcard_bytes(card("FN:Ana", not_an_image), "t.vcf")
    assert parsed.cards[0].contact.photo is None
    assert [str(p) for p in parsed.problems] == [
        "t.vcf:4: the photo is not an image Card Studio can read; the photo was left out (Ana)"]


# --- whole files ------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "why"), [
    (b"", "is empty"), (b"   \r\n\r\n", "is empty"), (b"%PDF-1.4\n...", "it is a PDF document"),
    (b"\x00\x01\x02binary\x00", "it holds binary data"),
    (b"Name,Email\nAna,ana@example.com\n", "no BEGIN:VCARD"),
])
def test_files_that_are_not_vcards(data: bytes, why: str) -> None:
    with pytest.raises(NotAVCardError, match=why):
        read_vcard_bytes(data, "contacts.csv")


def test_unreadable_paths_raise_studio_errors(tmp_path: Path) -> None:
    with pytest.raises(StudioError, match="no such file"):
        read_vcard_file(tmp_path / "missing.vcf")
    with pytest.raises(StudioError, match="is a folder"):
        read_vcard_file(tmp_path)


def test_text_outside_cards_and_stray_end_are_reported_once() -> None:
    data = b"hello\r\nX:1\r\nY:2\r\n" + card("FN:Ana") + b"END:VCARD\r\n"
    parsed = read_vcard_bytes(data, "t.vcf")
    assert [c.contact.display_name for c in parsed.cards] == ["Ana"]
    assert [str(p) for p in parsed.problems] == [
        "t.vcf:2: text outside BEGIN:VCARD … END:VCARD was ignored",
        "t.vcf:8: END:VCARD without a BEGIN:VCARD; ignored"]


def test_an_empty_apple_label_falls_back_to_the_type() -> None:
    c = contact(card("FN:x", "item1.TEL;TYPE=CELL:0171 1234567", "item1.X-ABLabel:"))
    assert [(p.value, p.label) for p in c.phones] == [("0171 1234567", "cell")]
