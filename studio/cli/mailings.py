"""`studio mailing`, `studio history`, `studio demo`."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from studio.cli.context import CliContext, progress_line
from studio.cli.options import (
    add_command,
    add_json_argument,
    add_messages_argument,
    add_order_argument,
    add_printer_arguments,
    add_selection_arguments,
    add_today_argument,
    day_count,
    parse_date,
    parse_year,
    today_of,
)
from studio.errors import UsageError
from studio.services import mailings as service
from studio.services import returns
from studio.services.card_sheets import manual_steps
from studio.services.demo import run_demo
from studio.services.mailing_timing import arrival_notes, post_by
from studio.services.mailings import MailingPlan, MailingRequest
from studio.services.messages import load_messages
from studio.store import Store
from studio.store.history import Mailing
from studio.store.returns import ReturnedCard

_SKIPPED_SHOWN = 50


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    mailing = add_command(
        subparsers, common, "mailing",
        help="make a mailing: cards, envelopes or labels, and a list",
        description="Make one folder with cards.pdf, envelopes.pdf and/or labels.pdf in the same "
                    "order and mailing.csv, record it in the history and print its id. Recipients: "
                    "--contact, --tag or --all; with none, whoever has the occasion (for a birthday "
                    "or a thank-you: whoever's card is due within --days).",
        handler=run_mailing,
    )
    add_recipient_arguments(mailing)
    mailing.add_argument("--envelopes", metavar="SIZE", help="envelopes of this size (e.g. a7, a2, no10, c6)")
    mailing.add_argument("--labels", metavar="STOCK", help="address labels on this stock (e.g. avery-5160)")
    mailing.add_argument("--start", type=int, default=1, metavar="N",
                         help="first free label on the first sheet (1 = top left)")
    mailing.add_argument("--message", metavar="TEXT", help="your own message on every card")
    add_messages_argument(mailing)
    mailing.add_argument("--photo", metavar="FILE", type=Path,
                         help="a photo (JPEG or PNG) for the template's \"mailing.photo\" boxes")
    add_printer_arguments(mailing, duplex=True, on_page=True)
    mailing.add_argument("--any-template", action="store_true",
                         help="print the template even though it is made for another occasion")
    mailing.add_argument("--dry-run", action="store_true",
                         help="list recipients, skipped contacts and the mail-by date; write nothing")
    mailing.add_argument("--out", type=Path, metavar="DIR", help="the new folder for the mailing")
    add_json_argument(mailing)

    history = add_command(
        subparsers, common, "history",
        help="past mailings; mark one sent or delete one never posted",
        description="List mailings, newest first. A mailing counts as sent (for the not-thanked-lately "
                    "list) once marked sent: printed is not posted.",
        handler=run_history,
    )
    add_json_argument(history)
    action = history.add_mutually_exclusive_group()
    action.add_argument("--delete", metavar="MAILING", help="delete a mailing that was never posted")
    action.add_argument("--mark-sent", metavar="MAILING", help="mark a mailing posted (an id, or 'latest')")
    action.add_argument("--returned", nargs=2, metavar=("MAILING", "CONTACT"),
                        help="a card of MAILING came back: CONTACT's address is doubtful until corrected")
    action.add_argument("--address-ok", metavar="CONTACT",
                        help="the address of a contact whose card came back is right after all")
    history.add_argument("--reason", choices=returns.RETURN_REASONS, default="moved",
                         help="with --returned: why it came back (default: moved)")
    history.add_argument("--date", type=parse_date, metavar="D",
                         help="with --mark-sent: the day it was posted (default: today)")
    add_today_argument(history)

    demo = add_command(
        subparsers, common, "demo",
        help="see what Card Studio makes: a mailing for sample contacts",
        description="Load the bundled sample contacts into a throwaway database (not yours) and make a "
                    "sample holiday mailing (cards, envelopes and labels) in DIR.",
        handler=run_demo_command,
    )
    demo.add_argument("--out", type=Path, required=True, metavar="DIR", help="a new or empty folder")
    add_today_argument(demo)


def add_recipient_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that choose a mailing's template, occasion and recipients (`request_of`
    reads them): shared by `studio mailing` and `studio messages`."""
    parser.add_argument("--template", required=True, metavar="ID",
                        help="the card template (see `studio templates`)")
    parser.add_argument("--occasion", metavar="KEY",
                        help="christmas, thanksgiving, birthday, anniversary, customer-anniversary, "
                             "thank-you, welcome, thinking-of-you, date:LABEL … (default: the "
                             "template's first occasion)")
    parser.add_argument("--year", type=parse_year, metavar="YYYY",
                        help="which year's occasion (default: the one due next)")
    add_selection_arguments(parser)
    parser.add_argument("--days", type=day_count(0), default=service.DEFAULT_DUE_DAYS, metavar="N",
                        help="for birthdays and thank-yous without recipients: cards due within N days")
    parser.add_argument("--force", action="store_true",
                        help="include contacts already in a mailing of this occasion and year")
    add_order_argument(parser, pieces="cards, envelopes, labels and mailing.csv")
    parser.add_argument("--post-on", dest="post_on", type=parse_date, metavar="DATE",
                        help="the day you will post the cards, YYYY-MM-DD, today or later (default: "
                             "today): when they arrive is reckoned from it")
    add_today_argument(parser)


