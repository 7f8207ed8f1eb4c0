"""What the Today view shows, worked out on a pool thread with a store of its own.

`load_today` asks `studio.services.occasions.today_overview` and
`studio.services.results.results_report`, and groups the occasions for display
(`studio.ui.today.groups`); the view only builds widgets from the `TodayData` it returns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from studio.allocation import collector_paused
from studio.paths import AppPaths
from studio.progress import NO_PROGRESS, Progress
from studio.services.occasion_cache import OccasionCache
from studio.services.session import Store
from studio.ui.today.groups import OccasionGroup, group_occasions, mail_by_counts

if TYPE_CHECKING:
    from studio.services.occasions import TodayReport, UpcomingItem

UPCOMING_DAYS = 42
STRIP_DAYS = 14


@dataclass
class TodayData:
    """What the Today view shows, worked out on a pool thread (never the GUI thread).

    The GUI thread only builds widgets for the first lines of each list.
    """

    today: dt.date
    report: Any  # studio.services.occasions.TodayReport
    upcoming: list[Any]  # UpcomingItem
    due: list[OccasionGroup] = field(default_factory=list)  # to post today or late
    coming: list[OccasionGroup] = field(default_factory=list)  # mail-by after today
    strip: list[int] = field(default_factory=list)  # cards to post on each of the next STRIP_DAYS
    by_day: dict[dt.date, list[OccasionGroup]] = field(default_factory=dict)  # coming, by mail-by day
    due_cards: int = 0
    results: Any = None  # studio.services.results.ResultsReport


def load_today(store: Store, today: dt.date, progress: Progress = NO_PROGRESS,
               paths: AppPaths | None = None, cache: OccasionCache | None = None) -> TodayData:
    """Everything Today shows, from `studio.services.occasions` and `studio.services.results`,
    grouped for display (pool thread). ``paths`` finds the user's own follow-up sequences;
    ``cache`` keeps everyone's occasions between refreshes."""
    from studio.services.occasions import today_overview

    with collector_paused():
        report, upcoming = today_overview(store, today, UPCOMING_DAYS, progress, paths=paths, cache=cache)
        return _grouped(store, today, report, upcoming)


def _grouped(store: Store, today: dt.date, report: TodayReport, upcoming: list[UpcomingItem]) -> TodayData:
    from studio.services.results import results_report

    later = [i for i in upcoming if i.occasion.mail_by > today]
    due = group_occasions(report.due)
    coming = group_occasions(later)
    by_day: dict[dt.date, list[OccasionGroup]] = {}
    for group in coming:
        for day in sorted({i.occasion.mail_by for i in group.items}):
            by_day.setdefault(day, []).append(group)
    return TodayData(
        today,
        report,
        upcoming,
        due=due,
        coming=coming,
        strip=mail_by_counts(due + coming, today, STRIP_DAYS),
        by_day=by_day,
        due_cards=sum(len(g.items) for g in due),
        results=results_report(store, today),
    )
