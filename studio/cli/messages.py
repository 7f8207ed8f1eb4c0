"""`studio messages`: the sheet to write a message for each person of a mailing."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.cli.context import CliContext
from studio.cli.mailings import add_recipient_arguments, request_of
from studio.cli.options import add_command, today_of
from studio.services.messages import write_message_sheet


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    messages = add_command(
        subparsers, common, "messages",
        help="a sheet to write a message for each person of a mailing",
        description="Write FILE.csv with a row for each recipient the mailing would have (chosen as "
                    "`studio mailing` chooses them) and what you know of them: occasion, years, spouse "
                    "and children, last order, notes, the last card and its message. Fill in the "
                    "message column, then give the sheet to `studio mailing` or `studio render` "
                    "with --messages FILE.csv.",
        handler=run_messages,
    )
    add_recipient_arguments(messages)
    messages.add_argument("--out", required=True, type=Path, metavar="FILE.csv", help="the sheet to write")


def run_messages(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store(must_exist=True) as store:
        plan = write_message_sheet(store, ctx.paths, request_of(args, store), today_of(args), args.out)
    for warning in plan.warnings:
        ctx.warn(f"warning: {warning}")
    for s in plan.skipped:
        ctx.warn(f"skipped #{s.contact_id} {s.contact_name}: {s.reason}")
    count = len(plan.recipients)
    ctx.print(f"Wrote {count} row{'s' if count != 1 else ''} to {args.out}: fill in the message column, then "
              f"run `studio mailing --template {plan.template.id} … --messages {args.out}`.")
    return 0
