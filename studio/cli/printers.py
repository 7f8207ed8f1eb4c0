"""`studio printer-test`: the two-sheet test that tells how the printer turns and stacks sheets."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.cli.context import CliContext
from studio.services import printer_setup
from studio.services.preferences import load_settings


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    test = subparsers.add_parser(
        "printer-test", parents=[common], help="a two-sided test print that tells how your printer duplexes",
        description="Write a 4-page test PDF. Print it two-sided at 100 %; its pages say whether your "
                    "printer turns sheets over the long or the short edge (or prints one side only), "
                    "whether it stacks face up or face down, and how far the back is off the front. "
                    "Then set printer.duplex and printer.stack with `studio settings --set`.")
    test.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    test.add_argument("--paper", choices=("letter", "a4"), help="default: the paper in settings")
    test.set_defaults(handler=run_printer_test)


def run_printer_test(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store() as store:
        settings = load_settings(store)
    out = printer_setup.printer_test(args.out, settings, args.paper)
    ctx.print(f"Wrote the printer test to {out}. Print all 4 pages two-sided at 100 % on plain paper "
              f"and follow what the first page says. Now: printer.duplex={settings.printer.duplex}, "
              f"printer.stack={settings.printer.stack}.")
    return 0
