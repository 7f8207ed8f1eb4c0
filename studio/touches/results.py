"""The results loop: the weekly goal and its streak, and whether cards bring customers back.

Weeks run Monday to Sunday. A week meets the goal when it has at least the goal's cards
posted and calls made (a part of the goal set to 0 asks for nothing). The streak counts the
weeks in a row that met it, back from last week; this week joins it once it has met it.

Whether cards work: every customer who got a card posted in the last `WINDOW_DAYS` is
asked whether they ordered within `WITHIN_DAYS` after their first card of the window
(while those days are not over and no order came, the answer is still "waiting"). The
customers who got no card in the window are asked the same of the `WITHIN_DAYS` after the
window's middle day, so both groups have as many days to order. Shares are shown only when
each group has at least `MIN_GROUP` customers; below that the difference is chance, and
the report says so in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

WINDOW_DAYS = 90
WITHIN_DAYS = 30
MIN_GROUP = 10
WEEKS_SHOWN = 8


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeekTally:
    start: dt.date  # the Monday
    cards: int
    calls: int
    met: bool

    def to_json(self) -> dict[str, object]:
        return {"week": self.start.isoformat(), "cards": self.cards, "calls": self.calls, "met": self.met}


def _met(cards: int, calls: int, goal_cards: int, goal_calls: int) -> bool:
    if goal_cards <= 0 and goal_calls <= 0:
        return False  # no goal: nothing to meet
    return cards >= goal_cards and calls >= goal_calls


def weekly_tallies(cards_by_day: Mapping[dt.date, int], calls_by_day: Mapping[dt.date, int],
                   goal_cards: int, goal_calls: int, today: dt.date, weeks: int) -> list[WeekTally]:
    """The last ``weeks`` weeks, oldest first, this week (so far) last."""
    this = week_start(today)
    starts = [this - dt.timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    cards = {s: 0 for s in starts}
    calls = {s: 0 for s in starts}
    for day, count in cards_by_day.items():
        if week_start(day) in cards and day <= today:
            cards[week_start(day)] += count
    for day, count in calls_by_day.items():
        if week_start(day) in calls and day <= today:
            calls[week_start(day)] += count
    return [WeekTally(s, cards[s], calls[s], _met(cards[s], calls[s], goal_cards, goal_calls))
            for s in starts]


def streak(tallies: Sequence[WeekTally]) -> int:
    """Weeks in a row that met the goal, back from last week; this week (the last tally)
    counts once it has met it, and does not break the streak while it has not yet."""
    if not tallies:
        return 0
    count = 1 if tallies[-1].met else 0
    for tally in reversed(tallies[:-1]):
        if not tally.met:
            break
        count += 1
    return count


@dataclass(frozen=True)
class CardOutcome:
    """One card of the window and whether the customer ordered within the days after it."""

    contact_id: int
    posted: dt.date
    ordered: bool | None  # None: the days are not over yet and no order came

    def to_json(self) -> dict[str, object]:
        return {"contact_id": self.contact_id, "posted": self.posted.isoformat(),
                "ordered_within": self.ordered}


@dataclass(frozen=True)
class Group:
    customers: int  # with an answer (waiting ones left out)
    reordered: int
    waiting: int = 0

    @property
    def share(self) -> float | None:
        return round(self.reordered / self.customers, 3) if self.customers else None

    def to_json(self, comparable: bool) -> dict[str, object]:
        return {"customers": self.customers, "reordered": self.reordered, "waiting": self.waiting,
                "share": self.share if comparable else None}


@dataclass(frozen=True)
class Reorders:
    with_card: Group
    without_card: Group
    cards: list[CardOutcome] = field(default_factory=list)

    @property
    def comparable(self) -> bool:
        return self.with_card.customers >= MIN_GROUP and self.without_card.customers >= MIN_GROUP

    def verdict(self) -> str:
        """The comparison in words: shares only when both groups are big enough."""
        a, b = self.with_card, self.without_card
        if not self.comparable:
            return (f"Too few customers to compare yet: {a.customers} who got a card and {b.customers} "
                    f"who got none can be counted so far (at least {MIN_GROUP} in each are needed).")
        share_a, share_b = round(100 * (a.share or 0)), round(100 * (b.share or 0))
        return (f"{share_a} % of customers who got a card ordered within {WITHIN_DAYS} days "
                f"({a.reordered} of {a.customers}), against {share_b} % of those who got none "
                f"({b.reordered} of {b.customers}).")

    def to_json(self) -> dict[str, object]:
        return {"window_days": WINDOW_DAYS, "within_days": WITHIN_DAYS, "min_group": MIN_GROUP,
                "comparable": self.comparable, "with_card": self.with_card.to_json(self.comparable),
                "without_card": self.without_card.to_json(self.comparable), "verdict": self.verdict()}


def _ordered(days: Sequence[dt.date], after: dt.date, today: dt.date) -> bool | None:
    end = after + dt.timedelta(days=WITHIN_DAYS)
    if any(after < d <= end for d in days):
        return True
    return False if end <= today else None


def reorders(cards: Iterable[tuple[int, dt.date]], orders: Mapping[int, Sequence[dt.date]],
             customers: Iterable[int], today: dt.date) -> Reorders:
    """``cards``: (contact id, day posted) in the window; ``orders``: each contact's order
    days; ``customers``: everyone counted as a customer. Contacts who are not customers are
    left out of both groups (a card to the team is not a sales effort)."""
    who = set(customers)
    outcomes = sorted((CardOutcome(cid, day, _ordered(orders.get(cid, ()), day, today))
                       for cid, day in cards if cid in who), key=lambda c: (c.posted, c.contact_id))
    first: dict[int, CardOutcome] = {}
    for outcome in outcomes:
        first.setdefault(outcome.contact_id, outcome)
    answered = [o for o in first.values() if o.ordered is not None]
    with_card = Group(len(answered), sum(1 for o in answered if o.ordered), len(first) - len(answered))
    middle = today - dt.timedelta(days=WINDOW_DAYS // 2)  # its days are over by today
    rest = [cid for cid in who if cid not in first]
    without = Group(len(rest), sum(1 for cid in rest if _ordered(orders.get(cid, ()), middle, today)))
    return Reorders(with_card, without, outcomes)