def request_of(args: argparse.Namespace, store: Store) -> MailingRequest:
    """The mailing the options ask for; a ``--messages`` sheet is read (and checked) here."""
    sheet = load_messages(store, args.messages) if getattr(args, "messages", None) else None
    return MailingRequest(template=args.template, occasion=args.occasion, year=args.year, tag=args.tag,
                          contact_ids=tuple(args.contacts), everyone=args.everyone,
                          envelopes=getattr(args, "envelopes", None), labels=getattr(args, "labels", None),
                          start=getattr(args, "start", 1), force=args.force, days=args.days,
                          message=getattr(args, "message", None),
                          messages=tuple(sheet.messages.items()) if sheet else (),
                          photos=tuple((i, str(p)) for i, p in sheet.photos.items()) if sheet else (),
                          order=args.order, post_on=args.post_on,
                          any_template=getattr(args, "any_template", False),
                          photo=getattr(args, "photo", None), printer=getattr(args, "printer", None),
                          duplex=getattr(args, "duplex", None), on_page=getattr(args, "on_page", None))


def plan_json(plan: MailingPlan) -> dict[str, Any]:
    return {
        "occasion": plan.occasion_key, "occasion_name": plan.occasion_name, "year": plan.year,
        "template": plan.template.id, "mail_by": plan.mail_by.isoformat() if plan.mail_by else None,
        "recipients": [{"position": r.position, "contact_id": r.contact.id, "contact_name": r.contact.name,
                        "date": r.occasion.date.isoformat(), "mail_by": r.occasion.mail_by.isoformat(),
                        "years": r.occasion.years, "message": r.message} for r in plan.recipients],
        "skipped": [{"contact_id": s.contact_id, "contact_name": s.contact_name, "reason": s.reason}
                    for s in plan.skipped],
        "warnings": plan.warnings, "print_notes": plan.print_notes,
        "output": plan.output, "template_mismatch": plan.mismatch,
    }


def _title(plan: MailingPlan) -> str:
    return f"{plan.occasion_name}{f' {plan.year}' if plan.year else ''} with {plan.template.id}"


def _print_post_by(ctx: CliContext, plan: MailingPlan, today: dt.date) -> None:
    start = plan.post_on or today
    counts = [(day, n) for day, n in plan.mail_by_counts() if day >= start]  # a day gone is no advice
    if counts:
        ctx.print("Post by: " + ", ".join(f"{day.isoformat()} ({n} card{'s' if n != 1 else ''})"
                                          for day, n in counts))
    for note in arrival_notes(plan, today):
        ctx.print(note)


