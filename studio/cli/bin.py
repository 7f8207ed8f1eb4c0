"""`studio delete` (to the bin) and `studio bin` (list, restore, empty)."""

from __future__ import annotations

import argparse

from studio.cli.context import CliContext
from studio.cli.options import add_command, add_json_argument
from studio.services import addressbook
from studio.services import bin as service


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    delete = add_command(
        subparsers, common, "delete",
        help="move contacts to the bin",
        description="Move contacts to the bin; `studio bin --restore` brings them "
                    "back with their orders and the cards they received.",
        handler=run_delete,
    )
    delete.add_argument("ids", nargs="+", type=int, metavar="ID", help="contact ids (see `studio contacts`)")

    bin_cmd = add_command(
        subparsers, common, "bin",
        help="deleted contacts: list, restore, empty",
        handler=run_bin,
    )
    action = bin_cmd.add_mutually_exclusive_group()
    action.add_argument("--restore", nargs="+", type=int, metavar="N", help="put these bin entries back")
    action.add_argument("--restore-all", action="store_true", help="put everything in the bin back")
    action.add_argument("--empty", action="store_true", help="delete everything in the bin for good")
    add_json_argument(bin_cmd, "print JSON instead of a table")


def run_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store() as store:
        addressbook.select_contact_ids(store, ids=args.ids)  # names an id that is not there
        deleted = addressbook.delete_contacts(store, args.ids)
    names = ", ".join(d.contact.name for d in deleted)
    ctx.print(
        f"Moved {len(deleted)} contact{'s' if len(deleted) != 1 else ''} to the bin: {names}. "
        "`studio bin --restore-all` brings them back."
    )
    return 0


def run_bin(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store(must_exist=True) as store:
        if args.restore or args.restore_all:
            restored = service.restore(store, args.restore) if args.restore else service.restore_all(store)
            ctx.print(
                f"Restored {len(restored)}: {', '.join(c.name for c in restored)}."
                if restored
                else "The bin is empty; nothing to restore."
            )
            return 0
        if args.empty:
            gone = service.empty_bin(store)
            ctx.print(f"Emptied the bin: {gone} contact{'s' if gone != 1 else ''} deleted for good.")
            return 0
        entries = service.binned(store)
    if args.json:
        ctx.print_json([service.binned_json(e) for e in entries])
    elif not entries:
        ctx.print("The bin is empty.")
    for entry in entries if not args.json else []:
        ctx.print(f"{entry.id:>5}  {entry.contact.name:32}  deleted {entry.deleted_at.replace('T', ' ')}")
    return 0
