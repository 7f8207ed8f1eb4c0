"""`studio signature`: a photo of your signature, cleaned into ink and printed on the cards."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.cli.context import CliContext
from studio.services import signature
from studio.services.preferences import load_settings


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    sign = subparsers.add_parser(
        "signature", parents=[common], help="print your own signature on the cards, from a photo or scan",
        description="Clean a photo or scan of your signature (on white paper) into ink on a transparent "
                    "background and print it on every card that has a signature, in place of the typed "
                    "one. Without options: say which picture is used.")
    action = sign.add_mutually_exclusive_group()
    action.add_argument("--from", dest="photo", type=Path, metavar="PHOTO",
                        help="a JPEG or PNG of your signature")
    action.add_argument("--remove", action="store_true", help="go back to the typed signature")
    sign.add_argument("--ink", default="#1b2a4a", metavar="COLOUR", help='the ink colour (default "#1b2a4a")')
    sign.set_defaults(handler=run_signature)


def run_signature(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store() as store:
        if args.photo is not None:
            picture = signature.clean_signature(args.photo, ctx.paths, ink=args.ink)
            signature.use_signature(store, picture)
            ctx.print(f"Your signature is cleaned into {picture} and is now printed on every card "
                      "with a signature (in place of the typed one).")
            return 0
        if args.remove:
            signature.use_signature(store, None)
            ctx.print("The cards are signed with your typed signature line again.")
            return 0
        current = load_settings(store).sender.signature_image
    ctx.print(f"Signature picture: {current}" if current else
              "No signature picture: the cards carry your typed signature line "
              "(add one with `studio signature --from PHOTO`).")
    return 0
