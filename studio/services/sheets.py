"""Reading any contact file the address book imports: vCards, CSV and spreadsheet exports.

Sheets are read with the user's column map: one given with the import, one saved by name,
or the one saved last for a sheet with the same header row, so a layout is explained once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studio.contacts.reader import VCardFile, read_vcard_file
from studio.errors import StudioError
from studio.settings import Settings
from studio.sources.columns import FIELDS, automatic_map, map_text, parse_column_map
from studio.sources.rows import contacts_from_table
from studio.sources.sheets import UnknownColumns, sheet_targets
from studio.sources.tables import TABLE_SUFFIXES, Table, is_table_path, read_table
from studio.store import Store

__all__ = [
    "CONTACT_FILE_SUFFIXES",
    "FIELDS",
    "SheetOptions",
    "Table",
    "UnknownColumns",
    "is_table_path",
    "read_contacts",
    "save_column_map",
    "sheet_locale",
    "sheets_needing_maps",
    "suggested_fields",
]

CONTACT_FILE_SUFFIXES = (".vcf", ".vcard", *sorted(TABLE_SUFFIXES))


@dataclass(frozen=True)
class SheetOptions:
    """How sheets in one import are read: ``column_map`` is map text or a saved map's name;
    ``save_as`` saves the map used under that name."""

    column_map: str | None = None
    save_as: str | None = None


def sheet_locale(settings: Settings) -> str:
    """The locale that decides 03/04 (day or month first) and month names in sheets."""
    language = (settings.language or "en").replace("-", "_")
    return language if "_" in language else f"{language}_{settings.home_country or 'US'}"


def sheets_needing_maps(store: Store, paths: list[Path]) -> list[Table]:
    """The sheets among ``paths`` that no known export, recognised header or saved map
    explains: each needs the user to say what its columns hold before it is imported.
    A file that cannot be read is left to the import, which reports it."""
    waiting = []
    for path in paths:
        if not is_table_path(path):
            continue
        try:
            table = read_table(path)
            sheet_targets(table, _column_map(store, table, None))
        except UnknownColumns:
            waiting.append(table)
        except StudioError:
            continue
    return waiting


def suggested_fields(headers: list[str]) -> list[str]:
    """For a column-mapping step: the field each column probably holds ("ignore" if none)."""
    guessed = dict.fromkeys(range(len(headers)), "ignore")
    for index, target in automatic_map(headers).items():
        guessed[index] = map_text([headers[index]], {0: target}).rpartition("=")[2]
    return [guessed[i] for i in range(len(headers))]


def save_column_map(store: Store, name: str, headers: list[str], mapping: str) -> None:
    """Remember ``mapping`` for sheets with these headers; raises StudioError when it does
    not fit them (a column they lack, a field Card Studio does not know)."""
    parse_column_map(mapping, headers)
    with store.transaction():
        store.column_maps.save(name, headers, mapping)


def read_contacts(store: Store, path: Path, options: SheetOptions = SheetOptions()) -> VCardFile:
    """The contacts of one file, vCard or sheet; raises StudioError naming the file."""
    if not is_table_path(path):
        return read_vcard_file(path)
    table = read_table(path)
    column_map = _column_map(store, table, options.column_map)
    targets = sheet_targets(table, column_map)
    parsed = contacts_from_table(table, targets, sheet_locale(store.settings.load()))
    if options.save_as:
        with store.transaction():
            store.column_maps.save(options.save_as, table.headers, map_text(table.headers, targets))
    return parsed


def _column_map(store: Store, table: Table, given: str | None) -> str | None:
    if given and "=" not in given:
        saved = store.column_maps.by_name(given)
        if saved is None:
            known = store.column_maps.names()
            raise StudioError(
                f"no saved column map called {given!r}" + (f" (saved: {', '.join(known)})" if known else "")
            )
        return saved
    if given:
        return given
    found = store.column_maps.for_headers(table.headers)
    return found[1] if found else None
