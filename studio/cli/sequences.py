"""`studio sequences`, `studio report`: follow-ups that run themselves, and the results loop."""

from __future__ import annotations

import argparse

from studio.cli.context import CliContext
from studio.cli.options import add_command, add_json_argument, add_today_argument, today_of
from studio.errors import UsageError
from studio.services import results as results_service
from studio.services import sequences as service


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    seq = add_command(
        subparsers, common, "sequences",
        help="follow-up sequences and who is enrolled in them",
        description="List the follow-up sequences (bundled, and your own TOML files in the sequences "
                    "folder of your data folder) and every enrolment with where it stands. An order "
                    "enrols a customer by itself; --enroll and --stop do it by hand. Due steps show "
                    "in `studio today`.",
        handler=run_sequences,
    )
    what = seq.add_mutually_exclusive_group()
    what.add_argument("--enroll", nargs=2, metavar=("CONTACT", "NAME"),
                      help="enrol a contact (id or search) in the sequence NAME")
    what.add_argument("--stop", nargs=2, metavar=("CONTACT", "NAME"),
                      help="stop a contact's sequence NAME")
    what.add_argument("--done", nargs=3, metavar=("CONTACT", "NAME", "STEP"),
                      help="mark step STEP (its number) of a contact's sequence done (a call step "
                           "records the call)")
    what.add_argument("--skip", nargs=3, metavar=("CONTACT", "NAME", "STEP"),
                      help="skip step STEP of a contact's sequence")
    seq.add_argument("--contact", metavar="CONTACT", help="list only this contact's enrolments")
    add_json_argument(seq)
    add_today_argument(seq)

    report = add_command(
        subparsers, common, "report",
        help="the weekly goal, its streak, and reorders after cards",
        description="This week's cards posted and calls made against your weekly goal (settings "
                    "weekly_goal.cards and weekly_goal.calls), the streak of weeks in a row that met "
                    "it, and of the customers who got a card in the last 90 days, how many ordered "
                    "within 30 days, beside those who got none. With too few customers to compare, "
                    "it says so instead of giving a percentage.",
        handler=run_report,
    )
    add_json_argument(report)
    add_today_argument(report)


def run_sequences(args: argparse.Namespace, ctx: CliContext) -> int:
    today = today_of(args)
    if args.enroll or args.stop:
        contact_ref, name = args.enroll or args.stop
        with ctx.open_store() as store:
            if args.enroll:
                done = service.enroll(store, contact_ref, name, today, ctx.paths)
                ctx.print(f"Enrolled {done.contact.name} (#{done.contact.id}) in {done.sequence.name}, "
                          f"counting from {done.anchor.isoformat()}.")
            else:
                done = service.stop(store, contact_ref, name, today, ctx.paths)
                ctx.print(f"Stopped {done.sequence.name} for {done.contact.name} (#{done.contact.id}).")
        return 0
    if args.done or args.skip:
        contact_ref, name, step_text = args.done or args.skip
        if not step_text.isdigit():
            raise UsageError(f"STEP is the step's number, 1 for the first (got {step_text!r})")
        with ctx.open_store() as store:
            line = service.step_of(store, contact_ref, name, int(step_text), ctx.paths)
            service.complete_step(store, line.enrolment.id, int(step_text), today, skip=bool(args.skip),
                                  paths=ctx.paths)
        verb = "Skipped" if args.skip else "Done:"
        ctx.print(f"{verb} step {step_text} of {line.enrolment.contact_name}'s {name}.")
        return 0
    with ctx.open_store(must_exist=True) as store:
        listing = service.sequence_listing(store, ctx.paths, args.contact, today)
    if args.json:
        ctx.print_json({
            "sequences": [{"id": s.id, "name": s.name, "trigger": s.trigger, "tag": s.tag or None,
                           "counts_from": s.counts_from, "stop_on_order": s.stop_on_order,
                           "stop_untagged": s.stop_untagged or None, "bundled": s.bundled, "file": s.path,
                           "steps": [{"step": st.number, "days": st.days, "kind": st.kind,
                                      "template": st.template or None, "label": st.title} for st in s.steps]}
                          for s in listing.sequences],
            "enrolments": [line.to_json() for line in listing.enrolments],
        })
        return 0
    counts = listing.counts()
    for sequence in listing.sequences:
        where = "bundled" if sequence.bundled else sequence.path
        trigger = sequence.trigger + (f" {sequence.tag}" if sequence.tag else "")
        active = counts.get(sequence.id, 0)
        ctx.print(f"{sequence.name} ({sequence.id}; on {trigger}; {active} active; {where})")
        for step in sequence.steps:
            when = f"day {step.days}" if step.days >= 0 else f"{-step.days} days before"
            ctx.print(f"  {step.number}. {when}: {step.title}")
    if not listing.enrolments:
        ctx.print("Nobody is enrolled yet (an order enrols a customer; or studio sequences --enroll).")
        return 0
    ctx.print("")
    ctx.print("Enrolments, newest first:")
    for line in listing.enrolments:
        e = line.enrolment
        name = line.sequence.name if line.sequence else e.sequence
        ctx.print(f"  #{e.contact_id:<5} {e.contact_name}: {name} from {e.anchor.isoformat()}, "
                  f"{line.status} ({line.why})")
    return 0


def run_report(args: argparse.Namespace, ctx: CliContext) -> int:
    today = today_of(args)
    with ctx.open_store(must_exist=True) as store:
        report = results_service.results_report(store, today)
    if args.json:
        ctx.print_json(report.to_json())
        return 0
    ctx.print(report.goal_text())
    ctx.print(report.streak_text())
    ctx.print("")
    ctx.print("Week of      cards  calls")
    for week in report.weeks:
        met = "  met" if week.met else ""
        ctx.print(f"  {week.start.isoformat()}  {week.cards:>5}  {week.calls:>5}{met}")
    ctx.print("")
    ctx.print(f"Reorders after cards (last {results_service.WINDOW_DAYS} days):")
    ctx.print("  " + report.reorders.verdict())
    waiting = report.reorders.with_card.waiting
    if waiting:
        ctx.print(f"  {waiting} more got a card less than {results_service.WITHIN_DAYS} days ago and have "
                  "not ordered yet: they count once their days are over.")
    return 0
