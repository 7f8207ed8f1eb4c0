"""`studio occasions`, `studio today`, `studio log`: what is coming, what is due, recording an order."""

from __future__ import annotations

import argparse
import datetime as dt
from itertools import groupby
from pathlib import Path

from studio.cli.context import CliContext
from studio.cli.options import (
    add_command,
    add_contact_argument,
    add_json_argument,
    add_today_argument,
    day_count,
    parse_date,
    today_of,
)
from studio.occasions import NotThanked
from studio.services import occasions as service
from studio.services.occasions import UpcomingItem
from studio.touches.due import DueTouch
from studio.touches.due_steps import DueStep, card_batches, cards_headline

_NAMES_SHOWN = 4  # holiday lines list this many recipients, then "and N more"


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    listing = add_command(
        subparsers, common, "occasions",
        help="list upcoming occasions by mail-by date",
        description="Occasions whose date or mail-by date falls in the coming days, sorted by the "
                    "day the card must be posted.",
        handler=run_occasions,
    )
    listing.add_argument("--from", dest="start", type=parse_date, metavar="DATE",
                         help="first day of the window (default: today)")
    listing.add_argument("--days", type=day_count(1), default=30, metavar="N",
                         help="length of the window in days (default 30)")
    add_json_argument(listing, "print JSON items instead of a table")
    listing.add_argument("--ics", type=Path, metavar="FILE",
                         help="also write the occasions with mail-by reminders as an iCalendar file")
    add_today_argument(listing)

    today = add_command(
        subparsers, common, "today",
        help="what must be mailed today or is late",
        description="Cards to post today or already late, customers not thanked lately, and "
                    "mailings printed but not yet marked sent.",
        handler=run_today,
    )
    add_json_argument(today, "print JSON instead of text")
    add_today_argument(today)

    log = add_command(
        subparsers, common, "log",
        help="record a touch: a call, a message, an order (thank-you due)…",
        description="Record a touch: a call, a message, a meeting, an order, a referral or a note. Every "
                    "touch restarts the contact's keep-in-touch rhythm; after an order or a referral a "
                    "thank-you card becomes due within two days.",
        handler=run_log,
    )
    add_contact_argument(log)
    log.add_argument("kind", choices=service.EVENT_KINDS, help="what happened")
    log.add_argument("--date", type=parse_date, metavar="D", help="when, not after today (default: today)")
    log.add_argument("--note", default="", metavar="TEXT", help="a note to keep with it")
    log.add_argument("--amount", type=float, metavar="A", help="an order's total")
    add_today_argument(log)


def run_occasions(args: argparse.Namespace, ctx: CliContext) -> int:
    start = args.start or today_of(args)
    with ctx.open_store(must_exist=True) as store:
        items = service.list_upcoming(store, start, args.days)
        phones = service.birthday_phones(store, items) if args.ics else {}
    if args.ics:
        count = service.export_ics(items, args.ics, dt.datetime.now(dt.UTC), phones)
        ctx.warn(f"Wrote {count} occasion{'s' if count != 1 else ''} with mail-by reminders to {args.ics}")
    if args.json:
        ctx.print_json([i.to_json() for i in items])
        return 0
    end = start + dt.timedelta(days=args.days - 1)
    if not items:
        ctx.print(f"No occasions from {start.isoformat()} to {end.isoformat()}.")
        return 0
    ctx.print(f"Occasions from {start.isoformat()} to {end.isoformat()}, by the day to post the card:")
    _print_items(ctx, items)
    return 0


def _print_items(ctx: CliContext, items: list[UpcomingItem]) -> None:
    """One line per personal occasion; holidays grouped by day and mail-by date."""
    rows: list[tuple[str, str, str, str]] = [("MAIL BY", "DATE", "OCCASION", "WHO")]

    def group_key(item: UpcomingItem) -> tuple[object, ...]:
        o = item.occasion
        if o.kind == "holiday":
            return (o.mail_by, o.date, o.key)
        return (o.mail_by, o.date, o.key, o.contact_id)

    for _, grouped in groupby(items, key=group_key):
        members = list(grouped)
        first = members[0].occasion
        mailed = [m.mailing_id for m in members if m.mailing_id is not None]
        note = f"  [in mailing {mailed[0]}]" if mailed and len(mailed) == len(members) else ""
        if first.kind == "holiday":
            names = [m.occasion.contact_name for m in members]
            who = ", ".join(names[:_NAMES_SHOWN])
            if len(names) > _NAMES_SHOWN:
                who += f" and {len(names) - _NAMES_SHOWN} more"
            what = f"{first.name} ({len(names)} card{'s' if len(names) != 1 else ''})"
        else:
            who = f"{first.contact_name} (#{first.contact_id})"
            what = first.name if first.years is None or first.kind == "customer-anniversary" \
                else f"{first.name} ({first.years})"
        rows.append((first.mail_by.isoformat(), first.date.isoformat(), what, who + note))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for row in rows:
        ctx.print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3])


