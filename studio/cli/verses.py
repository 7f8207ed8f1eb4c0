"""`studio verses`: the verse library, to start a card's message from."""

from __future__ import annotations

import argparse

from studio.cli.context import CliContext
from studio.cli.options import add_command, add_json_argument
from studio.services import verses as service
from studio.verses.library import TONES


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        subparsers, common, "verses",
        help="short messages by occasion and tone, to start a card from",
        description="List verses of the bundled library (written for Card Studio, free to print): "
                    "for an occasion or a template's occasions, of one tone, holding some words.",
        handler=run_verses,
    )
    parser.add_argument("words", nargs="*", help="words the verse holds (case and accents aside)")
    parser.add_argument("--occasion", metavar="KEY", help="birthday, thank-you, holiday, welcome, …")
    parser.add_argument("--template", metavar="ID", help="the verses for this template's occasions")
    parser.add_argument("--tone", choices=TONES, help="warm, fun or formal")
    add_json_argument(parser)


def run_verses(args: argparse.Namespace, ctx: CliContext) -> int:
    found = service.verses(words=" ".join(args.words), occasion=args.occasion, tone=args.tone,
                           template_id=args.template, paths=ctx.paths)
    if args.json:
        ctx.print_json([v.to_json() for v in found])
        return 0
    if not found:
        ctx.print("No verse matches; try fewer words or another tone.")
        return 0
    for verse in found:
        ctx.print(f"[{verse.occasion}, {verse.tone}] {verse.text}")
    return 0
