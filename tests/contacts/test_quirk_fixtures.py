"""The quirks the shared-corpus tests check, each over a small hand-written fixture of our own
(tests/contacts/fixtures/quirks), so a fresh clone without the corpus still tests them."""

from __future__ import annotations

import ast
from pathlib import Path

from studio.contacts.reader import read_vcard_file
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
