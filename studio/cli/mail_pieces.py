"""`studio envelopes`, `studio labels`, `studio stocks`, `studio calibrate`."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.cli.context import CliContext, progress_line
from studio.cli.options import (
    add_command,
    add_json_argument,
    add_order_argument,
    add_printer_arguments,
    add_selection_arguments,
)
from studio.errors import UsageError
from studio.model import PIECE_KINDS
from studio.services import mail_pieces as service
from studio.services.mail_pieces import MailPieceSummary
from studio.services.printer_profiles import find_profile
from studio.services.stock import stock_rows

_SKIPPED_SHOWN = 20


def _selection(parser: argparse.ArgumentParser, pieces: str) -> None:
    """Who gets a piece (--contact/--tag/--all) and in which order they come out."""
    add_selection_arguments(parser)
    add_order_argument(parser, pieces=pieces)


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    env = add_command(
        subparsers, common, "envelopes",
        help="print envelopes for contacts",
        description="One PDF page per envelope, the size of the envelope: your return address "
                    "(Settings > Sender) top left, the recipient where the post office reads it.",
        handler=run_envelopes,
    )
    _selection(env, "envelopes")
    env.add_argument("--size", metavar="SIZE",
                     help="no10, monarch, 6x9, a2, a6, a7, a9, c5, c6, dl or custom:WxH in mm "
                          "(custom:7.5x5in for inches); default: your settings")
    env.add_argument("--stamp-box", action="store_true", help="outline where the stamp goes")
    add_printer_arguments(env, on_page=True)
    env.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")

    labels = add_command(
        subparsers, common, "labels",
        help="print address labels, return-address labels or a calibration page",
        description="Address labels on a label sheet (see `studio stocks`), your return address on a "
                    "whole sheet (--return-address), or the page that finds your printer's "
                    "calibration (--calibration).",
        handler=run_labels,
    )
    _selection(labels, "labels")
    labels.add_argument("--stock", metavar="STOCK", help="label sheet, e.g. avery-5160 or L7160 "
                                                         "(default: your settings)")
    labels.add_argument("--start", type=int, default=1, metavar="N",
                        help="first free label on the first sheet (the ones before it are used)")
    labels.add_argument("--outline", action="store_true", help="draw label outlines (test print on paper)")
    mode = labels.add_mutually_exclusive_group()
    mode.add_argument("--return-address", action="store_true", help="a sheet of your return address")
    mode.add_argument("--calibration", action="store_true", help="the printer calibration page")
    labels.add_argument("--sheets", type=int, default=1, metavar="N",
                        help="with --return-address: how many sheets (default 1)")
    add_printer_arguments(labels)
    labels.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")

    stocks = add_command(
        subparsers, common, "stocks",
        help="list label sheets and envelope sizes",
        handler=run_stocks,
    )
    add_json_argument(stocks, "print JSON instead of a table")

    calibrate = add_command(
        subparsers, common, "calibrate",
        help="show or set the printer calibration",
        description="Printer calibration for labels and envelopes: offsets in mm (positive moves the "
                    "print right / down) and scale factors. Print `studio labels --calibration` to "
                    "measure them.",
        handler=run_calibrate,
    )
    calibrate.add_argument("--offset-x", type=float, metavar="MM")
    calibrate.add_argument("--offset-y", type=float, metavar="MM")
    calibrate.add_argument("--scale-x", type=float, metavar="FACTOR")
    calibrate.add_argument("--scale-y", type=float, metavar="FACTOR")
    calibrate.add_argument("--reset", action="store_true", help="back to no correction")
    calibrate.add_argument("--printer", metavar="NAME", help="the printer profile (default: the default one)")
    calibrate.add_argument("--kind", choices=PIECE_KINDS, action="append",
                           help="what to calibrate: cards, envelopes or labels (repeatable; "
                                "default: labels and envelopes)")


def _report(ctx: CliContext, summary: MailPieceSummary, what: str) -> int:
    if summary.skipped:
        ctx.warn(f"Skipped {len(summary.skipped)} contact{'s' if len(summary.skipped) != 1 else ''} "
                 "(not printed):")
        for name, reason in summary.skipped[:_SKIPPED_SHOWN]:
            ctx.warn(f"  {name}: {reason}")
        if len(summary.skipped) > _SKIPPED_SHOWN:
            ctx.warn(f"  … and {len(summary.skipped) - _SKIPPED_SHOWN} more")
    for note in summary.problems:
        ctx.warn(f"warning: {note}")
    shrunk = len(summary.fit_notes) - len(summary.problems)
    if shrunk:
        ctx.warn(f"{shrunk} {what.rstrip('s')}{'s' if shrunk != 1 else ''} set smaller to fit")
    pages = f"{summary.pages} page{'s' if summary.pages != 1 else ''}"
    ctx.print(f"Wrote {summary.count} {what if summary.count != 1 else what[:-1]} ({pages}) to {summary.out}")
    return 0


def run_envelopes(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store(must_exist=True) as store, progress_line(ctx) as progress:
        summary = service.make_envelopes(store, args.out, ids=args.contacts, tag=args.tag,
                                         everyone=args.everyone, size=args.size, order=args.order,
                                         stamp_box=args.stamp_box, paths=ctx.paths, progress=progress,
                                         printer=args.printer, on_page=args.on_page)
    return _report(ctx, summary, "envelopes")


def run_labels(args: argparse.Namespace, ctx: CliContext) -> int:
    chosen = bool(args.contacts or args.tag or args.everyone)
    if (args.return_address or args.calibration) and chosen:
        raise UsageError("--return-address and --calibration print no contacts; "
                         "leave out --contact, --tag and --all")
    with ctx.open_store(must_exist=True) as store:
        profile = find_profile(store, args.printer)
        if args.calibration:
            settings = store.settings.load()
            out = service.calibration_page(args.stock, args.out, settings, paths=ctx.paths, profile=profile)
            ctx.print(f"Wrote the calibration page to {out}. Print it at 100 % on plain paper and follow "
                      "the steps on it.")
            return 0
        if args.return_address:
            summary = service.return_address_labels(args.stock, args.out, store.settings.load(), args.start,
                                                    args.outline, sheets=args.sheets, paths=ctx.paths,
                                                    profile=profile)
            return _report(ctx, summary, "return-address labels")
        with progress_line(ctx) as progress:
            summary = service.make_labels(store, args.out, ids=args.contacts, tag=args.tag,
                                          everyone=args.everyone, stock=args.stock, start=args.start,
                                          outline=args.outline, order=args.order, paths=ctx.paths,
                                          progress=progress, printer=args.printer)
    return _report(ctx, summary, "labels")


def run_stocks(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = stock_rows(ctx.paths)
    if args.json:
        ctx.print_json(rows)
        return 0
    header = ("ID", "Brand", "Part", "Paper", "Grid", "Size", "Use", "Also sold as")
    table = [(r["id"], r["brand"], r["part"], r["paper"], r["grid"], r["label_size"], r["use"],
              ", ".join(r["equivalents"][:4]) + (" …" if len(r["equivalents"]) > 4 else ""))
             for r in rows if r["kind"] == "label"]
    ctx.print("Label sheets")
    _print_table(ctx, header, table)
    ctx.print("")
    ctx.print("Envelopes (or custom:WxH in mm)")
    _print_table(ctx, ("ID", "Size", "Name"),
                 [(r["id"], r["label_size"], r["description"]) for r in rows if r["kind"] == "envelope"])
    return 0


def _print_table(ctx: CliContext, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(header[i]), *(len(r[i]) for r in rows)) for i in range(len(header))]
    for row in (header, *rows):
        ctx.print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def run_calibrate(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store() as store:
        calibration = service.set_calibration(store, offset_x=args.offset_x, offset_y=args.offset_y,
                                              scale_x=args.scale_x, scale_y=args.scale_y, reset=args.reset,
                                              printer=args.printer,
                                              kinds=tuple(args.kind or ("labels", "envelopes")))
    ctx.print(f"Printer calibration: offset x {calibration.offset_x:+.2f} mm, offset y "
              f"{calibration.offset_y:+.2f} mm, scale x {calibration.scale_x:.4f}, "
              f"scale y {calibration.scale_y:.4f}")
    return 0
