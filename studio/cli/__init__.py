"""The `studio` command: argparse subcommands over the services.

Each command group lives in its own module with a ``register(subparsers, common)``
function; ``common`` is the parent parser that gives every command ``--db``.
With no subcommand, `studio` opens the desktop app.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from studio import __version__
from studio.cli.context import CliContext, run_guarded

# Modules under studio.cli that add subcommands, in the order `studio --help` lists them.
COMMAND_MODULES = (
    "addressbook",   # import, contacts, export
    "accounts",      # accounts, sync
    "bin",           # delete, bin
    "duplicates",    # duplicates
    "cards",         # templates, render, preview
    "mail_pieces",   # envelopes, labels, stocks
    "occasions",     # occasions, today, log
    "touches",       # touches, rhythm
    "orders",        # import-orders, orders
    "sequences",     # sequences, report
    "missing",       # missing
    "mailings",      # mailing, history, demo
    "messages",      # messages
    "verses",        # verses
    "preferences",   # settings
    "printers",      # printer-test
    "personal",      # signature, handwriting, photo
)
# Commands that read the label and envelope stock.
STOCK_COMMANDS = frozenset({"envelopes", "labels", "stocks", "calibrate", "mailing", "settings"})


def build_parser() -> argparse.ArgumentParser:
    db_help = "the database to use (default: CARD_STUDIO_DB or the one in your data folder)"
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand without --db must not reset one given before the subcommand.
    common.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS, help=db_help)
    parser = argparse.ArgumentParser(
        prog="studio",
        description="Card Studio: appreciation-marketing cards from your contacts. "
                    "Run without a command to open the desktop app.")
    parser.add_argument("--db", metavar="FILE", help=db_help)
    parser.add_argument("--version", action="version", version=f"Card Studio {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"studio.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"studio.cli.{name}":
                raise
            continue  # that group is not built yet
        module.register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 failed, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _open_desktop_app(args)
    ctx = CliContext.create(db=args.db)
    if args.command in STOCK_COMMANDS:
        # A broken stock file is skipped, not fatal; say which one, once, before the output.
        for warning in run_stock_warnings(ctx):
            ctx.warn(f"studio: warning: {warning}")
    return run_guarded(lambda: args.handler(args, ctx), ctx)


def run_stock_warnings(ctx: CliContext) -> list[str]:
    from studio.services.stock import stock_warnings

    return stock_warnings(ctx.paths)


def _open_desktop_app(args: argparse.Namespace) -> int:
    from studio.ui.app import main as app_main  # the one place a face hands over to the other

    return app_main(db=args.db)


if __name__ == "__main__":
    sys.exit(main())
