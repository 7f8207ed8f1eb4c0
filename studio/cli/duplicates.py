"""`studio duplicates`: the pairs that may be one person; merge, keep apart, undo a merge."""

from __future__ import annotations

import argparse

from studio.cli.context import CliContext
from studio.cli.options import add_command, add_json_argument
from studio.services import duplicates as service


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cmd = add_command(
        subparsers, common, "duplicates",
        help="possible duplicates: review, merge, keep apart, undo a merge",
        description="List the pairs of contacts that may be one person (the same name and address "
                    "with a different birthday, say); merge a pair or keep it apart. A merge keeps both "
                    "original records: `--undo-merge N` parts them again.",
        handler=run,
    )
    action = cmd.add_mutually_exclusive_group()
    action.add_argument("--merge", nargs=2, type=int, metavar=("KEEP", "OTHER"),
                        help="merge contact OTHER into contact KEEP")
    action.add_argument("--keep-apart", nargs=2, type=int, metavar=("ID", "ID"),
                        help="these two are different people: stop offering them")
    action.add_argument("--merges", action="store_true", help="list the merges that can be undone")
    action.add_argument("--undo-merge", type=int, metavar="N", help="part merge N again (see --merges)")
    add_json_argument(cmd, "print JSON instead of a table")


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.merge or args.keep_apart or args.undo_merge is not None:
        return _decide(args, ctx)
    with ctx.open_store(must_exist=True) as store:
        if args.merges:
            records = service.merges(store)
            if args.json:
                ctx.print_json([service.merge_json(r) for r in records])
            elif not records:
                ctx.print("No merges to undo.")
            for r in records if not args.json else []:
                ctx.print(f"{r.id:>5}  {r.kept_before.name} ← {r.absorbed.name}  "
                          f"(contacts {r.kept_id} and {r.absorbed.id}, {r.merged_at.replace('T', ' ')})")
            return 0
        pairs = service.possible_duplicates(store)
    if args.json:
        ctx.print_json([service.pair_json(p) for p in pairs])
        return 0
    if not pairs:
        ctx.print("No possible duplicates.")
    for pair in pairs:
        first, second = pair.ids
        why = "; ".join(pair.shared) + (f" but {', '.join(pair.conflicts)}" if pair.conflicts else "")
        ctx.print(f"{first:>5} {pair.first.name}  /  {second:>5} {pair.second.name}: {why}")
    if pairs:
        ctx.print("Merge with `studio duplicates --merge KEEP OTHER`, or `--keep-apart ID ID`.")
    return 0


def _decide(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store(must_exist=True) as store:
        if args.merge:
            record = service.merge_pair(store, *args.merge)
            ctx.print(f"Merged {record.absorbed.name} (contact {record.absorbed.id}) into "
                      f"{record.kept_before.name} (contact {record.kept_id}). "
                      f"`studio duplicates --undo-merge {record.id}` parts them again.")
        elif args.keep_apart:
            service.keep_apart(store, *args.keep_apart)
            ctx.print(f"Contacts {args.keep_apart[0]} and {args.keep_apart[1]} are kept apart.")
        else:
            kept, restored = service.undo_merge(store, args.undo_merge)
            ctx.print(f"Parted merge {args.undo_merge}: {kept.name} (contact {kept.id}) and "
                      f"{restored.name} (contact {restored.id}) are two contacts again.")
    return 0
