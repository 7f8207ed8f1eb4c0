"""The quirks the shared-corpus tests check, each over a small hand-written fixture of our own
(tests/contacts/fixtures/quirks), so a fresh clone without the corpus still tests them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from studio.contacts.reader import NotAVCardError, read_vcard_file
from studio.model import Contact, PartialDate

TESTS = Path(__file__).resolve().parent.parent
QUIRKS = Path(__file__).resolve().parent / "fixtures" / "quirks"

# Corpus test -> the own-fixture test here that covers its quirk. Corpus tests not listed
# here are not yet covered by an own fixture (they still run wherever the corpus is present).
COVERED_BY = {
    "tests/contacts/test_vcard_expected.py::test_3_android_21_quoted_printable":
        "test_qp_soft_break_inside_a_word",
    "tests/contacts/test_vcard_expected.py::test_7_soft_breaks_inside_words":
        "test_qp_soft_break_inside_a_word",
    "tests/contacts/test_vcard_expected.py::test_5_japanese_shift_jis":
        "test_shift_jis",
    "tests/contacts/test_vcard_reader.py::test_apple_labels_and_2_1_bare_parameters":
        "test_apple_item_groups",
    "tests/contacts/test_vcard_expected.py::test_4_android_anniversary_event":
        "test_x_android_custom_anniversary",
    "tests/contacts/test_vcard_expected.py::test_15_birthday_without_year":
        "test_birthday_without_year",
    "tests/contacts/test_vcard_corpus.py::test_problem_reads_file_colon_line":
        "test_text_birthday_is_reported_with_file_and_line",
    "tests/contacts/test_vcard_expected.py::test_10_fold_inside_a_utf8_sequence":
        "test_fold_inside_a_utf8_sequence",
    "tests/contacts/test_vcard_reader.py::test_photo_forms":
        "test_blackberry_photo_without_blank_line",
    "tests/contacts/test_vcard_expected.py::test_17_thunderbird_cr_cr_lf":
        "test_cr_cr_lf_line_ends",
    "tests/contacts/test_vcard_expected.py::test_18_utf16_le_with_bom":
        "test_utf16_le_with_bom",
    "tests/contacts/test_vcard_expected.py::test_9_windows_1252_without_charset":
        "test_windows_1252_without_charset",
    "tests/contacts/test_vcard_expected.py::test_9_ukrainian_in_windows_1251_without_charset":
        "test_windows_1251_without_charset",
    "tests/contacts/test_vcard_expected.py::test_nested_vcards":
        "test_nested_vcards",
    "tests/contacts/test_vcard_expected.py::test_cut_short_files_keep_their_card_and_say_so":
        "test_cut_short_file_keeps_its_card",
    "tests/contacts/test_vcard_expected.py::test_files_that_are_no_vcard_are_rejected_with_one_sentence":
        "test_not_a_vcard_is_rejected_with_one_sentence",
    "tests/contacts/test_vcard_reader.py::test_contact_groups_are_not_people":
        "test_contact_group_is_not_a_person",
    "tests/contacts/test_vcard_reader.py::test_qp_soft_break_keeps_the_space_that_follows_it":
        "test_qp_soft_break_keeps_the_following_space",
    "tests/contacts/test_vcard_expected.py::test_19_cardbook_v4_with_invalid_birthday":
        "test_invalid_birthday_is_reported_with_its_line",
    "tests/contacts/test_vcard_expected.py::test_unknown_component_after_the_card_is_ignored":
        "test_unknown_component_after_the_card_is_ignored",
}


def only(name: str) -> Contact:
    parsed = read_vcard_file(QUIRKS / name)
    assert len(parsed.cards) == 1 and not parsed.problems, [str(p) for p in parsed.problems]
    return parsed.cards[0].contact


def test_qp_soft_break_inside_a_word() -> None:
    c = only("qp-soft-break.vcf")
    assert c.display_name == "René Ñoño"  # "=C3=91o=" + "=C3=B1o": the soft break joins the word
    assert (c.family_name, c.given_name) == ("Ñoño", "René")
    assert [(p.value, p.label) for p in c.phones] == [("5550101", "cell")]


def test_shift_jis() -> None:
    c = only("shift-jis.vcf")
    assert c.display_name == "山田 花子"
    assert (c.family_name, c.given_name) == ("山田", "花子")
    (home,) = c.addresses
    assert (home.street, home.postal_code, home.label) == ("大阪府大阪市北区1-2-3", "530-0001", "home")
    assert c.notes == "メモ"


def test_cr_only_lines() -> None:
    c = only("cr-only-lines.vcf")
    assert c.display_name == "Mina Carter"
    assert [e.value for e in c.emails] == ["mina@example.org"]


def test_apple_item_groups() -> None:
    c = only("apple-item-groups.vcf")
    assert [(p.value, p.label) for p in c.phones] == [("555-0199", "Boat")]  # item1.X-ABLabel
    (home,) = c.addresses
    assert (home.street, home.city, home.postal_code, home.country) == (
        "4 Harbour Rd", "Portside", "90210", "Elbonia")


def test_x_android_custom_anniversary() -> None:
    c = only("android-custom-anniversary.vcf")
    assert c.birthday == PartialDate(3, 14, 1981)
    assert c.anniversary == PartialDate(9, 25, 2004)


def test_birthday_without_year() -> None:
    c = only("omitted-year.vcf")
    assert c.birthday == PartialDate(4, 12, None)


def test_text_birthday_is_reported_with_file_and_line() -> None:
    path = QUIRKS / "text-birthday.vcf"
    parsed = read_vcard_file(path)
    assert [c.contact.display_name for c in parsed.cards] == ["Pia Rowe"]
    assert parsed.cards[0].contact.birthday is None
    assert [str(p) for p in parsed.problems] == [
        f"{path}:5: the birthday 'some spring' is not a date; it was left out (Pia Rowe)"]


def test_fold_inside_a_utf8_sequence() -> None:
    c = only("split-utf8-fold.vcf")  # "Ø" is C3 98; the fold falls between the two bytes
    assert c.display_name == "Åse Øster"


def test_blackberry_photo_without_blank_line() -> None:
    c = only("blackberry-photo-no-blank.vcf")
    assert c.photo is not None and c.photo.startswith(b"\xff\xd8") and c.photo_type == "image/jpeg"
    assert [(p.value, p.label) for p in c.phones] == [("5550123", "work")]  # the line after the photo


def test_cr_cr_lf_line_ends() -> None:
    c = only("cr-cr-lf.vcf")
    assert (c.display_name, c.family_name, c.given_name) == ("Edda Holm", "Holm", "Edda")
    assert [(e.value, e.label) for e in c.emails] == [("edda@example.net", "home")]


def test_utf16_le_with_bom() -> None:
    c = only("utf16-le-bom.vcf")
    assert (c.display_name, c.family_name) == ("Jörg Strauß", "Strauß")
    assert c.birthday == PartialDate(5, 6, 1970)


def test_windows_1252_without_charset() -> None:
    c = only("windows-1252-no-charset.vcf")
    assert c.display_name == "Käthe Größer"
    assert [(a.street, a.city) for a in c.addresses] == [("Hügelweg 3", "Düren")]


def test_windows_1251_without_charset() -> None:
    c = only("windows-1251-no-charset.vcf")
    assert (c.family_name, c.given_name, c.additional_names) == ("Шевченко", "Олена", "Петрівна")
    assert [a.city for a in c.addresses] == ["Львів"]


def test_nested_vcards() -> None:
    parsed = read_vcard_file(QUIRKS / "nested.vcf")
    assert [card.contact.family_name for card in parsed.cards] == ["inner", "outer"]
    assert [p.value for p in parsed.cards[1].contact.phones] == ["7"]  # the TEL after the inner card


def test_cut_short_file_keeps_its_card() -> None:
    parsed = read_vcard_file(QUIRKS / "cut-short.vcf")
    assert [card.contact.display_name for card in parsed.cards] == ["Ulla Brandt"]
    assert [(p.line, "no END:VCARD" in p.message) for p in parsed.problems] == [(1, True)]


def test_not_a_vcard_is_rejected_with_one_sentence() -> None:
    path = QUIRKS / "not-a-vcard.vcf"
    with pytest.raises(NotAVCardError) as raised:
        read_vcard_file(path)
    message = str(raised.value)
    assert message.startswith(str(path)) and message.endswith(".") and "\n" not in message


def test_contact_group_is_not_a_person() -> None:
    parsed = read_vcard_file(QUIRKS / "contact-group.vcf")
    assert parsed.cards == [] and parsed.skipped == 1
    assert "contact group" in parsed.problems[0].message


def test_qp_soft_break_keeps_the_following_space() -> None:
    assert only("qp-soft-break-space.vcf").notes == "Call before noon please."  # "before=" CRLF " noon"


def test_invalid_birthday_is_reported_with_its_line() -> None:
    path = QUIRKS / "invalid-date.vcf"
    parsed = read_vcard_file(path)
    assert parsed.cards[0].contact.birthday is None  # 19813201 has no month 32
    assert [str(p) for p in parsed.problems] == [
        f"{path}:5: the birthday '19813201' is not a valid date; it was left out (Olaf Berg)"]


def test_unknown_component_after_the_card_is_ignored() -> None:
    assert only("unknown-component-after.vcf").display_name == "Lea Moor"


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = (node for node in tree.body if isinstance(node, ast.FunctionDef))
    return {node.name for node in functions if node.name.startswith("test_")}


def test_the_coverage_map_names_existing_tests() -> None:
    own = _test_names(Path(__file__))
    for corpus_test, own_test in COVERED_BY.items():
        file, name = corpus_test.split("::")
        assert name in _test_names(TESTS.parent / file), corpus_test
        assert own_test in own, own_test
