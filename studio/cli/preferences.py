"""`studio settings`: show the settings, or change some by name."""

from __future__ import annotations

import argparse

from studio.cli.context import CliContext
from studio.cli.options import add_command, add_json_argument
from studio.errors import UsageError
from studio.services.preferences import flat_settings, update_settings


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        subparsers, common, "settings",
        help="show or change your settings (sender, paper, lead times …)",
        description="Show every setting, or change some: "
                    "studio settings --set sender.name='Maya Lindqvist' --set paper=a4. "
                    "Lists take commas (holidays=christmas,new-year); per-country transit days "
                    "take CODE=DAYS pairs (transit_days_by_country=DE=6,JP=9).",
        handler=run_settings,
    )
    parser.add_argument("--set", dest="changes", action="append", default=[], metavar="NAME=VALUE",
                        help="change one setting (repeatable; all are saved together or none)")
    add_json_argument(parser, "print the settings as JSON")


def run_settings(args: argparse.Namespace, ctx: CliContext) -> int:
    changes = []
    for item in args.changes:
        name, sep, value = item.partition("=")
        if not sep:
            raise UsageError(f"--set takes NAME=VALUE, not {item!r}")
        changes.append((name.strip(), value))
    with ctx.open_store() as store:
        settings = update_settings(store, changes, paths=ctx.paths) if changes else store.settings.load()
    flat = flat_settings(settings)
    if args.json:
        ctx.print_json(flat)
        return 0
    width = max(len(name) for name in flat)
    for name, value in flat.items():
        shown = ", ".join(map(str, value)) if isinstance(value, list) else \
            ", ".join(f"{k}={v}" for k, v in value.items()) if isinstance(value, dict) else value
        ctx.print(f"{name.ljust(width)}  {shown}")
    if changes:
        ctx.print(f"Saved {len(changes)} change{'s' if len(changes) != 1 else ''}.")
    return 0
