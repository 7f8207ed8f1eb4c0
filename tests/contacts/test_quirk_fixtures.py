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

# Corpus test -> the own-fixture test(s) that check its quirk: a test name in this file, or
# "module.py::test" for one in a sibling module (test_quirk_exports, _encodings, _folder, _import,
# _app). Every corpus test (see corpus_tests()) must be here: a new one needs an own fixture too.
COVERED_BY: dict[str, str | tuple[str, ...]] = {
    "tests/contacts/test_vcard_expected.py::test_3_android_21_quoted_printable":
        ("test_qp_soft_break_inside_a_word", "test_quirk_exports.py::test_android_21_quoted_printable"),
    "tests/contacts/test_vcard_expected.py::test_7_soft_breaks_inside_words":
        "test_qp_soft_break_inside_a_word",
    "tests/contacts/test_vcard_expected.py::test_5_japanese_shift_jis":
        "test_shift_jis",
    "tests/contacts/test_vcard_reader.py::test_apple_labels_and_2_1_bare_parameters":
        ("test_apple_item_groups", "test_quirk_encodings.py::test_bare_parameters_and_apple_labels"),
    "tests/contacts/test_vcard_expected.py::test_4_android_anniversary_event":
        "test_x_android_custom_anniversary",
    "tests/contacts/test_vcard_expected.py::test_15_birthday_without_year":
        ("test_birthday_without_year", "test_quirk_encodings.py::test_apple_omit_year_birthday"),
    "tests/contacts/test_vcard_corpus.py::test_problem_reads_file_colon_line":
        "test_text_birthday_is_reported_with_file_and_line",
    "tests/contacts/test_vcard_expected.py::test_10_fold_inside_a_utf8_sequence":
        "test_fold_inside_a_utf8_sequence",
    "tests/contacts/test_vcard_reader.py::test_photo_forms":
        ("test_blackberry_photo_without_blank_line", "test_quirk_encodings.py::test_photo_forms"),
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
        ("test_cut_short_file_keeps_its_card",
         "test_quirk_encodings.py::test_a_file_cut_inside_a_property_name_keeps_its_card"),
    "tests/contacts/test_vcard_expected.py::test_files_that_are_no_vcard_are_rejected_with_one_sentence":
        ("test_not_a_vcard_is_rejected_with_one_sentence",
         "test_quirk_encodings.py::test_a_file_of_only_a_bom_is_rejected"),
    "tests/contacts/test_vcard_reader.py::test_contact_groups_are_not_people":
        "test_contact_group_is_not_a_person",
    "tests/contacts/test_vcard_reader.py::test_qp_soft_break_keeps_the_space_that_follows_it":
        "test_qp_soft_break_keeps_the_following_space",
    "tests/contacts/test_vcard_expected.py::test_19_cardbook_v4_with_invalid_birthday":
        "test_invalid_birthday_is_reported_with_its_line",
    "tests/contacts/test_vcard_expected.py::test_unknown_component_after_the_card_is_ignored":
        "test_unknown_component_after_the_card_is_ignored",
    # whole exports (test_quirk_exports.py)
    "tests/contacts/test_vcard_expected.py::test_1_iphone_ios5":
        "test_quirk_exports.py::test_iphone_with_cr_cr_lf_line_ends",
    "tests/contacts/test_vcard_expected.py::test_2_ios_613_multiline":  # CR CR LF, folded photo, cell+pref
        "test_quirk_exports.py::test_iphone_with_cr_cr_lf_line_ends",
    "tests/contacts/test_vcard_expected.py::test_11_apple_all_custom_fields":
        "test_quirk_exports.py::test_apple_all_custom_fields",
    "tests/contacts/test_vcard_expected.py::test_12_gmail":
        "test_quirk_exports.py::test_gmail_address_in_the_extended_component",
    "tests/contacts/test_vcard_expected.py::test_13_rfc6350_example":
        "test_quirk_exports.py::test_rfc6350_example_card",
    "tests/contacts/test_vcard_expected.py::test_14_ms_outlook":
        "test_quirk_exports.py::test_ms_outlook_long_note_labels_and_photo_after_an_empty_line",
    "tests/contacts/test_vcard_expected.py::test_16_nextcloud_without_n":
        "test_quirk_exports.py::test_nextcloud_cards_without_n_and_with_empty_values",
    "tests/contacts/test_vcard_corpus.py::test_card_lines_point_at_begin":
        "test_quirk_exports.py::test_card_lines_point_at_begin",
    "tests/contacts/test_vcard_merge.py::test_the_same_person_exported_by_iphone_and_gmail_is_merged_without_losing_anything":  # noqa: E501
        "test_quirk_exports.py::test_iphone_and_gmail_exports_of_one_person_merge_without_loss",
    "tests/contacts/test_vcard_reader.py::test_spouse_from_every_export":
        "test_quirk_exports.py::test_spouse_from_every_export",
    # character sets, quoted-printable, lines (test_quirk_encodings.py)
    "tests/contacts/test_vcard_expected.py::test_6_nokia_qp_with_bare_soft_break_lines":
        "test_quirk_encodings.py::test_nokia_qp_with_bare_soft_break_lines",
    "tests/contacts/test_vcard_expected.py::test_8_outlook_windows_1252":
        "test_quirk_encodings.py::test_outlook_windows_1252_with_labels_repeating_every_adr",
    "tests/contacts/test_vcard_expected.py::test_9_greek_and_hebrew":
        ("test_quirk_encodings.py::test_greek", "test_quirk_encodings.py::test_hebrew"),
    "tests/contacts/test_vcard_expected.py::test_9_ukrainian_in_utf8_with_bom_keeps_combining_accents":
        "test_quirk_encodings.py::test_ukrainian_in_utf8_with_bom_keeps_combining_accents",
    "tests/contacts/test_vcard_codepages.py::test_the_corpus_files_without_charset_are_read_without_doubt":
        "test_quirk_encodings.py::test_files_without_charset_are_read_without_doubt",
    "tests/contacts/test_vcard_expected.py::test_apple_server_rejects_are_flagged_or_read_without_crashing":
        "test_quirk_encodings.py::test_apple_server_rejects_are_read_without_crashing",
    "tests/contacts/test_vcard_expected.py::test_comment_lines_are_dropped_but_a_soft_break_continuation_is_kept":
        "test_quirk_encodings.py::test_comment_lines_are_dropped_but_a_soft_break_continuation_is_kept",
    "tests/contacts/test_vcard_expected.py::test_soft_break_followed_by_a_folded_line":
        "test_quirk_encodings.py::test_soft_break_followed_by_a_folded_line",
    "tests/contacts/test_vcard_reader.py::test_shift_jis_trail_byte_0x5c_is_not_a_backslash":
        "test_quirk_encodings.py::test_shift_jis_trail_byte_0x5c_is_not_a_backslash",
    "tests/contacts/test_vcard_reader.py::test_unknown_charset_falls_back_to_detection":
        "test_quirk_encodings.py::test_unknown_charset_falls_back_to_detection",
    "tests/contacts/test_vcard_reader.py::test_label_is_an_address_only_when_there_is_no_adr":
        "test_quirk_encodings.py::test_label_is_an_address_only_when_there_is_no_adr",
    "tests/contacts/test_vcard_reader.py::test_adr_with_colons_in_its_label_parameter":
        "test_quirk_encodings.py::test_adr_with_colons_in_its_label_parameter",
    "tests/contacts/test_vcard_reader.py::test_po_box_and_extended_address_become_street_lines":
        "test_quirk_encodings.py::test_po_box_and_extended_address_become_street_lines",
    "tests/contacts/test_vcard_reader.py::test_qp_value_cut_by_blank_lines_is_joined":
        "test_quirk_encodings.py::test_qp_value_cut_by_blank_lines_is_joined",
    # every file of the folder, as the corpus tests take every corpus file (test_quirk_folder.py)
    "tests/contacts/test_vcard_corpus.py::test_the_corpus_is_there":
        "test_quirk_folder.py::test_the_own_fixtures_are_there",
    "tests/contacts/test_vcard_corpus.py::test_every_card_is_imported_or_reported":
        "test_quirk_folder.py::test_every_card_is_imported_or_reported",
    "tests/contacts/test_vcard_export.py::test_round_trip_over_the_corpus":
        ("test_quirk_folder.py::test_round_trip_over_the_own_fixtures",
         "test_quirk_folder.py::test_one_multi_card_file_of_every_fixture_survives_the_round_trip"),
    "tests/contacts/test_vcard_merge.py::test_reimporting_any_corpus_contact_changes_nothing":
        "test_quirk_folder.py::test_reimporting_any_own_fixture_contact_changes_nothing",
    "tests/contacts/test_vcard_robustness.py::test_a_broken_card_never_costs_the_contacts_before_it":
        "test_quirk_folder.py::test_a_broken_card_never_costs_the_contacts_before_it",
    # the command line, the import service and the postal check (test_quirk_import.py)
    "tests/cli/test_addressbook_cli.py::test_import_then_list_as_json":
        "test_quirk_import.py::test_cli_import_then_list_as_json",
    "tests/cli/test_addressbook_cli.py::test_db_option_after_the_command_and_env_var":
        "test_quirk_import.py::test_cli_db_option_after_the_command_and_env_var",
    "tests/cli/test_addressbook_cli.py::test_search_and_tag_filter":
        "test_quirk_import.py::test_cli_search_finds_a_card_without_n",
    "tests/cli/test_addressbook_cli.py::test_export_then_import_into_an_empty_store_gives_the_same_contacts":
        "test_quirk_import.py::test_cli_export_then_import_into_an_empty_store_gives_the_same_contacts",
    "tests/services/test_addressbook.py::test_import_counts_and_reimport_changes_nothing":
        "test_quirk_import.py::test_import_counts_and_reimport_changes_nothing",
    "tests/services/test_addressbook.py::test_whole_corpus_imports_without_rejecting_real_exports":
        "test_quirk_import.py::test_every_own_fixture_imports_and_only_the_non_vcard_is_rejected",
    "tests/services/test_addressbook.py::test_a_file_that_is_not_a_vcard_is_rejected_and_the_others_imported":
        "test_quirk_import.py::test_a_file_that_is_not_a_vcard_is_rejected_and_the_others_imported",
    "tests/services/test_addressbook.py::test_cancel_mid_file_leaves_the_store_as_before_that_file":
        "test_quirk_import.py::test_cancel_mid_file_leaves_the_store_as_before_that_file",
    "tests/postal/test_postal_format.py::test_a_japanese_phone_export_without_a_country_is_not_printed_as_us_mail":
        "test_quirk_import.py::test_a_japanese_phone_export_without_a_country_is_not_printed_as_us_mail",
    # the desktop app (test_quirk_app.py)
    "tests/ui/test_ui_import.py::test_import_through_the_file_dialog_reports_problems_by_file_and_line":
        "test_quirk_app.py::test_import_through_the_file_dialog_reports_problems_by_file_and_line",
    "tests/ui/test_ui_import.py::test_dropping_vcf_files_on_the_window_imports_them":
        "test_quirk_app.py::test_dropping_vcf_files_on_the_window_imports_them",
    "tests/ui/test_ui_import.py::test_import_can_be_cancelled":
        "test_quirk_app.py::test_import_can_be_cancelled",
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


def _test_functions(path: Path) -> list[ast.FunctionDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")]


def _names_in(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _reads_the_corpus(test: ast.FunctionDef, corpus_values: set[str]) -> bool:
    """The rule of tests/conftest.py's _needs_corpus, read from the source: the test asks for the
    `corpus` fixture, is skipped when the corpus is absent, or is parametrized over a module
    value made from CORPUS (an empty parameter set where the corpus is absent)."""
    if "corpus" in {arg.arg for arg in test.args.args}:
        return True
    for mark in test.decorator_list:
        if not (isinstance(mark, ast.Call) and isinstance(mark.func, ast.Attribute)):
            continue
        if mark.func.attr == "skipif":
            reason = " ".join(str(n.value) for k in mark.keywords if k.arg == "reason"
                              for n in ast.walk(k.value) if isinstance(n, ast.Constant))
            if "vCard corpus" in reason:
                return True
        if mark.func.attr == "parametrize" and len(mark.args) > 1 and _names_in(mark.args[1]) & corpus_values:
            return True
    return False


def corpus_tests() -> set[str]:
    """Every test function under tests/ that reads the shared corpus, as "path::name"."""
    found = set()
    for path in sorted(TESTS.rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        corpus_values = {target.id for node in tree.body if isinstance(node, ast.Assign)
                         and "CORPUS" in _names_in(node.value)
                         for target in node.targets if isinstance(target, ast.Name)}
        for test in _test_functions(path):
            if _reads_the_corpus(test, corpus_values):
                found.add(f"{path.relative_to(TESTS.parent).as_posix()}::{test.name}")
    return found


def _own_tests(covered_by: str | tuple[str, ...]) -> list[tuple[Path, str]]:
    here = Path(__file__).resolve().parent
    names = (covered_by,) if isinstance(covered_by, str) else covered_by
    return [(here / name.split("::")[0], name.split("::")[1]) if "::" in name else (Path(__file__), name)
            for name in names]


def test_the_coverage_map_names_existing_tests() -> None:
    for corpus_test, covered_by in COVERED_BY.items():
        file, name = corpus_test.split("::")
        assert name in {t.name for t in _test_functions(TESTS.parent / file)}, corpus_test
        for module, own_test in _own_tests(covered_by):
            assert module.name.startswith("test_quirk") and module.is_file(), module
            assert own_test in {t.name for t in _test_functions(module)}, f"{module.name}::{own_test}"


def test_every_corpus_test_has_an_own_fixture_test() -> None:
    found = corpus_tests()
    assert len(found) >= 61  # the scan still sees them all
    assert sorted(found - set(COVERED_BY)) == []  # a corpus test without an own-fixture test
    assert sorted(set(COVERED_BY) - found) == []  # a mapped test that no longer reads the corpus


def test_no_own_fixture_test_reads_the_corpus() -> None:
    for module in sorted(Path(__file__).resolve().parent.glob("test_quirk*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                    for alias in node.names}
        assert "CORPUS" not in imported, module.name
        assert not [t.name for t in _test_functions(module) if _reads_the_corpus(t, set())], module.name


def test_the_scan_agrees_with_what_pytest_deselects(request: pytest.FixtureRequest) -> None:
    # tests/conftest.py lists the collected items that need the corpus (deselected where it is absent)
    collected = {nodeid.split("[")[0] for nodeid in request.config.corpus_tests}
    assert collected <= corpus_tests()