def _print_skipped(ctx: CliContext, plan: MailingPlan) -> None:
    if not plan.skipped:
        return
    ctx.print(f"Skipped ({len(plan.skipped)}):")
    for s in plan.skipped[:_SKIPPED_SHOWN]:
        ctx.print(f"  #{s.contact_id:<5} {s.contact_name}: {s.reason}")
    if len(plan.skipped) > _SKIPPED_SHOWN:
        ctx.print(f"  … and {len(plan.skipped) - _SKIPPED_SHOWN} more (--json lists all)")


def run_mailing(args: argparse.Namespace, ctx: CliContext) -> int:
    today = today_of(args)
    if not args.dry_run and args.out is None:
        raise UsageError("say where the mailing goes with --out DIR (or look first with --dry-run)")
    with ctx.open_store() as store:
        request = request_of(args, store)
        if args.dry_run:
            plan = service.plan_mailing(store, request, today, ctx.paths)
            service.check_template(plan, request)
            if args.json:
                ctx.print_json({"dry_run": True, **plan_json(plan)})
                return 0
            cards = f"{len(plan.recipients)} card{'s' if len(plan.recipients) != 1 else ''}"
            ctx.print(f"Dry run: {_title(plan)}: {cards}, {len(plan.skipped)} skipped. Nothing was written.")
            if not plan.recipients and not plan.skipped:
                ctx.print(f"Nobody to mail: {plan.nobody}.")
            _print_post_by(ctx, plan, today)
            if plan.output:
                ctx.print(f"Prints: cards, {service.describe_output(plan.output)}.")
            for warning in plan.warnings:
                ctx.print(f"Warning: {warning}")
            for note in plan.print_notes:
                ctx.print(f"Note: {note}")
            if plan.recipients:
                ctx.print("Recipients, in mailing order:")
                for r in plan.recipients:
                    years = f" ({r.occasion.years})" if r.occasion.years is not None else ""
                    ctx.print(f"  {r.position:>4}. #{r.contact.id:<5} {r.contact.name}{years}: "
                              f"{r.occasion.date.isoformat()}, mail by {r.occasion.mail_by.isoformat()}")
            _print_skipped(ctx, plan)
            return 0
        with progress_line(ctx) as progress:
            result = service.produce_mailing(store, request, today, args.out, ctx.paths, progress=progress)
    plan = result.plan
    if args.json:
        ctx.print_json({"id": result.mailing_id, "folder": str(result.folder),
                        "files": [p.name for p in result.files], **plan_json(plan)})
        return 0
    for warning in plan.warnings:
        ctx.warn(f"warning: {warning}")
    for s in plan.skipped:
        ctx.warn(f"skipped #{s.contact_id} {s.contact_name}: {s.reason}")
    for note in result.fit_notes:
        if note.is_problem:  # shrinking to fit is normal; text that does not fit or is left out is not
            ctx.warn(f"warning: {note}")
    files = ", ".join(p.name for p in result.files)
    steps = manual_steps(result.files, result.profile)
    if steps:
        ctx.print(steps)
    last = post_by(plan, today)
    when = f"Post by {last.isoformat()}" if last else "Post as soon as you can (they will arrive late)"
    for note in arrival_notes(plan, today):
        ctx.warn(note)
    ctx.warn(f"Mailing {result.mailing_id}: {len(plan.recipients)} cards for {_title(plan)} "
             f"in {result.folder} ({files}). {when}; "
             f"then run `studio history --mark-sent {result.mailing_id}`.")
    ctx.print(result.mailing_id)
    return 0


