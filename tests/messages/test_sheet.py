"""The message sheet: written for a spreadsheet, read back from whatever the user saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.errors import StudioError
from studio.messages.checks import repeated_message_warnings, same_words, shared_message_warnings
from studio.messages.sheet import HEADER, MessageRow, SheetMessage, read_sheet, write_sheet


def test_a_written_sheet_reads_back_with_line_breaks_and_accents(tmp_path: Path) -> None:
    sheet = tmp_path / "messages.csv"
    rows = [MessageRow(contact_id=7, name="Zoë Ångström", occasion="Birthday", years="40",
                       message="Happy 40th, Zoë!\nSee you soon."),
            MessageRow(contact_id=3, name="Robert, \"Bob\" Johnson", notes="likes tea; no sugar"),
            MessageRow(contact_id=9, name="Mia", message="Für dich, Mia")]
    assert write_sheet(sheet, rows) == 3
    data = sheet.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # spreadsheet programs then show Zoë as written
    assert data.decode("utf-8-sig").splitlines()[0] == ",".join(HEADER)
    assert read_sheet(sheet) == [SheetMessage(7, "Happy 40th, Zoë!\nSee you soon.", 2),
                                 SheetMessage(9, "Für dich, Mia", 4)]  # Robert has none: the template's


def test_a_sheet_saved_by_a_european_excel_is_read(tmp_path: Path) -> None:
    sheet = tmp_path / "messages.csv"  # semicolons, Windows-1252, CRLF, only the two columns that matter
    text = "message;contact_id\r\n\"Schöne Feiertage,\r\nliebe Grüße\";12\r\n;13\r\n"
    sheet.write_bytes(text.encode("cp1252"))
    assert read_sheet(sheet) == [SheetMessage(12, "Schöne Feiertage,\nliebe Grüße", 2)]


@pytest.mark.parametrize(("text", "problem"), [
    ("name,message\nAnna,Hi\n", "messages.csv: the first row has no 'contact_id' column"),
    ("contact_id,message\nseven,Hi\n", "messages.csv, line 2: contact_id 'seven' is not a number"),
    ("contact_id,message\n4,Hi\n5,Ho\n4,Again\n", "messages.csv, line 4: contact 4 is on the sheet twice "
                                                   "(also line 2)"),
    ("contact_id,message\n,Hi there\n", "messages.csv, line 2: a message without a contact_id"),
])
def test_a_malformed_sheet_is_named_by_file_and_line(tmp_path: Path, text: str, problem: str) -> None:
    sheet = tmp_path / "messages.csv"
    sheet.write_text(text, encoding="utf-8")
    with pytest.raises(StudioError) as caught:
        read_sheet(sheet)
    assert problem in str(caught.value)


def test_a_missing_sheet_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(StudioError, match=r"no such file \(write one with `studio messages"):
        read_sheet(tmp_path / "gone.csv")


def test_same_words_ignores_case_accents_spacing_and_punctuation() -> None:
    assert same_words("Merry  Christmas, Zoë!") == same_words("merry christmas zoe")
    assert same_words("Merry Christmas") != same_words("Merry Christmas, Anna")


def test_two_people_with_the_same_words_are_named_together() -> None:
    names = {1: "Anna", 2: "Ben", 3: "Cleo", 4: "Dan"}
    messages = {1: "Thank you for a great year!", 2: "thank you for a great year", 3: "Thank you, Cleo",
                4: "Thank you for a great year."}
    assert shared_message_warnings(messages, names) == [
        "Anna, Ben, and Dan would get the same message: “Thank you for a great year!”"]
    assert shared_message_warnings({1: "Hi", 2: "Hello"}, names) == []


def test_a_message_that_repeats_last_time_is_named() -> None:
    names = {1: "Anna", 2: "Ben"}
    warnings = repeated_message_warnings({1: "Happy birthday, Anna!", 2: "Many happy returns"},
                                         {1: "happy birthday anna", 2: "Happy birthday, Ben"}, names)
    assert warnings == ["Anna got this message last time: “Happy birthday, Anna!”"]
