"""`studio templates` (managing your own: `studio.cli.template_files`), `studio render`, `studio preview`."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.cli.context import CliContext, progress_line
from studio.cli.options import (
    add_command,
    add_json_argument,
    add_messages_argument,
    add_order_argument,
    add_printer_arguments,
    add_selection_arguments,
    add_today_argument,
    today_of,
)
from studio.cli.template_files import run_manage_templates, wants_manage
from studio.render.layout import FitNote
from studio.services import card_render, cards
from studio.services.addressbook import select_contact_ids
from studio.services.card_sheets import manual_steps
from studio.services.messages import load_messages

_MAX_NOTES = 20  # fit notes printed one by one; more are summed up


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    lst = add_command(
        subparsers, common, "templates",
        help="list card templates",
        description="List the card templates: the bundled ones and yours "
                    "(a template of yours overrides a bundled one with the same id); "
                    "with an option, manage your own: rename, duplicate, delete "
                    "to the bin and restore, export to and import from a "
                    ".cardstudio file.",
        handler=run_templates,
    )
    add_json_argument(lst, "print JSON instead of a table")
    manage = lst.add_mutually_exclusive_group()
    manage.add_argument("--export", metavar="ID", help="write template ID as one .cardstudio file (--out)")
    manage.add_argument("--import", dest="import_file", metavar="FILE", type=Path,
                        help="check a .cardstudio file and add its template to yours (never over another)")
    manage.add_argument("--rename", nargs=2, metavar=("ID", "NAME"), help="give your template ID a new name")
    manage.add_argument("--duplicate", metavar="ID", help="make your own copy of template ID (any template)")
    manage.add_argument("--delete", metavar="ID", help="move your template ID to the template bin")
    manage.add_argument("--restore", metavar="ID", help="bring template ID back from the template bin")
    manage.add_argument("--bin", action="store_true", help="list the templates in the template bin")
    manage.add_argument("--empty-bin", action="store_true", help="delete the templates in the bin for good")
    lst.add_argument("--out", metavar="FILE", type=Path, help="where --export writes (a file or a folder)")
    lst.add_argument("--name", metavar="NAME", help="the name of the copy --duplicate makes")

    ren = add_command(
        subparsers, common, "render",
        help="render cards for contacts into one PDF",
        description="Render TEMPLATE for the chosen contacts into one print-ready "
                    "PDF (outside and inside pages for duplex printing).",
        handler=run_render,
    )
    ren.add_argument("template", metavar="TEMPLATE", help="a template id (see `studio templates`)")
    add_selection_arguments(ren, required=True)
    ren.add_argument("--out", required=True, metavar="FILE.pdf", type=Path)
    ren.add_argument("--paper", choices=("letter", "a4"), help="sheet size (default: from settings)")
    ren.add_argument("--marks", action="store_true", help="add crop marks and fold lines")
    ren.add_argument("--message", metavar="TEXT", help="your personal message instead of the template's")
    add_messages_argument(ren)
    ren.add_argument("--photo", metavar="FILE", type=Path,
                     help="a photo (JPEG or PNG) for the template's \"mailing.photo\" boxes, on every card")
    add_order_argument(ren)
    add_today_argument(ren)
    add_printer_arguments(ren, duplex=True)

    pre = add_command(
        subparsers, common, "preview",
        help="preview one card as a PNG",
        description="Render one card (front, inside, back) to a PNG, for a "
                    "contact or with the template's sample.",
        handler=run_preview,
    )
    pre.add_argument("template", metavar="TEMPLATE", help="a template id (see `studio templates`)")
    pre.add_argument("--contact", metavar="ID", type=int, help="the contact (default: the sample)")
    pre.add_argument("--out", required=True, metavar="FILE.png", type=Path)
    pre.add_argument("--message", metavar="TEXT", help="your personal message instead of the template's")
    pre.add_argument("--dpi", type=int, default=100, help="resolution of the PNG (default 100)")
    add_today_argument(pre)


def run_templates(args: argparse.Namespace, ctx: CliContext) -> int:
    if wants_manage(args) or args.out is not None or args.name is not None:
        return run_manage_templates(args, ctx)
    listing = cards.list_templates(ctx.paths)
    for error in listing.broken:
        ctx.warn(f"studio: skipped a broken template: {error}")
    if args.json:
        ctx.print_json([cards.template_json(t) for t in listing.templates])
        return 0
    if not listing.templates:
        ctx.print("No card templates.")
        return 0
    rows = [(t.id, t.name, t.format, ", ".join(t.occasions), t.source) for t in listing.templates]
    header = ("ID", "Name", "Format", "Occasions", "Source")
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]
    for row in (header, *rows):
        ctx.print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return 0


def _print_notes(ctx: CliContext, notes: list[FitNote]) -> None:
    problems = [n for n in notes if n.is_problem]
    shrunk = [n for n in notes if not n.is_problem]
    for note in (problems + shrunk)[:_MAX_NOTES]:
        ctx.print(f"  {note}")
    if len(notes) > _MAX_NOTES:
        ctx.print(f"  … and {len(notes) - _MAX_NOTES} more")
    overflow = sum(n.status == "overflow" for n in notes)
    if overflow:
        ctx.print(f"{overflow} text box{'es' if overflow != 1 else ''} did not fit: "
                  "shorten the message or the names, or choose another template.")
    if any(n.missing for n in notes):
        ctx.print("Some characters have no font in Card Studio and were left out: "
                  "write those names in Latin letters (e.g. as a nickname), or check the card.")


def run_render(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store(must_exist=True) as store, progress_line(ctx) as progress:
        ids = select_contact_ids(store, ids=args.contacts, tag=args.tag, everyone=args.everyone)
        sheet = load_messages(store, args.messages) if args.messages else None
        summary = card_render.render_for_contacts(
            store, ctx.paths, args.template, ids, args.out, paper=args.paper, marks=args.marks,
            message=args.message, messages=sheet.messages if sheet else None,
            photos=sheet.photos if sheet else None, today=today_of(args), order=args.order,
            photo=args.photo, progress=progress, printer=args.printer, duplex=args.duplex)
    for name, why in summary.skipped:
        ctx.warn(f"skipped {name}: {why}")
    if summary.unsigned:
        ctx.warn(f"warning: {summary.unsigned}")
    for warning in [*summary.message_warnings, *summary.photos]:
        ctx.warn(f"warning: {warning}")
    if summary.no_link:
        ctx.warn(f"warning: {summary.no_link}")
    for note in summary.print_area:
        ctx.warn(f"{'warning' if note.is_problem else 'note'}: printing: {note}")
    ctx.print(f"Rendered {summary.cards} card{'s' if summary.cards != 1 else ''} to {summary.out}"
              + (f" ({len(summary.skipped)} skipped)" if summary.skipped else ""))
    steps = manual_steps([summary.out, *summary.side_files], summary.profile)
    if steps:
        ctx.print(steps)
    _print_notes(ctx, summary.fit_notes)
    return 0


def run_preview(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store(must_exist=True) as store:
        summary = card_render.preview_png(store, ctx.paths, args.template, args.out, contact_id=args.contact,
                                          message=args.message, today=today_of(args), dpi=args.dpi)
    if summary.missing:
        ctx.warn(f"note: this contact {summary.missing}; `studio render` would skip them")
    if summary.unsigned:
        ctx.warn(f"warning: {summary.unsigned}")
    if summary.no_link:
        ctx.warn(f"warning: {summary.no_link}")
    ctx.print(f"Wrote {summary.out}")
    _print_notes(ctx, summary.fit_notes)
    return 0
