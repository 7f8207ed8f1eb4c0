"""`studio missing`: who will get no card because a detail is missing, and a message asking."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.cli.context import CliContext
from studio.cli.options import add_command, add_json_argument, add_today_argument, day_count, today_of
from studio.services.missing import missing_details, write_missing_csv


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cmd = add_command(
        subparsers, common, "missing",
        help="contacts who get no card until a detail is filled in",
        description="Contacts whose coming card cannot be made (no postal address, no birthday, or a "
                    "field the template needs), the soonest due first, each with a message to send "
                    "them asking for it. Import their answers (a CSV) with `studio import`.",
        handler=run_missing,
    )
    cmd.add_argument(
        "--for", dest="occasion", metavar="OCCASION", help="only this occasion (birthday, christmas …)"
    )
    cmd.add_argument("--days", type=day_count(), default=60, help="how far ahead to look (default 60)")
    cmd.add_argument("--template", metavar="ID", help="also check the fields this template needs")
    add_json_argument(cmd, "print JSON instead of a table")
    cmd.add_argument(
        "--csv", metavar="FILE", type=Path, help="also write the list, with the messages, as CSV"
    )
    cmd.add_argument("--messages", action="store_true", help="print each message under its contact")
    add_today_argument(cmd)


def run_missing(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store(must_exist=True) as store:
        rows = missing_details(
            store,
            today_of(args),
            days=args.days,
            occasion=args.occasion,
            template_id=args.template,
            paths=ctx.paths,
        )
    if args.csv:
        write_missing_csv(rows, args.csv)
    if args.json:
        ctx.print_json([r.to_json() for r in rows])
        return 0
    if not rows:
        ctx.print("Nobody is missing a detail for the coming cards.")
    for row in rows:
        due = (
            f"mail by {row.occasion.mail_by.isoformat()} ({row.occasion.name})" if row.occasion else "no date"
        )
        ctx.print(f"{row.contact.id:>5}  {row.contact.name:28}  {due:36}  needs {row.text()}")
        if args.messages:
            ctx.print("       " + row.message.replace("\n", "\n       "))
    if args.csv:
        ctx.print(f"Wrote {len(rows)} contacts to {args.csv}.")
    return 0
