"""`studio import-orders`, `studio orders`: back-office order exports, and what a customer buys."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.cli.context import CliContext, progress_line
from studio.cli.options import (
    add_command,
    add_contact_argument,
    add_json_argument,
    add_today_argument,
    today_of,
)
from studio.services import orders as service


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    imp = add_command(
        subparsers, common, "import-orders",
        help="import a back-office order export (CSV, XLSX)",
        description="Import the orders of a back-office export. Each order is matched to a contact by "
                    "customer number, then e-mail, then phone, then name and address; a customer nobody "
                    "matches is added (tagged customer). Each new order is a touch and makes its "
                    "thank-you card due; importing the same export again adds nothing twice.",
        handler=run_import_orders,
    )
    imp.add_argument("file", metavar="FILE", type=Path, help="the export: .csv, .tsv, .xlsx, .xls or .ods")
    imp.add_argument("--map", metavar="COLUMN=FIELD", action="append", dest="column_map",
                     help="what a column holds, e.g. --map \"Bestellt am=order_date\" (repeatable; "
                          f"fields: {', '.join(service.ORDER_FIELDS)}), or the NAME of a saved map. "
                          "The map is saved for exports with the same columns")
    imp.add_argument("--dry-run", action="store_true", help="report what would be imported; save nothing")
    add_json_argument(imp, "print the report as JSON")
    add_today_argument(imp)  # the day new customers are enrolled in the follow-up sequences

    orders = add_command(
        subparsers, common, "orders",
        help="a contact's orders, their total and reorder date",
        description="List a contact's orders (imported or recorded with `studio log CONTACT order`), "
                    "oldest first, with the first and last order, their number and total, and the "
                    "day they will likely reorder (their median gap between orders after the last).",
        handler=run_orders,
    )
    add_contact_argument(orders)
    add_json_argument(orders)


def run_import_orders(args: argparse.Namespace, ctx: CliContext) -> int:
    column_map = ",".join(args.column_map) if args.column_map else None
    with ctx.open_store() as store, progress_line(ctx, enabled=not args.json) as progress:
        report = service.import_orders(store, args.file, column_map=column_map, dry_run=args.dry_run,
                                       progress=progress, today=today_of(args), paths=ctx.paths)
    if args.json:
        ctx.print_json(report.to_json())
        return 0
    for skipped in report.skipped:
        ctx.warn(f"skipped {skipped}")
    for problem in report.sequence_problems:
        ctx.warn(f"studio: warning: sequence left out: {problem}")
    ctx.print(report.headline() + ".")
    for contact_id, name in report.created:
        ctx.print(f"  new customer #{contact_id} {name}")
    if report.enrolled:
        ctx.print(f"  {report.enrolled} follow-up sequence{'s' if report.enrolled != 1 else ''} started "
                  "(studio sequences lists them)")
    return 0


def run_orders(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store(must_exist=True) as store:
        contact, summary = service.orders_of(store, args.contact)
    if args.json:
        ctx.print_json({"contact_id": contact.id, "contact_name": contact.name, **summary.to_json()})
        return 0
    if not summary.count:
        ctx.print(f"No orders of {contact.name} yet (import an export with `studio import-orders`).")
        return 0
    ctx.print(f"Orders of {contact.name} (#{contact.id}): {summary.headline()}")
    for order in summary.orders:
        amount = f"{order.amount:>10.2f}" if order.amount is not None else " " * 10
        ctx.print(f"  {order.date.isoformat()} {amount}  {order.items}")
    return 0