def _neglect_json(entry: NotThanked) -> dict[str, object]:
    return {"contact_id": entry.contact_id, "contact_name": entry.contact_name,
            "last_card": entry.last_card.isoformat() if entry.last_card else None,
            "customer_since": entry.customer_since.isoformat() if entry.customer_since else None,
            "days": entry.days}


def run_today(args: argparse.Namespace, ctx: CliContext) -> int:
    today = today_of(args)
    with ctx.open_store(must_exist=True) as store:
        report = service.today_report(store, today, ctx.paths)
    for problem in report.sequence_problems:
        ctx.warn(f"studio: warning: sequence left out: {problem}")
    if args.json:
        ctx.print_json({
            "today": today.isoformat(),
            "due": [i.to_json() for i in report.due],
            "not_thanked": [_neglect_json(n) for n in report.not_thanked],
            "not_thanked_days": report.not_thanked_days,
            "due_touch": [d.to_json() for d in report.due_touch],
            "calls": [c.to_json() for c in report.calls],
            "steps": [s.to_json() for s in report.steps],
            "sequence_problems": report.sequence_problems,
            "unposted": [{"id": m.id, "occasion": m.occasion, "year": m.year, "cards": len(m.items),
                          "created_at": m.created_at, "folder": m.folder} for m in report.unposted],
        })
        return 0
    if report.due:
        late = sum(1 for i in report.due if i.occasion.mail_by < today)
        count = f"{len(report.due)} card{'s' if len(report.due) != 1 else ''}"
        late_note = f", {late} of them late" if late else ""
        ctx.print(f"To post today ({today.isoformat()}): {count}{late_note}:")
        _print_items(ctx, report.due)
    else:
        ctx.print(f"Nothing must be posted today ({today.isoformat()}).")
    ctx.print("")
    if report.calls:
        ctx.print("Birthdays to call:")
        for call in report.calls:
            when = "today" if call.date == today else "tomorrow"
            age = f", turns {call.years}" if call.years is not None else ""
            ctx.print(f"  #{call.contact_id:<5} {call.contact_name} ({when}{age}): "
                      f"{', '.join(call.phones) or 'no phone number'}")
        ctx.print("")
    if report.steps:
        _print_steps(ctx, report.steps, today)
        ctx.print("")
    if report.due_touch:
        ctx.print(f"Due for a touch ({len(report.due_touch)}), most overdue first:")
        for due in report.due_touch:
            ctx.print(f"  #{due.contact_id:<5} {due.contact_name}: {_due_text(due)}")
    else:
        ctx.print("Nobody is due for a touch: everyone with a rhythm was in touch in time.")
    if report.unposted:
        ctx.print("")
        ctx.print("Printed but not marked sent (studio history --mark-sent ID once posted):")
        for mailing in report.unposted:
            ctx.print(f"  mailing {mailing.id}: {mailing.occasion}"
                      f"{' ' + str(mailing.year) if mailing.year else ''}, {len(mailing.items)} cards, "
                      f"made {mailing.created_at[:10]}")
    return 0


def _print_steps(ctx: CliContext, steps: list[DueStep], today: dt.date) -> None:
    headline = cards_headline(card_batches(steps))
    ctx.print(f"Follow-ups due ({len(steps)})" + (f"; {headline}" if headline else "") + ":")
    for step in steps:
        late = (today - step.due).days
        when = f"due {step.due.isoformat()}" + (f", {late} day{'s' if late != 1 else ''} late"
                                                if late > 0 else "")
        post = f", post by {step.mail_by.isoformat()}" if step.mail_by else ""
        ctx.print(f"  #{step.contact_id:<5} {step.contact_name}: {step.label} "
                  f"({step.sequence}, step {step.step}; {when}{post})")
    ctx.print("  (studio sequences --done CONTACT SEQUENCE STEP once done, --skip to leave one out)")


def _due_text(due: DueTouch) -> str:
    days = due.days_overdue
    late = f", {days} day{'s' if days != 1 else ''} overdue" if days else ""
    every = f"every {due.rhythm_days} days{late}"
    if due.last_touch is None:
        return f"never in touch ({every})"
    return f"last {due.last_kind} {due.last_touch.isoformat()} ({every})"


def run_log(args: argparse.Namespace, ctx: CliContext) -> int:
    today = today_of(args)
    when = args.date or today
    with ctx.open_store() as store:
        logged = service.log_event(store, args.contact, args.kind, when, args.note, today=today,
                                   amount=args.amount, paths=ctx.paths)
    what = f"Recorded {args.kind} of {logged.contact.name} (#{logged.contact.id}) on {when.isoformat()}."
    if logged.thank_you is not None:
        what += f" A thank-you card is due by {logged.thank_you.mail_by.isoformat()}."
    ctx.print(what)
    return 0
