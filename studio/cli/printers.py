"""`studio printer-test`: the two-sheet test that tells how the printer turns and stacks sheets;
`studio printers`: the printer profiles, listed, added, set, made default, renamed, removed."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.cli.context import CliContext
from studio.cli.options import add_command, add_json_argument
from studio.errors import UsageError
from studio.services import printer_profiles, printer_setup
from studio.services.preferences import load_settings


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    test = add_command(
        subparsers, common, "printer-test", handler=run_printer_test,
        help="a two-sided test print that tells how your printer duplexes",
        description="Write a 4-page test PDF. Print it two-sided at 100 %; its pages say whether your "
                    "printer turns sheets over the long or the short edge (or prints one side only), "
                    "whether it stacks face up or face down, and how far the back is off the front. "
                    "Then set printer.duplex and printer.stack with `studio settings --set`.")
    test.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    test.add_argument("--paper", choices=("letter", "a4"), help="default: the paper in settings")

    keys = ", ".join(f"{key.name} ({key.allowed() if key.choices or key.low is not None else 'text'})"
                     for key in printer_profiles.profile_keys())
    printers = add_command(
        subparsers, common, "printers", handler=run_printers,
        help="printer profiles: duplex, calibration, envelope feed per printer",
        description="List the printer profiles, or change them. Each profile holds how a printer prints "
                    "two-sided, how it stacks, its blank edge, an offset and scale for cards, envelopes "
                    "and labels, and how envelopes go in. `--printer NAME` on render, envelopes, labels "
                    f"and mailing prints with one; without it, the default. Keys: {keys}.")
    add_json_argument(printers)
    printers.add_argument("--add", metavar="NAME", help="add a profile (a copy of --like, else the defaults)")
    printers.add_argument("--like", metavar="NAME", help="with --add: copy this profile")
    printers.add_argument("--set", dest="assignments", metavar="NAME.key=value", action="append", default=[],
                          help="set one key of a profile (repeatable), e.g. \"Office laser.duplex=manual\"")
    printers.add_argument("--rename", nargs=2, metavar=("NAME", "NEW_NAME"))
    printers.add_argument("--default", metavar="NAME", help="make this the default profile")
    printers.add_argument("--remove", metavar="NAME", help="remove a profile (not the default)")


def run_printer_test(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store() as store:
        settings = load_settings(store)
    out = printer_setup.printer_test(args.out, settings, args.paper)
    ctx.print(f"Wrote the printer test to {out}. Print all 4 pages two-sided at 100 % on plain paper "
              f"and follow what the first page says. Now: printer.duplex={settings.printer.duplex}, "
              f"printer.stack={settings.printer.stack}.")
    return 0


def run_printers(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.like and not args.add:
        raise UsageError("--like goes with --add NAME")
    for option, name in (("--add", args.add), ("--default", args.default), ("--remove", args.remove)):
        if name is not None and not name.strip():
            raise UsageError(f'{option} needs a printer profile\'s name, such as "Office laser"')
    with ctx.open_store() as store:
        if args.add is not None:  # "" too: add_profile refuses an empty name in words
            added = printer_profiles.add_profile(store, args.add, like=args.like)
            ctx.print(f"Added the printer profile {added.name!r}.")
        if args.rename:
            renamed = printer_profiles.rename_profile(store, *args.rename)
            ctx.print(f"Renamed {args.rename[0]!r} to {renamed.name!r}.")
        if args.assignments:
            for profile in printer_profiles.set_profile_keys(store, args.assignments):
                ctx.print(f"Saved the printer profile {profile.name!r}.")
        if args.default is not None:
            chosen = printer_profiles.set_default(store, args.default)
            ctx.print(f"{chosen.name!r} is now the default printer profile.")
        if args.remove is not None:
            removed = printer_profiles.remove_profile(store, args.remove)
            ctx.print(f"Removed the printer profile {removed.name!r}.")
        changed = args.add or args.rename or args.assignments or args.default or args.remove
        profiles, default = printer_profiles.list_profiles(store)
    if args.json:
        ctx.print_json([printer_profiles.profile_json(p, p.name == default) for p in profiles])
        return 0
    if changed:
        return 0
    for profile in profiles:
        values = printer_profiles.profile_json(profile, profile.name == default)
        ctx.print(f"{profile.name}{'  (default)' if profile.name == default else ''}")
        for key, value in values.items():
            if key not in ("name", "default"):
                ctx.print(f"    {key} = {value}")
    return 0