def mailing_json(mailing: Mailing, returned: dict[int, ReturnedCard] | None = None) -> dict[str, Any]:
    """A mailing as `studio history --json` prints it; ``returned``: its cards that came back."""
    returned = returned or {}
    return {"id": mailing.id, "created_at": mailing.created_at, "occasion": mailing.occasion,
            "year": mailing.year, "template": mailing.template, "output": mailing.output,
            "folder": mailing.folder, "sent_at": mailing.sent_at, "cards": len(mailing.items),
            "items": [{"position": i.position, "contact_id": i.contact_id, "contact_name": i.contact_name,
                       "occasion": i.occasion,
                       "date": i.occasion_date.isoformat() if i.occasion_date else None,
                       "imb": i.imb, "returned": _returned_json(returned.get(i.contact_id or 0)),
                       "message": i.message}
                      for i in mailing.items]}


def _returned_json(card: ReturnedCard | None) -> dict[str, str] | None:
    return {"date": card.returned_on.isoformat(), "reason": card.reason} if card else None


def run_history(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store(must_exist=True) as store:
        if args.delete:
            gone = service.delete_mailing(store, args.delete)
            ctx.print(f"Deleted mailing {gone.id} ({gone.occasion}{f' {gone.year}' if gone.year else ''}, "
                      f"{len(gone.items)} cards). Its folder {gone.folder or '-'} was left as it is.")
            return 0
        if args.returned:
            card, contact = returns.record_returned(store, *args.returned, args.reason,
                                                    args.date or today_of(args))
            ctx.print(f"Noted: {contact.name}'s card from mailing {card.mailing_id} came back "
                      f"({card.reason}). The next mailing lists them under \"check address\" until "
                      "the address is corrected.")
            return 0
        if args.address_ok:
            contact, cleared = returns.clear_returns(store, args.address_ok, today_of(args))
            ctx.print(f"{contact.name}'s address is trusted again ({cleared} returned card"
                      f"{'' if cleared == 1 else 's'} cleared)." if cleared else
                      f"No returned card was waiting for {contact.name}; nothing changed.")
            return 0
        if args.mark_sent:
            when = args.date or today_of(args)
            marked = service.record_posted(store, args.mark_sent, when)
            sent = marked.mailing
            if marked.already:
                ctx.print(f"Mailing {sent.id} was already marked sent on {(sent.sent_at or '')[:10]}; "
                          "that date was kept.")
            else:
                ctx.print(f"Mailing {sent.id} marked sent on {when.isoformat()} ({len(sent.items)} cards).")
            return 0
        mailings = service.mailing_history(store)
        came_back = {m.id: returns.returned_in(store, m.id or 0) for m in mailings} if args.json else {}
    if args.json:
        ctx.print_json([mailing_json(m, came_back.get(m.id)) for m in mailings])
        return 0
    if not mailings:
        ctx.print("No mailings yet. Make one with `studio mailing` (or try `studio demo --out DIR`).")
        return 0
    for m in mailings:
        status = f"sent {m.sent_at[:10]}" if m.sent_at else "not marked sent"
        what = f"{m.occasion}{f' {m.year}' if m.year else ''}"
        ctx.print(f"{m.id:>4}  {m.created_at[:10]}  {what}  {m.template}  {len(m.items)} cards  "
                  f"{m.output or '-'}  {status}  {m.folder}")
    return 0


def run_demo_command(args: argparse.Namespace, ctx: CliContext) -> int:
    with progress_line(ctx) as progress:
        result = run_demo(args.out, today_of(args), progress=progress)
    mailing = result.mailing
    plan = mailing.plan
    ctx.print(f"Loaded {result.imported.added} sample contacts into a throwaway database and made a "
              f"{plan.occasion_name} {plan.year} mailing with the {result.template} template:")
    for path in mailing.files:
        ctx.print(f"  {path}")
    skipped = len(plan.skipped)
    ctx.print(f"{len(plan.recipients)} cards; open the PDFs to see them."
              + (f" {skipped} sample contact{'s' if skipped != 1 else ''} skipped, as in a real address book:"
                 if skipped else ""))
    for s in plan.skipped:
        ctx.print(f"  {s.contact_name}: {s.reason}")
    return 0
