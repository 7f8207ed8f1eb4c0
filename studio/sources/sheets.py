"""Reading a contact sheet (CSV, XLSX, ODS) the way the vCard reader reads a card file."""

from __future__ import annotations

from pathlib import Path

from studio.contacts.reader import VCardFile
from studio.errors import StudioError
from studio.sources.columns import FIELDS, Target, automatic_map, known_export, parse_column_map
from studio.sources.rows import contacts_from_table
from studio.sources.tables import Table, read_table


class UnknownColumns(StudioError):
    """A sheet that is no export Card Studio knows and came without a column map."""

    def __init__(self, table: Table) -> None:
        self.table = table
        super().__init__(
            f"{table.source}: the columns ({', '.join(table.headers[:8])}"
            f"{' …' if len(table.headers) > 8 else ''}) are not an export Card Studio knows "
            "(Google, Outlook, Thunderbird); say which column holds what with "
            '--map "COLUMN=FIELD,…" (fields: ' + ", ".join(FIELDS) + ")"
        )


def read_contact_sheet(path: Path, *, column_map: str | None = None, locale: str = "en_US") -> VCardFile:
    """The contacts of one sheet (see `sheet_targets` for how its columns are read).

    Raises `UnknownColumns`, or StudioError naming the file when it cannot be read.
    """
    table = read_table(path)
    return contacts_from_table(table, sheet_targets(table, column_map), locale)


def sheet_targets(table: Table, column_map: str | None) -> dict[int, Target]:
    """Column index → target for ``table``.

    A known export, or a sheet whose every header Card Studio recognises, is read by its
    headers. Otherwise ``column_map`` (``"Column A=given_name,…"``) says what each column
    holds; the columns it leaves out are still read when their header is recognised.
    """
    automatic = automatic_map(table.headers)
    if column_map:
        chosen = parse_column_map(column_map, table.headers)
        taken = set(chosen.values())
        return {**{i: t for i, t in automatic.items() if t not in taken and i not in chosen}, **chosen}
    named = [h for h in table.headers if h.strip()]
    if known_export(table.headers) is None and (len(automatic) < len(named) or not automatic):
        raise UnknownColumns(table)
    return automatic
