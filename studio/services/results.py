"""The results loop as a use case: the weekly goal, its streak, and whether cards bring
customers back (`studio report`, the chart in Today). The rules are `studio.touches.results`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from studio.settings import Settings, WeeklyGoal
from studio.store import Store
from studio.touches.results import (
    WEEKS_SHOWN,
    WINDOW_DAYS,
    WITHIN_DAYS,
    Reorders,
    WeekTally,
    reorders,
    streak,
    week_start,
    weekly_tallies,
)

STREAK_WEEKS = 52  # how far back a streak is counted


@dataclass(frozen=True)
class ResultsReport:
    today: dt.date
    goal: WeeklyGoal
    weeks: list[WeekTally]  # the last WEEKS_SHOWN weeks, this one last
    streak_weeks: int
    reorders: Reorders

    @property
    def this_week(self) -> WeekTally:
        return self.weeks[-1]

    def goal_text(self) -> str:
        g, w = self.goal, self.this_week
        if g.cards <= 0 and g.calls <= 0:
            return "No weekly goal set (studio settings --set weekly_goal.cards=10)."
        parts = []
        if g.cards > 0:
            parts.append(f"{w.cards} of {g.cards} cards posted")
        if g.calls > 0:
            parts.append(f"{w.calls} of {g.calls} calls made")
        state = "goal met" if w.met else "to go"
        return f"This week: {' and '.join(parts)} ({state})."

    def streak_text(self) -> str:
        n = self.streak_weeks
        if n == 0:
            return "No streak yet: meet the goal this week to start one."
        return f"Streak: {n} week{'s' if n != 1 else ''} in a row met the goal."

    def to_json(self) -> dict[str, object]:
        return {"today": self.today.isoformat(), "goal": {"cards": self.goal.cards, "calls": self.goal.calls},
                "this_week": self.this_week.to_json(), "streak_weeks": self.streak_weeks,
                "weeks": [w.to_json() for w in self.weeks], "reorders": self.reorders.to_json(),
                "cards": [c.to_json() for c in self.reorders.cards]}


def results_report(store: Store, today: dt.date, settings: Settings | None = None) -> ResultsReport:
    """The goal, this week and the last ones, the streak, and the reorders after cards."""
    settings = settings or store.settings.load()
    goal = settings.weekly_goal
    since = week_start(today) - dt.timedelta(weeks=STREAK_WEEKS - 1)
    tallies = weekly_tallies(store.results.cards_posted_by_day(since),
                             store.results.touches_by_day("call", since), goal.cards, goal.calls, today,
                             STREAK_WEEKS)
    window = today - dt.timedelta(days=WINDOW_DAYS)
    found = reorders(store.results.cards_posted(window), store.results.order_days(window),
                     store.results.customers(today), today)
    return ResultsReport(today, goal, tallies[-WEEKS_SHOWN:], streak(tallies), found)


__all__ = ["WINDOW_DAYS", "WITHIN_DAYS", "ResultsReport", "results_report"]
