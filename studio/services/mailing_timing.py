"""When a mailing's cards arrive, said plainly: in time, or how late.

    for sentence in arrival_notes(plan, today): print(sentence)

The plan reckons each card's arrival from its posting day (`MailingPlan.post_on`) and the
post's transit to the contact's country. A post-by date is only ever offered when it is
still ahead: a day already gone is no advice ("Post by 18 Nov" on 5 December).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from studio.services.mailing_plan import MailingPlan, Recipient

_LATE_GROUPS_SHOWN = 3  # a birthday mailing may be late by many different days: the first few


def short_date(day: dt.date, today: dt.date) -> str:
    """ "9 Dec", with the year when it is not ``today``'s."""
    return f"{day.day} {day:%b}" + (f" {day.year}" if day.year != today.year else "")


def _cards(count: int) -> str:
    """The subject and its verb: "this card arrives", "these 12 cards arrive"."""
    return "this card arrives" if count == 1 else f"these {count} cards arrive"


def _posted(post_on: dt.date, today: dt.date) -> str:
    return "Posted today" if post_on == today else f"Posted on {short_date(post_on, today)}"


def post_by(plan: MailingPlan, today: dt.date) -> dt.date | None:
    """The last day to post the cards that can still arrive in time, never before the posting
    day (nor today); None when no card can arrive in time."""
    start = plan.post_on or today
    in_time = [r for r in plan.recipients if not r.days_late]
    if not in_time:
        return None
    return max(start, min(r.occasion.mail_by for r in in_time))


def late_recipients(plan: MailingPlan) -> list[Recipient]:
    return [r for r in plan.recipients if r.days_late]


def arrival_notes(plan: MailingPlan, today: dt.date) -> list[str]:
    """Sentences for the review page and ``--dry-run``: when to post the cards that arrive in
    time, and for the others when they arrive and how many days after their occasion."""
    start = plan.post_on or today
    notes = []
    by_day: dict[dt.date, int] = defaultdict(int)
    for r in plan.recipients:
        if not r.days_late:
            by_day[max(start, r.occasion.mail_by)] += 1
    if list(by_day) == [start]:
        notes.append(f"{_posted(start, today)}, {_cards(by_day[start])} in time.")
    elif len(by_day) == 1:
        ((day, count),) = by_day.items()
        which = "this card" if count == 1 else f"these {count} cards"
        notes.append(f"Post {which} by {short_date(day, today)} to arrive in time.")
    elif by_day:
        parts = [f"{n}{(' card' + ('s' if n != 1 else '')) if i == 0 else ''} by {short_date(day, today)}"
                 for i, (day, n) in enumerate(sorted(by_day.items()))]
        notes.append(f"To arrive in time, post {', '.join(parts)}.")
    groups: dict[tuple[dt.date, int], int] = defaultdict(int)
    for r in late_recipients(plan):
        assert r.arrives is not None
        groups[r.arrives, r.days_late] += 1
    ordered = sorted(groups.items())
    for (arrives, late), count in ordered[:_LATE_GROUPS_SHOWN]:
        notes.append(f"{_posted(start, today)}, {_cards(count)} about {short_date(arrives, today)}, "
                     f"{late} day{'s' if late != 1 else ''} after the occasion.")
    rest = sum(count for _, count in ordered[_LATE_GROUPS_SHOWN:])
    if rest:
        notes.append(f"{rest} more card{'s' if rest != 1 else ''} arrive late (see the list).")
    return notes


def arrival_text(recipient: Recipient, today: dt.date) -> str:
    """One card's arrival for a list: "about 9 Dec" or "about 9 Dec, 3 days late"."""
    if recipient.arrives is None:
        return ""
    text = f"about {short_date(recipient.arrives, today)}"
    late = recipient.days_late
    return text + (f", {late} day{'s' if late != 1 else ''} late" if late else "")
