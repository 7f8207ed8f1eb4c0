"""Reading sheets as real programs write them: encodings and delimiters."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.errors import StudioError
from studio.sources.tables import read_table


@pytest.mark.parametrize(
    ("data", "delimiter"),
    [
        ("Name;E-Mail\r\nJürgen Groß;j@example.de\r\n".encode("cp1252"), ";"),
        ("\ufeffName,E-Mail\nJürgen Groß,j@example.de\n".encode("utf-8"), ","),
        ("Name\tE-Mail\r\nJürgen Groß\tj@example.de\r\n".encode("utf-16"), "\t"),
    ],
)
def test_encodings_and_delimiters(tmp_path: Path, data: bytes, delimiter: str) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(data)
    table = read_table(path)
    assert table.headers == ["Name", "E-Mail"]
    assert table.rows == [(2, ["Jürgen Groß", "j@example.de"])]


def test_a_quoted_cell_keeps_its_newlines_and_row_numbers_count_file_rows(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text('Name,Address\n\n"Ann","1 Main St\nApt 2"\nBob,x\n', encoding="utf-8")
    table = read_table(path)
    assert table.rows == [(3, ["Ann", "1 Main St\nApt 2"]), (4, ["Bob", "x"])]


def test_an_empty_or_broken_file_names_itself(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(StudioError, match="empty.csv: the sheet is empty"):
        read_table(empty)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(StudioError, match="broken.xlsx: not a readable spreadsheet"):
        read_table(broken)
