"""`studio signature`, `studio handwriting` and `studio photo`: your signature from a photo,
your handwriting from a font of your own, your own photo, printed on the cards."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.cli.context import CliContext
from studio.cli.options import add_command
from studio.services import handwriting, photos, signature
from studio.services.preferences import load_settings


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    sign = add_command(
        subparsers, common, "signature",
        help="print your own signature on the cards, from a photo or scan",
        description="Clean a photo or scan of your signature (on white paper) into ink on a transparent "
                    "background and print it on every card that has a signature, in place of the typed "
                    "one. Without options: say which picture is used.",
        handler=run_signature,
    )
    action = sign.add_mutually_exclusive_group()
    action.add_argument("--from", dest="photo", type=Path, metavar="PHOTO",
                        help="a JPEG or PNG of your signature")
    action.add_argument("--remove", action="store_true", help="go back to the typed signature")
    sign.add_argument("--ink", default="#1b2a4a", metavar="COLOUR", help='the ink colour (default "#1b2a4a")')

    hand = add_command(
        subparsers, common, "handwriting",
        help="write the personal lines of a card in your own handwriting font",
        description="Use a TrueType font made from your handwriting (for example with Calligraphr) "
                    "for every text box in the handwriting font: repeated letters take the font's other "
                    "shapes and each line sits a little differently on each card. Without options: say "
                    "which font is used.",
        handler=run_handwriting,
    )
    choice = hand.add_mutually_exclusive_group()
    choice.add_argument("--font", type=Path, metavar="FILE", help="your handwriting font (.ttf)")
    choice.add_argument("--remove", action="store_true", help="go back to the bundled script face")
    hand.add_argument("--jitter", choices=("on", "off"),
                      help="each handwritten line a little higher or lower, a little smaller (default on)")

    photo = add_command(
        subparsers, common, "photo",
        help="print your own photo on the cards that have a place for it",
        description="Keep a photo of yourself (JPEG or PNG) for every template with a \"sender.photo\" box "
                    "(the bundled Thank you with your photo). Without options: say which photo is used.",
        handler=run_photo,
    )
    which = photo.add_mutually_exclusive_group()
    which.add_argument("--file", type=Path, metavar="FILE", help="your photo")
    which.add_argument("--remove", action="store_true", help="print no photo of yours")


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


def run_handwriting(args: argparse.Namespace, ctx: CliContext) -> int:
    jitter = None if args.jitter is None else args.jitter == "on"
    with ctx.open_store() as store:
        if args.font is not None:
            font = handwriting.keep_handwriting_font(args.font, ctx.paths)
            handwriting.use_handwriting(store, font, jitter=jitter)
            letters = handwriting.alternate_letters(str(font))
            shapes = (f"; these letters change shape when they repeat: {letters}" if letters else
                      "; it has no alternate letter shapes, so repeated letters look alike")
            ctx.print(f"Handwriting boxes are now written in {font}{shapes}.")
            return 0
        settings = load_settings(store)
        if args.remove:
            handwriting.use_handwriting(store, None, jitter=jitter)
            ctx.print("Handwriting boxes are written in the bundled script face again.")
            return 0
        if jitter is not None:
            handwriting.use_handwriting(store, Path(settings.sender.handwriting_font)
                                        if settings.sender.handwriting_font else None, jitter=jitter)
            settings = load_settings(store)
    sender = settings.sender
    where = (sender.handwriting_font
             or "the bundled script face (add yours with `studio handwriting --font FILE`)")
    ctx.print(f"Handwriting font: {where}; uneven lines: {'on' if sender.handwriting_jitter else 'off'}.")
    return 0


def run_photo(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store() as store:
        if args.file is not None:
            kept = photos.keep_sender_photo(args.file, ctx.paths)
            photos.use_sender_photo(store, kept)
            ctx.print(f"Your photo is kept as {kept} and printed on every card with a place for it.")
            return 0
        if args.remove:
            photos.use_sender_photo(store, None)
            ctx.print("No photo of yours is printed; cards with a place for it print without it.")
            return 0
        current = load_settings(store).sender.photo
    ctx.print(f"Your photo: {current}" if current else
              "No photo of yours is set (add one with `studio photo --file FILE`).")
    return 0
