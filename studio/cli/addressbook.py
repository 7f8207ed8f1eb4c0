"""`studio import`, `studio contacts`, `studio export`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from studio.cli.context import CliContext, progress_line
from studio.cli.options import add_command, add_json_argument
from studio.errors import StudioError
from studio.model import Contact
from studio.services import addressbook
from studio.services.sheets import SheetOptions


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    imp = add_command(
        subparsers, common, "import",
        help="import contacts from vCard, CSV or spreadsheet files",
        description="Import contacts from vCard (.vcf) files exported from a "
                    "phone, iCloud, Google, Outlook or Thunderbird, and from "
                    "CSV, XLSX and ODS sheets (Google, Outlook and Thunderbird "
                    "CSV exports are read as they are; say what the columns "
                    "of any other sheet hold with --map).",
        handler=run_import,
    )
    imp.add_argument("files", nargs="+", metavar="FILE", type=Path)
    imp.add_argument("--map", metavar="MAP", dest="column_map",
                     help='what the columns of a sheet hold: "Column A=given_name,Column B=birthday,…", '
                          "or the NAME of a map saved with --save-map")
    imp.add_argument("--save-map", metavar="NAME",
                     help="save the column map used under NAME; sheets with the same columns are then "
                          "read with it without --map")
    imp.add_argument("--original-photos", action="store_true",
                     help="keep each photo whole as exported (by default a copy at print size, "
                          "1,200 px on the long side, is kept)")
    imp.add_argument("--quiet", action="store_true", help="print only the summary")

    lst = add_command(subparsers, common, "contacts", help="list contacts", handler=run_contacts)
    lst.add_argument("--search", metavar="TEXT", help="names, e-mails, phones or places containing TEXT")
    lst.add_argument("--tag", metavar="TAG", help="only contacts with this tag")
    add_json_argument(lst, "print JSON instead of a table")

    exp = add_command(subparsers, common, "export", help="export contacts as vCard 3.0", handler=run_export)
    exp.add_argument("--out", required=True, metavar="FILE.vcf", type=Path)
    exp.add_argument("--tag", metavar="TAG", help="only contacts with this tag")


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store() as store, progress_line(ctx, enabled=not args.quiet) as progress:
        sheets = SheetOptions(column_map=args.column_map, save_as=args.save_map)
        report = addressbook.import_vcards(store, args.files, progress, sheets,
                                           original_photos=args.original_photos)
    if not args.quiet:
        for problem in report.problems:
            ctx.warn(str(problem))
    for path, why in report.rejected:
        ctx.warn(f"{path}: {why}")
    ctx.print(f"Imported {report.files} of {len(args.files)} files: {report.summary()}.")
    if report.possible_duplicates:
        ctx.print("See them with `studio duplicates`: merge or keep apart.")
    return 1 if report.rejected else 0


def contact_json(contact: Contact) -> dict[str, Any]:
    """A contact in the documented JSON form of `studio contacts --json`."""
    return {
        "id": contact.id,
        "uid": contact.uid,
        "display_name": contact.name,
        "given_name": contact.given_name,
        "family_name": contact.family_name,
        "additional_names": contact.additional_names,
        "prefix": contact.prefix,
        "suffix": contact.suffix,
        "nickname": contact.nickname,
        "organization": contact.organization,
        "title": contact.title,
        "emails": [{"value": e.value, "label": e.label, "preferred": e.preferred} for e in contact.emails],
        "phones": [{"value": p.value, "label": p.label, "preferred": p.preferred} for p in contact.phones],
        "addresses": [{"label": a.label, "street": a.street, "city": a.city, "region": a.region,
                       "postal_code": a.postal_code, "country": a.country, "preferred": a.preferred}
                      for a in contact.addresses],
        "birthday": contact.birthday.iso() if contact.birthday else None,
        "anniversary": contact.anniversary.iso() if contact.anniversary else None,
        "customer_since": contact.customer_since.iso() if contact.customer_since else None,
        "dates": [{"label": d.label, "date": d.date.iso()} for d in contact.dates],
        "spouse": contact.spouse,
        "children": [{"name": c.name, "birthday": c.birthday.iso() if c.birthday else None}
                     for c in contact.children],
        "gram_gender": contact.gram_gender,
        "pronouns": contact.pronouns,
        "notes": contact.notes,
        "tags": list(contact.tags),
        "has_photo": bool(contact.photo),
    }


def run_contacts(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store(must_exist=True) as store:
        contacts = store.contacts.list(search=args.search, tag=args.tag)
    if args.json:
        ctx.print_json([contact_json(c) for c in contacts])
        return 0
    if not contacts:
        ctx.print("No contacts." if not (args.search or args.tag) else "No contact matches.")
        return 0
    rows = [(str(c.id), c.name, c.emails[0].value if c.emails else "",
             c.phones[0].value if c.phones else "",
             c.birthday.iso() if c.birthday else "", ", ".join(c.tags)) for c in contacts]
    _print_table(ctx, ("ID", "Name", "E-mail", "Phone", "Birthday", "Tags"), rows)
    ctx.print(f"{len(contacts)} contact{'s' if len(contacts) != 1 else ''}")
    return 0


def _print_table(ctx: CliContext, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [min(32, max(len(header[i]), *(len(r[i]) for r in rows))) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(c[:w].ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    ctx.print(line(header))
    for row in rows:
        ctx.print(line(row))


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store(must_exist=True) as store:
        if args.tag:
            addressbook.select_contact_ids(store, tag=args.tag)  # "no contact has the tag …", no file
        try:
            with open(args.out, "w", encoding="utf-8", newline="") as out:
                count = addressbook.export_vcards(store, out, tag=args.tag)
        except OSError as exc:
            why = exc.strerror or exc
            raise StudioError(f"cannot write {args.out}: {why}; choose another --out") from exc
    ctx.print(f"Exported {count} contact{'s' if count != 1 else ''} to {args.out}")
    return 0
