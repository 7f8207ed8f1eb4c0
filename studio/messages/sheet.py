"""The message sheet: one row per recipient with what the user knows of them, and a
``message`` column to fill in.

Written as UTF-8 CSV with a byte-order mark so spreadsheet programs open it as written;
read back from CSV (any delimiter or encoding a spreadsheet saves) or XLSX/ODS through
`studio.sources.tables`, so the user may save it from Excel as either.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path

from studio.errors import StudioError
from studio.sources.tables import read_table

ID_COLUMN, MESSAGE_COLUMN, PHOTO_COLUMN = "contact_id", "message", "photo"


@dataclass(frozen=True)
class MessageRow:
    """One recipient on the sheet; every field but ``message`` is there to write from."""

    contact_id: int
    name: str
    occasion: str = ""
    date: str = ""  # the occasion's day, ISO
    years: str = ""  # the age turned or years together, when known
    spouse: str = ""
    children: str = ""
    last_order: str = ""  # the note of the last recorded order
    last_order_date: str = ""
    notes: str = ""
    last_card: str = ""  # e.g. "Birthday 2025 (birthday-balloons)"
    last_card_date: str = ""
    last_message: str = ""
    message: str = ""
    photo: str = ""  # a photo file for this card's "mailing.photo" boxes (in place of the run's)


HEADER = [f.name for f in fields(MessageRow)]


def write_sheet(path: Path, rows: Iterable[MessageRow]) -> int:
    """Write ``rows`` to ``path``; returns how many. Raises StudioError when it cannot be written."""
    count = 0
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(HEADER)
            for row in rows:
                writer.writerow([getattr(row, name) for name in HEADER])
                count += 1
    except OSError as exc:
        raise StudioError(f"cannot write {path}: {exc.strerror or exc}; "
                          "choose another file (--out)") from None
    return count


@dataclass(frozen=True)
class SheetMessage:
    """A filled-in row: its message and photo, and the line it came from (for messages that name it)."""

    contact_id: int
    text: str
    line: int
    photo: str = ""  # as written in the sheet: a path, relative to the sheet's folder or absolute


def read_sheet(path: Path) -> list[SheetMessage]:
    """The rows of a sheet with a message or a photo, in its order.

    Only ``contact_id``, ``message`` and (when there) ``photo`` are read; the other columns
    may be changed or dropped.
    Raises StudioError naming the file and line for a missing column, an id that is not a
    number, or one contact given twice; rows with an empty message are left out (that
    card gets the template's message).
    """
    if not path.exists():
        raise StudioError(f"{path}: no such file (write one with `studio messages --out {path.name}`)")
    table = read_table(path)
    headers = [h.strip().lower().lstrip("\ufeff") for h in table.headers]
    for column in (ID_COLUMN, MESSAGE_COLUMN):
        if column not in headers:
            raise StudioError(f"{path}: the first row has no '{column}' column "
                              f"(it needs '{ID_COLUMN}' and '{MESSAGE_COLUMN}')")
    id_at, message_at = headers.index(ID_COLUMN), headers.index(MESSAGE_COLUMN)
    photo_at = headers.index(PHOTO_COLUMN) if PHOTO_COLUMN in headers else None
    seen: dict[int, int] = {}
    messages = []
    for line, cells in table.rows:
        raw_id = cells[id_at].strip() if id_at < len(cells) else ""
        text = _tidy(cells[message_at] if message_at < len(cells) else "")
        photo = cells[photo_at].strip() if photo_at is not None and photo_at < len(cells) else ""
        if not raw_id:
            if text or photo:
                raise StudioError(f"{path}, line {line}: a message without a {ID_COLUMN}")
            continue
        try:
            contact_id = int(raw_id.lstrip("#"))
        except ValueError:
            raise StudioError(f"{path}, line {line}: {ID_COLUMN} '{raw_id}' is not a number") from None
        if contact_id in seen:
            raise StudioError(f"{path}, line {line}: contact {contact_id} is on the sheet twice "
                              f"(also line {seen[contact_id]})")
        seen[contact_id] = line
        if text or photo:
            messages.append(SheetMessage(contact_id, text, line, photo))
    return messages


def _tidy(text: str) -> str:
    """Spreadsheets end lines with \\r\\n and pad cells; keep the user's line breaks, no more."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()
