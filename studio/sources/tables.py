"""Reading a CSV, TSV, XLSX, XLS or ODS file into a header row and text rows.

CSV bytes are decoded as real exports come: UTF-8 with or without BOM, UTF-16 from Excel's
"Unicode text", Windows-1252 from older Outlook; the delimiter is sniffed among ``,`` ``;``
and tab. Spreadsheets are read with python-calamine (no hand-written XLSX/ODS parsing);
date cells become ISO text, whole numbers lose Excel's ``.0``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from studio.errors import StudioError

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
TEXT_SUFFIXES = {".csv", ".tsv"}
TABLE_SUFFIXES = SPREADSHEET_SUFFIXES | TEXT_SUFFIXES
_DELIMITERS = ",;\t"


@dataclass
class Table:
    """A sheet: its header cells and each following row with its 1-based row number."""

    source: str
    headers: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)


def is_table_path(path: Path) -> bool:
    return path.suffix.lower() in TABLE_SUFFIXES


def read_table(path: Path) -> Table:
    """Read ``path``; raises StudioError naming the file when it cannot be read as a table."""
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        cells = _spreadsheet_cells(path)
    else:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise StudioError(f"{path}: cannot be read ({exc.strerror or exc})") from None
        cells = _csv_cells(path, decode_text(data, path))
    return _table(path, cells)


def decode_text(data: bytes, path: Path) -> str:
    """The text of a CSV export, whatever program wrote it."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000], cp_isolation=["cp1252", "utf_16", "latin_1", "mac_roman"]).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte, so nothing is lost.
        return data.decode("latin-1")


def _csv_cells(path: Path, text: str) -> list[list[str]]:
    sample = text[:20_000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        delimiter = max(_DELIMITERS, key=first.count)
    if path.suffix.lower() == ".tsv":
        delimiter = "\t"
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise StudioError(f"{path}: not a readable CSV file ({exc})") from None


def _spreadsheet_cells(path: Path) -> list[list[str]]:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        if not workbook.sheet_names:
            return []
        sheet = workbook.get_sheet_by_index(0)
        rows = sheet.to_python(skip_empty_area=False)
    except Exception as exc:  # noqa: BLE001 - calamine raises its own error types per format
        raise StudioError(f"{path}: not a readable spreadsheet ({exc})") from None
    return [[_cell_text(value) for value in row] for row in rows]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _table(path: Path, cells: list[list[str]]) -> Table:
    numbered = [(number, row) for number, row in enumerate(cells, 1) if any(c.strip() for c in row)]
    if not numbered:
        raise StudioError(f"{path}: the sheet is empty")
    header_number, headers = numbered[0]
    headers = [h.strip().lstrip("\ufeff") for h in headers]
    width = len(headers)
    rows = [(number, row + [""] * (width - len(row))) for number, row in numbered[1:]]
    return Table(str(path), headers, rows)
