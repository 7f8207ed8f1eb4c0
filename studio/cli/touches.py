"""`studio touches`, `studio rhythm`: every touch with a contact, and how often to keep in touch."""

from __future__ import annotations

import argparse

from studio.cli.context import CliContext
from studio.cli.options import add_command, add_contact_argument, add_json_argument, day_count
from studio.errors import UsageError
from studio.services import touches as service


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    touches = add_command(
        subparsers, common, "touches",
        help="every touch with a contact: calls, messages, orders, cards…",
        description="List a contact's touches, newest first: what you recorded with `studio log` or "
                    "imported, and every card of a mailing marked sent.",
        handler=run_touches,
    )
    add_contact_argument(touches)
    add_json_argument(touches)

    rhythm = add_command(
        subparsers, common, "rhythm",
        help="how often to keep in touch, per tag or per contact",
        description="Set a keep-in-touch rhythm: a contact is due for a touch once that many days "
                    "have passed since their last touch of any kind (`studio today` lists them). A "
                    "contact's own rhythm comes before their tags'; of several tags the shortest "
                    "counts. Without --days, list the rhythms.",
        handler=run_rhythm,
    )
    who = rhythm.add_mutually_exclusive_group()
    who.add_argument("--tag", metavar="TAG", help="everyone with this tag")
    who.add_argument("--contact", metavar="CONTACT", help="one contact (id or search)")
    rhythm.add_argument("--days", type=day_count(0), metavar="N", help="days between touches (0: remove)")
    add_json_argument(rhythm)


def run_touches(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store(must_exist=True) as store:
        contact, touches = service.touches_of(store, args.contact)
    if args.json:
        ctx.print_json([t.to_json() for t in touches])
        return 0
    if not touches:
        ctx.print(f"No touches with {contact.name} yet (record one with `studio log {contact.id} call`).")
        return 0
    ctx.print(f"Touches with {contact.name} (#{contact.id}), newest first:")
    for touch in touches:
        amount = f" [{touch.amount:.2f}]" if touch.amount is not None else ""
        note = f": {touch.note}" if touch.note else ""
        ctx.print(f"  {touch.date.isoformat()}  {touch.kind:<8}{note}{amount}")
    return 0


def run_rhythm(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.days is not None and not (args.tag or args.contact):
        raise UsageError("say whose rhythm: --tag TAG or --contact CONTACT")
    if (args.tag or args.contact) and args.days is None:
        raise UsageError("say how often with --days N (0 removes the rhythm)")
    days = args.days or None
    with ctx.open_store(must_exist=args.days is None) as store:
        if args.tag:
            service.set_tag_rhythm(store, args.tag, days)
            ctx.print(f"Everyone tagged {args.tag}: "
                      + (f"a touch every {days} days." if days else "no rhythm."))
            return 0
        if args.contact:
            contact = service.set_contact_rhythm(store, args.contact, days)
            ctx.print(f"{contact.name}: "
                      + (f"a touch every {days} days." if days else "their tags' rhythm again."))
            return 0
        listing = service.rhythm_listing(store)
    if args.json:
        ctx.print_json({"tags": listing.tags, "contacts": [{"contact_id": i, "contact_name": n, "days": d}
                                                           for i, n, d in listing.contacts]})
        return 0
    for tag, days_ in listing.tags.items():
        ctx.print(f"  tag {tag}: every {days_} days")
    for contact_id, name, days_ in listing.contacts:
        ctx.print(f"  #{contact_id} {name}: every {days_} days")
    return 0
